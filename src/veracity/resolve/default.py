"""veracity's default model: one latent-truth model for a few articles and for large claim tables.

It is Accu (Dong, Berti-Equille, Srivastava, PVLDB 2009) fitted by EM, with what news and claim
tables need, each part acting only as far as the data give evidence for it. One set of settings
for every shape of data; nothing to switch.

1. Votes. A source of accuracy A votes ln(n A / (1 - A)) (n: false values an item can take) for
   the value of each claim, times the claim's share (1/k for k values of one item), its
   extraction confidence (`ClaimTable.claim_weight`) and its probability of being independent
   (copy detection, echoes). A witness group (an original with its copies and translations,
   `ClaimTable.source_group`) backs each value by its strongest claim only: copies count once.
   Similarity (`ClaimTable.support`): a value that may not win (a vague range when a number
   inside it was claimed, a month when a day of it was, a lower bound) backs the values it is
   compatible with, being no claim against any of them; two values that may both win compete
   (a claim of 14:53 is a vote for 14:53, not for 14:55). A less specific form backs the fuller
   value by `format_rho` of its votes (`ClaimTable.generalizes`, Li et al.'s AccuFormat).
2. Truth. A value's probability is the softmax of its votes over its item's domain of n + 1
   values (the values nobody claimed vote 0); a value that may not win gets none.
3. Accuracy. A source's accuracy is the expected share of its claims that are right (a claim is
   right by the probability of the values it is compatible with), among the claims another
   witness group can check: what only one group says is no evidence about it, so stating many
   things never lowers (or raises) a source by itself. A Beta prior keeps a source judged on few
   claims near the prior; with many, its record speaks. Claims weigh by their extraction
   confidence; a claim repeated is judged once. When items belong to several attributes, a
   source has an accuracy per attribute, drawn towards its overall accuracy by a Beta prior:
   with few items of an attribute it is the overall one, with many its own (a site careful with
   times and careless with gates).
4. Copying. Every round, each pair of sources with at least `copy_min_common` items in common
   gets Dong et al.'s posterior of copying from the values they share (true or false by their
   current probability) and the values they differ on; a source's vote for a value is
   discounted by (1 - c Pr(copy)) for every better-ranked source giving it too. With a small
   prior the posterior rises only on strong evidence: many shared false values (mirrors of one
   site across thousands of items). On a few items a shared false value is as likely a common
   misreading as a copy: the few articles of one event are never compared (lineage finds their
   copies). With `ClaimTable.claim_order`, a claim repeating its item's previous value votes by
   its probability of being independent (`echo.py`).

The winner is the most probable value. The confidence shown is the value's share of its item's
votes, with `doubt` votes of a prior source for none of them (a lone source never reaches
certainty; the probability, which n = 100 makes near 1 for any two agreeing sources, is in
`Result.extra["probability"]`). The same model runs as SQL in `veracity.engines.sql_resolve`
(publishers pooled over events), without the parts an event's table never has: copy detection
between pairs, accuracy per attribute, less specific forms and echoes.
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
    unique_values,
)
from veracity.resolve.copying import (
    CopyEvidence,
    CopyPosterior,
    IndependenceDiscount,
    copier_pairs,
    copy_evidence,
    copy_posterior,
)
from veracity.resolve.echo import echo_weight, scatter_kept, without_echoes
from veracity.resolve.weights import claim_shares, groups, support_matrix


@dataclass
class _Backing:
    """Which claim backs which value, fixed for a table: the (claim, value, compatibility)
    entries of the support rows of every claim, sorted by (witness group, value) so that each
    group's strongest backing of each value is one `maximum.reduceat` per round."""

    claim: IntArray
    strength: FloatArray
    starts: IntArray  # first entry of each (group, value) run
    value: IntArray  # the value of each run


