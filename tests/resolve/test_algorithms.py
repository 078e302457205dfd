import numpy as np
import pytest
from scipy import sparse
from tests.resolve.cases import (
    camp_misreads_one_attribute,
    copiers_outvote_honest_minority,
    majority_with_one_liar,
    table,
)

from veracity.resolve import ClaimTable, algorithms, resolve

ALL = [
    "vote",
    "truthfinder",
    "accu",
    "accuattr",
    "accucopy",
    "investment",
    "simplelca",
    "guesslca",
    "crh",
    "default",
]


def test_resolve_registers_every_algorithm():
    resolve(majority_with_one_liar(), "vote")
    assert set(ALL) <= set(algorithms())


@pytest.mark.parametrize("algorithm", ALL)
def test_algorithm_majority_beats_lone_liar(algorithm):
    result = resolve(majority_with_one_liar(), algorithm)
    assert np.all(result.truth == np.arange(10) * 3)
    if algorithm != "vote":  # vote has no notion of reliability
        assert result.reliability[4] < result.reliability[:4].min()


@pytest.mark.parametrize("algorithm", ALL)
def test_algorithm_confidence_is_a_distribution_per_item(algorithm):
    t = majority_with_one_liar()
    result = resolve(t, algorithm)
    per_item = np.bincount(t.candidate_item, weights=result.confidence, minlength=t.n_items)
    assert np.all(result.confidence >= 0) and np.all(per_item <= 1 + 1e-9)


def test_vote_follows_the_copiers():
    # the trap the copy-aware models must avoid: 4 mirrors outvote 3 honest sources
    result = resolve(copiers_outvote_honest_minority(), "vote")
    assert np.all(result.truth[30:] == np.arange(30, 60) * 5 + 1)


def test_accucopy_copiers_lose_to_honest_minority():
    t = copiers_outvote_honest_minority()
    result = resolve(t, "accucopy")
    assert np.all(result.truth == np.arange(60) * 5)
    copying = result.extra["copying"]
    pairs = {(a, b) for a, b, _ in copying}
    # every pair of mirrors is found, no honest source is taken for a copier
    assert {(a, b) for a in range(3, 7) for b in range(3, 7) if a != b} <= pairs
    assert all(a >= 3 and b >= 3 for a, b in pairs)


def test_accu_without_copy_detection_is_fooled_by_copiers():
    result = resolve(copiers_outvote_honest_minority(), "accu")
    assert np.all(result.truth[30:] == np.arange(30, 60) * 5 + 1)


def test_default_with_copy_groups_copiers_lose_to_honest_minority():
    t = copiers_outvote_honest_minority()
    t.source_group = np.array([0, 1, 2, 3, 3, 3, 3])
    result = resolve(t, "default")
    assert np.all(result.truth == np.arange(60) * 5)


def test_default_copy_groups_from_accucopy_make_honest_minority_win():
    from veracity.resolve.accu import copy_groups

    t = copiers_outvote_honest_minority()
    groups = copy_groups(t)
    assert len(set(groups[3:].tolist())) == 1 and len(set(groups[:3].tolist())) == 3
    t.source_group = groups
    assert np.all(resolve(t, "default").truth == np.arange(60) * 5)


def test_default_small_corpus_honest_minority_wins_contested_item():
    # 5 documents: 0-2 reliable; 3 and 4 unreliable on many items (each wrong its own way);
    # on the last item only source 0 speaks truly, 3 and 4 agree on a false value
    claims = []
    for item in range(12):
        for s in (0, 1, 2):
            claims.append((s, item, 0))
        claims.append((3, item, 1))
        claims.append((4, item, 2))
    claims += [(0, 12, 0), (3, 12, 1), (4, 12, 1)]
    t = table(claims, 5, 3)
    result = resolve(t, "default")
    assert result.truth[12] == 12 * 3
    assert result.reliability[3] < 0.5 < result.reliability[0]


def test_default_keeps_eligibility_and_support():
    # item 0: a vague range (candidate 1, not eligible) supports the number 2 inside it
    t = ClaimTable(
        source=np.array([0, 1, 2]),
        candidate=np.array([0, 1, 2]),
        candidate_item=np.array([0, 0, 0]),
        n_sources=3,
        support=sparse.csr_matrix(np.array([[1.0, 0, 0], [0, 1.0, 1.0], [0, 0, 1.0]])),
        candidate_eligible=np.array([True, False, True]),
    )
    result = resolve(t, "default")
    assert result.truth[0] == 2 and result.confidence[1] == 0.0


