"""Compatibility: reflexive, bounded, symmetric where it should be; a range holds its points."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from veracity.values import (
    Count,
    DateValue,
    Name,
    Text,
    TimeValue,
    compatibility,
    fold,
    specificity,
)

BOUNDED = settings(max_examples=300, deadline=None)
_N = st.integers(0, 10**7).map(float)


@st.composite
def counts(draw) -> Count:
    low = draw(_N)
    kind = draw(st.sampled_from(["exact", "approximate", "vague", "bound"]))
    if kind == "exact":
        return Count.exact(low)
    if kind == "bound" and draw(st.booleans()):
        return Count(low, None, "bound")
    return Count(low, low + draw(st.integers(1, 10**6)), kind)


@st.composite
def dates(draw) -> DateValue:
    day = draw(st.dates())
    precision = draw(st.integers(1, 3))
    return DateValue(
        day.year, day.month if precision > 1 else None, day.day if precision > 2 else None
    )


_NAMES = st.text(min_size=1, max_size=30).map(Name)
_TEXTS = st.text(min_size=1, max_size=60).map(Text)
_TIMES = st.builds(TimeValue, st.integers(0, 23), st.integers(0, 59))
VALUES = st.one_of(counts(), dates(), _NAMES, _TEXTS, _TIMES)


@BOUNDED
@given(a=VALUES, b=VALUES)
def test_values_compatibility_is_within_zero_and_one(a, b):
    assert 0.0 <= compatibility(a, b) <= 1.0


@BOUNDED
@given(a=st.one_of(counts(), dates(), _TIMES))
def test_values_compatibility_is_reflexive(a):
    assert compatibility(a, a) == 1.0


@BOUNDED
@given(a=_NAMES)
def test_values_names_agree_with_themselves_when_they_have_words(a: Name):
    if fold(a.canonical):
        assert compatibility(a, a) == 1.0


@BOUNDED
@given(a=st.one_of(counts(), dates(), _TIMES), b=st.one_of(counts(), dates(), _TIMES))
def test_values_compatibility_is_symmetric_for_counts_dates_and_times(a, b):
    assert compatibility(a, b) == compatibility(b, a)


@BOUNDED
@given(c=counts(), data=st.data())
def test_values_a_range_supports_every_point_inside_it(c: Count, data):
    high = c.high if c.high is not None else c.low + 10**6
    point = data.draw(st.integers(int(c.low), int(high)).map(float))
    assert c.contains(point)
    assert compatibility(c, Count.exact(point)) == 1.0
    assert compatibility(Count.exact(point), c) == 1.0


@BOUNDED
@given(c=counts(), outside=st.integers(1, 1000))
def test_values_a_range_rejects_points_below_it(c: Count, outside: int):
    point = c.low - outside
    assert not c.contains(point)
    assert compatibility(c, Count.exact(point)) == 0.0


@BOUNDED
@given(day=st.dates())
def test_values_coarser_dates_contain_finer_ones(day):
    full = DateValue(day.year, day.month, day.day)
    month = DateValue(day.year, day.month)
    year = DateValue(day.year)
    assert year.contains(month) and month.contains(full) and year.contains(full)
    assert not full.contains(month)
    assert compatibility(year, full) == compatibility(full, month) == 1.0
    assert full.to_json().startswith(month.to_json()) and month.to_json().startswith(year.to_json())
    assert specificity(full) > specificity(month) > specificity(year)


@BOUNDED
@given(a=dates(), b=dates())
def test_values_dates_agree_exactly_when_one_contains_the_other(a: DateValue, b: DateValue):
    nested = a.to_json().startswith(b.to_json()) or b.to_json().startswith(a.to_json())
    assert (compatibility(a, b) == 1.0) == nested


@BOUNDED
@given(c=counts())
def test_values_count_json_keeps_the_range(c: Count):
    out = c.to_json()
    if c.is_point:
        assert out == c.low
    else:
        assert out == {"low": c.low, "high": c.high}
    assert c.key() == Count(c.low, c.high, "exact").key()


@BOUNDED
@given(text=st.text(max_size=40))
def test_values_fold_is_idempotent(text: str):
    assert fold(fold(text)) == fold(text)
