"""Investment and PooledInvestment (Pasternack & Roth, COLING 2010, "Knowing what to believe").

A source invests its trust in its claims in equal parts; a claim's belief grows non-linearly with
the total invested in it (G(x) = x^g); a source's new trust is its return: from every claim, the
claim's belief shared among the investors in proportion to what each invested. A source that
stands behind a claim with few others gets a large share of its return; a clique of mirror sites
splits one return many ways, which is why these models resist copying without detecting it.
PooledInvestment divides the grown investments among the values of an item (mutual exclusion).

Defaults are the paper's: Investment g = 1.2, 20 iterations, beliefs started from the vote share;
PooledInvestment g = 1.4, 10 iterations, uniform start. With a claim order, an echo
(`echo.py`) is a stake weighted by its probability of being independent, and a source spreads
its trust over its claims in proportion to those weights. Vectorised: every step is a sparse matrix-vector
product over the distinct (source, candidate) claims.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from veracity.resolve.base import (
    ClaimTable,
    FloatArray,
    IntArray,
    Result,
    argmax_per_item,
    register,
    unique_inverse,
)
from veracity.resolve.echo import echo_weight


def _distinct_claims(
    table: ClaimTable, weight: FloatArray
) -> tuple[IntArray, IntArray, FloatArray]:
    """(source, candidate) pairs without repeats (a source invests once in a value), with the
    largest weight among a pair's repeats."""
    key = table.source.astype(np.int64) * max(table.n_candidates, 1) + table.candidate
    unique, inverse = unique_inverse(key)
    largest = np.zeros(unique.shape[0])
    np.maximum.at(largest, inverse, weight)
    n_cand = max(table.n_candidates, 1)
    return unique // n_cand, unique % n_cand, largest


def _item_sum(table: ClaimTable, values: FloatArray) -> FloatArray:
    per_item = np.bincount(table.candidate_item, weights=values, minlength=table.n_items)
    return per_item[table.candidate_item].astype(np.float64)


@dataclass
class _Claims:
    """Distinct (source, candidate) claims as two sparse incidence matrices: every scatter and
    gather of an iteration is then one sparse matrix-vector product."""

    by_candidate: sparse.csr_matrix  # candidates x sources: how much of a stake counts
    by_source: sparse.csr_matrix  # sources x candidates
    counts: FloatArray  # claims per source


def _claims(table: ClaimTable, echoes: bool) -> _Claims:
    # an echo's stake counts by how likely the claim is independent (1 for every other claim)
    source, candidate, weight = _distinct_claims(table, echo_weight(table, echoes))
    by_candidate = sparse.csr_matrix(
        (weight, (candidate, source)), shape=(table.n_candidates, table.n_sources)
    )
    # a source spreads its trust over the claims it makes itself: a copy is no investment
    counts = np.bincount(source, weights=weight, minlength=table.n_sources).astype(np.float64)
    return _Claims(by_candidate, by_candidate.T.tocsr(), counts)


def _invest(claims: _Claims, trust: FloatArray) -> tuple[FloatArray, FloatArray]:
    """What each source invests per claim, and the total invested in each candidate."""
    amount = np.divide(trust, claims.counts, out=np.zeros_like(trust), where=claims.counts > 0)
    return amount, claims.by_candidate @ amount


def _returns(
    claims: _Claims, amount: FloatArray, invested: FloatArray, belief: FloatArray
) -> FloatArray:
    """New trust: each claim's belief shared among its investors by their stake."""
    share_of_belief = np.divide(belief, invested, out=np.zeros_like(belief), where=invested > 0)
    return amount * (claims.by_source @ share_of_belief)


def _normalised(x: FloatArray) -> FloatArray:
    top = float(x.max()) if x.size else 0.0
    return x / top if top > 0 else x


def _run(table: ClaimTable, pooled: bool, g: float, iterations: int, echoes: bool) -> Result:
    claims = _claims(table, echoes)
    trust = np.ones(table.n_sources)
    if pooled:  # uniform over the values of each item
        belief = 1.0 / _item_sum(table, np.ones(table.n_candidates))
    else:  # the vote share
        votes = np.asarray(claims.by_candidate.sum(axis=1)).ravel()
        item_votes = _item_sum(table, votes)
        belief = np.divide(votes, item_votes, out=np.zeros_like(votes), where=item_votes > 0)
    done = 0
    for done in range(1, iterations + 1):  # noqa: B007 (kept for the result)
        amount, invested = _invest(claims, trust)
        new_trust = _returns(claims, amount, invested, belief)
        _, base = _invest(claims, new_trust)
        grown = base**g
        if pooled:
            pool = _item_sum(table, grown)
            belief = base * np.divide(grown, pool, out=np.zeros_like(grown), where=pool > 0)
        else:
            belief = grown
        trust = _normalised(new_trust)
        belief = _normalised(belief)

    item_belief = _item_sum(table, belief)
    confidence = np.divide(belief, item_belief, out=np.zeros_like(belief), where=item_belief > 0)
    truth = argmax_per_item(
        belief,
        table.candidate_item,
        table.n_items,
        table.candidate_eligible,
        table.candidate_specificity,
    )
    return Result(
        confidence=confidence,
        truth=truth,
        reliability=trust,
        iterations=done,
        extra={"belief": belief},
    )


@register("investment")
def investment(
    table: ClaimTable, g: float = 1.2, iterations: int = 20, echoes: bool = True
) -> Result:
    return _run(table, pooled=False, g=g, iterations=iterations, echoes=echoes)


@register("pooledinvestment")
def pooled_investment(
    table: ClaimTable, g: float = 1.4, iterations: int = 10, echoes: bool = True
) -> Result:
    return _run(table, pooled=True, g=g, iterations=iterations, echoes=echoes)
