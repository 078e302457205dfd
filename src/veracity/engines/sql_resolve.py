"""veracity's default truth-discovery model as SQL, so that DuckDB and Spark run the same code.

The model is the one of `veracity.resolve.default` (read that module for the why), stated over
tables instead of arrays, with one generalisation: a *source* need not be a document. When
articles name their publisher, the source is the publisher, so its reliability is learnt from
all its claims in all events and weighs its articles everywhere.

Inputs (registered by the caller):

- `raw(source, event, grp, cand, item)`: one row per claim. `grp` is the claim's witness group
  (an original with its copies and translations), numbered across events; `item` is one
  (event, attribute); `cand` one candidate value of one item.
- `candidates(cand, item, eligible, spec)`: `eligible` is false for a vague value when a
  precise one inside it was claimed; `spec` breaks ties (a day beats a month).
- `edges(a, b, s)`: a claim of candidate a supports candidate b by s (1 from a to itself).
- `anchor(source, num, den)`: evidence about sources from events not in this run (what their
  claims agreed with when those events were last resolved). Empty for a full run; `veracity
  add` uses it so that re-resolving a few events does not forget the rest.

Besides the record, a run returns its `evidence` per (event, source): the numerator and
denominator each event adds to a source's reliability, which is what a later anchor sums.

The iteration is a Python loop (`solve`) that runs the same four statements per round and pulls
back one number, the largest change of a reliability, as Splink does for its EM. Reliabilities
are rounded to 1e-12 each round: floating-point sums in a different order (DuckDB's threads,
Spark's partitions) then cannot make the engines disagree.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from veracity.engines.backend import Backend

# digits kept of every reliability and confidence (see the module docstring)
DIGITS = 12


@dataclass(frozen=True)
class Parameters:
    prior: float
    prior_strength: float
    doubt: float
    max_iterations: int
    tolerance: float

    @classmethod
    def of_default_model(cls) -> Parameters:
        """The numpy model's own defaults, so the two formulations cannot drift apart."""
        from veracity.resolve.default import default

        p = inspect.signature(default).parameters
        return cls(
            prior=float(p["prior"].default),
            prior_strength=float(p["prior_strength"].default),
            doubt=float(p["doubt"].default),
            max_iterations=int(p["max_iterations"].default),
            tolerance=float(p["tolerance"].default),
        )


@dataclass
class Solution:
    confidence: npt.NDArray[np.float64]  # per candidate id (0..n_candidates-1)
    winner: npt.NDArray[np.int64]  # per item id, the winning candidate id or -1
    reliability: dict[int, float]  # per source id that made a claim
    iterations: int
    evidence: pa.Table  # (source, event, num, den) of the last round


EMPTY_ANCHOR = pa.table(
    {"source": pa.array([], pa.int64()), "num": pa.array([], pa.float64()),
     "den": pa.array([], pa.float64())}
)


def _num(x: float) -> str:
    # an explicit double: a bare 0.7 is a DECIMAL in both dialects, and Spark keeps decimals
    return f"CAST({x!r} AS DOUBLE)"


# --- statements, in DuckDB's dialect; {name} is a table the engine resolves -----------------

# how much each claim weighs: a source giving k values for an item votes 1/k for each
# (`share`); for its reliability a value it repeats is judged once (`judged`)
CLAIM_ROWS = """
WITH per_value AS (
    SELECT source, item, cand, COUNT(*) AS repeats FROM {raw} GROUP BY source, item, cand
), per_item AS (
    SELECT source, item, COUNT(*) AS k FROM per_value GROUP BY source, item
)
SELECT r.source, r.event, r.grp, r.cand, r.item,
       CAST(1 AS DOUBLE) / i.k AS share,
       SUM(CAST(1 AS DOUBLE) / (i.k * v.repeats)) AS judged
FROM {raw} r
JOIN per_value v ON v.source = r.source AND v.item = r.item AND v.cand = r.cand
JOIN per_item i ON i.source = r.source AND i.item = r.item
GROUP BY r.source, r.event, r.grp, r.cand, r.item, i.k
"""

