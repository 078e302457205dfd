"""Plain majority vote: one document, one vote per item; no reliability, no copy discount."""

from __future__ import annotations

import numpy as np

from veracity.resolve.base import ClaimTable, Result, argmax_per_item, register
from veracity.resolve.weights import claim_share


@register("vote")
def vote(table: ClaimTable) -> Result:
    share = claim_share(table)
    votes = np.bincount(table.candidate, weights=share, minlength=table.n_candidates)
    totals = np.bincount(table.candidate_item, weights=votes, minlength=table.n_items)
    confidence = np.divide(
        votes,
        totals[table.candidate_item],
        out=np.zeros_like(votes),
        where=totals[table.candidate_item] > 0,
    )
    truth = argmax_per_item(
        votes.astype(np.float64),
        table.candidate_item,
        table.n_items,
        table.candidate_eligible,
        table.candidate_specificity,
    )
    return Result(
        confidence=confidence, truth=truth, reliability=np.ones(table.n_sources), iterations=1
    )
