"""Copy detection between sources and the independent-vote discount it implies (Dong,
Berti-Equille, Srivastava, PVLDB 2009, "Integrating conflicting data: the role of source
dependence").

For two sources i and j the claims on the items both speak of fall in three kinds: shared values
that are true (k_t), shared values that are false (k_f) and different values (k_d). Independent
sources with accuracies A_i, A_j share a true value with probability A_i A_j, a false one with
(1 - A_i)(1 - A_j) / n (n false values, uniformly likely) and differ otherwise; a source that
copies each item from the other with probability c shares whatever the original says. Since
truth is not known, a shared value counts as true by its current probability. The posterior of
i -> j (i copies j), j -> i and independence follows by Bayes' rule with a prior alpha per
direction. Sharing false values is the strong evidence; sharing true values is almost none for
accurate sources; every difference counts against copying.

What counts as "the same value" matters: when the table gives the form a claim was written in
(`ClaimTable.claim_form`, e.g. the raw string before normalisation), two sources share a value
only when they wrote it the same way. Independent sites that read one truth each print it in
their own format ("5:05pDec 8", "December 8, 2011 05:05 PM"); mirrors reproduce the page.

Every statistic is a sum over pairs of sources that provide the same unit (form, value or item).
Units are grouped by the exact set of their providers first (a hash of the set): mirrors make
most sets repeat, so the pair work is the sum of k^2 over distinct provider sets, not over units.
When that still exceeds a budget (thousands of sources, each set unique), the evidence is taken
from a fixed pseudo-random sample of the items, which bounds time and memory; copiers share
most of their items with their original, so a sample keeps enough evidence to find them.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from veracity.resolve.base import (
    ClaimTable,
    FloatArray,
    IntArray,
    finalise64,
    unique_inverse,
    unique_values,
)
from veracity.resolve.weights import gather

_MIX = np.uint64(0x9E3779B97F4A7C15)
# pairs of sources listed at once (items sampled for the evidence, the discount done in chunks
# beyond it): bounds copy detection's memory to a few hundred MB
MAX_PAIR_WORK = 8_000_000


def _scramble(x: IntArray) -> npt.NDArray[np.uint64]:
    """splitmix64 finaliser: a fixed pseudo-random 64-bit key per integer."""
    with np.errstate(over="ignore"):
        z = x.astype(np.uint64) * _MIX
    return finalise64(z)


def _pairs_within(starts: IntArray, sizes: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """All (p, q) with p < q inside each segment [start, start + size) of a sorted array, and
    the segment of each pair."""
    ends = starts + sizes
    position = np.arange(int(sizes.sum()), dtype=np.int64)
    segment = np.repeat(np.arange(starts.shape[0], dtype=np.int64), sizes)
    after = np.repeat(ends, sizes) - position - 1  # partners after each position
    total = int(after.sum())
    p = np.repeat(position, after)
    first = np.cumsum(after) - after
    q = p + 1 + (np.arange(total, dtype=np.int64) - np.repeat(first, after))
    return p, q, segment[p]


@dataclass
class _SetPairs:
    """Units grouped by provider set; each set's source pairs (a < b) as incidences."""

    set_of_unit: IntArray  # per unit, its set (-1 when the unit is left out)
    set_size: FloatArray  # units per set
    incidence_set: IntArray
    incidence_a: IntArray
    incidence_b: IntArray


