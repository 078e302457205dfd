"""Many events resolved at once by the SQL model, sources pooled across events.

`RelationalSolver` is a `veracity.resolve.record.Solver`: it numbers the candidates, items and
witness groups of every event table into one id space, runs `sql_resolve.solve` on an engine,
and hands each event back its own `Result`. A document's source is its publisher when it names
one (so a publisher's reliability is learnt from all its events), else the document itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pyarrow as pa

from veracity.engines import sql_resolve
from veracity.engines.backend import Backend
from veracity.resolve import Result
from veracity.resolve.record import EventTable


def source_key(document_id: str, publisher: str | None) -> str:
    """The source a document's claims count for: its publisher, or itself when it names none."""
    return f"publisher:{publisher}" if publisher else f"document:{document_id}"


class RelationalSolver:
    """Resolve event tables together on a SQL engine (DuckDB locally, or Spark)."""

    def __init__(
        self,
        backend: Callable[[], Backend],
        source_of: Mapping[str, str],
        params: sql_resolve.Parameters | None = None,
        anchor: Mapping[str, Mapping[str, tuple[float, float]]] | None = None,
    ) -> None:
        self.backend = backend
        self.source_of = source_of  # document id -> source key
        self.params = params or sql_resolve.Parameters.of_default_model()
        # per pass: source key -> (num, den) learnt from events outside this run
        self.anchor = anchor or {}
        # per pass ("facts", ...): the reliability of every source key that made a claim, and
        # the evidence rows (event, source key, num, den) a later anchor can sum
        self.reliability: dict[str, dict[str, float]] = {}
        self.evidence: dict[str, list[tuple[str, str, float, float]]] = {}
        self.iterations: dict[str, int] = {}

    def __call__(self, tables: Sequence[EventTable], stage: str = "facts") -> list[Result]:
        sources: dict[str, int] = {}
        raw_parts: list[tuple[np.ndarray, ...]] = []
        cand_parts: list[tuple[np.ndarray, ...]] = []
        edge_parts: list[tuple[np.ndarray, ...]] = []
        offsets: list[tuple[int, int]] = []
        n_cand = n_item = n_group = 0
        for t in tables:
            table = t.table
            doc_source = np.array(
                [sources.setdefault(self.source_of.get(d, d), len(sources)) for d in t.document_ids],
                dtype=np.int64,
            )
            group_of_doc = (
                np.arange(len(t.document_ids), dtype=np.int64)
                if table.source_group is None
                else np.unique(table.source_group, return_inverse=True)[1].astype(np.int64)
            )
            cand = table.candidate + n_cand
            raw_parts.append(
                (
                    doc_source[table.source],
                    np.full(table.source.shape[0], len(offsets), dtype=np.int64),
                    group_of_doc[table.source] + n_group,
                    cand,
                    table.item + n_item,
                    np.ones(table.source.shape[0])
                    if table.claim_weight is None
                    else table.claim_weight.astype(np.float64),
                )
            )
            eligible = (
                np.ones(table.n_candidates, dtype=bool)
                if table.candidate_eligible is None
                else table.candidate_eligible
            )
            spec = (
                np.zeros(table.n_candidates)
                if table.candidate_specificity is None
                else table.candidate_specificity
            )
            cand_parts.append(
                (
                    np.arange(table.n_candidates, dtype=np.int64) + n_cand,
                    table.candidate_item + n_item,
                    eligible,
                    spec.astype(np.float64),
                )
            )
            coo = table.support.tocoo() if table.support is not None else None
            if coo is None:
                ids = np.arange(table.n_candidates, dtype=np.int64)
                edge_parts.append((ids + n_cand, ids + n_cand, np.ones(ids.shape[0])))
            else:
                edge_parts.append(
                    (
                        coo.row.astype(np.int64) + n_cand,
                        coo.col.astype(np.int64) + n_cand,
                        coo.data.astype(np.float64),
                    )
                )
            offsets.append((n_cand, n_item))
            n_cand += table.n_candidates
            n_item += table.n_items
            n_group += int(group_of_doc.max()) + 1 if group_of_doc.size else 0
        anchored = [(sources[k], num, den) for k, (num, den) in self.anchor.get(stage, {}).items()
                    if k in sources]
        solution = sql_resolve.solve(
            self.backend(),
            _arrow(raw_parts, ("source", "event", "grp", "cand", "item", "w")),
            _arrow(cand_parts, ("cand", "item", "eligible", "spec")),
            _arrow(edge_parts, ("a", "b", "s")),
            n_item,
            self.params,
            pa.table(
                {
                    "source": pa.array([a[0] for a in anchored], pa.int64()),
                    "num": pa.array([a[1] for a in anchored], pa.float64()),
                    "den": pa.array([a[2] for a in anchored], pa.float64()),
                }
            ),
        )
        names = list(sources)
        self.reliability[stage] = {names[s]: r for s, r in solution.reliability.items()}
        ev = solution.evidence
        self.evidence[stage] = [
            (tables[e].event, names[s], num, den)
            for s, e, num, den in zip(
                ev.column("source").to_pylist(),
                ev.column("event").to_pylist(),
                ev.column("num").to_pylist(),
                ev.column("den").to_pylist(),
                strict=True,
            )
        ]
        self.iterations[stage] = solution.iterations
        rel_of_source = np.array(
            [solution.reliability.get(s, self.params.prior) for s in range(len(names))]
        )
        results = []
        for t, (c0, i0) in zip(tables, offsets, strict=True):
            winners = solution.winner[i0 : i0 + t.table.n_items]
            doc_source = np.array([sources[self.source_of.get(d, d)] for d in t.document_ids])
            results.append(
                Result(
                    confidence=solution.confidence[c0 : c0 + t.table.n_candidates],
                    truth=np.where(winners >= 0, winners - c0, -1),
                    reliability=rel_of_source[doc_source],
                    iterations=solution.iterations,
                )
            )
        return results


def _arrow(parts: list[tuple[np.ndarray, ...]], names: tuple[str, ...]) -> pa.Table:
    columns = []
    for k in range(len(names)):
        chunks = [p[k] for p in parts]
        columns.append(pa.array(np.concatenate(chunks)) if chunks else pa.array([], pa.int64()))
    return pa.table(columns, names=list(names))
