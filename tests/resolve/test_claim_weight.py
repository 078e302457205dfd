"""Extraction confidence as a claim weight: weak claims count less and accuse no one."""

from __future__ import annotations

from dataclasses import replace

from veracity.model import Claim
from veracity.resolve.record import WEAK_CLAIM, reconcile
from veracity.values import Count


def _claim(key: str, doc: str, n: int, confidence: float = 1.0) -> Claim:
    return Claim(key, doc, "hostages.initial", Count.exact(n), str(n), str(n), 0, 1,
                 confidence=confidence)


def test_claim_weight_two_weak_claims_lose_to_one_sure_claim():
    claims = [_claim("a", "a", 40), _claim("b", "b", 90, 0.1), _claim("c", "c", 90, 0.1)]
    outcome = reconcile("e", claims, ["a", "b", "c"], {})
    assert outcome.record["hostages.initial"].value == Count.exact(40)


def test_claim_weight_the_same_claims_at_full_weight_win_by_number():
    claims = [_claim("a", "a", 40), _claim("b", "b", 90), _claim("c", "c", 90)]
    outcome = reconcile("e", claims, ["a", "b", "c"], {})
    assert outcome.record["hostages.initial"].value == Count.exact(90)


def test_claim_weight_a_weak_claim_is_never_contradicted():
    sure = [_claim("a", "a", 40), _claim("b", "b", 40)]
    weak = _claim("c", "c", 7, WEAK_CLAIM / 2)
    outcome = reconcile("e", [*sure, weak], ["a", "b", "c"], {})
    assert outcome.verdicts["c"] == "uncorroborated"
    outcome = reconcile("e", [*sure, replace(weak, confidence=0.9)], ["a", "b", "c"], {})
    assert outcome.verdicts["c"] == "contradicted"