def _backing(table: ClaimTable, support: sparse.csr_matrix) -> _Backing:
    n_claims = table.source.shape[0]
    diagonal = support.nnz == support.shape[0] and bool(
        np.all(support.indices == np.arange(support.shape[0]))
    )
    if diagonal:  # every claim backs its own value only: no sparse row gathering
        claim = np.arange(n_claims, dtype=np.int64)
        col = table.candidate.astype(np.int64)
        data = support.data[table.candidate]
    else:
        rows = support[table.candidate].tocoo()
        claim, col, data = rows.row.astype(np.int64), rows.col.astype(np.int64), rows.data
    group_of_source, _ = groups(table)
    key = group_of_source[table.source][claim] * np.int64(table.n_candidates) + col
    order = np.argsort(key, kind="stable")
    key = key[order]
    first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if key.size else key
    return _Backing(
        claim=claim[order],
        strength=data[order].astype(np.float64),
        starts=first.astype(np.int64),
        value=(key[first] % max(table.n_candidates, 1)).astype(np.int64),
    )


def _vote_support(support: sparse.csr_matrix, eligible: np.ndarray) -> sparse.csr_matrix:
    """How far a claim of each value backs each value in the vote: its own value fully, and a
    value that may not win (a vague range when a number inside it was claimed, a month when a
    day of it was, a lower bound) the values it is compatible with, by their compatibility:
    it speaks against none of them. Two values that may both win compete: a claim of 14:53 is
    a claim for 14:53, not for 14:55 (a value stated exactly by many would otherwise lose to a
    neighbour in the middle of a spread). It is still right by their compatibility."""
    coo = support.tocoo()
    keep = (coo.row == coo.col) | ~eligible[coo.row]
    return sparse.csr_matrix(
        (coo.data[keep], (coo.row[keep], coo.col[keep])), shape=support.shape
    )


def _votes(backing: _Backing, claim_vote: FloatArray, n_candidates: int) -> FloatArray:
    """Each value's votes: over witness groups, the group's strongest backing of it."""
    if backing.claim.size == 0:
        return np.zeros(n_candidates)
    strongest = claim_vote[backing.claim] * backing.strength
    if backing.starts.shape[0] < strongest.shape[0]:  # some group backs a value twice
        strongest = np.maximum.reduceat(strongest, backing.starts)
    return np.bincount(backing.value, weights=strongest, minlength=n_candidates).astype(
        np.float64, copy=False
    )


def _probabilities(
    vote: FloatArray,
    candidate_item: IntArray,
    n_items: int,
    eligible: np.ndarray,
    n_false: float,
) -> FloatArray:
    """Softmax of the votes over each item's domain of n + 1 values (unclaimed ones vote 0)."""
    top = np.zeros(n_items)
    np.maximum.at(top, candidate_item[eligible], vote[eligible])
    weight = np.where(eligible, np.exp(vote - top[candidate_item]), 0.0)
    claimed = np.bincount(candidate_item, weights=eligible, minlength=n_items)
    unclaimed = np.maximum(n_false + 1.0 - claimed, 0.0) * np.exp(-top)
    denominator = np.bincount(candidate_item, weights=weight, minlength=n_items) + unclaimed
    return weight / denominator[candidate_item]


def _attribute_of_claim(table: ClaimTable) -> tuple[IntArray, int]:
    if table.item_attribute is None:
        return np.zeros(table.source.shape[0], dtype=np.int64), 1
    _, attribute = np.unique(table.item_attribute, return_inverse=True)
    n_attributes = int(attribute.max()) + 1 if attribute.size else 1
    return attribute.astype(np.int64)[table.item], n_attributes


@dataclass
class _Evidence:
    """Per source (and per source and attribute) the weighted count of right claims and of
    claims: what the Beta posteriors of accuracy are made of."""

    right: FloatArray
    said: FloatArray
    right_attribute: FloatArray  # (sources x attributes)
    said_attribute: FloatArray


