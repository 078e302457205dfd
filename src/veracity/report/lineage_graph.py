"""Lay out the lineage graph (who copied or translated whom) for a small inline SVG.

A small corpus is drawn whole, independent accounts as faded nodes; past `MAX_WHOLE` documents only
those in a lineage relation are drawn (the sources table lists the rest), so the picture stays
readable as a corpus grows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

NODE_RADIUS = 22.0
MAX_WHOLE = 12
_LABEL_ROOM = 100.0  # space around the circle for the node labels


@dataclass(frozen=True, slots=True)
class GraphNode:
    key: str
    label: str
    detail: str
    x: float
    y: float
    related: bool
    label_x: float
    label_y: float
    anchor: str


@dataclass(frozen=True, slots=True)
class GraphEdge:
    relation: str
    score: str
    x1: float
    y1: float
    x2: float
    y2: float
    label_x: float
    label_y: float
    title: str


@dataclass(frozen=True, slots=True)
class LineageGraph:
    width: float
    height: float
    nodes: list[GraphNode]
    edges: list[GraphEdge]


Point = tuple[float, float]


def _positions(count: int) -> tuple[list[Point], list[Point], float, float]:
    """Node centres on a circle and, for each, the outward direction its label goes."""
    if count <= 2:
        xs = [90.0, 270.0][:count] if count == 2 else [180.0]
        return [(x, 45.0) for x in xs], [(0.0, 1.0)] * count, 360.0, 110.0
    radius = max(90.0, 30.0 * count / math.pi)
    size = 2 * (radius + _LABEL_ROOM)
    centre = size / 2
    directions = [
        (math.sin(2 * math.pi * n / count), -math.cos(2 * math.pi * n / count))
        for n in range(count)
    ]
    points = [(centre + radius * dx, centre + radius * dy) for dx, dy in directions]
    return points, directions, size, size


def _label_place(x: float, y: float, dx: float, dy: float) -> tuple[float, float, str]:
    """Where a node's name goes: outside the circle, so edges and their labels stay clear."""
    reach = NODE_RADIUS + 8
    anchor = "middle" if abs(dx) < 0.35 else ("start" if dx > 0 else "end")
    lx, ly = x + dx * reach, y + dy * reach + 4
    if anchor == "middle":
        ly = y + (NODE_RADIUS + 16 if dy >= 0 else -NODE_RADIUS - 8)
    return round(lx, 1), round(ly, 1), anchor


def _shorten(x1: float, y1: float, x2: float, y2: float) -> tuple[float, float, float, float]:
    """Trim a segment so it starts and ends at the node circles, leaving room for the arrow."""
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    gap_start, gap_end = NODE_RADIUS + 2, NODE_RADIUS + 6
    return x1 + ux * gap_start, y1 + uy * gap_start, x2 - ux * gap_end, y2 - uy * gap_end


def layout_lineage(
    lineage: Sequence[Mapping[str, Any]],
    doc_keys: Mapping[str, str],
    doc_details: Mapping[str, str],
) -> LineageGraph | None:
    """Positions for each related document and each relation; None when there is no lineage.

    `doc_keys` maps each document id, in report order, to its page-local key; relations naming
    unknown documents are skipped rather than drawn to nowhere.
    """
    relations = [r for r in lineage if r.get("document") in doc_keys and r.get("of") in doc_keys]
    if not relations:
        return None
    related: list[str] = []
    for relation in relations:
        for doc_id in (relation["of"], relation["document"]):
            if doc_id not in related:
                related.append(doc_id)
    members = list(doc_keys) if len(doc_keys) <= MAX_WHOLE else related
    points, directions, width, height = _positions(len(members))
    where = dict(zip(members, points, strict=True))
    nodes = [
        GraphNode(doc_keys[d], d, doc_details.get(d, ""), round(x, 1), round(y, 1), d in related,
                  *_label_place(x, y, dx, dy))
        for d, (x, y), (dx, dy) in zip(members, points, directions, strict=True)
    ]
    edges = []
    for relation in relations:
        (fx, fy), (tx, ty) = where[relation["document"]], where[relation["of"]]
        x1, y1, x2, y2 = _shorten(fx, fy, tx, ty)
        score = relation.get("score")
        score_text = f"{score:.2f}" if isinstance(score, int | float) else ""
        kind = str(relation.get("relation", "related"))
        edges.append(GraphEdge(
            relation=kind if kind in ("translation", "near-duplicate", "derived") else "related",
            score=score_text,
            x1=round(x1, 1), y1=round(y1, 1), x2=round(x2, 1), y2=round(y2, 1),
            label_x=round((fx + tx) / 2, 1), label_y=round((fy + ty) / 2 + 4, 1),
            title=f"{relation['document']} is a {kind} of {relation['of']} {score_text}".strip(),
        ))
    return LineageGraph(width, height, nodes, edges)
