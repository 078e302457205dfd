"""veracity's default truth-discovery model as SQL, so that DuckDB and Spark run the same code.

The model is the one of `veracity.resolve.default` (read that module for the why), stated over
tables instead of arrays, with one generalisation: a *source* need not be a document. When
articles name their publisher, the source is the publisher, so its reliability is learnt from
all its claims in all events and weighs its articles everywhere. What the numpy model adds on
claim tables, and this formulation leaves out: copy detection between pairs of sources (it acts
only on pairs with many items in common, which the documents of one event never are; witness
groups from lineage count copies once here as there), accuracy per attribute, less specific
forms (`ClaimTable.generalizes`) and echoes (`ClaimTable.claim_order`): an event's table has none.

Inputs (registered by the caller):

- `raw(source, event, grp, cand, item, w)`: one row per claim. `grp` is the claim's witness
  group (an original with its copies and translations), numbered across events; `item` is one
  (event, attribute); `cand` one candidate value of one item; `w` the claim's extraction
  confidence (`ClaimTable.claim_weight`, 1 when not given).
- `candidates(cand, item, eligible, spec)`: `eligible` is false for a vague value when a
  precise one inside it was claimed; `spec` breaks ties (a day beats a month).
- `edges(a, b, s)`: a claim of candidate a supports candidate b by s (1 from a to itself).
- `anchor(source, num, den)`: evidence about sources from events not in this run (what their
  claims agreed with when those events were last resolved). Empty for a full run; `veracity
  add` uses it so that re-resolving a few events does not forget the rest.

Besides the record, a run returns its `evidence` per (event, source): the weighted count of
right claims and of claims each event adds to a source's accuracy, which is what a later anchor
sums.

The iteration is a Python loop (`solve`) that runs the same statements per round and pulls back
one number, the largest change of a reliability, as Splink does for its EM. Reliabilities are
rounded to 1e-12 each round: floating-point sums in a different order (DuckDB's threads,
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
    n_false: float
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
            n_false=float(p["n_false"].default),
            prior=float(p["prior"].default),
            prior_strength=float(p["prior_strength"].default),
            doubt=float(p["doubt"].default),
            max_iterations=int(p["max_iterations"].default),
            tolerance=float(p["tolerance"].default),
        )

    def vote(self, accuracy: float) -> float:
        """Accu's vote of a source of this accuracy (as `default._log_odds`)."""
        return max(float(np.log(self.n_false * accuracy / (1.0 - accuracy))), 0.0)


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

# how much each claim weighs: a source giving k values for an item votes w/k for each (`share`,
# w its extraction confidence); as evidence of its accuracy a value it repeats is judged once,
# and a claim on an item no other witness group speaks of not at all (`judged`)
CLAIM_ROWS = """
WITH per_value AS (
    SELECT source, item, cand, COUNT(*) AS repeats FROM {raw} GROUP BY source, item, cand
), per_item AS (
    SELECT source, item, COUNT(*) AS k FROM per_value GROUP BY source, item
), speakers AS (
    SELECT item, COUNT(DISTINCT grp) AS groups FROM {raw} GROUP BY item
)
SELECT r.source, r.event, r.grp, r.cand, r.item,
       MAX(r.w) / i.k AS share,
       CASE WHEN s.groups > 1 THEN SUM(r.w / (i.k * v.repeats)) ELSE {zero} END AS judged
FROM {raw} r
JOIN per_value v ON v.source = r.source AND v.item = r.item AND v.cand = r.cand
JOIN per_item i ON i.source = r.source AND i.item = r.item
JOIN speakers s ON s.item = r.item
GROUP BY r.source, r.event, r.grp, r.cand, r.item, i.k, s.groups
"""

# in the vote a claim backs its own value, and a value that may not win backs the values it is
# compatible with
VOTE_EDGES = """
SELECT e.a, e.b, e.s FROM {edges} e JOIN {candidates} k ON k.cand = e.a
WHERE e.a = e.b OR NOT k.eligible
"""

ITEMS = """
SELECT item, SUM(CASE WHEN eligible THEN 1 ELSE 0 END) AS claimed FROM {candidates} GROUP BY item
"""

INITIAL_RELIABILITY = """
SELECT DISTINCT source, {prior} AS r FROM {claim_rows}
"""

# each witness group backs a value by its strongest claim only: a copy is not a second witness;
# a source of accuracy r votes ln(n r / (1 - r)), never less than 0
CONTRIBUTIONS = """
SELECT c.grp, e.b AS cand,
       MAX(GREATEST({zero}, LN({n_false} * r.r / ({one} - r.r))) * c.share * e.s) AS w
FROM {claim_rows} c
JOIN {rel} r ON r.source = c.source
JOIN {vote_edges} e ON e.a = c.cand
GROUP BY c.grp, e.b
"""

VOTES = """
SELECT k.cand, k.item, k.eligible, COALESCE(SUM(c.w), {zero}) AS vote
FROM {candidates} k LEFT JOIN {contrib} c ON c.cand = k.cand
GROUP BY k.cand, k.item, k.eligible
"""

