"""Latent Credibility Analysis (Pasternack & Roth, WWW 2013): SimpleLCA and GuessLCA.

The true value y_m of every item (a mutual-exclusion set m: the values claimed for it) is a
latent variable; each source s has one parameter, its honesty H_s, and each claim a weight
w_{s,c}: a source that gives k values for an item gives each 1/k (`claim_share`), so a source's
weights in an item sum to 1. Both models are fitted by EM.

SimpleLCA: a source tells the truth with probability H_s, otherwise it asserts one of the other
|m| - 1 values uniformly:

    P(b_s | y_m = c) = H_s^{w_{s,c}} * ((1 - H_s) / (|m| - 1))^{1 - w_{s,c}}

The factor of the sources' "wrong" branch is the same for every c once each source's weights sum
to 1, so the E-step is a weighted vote: P(y_m = c) is the softmax over the item of
sum_{claims of c} w * ln(H (|m| - 1) / (1 - H)) (Accu's vote, with the claimed values as the
domain). M-step: H_s = sum_c w_{s,c} P(y_m = c) / sum_c w_{s,c}, the expected share of the
source's claims that are true.

GuessLCA: a source knows the truth with probability H_s; otherwise it guesses, drawing value c
with probability P_g(c) (the guess distribution of the item):

    P(b_s | y_m = c) = (H_s + (1 - H_s) P_g(c))^{w_{s,c}} * prod_{c' != c} ((1 - H_s) P_g(c'))^{w_{s,c'}}

E-step: P(y_m = c) is the softmax of sum_{claims of c} w * ln(1 + H / ((1 - H) P_g(c))): a
claim of a value many would guess anyway is weak evidence. The M-step has no closed form in H_s;
with the latent "knew or guessed" of each claim it is an EM step of its own: a claim of c knew the
truth with probability P(y_m = c) * H / (H + (1 - H) P_g(c)), and H_s is the expected share of
the source's claims that it knew. P_g(c) is the crowd's guess: the share of the item's claim
weight on c (the reading of DAFNA-EA's reference implementation of the model).

Parameters fixed before any run on a gold answer: initial honesty 0.8 (Dong et al.'s initial
accuracy, which `accu` uses too), a uniform prior over the claimed values of an item, EM until
no honesty moves by more than 1e-6 or 100 rounds. H is kept inside [1e-9, 1 - 1e-9] so that a
source whose every claim is certain does not turn its votes infinite.

Vectorised: every step is a bincount over the claims.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from veracity.resolve.base import (
    ClaimTable,
    FloatArray,
    IntArray,
    Result,
    argmax_per_item,
    register,
)
from veracity.resolve.echo import echo_weight
from veracity.resolve.weights import claim_share

_EDGE = 1e-9


def _softmax_per_item(
    score: FloatArray, claimed: npt.NDArray[np.bool_], candidate_item: IntArray, n_items: int
) -> FloatArray:
    """P(y_m = c) over the claimed values of each item (an unclaimed candidate is no value of
    the mutual-exclusion set: probability 0)."""
    top = np.full(n_items, -np.inf)
    np.maximum.at(top, candidate_item[claimed], score[claimed])
    top[~np.isfinite(top)] = 0.0  # items nobody spoke of
    weight = np.where(claimed, np.exp(score - top[candidate_item]), 0.0)
    total = np.bincount(candidate_item, weights=weight, minlength=n_items)
    return np.divide(
        weight, total[candidate_item], out=np.zeros_like(weight), where=total[candidate_item] > 0
    )


def _fit(
    table: ClaimTable,
    guess: bool,
    initial_honesty: float,
    max_iterations: int,
    tolerance: float,
    echoes: bool,
) -> Result:
    n_cand, n_items, n_sources = table.n_candidates, table.n_items, table.n_sources
    item = table.candidate_item
    weight = claim_share(table)
    # an echo's vote counts by how likely it is independent; honesty is judged on every claim
    vote_weight = weight * echo_weight(table, echoes)
    # per candidate: the claim weight on it; per item: the number of values claimed
    cand_weight = np.bincount(table.candidate, weights=weight, minlength=n_cand)
    claimed = cand_weight > 0
    values_per_item = np.bincount(item, weights=claimed.astype(np.float64), minlength=n_items)
    source_weight = np.bincount(table.source, weights=weight, minlength=n_sources)
    claim_cand = table.candidate
    if guess:
        # the crowd's guess counts the independent claims: an echo is no second guess
        independent_weight = np.bincount(table.candidate, weights=vote_weight, minlength=n_cand)
        item_weight = np.bincount(item, weights=independent_weight, minlength=n_items)
        guess_prob = np.divide(
            independent_weight,
            item_weight[item],
            out=np.zeros(n_cand),
            where=item_weight[item] > 0,
        )
        claim_guess = np.clip(guess_prob[claim_cand], _EDGE, 1.0)
    else:
        # SimpleLCA: a wrong claim picks one of the other |m| - 1 values
        others = np.maximum(values_per_item - 1.0, 1.0)[item[claim_cand]]

    honesty = np.full(n_sources, initial_honesty)
    posterior = np.zeros(n_cand)
    done = 0
    for done in range(1, max_iterations + 1):  # noqa: B007 (kept for the result)
        h = np.clip(honesty, _EDGE, 1.0 - _EDGE)[table.source]
        if guess:
            evidence = np.log1p(h / ((1.0 - h) * claim_guess))
        else:
            evidence = np.log(h * others / (1.0 - h))
        score = np.bincount(claim_cand, weights=vote_weight * evidence, minlength=n_cand).astype(
            np.float64
        )
        posterior = _softmax_per_item(score, claimed, item, n_items)
        true_share = posterior[claim_cand]
        if guess:  # the share of the claim that knew the truth rather than guessed it
            true_share = true_share * h / (h + (1.0 - h) * claim_guess)
        numerator = np.bincount(table.source, weights=weight * true_share, minlength=n_sources)
        updated = np.divide(
            numerator,
            source_weight,
            out=np.full(n_sources, initial_honesty),
            where=source_weight > 0,
        )
        moved = float(np.max(np.abs(updated - honesty))) if n_sources else 0.0
        honesty = updated
        if moved < tolerance:
            break

    truth = argmax_per_item(
        posterior, item, n_items, table.candidate_eligible, table.candidate_specificity
    )
    return Result(confidence=posterior, truth=truth, reliability=honesty, iterations=done)


@register("simplelca")
def simple_lca(
    table: ClaimTable,
    initial_honesty: float = 0.8,
    max_iterations: int = 100,
    tolerance: float = 1e-6,
    echoes: bool = True,
) -> Result:
    return _fit(table, False, initial_honesty, max_iterations, tolerance, echoes)


@register("guesslca")
def guess_lca(
    table: ClaimTable,
    initial_honesty: float = 0.8,
    max_iterations: int = 100,
    tolerance: float = 1e-6,
    echoes: bool = True,
) -> Result:
    return _fit(table, True, initial_honesty, max_iterations, tolerance, echoes)
