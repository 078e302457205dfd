"""Candidate pairs without comparing all pairs.

Three indexes, each sub-quadratic:
- MinHash LSH (datasketch) over word shingles: whole-document near-duplicates;
- an inverted index of anchor shingles (a content-defined sample): partial copies, whose shared
  passage is too small a part of either document for a Jaccard bucket;
- an inverted index of fingerprint pairs: translations, which share no words at all.
Keys held by more than MAX_POSTING documents are dropped: they are boilerplate or an event's most
common figures, and would only feed quadratic blow-up with pairs the scorer rejects anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from veracity.lineage.shingles import U64, anchors, sequence_hashes

if TYPE_CHECKING:
    from veracity.lineage.score import Profile

NUM_PERM = 64
LSH_THRESHOLD = 0.3
MAX_POSTING = 64
_PRIME = np.uint64((1 << 61) - 1)


def _signatures(sets: Sequence[U64], num_perm: int = NUM_PERM, seed: int = 7) -> np.ndarray:
    """MinHash signatures (n x num_perm, uint32 range) computed in numpy, one row per set."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 31, num_perm, dtype=np.uint64)
    b = rng.integers(0, 1 << 31, num_perm, dtype=np.uint64)
    out = np.full((len(sets), num_perm), np.iinfo(np.uint32).max, dtype=np.uint64)
    for row, values in enumerate(sets):
        if values.size:
            x = (values & np.uint64(0xFFFFFFFF))[:, None]
            with np.errstate(over="ignore"):
                out[row] = (((x * a[None, :]) + b[None, :]) % _PRIME).min(axis=0) & np.uint64(
                    0xFFFFFFFF
                )
    return out


# Up to this many documents the Jaccard similarity of every pair is computed exactly: cheaper
# than building an LSH index (and importing datasketch) for a folder of a few articles.
EXACT_UP_TO = 64


def minhash_pairs(shingle_sets: Sequence[U64]) -> set[tuple[int, int]]:
    """Pairs whose word shingles overlap enough: LSH buckets of their MinHash on large corpora,
    the exact Jaccard similarity against the same threshold on small ones."""
    if len(shingle_sets) <= EXACT_UP_TO:
        return _exact_pairs(shingle_sets)
    from datasketch import MinHash, MinHashLSH

    sigs = _signatures(shingle_sets)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes: list[MinHash | None] = []
    with lsh.insertion_session() as session:
        for i, values in enumerate(shingle_sets):
            if values.size == 0:
                hashes.append(None)
                continue
            mh = MinHash(num_perm=NUM_PERM, hashvalues=sigs[i], scheme="affine32")
            hashes.append(mh)
            session.insert(i, mh)
    pairs: set[tuple[int, int]] = set()
    for i, mh in enumerate(hashes):
        if mh is None:
            continue
        for j in lsh.query(mh):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def shared_key_pairs(
    key_sets: Sequence[U64], min_shared: int, max_posting: int = MAX_POSTING
) -> set[tuple[int, int]]:
    """Pairs of documents that share at least `min_shared` keys, via a sparse product.

    docs x keys incidence times its transpose counts shared keys for exactly the pairs that share
    any, so the work grows with the postings, not with the square of the corpus.
    """
    if not key_sets:
        return set()
    lengths = np.fromiter((k.size for k in key_sets), np.int64, len(key_sets))
    if lengths.sum() == 0:
        return set()
    rows = np.repeat(np.arange(len(key_sets)), lengths)
    keys = np.concatenate([k for k in key_sets if k.size])
    uniq, cols, df = np.unique(keys, return_inverse=True, return_counts=True)
    keep = (df[cols] >= 2) & (df[cols] <= max_posting)
    if not keep.any():
        return set()
    if len(key_sets) <= EXACT_UP_TO:
        return _small_shared_pairs(rows[keep], cols[keep], min_shared)
    incidence = sparse.csr_matrix(
        (np.ones(int(keep.sum()), dtype=np.int32), (rows[keep], cols[keep])),
        shape=(len(key_sets), uniq.size),
    )
    shared = sparse.triu(incidence @ incidence.T, k=1).tocoo()
    hit = shared.data >= min_shared
    return set(zip(shared.row[hit].tolist(), shared.col[hit].tolist(), strict=True))


def _small_shared_pairs(
    rows: np.ndarray, cols: np.ndarray, min_shared: int
) -> set[tuple[int, int]]:
    """`shared_key_pairs` for a few documents (one event's): counted pair by pair, which
    costs less than building sparse matrices for them."""
    keys_of: dict[int, set[int]] = {}
    for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
        keys_of.setdefault(row, set()).add(col)
    members = sorted(keys_of)
    pairs: set[tuple[int, int]] = set()
    for k, i in enumerate(members):
        mine = keys_of[i]
        for j in members[k + 1 :]:
            if len(mine & keys_of[j]) >= min_shared:
                pairs.add((i, j))
    return pairs


def _exact_pairs(shingle_sets: Sequence[U64]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for i in range(len(shingle_sets)):
        a = shingle_sets[i]
        for j in range(i + 1, len(shingle_sets)):
            b = shingle_sets[j]
            if a.size == 0 or b.size == 0:
                continue
            shared = np.intersect1d(a, b, assume_unique=True).size
            if shared / (a.size + b.size - shared) >= LSH_THRESHOLD:
                pairs.add((i, j))
    return pairs


MIN_SHARED_FACT_PAIRS = 4
MIN_SHARED_ANCHORS = 2


def candidate_pairs(
    profiles: Sequence[Profile], cross_language_all: bool = False
) -> set[tuple[int, int]]:
    """Index pairs (i < j) worth scoring."""
    shingles = [p.shingles for p in profiles]
    pairs = minhash_pairs(shingles)
    pairs |= shared_key_pairs([anchors(s) for s in shingles], MIN_SHARED_ANCHORS)
    fact_keys = [sequence_hashes(p.fingerprint.tokens) for p in profiles]
    # with embeddings to confirm them, weaker fingerprint overlaps are worth a look too
    need = 2 if cross_language_all else MIN_SHARED_FACT_PAIRS
    pairs |= shared_key_pairs(fact_keys, need)
    return pairs