# a value's probability: the softmax of the votes over its item's n + 1 values (the values
# nobody claimed vote 0); a value that may not win gets none
PROBABILITY = """
WITH top AS (
    SELECT item, GREATEST({zero}, COALESCE(MAX(CASE WHEN eligible THEN vote END), {zero})) AS top,
           SUM(CASE WHEN eligible THEN vote ELSE {zero} END) AS votes
    FROM {votes} GROUP BY item
), weighted AS (
    SELECT v.cand, v.item, v.vote, v.eligible,
           CASE WHEN v.eligible THEN EXP(v.vote - t.top) ELSE {zero} END AS w
    FROM {votes} v JOIN top t ON t.item = v.item
), denominator AS (
    SELECT w.item, SUM(w.w) AS s FROM weighted w GROUP BY w.item
)
SELECT w.cand, w.item,
       w.w / (d.s + GREATEST({n_false} + {one} - i.claimed, {zero}) * EXP(-t.top)) AS p,
       CASE WHEN w.eligible THEN w.vote / (t.votes + {doubt_votes}) ELSE {zero} END AS share
FROM weighted w
JOIN denominator d ON d.item = w.item
JOIN top t ON t.item = w.item
JOIN {items} i ON i.item = w.item
"""

# a claim is right by the probability of the values it is compatible with; a source's evidence
# per event: its right claims and its claims, as judged
SCORED = """
WITH right_value AS (
    SELECT e.a AS cand, LEAST({one}, SUM(e.s * p.p)) AS right_share
    FROM {edges} e JOIN {probability} p ON p.cand = e.b
    GROUP BY e.a
)
SELECT c.source, c.event, SUM(c.judged * r.right_share) AS num, SUM(c.judged) AS den
FROM {claim_rows} c JOIN right_value r ON r.cand = c.cand
GROUP BY c.source, c.event
"""

# a source's reliability: its evidence here and in the anchor under a Beta prior
RELIABILITY = """
WITH terms AS (
    SELECT source, num, den FROM {scored}
    UNION ALL
    SELECT a.source, a.num, a.den FROM {anchor} a JOIN {rel} r ON r.source = a.source
)
SELECT source,
       ROUND(GREATEST({low}, LEAST({high},
           ({prior} * {strength} + SUM(num)) / ({strength} + SUM(den)))), {digits}) AS r
FROM terms
GROUP BY source
"""

CHANGE = """
SELECT MAX(ABS(n.r - o.r)) AS change FROM {new_rel} n JOIN {rel} o ON o.source = n.source
"""

CONFIDENCE = """
SELECT cand, item, ROUND(p, {digits}) AS p, ROUND(share, {digits}) AS confidence
FROM {probability}
"""

# the most probable value; ties: the more specific value, then the higher candidate number
# (never input row order)
WINNERS = """
SELECT item, cand FROM (
    SELECT c.item, c.cand,
           ROW_NUMBER() OVER (PARTITION BY c.item
                              ORDER BY c.p DESC, k.spec DESC, c.cand DESC) AS rank
    FROM {confidence} c JOIN {candidates} k ON k.cand = c.cand
    WHERE k.eligible
) ranked
WHERE rank = 1
"""

STATEMENTS = {
    "CLAIM_ROWS": CLAIM_ROWS,
    "VOTE_EDGES": VOTE_EDGES,
    "ITEMS": ITEMS,
    "INITIAL_RELIABILITY": INITIAL_RELIABILITY,
    "CONTRIBUTIONS": CONTRIBUTIONS,
    "VOTES": VOTES,
    "PROBABILITY": PROBABILITY,
    "SCORED": SCORED,
    "RELIABILITY": RELIABILITY,
    "CHANGE": CHANGE,
    "CONFIDENCE": CONFIDENCE,
    "WINNERS": WINNERS,
}

# every table the statements read or write
TABLES = (
    "raw", "candidates", "edges", "anchor", "claim_rows", "vote_edges", "items", "rel",
    "contrib", "votes", "probability", "scored", "new_rel", "confidence",
)


class _Tables(dict[str, str]):
    """Leaves table placeholders for the engine and fills in the parameters."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _sql(template: str, params: Parameters) -> str:
    values = _Tables(
        n_false=_num(params.n_false),
        prior=_num(params.prior),
        strength=_num(params.prior_strength),
        doubt_votes=_num(params.doubt * params.vote(params.prior)),
        low=_num(0.01),
        high=_num(0.99),
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
    backend.materialise("vote_edges", _sql(VOTE_EDGES, p))
    backend.materialise("items", _sql(ITEMS, p))
    backend.materialise("rel", _sql(INITIAL_RELIABILITY, p))
    iterations = 0
    for iterations in range(1, p.max_iterations + 1):  # noqa: B007 (reported)
        # one round's tables; only the new reliabilities are kept for the next round (and the
        # last round's probabilities for the record)
        backend.materialise("contrib", _sql(CONTRIBUTIONS, p), persist=False)
        backend.materialise("votes", _sql(VOTES, p), persist=False)
        backend.materialise("probability", _sql(PROBABILITY, p), persist=False)
        backend.materialise("scored", _sql(SCORED, p), persist=False)
        backend.materialise("new_rel", _sql(RELIABILITY, p))
        change = backend.fetch(_sql(CHANGE, p)).column("change")[0].as_py() or 0.0
        # probabilities are those of this round (computed with the reliabilities it began with)
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
    for name in TABLES:
        backend.drop(name)
    return Solution(confidence, winner, reliability, iterations, evidence)
