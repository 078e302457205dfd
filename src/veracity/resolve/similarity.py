"""Builders of the sparse `support` matrix between candidate values of the same item.

Entry (a, b) says how far a source that claims a also vouches for b: 1 on the diagonal; 1 when a
implies b (a number inside a claimed range, a day inside a claimed month, a city inside a claimed
country); a fraction for near values (two times a few minutes apart, two spellings of one name).
Every builder works on whole arrays of candidates: pairs are generated per item with numpy index
arithmetic and scored in one vectorised pass (rapidfuzz's `cpdist` for names).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process, utils
from scipy import sparse

from veracity.resolve.base import FloatArray, IntArray


def _token_overlap(
    token_lists: Sequence[Sequence[str]], n: int, a: IntArray, b: IntArray
) -> tuple[FloatArray, FloatArray]:
    """Each candidate's number of distinct tokens, and the tokens each pair (a, b) shares, from a
    sparse (candidates x tokens) incidence matrix built once per distinct candidate."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for k, tokens in enumerate(token_lists):
        for token in set(tokens):
            rows.append(k)
            cols.append(vocabulary.setdefault(token, len(vocabulary)))
    incidence = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(n, max(len(vocabulary), 1))
    )
    size = np.asarray(incidence.sum(axis=1)).ravel()
    shared = np.asarray(incidence[a].multiply(incidence[b]).sum(axis=1)).ravel()
    return size, shared


def item_pairs(
    candidate_item: IntArray, include_diagonal: bool = False
) -> tuple[IntArray, IntArray]:
    """All ordered pairs (a, b) of candidates that belong to the same item.

    Costs sum(k^2) over items with k candidates; items are small in truth discovery (a handful to a
    few dozen values), so this stays linear in practice.
    """
    n = candidate_item.shape[0]
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    order = np.argsort(candidate_item, kind="stable")
    sorted_items = candidate_item[order]
    starts = np.flatnonzero(np.r_[True, sorted_items[1:] != sorted_items[:-1]])
    sizes = np.diff(np.r_[starts, n])
    size_of = np.repeat(sizes, sizes)  # per sorted position: size of its item
    start_of = np.repeat(starts, sizes)
    a_pos = np.repeat(np.arange(n), size_of)
    first_pair_of = np.cumsum(size_of) - size_of
    offset = np.arange(a_pos.shape[0]) - np.repeat(first_pair_of, size_of)
    b_pos = np.repeat(start_of, size_of) + offset
    a, b = order[a_pos], order[b_pos]
    if not include_diagonal:
        keep = a != b
        a, b = a[keep], b[keep]
    return a.astype(np.int64), b.astype(np.int64)


def from_pairs(
    n_candidates: int, a: IntArray, b: IntArray, weight: FloatArray
) -> sparse.csr_matrix:
    """Support matrix with 1 on the diagonal and `weight` at (a, b); zero weights are dropped."""
    keep = (weight > 0) & (a != b)
    diag = np.arange(n_candidates, dtype=np.int64)
    rows = np.concatenate([diag, a[keep]])
    cols = np.concatenate([diag, b[keep]])
    data = np.concatenate([np.ones(n_candidates), np.clip(weight[keep], 0.0, 1.0)])
    return sparse.csr_matrix((data, (rows, cols)), shape=(n_candidates, n_candidates))


def combine(*matrices: sparse.csr_matrix) -> sparse.csr_matrix:
    """Element-wise maximum: two values are as close as the most lenient builder says."""
    out = matrices[0].tocsr()
    for m in matrices[1:]:
        out = out.maximum(m.tocsr())
    return out.tocsr()


def _closeness(
    gap: FloatArray, tolerance: float | FloatArray, scale: float | FloatArray | None
) -> FloatArray:
    """1 within `tolerance`, then exponential decay with `scale` (0 beyond tolerance if no scale)."""
    over = np.maximum(gap - tolerance, 0.0)
    if scale is None:
        return (over <= 0).astype(np.float64)
    return np.exp(-over / np.maximum(scale, 1e-12))


