"""Accu and AccuCopy (Dong, Berti-Equille, Srivastava, PVLDB 2009).

Accu: a source with accuracy A votes ln(n A / (1 - A)) for its value (n = number of false values
an item can take); a value's probability is the softmax of its vote count over the item's domain
(the n + 1 - k values nobody claimed count as vote 0); a source's accuracy is the mean probability
of its values. With `rho` > 0 the vote of similar values leaks in (AccuSim).

AccuCopy adds copy detection: for each pair of sources, the values they share and how likely each
shared value is to be false decide the posterior that one copies the other (sharing false values is
rare for independent sources: (1-A1)(1-A2)/n). A source's vote for a value is then discounted by
(1 - c Pr(dependence)) for every earlier-ranked source that provides the same value, so a clique
of copiers counts about as one witness. The copier pairs found go to `Result.extra["copying"]`.

Everything is sparse linear algebra over a (sources x candidates) matrix: the pair counts are
M diag(P) M^T products, the discount is a sparse (sources x sources) @ (sources x candidates)
product gathered at the claims.
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
from veracity.resolve.weights import claim_share, gather, support_matrix


@dataclass
class _Layout:
    """Incidence matrices reused by every iteration."""

    provides: sparse.csr_matrix  # sources x candidates, 1 when the source claims the candidate
    common: sparse.coo_matrix  # sources x sources, number of items both speak of (off-diagonal)
    values_per_item: FloatArray  # candidates observed per item


def _layout(table: ClaimTable) -> _Layout:
    ones = np.ones(table.source.shape[0])
    provides = sparse.csr_matrix(
        (ones, (table.source, table.candidate)), shape=(table.n_sources, table.n_candidates)
    )
    provides.data[:] = 1.0  # duplicates summed to >1 by the constructor: keep an indicator
    speaks = sparse.csr_matrix(
        (ones, (table.source, table.item)), shape=(table.n_sources, table.n_items)
    )
    speaks.data[:] = 1.0
    common = (speaks @ speaks.T).tocoo()
    off = common.row != common.col
    common = sparse.coo_matrix(
        (common.data[off], (common.row[off], common.col[off])), shape=common.shape
    )
    values_per_item = np.bincount(table.candidate_item, minlength=table.n_items).astype(np.float64)
    return _Layout(provides, common, values_per_item)


def _probabilities(
    table: ClaimTable,
    vote: FloatArray,
    n_false: float,
    rho: float,
    support_t: sparse.csr_matrix,
    values_per_item: FloatArray,
) -> FloatArray:
    """Softmax of vote counts over each item's domain of n + 1 values (unclaimed ones vote 0)."""
    n_items = table.n_items
    item = table.candidate_item
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


def copy_probabilities(
    layout: _Layout,
    table: ClaimTable,
    independence: FloatArray,
    share: FloatArray,
    prob: FloatArray,
    copy_rate: float,
    prior: float,
    truth_weighted: bool = False,
) -> sparse.csr_matrix:
    """Posterior that sources i and j are dependent (one copies the other), for every pair with
    items in common (sparse, symmetric).

    Dong et al.'s test: on each common item a copier repeats its original's value with rate c,
    otherwise it behaves like an independent source; so a shared value is evidence of copying by
    (c + (1 - c) rho_v) / rho_v and a different value by (1 - c), where rho_v is the chance that
    an independent source gives v. The paper takes rho from a global accuracy (true values) and a
    uniform 1/n (false values); here rho_v is the value's share of the copy-discounted claims on
    its item, because on real data false values are far from uniform (many honest sources report
    the same "wrong" reading) and accuracy differs from one attribute to the next. Sharing a rare
    value is strong evidence, sharing what everyone says is almost none.
    """
    counted = np.bincount(
        table.candidate, weights=share * independence, minlength=table.n_candidates
    )
    item_total = np.bincount(table.candidate_item, weights=counted, minlength=table.n_items)
    rho = np.divide(
        counted,
        item_total[table.candidate_item],
        out=np.ones_like(counted),
        where=item_total[table.candidate_item] > 0,
    )
    rho = np.clip(rho, 1e-3, 1.0)
    c = copy_rate
    shared_weight = np.log(c / rho + (1.0 - c))
    if truth_weighted:
        # a shared value believed true says little (everyone right agrees): weigh by 1 - P(v);
        # sharper on data whose copiers repeat many false values, but blind to copiers whose
        # false values currently win (their votes make their values look true)
        shared_weight = (1.0 - prob) * shared_weight
    m = layout.provides
    evidence_shared = (m.multiply(shared_weight[None, :]) @ m.T).tocsr()
    n_shared = (m @ m.T).tocsr()
    rows, cols, common = layout.common.row, layout.common.col, layout.common.data
    shared = gather(n_shared, rows, cols)
    different = np.maximum(common - shared, 0.0)
    llr = gather(evidence_shared, rows, cols) + different * np.log(1.0 - c)
    posterior = 1.0 / (1.0 + np.exp(-np.clip(llr + np.log(prior / (1.0 - prior)), -500, 500)))
    return sparse.csr_matrix((posterior, (rows, cols)), shape=(table.n_sources, table.n_sources))