def test_truthfinder_similar_values_support_each_other():
    # 100 (two sources) and 101 (one source) back each other against 200 (two sources)
    t = ClaimTable(
        source=np.array([0, 1, 2, 3, 4]),
        candidate=np.array([0, 0, 1, 2, 2]),
        candidate_item=np.array([0, 0, 0]),
        n_sources=5,
        support=sparse.csr_matrix(np.array([[1.0, 0.9, 0], [0.9, 1.0, 0], [0, 0, 1.0]])),
    )
    assert resolve(t, "truthfinder").truth[0] == 0
    t.support = None
    assert resolve(t, "truthfinder").truth[0] in (0, 2)  # a tie without similarity


def test_crh_numeric_truth_is_weighted_median_and_outlier_loses_weight():
    # 4 sources near the truth on 20 numeric items, one source far off everywhere
    rng = np.random.default_rng(0)
    truth = rng.uniform(100, 1000, 20)
    values = [truth + d for d in (0.0, 1.0, -1.0, 0.0)] + [truth * 3]
    numbers = np.concatenate(values)  # one candidate per claim
    n = numbers.shape[0]
    t = ClaimTable(
        source=np.repeat(np.arange(5), 20),
        candidate=np.arange(n),
        candidate_item=np.tile(np.arange(20), 5),
        n_sources=5,
        candidate_number=numbers,
    )
    result = resolve(t, "crh")
    chosen = numbers[result.truth]
    assert np.all(np.abs(chosen - truth) <= 1.0)
    assert result.reliability[4] < result.reliability[:4].min()


def test_crh_categorical_weighted_vote():
    result = resolve(majority_with_one_liar(), "crh")
    assert np.all(result.truth == np.arange(10) * 3)


def test_accuattr_camp_cannot_vouch_for_its_own_reading():
    t = camp_misreads_one_attribute()
    result = resolve(t, "accuattr")
    assert np.all(result.truth == np.arange(60) * 6)  # value 0 everywhere
    accuracy = result.extra["attribute_accuracy"]
    assert np.all(accuracy[:3, 0] > accuracy[3:, 0].max())


def test_accu_with_one_trust_per_source_keeps_the_camp_reading():
    # the contrast: judged over everything, the camp's self-confirmed departures balance its
    # wrong gates, and its four votes carry the departures
    result = resolve(camp_misreads_one_attribute(), "accu")
    assert np.all(result.truth[:20] == np.arange(20) * 6 + 1)


@pytest.mark.parametrize("algorithm", ["investment", "pooledinvestment"])
def test_investment_source_that_lies_on_half_its_claims_loses_them(algorithm):
    # four sources agree on value 0 of twenty items; a fifth agrees on the odd items and gives a
    # value of its own on the even ones
    claims = [(s, i, 0) for i in range(20) for s in range(4)]
    claims += [(4, i, 0 if i % 2 else 1 + (i // 2) % 2) for i in range(20)]
    result = resolve(table(claims, 5, 3), algorithm)
    assert np.all(result.truth == np.arange(20) * 3)
    assert result.reliability[4] < 0.1 < result.reliability[:4].min()


def test_pooledinvestment_lone_liar_ties_with_the_majority():
    # documented weakness: a source alone behind its claims gets their whole return, so with
    # nothing else to go on its value ties with a value four sources share (the tie is broken by
    # candidate order, never by the order of the rows)
    t = majority_with_one_liar()
    result = resolve(t, "pooledinvestment")
    belief = result.extra["belief"]
    assert isinstance(belief, np.ndarray)
    liar_values = np.arange(10) * 3 + 1 + np.arange(10) % 2
    assert np.allclose(belief[np.arange(10) * 3], belief[liar_values])


def _vague_against_precise(with_generalizes: bool) -> ClaimTable:
    """Item 0: value 1 ("37") from three sources, value 0 ("A37", its fuller form) from two (an
    exact tie would go to value 1, the higher code). Items 1-9 give every source a record of
    agreement so that all are trusted alike."""
    source = [0, 1, 2, 3, 4]
    candidate = [1, 1, 1, 0, 0]
    for item in range(1, 10):
        source += [0, 1, 2, 3, 4]
        candidate += [2 * item] * 5
    n_candidates = 20
    generalizes = (
        sparse.csr_matrix(([1.0], ([1], [0])), shape=(n_candidates, n_candidates))
        if with_generalizes
        else None
    )
    return ClaimTable(
        source=np.array(source, dtype=np.int64),
        candidate=np.array(candidate, dtype=np.int64),
        candidate_item=np.repeat(np.arange(10, dtype=np.int64), 2),
        n_sources=5,
        generalizes=generalizes,
    )


@pytest.mark.parametrize("algorithm", ["accu", "accucopy"])
def test_accu_less_specific_form_backs_the_fuller_value(algorithm):
    # 2 votes + half of 3 beat 3 votes; without the relation the three win
    assert resolve(_vague_against_precise(False), algorithm).truth[0] == 1
    assert resolve(_vague_against_precise(True), algorithm).truth[0] == 0
