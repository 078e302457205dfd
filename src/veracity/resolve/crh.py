"""CRH (Li, Li, Gao, Su, Zhao, Fan, Han, SIGMOD 2014): conflict resolution on heterogeneous data.

Alternates two steps that minimise sum_s w_s sum_i d(v_is, v*_i) under sum_s exp(-w_s) = 1:
- truths: for categorical items the weighted vote, for numeric items (every candidate has a
  `candidate_number`) the weighted median (the minimiser of the absolute deviation);
- weights: w_s = -log(loss_s / sum_s' loss_s'), with the 0-1 loss for categories (softened by the
  `support` matrix: a claim close to the truth loses less) and |v - v*| / std(item) for numbers.
"""

from __future__ import annotations

import numpy as np

from veracity.resolve.base import (
    ClaimTable,
    FloatArray,
    IntArray,
    Result,
    argmax_per_item,
    register,
)
from veracity.resolve.weights import claim_share, gather, support_matrix


def _numeric_items(table: ClaimTable) -> np.ndarray:
    if table.candidate_number is None:
        return np.zeros(table.n_items, dtype=bool)
    finite = np.isfinite(table.candidate_number).astype(np.int64)
    n_finite = np.bincount(table.candidate_item, weights=finite, minlength=table.n_items)
    n_all = np.bincount(table.candidate_item, minlength=table.n_items)
    return (n_all > 0) & (n_finite == n_all)


def weighted_median_candidate(
    item: IntArray, value: FloatArray, candidate: IntArray, weight: FloatArray, n_items: int
) -> IntArray:
    """Per item, the candidate at the weighted median of the claims' values (ties to the lower)."""
    order = np.lexsort((candidate, value, item))
    item_sorted = item[order]
    w = weight[order]
    cum = np.cumsum(w)
    start = np.flatnonzero(np.r_[True, item_sorted[1:] != item_sorted[:-1]])
    before = np.repeat(np.r_[0.0, cum[start[1:] - 1]], np.diff(np.r_[start, item_sorted.shape[0]]))
    within = cum - before
    total = np.bincount(item_sorted, weights=w, minlength=n_items)
    reached = within >= 0.5 * total[item_sorted] - 1e-12
    # first claim per item that reaches half the weight
    first = np.full(n_items, -1, dtype=np.int64)
    idx = np.flatnonzero(reached)
    first_of_item = np.r_[True, item_sorted[idx[1:]] != item_sorted[idx[:-1]]] if idx.size else idx
    chosen = idx[first_of_item.astype(bool)] if idx.size else idx
    first[item_sorted[chosen]] = candidate[order][chosen]
    return first


@register("crh")
def crh(table: ClaimTable, max_iterations: int = 20, tolerance: float = 1e-6) -> Result:
    n_cand, n_items = table.n_candidates, table.n_items
    share = claim_share(table)
    support = support_matrix(table)
    claim_item = table.item
    numeric_item = _numeric_items(table)
    numeric_claim = numeric_item[claim_item]
    number = (
        np.zeros(n_cand)
        if table.candidate_number is None
        else np.nan_to_num(table.candidate_number)
    )
    eligible = (
        np.ones(n_cand, dtype=bool)
        if table.candidate_eligible is None
        else table.candidate_eligible
    )

    # spread of each numeric item, to put all items' losses on one scale
    x = number[table.candidate]
    cnt = np.bincount(claim_item, weights=share, minlength=n_items)
    mean = np.divide(
        np.bincount(claim_item, weights=share * x, minlength=n_items),
        cnt,
        out=np.zeros(n_items),
        where=cnt > 0,
    )
    var = np.divide(
        np.bincount(claim_item, weights=share * (x - mean[claim_item]) ** 2, minlength=n_items),
        cnt,
        out=np.zeros(n_items),
        where=cnt > 0,
    )
    spread = np.sqrt(var)
    spread[spread <= 0] = 1.0

    weight = np.ones(table.n_sources)
    truth = np.full(n_items, -1, dtype=np.int64)
    votes = np.zeros(n_cand)
    iterations = 0
    for iterations in range(1, max_iterations + 1):
        w_claim = weight[table.source] * share
        votes = np.bincount(table.candidate, weights=w_claim, minlength=n_cand).astype(np.float64)
        new_truth = argmax_per_item(
            votes, table.candidate_item, n_items, eligible, table.candidate_specificity
        )
        if numeric_item.any():
            median = weighted_median_candidate(
                claim_item[numeric_claim],
                x[numeric_claim],
                table.candidate[numeric_claim],
                w_claim[numeric_claim],
                n_items,
            )
            new_truth = np.where(numeric_item & (median >= 0), median, new_truth)
        changed = int(np.sum(new_truth != truth))
        truth = new_truth

        chosen = truth[claim_item]
        has = chosen >= 0
        loss = np.zeros(table.source.shape[0])
        cat = has & ~numeric_claim
        closeness = gather(support, table.candidate[cat], chosen[cat])
        loss[cat] = 1.0 - closeness
        num = has & numeric_claim
        loss[num] = np.abs(x[num] - number[chosen[num]]) / spread[claim_item[num]]
        per_source = (
            np.bincount(table.source, weights=loss * share, minlength=table.n_sources) + 1e-9
        )
        updated = -np.log(per_source / per_source.sum())
        change = float(np.max(np.abs(updated - weight))) if updated.size else 0.0
        weight = updated
        if iterations > 1 and changed == 0 and change < tolerance:
            break

    item_votes = np.bincount(table.candidate_item, weights=votes, minlength=n_items)
    confidence = np.divide(
        votes,
        item_votes[table.candidate_item],
        out=np.zeros(n_cand),
        where=item_votes[table.candidate_item] > 0,
    )
    reliability = weight / weight.max() if weight.size and weight.max() > 0 else weight
    return Result(
        confidence=confidence,
        truth=truth,
        reliability=reliability,
        iterations=iterations,
        extra={"weight": weight},
    )
