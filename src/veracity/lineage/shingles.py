"""Word shingles as integer hashes, and the samples of them that blocking indexes.

Shingles are runs of SHINGLE words with digits masked (see `text.word_tokens`), hashed with a
deterministic polynomial over stable word codes: the same text gives the same hashes in every
run and every process, whatever was read before it (Python's salted `hash()` would not), so
the events of a corpus can be looked at in any order, on any number of workers.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from veracity.lineage.text import word_tokens

SHINGLE = 5
# A shingle is an anchor when its hash is 0 modulo ANCHOR_EVERY: a content-defined sample that two
# copies of one passage pick identically wherever the passage sits in each document.
ANCHOR_EVERY = 8
_MULT = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)

U64 = npt.NDArray[np.uint64]


def _mix(x: U64) -> U64:
    # splitmix64 finaliser: spreads structured ids over all 64 bits
    x = x ^ (x >> np.uint64(31))
    x = x * _MIX
    return x ^ (x >> np.uint64(29))


def shingle_hashes(text: str, k: int = SHINGLE) -> U64:
    """Distinct hashes of the k-word shingles of `text` (one shingle when it has fewer words)."""
    return np.unique(positional_shingles(word_tokens(text), k))


def positional_shingles(tokens: list[str], k: int = SHINGLE) -> U64:
    """The hash of the shingle starting at each word of `tokens` (`text.word_tokens`), in text
    order, repeats kept: shingle i covers tokens i to i + k - 1."""
    ids = np.fromiter((token_code(w) for w in tokens), np.uint64, len(tokens))
    if ids.size == 0:
        return np.zeros(0, dtype=np.uint64)
    n = max(ids.size - k + 1, 1)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(min(k, ids.size)):
            h = h * _MULT + ids[offset : offset + n]
        h = _mix(h)
    return h


def anchors(hashes: U64) -> U64:
    return hashes[(hashes % np.uint64(ANCHOR_EVERY)) == 0]


@lru_cache(maxsize=500_000)
def token_code(token: str) -> int:
    """A stable 64-bit code for a fingerprint token."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


def sequence_hashes(tokens: tuple[str, ...], window: int = 3) -> U64:
    """Hashes of ordered token pairs at most `window` apart: the "shingles" of a fingerprint.

    Pairs rather than runs, because a translation drops or renders differently a token here and
    there, which breaks every run through it but leaves most near pairs intact.
    """
    if len(tokens) < 2:
        return np.zeros(0, dtype=np.uint64)
    codes = np.fromiter((token_code(t) for t in tokens), np.uint64, len(tokens))
    with np.errstate(over="ignore"):
        parts = [
            _mix(codes[:-d] * _MULT + codes[d:]) for d in range(1, window + 1) if d < len(codes)
        ]
    return np.unique(np.concatenate(parts))
