"""Accu and AccuCopy (Dong, Berti-Equille, Srivastava, PVLDB 2009).

Accu: a source with accuracy A votes ln(n A / (1 - A)) for its value (n = number of false values
an item can take); a value's probability is the softmax of its vote count over the item's domain
(the n + 1 - k values nobody claimed count as vote 0); a source's accuracy is the mean probability
of its values. With `rho` > 0 the vote of similar values leaks in (AccuSim).

AccuFormat (Li et al., PVLDB 2013): when the table says which values are less specific forms of
which (`ClaimTable.generalizes`: gate "37" of "A37"), a value also gets `format_rho` = 0.5 times
the votes of its less specific forms (TruthFinder's and AccuSim's influence constant); a fuller
value never backs a less specific one.

AccuCopy adds copy detection (`copying.py`): in every round, each pair of sources gets the
posterior that one copies the other from the values they share (true or false by their current
probability) and the values they differ on; a source's vote for a value is then discounted by
(1 - c Pr(copy)) for every better-ranked source that gives the same value, so a clique of copiers
counts about as one witness. With `ClaimTable.claim_form`, sharing means writing the value the
same way. The copier pairs found go to `Result.extra["copying"]`. AccuCopy judges a source per
attribute when the table has several (Li et al.'s *Attr variants: a site careful with times can
be careless with gates); copy detection and the ranking of sources use one accuracy per source.

When the claims carry an order (`ClaimTable.claim_order`), a claim repeating its item's previous
value votes with its probability of being independent (`echo.py`; `echoes=False` turns it off);
AccuCopy then judges pairs of sources on the other claims only.
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
)
from veracity.resolve.copying import (
    CopyPosterior,
    IndependenceDiscount,
    copier_pairs,
    copy_evidence,
    copy_posterior,
)
from veracity.resolve.echo import echo_weight, scatter_kept, without_echoes
from veracity.resolve.weights import claim_share, support_matrix


def _probabilities(
    table: ClaimTable,
    vote: FloatArray,
    n_false: float,
    rho: float,
    support_t: sparse.csr_matrix,
    values_per_item: FloatArray,
    format_rho: float = 0.0,
    generalizes_t: sparse.csr_matrix | None = None,
) -> FloatArray:
    """Softmax of vote counts over each item's domain of n + 1 values (unclaimed ones vote 0).

    AccuSim: `rho` times the votes of similar values leak in. AccuFormat: a value also gets
    `format_rho` times the votes of its less specific forms (a claim of "37" is consistent with
    "A37"), never the other way round."""
    n_items = table.n_items
    item = table.candidate_item
    if format_rho > 0 and generalizes_t is not None:
        vote = vote + format_rho * (generalizes_t @ vote)
    if rho > 0:
        vote = vote + rho * (support_t @ vote - vote)
    top = np.zeros(n_items)
    np.maximum.at(top, item, vote)
    weight = np.exp(vote - top[item])
    unclaimed = np.maximum(n_false + 1.0 - values_per_item, 0.0) * np.exp(-top)
    denominator = np.bincount(item, weights=weight, minlength=n_items) + unclaimed
    return weight / denominator[item]


def _claim_attribute(table: ClaimTable, mode: str) -> tuple[IntArray, int]:
    """Per claim, the column of the accuracy matrix it counts in (one column unless judged per
    attribute) and the number of columns."""
    if mode == "global" or table.item_attribute is None:
        return np.zeros(table.source.shape[0], dtype=np.int64), 1
    _, attribute = np.unique(table.item_attribute, return_inverse=True)
    n_attributes = int(attribute.max()) + 1 if attribute.size else 1
    if n_attributes == 1:
        return np.zeros(table.source.shape[0], dtype=np.int64), 1
    return attribute.astype(np.int64)[table.item], n_attributes


def _accuracy(
    table: ClaimTable,
    prob: FloatArray,
    share: FloatArray,
    claim_attribute: IntArray,
    n_attributes: int,
    mode: str,
    prior: float,
    prior_strength: float,
) -> FloatArray:
    """(sources x attribute columns) accuracy: the mean probability of a source's values.

    - "global": one accuracy per source over everything it says;
    - "own": per attribute, from that attribute's claims (a source good at times, bad at gates);
    - "others": per attribute, from the source's claims on the *other* attributes. A camp of
      sources that shares one systematic reading of an attribute (takeoff time given as departure
      time) outvotes the rest on that attribute and would confirm itself there; judged on the
      other attributes, it earns only the trust it earns elsewhere.
    A Beta prior (`prior`, `prior_strength` pseudo-claims) keeps sources with little evidence near
    the prior.
    """
    key = table.source * n_attributes + claim_attribute
    size = table.n_sources * n_attributes
    num = np.bincount(key, weights=prob[table.candidate] * share, minlength=size)
    den = np.bincount(key, weights=share, minlength=size)
    num = num.reshape(table.n_sources, n_attributes)
    den = den.reshape(table.n_sources, n_attributes)
    if mode == "others" and n_attributes > 1:
        num = num.sum(axis=1, keepdims=True) - num
        den = den.sum(axis=1, keepdims=True) - den
    updated = np.divide(
        num + prior * prior_strength,
        den + prior_strength,
        out=np.full_like(num, prior),
        where=den + prior_strength > 0,
    )
    return np.clip(updated, 0.01, 0.99)


@dataclass
class _Settings:
    detect_copying: bool
    n_false: float = 100.0
    initial_accuracy: float = 0.8
    rho: float = 0.0
    copy_rate: float = 0.8
    prior: float = 0.1  # of each direction of copying, for a pair of sources
    max_iterations: int = 50
    tolerance: float = 1e-4
    report_threshold: float = 0.5
    either_direction: bool = True
    attribute_reliability: str = "global"  # "global", "own" or "others" (see _accuracy)
    accuracy_prior_strength: float = 0.0
    format_rho: float = 0.5
    echoes: bool = True


def _run(table: ClaimTable, settings: _Settings) -> Result:
    if settings.attribute_reliability not in ("global", "own", "others"):
        raise ValueError(f"unknown attribute_reliability {settings.attribute_reliability!r}")
    share = claim_share(table)
    support_t = support_matrix(table).T.tocsr()
    generalizes_t = None if table.generalizes is None else table.generalizes.T.tocsr()
    values_per_item = np.bincount(table.candidate_item, minlength=table.n_items).astype(np.float64)
    # an echo's copying is judged once, against its item's history (`echo.py`); the pairs are
    # judged on the other claims, so a source that re-saved an editor's figure is not also taken
    # for that editor's pairwise copy (which would discount the editor's own claim)
    echo = echo_weight(table, settings.echoes)
    paired = without_echoes(table) if settings.echoes else None
    pair_table = table if paired is None else paired[0]
    evidence = copy_evidence(pair_table) if settings.detect_copying else None
    discount = IndependenceDiscount(evidence, pair_table) if evidence is not None else None
    posterior: CopyPosterior | None = None
    claim_attribute, n_attributes = _claim_attribute(table, settings.attribute_reliability)
    no_attribute = np.zeros_like(claim_attribute)
    accuracy = np.full((table.n_sources, n_attributes), settings.initial_accuracy)
    overall = np.full(table.n_sources, settings.initial_accuracy)
    # an echo's vote counts by how likely it is independent; accuracy is judged on every claim
    independence = echo
    prob = np.zeros(table.n_candidates)
    n_false = settings.n_false
    iterations = 0
    for iterations in range(1, settings.max_iterations + 1):
        weight = np.log(n_false * accuracy / (1.0 - accuracy))
        vote = np.bincount(
            table.candidate,
            weights=weight[table.source, claim_attribute] * share * independence,
            minlength=table.n_candidates,
        )
        prob = _probabilities(
            table,
            vote.astype(np.float64),
            n_false,
            settings.rho,
            support_t,
            values_per_item,
            settings.format_rho,
            generalizes_t,
        )
        updated = _accuracy(
            table,
            prob,
            share,
            claim_attribute,
            n_attributes,
            settings.attribute_reliability,
            settings.initial_accuracy,
            settings.accuracy_prior_strength,
        )
        change = float(np.max(np.abs(updated - accuracy))) if updated.size else 0.0
        accuracy = updated
        overall = (
            accuracy[:, 0]
            if n_attributes == 1
            else _accuracy(
                table,
                prob,
                share,
                no_attribute,
                1,
                "global",
                settings.initial_accuracy,
                settings.accuracy_prior_strength,
            )[:, 0]
        )
        if evidence is not None and discount is not None:
            posterior = copy_posterior(
                evidence, prob, overall, n_false, settings.copy_rate, settings.prior
            )
            pair_independence = discount(
                posterior, overall, settings.copy_rate, settings.either_direction
            )
            if paired is not None:  # echoes are left out of the pairs: no pairwise discount
                pair_independence = scatter_kept(pair_independence, paired[1], echo.shape[0])
            independence = echo * pair_independence
        if change < settings.tolerance and iterations > 1:
            break

    truth = argmax_per_item(
        prob,
        table.candidate_item,
        table.n_items,
        table.candidate_eligible,
        table.candidate_specificity,
    )
    extra: dict[str, object] = {}
    if n_attributes > 1:
        extra["attribute_accuracy"] = accuracy
    if posterior is not None:
        dependence = posterior.dependence(table.n_sources)
        extra["dependence"] = dependence
        extra["copying"] = copier_pairs(dependence, settings.report_threshold)
    return Result(
        confidence=prob, truth=truth, reliability=overall, iterations=iterations, extra=extra
    )


@register("accu")
def accu(
    table: ClaimTable,
    n_false: float = 100.0,
    initial_accuracy: float = 0.8,
    rho: float = 0.0,
    max_iterations: int = 50,
    tolerance: float = 1e-4,
    attribute_reliability: str = "global",
    accuracy_prior_strength: float = 0.0,
    format_rho: float = 0.5,
    echoes: bool = True,
) -> Result:
    return _run(
        table,
        _Settings(
            detect_copying=False,
            n_false=n_false,
            initial_accuracy=initial_accuracy,
            rho=rho,
            max_iterations=max_iterations,
            tolerance=tolerance,
            attribute_reliability=attribute_reliability,
            accuracy_prior_strength=accuracy_prior_strength,
            format_rho=format_rho,
            echoes=echoes,
        ),
    )


@register("accuattr")
def accuattr(
    table: ClaimTable,
    n_false: float = 100.0,
    initial_accuracy: float = 0.8,
    rho: float = 0.0,
    max_iterations: int = 50,
    tolerance: float = 1e-4,
    accuracy_prior_strength: float = 2.0,
    format_rho: float = 0.5,
    echoes: bool = True,
) -> Result:
    """Accu whose trust in a source on one attribute is what the source earns on the others
    (`attribute_reliability="others"`); on a table with one attribute it is plain Accu with a
    Beta prior on accuracy."""
    return accu(
        table,
        n_false=n_false,
        initial_accuracy=initial_accuracy,
        rho=rho,
        max_iterations=max_iterations,
        tolerance=tolerance,
        attribute_reliability="others",
        accuracy_prior_strength=accuracy_prior_strength,
        format_rho=format_rho,
        echoes=echoes,
    )


@register("accucopy")
def accucopy(
    table: ClaimTable,
    n_false: float = 100.0,
    initial_accuracy: float = 0.8,
    rho: float = 0.0,
    copy_rate: float = 0.8,
    prior: float = 0.1,
    max_iterations: int = 50,
    tolerance: float = 1e-4,
    report_threshold: float = 0.5,
    either_direction: bool = True,
    attribute_reliability: str = "own",
    accuracy_prior_strength: float = 0.0,
    format_rho: float = 0.5,
    echoes: bool = True,
) -> Result:
    return _run(
        table,
        _Settings(
            detect_copying=True,
            n_false=n_false,
            initial_accuracy=initial_accuracy,
            rho=rho,
            copy_rate=copy_rate,
            prior=prior,
            max_iterations=max_iterations,
            tolerance=tolerance,
            report_threshold=report_threshold,
            either_direction=either_direction,
            attribute_reliability=attribute_reliability,
            accuracy_prior_strength=accuracy_prior_strength,
            format_rho=format_rho,
            echoes=echoes,
        ),
    )


def copy_groups(table: ClaimTable, threshold: float = 0.5, **params: float) -> IntArray:
    """Witness groups for `ClaimTable.source_group`: sources linked by detected copying
    (AccuCopy's probability of copying, either way, above `threshold`) form one group
    (connected components)."""
    from scipy.sparse.csgraph import connected_components

    result = accucopy(table, **params)
    dependence = result.extra["dependence"]
    assert isinstance(dependence, sparse.csr_matrix)
    either = (dependence + dependence.T).tocsr()
    linked = either.multiply(either > threshold).tocsr()
    _, labels = connected_components(linked, directed=False)
    return labels.astype(np.int64)
