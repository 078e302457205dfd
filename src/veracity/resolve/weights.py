"""Helpers shared by the algorithms: how much one claim weighs, and group-wise support."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from veracity.resolve.base import ClaimTable, FloatArray, IntArray, unique_inverse


def claim_share(table: ClaimTable, split_repeats: bool = True) -> FloatArray:
    """1/k for a source that gives k distinct values for one item, so each source votes once.

    With `split_repeats`, a claim repeated r times by one source also shares its vote with its
    repeats (needed when votes are summed; not when only a group's strongest claim counts).
    """
    once, split = claim_shares(table)
    return split if split_repeats else once


def claim_shares(table: ClaimTable) -> tuple[FloatArray, FloatArray]:
    """`claim_share` without and with `split_repeats`, computed together."""
    item = table.item
    pair = table.source.astype(np.int64) * max(table.n_items, 1) + item
    # distinct (source, item, candidate) triples, then count candidates per (source, item)
    triple = pair * max(table.n_candidates, 1) + table.candidate
    uniq_triple, triple_inverse = unique_inverse(triple)
    uniq_pair, pair_inverse = unique_inverse(uniq_triple // max(table.n_candidates, 1))
    per_pair = np.bincount(pair_inverse, minlength=uniq_pair.shape[0]).astype(np.float64)
    k = per_pair[pair_inverse][triple_inverse]
    # a repeated identical claim shares the vote with its repeats
    repeats = np.bincount(triple_inverse, minlength=uniq_triple.shape[0]).astype(np.float64)
    once = 1.0 / k
    split = once / repeats[triple_inverse]
    # a claim extraction is unsure of weighs less, in every algorithm that shares votes this way
    if table.claim_weight is not None:
        once, split = once * table.claim_weight, split * table.claim_weight
    return once, split


def support_matrix(table: ClaimTable) -> sparse.csr_matrix:
    if table.support is not None:
        return table.support.tocsr()
    return sparse.identity(table.n_candidates, format="csr", dtype=np.float64)


def groups(table: ClaimTable) -> tuple[IntArray, int]:
    """Witness group of every source (copies share their original's group)."""
    if table.source_group is None:
        return np.arange(table.n_sources, dtype=np.int64), table.n_sources
    _, g = np.unique(table.source_group, return_inverse=True)
    return g.astype(np.int64), int(g.max()) + 1 if g.size else 0


def group_contributions(
    table: ClaimTable, claim_weight: FloatArray, support: sparse.csr_matrix
) -> sparse.csr_matrix:
    """(groups x candidates): each witness group's support for each candidate.

    Within a group only the strongest claim counts: a translation repeating its original's value is
    the same witness, not a second one.
    """
    group_of_source, n_groups = groups(table)
    rows = sparse.csr_matrix(support[table.candidate].multiply(claim_weight[:, None]))
    coo = rows.tocoo()
    g = group_of_source[table.source][coo.row]
    key = g * np.int64(table.n_candidates) + coo.col
    order = np.lexsort((coo.data, key))
    key_sorted = key[order]
    last = np.ones(order.shape[0], dtype=bool)
    last[:-1] = key_sorted[1:] != key_sorted[:-1]
    chosen = order[last]
    return sparse.csr_matrix(
        (coo.data[chosen], (g[chosen], coo.col[chosen])), shape=(n_groups, table.n_candidates)
    )


def gather(matrix: sparse.spmatrix, rows: IntArray, cols: IntArray) -> FloatArray:
    """matrix[rows[k], cols[k]] for every k, zero where absent.

    One sorted search over the stored entries: scipy's own fancy indexing scans a whole row per
    lookup, which is slow for the long rows of a (sources x candidates) matrix.
    """
    coo = matrix.tocoo()
    n_cols = np.int64(matrix.shape[1])
    keys = coo.row.astype(np.int64) * n_cols + coo.col.astype(np.int64)
    order = np.argsort(keys, kind="stable")
    keys, data = keys[order], coo.data[order]
    wanted = rows.astype(np.int64) * n_cols + cols.astype(np.int64)
    pos = np.searchsorted(keys, wanted)
    pos_ok = np.minimum(pos, max(keys.shape[0] - 1, 0))
    found = (
        (pos < keys.shape[0]) & (keys[pos_ok] == wanted)
        if keys.size
        else np.zeros(wanted.shape, dtype=bool)
    )
    out = np.zeros(wanted.shape[0], dtype=np.float64)
    out[found] = data[pos_ok[found]]
    return out
