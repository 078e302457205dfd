import numpy as np
from tests.resolve.cases import table

from veracity.resolve import resolve
from veracity.resolve.copying import (
    IndependenceDiscount,
    copy_evidence,
    copy_posterior,
)


def _readers_and_mirror(n_items: int = 200):
    """Sources 0 and 1 read the same truth independently, each printing it its own way; source 2
    mirrors source 0 page for page. All three are right on every item but the last fifth, where
    each independent reader errs its own way and the mirror repeats source 0's error."""
    claims, forms = [], []
    for item in range(n_items):
        wrong = item >= n_items * 4 // 5
        for s, form in ((0, 0), (1, 1), (2, 0)):
            value = (1 + min(s, 1) if s != 2 else 1) if wrong else 0
            claims.append((s, item, value))
            forms.append(form)
    t = table(claims, 3, 4)
    t.claim_form = np.asarray(forms)
    return t


def _posterior(t):
    evidence = copy_evidence(t)
    prob = np.zeros(t.n_candidates)
    prob[0::4] = 1.0  # value 0 is true everywhere
    accuracy = np.full(t.n_sources, 0.8)
    return evidence, copy_posterior(evidence, prob, accuracy, 100.0, 0.8, 0.1)


def test_copying_mirror_found_and_independent_readers_cleared():
    _, post = _posterior(_readers_and_mirror())
    either = post.a_copies_b + post.b_copies_a
    pair = {
        (int(a), int(b)): float(p) for a, b, p in zip(post.pair_a, post.pair_b, either, strict=True)
    }
    assert pair[(0, 2)] > 0.99
    assert pair[(0, 1)] < 0.01 and pair[(1, 2)] < 0.01


def test_copying_without_forms_agreement_on_truth_is_weak_evidence():
    # the same claims without the form they were written in: readers 0 and 1 agree on every true
    # value, which accurate independent sources do; only the shared errors betray the mirror
    t = _readers_and_mirror()
    t.claim_form = None
    _, post = _posterior(t)
    either = post.a_copies_b + post.b_copies_a
    pair = {
        (int(a), int(b)): float(p) for a, b, p in zip(post.pair_a, post.pair_b, either, strict=True)
    }
    assert pair[(0, 2)] > 0.99 and pair[(0, 1)] < 0.5


def test_copying_sampled_evidence_still_finds_the_mirror():
    # 2,000 items; 30 more sources speak of random items, so items have many provider sets and
    # the pair work exceeds the budget: the evidence comes from a sample of the items
    base = _readers_and_mirror(2000)
    rng = np.random.default_rng(3)
    extra_item = rng.integers(0, 2000, 6000)
    extra_source = 3 + rng.integers(0, 30, 6000)
    claims = [(int(s), int(i), 0) for s, i in zip(base.source, base.item, strict=True)]
    values = (base.candidate % 4).tolist()
    claims = [(s, i, v) for (s, i, _), v in zip(claims, values, strict=True)]
    claims += [(int(s), int(i), 0) for s, i in zip(extra_source, extra_item, strict=True)]
    t = table(claims, 33, 4)
    t.claim_form = np.concatenate([base.claim_form, np.full(6000, 5)])
    evidence = copy_evidence(t, max_pair_work=20_000)
    assert 0.0 < evidence.sampled_fraction < 1.0
    assert evidence.common.max() < 2000  # only sampled items counted
    prob = np.zeros(t.n_candidates)
    prob[0::4] = 1.0
    post = copy_posterior(evidence, prob, np.full(33, 0.8), 100.0, 0.8, 0.1)
    either = post.a_copies_b + post.b_copies_a
    assert either[(post.pair_a == 0) & (post.pair_b == 2)][0] > 0.99
    assert either[(post.pair_a == 0) & (post.pair_b == 1)][0] < 0.01


def test_copying_discount_leaves_one_witness_per_clique():
    t = _readers_and_mirror()
    evidence, post = _posterior(t)
    accuracy = np.array([0.9, 0.8, 0.7])  # the mirror ranks last
    independence = IndependenceDiscount(evidence, t)(post, accuracy, 0.8)
    # the mirror's votes count (1 - c) of a vote; the two readers' count fully
    assert np.allclose(independence[t.source == 2], 0.2, atol=0.01)
    assert np.allclose(independence[t.source != 2], 1.0)


def test_accucopy_reports_the_mirror_and_trusts_the_readers():
    t = _readers_and_mirror()
    result = resolve(t, "accucopy")
    pairs = {(a, b) for a, b, _ in result.extra["copying"]}
    assert pairs == {(0, 2), (2, 0)}
    assert np.all(result.truth[:160] == np.arange(160) * 4)


def test_copying_discount_in_chunks_equals_discount_at_once():
    t = _readers_and_mirror()
    evidence, post = _posterior(t)
    accuracy = np.array([0.9, 0.8, 0.7])
    at_once = IndependenceDiscount(evidence, t)(post, accuracy, 0.8)
    in_chunks = IndependenceDiscount(evidence, t, max_work=1)(post, accuracy, 0.8)
    assert np.allclose(at_once, in_chunks)