def accuracy_evidence(
    right: FloatArray, judged: FloatArray, key: IntArray, n_sources: int, n_attributes: int
) -> _Evidence:
    """`right`: per claim, the probability that it is right; `judged`: its weight as evidence;
    `key`: its (source, attribute) cell, source * n_attributes + attribute."""
    size = n_sources * n_attributes
    right_attribute = (
        np.bincount(key, weights=judged * right, minlength=size)
        .astype(np.float64, copy=False)
        .reshape(n_sources, n_attributes)
    )
    said_attribute = (
        np.bincount(key, weights=judged, minlength=size)
        .astype(np.float64, copy=False)
        .reshape(n_sources, n_attributes)
    )
    if n_attributes == 1:
        return _Evidence(
            right_attribute[:, 0], said_attribute[:, 0], right_attribute, said_attribute
        )
    return _Evidence(
        right_attribute.sum(axis=1), said_attribute.sum(axis=1), right_attribute, said_attribute
    )


def beta_accuracy(
    evidence: _Evidence, prior: float, strength: float, attribute_strength: float
) -> tuple[FloatArray, FloatArray]:
    """Overall accuracy per source (Beta prior of mean `prior`, `strength` pseudo-claims) and
    accuracy per source and attribute (Beta prior of mean the overall accuracy; the overall one
    itself when there is one attribute)."""
    low, high = 0.01, 0.99
    overall = np.clip((prior * strength + evidence.right) / (strength + evidence.said), low, high)
    if evidence.right_attribute.shape[1] == 1:
        return overall, overall[:, None]
    per_attribute = (overall[:, None] * attribute_strength + evidence.right_attribute) / (
        attribute_strength + evidence.said_attribute
    )
    return overall, np.clip(per_attribute, low, high)


