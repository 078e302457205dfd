"""veracity's default model: similarity-aware, copy-discounted, leave-one-out reliability.

Each iteration:
1. every witness group (an original with its copies and translations) gives each candidate the
   support of its strongest claim for it: reliability x compatibility x 1/k (k = values the
   source gives for that item);
2. a candidate's confidence is its share of the support in its item, with a pseudo-count of doubt
   so that one lone source never reaches certainty;
3. a source's reliability is how well its claims agree with what the *other* groups say (leave
   one out): with few sources, letting a source vote on its own claims would just confirm it.
   Items no other group speaks of tell nothing about a source and are left out; a Beta prior keeps
   a source with few informative claims near the prior.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from veracity.resolve.base import ClaimTable, Result, argmax_per_item, register
from veracity.resolve.weights import (
    claim_share,
    gather,
    group_contributions,
    groups,
    support_matrix,
)


@register("default")
def default(
    table: ClaimTable,
    prior: float = 0.7,
    prior_strength: float = 2.0,
    doubt: float = 0.35,
    max_iterations: int = 50,
    tolerance: float = 1e-6,
) -> Result:
    n_cand = table.n_candidates
    support = support_matrix(table)
    # support: only a group's strongest claim counts, so a repeat needs no discount
    share = claim_share(table, split_repeats=False)
    # for reliability a claim repeated r times is one claim: repeating a falsehood in every
    # paragraph must not make a source r times less (or a truth r times more) reliable
    once = claim_share(table, split_repeats=True)
    eligible = (
        np.ones(n_cand, dtype=bool)
        if table.candidate_eligible is None
        else table.candidate_eligible
    )
    group_of_source, _ = groups(table)
    claim_group = group_of_source[table.source]
    claim_item = table.item
    # (candidates x items) indicator restricted to eligible candidates
    item_of = sparse.csr_matrix(
        (eligible.astype(np.float64), (np.arange(n_cand), table.candidate_item)),
        shape=(n_cand, table.n_items),
    )
    claimed_rows = support[table.candidate].multiply(eligible[None, :].astype(np.float64)).tocsr()
    claimed = claimed_rows.tocoo()

    reliability = np.full(table.n_sources, prior)
    conf = np.zeros(n_cand)
    iterations = 0
    for iterations in range(1, max_iterations + 1):  # noqa: B007 (kept for the result)
        weight = reliability[table.source] * share
        contrib = group_contributions(table, weight, support)  # groups x candidates
        total = np.asarray(contrib.sum(axis=0)).ravel()
        item_total = np.bincount(
            table.candidate_item, weights=total * eligible, minlength=table.n_items
        )
        conf = np.where(eligible, total / (item_total[table.candidate_item] + doubt), 0.0)

        # leave-one-out agreement of each claim with the other groups
        # the claim's own group's support, gathered only where the claim's support row reaches
        # (materialising a claims x candidates copy of the group rows would not fit in memory)
        own_at = gather(contrib, claim_group[claimed.row], claimed.col)
        own_num = np.bincount(
            claimed.row, weights=claimed.data * own_at, minlength=claim_item.shape[0]
        )
        others_num = claimed_rows @ total - own_num
        own_item = gather((contrib @ item_of).tocsr(), claim_group, claim_item)
        others_den = item_total[claim_item] - own_item
        informative = others_den > 1e-9
        agreement = np.zeros_like(others_num)
        np.divide(others_num, others_den, out=agreement, where=informative)
        agreement = np.clip(agreement, 0.0, 1.0)
        w = once * informative
        num = np.bincount(table.source, weights=w * agreement, minlength=table.n_sources)
        den = np.bincount(table.source, weights=w, minlength=table.n_sources)
        updated = (prior * prior_strength + num) / (prior_strength + den)
        change = float(np.max(np.abs(updated - reliability))) if updated.size else 0.0
        reliability = updated
        if change < tolerance:
            break

    truth = argmax_per_item(
        conf, table.candidate_item, table.n_items, eligible, table.candidate_specificity
    )
    return Result(confidence=conf, truth=truth, reliability=reliability, iterations=iterations)