def _provider_sets(
    unit: IntArray,
    source: IntArray,
    n_units: int,
    n_sources: int,
    unit_class: IntArray | None = None,
    max_work: int | None = None,
) -> tuple[_SetPairs | None, int]:
    """Group units by their exact set of providers (and class, when given: units of different
    classes never share a set) and list each set's pairs of providers, with their number. When
    that number exceeds `max_work` the pairs are not listed (None)."""
    key = unique_values(unit.astype(np.int64) * n_sources + source)
    u, s = key // n_sources, key % n_sources
    signature = np.zeros(n_units, dtype=np.uint64)
    with np.errstate(over="ignore"):
        np.add.at(signature, u, _scramble(s + 1))  # wrapping sum: order free, collisions ~2^-64
        if unit_class is not None:
            signature ^= _scramble(unit_class.astype(np.int64) + 0x5EED)
    present = np.zeros(n_units, dtype=bool)
    present[u] = True
    sets, inverse = unique_inverse(signature[present].view(np.int64))
    set_of_unit = np.full(n_units, -1, dtype=np.int64)
    set_of_unit[present] = inverse
    set_size = np.bincount(inverse, minlength=sets.shape[0]).astype(np.float64)
    # one representative unit per set (the lowest): its providers are the set's members
    representative = np.full(sets.shape[0], n_units, dtype=np.int64)
    np.minimum.at(representative, inverse, np.flatnonzero(present))
    is_rep = np.zeros(n_units, dtype=bool)
    is_rep[representative] = True
    rep_claims = is_rep[u]
    ru, rs = u[rep_claims], s[rep_claims]  # sorted by unit, then source
    starts = np.flatnonzero(np.r_[True, ru[1:] != ru[:-1]]) if ru.size else ru
    sizes = np.diff(np.r_[starts, ru.shape[0]])
    work = int((sizes * (sizes - 1) // 2).sum())
    if max_work is not None and work > max_work:
        return None, work
    p, q, _ = _pairs_within(starts, sizes)
    # int32 where it fits: the incidence arrays are the largest of copy detection
    small = np.int32 if max(n_sources, sets.shape[0]) < 2**31 else np.int64
    pairs = _SetPairs(
        set_of_unit,
        set_size,
        set_of_unit[ru[p]].astype(small),
        rs[p].astype(small),
        rs[q].astype(small),
    )
    return pairs, work


def _item_sample(n_items: int, fraction: float) -> np.ndarray:
    """A fixed pseudo-random subset of the items (by a hash of the item number)."""
    if fraction >= 1.0:
        return np.ones(n_items, dtype=bool)
    threshold = np.uint64(min(int(fraction * 2.0**64), 2**64 - 1))
    return _scramble(np.arange(n_items, dtype=np.int64) + 7) < threshold


@dataclass
class CopyEvidence:
    """What copy detection needs, computed once per table: the pairs of sources with items in
    common, how many items each pair shares a unit on, and the provider sets of the shared units
    (to sum value probabilities over them)."""

    pair_a: IntArray  # pairs (a < b) with at least one item in common
    pair_b: IntArray
    common: FloatArray  # items both speak of (in the sample)
    shared: FloatArray  # units both provide (in the sample)
    unit_candidate: IntArray  # per unit, its candidate value
    unit_set: IntArray  # per unit, its provider set (-1 outside the sample)
    set_size: FloatArray  # units per set
    set_form_match: FloatArray  # per set, chance that independent sources agreeing write alike
    incidence_set: IntArray  # (set, pair) incidences: the pair both provide the set's units
    incidence_pair: IntArray
    claim_unit: IntArray  # per claim, its unit
    sampled_fraction: float


def claim_units(table: ClaimTable) -> tuple[IntArray, IntArray]:
    """Per claim, the unit two sources must share to count as agreeing (the candidate, or the
    (form, candidate) pair when forms are given), and per unit its candidate."""
    if table.claim_form is None:
        return table.candidate.astype(np.int64), np.arange(table.n_candidates, dtype=np.int64)
    key = table.claim_form.astype(np.int64) * max(table.n_candidates, 1) + table.candidate
    units, inverse = unique_inverse(key)
    return inverse, units % max(table.n_candidates, 1)


def form_match(
    table: ClaimTable, unit: IntArray, unit_candidate: IntArray, attribute: IntArray
) -> FloatArray:
    """Per attribute: of all pairs of sources that give the same value, the share that write it
    the same way (1 without forms). Copies inflate it, which only makes a shared form weaker
    evidence; times printed in a dozen formats get a low figure, gate codes a high one."""
    n_attributes = int(attribute.max()) + 1 if attribute.size else 1
    if table.claim_form is None:
        return np.ones(n_attributes)
    source_unit = unique_values(unit.astype(np.int64) * table.n_sources + table.source)
    per_unit = np.bincount(source_unit // table.n_sources, minlength=unit_candidate.shape[0])
    per_candidate = np.bincount(
        unit_candidate, weights=per_unit, minlength=table.n_candidates
    ).astype(np.float64)
    candidate_attribute = attribute[table.candidate_item]
    same_form = np.bincount(
        candidate_attribute[unit_candidate],
        weights=per_unit * (per_unit - 1.0),
        minlength=n_attributes,
    )
    same_value = np.bincount(
        candidate_attribute, weights=per_candidate * (per_candidate - 1.0), minlength=n_attributes
    )
    return np.divide(same_form, same_value, out=np.ones(n_attributes), where=same_value > 0)


def _pair_index(universe: IntArray, a: IntArray, b: IntArray, n_sources: int) -> IntArray:
    return np.searchsorted(universe, a.astype(np.int64) * n_sources + b)


def _attributes(table: ClaimTable) -> IntArray:
    if table.item_attribute is None:
        return np.zeros(table.n_items, dtype=np.int64)
    _, attribute = np.unique(table.item_attribute, return_inverse=True)
    return attribute.astype(np.int64)


def copy_evidence(table: ClaimTable, max_pair_work: int = MAX_PAIR_WORK) -> CopyEvidence:
    """Pair statistics for copy detection; items are sampled when the pair work (sum of k^2
    over distinct provider sets of items) would exceed `max_pair_work`."""
    ns = table.n_sources
    item = table.item
    unit, unit_candidate = claim_units(table)
    n_units = unit_candidate.shape[0]
    attribute = _attributes(table)
    unit_attribute = attribute[table.candidate_item[unit_candidate]]
    fraction = 1.0
    while True:
        keep = _item_sample(table.n_items, fraction)[item]
        item_found, item_work = _provider_sets(
            item[keep], table.source[keep], table.n_items, ns, max_work=max_pair_work
        )
        unit_found, unit_work = (
            (None, 0)
            if item_found is None
            else _provider_sets(
                unit[keep], table.source[keep], n_units, ns, unit_attribute, max_pair_work
            )
        )
        if item_found is not None and unit_found is not None:
            item_sets, unit_sets = item_found, unit_found
            break
        fraction *= 0.9 * max_pair_work / max(item_work, unit_work)
    universe, pair_of_incidence = unique_inverse(
        item_sets.incidence_a.astype(np.int64) * ns + item_sets.incidence_b
    )
    common = np.bincount(
        pair_of_incidence,
        weights=item_sets.set_size[item_sets.incidence_set],
        minlength=universe.shape[0],
    )
    del item_sets, pair_of_incidence
    incidence_pair = _pair_index(universe, unit_sets.incidence_a, unit_sets.incidence_b, ns)
    shared = np.bincount(
        incidence_pair,
        weights=unit_sets.set_size[unit_sets.incidence_set],
        minlength=universe.shape[0],
    )
    # each set holds units of one attribute: its form-match chance is the attribute's
    n_sets = unit_sets.set_size.shape[0]
    set_attribute = np.zeros(n_sets, dtype=np.int64)
    inside = unit_sets.set_of_unit >= 0
    set_attribute[unit_sets.set_of_unit[inside]] = unit_attribute[inside]
    phi = form_match(table, unit, unit_candidate, attribute)
    return CopyEvidence(
        pair_a=universe // ns,
        pair_b=universe % ns,
        common=common.astype(np.float64),
        shared=shared.astype(np.float64),
        unit_candidate=unit_candidate,
        unit_set=unit_sets.set_of_unit,
        set_size=unit_sets.set_size,
        set_form_match=np.clip(phi[set_attribute], 1e-3, 1.0),
        incidence_set=unit_sets.incidence_set,
        incidence_pair=incidence_pair.astype(np.int32),
        claim_unit=unit,
        sampled_fraction=fraction,
    )


@dataclass
class CopyPosterior:
    """Per pair (a < b): probability that a copies b, that b copies a."""

    pair_a: IntArray
    pair_b: IntArray
    a_copies_b: FloatArray
    b_copies_a: FloatArray

    def dependence(self, n_sources: int) -> sparse.csr_matrix:
        """(copier x original) matrix of copy probabilities."""
        rows = np.concatenate([self.pair_a, self.pair_b])
        cols = np.concatenate([self.pair_b, self.pair_a])
        data = np.concatenate([self.a_copies_b, self.b_copies_a])
        return sparse.csr_matrix((data, (rows, cols)), shape=(n_sources, n_sources))


def copy_posterior(
    evidence: CopyEvidence,
    prob: FloatArray,
    accuracy: FloatArray,
    n_false: float,
    copy_rate: float,
    prior: float,
) -> CopyPosterior:
    """Dong et al.'s Bayesian test for every pair with items in common.

    Per shared unit (same value, written the same way when forms are known) with probability P
    of being true: independent sources share it with P A_i A_j phi + (1 - P)(1 - A_i)(1 - A_j)
    phi / n (phi: the chance that independent sources write one value alike, 1 without forms);
    a copier of j repeats j's value with probability c, or else behaves independently. On an
    item where they differ (or write alike values differently) the copier's likelihood is
    (1 - c) times the independent one. The shared-unit terms use expected counts per provider
    set (k_t = sum of P, k_f = the rest), as Dong et al. do with unknown truth."""
    unit_prob = prob[evidence.unit_candidate]
    inside = evidence.unit_set >= 0
    set_true = np.bincount(
        evidence.unit_set[inside],
        weights=unit_prob[inside],
        minlength=evidence.set_size.shape[0],
    )
    s = evidence.incidence_set
    k_true = np.minimum(set_true[s], evidence.set_size[s])
    k_false = evidence.set_size[s] - k_true
    phi = evidence.set_form_match[s]
    a_acc = accuracy[evidence.pair_a][evidence.incidence_pair]
    b_acc = accuracy[evidence.pair_b][evidence.incidence_pair]
    c = copy_rate
    p_true = a_acc * b_acc * phi
    p_false = (1.0 - a_acc) * (1.0 - b_acc) * phi / n_false

    def log_ratio(original: FloatArray) -> FloatArray:
        # copier of `original` over independent, summed over the incidence's shared units
        return k_true * np.log(original * c / p_true + (1.0 - c)) + k_false * np.log(
            (1.0 - original) * c / p_false + (1.0 - c)
        )

    n_pairs = evidence.pair_a.shape[0]
    differ = np.maximum(evidence.common - evidence.shared, 0.0) * np.log(1.0 - c)
    a_copies = np.bincount(evidence.incidence_pair, log_ratio(b_acc), minlength=n_pairs) + differ
    b_copies = np.bincount(evidence.incidence_pair, log_ratio(a_acc), minlength=n_pairs) + differ
    top = np.maximum(np.maximum(a_copies, b_copies), 0.0)
    w_ind = (1.0 - 2.0 * prior) * np.exp(-top)
    w_ab = prior * np.exp(a_copies - top)
    w_ba = prior * np.exp(b_copies - top)
    total = w_ind + w_ab + w_ba
    return CopyPosterior(evidence.pair_a, evidence.pair_b, w_ab / total, w_ba / total)


@dataclass
class _DiscountPlan:
    """Pairs of providers of the same unit among the sources involved in some dependence,
    listed once per provider set (few sources: sets repeat)."""

    involved: np.ndarray
    incidence_slot: IntArray  # (set, later source) slot of each ordered incidence
    incidence_a: IntArray  # the source whose vote is discounted
    incidence_b: IntArray  # the other provider
    incidence_pair: IntArray  # index of {a, b} in the posterior's pair list
    a_is_low: np.ndarray  # a < b (a is pair_a)
    claim_slot: IntArray  # per claim, its slot (-1: nobody to be discounted by)
    n_slots: int


@dataclass
class _ChunkedPlan:
    """When the pairs are too many to list at once (thousands of sources, every provider set
    unique): the involved claims sorted by unit, walked in chunks on every call."""

    involved: np.ndarray
    claims: IntArray  # involved claims, sorted by unit
    starts: IntArray  # first position of each unit among them
    sizes: IntArray


def _discount_plan(
    evidence: CopyEvidence, table: ClaimTable, involved: np.ndarray, max_work: int
) -> _DiscountPlan | _ChunkedPlan:
    ns = table.n_sources
    n_units = evidence.unit_candidate.shape[0]
    keep = involved[table.source]
    sets, _ = _provider_sets(
        evidence.claim_unit[keep], table.source[keep], n_units, ns, max_work=max_work
    )
    if sets is None:
        claims = np.flatnonzero(keep)
        claims = claims[np.argsort(evidence.claim_unit[claims], kind="stable")]
        units = evidence.claim_unit[claims]
        starts = np.flatnonzero(np.r_[True, units[1:] != units[:-1]]) if units.size else units
        return _ChunkedPlan(involved, claims, starts, np.diff(np.r_[starts, units.shape[0]]))
    # both orders: either source of a pair may be the later one
    a = np.concatenate([sets.incidence_a, sets.incidence_b])
    b = np.concatenate([sets.incidence_b, sets.incidence_a])
    owner = np.concatenate([sets.incidence_set, sets.incidence_set])
    # a pair with no item in the evidence sample has no posterior: it discounts nothing
    universe = evidence.pair_a * ns + evidence.pair_b
    low, high = np.minimum(a, b), np.maximum(a, b)
    incidence_pair = _pair_index(universe, low, high, ns)
    known = incidence_pair < universe.shape[0]
    known[known] = universe[incidence_pair[known]] == low[known].astype(np.int64) * ns + high[known]
    a, b, owner, incidence_pair = a[known], b[known], owner[known], incidence_pair[known]
    slot_key = owner.astype(np.int64) * ns + a
    slots, incidence_slot = unique_inverse(slot_key)
    claim_slot = np.full(table.source.shape[0], -1, dtype=np.int64)
    claim_set = sets.set_of_unit[evidence.claim_unit]
    candidates = keep & (claim_set >= 0)
    wanted = claim_set[candidates] * ns + table.source[candidates]
    pos = np.searchsorted(slots, wanted)
    pos_ok = np.minimum(pos, max(slots.shape[0] - 1, 0))
    found = (pos < slots.shape[0]) & (slots[pos_ok] == wanted) if slots.size else pos < 0
    idx = np.flatnonzero(candidates)
    claim_slot[idx[found]] = pos_ok[found]
    return _DiscountPlan(
        involved,
        incidence_slot.astype(np.int32),
        a,
        b,
        incidence_pair.astype(np.int32),
        a < b,
        claim_slot,
        slots.shape[0],
    )


def _chunked_log_independence(
    plan: _ChunkedPlan,
    table: ClaimTable,
    pair_log_keep: sparse.csr_matrix,
    max_work: int,
) -> FloatArray:
    """Per claim, the sum of log(1 - c Pr(copy)) over the better-ranked providers of its unit,
    the units walked in chunks of about `max_work` pairs."""
    ns = table.n_sources
    dense = pair_log_keep.toarray() if ns <= 4096 else None  # 128 MB at most
    out = np.zeros(table.source.shape[0])
    chunk = np.cumsum(plan.sizes * (plan.sizes - 1)) // max_work
    edges = np.r_[np.flatnonzero(np.r_[True, chunk[1:] != chunk[:-1]]), chunk.shape[0]]
    for lo, hi in itertools.pairwise(edges.tolist()):
        offset = plan.starts[lo]
        p, q, _ = _pairs_within(plan.starts[lo:hi] - offset, plan.sizes[lo:hi])
        first, second = plan.claims[offset + p], plan.claims[offset + q]
        for later, earlier in ((first, second), (second, first)):
            a, b = table.source[later], table.source[earlier]
            weight = dense[a, b] if dense is not None else gather(pair_log_keep, a, b)
            out += np.bincount(later, weights=weight, minlength=out.shape[0])
    return out


class IndependenceDiscount:
    """Per claim, the probability that its source gave the value independently of the sources
    ranked before it that give the same value: the product of (1 - c Pr(copy)) over them
    (Dong et al. 2009). Sources are ranked by accuracy, best first, then by number. By default
    Pr(copy) is the probability of copying in either direction: which of two mirrors is the
    original the data rarely tells, and the one-way reading lets a clique keep several votes
    (flight-all 0.941 instead of 0.978)."""

    def __init__(
        self,
        evidence: CopyEvidence,
        table: ClaimTable,
        floor: float = 1e-3,
        max_work: int = MAX_PAIR_WORK,
    ):
        self.evidence = evidence
        self.table = table
        self.floor = floor
        self.max_work = max_work
        self.plan: _DiscountPlan | _ChunkedPlan | None = None

    def __call__(
        self,
        posterior: CopyPosterior,
        accuracy: FloatArray,
        copy_rate: float,
        either_direction: bool = True,
    ) -> FloatArray:
        table = self.table
        ns = table.n_sources
        dependence_ab = posterior.a_copies_b + (posterior.b_copies_a if either_direction else 0)
        dependence_ba = posterior.b_copies_a + (posterior.a_copies_b if either_direction else 0)
        strong = np.maximum(dependence_ab, dependence_ba) > self.floor
        involved = np.zeros(ns, dtype=bool)
        involved[posterior.pair_a[strong]] = True
        involved[posterior.pair_b[strong]] = True
        if not involved.any():
            return np.ones(table.source.shape[0])
        if self.plan is None or np.any(involved & ~self.plan.involved):
            involved |= False if self.plan is None else self.plan.involved
            self.plan = _discount_plan(self.evidence, table, involved, self.max_work)
        plan = self.plan
        rank = np.empty(ns, dtype=np.int64)
        rank[np.lexsort((np.arange(ns), -accuracy))] = np.arange(ns)
        if isinstance(plan, _ChunkedPlan):
            # (later, earlier) -> log(1 - c Pr(later copies earlier)), for the strong pairs
            a, b = posterior.pair_a[strong], posterior.pair_b[strong]
            a_later = rank[a] > rank[b]
            later = np.where(a_later, a, b)
            earlier = np.where(a_later, b, a)
            dependence = np.where(a_later, dependence_ab[strong], dependence_ba[strong])
            log_keep = sparse.csr_matrix(
                (np.log1p(-copy_rate * np.minimum(dependence, 1.0)), (later, earlier)),
                shape=(ns, ns),
            )
            return np.exp(_chunked_log_independence(plan, table, log_keep, self.max_work))
        later = rank[plan.incidence_a] > rank[plan.incidence_b]
        dependence = np.where(
            plan.a_is_low, dependence_ab[plan.incidence_pair], dependence_ba[plan.incidence_pair]
        )
        log_keep = np.where(later, np.log1p(-copy_rate * np.minimum(dependence, 1.0)), 0.0)
        per_slot = np.bincount(plan.incidence_slot, weights=log_keep, minlength=plan.n_slots)
        out = np.ones(table.source.shape[0])
        has = plan.claim_slot >= 0
        out[has] = np.exp(per_slot[plan.claim_slot[has]])
        return out


def copier_pairs(dependence: sparse.csr_matrix, threshold: float) -> list[tuple[int, int, float]]:
    """(copier, original, probability) in both directions for every pair of sources whose
    probability of copying, in either direction, is above the threshold (mirrors look alike
    both ways: which one is the original the data often cannot tell)."""
    either = (dependence + dependence.T).tocsr()
    coo = dependence.tocoo()
    keep = gather(either, coo.row, coo.col) > threshold
    rows: IntArray = coo.row[keep]
    cols: IntArray = coo.col[keep]
    data = coo.data[keep]
    order = np.lexsort((cols, rows))
    return list(zip(rows[order].tolist(), cols[order].tolist(), data[order].tolist(), strict=True))