ELIGIBLE_EDGES = """
SELECT e.a, e.b, e.s FROM {edges} e JOIN {candidates} k ON k.cand = e.b WHERE k.eligible
"""

INITIAL_RELIABILITY = """
SELECT DISTINCT source, {prior} AS r FROM {claim_rows}
"""

# each witness group supports a candidate by its strongest claim only: a copy is not a second
# witness
CONTRIBUTIONS = """
SELECT c.grp, e.b AS cand, MAX(r.r * c.share * e.s) AS w
FROM {claim_rows} c
JOIN {rel} r ON r.source = c.source
JOIN {edges} e ON e.a = c.cand
GROUP BY c.grp, e.b
"""

TOTALS = """
SELECT cand, SUM(w) AS total FROM {contrib} GROUP BY cand
"""

ITEM_TOTALS = """
SELECT k.item, SUM(t.total) AS total
FROM {totals} t JOIN {candidates} k ON k.cand = t.cand
WHERE k.eligible
GROUP BY k.item
"""

GROUP_ITEMS = """
SELECT c.grp, k.item, SUM(c.w) AS w
FROM {contrib} c JOIN {candidates} k ON k.cand = c.cand
WHERE k.eligible
GROUP BY c.grp, k.item
"""

# how well each claim agrees with what the *other* witness groups support (leave one out), and
# how much there is to agree with (nothing when no other group speaks of the item)
SCORED = """
WITH reach AS (
    SELECT c.grp, c.cand, SUM(e.s * (t.total - COALESCE(o.w, 0))) AS others_num
    FROM (SELECT DISTINCT grp, cand FROM {claim_rows}) c
    JOIN {eligible_edges} e ON e.a = c.cand
    JOIN {totals} t ON t.cand = e.b
    LEFT JOIN {contrib} o ON o.grp = c.grp AND o.cand = e.b
    GROUP BY c.grp, c.cand
), scored AS (
    SELECT c.source, c.event, c.judged,
           COALESCE(n.others_num, 0) AS others_num,
           COALESCE(it.total, 0) - COALESCE(g.w, 0) AS others_den
    FROM {claim_rows} c
    LEFT JOIN reach n ON n.grp = c.grp AND n.cand = c.cand
    LEFT JOIN {item_totals} it ON it.item = c.item
    LEFT JOIN {group_items} g ON g.grp = c.grp AND g.item = c.item
)
SELECT source, event,
       SUM(CASE WHEN others_den > {informative}
           THEN judged * GREATEST({zero}, LEAST({one}, others_num / others_den))
           ELSE {zero} END) AS num,
       SUM(CASE WHEN others_den > {informative} THEN judged ELSE {zero} END) AS den
FROM scored
GROUP BY source, event
"""

# a source's reliability: its agreement over all its informative claims, here and in the
# anchor, under a Beta prior
RELIABILITY = """
WITH terms AS (
    SELECT source, num, den FROM {scored}
    UNION ALL
    SELECT a.source, a.num, a.den FROM {anchor} a JOIN {rel} r ON r.source = a.source
)
SELECT source,
       ROUND(({prior} * {strength} + SUM(num)) / ({strength} + SUM(den)), {digits}) AS r
FROM terms
GROUP BY source
"""

CHANGE = """
SELECT MAX(ABS(n.r - o.r)) AS change FROM {new_rel} n JOIN {rel} o ON o.source = n.source
"""

CONFIDENCE = """
SELECT k.cand, k.item,
       CASE WHEN k.eligible
            THEN ROUND(COALESCE(t.total, 0) / (COALESCE(it.total, 0) + {doubt}), {digits})
            ELSE {zero} END AS confidence
FROM {candidates} k
LEFT JOIN {totals} t ON t.cand = k.cand
LEFT JOIN {item_totals} it ON it.item = k.item
"""

# ties: the more specific value, then the higher candidate number (never input row order)
WINNERS = """
SELECT item, cand FROM (
    SELECT c.item, c.cand,
           ROW_NUMBER() OVER (PARTITION BY c.item
                              ORDER BY c.confidence DESC, k.spec DESC, c.cand DESC) AS rank
    FROM {confidence} c JOIN {candidates} k ON k.cand = c.cand
    WHERE k.eligible
) ranked
WHERE rank = 1
"""