def _contested(table: ClaimTable) -> FloatArray:
    """Per claim, 1 when another witness group speaks of its item, else 0: what only one group
    says is no evidence of how accurate that group is."""
    group_of_source, n_groups = groups(table)
    group = group_of_source[table.source]
    key = unique_values(table.item * np.int64(max(n_groups, 1)) + group)
    per_item = np.bincount(key // max(n_groups, 1), minlength=table.n_items)
    return (per_item[table.item] > 1).astype(np.float64)


def _confidence(
    vote: FloatArray,
    candidate_item: IntArray,
    n_items: int,
    eligible: np.ndarray,
    doubt: float,
) -> FloatArray:
    """A value's share of its item's votes, with `doubt` votes for none of them: one source alone
    never reaches certainty, and a value that wins narrowly is shown as narrow."""
    total = np.bincount(candidate_item, weights=vote * eligible, minlength=n_items)
    return np.where(eligible, vote / (total[candidate_item] + doubt), 0.0)


@register("default")
def default(
    table: ClaimTable,
    n_false: float = 100.0,
    prior: float = 0.7,
    prior_strength: float = 2.0,
    attribute_strength: float = 10.0,
    format_rho: float = 0.5,
    copy_prior: float = 1e-3,
    copy_rate: float = 0.8,
    copy_min_common: float = 20.0,
    doubt: float = 0.5,
    max_iterations: int = 100,
    tolerance: float = 1e-4,
    report_threshold: float = 0.5,
) -> Result:
    """See the module docstring. `doubt`: the votes of that many sources of the prior's accuracy
    that back none of an item's values, in the confidence shown (not in the choice)."""
    n_cand, n_items = table.n_candidates, table.n_items
    eligible = (
        np.ones(n_cand, dtype=bool)
        if table.candidate_eligible is None
        else table.candidate_eligible.astype(bool)
    )
    support = support_matrix(table)
    backing = _backing(table, _vote_support(support, eligible))
    generalizes_t = None if table.generalizes is None else table.generalizes.T.tocsr()
    # a vote is shared among the values a source gives an item and weighs by extraction
    # confidence (only a group's strongest claim counts, so a repeat needs no discount); as
    # evidence of accuracy a claim repeated r times is one claim, and a claim no other group
    # can confirm or contradict is none
    share, judged = claim_shares(table)
    judged = judged * _contested(table)
    claim_attribute, n_attributes = _attribute_of_claim(table)
    cell = table.source * n_attributes + claim_attribute
    # an echo's copying is judged once, against its item's history; pairs on the other claims
    echo = echo_weight(table)
    paired = without_echoes(table)
    pair_table = table if paired is None else paired[0]
    evidence = copy_evidence(pair_table) if _may_copy(pair_table, copy_min_common) else None
    if evidence is not None and not np.any(_enough_in_common(evidence, copy_min_common)):
        evidence = None  # no pair shares enough items for copying to be judged
    discount = IndependenceDiscount(evidence, pair_table) if evidence is not None else None
    posterior: CopyPosterior | None = None

    overall = np.full(table.n_sources, prior)
    accuracy = np.full((table.n_sources, n_attributes), prior)
    independence = echo
    vote = np.zeros(n_cand)
    prob = np.zeros(n_cand)
    iterations = 0
    for iterations in range(1, max_iterations + 1):  # noqa: B007 (kept for the result)
        weight = _log_odds(accuracy, n_false).ravel()
        vote = _votes(backing, weight[cell] * share * independence, n_cand)
        if generalizes_t is not None:
            vote = vote + format_rho * (generalizes_t @ vote)
        prob = _probabilities(vote, table.candidate_item, n_items, eligible, n_false)
        # a claim is right by the probability of the values it is compatible with
        right = np.minimum(support @ prob, 1.0)[table.candidate]
        found = accuracy_evidence(right, judged, cell, table.n_sources, n_attributes)
        overall, updated = beta_accuracy(found, prior, prior_strength, attribute_strength)
        change = float(np.max(np.abs(updated - accuracy))) if accuracy.size else 0.0
        accuracy = updated
        if evidence is not None and discount is not None:
            posterior = copy_posterior(evidence, prob, overall, n_false, copy_rate, copy_prior)
            posterior = _judged_pairs(posterior, evidence, copy_min_common)
            pair_independence = discount(posterior, overall, copy_rate)
            if paired is not None:
                pair_independence = scatter_kept(pair_independence, paired[1], echo.shape[0])
            updated_independence = echo * pair_independence
            change = max(change, float(np.max(np.abs(updated_independence - independence))))
            independence = updated_independence
        if change < tolerance:
            break

    truth = argmax_per_item(
        prob, table.candidate_item, n_items, eligible, table.candidate_specificity
    )
    confidence = _confidence(
        vote, table.candidate_item, n_items, eligible, doubt * float(_log_odds(prior, n_false))
    )
    extra: dict[str, object] = {"probability": prob}
    if n_attributes > 1:
        extra["attribute_accuracy"] = accuracy
    if posterior is not None:
        dependence = posterior.dependence(table.n_sources)
        extra["dependence"] = dependence
        extra["copying"] = copier_pairs(dependence, report_threshold)
    return Result(
        confidence=confidence, truth=truth, reliability=overall, iterations=iterations, extra=extra
    )


def _judged_pairs(
    posterior: CopyPosterior, evidence: CopyEvidence, min_common: float
) -> CopyPosterior:
    """The posterior of copying, kept only for pairs of sources with at least `min_common`
    items in common (in the sample copy detection reads): on fewer, a shared false value is as
    likely a common misreading as a copy, and lineage finds the copies among a few articles."""
    enough = _enough_in_common(evidence, min_common)
    if enough.all():
        return posterior
    return CopyPosterior(
        posterior.pair_a,
        posterior.pair_b,
        np.where(enough, posterior.a_copies_b, 0.0),
        np.where(enough, posterior.b_copies_a, 0.0),
    )


def _log_odds(accuracy: FloatArray | float, n_false: float) -> FloatArray:
    """Accu's vote of a source of this accuracy, never negative."""
    a = np.asarray(accuracy, dtype=np.float64)
    return np.maximum(np.log(n_false * a / (1.0 - a)), 0.0)


def _may_copy(table: ClaimTable, min_common: float) -> bool:
    """Whether two sources could have `min_common` items in common at all."""
    if table.n_sources < 2 or table.n_items < min_common:
        return False
    pairs = unique_values(table.item * np.int64(table.n_sources) + table.source)
    return bool(np.any(np.bincount(pairs // table.n_sources) > 1))


def _enough_in_common(evidence: CopyEvidence, min_common: float) -> np.ndarray:
    """Per pair of sources, whether they have `min_common` items in common (estimated from the
    sample of items copy detection reads)."""
    return evidence.common / evidence.sampled_fraction >= min_common
