"""Typed values and the compatibility between them.

Compatibility is the heart of resolution: a claim agrees with a candidate value when what it says
is consistent with it ("hundreds" with 610, "December 1996" with 1996-12-17), not only when the two
are written the same way.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np
from rapidfuzz import fuzz

CountKind = Literal["exact", "approximate", "vague", "bound", "relative"]


@dataclass(frozen=True, slots=True)
class Count:
    """A count or a range of counts. `high` is None for an open bound ("more than 100")."""

    low: float
    high: float | None
    kind: CountKind = "exact"

    @classmethod
    def exact(cls, n: float) -> Count:
        return cls(n, n, "exact")

    @property
    def is_point(self) -> bool:
        return self.high is not None and self.low == self.high

    @property
    def width(self) -> float:
        return math.inf if self.high is None else self.high - self.low

    def contains(self, n: float) -> bool:
        return self.low <= n and (self.high is None or n <= self.high)

    def to_json(self) -> Any:
        if self.is_point:
            return _plain_number(self.low)
        return {"low": _plain_number(self.low), "high": _plain_number(self.high)}

    def key(self) -> str:
        return f"count:{self.low}:{self.high}"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date at the precision it was stated: year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> int:
        return 1 + (self.month is not None) + (self.day is not None)

    def to_json(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def contains(self, other: DateValue) -> bool:
        """True when `other` lies inside this (coarser or equal) date."""
        if self.year != other.year:
            return False
        if self.month is None:
            return True
        if self.month != other.month:
            return False
        return self.day is None or self.day == other.day

    def key(self) -> str:
        return f"date:{self.to_json()}"


@dataclass(frozen=True, slots=True)
class TimeValue:
    hour: int
    minute: int

    def to_json(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    def key(self) -> str:
        return f"time:{self.to_json()}"


@dataclass(frozen=True, slots=True)
class Name:
    """A name: `canonical` is shown; `group` is the alias cluster key once aliases are linked."""

    canonical: str
    group: str = ""

    def to_json(self) -> str:
        return self.canonical

    def key(self) -> str:
        return f"name:{self.group or fold(self.canonical)}"


@dataclass(frozen=True, slots=True)
class Text:
    text: str

    def to_json(self) -> str:
        return self.text

    def key(self) -> str:
        return f"text:{fold(self.text)}"


Value = Count | DateValue | TimeValue | Name | Text


def _plain_number(x: float | None) -> Any:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = "".join(ch if ch.isalnum() else " " for ch in stripped.casefold())
    return " ".join(words.split())


# A claim counts as agreeing with a value from this compatibility on.
AGREE = 0.5


def compatibility(claimed: Value, candidate: Value) -> float:
    """How far a claim of `claimed` supports `candidate` being true, in [0, 1]."""
    if isinstance(claimed, Count) and isinstance(candidate, Count):
        return _count_compatibility(claimed, candidate)
    if isinstance(claimed, DateValue) and isinstance(candidate, DateValue):
        return 1.0 if claimed.contains(candidate) or candidate.contains(claimed) else 0.0
    if isinstance(claimed, TimeValue) and isinstance(candidate, TimeValue):
        minutes = abs(claimed.hour * 60 + claimed.minute - candidate.hour * 60 - candidate.minute)
        return 1.0 if minutes <= 5 else 0.0
    if isinstance(claimed, Name) and isinstance(candidate, Name):
        if claimed.key() == candidate.key():
            return 1.0
        ratio = fuzz.token_set_ratio(fold(claimed.canonical), fold(candidate.canonical)) / 100.0
        return ratio if ratio >= 0.9 else 0.0
    if isinstance(claimed, Text) and isinstance(candidate, Text):
        ratio = fuzz.token_set_ratio(fold(claimed.text), fold(candidate.text)) / 100.0
        return ratio if ratio >= 0.75 else 0.0
    return 0.0


def _count_compatibility(claimed: Count, candidate: Count) -> float:
    if claimed.is_point and candidate.is_point:
        return 1.0 if claimed.low == candidate.low else 0.0
    if candidate.is_point:
        return 1.0 if claimed.contains(candidate.low) else 0.0
    if claimed.is_point:
        return 1.0 if candidate.contains(claimed.low) else 0.0
    # Two ranges agree when they overlap; the overlap share says how much.
    low = max(claimed.low, candidate.low)
    high_c = math.inf if claimed.high is None else claimed.high
    high_k = math.inf if candidate.high is None else candidate.high
    high = min(high_c, high_k)
    if low > high:
        return 0.0
    narrower = min(claimed.width, candidate.width)
    if math.isinf(narrower) or narrower == 0:
        return 1.0
    return min(1.0, (high - low) / narrower)


def specificity(value: Value) -> float:
    """Higher is more precise: a day beats a month, a number beats a range."""
    if isinstance(value, Count):
        return 1.0 if value.is_point else 1.0 / (2.0 + math.log1p(value.width))
    if isinstance(value, DateValue):
        return value.precision / 3.0
    return 1.0


def value_to_json(value: Value) -> Any:
    return value.to_json()


def compatible_pairs(values: Sequence[Value]) -> Iterator[tuple[int, int, float]]:
    """Every (a, b, compatibility(values[a], values[b])) with a != b and compatibility > 0.

    The same answer as comparing all pairs, without comparing all pairs: two distinct numbers
    never agree, so numbers are only set against the ranges that contain them (found by
    bisection); dates only against dates of the same year; names and texts are scored in one
    vectorised rapidfuzz call.
    """
    kinds: dict[type, list[int]] = {}
    for i, v in enumerate(values):
        kinds.setdefault(type(v), []).append(i)
    yield from _count_pairs(values, kinds.get(Count, []))
    for kind in (DateValue, TimeValue):
        idx = kinds.get(kind, [])
        buckets: dict[object, list[int]] = {}
        for i in idx:
            v = values[i]
            buckets.setdefault(v.year if isinstance(v, DateValue) else 0, []).append(i)
        for group in buckets.values():
            for a in group:
                for b in group:
                    if a != b:
                        s = compatibility(values[a], values[b])
                        if s > 0:
                            yield a, b, s
    yield from _fuzzy_pairs(values, kinds.get(Name, []), 0.9)
    yield from _fuzzy_pairs(values, kinds.get(Text, []), 0.75)


def _count_pairs(values: Sequence[Value], idx: list[int]) -> Iterator[tuple[int, int, float]]:
    counts = [(i, values[i]) for i in idx]
    points = sorted((v.low, i) for i, v in counts if isinstance(v, Count) and v.is_point)
    lows = [p[0] for p in points]
    ranges = [(i, v) for i, v in counts if isinstance(v, Count) and not v.is_point]
    overlap = _range_overlaps([v for _i, v in ranges])
    for row, (i, r) in enumerate(ranges):
        start = bisect.bisect_left(lows, r.low)
        stop = len(lows) if r.high is None else bisect.bisect_right(lows, r.high)
        for _low, p in points[start:stop]:
            yield i, p, 1.0
            yield p, i, 1.0
        for col in np.flatnonzero(overlap[row]):
            if col != row:
                yield i, ranges[col][0], float(overlap[row, col])


def _range_overlaps(ranges: Sequence[Count]) -> np.ndarray:
    """`_count_compatibility` of every two ranges (none a point), as one array operation."""
    n = len(ranges)
    if n == 0:
        return np.zeros((0, 0))
    low = np.array([r.low for r in ranges], dtype=np.float64)
    high = np.array([math.inf if r.high is None else r.high for r in ranges], dtype=np.float64)
    width = high - low
    with np.errstate(invalid="ignore", divide="ignore"):
        shared = np.minimum.outer(high, high) - np.maximum.outer(low, low)
        narrower = np.minimum.outer(width, width)
        whole = np.isinf(narrower) | (narrower == 0)
        share = np.where(whole, 1.0, np.minimum(1.0, shared / np.where(whole, 1.0, narrower)))
    return np.where(shared < 0, 0.0, share)


def _fuzzy_pairs(
    values: Sequence[Value], idx: list[int], cutoff: float
) -> Iterator[tuple[int, int, float]]:
    if len(idx) < 2:
        return
    from rapidfuzz import process

    texts = [
        fold(v.canonical if isinstance(v, Name) else str(v.to_json()))
        for v in (values[i] for i in idx)
    ]
    keys = [values[i].key() for i in idx]
    scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, score_cutoff=cutoff * 100)
    rows, cols = scores.nonzero()
    for a, b in zip(rows.tolist(), cols.tolist(), strict=True):
        if a != b:
            yield idx[a], idx[b], 1.0 if keys[a] == keys[b] else float(scores[a, b]) / 100.0
    # names of one alias group agree whatever their spelling ("MRTA" and the full name)
    by_key: dict[str, list[int]] = {}
    for k, key in enumerate(keys):
        by_key.setdefault(key, []).append(k)
    for group in by_key.values():
        for a in group:
            for b in group:
                if a != b and scores[a, b] == 0:
                    yield idx[a], idx[b], 1.0
