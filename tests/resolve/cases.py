"""Hand-made claim tables whose right answers are known."""

from __future__ import annotations

import numpy as np

from veracity.resolve.base import ClaimTable


def table(
    claims: list[tuple[int, int, int]], n_sources: int, candidates_per_item: int
) -> ClaimTable:
    """Claims as (source, item, value index within item); every item has the same number of values."""
    arr = np.asarray(claims, dtype=np.int64)
    n_items = int(arr[:, 1].max()) + 1
    return ClaimTable(
        source=arr[:, 0],
        candidate=arr[:, 1] * candidates_per_item + arr[:, 2],
        candidate_item=np.repeat(np.arange(n_items, dtype=np.int64), candidates_per_item),
        n_sources=n_sources,
    )


def copiers_outvote_honest_minority() -> ClaimTable:
    """Value 0 is true on every item.

    Sources 0-2 are honest and independent: each errs alone, with a value of its own, on a third
    of items 0-29, and each writes its values in a format of its own. Sources 3-6 are one
    original and three mirrors: identical everywhere, down to the format, right on items 0-29,
    and all four say the false value 1 on items 30-59, outvoting the honest three.
    """
    claims: list[tuple[int, int, int]] = []
    for item in range(60):
        for s in (0, 1, 2):
            wrong_alone = item < 30 and item % 3 == s
            claims.append((s, item, 2 + s if wrong_alone else 0))
        for s in (3, 4, 5, 6):
            claims.append((s, item, 0 if item < 30 else 1))
    t = table(claims, 7, 5)
    # the form a claim is written in: each honest source its own, the mirrors the original's
    t.claim_form = np.minimum(t.source, 3)
    return t


def majority_with_one_liar() -> ClaimTable:
    """Five sources; source 4 is always wrong with its own value, the rest agree."""
    claims = [(s, item, 0) for item in range(10) for s in range(4)]
    claims += [(4, item, 1 + item % 2) for item in range(10)]
    return table(claims, 5, 3)


def camp_misreads_one_attribute() -> ClaimTable:
    """Twenty objects with three attributes each; value 0 is true everywhere.

    Items 0-19 are attribute "departure", 20-39 "gate", 40-59 "schedule". Sources 0-2 are right
    on all three. Sources 3-6 form a camp that reads departures its own way: all four say value 1
    on every departure (outvoting the three); on gates each of them errs with a value of its own;
    on schedules everyone is right.
    """
    claims: list[tuple[int, int, int]] = []
    for obj in range(20):
        for s in range(7):
            claims.append((s, 40 + obj, 0))
        for s in (0, 1, 2):
            claims += [(s, obj, 0), (s, 20 + obj, 0)]
        for s in (3, 4, 5, 6):
            claims += [(s, obj, 1), (s, 20 + obj, s - 1)]
    t = table(claims, 7, 6)
    t.item_attribute = np.repeat(np.array([0, 1, 2], dtype=np.int64), 20)
    return t


def bot_resaves_vandalised_pages() -> ClaimTable:
    """An edit history (claims ordered within each item); value 0 is true on every item.

    Sources 0-9 are honest editors, source 10 a bot that re-saves every page last with whatever
    figure the page holds, sources 11 on one-edit vandals.
    - items 0-39: an honest editor writes 0; on even items a second honest editor confirms it;
      then the bot re-saves 0;
    - items 40-59: an honest editor writes 0, a vandal changes it to 1, the bot re-saves 1: by
      count, 1 wins two to one;
    - items 60-99: a vandal writes 1, an honest editor corrects it to 0, the bot re-saves 0.
    """
    claims: list[tuple[int, int, int]] = []
    order: list[float] = []
    vandal = 11

    def claim(source: int, item: int, value: int) -> None:
        claims.append((source, item, value))
        order.append(float(len(order)))  # every claim later than the ones before it

    for item in range(100):
        honest = item % 10
        if item < 40:
            claim(honest, item, 0)
            if item % 2 == 0:
                claim((honest + 1) % 10, item, 0)
            claim(10, item, 0)
        elif item < 60:
            claim(honest, item, 0)
            claim(vandal, item, 1)
            claim(10, item, 1)
            vandal += 1
        else:
            claim(vandal, item, 1)
            claim(honest, item, 0)
            claim(10, item, 0)
            vandal += 1
    t = table(claims, vandal, 2)
    t.claim_order = np.asarray(order)
    return t
