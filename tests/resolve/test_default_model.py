"""The default model on hand-made cases: what it must do for a few noisy articles about one event
and for large claim tables alike, with one set of settings."""

from __future__ import annotations

import numpy as np
from tests.resolve.cases import copiers_outvote_honest_minority, table

from veracity.model import Claim
from veracity.resolve import resolve
from veracity.resolve.record import reconcile
from veracity.values import Count


def _rich_among_sloppy() -> list[tuple[int, int, int]]:
    """Source 0 states sixteen items, all right (value 0); sources 1-5 state four items each,
    three right and one misread with a value of their own, alone against source 0."""
    claims = [(0, i, 0) for i in range(16)]
    for s in range(1, 6):
        claims.append((s, s - 1, s))
        claims += [(s, 5 + ((s - 1) * 2 + k) % 11, 0) for k in range(3)]
    return claims


def test_default_rich_accurate_source_keeps_the_highest_reliability():
    result = resolve(table(_rich_among_sloppy(), 6, 6), "default")
    assert result.reliability[0] > result.reliability[1:].max()
    # and its word stands where one sloppy source alone says otherwise
    assert np.all(result.truth[:5] == np.arange(5) * 6)


def test_default_claims_no_one_else_can_check_never_lower_a_source():
    claims = _rich_among_sloppy()
    more = claims + [(0, item, 0) for item in range(16, 40)]
    before = resolve(table(claims, 6, 6), "default").reliability
    after = resolve(table(more, 6, 6), "default").reliability
    np.testing.assert_allclose(after, before)


def test_default_reliability_stays_near_the_prior_with_little_evidence():
    # source 5 is outvoted on one item only, source 6 on twenty; everyone else agrees
    claims = [(s, i, 0) for i in range(20) for s in range(5)]
    claims += [(5, 0, 1)]
    claims += [(6, i, 2) for i in range(20)]
    result = resolve(table(claims, 7, 3), "default")
    once, often = result.reliability[5], result.reliability[6]
    assert 0.4 < once < result.reliability[:5].min()
    assert often < 0.1


def _claim(key: str, doc: str, n: int, attribute: str = "hostages.initial") -> Claim:
    return Claim(key, doc, attribute, Count.exact(n), str(n), str(n), 0, 1)


def _three_against_the_best() -> list[Claim]:
    """Document r states eight facts, each backed by one of the others; on the ninth, three
    ordinary documents say 90 and r alone says 40."""
    attributes = [f"count.{k}" for k in range(8)]
    claims = [_claim(f"r{k}", "r", 10 + k, a) for k, a in enumerate(attributes)]
    for k, a in enumerate(attributes):
        doc = "abc"[k % 3]
        claims.append(_claim(f"{doc}{k}", doc, 10 + k, a))
    claims.append(_claim("r-x", "r", 40))
    claims += [_claim(f"{d}-x", d, 90) for d in "abc"]
    return claims


def test_default_three_independent_witnesses_beat_one():
    outcome = reconcile("e", _three_against_the_best(), ["r", "a", "b", "c"], {})
    assert outcome.record["hostages.initial"].value == Count.exact(90)


def test_default_three_copies_count_as_one_witness():
    # the same three as one original and its two copies: one witness against r's word
    copies = {"a": "a", "b": "a", "c": "a"}
    outcome = reconcile("e", _three_against_the_best(), ["r", "a", "b", "c"], copies)
    assert outcome.record["hostages.initial"].value == Count.exact(40)


def test_default_detects_copiers_from_many_shared_false_values():
    # four mirrors share thirty false values: found without any lineage, so the honest three win
    result = resolve(copiers_outvote_honest_minority(), "default")
    assert np.all(result.truth == np.arange(60) * 5)
    pairs = {(a, b) for a, b, _ in result.extra["copying"]}  # type: ignore[union-attr]
    assert {(a, b) for a in range(3, 7) for b in range(3, 7) if a != b} <= pairs
    assert all(a >= 3 and b >= 3 for a, b in pairs)


def test_default_a_few_documents_sharing_a_misreading_are_not_taken_for_copies():
    # five documents, eight facts; two of them share the same wrong figure on two facts: on
    # so few items that is no evidence of copying, and nothing is discounted
    claims = [(s, i, 0) for i in range(8) for s in range(5)]
    claims = [(s, i, 1 if s in (3, 4) and i < 2 else v) for s, i, v in claims]
    result = resolve(table(claims, 5, 2), "default")
    assert not result.extra.get("copying")
    dependence = result.extra.get("dependence")
    assert dependence is None or dependence.max() == 0.0  # type: ignore[attr-defined]
    assert np.all(result.truth == np.arange(8) * 2)
