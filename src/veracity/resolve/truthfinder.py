"""TruthFinder (Yin, Han, Yu, KDD 2007 / TKDE 2008).

A source's trustworthiness t is the mean confidence of the facts it provides; a fact's confidence
comes from the trust scores tau = -ln(1 - t) of its providers, adjusted by the facts of the same
item that imply it (similar values raise it, different values lower it: imp = support - base_sim)
and squashed by a logistic with dampening gamma. Vectorised: one sparse product per iteration.
"""

from __future__ import annotations

import numpy as np

from veracity.resolve.base import ClaimTable, Result, argmax_per_item, register
from veracity.resolve.echo import echo_weight
from veracity.resolve.weights import claim_share, support_matrix


@register("truthfinder")
def truthfinder(
    table: ClaimTable,
    initial_trust: float = 0.9,
    rho: float = 0.5,
    gamma: float = 0.3,
    base_sim: float = 0.5,
    max_iterations: int = 20,
    tolerance: float = 1e-6,
    echoes: bool = True,
) -> Result:
    n_cand, n_items = table.n_candidates, table.n_items
    share = claim_share(table)
    # an echo's vote counts by how likely it is independent; trust is judged on every claim
    vote_share = share * echo_weight(table, echoes)
    support = support_matrix(table)
    # off-diagonal implication of f' on f, as a transposed product: (S^T sigma)[f] - sigma[f]
    support_t = support.T.tocsr()
    trust = np.full(table.n_sources, initial_trust)
    score = np.zeros(n_cand)
    iterations = 0
    for iterations in range(1, max_iterations + 1):  # noqa: B007
        tau = -np.log(np.clip(1.0 - trust, 1e-9, 1.0))
        sigma = np.bincount(
            table.candidate, weights=tau[table.source] * vote_share, minlength=n_cand
        )
        item_sigma = np.bincount(table.candidate_item, weights=sigma, minlength=n_items)
        similar = support_t @ sigma - sigma
        others = item_sigma[table.candidate_item] - sigma
        adjusted = sigma + rho * (similar - base_sim * others)
        score = 1.0 / (1.0 + np.exp(-gamma * adjusted))
        num = np.bincount(
            table.source, weights=score[table.candidate] * share, minlength=table.n_sources
        )
        den = np.bincount(table.source, weights=share, minlength=table.n_sources)
        updated = np.divide(num, den, out=np.full(table.n_sources, initial_trust), where=den > 0)
        # convergence as in the paper: trust vector stops turning (1 - cosine similarity)
        cos = float(updated @ trust) / max(
            float(np.linalg.norm(updated) * np.linalg.norm(trust)), 1e-300
        )
        trust = updated
        if 1.0 - cos < tolerance:
            break

    item_score = np.bincount(table.candidate_item, weights=score, minlength=n_items)
    confidence = np.divide(
        score,
        item_score[table.candidate_item],
        out=np.zeros(n_cand),
        where=item_score[table.candidate_item] > 0,
    )
    truth = argmax_per_item(
        score, table.candidate_item, n_items, table.candidate_eligible, table.candidate_specificity
    )
    return Result(
        confidence=confidence,
        truth=truth,
        reliability=trust,
        iterations=iterations,
        extra={"score": score},
    )
