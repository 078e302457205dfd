"""The one interface every truth-discovery algorithm implements.

Claims arrive as a columnar table of integer codes (source, item, candidate); an item is one
(object, attribute) pair and each candidate value belongs to exactly one item. Algorithms return a
confidence per candidate, a winner per item and a reliability per source. No algorithm loops over
claims in Python on its hot path: numpy scatter/gather (np.add.at, np.bincount, sparse matrices)
or DuckDB SQL only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy import sparse

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass
class ClaimTable:
    """Claims as parallel integer columns.

    - `source[i]`, `candidate[i]`: claim i says source `source[i]` asserts candidate `candidate[i]`.
    - `candidate_item[c]`: the item (object x attribute) candidate c is a value for.
    - `support`: optional sparse (n_candidates x n_candidates) matrix; entry (a, b) is how far a
      claim of a supports b (1 on the diagonal when given; ranges support the numbers inside them,
      a month the days inside it). None means exact equality only.
    - `candidate_number`: optional numeric value per candidate (NaN when not numeric), for CRH.
    - `source_group`: optional independent-witness group per source: sources of one group (a copy
      and its original) add no support to each other's values beyond the best of them.
    - `candidate_eligible`: optional mask; False for candidates that may support others but must
      not win (a vague range when a number inside it was claimed).
    - `item_attribute`: optional attribute code per item (items of one attribute share a code), for
      models that judge a source per attribute.
    - `claim_form`: optional code per claim of the form it was written in (claims of one item with
      the same code were written identically, e.g. the same raw string before normalisation), for
      copy detection: a copy reproduces its original's wording and format, independent sources
      that agree on a value mostly write it their own way.
    - `generalizes`: optional sparse (n_candidates x n_candidates) matrix, no diagonal; entry
      (a, b) > 0 when value a is a less specific form of value b of the same item: b says all
      that a says and more (gate "37" and "A37", an author list missing a middle initial and the
      list with it). A claim of a is consistent with b, so the Accu family lets it back b (Li et
      al.'s AccuFormat); b never backs a.
    - `claim_weight`: optional weight of each claim in [0, 1]: how sure extraction is that the
      claim states this item at all (its extraction confidence). A weak claim backs its value
      less and says less about its source's reliability.
    - `claim_order`: optional time of each claim, comparable within an item (an edit history's
      revision number, a report's date): a claim repeating the value its item already held may
      be a copy of it, and votes by its probability of being independent (`echo.py`).
    """

    source: IntArray
    candidate: IntArray
    candidate_item: IntArray
    n_sources: int
    support: sparse.csr_matrix | None = None
    candidate_number: FloatArray | None = None
    source_group: IntArray | None = None
    candidate_eligible: npt.NDArray[np.bool_] | None = None
    candidate_specificity: FloatArray | None = None
    item_attribute: IntArray | None = None
    claim_form: IntArray | None = None
    generalizes: sparse.csr_matrix | None = None
    claim_order: FloatArray | None = None
    claim_weight: FloatArray | None = None

    @property
    def n_candidates(self) -> int:
        return int(self.candidate_item.shape[0])

    @property
    def n_items(self) -> int:
        return int(self.candidate_item.max()) + 1 if self.candidate_item.size else 0

    @property
    def item(self) -> IntArray:
        return self.candidate_item[self.candidate]


@dataclass
class Result:
    confidence: FloatArray  # per candidate, in [0, 1], summing to at most 1 within an item
    truth: IntArray  # per item, the winning candidate (-1 when the item has no eligible one)
    reliability: FloatArray  # per source, in [0, 1]
    iterations: int = 0
    extra: dict[str, object] = field(default_factory=dict)


Algorithm = Callable[..., Result]

_REGISTRY: dict[str, Algorithm] = {}


def register(name: str) -> Callable[[Algorithm], Algorithm]:
    def wrap(fn: Algorithm) -> Algorithm:
        _REGISTRY[name] = fn
        return fn

    return wrap


def algorithms() -> list[str]:
    return sorted(_REGISTRY)


def get(name: str) -> Algorithm:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(
            f"unknown resolver {name!r}; choose one of {', '.join(algorithms())}"
        ) from None


def unique_values(keys: IntArray) -> IntArray:
    """Sorted distinct values. A plain sort: numpy's own `unique` hashes integer keys, which is
    many times slower on millions of keys."""
    ordered = np.sort(keys)
    if ordered.size == 0:
        return ordered
    keep = np.empty(ordered.shape[0], dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def unique_inverse(keys: IntArray) -> tuple[IntArray, IntArray]:
    """Sorted distinct values and, for every key, the index of its value among them (one argsort;
    a binary search of unsorted keys would jump around memory)."""
    order = np.argsort(keys)
    ordered = keys[order]
    new = np.empty(ordered.shape[0], dtype=bool)
    if new.size:
        new[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    inverse = np.empty(keys.shape[0], dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], inverse


def argmax_per_item(
    score: FloatArray,
    candidate_item: IntArray,
    n_items: int,
    eligible: npt.NDArray[np.bool_] | None = None,
    tiebreak: FloatArray | None = None,
) -> IntArray:
    """The best candidate of each item, vectorised: sort by (item, score, tiebreak) and take last.

    Ties are broken by `tiebreak` (higher wins) and then by candidate index, never by row order of
    the input file.
    """
    masked = score.astype(np.float64).copy()
    if eligible is not None:
        masked[~eligible] = -np.inf
    tb = np.zeros_like(masked) if tiebreak is None else tiebreak
    order = np.lexsort((tb, masked, candidate_item))
    last = np.ones(order.shape[0], dtype=bool)
    last[:-1] = candidate_item[order[1:]] != candidate_item[order[:-1]]
    winners = np.full(n_items, -1, dtype=np.int64)
    chosen = order[last]
    ok = np.isfinite(masked[chosen])
    winners[candidate_item[chosen[ok]]] = chosen[ok]
    return winners


def finalise64(z: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64's finaliser, in place and returned: spreads every input bit over the 64 bits
    (the keys of copy sampling and the value hashes of the encoder both end with it)."""
    with np.errstate(over="ignore"):
        z ^= z >> np.uint64(30)
        z *= np.uint64(0xBF58476D1CE4E5B9)
        z ^= z >> np.uint64(27)
        z *= np.uint64(0x94D049BB133111EB)
        z ^= z >> np.uint64(31)
    return z
