"""Independent witnesses: documents joined by any lineage link count once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from veracity.model import Lineage


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def witness_groups(doc_ids: Sequence[str], lineage: Iterable[Lineage]) -> dict[str, str]:
    """Map every document to its group's representative (use as ClaimTable.source_group).

    The representative is the group's most original member: the one most often named as `of`
    and least often as a copy, ties broken by id, so a group is named after its original.
    Links to documents outside `doc_ids` are ignored.
    """
    known = set(doc_ids)
    uf = _UnionFind(doc_ids)
    originality: dict[str, int] = dict.fromkeys(doc_ids, 0)
    for link in lineage:
        if link.document not in known or link.of not in known:
            continue
        uf.union(link.document, link.of)
        if link.directed:
            originality[link.of] += 1
            originality[link.document] -= 1
    members: dict[str, list[str]] = {}
    for doc in doc_ids:
        members.setdefault(uf.find(doc), []).append(doc)
    representative = {
        root: min(group, key=lambda d: (-originality[d], d)) for root, group in members.items()
    }
    return {doc: representative[uf.find(doc)] for doc in doc_ids}


def source_group_codes(sources: Sequence[str], lineage: Iterable[Lineage]) -> npt.NDArray[np.int64]:
    """`ClaimTable.source_group` for sources in table order: equal codes = one witness."""
    groups = witness_groups(sources, lineage)
    codes: dict[str, int] = {}
    return np.fromiter(
        (codes.setdefault(groups[s], len(codes)) for s in sources), np.int64, len(sources)
    )
