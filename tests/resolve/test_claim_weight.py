"""Extraction confidence as a claim weight: weak claims count less and accuse no one."""

from __future__ import annotations

from dataclasses import replace

from veracity.model import Claim
from veracity.resolve.record import WEAK_CLAIM, reconcile
from veracity.values import Count


def _claim(key: str, doc: str, n: int, confidence: float = 1.0) -> Claim:
    return Claim(key, doc, "hostages.initial", Count.exact(n), str(n), str(n), 0, 1,
                 confidence=confidence)


def test_claim_weight_the_surer_of_two_rival_claims_wins_either_way_round():
    first = reconcile("e", [_claim("a", "a", 40), _claim("b", "b", 90, 0.0)], ["a", "b"], {})
    assert first.record["hostages.initial"].value == Count.exact(40)
    second = reconcile("e", [_claim("a", "a", 40, 0.0), _claim("b", "b", 90)], ["a", "b"], {})
    assert second.record["hostages.initial"].value == Count.exact(90)


def test_claim_weight_an_unsure_claim_still_counts_for_something():
    # weighed at no less than WEIGHT_FLOOR: two unsure witnesses outweigh one sure one
    claims = [_claim("a", "a", 40), _claim("b", "b", 90, 0.3), _claim("c", "c", 90, 0.3)]
    outcome = reconcile("e", claims, ["a", "b", "c"], {})
    assert outcome.record["hostages.initial"].value == Count.exact(90)


def test_claim_weight_a_weak_claim_is_never_contradicted():
    sure = [_claim("a", "a", 40), _claim("b", "b", 40)]
    weak = _claim("c", "c", 7, WEAK_CLAIM / 2)
    outcome = reconcile("e", [*sure, weak], ["a", "b", "c"], {})
    assert outcome.verdicts["c"] == "uncorroborated"
    outcome = reconcile("e", [*sure, replace(weak, confidence=0.9)], ["a", "b", "c"], {})
    assert outcome.verdicts["c"] == "contradicted"
