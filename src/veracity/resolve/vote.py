"""Plain majority vote: one document, one vote per item; no reliability, no copy discount."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from veracity.resolve.base import ClaimTable, Result, argmax_per_item, register
from veracity.resolve.echo import echo_weight
from veracity.resolve.weights import claim_share


@register("vote")
def vote(table: ClaimTable, echoes: bool = True) -> Result:
    # a claim repeating the value its item already had counts by how likely it is independent
    # one document, one vote: extraction confidence is not weighed (the plain baseline)
    share = claim_share(replace(table, claim_weight=None)) * echo_weight(table, echoes)
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