def interval_support(
    candidate_item: IntArray,
    low: FloatArray,
    high: FloatArray | None = None,
    tolerance: float = 0.0,
    scale: float | None = None,
    relative: bool = False,
    vague_weight: float = 1.0,
) -> sparse.csr_matrix:
    """Support between numbers and ranges of numbers (points are ranges with low == high).

    - a inside b (a more precise): claiming a implies b, weight 1;
    - b inside a (a vaguer, e.g. "between 100 and 200" for 150): weight `vague_weight`;
    - otherwise by the gap between the two intervals: 1 within `tolerance`, decaying with `scale`;
      with `relative`, tolerance and scale are fractions of the larger magnitude.
    NaN bounds mean "not a number": such candidates support nothing but themselves.
    """
    lo = np.asarray(low, dtype=np.float64)
    hi = lo if high is None else np.asarray(high, dtype=np.float64)
    a, b = item_pairs(candidate_item)
    la, ha, lb, hb = lo[a], hi[a], lo[b], hi[b]
    numeric = np.isfinite(la) & np.isfinite(lb)
    a_in_b = (la >= lb) & (ha <= hb)
    b_in_a = (lb >= la) & (hb <= ha)
    gap = np.maximum(np.maximum(lb - ha, la - hb), 0.0)
    tol: float | FloatArray = tolerance
    sc: float | FloatArray | None = scale
    if relative:
        magnitude = np.maximum(
            np.abs(np.where(np.isfinite(ha), ha, la)), np.abs(np.where(np.isfinite(hb), hb, lb))
        )
        tol = tolerance * magnitude
        sc = None if scale is None else scale * magnitude
    weight = np.where(a_in_b, 1.0, np.where(b_in_a, vague_weight, _closeness(gap, tol, sc)))
    weight = np.where(numeric, weight, 0.0)
    return from_pairs(candidate_item.shape[0], a, b, weight)


def date_interval(
    year: npt.ArrayLike, month: npt.ArrayLike | None = None, day: npt.ArrayLike | None = None
) -> tuple[FloatArray, FloatArray]:
    """Dates at day, month or year precision as [first day, last day] ordinals (NaN = unknown).

    `month`/`day` use NaN (or 0) for "not stated". Vectorised through numpy datetime64.
    """
    y = np.asarray(year, dtype=np.float64)
    m = np.full_like(y, np.nan) if month is None else np.asarray(month, dtype=np.float64)
    d = np.full_like(y, np.nan) if day is None else np.asarray(day, dtype=np.float64)
    m = np.where(m > 0, m, np.nan)
    d = np.where(d > 0, d, np.nan)
    ok = np.isfinite(y)
    yi = np.where(ok, y, 1970).astype(np.int64)
    mi = np.where(np.isfinite(m), m, 1).astype(np.int64)
    di = np.where(np.isfinite(d), d, 1).astype(np.int64)
    epoch = date(1970, 1, 1).toordinal()
    month_start = (yi - 1970) * 12 + (mi - 1)
    first_of_month = month_start.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    year_start = (yi - 1970).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)
    next_year = (yi - 1970 + 1).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)
    next_month = (month_start + 1).astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    start = np.where(
        np.isfinite(m), first_of_month + np.where(np.isfinite(d), di - 1, 0), year_start
    )
    end = np.where(np.isfinite(m), np.where(np.isfinite(d), start, next_month - 1), next_year - 1)
    low = np.where(ok, start + epoch, np.nan).astype(np.float64)
    high = np.where(ok, end + epoch, np.nan).astype(np.float64)
    return low, high


def date_support(
    candidate_item: IntArray,
    year: npt.ArrayLike,
    month: npt.ArrayLike | None = None,
    day: npt.ArrayLike | None = None,
    tolerance_days: float = 0.0,
    vague_weight: float = 1.0,
) -> sparse.csr_matrix:
    """A day supports its month and year; a month supports the days inside it (`vague_weight`)."""
    low, high = date_interval(year, month, day)
    return interval_support(
        candidate_item, low, high, tolerance=tolerance_days, vague_weight=vague_weight
    )