STATEMENTS = {
    "CLAIM_ROWS": CLAIM_ROWS,
    "ELIGIBLE_EDGES": ELIGIBLE_EDGES,
    "INITIAL_RELIABILITY": INITIAL_RELIABILITY,
    "CONTRIBUTIONS": CONTRIBUTIONS,
    "TOTALS": TOTALS,
    "ITEM_TOTALS": ITEM_TOTALS,
    "GROUP_ITEMS": GROUP_ITEMS,
    "SCORED": SCORED,
    "RELIABILITY": RELIABILITY,
    "CHANGE": CHANGE,
    "CONFIDENCE": CONFIDENCE,
    "WINNERS": WINNERS,
}


class _Tables(dict[str, str]):
    """Leaves table placeholders for the engine and fills in the parameters."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _sql(template: str, params: Parameters) -> str:
    values = _Tables(
        prior=_num(params.prior),
        strength=_num(params.prior_strength),
        doubt=_num(params.doubt),
        informative=_num(1e-9),
        zero=_num(0.0),
        one=_num(1.0),
        digits=str(DIGITS),
    )
    return template.format_map(values)


def solve(
    backend: Backend,
    raw: pa.Table,
    candidates: pa.Table,
    edges: pa.Table,
    n_items: int,
    params: Parameters | None = None,
    anchor: pa.Table | None = None,
) -> Solution:
    """Run the model to convergence on `backend`; see the module docstring for the inputs."""
    p = params or Parameters.of_default_model()
    backend.register("raw", raw)
    backend.register("candidates", candidates)
    backend.register("edges", edges)
    backend.register("anchor", anchor if anchor is not None else EMPTY_ANCHOR)
    backend.materialise("claim_rows", _sql(CLAIM_ROWS, p))
    backend.materialise("eligible_edges", _sql(ELIGIBLE_EDGES, p))
    backend.materialise("rel", _sql(INITIAL_RELIABILITY, p))
    iterations = 0
    for iterations in range(1, p.max_iterations + 1):  # noqa: B007 (reported)
        # one round's tables; only the new reliabilities are kept for the next round (and the
        # last round's tables for the confidences)
        backend.materialise("contrib", _sql(CONTRIBUTIONS, p), persist=False)
        backend.materialise("totals", _sql(TOTALS, p), persist=False)
        backend.materialise("item_totals", _sql(ITEM_TOTALS, p), persist=False)
        backend.materialise("group_items", _sql(GROUP_ITEMS, p), persist=False)
        backend.materialise("scored", _sql(SCORED, p), persist=False)
        backend.materialise("new_rel", _sql(RELIABILITY, p))
        change = backend.fetch(_sql(CHANGE, p)).column("change")[0].as_py() or 0.0
        # confidences are those of this round (computed with the reliabilities it began with)
        backend.materialise("rel", "SELECT source, r FROM {new_rel}", persist=False)
        if change < p.tolerance:
            break
    backend.materialise("confidence", _sql(CONFIDENCE, p))
    n_candidates = candidates.num_rows
    confidence = np.zeros(n_candidates)
    conf = backend.fetch("SELECT cand, confidence FROM {confidence}")
    confidence[conf.column("cand").to_numpy()] = conf.column("confidence").to_numpy()
    winner = np.full(n_items, -1, dtype=np.int64)
    won = backend.fetch(_sql(WINNERS, p))
    winner[won.column("item").to_numpy()] = won.column("cand").to_numpy()
    rel = backend.fetch("SELECT source, r FROM {rel}")
    reliability = dict(
        zip(rel.column("source").to_pylist(), rel.column("r").to_pylist(), strict=True)
    )
    evidence = backend.fetch(
        "SELECT source, event, num, den FROM {scored} ORDER BY source, event"
    )
    for name in ("raw", "candidates", "edges", "anchor", "claim_rows", "eligible_edges", "rel",
                 "contrib", "totals", "item_totals", "group_items", "scored", "new_rel",
                 "confidence"):
        backend.drop(name)
    return Solution(confidence, winner, reliability, iterations, evidence)