def _independence(
    table: ClaimTable,
    layout: _Layout,
    dependence: sparse.csr_matrix,
    accuracy: FloatArray,
    copy_rate: float,
    floor: float,
) -> FloatArray:
    """Per claim: product of (1 - c Pr(dep)) over earlier-ranked sources giving the same value.

    Sources are ranked by accuracy (best first), then by index; a pair's dependence is the
    probability of copying in either direction.
    """
    either = dependence.tocoo()
    keep = either.data > floor
    rank = np.empty(table.n_sources, dtype=np.int64)
    rank[np.lexsort((np.arange(table.n_sources), -accuracy))] = np.arange(table.n_sources)
    r, c, p = either.row[keep], either.col[keep], np.minimum(either.data[keep], 1.0)
    earlier = rank[c] < rank[r]
    log_discount = sparse.csr_matrix(
        (np.log1p(-copy_rate * p[earlier]), (r[earlier], c[earlier])),
        shape=(table.n_sources, table.n_sources),
    )
    per_source_value = (log_discount @ layout.provides).tocsr()
    if per_source_value.nnz == 0:
        return np.ones(table.source.shape[0])
    gathered = gather(per_source_value, table.source, table.candidate)
    return np.exp(gathered)


@dataclass
class _Settings:
    detect_copying: bool
    n_false: float = 100.0
    initial_accuracy: float = 0.8
    rho: float = 0.0
    copy_rate: float = 0.8
    prior: float = 0.2
    max_iterations: int = 50
    tolerance: float = 1e-4
    report_threshold: float = 0.5
    truth_weighted: bool = False
    attribute_reliability: str = "global"  # "global", "own" or "others" (see _accuracy)
    accuracy_prior_strength: float = 0.0


def _run(table: ClaimTable, settings: _Settings) -> Result:
    if settings.attribute_reliability not in ("global", "own", "others"):
        raise ValueError(f"unknown attribute_reliability {settings.attribute_reliability!r}")
    share = claim_share(table)
    support_t = support_matrix(table).T.tocsr()
    layout = _layout(table)
    claim_attribute, n_attributes = _claim_attribute(table, settings.attribute_reliability)
    no_attribute = np.zeros_like(claim_attribute)
    accuracy = np.full((table.n_sources, n_attributes), settings.initial_accuracy)
    overall = np.full(table.n_sources, settings.initial_accuracy)
    independence = np.ones(table.source.shape[0])
    dependence = sparse.csr_matrix((table.n_sources, table.n_sources))
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
            table, vote.astype(np.float64), n_false, settings.rho, support_t, layout.values_per_item
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
        if settings.detect_copying:
            dependence = copy_probabilities(
                layout,
                table,
                independence,
                share,
                prob,
                settings.copy_rate,
                settings.prior,
                settings.truth_weighted,
            )
            independence = _independence(
                table, layout, dependence, overall, settings.copy_rate, 1e-3
            )
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
    if settings.detect_copying:
        extra["dependence"] = dependence
        extra["copying"] = _copier_pairs(dependence, settings.report_threshold)
    return Result(
        confidence=prob, truth=truth, reliability=overall, iterations=iterations, extra=extra
    )


def _copier_pairs(dependence: sparse.csr_matrix, threshold: float) -> list[tuple[int, int, float]]:
    """(copier, original, probability) for every directed pair above the threshold."""
    coo = dependence.tocoo()
    keep = coo.data > threshold
    rows: IntArray = coo.row[keep]
    cols: IntArray = coo.col[keep]
    order = np.lexsort((cols, rows))
    return [(int(rows[k]), int(cols[k]), float(coo.data[keep][k])) for k in order]


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
    )


@register("accucopy")
def accucopy(
    table: ClaimTable,
    n_false: float = 100.0,
    initial_accuracy: float = 0.8,
    rho: float = 0.0,
    copy_rate: float = 0.8,
    prior: float = 0.2,
    max_iterations: int = 50,
    tolerance: float = 1e-4,
    report_threshold: float = 0.5,
    truth_weighted: bool = False,
    attribute_reliability: str = "global",
    accuracy_prior_strength: float = 0.0,
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
            truth_weighted=truth_weighted,
            attribute_reliability=attribute_reliability,
            accuracy_prior_strength=accuracy_prior_strength,
        ),
    )


def copy_groups(table: ClaimTable, threshold: float = 0.5, **params: float) -> IntArray:
    """Witness groups for `ClaimTable.source_group`: sources linked by detected copying
    (AccuCopy's dependence above `threshold`) form one group (connected components)."""
    from scipy.sparse.csgraph import connected_components

    result = accucopy(table, **params)
    dependence = result.extra["dependence"]
    assert isinstance(dependence, sparse.csr_matrix)
    linked = dependence.multiply(dependence > threshold).tocsr()
    _, labels = connected_components(linked, directed=False)
    return labels.astype(np.int64)