def name_support(
    candidate_item: IntArray,
    names: Sequence[str],
    threshold: float = 0.85,
    scorer: object = fuzz.token_set_ratio,
) -> sparse.csr_matrix:
    """Two spellings of one name support each other by their fuzzy similarity (0 below threshold)."""
    a, b = item_pairs(candidate_item)
    if a.size == 0:
        return from_pairs(candidate_item.shape[0], a, b, np.zeros(0))
    name_array = np.asarray(names, dtype=object)
    scores = (
        process.cpdist(
            name_array[a].tolist(),
            name_array[b].tolist(),
            scorer=scorer,  # type: ignore[arg-type]
            processor=utils.default_process,
            workers=1,
        ).astype(np.float64)
        / 100.0
    )
    return from_pairs(candidate_item.shape[0], a, b, np.where(scores >= threshold, scores, 0.0))


def token_list_support(
    candidate_item: IntArray,
    token_lists: Sequence[Sequence[str]],
    threshold: float = 0.9,
) -> sparse.csr_matrix:
    """Support between lists of names (author lists), where truncation is the common error:
    - a list whose names are all in a longer one ("Knuth" / "Knuth, Graham, Patashnik") vouches
      for the longer one by the share of it that it names (3 authors of 4: 0.75);
    - a longer list does not vouch for a shorter one as a complete list: it names someone the
      shorter one leaves out;
    - otherwise two lists of the same names spelt differently support each other by their fuzzy
      token similarity (0 below `threshold`).
    Set sizes come from a sparse (candidates x tokens) incidence matrix, one pass over the pairs."""
    a, b = item_pairs(candidate_item)
    n = candidate_item.shape[0]
    if a.size == 0:
        return from_pairs(n, a, b, np.zeros(0))
    size, shared = _token_overlap(token_lists, n, a, b)
    a_in_b = (shared == size[a]) & (size[a] > 0)
    b_in_a = (shared == size[b]) & (size[b] > 0)
    names = [" ".join(t) for t in token_lists]
    fuzzy = name_support(candidate_item, names, threshold=threshold).tocsr()
    from_fuzzy = np.asarray(fuzzy[a, b]).ravel()
    coverage = np.divide(size[a], size[b], out=np.zeros(a.shape[0]), where=size[b] > 0)
    weight = np.where(a_in_b, coverage, np.where(b_in_a, 0.0, from_fuzzy))
    return from_pairs(n, a, b, weight)


def code_refinements(candidate_item: IntArray, codes: Sequence[str]) -> tuple[IntArray, IntArray]:
    """Pairs (vague, precise) of candidates of one item where the precise code is the vague one
    with letters added at one end: gate "37" and "A37" (concourse letter dropped), "B9" and "B9A".
    The vague code must contain a digit (a bare letter is no code)."""
    a, b = item_pairs(candidate_item)
    if a.size == 0:
        return a, b
    values = np.asarray(codes, dtype=str)
    va, vb = values[a], values[b]
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    has_digit = np.char.str_len(np.char.strip(va, letters)) > 0  # not letters only
    refines = (np.char.lstrip(vb, letters) == va) | (np.char.rstrip(vb, letters) == va)
    keep = refines & has_digit & (va != vb)
    return a[keep], b[keep]


def generalization(n_candidates: int, general: IntArray, specific: IntArray) -> sparse.csr_matrix:
    """The `ClaimTable.generalizes` matrix: 1 at (general, specific) for each pair where the
    first value is a less specific form of the second, nothing on the diagonal."""
    keep = general != specific
    return sparse.csr_matrix(
        (np.ones(int(keep.sum())), (general[keep], specific[keep])),
        shape=(n_candidates, n_candidates),
    )


