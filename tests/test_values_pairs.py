"""compatible_pairs gives exactly what comparing every pair would give, without doing it."""

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
    compatible_pairs,
)

counts = st.one_of(
    st.integers(0, 60).map(lambda n: Count.exact(float(n))),
    st.tuples(st.integers(0, 60), st.integers(0, 30)).map(
        lambda t: Count(float(t[0]), float(t[0] + t[1]), "approximate")
    ),
    st.integers(0, 60).map(lambda n: Count(float(n), None, "bound")),
)
dates = st.builds(
    DateValue,
    st.integers(1995, 1998),
    st.one_of(st.none(), st.integers(1, 12)),
    st.none(),
) | st.builds(DateValue, st.integers(1995, 1998), st.integers(1, 12), st.integers(1, 28))
names = st.sampled_from(
    ["Red Dawn Brigade", "the Red Dawn Brigade", "RDB", "Blue Harbour", "Operation Blue Harbour"]
).map(Name) | st.sampled_from(["RDB", "Red Dawn"]).map(lambda n: Name(n, group="g1"))
texts = st.sampled_from(["release of prisoners", "the release of 12 prisoners", "a ransom"]).map(Text)
times = st.builds(TimeValue, st.integers(0, 23), st.sampled_from([0, 3, 30, 33]))
# candidates of one attribute are distinct values (one per key), as reconcile builds them
values = st.lists(
    st.one_of(counts, dates, names, texts, times), max_size=14, unique_by=lambda v: v.key()
)


@settings(max_examples=300, deadline=None)
@given(values)
def test_values_compatible_pairs_equal_all_pairs(vals):
    brute = {
        (a, b, round(compatibility(vals[a], vals[b]), 9))
        for a in range(len(vals))
        for b in range(len(vals))
        if a != b and compatibility(vals[a], vals[b]) > 0
    }
    fast = {(a, b, round(s, 9)) for a, b, s in compatible_pairs(vals)}
    assert fast == brute
