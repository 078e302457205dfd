"""SimpleLCA and GuessLCA (Pasternack & Roth 2013) on hand-made cases whose answer is known."""

import numpy as np
import pytest
from tests.resolve.cases import majority_with_one_liar, table

from veracity.resolve import algorithms, resolve

LCA = ["simplelca", "guesslca"]


def reliable_minority() -> tuple[object, int]:
    """Source 0 is right on items 0-19 with two other honest sources (3, 4); sources 1 and 2 are
    wrong there, each with a value of its own. On item 20 only sources 0, 1 and 2 speak: 1 and 2
    agree on value 1 and outvote source 0, whose value 0 is the truth."""
    claims: list[tuple[int, int, int]] = []
    for item in range(20):
        claims += [(0, item, 0), (3, item, 0), (4, item, 0), (1, item, 1), (2, item, 2)]
    claims += [(0, 20, 0), (1, 20, 1), (2, 20, 1)]
    return table(claims, 5, 3), 20


def test_lca_models_are_registered():
    assert set(LCA) <= set(algorithms())


@pytest.mark.parametrize("algorithm", LCA)
def test_lca_majority_beats_lone_liar(algorithm):
    result = resolve(majority_with_one_liar(), algorithm)
    assert np.all(result.truth == np.arange(10) * 3)
    assert result.reliability[4] < 0.2 < 0.9 < result.reliability[:4].min()


@pytest.mark.parametrize("algorithm", LCA)
def test_lca_reliable_minority_beats_two_unreliable_sources(algorithm):
    t, contested = reliable_minority()
    result = resolve(t, algorithm)
    assert result.truth[contested] == contested * 3  # value 0, the one source 0 gives
    assert result.reliability[0] > 0.9 > 0.3 > result.reliability[1:3].max()
    # a plain vote sides with the two
    assert resolve(t, "vote").truth[contested] == contested * 3 + 1


@pytest.mark.parametrize("algorithm", LCA)
def test_lca_posterior_is_a_distribution_over_the_claimed_values(algorithm):
    t = majority_with_one_liar()  # 3 candidates per item, one of them never claimed
    result = resolve(t, algorithm)
    per_item = np.bincount(t.candidate_item, weights=result.confidence, minlength=t.n_items)
    assert np.allclose(per_item, 1.0)
    claimed = np.bincount(t.candidate, minlength=t.n_candidates) > 0
    assert np.all(result.confidence[~claimed] == 0)


def test_lca_simple_counts_an_uncontested_claim_as_true():
    # source 0 alone on ten items: SimpleLCA's honesty is the share of its claims that are true
    t = table([(0, item, 0) for item in range(10)], 1, 2)
    assert resolve(t, "simplelca").reliability[0] == pytest.approx(1.0)


def test_lca_guess_agreeing_with_the_crowd_is_no_evidence_of_honesty():
    # a value every source gives is what a guesser would give too: the honesty stays where it
    # started (0.8), however many such claims a source makes
    claims = [(s, item, 0) for item in range(10) for s in (0, 1)]
    result = resolve(table(claims, 2, 2), "guesslca")
    assert result.reliability == pytest.approx([0.8, 0.8])


def test_lca_guess_a_lone_right_answer_earns_more_than_following_the_crowd():
    # sources 0-2 agree on items 0-9 (value 0); on items 10-19 source 3 alone gives value 0
    # against source 4's value 1, and source 3 is also part of the crowd on items 0-9
    claims = [(s, item, 0) for item in range(10) for s in (0, 1, 2, 3)]
    claims += [(3, item, 0) for item in range(10, 20)] + [(5, item, 0) for item in range(10, 20)]
    claims += [(4, item, 1) for item in range(10, 20)]
    result = resolve(table(claims, 6, 2), "guesslca")
    assert np.all(result.truth[10:] == np.arange(10, 20) * 2)
    assert result.reliability[3] > result.reliability[0]
    assert result.reliability[4] < 0.2


def test_lca_simple_source_with_two_values_splits_its_weight():
    # source 0 hedges between values 0 and 1 on item 0; sources 1 and 2 are sure of value 1. Each
    # of source 0's claims weighs 1/2, so half its weight is on the truth whichever wins
    claims = [(0, 0, 0), (0, 0, 1), (1, 0, 1), (2, 0, 1)]
    result = resolve(table(claims, 3, 2), "simplelca")
    assert result.truth[0] == 1
    assert result.reliability[0] == pytest.approx(0.5)
    assert result.reliability[1] == pytest.approx(1.0)
