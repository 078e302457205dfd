"""Echoes: claims repeating the value their item already had count by their independence."""

from __future__ import annotations

import dataclasses

import numpy as np
import pyarrow as pa
import pytest
from tests.resolve.cases import bot_resaves_vandalised_pages, table

from veracity.resolve import resolve
from veracity.resolve.echo import echo_history, echo_independence
from veracity.resolve.encode import encode_claims

BOT = 10
VANDALISED = range(40, 60)


@pytest.mark.parametrize(
    "algorithm",
    ["accu", "accucopy", "simplelca", "guesslca", "truthfinder", "investment", "pooledinvestment"],
)
def test_echo_bot_repeating_a_vandal_loses_to_the_honest_editor(algorithm):
    t = bot_resaves_vandalised_pages()
    truth = resolve(t, algorithm).truth
    assert np.all(t.candidate_item[truth] == np.arange(100))
    assert np.all(truth % 2 == 0), f"wrong on items {np.flatnonzero(truth % 2).tolist()}"


@pytest.mark.parametrize("algorithm", ["accu", "simplelca"])
def test_echo_without_the_order_the_bot_and_the_vandal_win(algorithm):
    # the same claims without their order: nothing tells the bot's echo from a confirmation
    t = dataclasses.replace(bot_resaves_vandalised_pages(), claim_order=None)
    truth = resolve(t, algorithm).truth
    assert np.all(truth[list(VANDALISED)] % 2 == 1)


def test_echo_independence_of_the_bot_is_near_zero_and_of_honest_confirmations_high():
    t = bot_resaves_vandalised_pages()
    weight = echo_independence(t)
    assert weight is not None
    history = echo_history(t)
    assert history is not None
    echo_claim = history.claim[history.echoes]
    bot = t.source[echo_claim] == BOT
    assert np.all(weight[echo_claim[bot]] < 0.05)
    assert np.all(weight[echo_claim[~bot]] > 0.9)
    # a claim that changes the value, and the first claim of an item, count in full
    assert np.all(weight[history.claim[~history.echoes]] == 1.0)
    first = np.setdiff1d(np.arange(t.source.shape[0]), history.claim)
    assert np.all(weight[first] == 1.0)


def test_echo_discount_is_off_without_an_order_or_when_asked():
    t = bot_resaves_vandalised_pages()
    assert echo_independence(dataclasses.replace(t, claim_order=None)) is None
    truth = resolve(t, "accu", echoes=False).truth
    assert np.all(truth[list(VANDALISED)] % 2 == 1)


def test_echo_history_needs_another_source_and_a_strictly_earlier_claim():
    # item 0: source 0 then source 0 again (no echo of itself); item 1: two claims at one time
    t = table([(0, 0, 0), (0, 0, 0), (1, 1, 0), (2, 1, 0), (3, 1, 0)], 4, 2)
    t.claim_order = np.asarray([1.0, 2.0, 5.0, 5.0, 6.0])
    history = echo_history(t)
    assert history is not None
    assert history.claim.tolist() == [4]  # only source 3 follows another source's earlier claim
    assert history.echoes.tolist() == [True]


def test_echo_encode_reads_the_order_column():
    claims = pa.table(
        {
            "source": ["a", "b", "c"],
            "object": ["x", "x", "x"],
            "attribute": ["n", "n", "n"],
            "value": ["1", "1", "2"],
            "order": [3.0, None, 1.0],
        }
    )
    t = encode_claims(claims).table
    assert t.claim_order is not None
    assert t.claim_order[0] == 3.0 and t.claim_order[2] == 1.0
    assert np.isneginf(t.claim_order[1])  # a claim without a time follows nothing


def test_echo_nothing_is_discounted_when_every_source_echoes_alike():
    # 30 sources, 60 items of 6 claims each; whoever makes a claim repeats its predecessor's
    # value with probability one half (a seeded coin, the same for every source): one echo rate
    # explains every record, so no echo is discounted
    coin = np.random.default_rng(7)
    claims = []
    for item in range(60):
        value = 0
        for step in range(6):
            source = (item + 7 * step) % 30
            if step and coin.random() < 0.5:
                value = 1 - value
            claims.append((source, item, value))
    t = table(claims, 30, 2)
    t.claim_order = np.arange(len(claims), dtype=np.float64)
    weight = echo_independence(t)
    assert weight is not None
    assert np.all(weight == 1.0)