def token_subsets(
    candidate_item: IntArray, token_lists: Sequence[Sequence[str]]
) -> tuple[IntArray, IntArray]:
    """Pairs (general, specific) of candidates of one item where every token of the first is in
    the second and the second has more: a list missing a middle initial or a co-author."""
    a, b = item_pairs(candidate_item)
    n = candidate_item.shape[0]
    if a.size == 0:
        return a, b
    size, shared = _token_overlap(token_lists, n, a, b)
    keep = (shared == size[a]) & (size[a] > 0) & (size[b] > size[a])
    return a[keep], b[keep]


def refinement_support(
    candidate_item: IntArray, codes: Sequence[str], vague_weight: float = 1.0
) -> sparse.csr_matrix:
    """A precise code implies its vaguer form (weight 1); the vaguer form is compatible with the
    precise one (weight `vague_weight`): "37" does not contradict "A37", it says less."""
    vague, precise = code_refinements(candidate_item, codes)
    a = np.concatenate([precise, vague])
    b = np.concatenate([vague, precise])
    weight = np.concatenate([np.ones(precise.shape[0]), np.full(vague.shape[0], vague_weight)])
    return from_pairs(candidate_item.shape[0], a, b, weight)


def ancestors_matrix(parent: IntArray) -> sparse.csr_matrix:
    """(nodes x nodes) boolean: entry (x, y) when y is x or an ancestor of x (root's parent < 0)."""
    n = parent.shape[0]
    rows = [np.arange(n)]
    cols = [np.arange(n)]
    current = np.arange(n)
    alive = np.ones(n, dtype=bool)
    for _ in range(n):  # bounded by the depth of the tree, not by the number of claims
        nxt = np.where(alive, parent[current], -1)
        alive = nxt >= 0
        if not alive.any():
            break
        current = np.where(alive, nxt, current)
        rows.append(np.flatnonzero(alive))
        cols.append(current[alive])
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    return sparse.csr_matrix((np.ones(r.shape[0], dtype=bool), (r, c)), shape=(n, n))


def node_depth(parent: IntArray) -> IntArray:
    return np.asarray(ancestors_matrix(parent).sum(axis=1)).ravel().astype(np.int64) - 1


def hierarchy_support(
    candidate_item: IntArray,
    candidate_node: IntArray,
    parent: IntArray,
    general_weight: float = 0.0,
) -> sparse.csr_matrix:
    """Values in a hierarchy (city < state < country): a claim of a place vouches for every place
    containing it (weight 1); a claim of a containing place gives `general_weight` to the places
    inside it (it does not say which one). Unknown nodes (< 0) support only themselves."""
    anc = ancestors_matrix(parent)
    a, b = item_pairs(candidate_item)
    na, nb = candidate_node[a], candidate_node[b]
    known = (na >= 0) & (nb >= 0)
    na_safe, nb_safe = np.where(known, na, 0), np.where(known, nb, 0)
    b_contains_a = np.asarray(anc[na_safe, nb_safe]).ravel().astype(bool) & known
    a_contains_b = np.asarray(anc[nb_safe, na_safe]).ravel().astype(bool) & known
    weight = np.where(b_contains_a, 1.0, np.where(a_contains_b, general_weight, 0.0))
    return from_pairs(candidate_item.shape[0], a, b, weight)


def hierarchy_refinements(
    candidate_item: IntArray, candidate_node: IntArray, parent: IntArray
) -> tuple[IntArray, IntArray]:
    """Pairs (general, specific) of candidates of one item where the first names a place that
    contains the second's (a country and a city in it). Unknown nodes (< 0) pair with nothing."""
    anc = ancestors_matrix(parent)
    a, b = item_pairs(candidate_item)
    na, nb = candidate_node[a], candidate_node[b]
    known = (na >= 0) & (nb >= 0) & (na != nb)
    na_safe, nb_safe = np.where(known, na, 0), np.where(known, nb, 0)
    a_contains_b = np.asarray(anc[nb_safe, na_safe]).ravel().astype(bool) & known
    return a[a_contains_b], b[a_contains_b]
