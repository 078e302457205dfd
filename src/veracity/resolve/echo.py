"""Echoes: claims that repeat the value their item already had, and how independent they are.

When the claims of an item carry an order (`ClaimTable.claim_order`: an edit history, dated
reports), each claim after the first was made while the item already held its predecessor's
value. A claim that gives that same value (an *echo*) is either an independent confirmation or a
copy of what was already there: a bot or editor re-saving a page carries its figure along, right
or vandalised. Copying judged from the order of updates is Dong, Berti-Equille & Srivastava's
reading of copying in a dynamic world (PVLDB 2009); here it is judged per source against the
item's history rather than per pair of sources, so it needs no two sources to share many items: a
source that re-saves thousands of pages copies a different editor every time.

The model, fitted by EM over every claim that has a predecessor by another source:
- a claim of source S is a copy of its predecessor with probability c_S (then it echoes for sure)
  and independent otherwise; an independent claim agrees with its predecessor with probability q,
  one rate for all sources (the chance that two independent claims on an item agree);
- E-step: an echo of S is a copy with probability r = c_S / (c_S + (1 - c_S) q); a claim that
  changes the value is no copy of its predecessor (r = 0);
- M-step: c_S = sum of r over S's claims / (their number + `prior_strength`), the pseudo-claims
  being independent ones (a source is presumed independent until its record shows otherwise);
  q = the share of echoes among the claims' expected independent part.
A source that echoes far more often than independent claims agree (nearly always, and never
alone) gets c_S near 1 and its echoes count for almost nothing; a source that often changes the
value keeps c_S near 0. A single echo by an unknown source stays ambiguous (counts in part).

`echo_independence` returns, per claim, 1 - r: the weight of the claim as independent evidence
(1 for the first claim of an item, for a claim that changes the value, and for every claim of a
table without an order). The algorithms multiply each claim's vote by it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from veracity.resolve.base import ClaimTable, FloatArray, IntArray


@dataclass
class EchoHistory:
    """Per claim with a predecessor (by another source, strictly earlier): the claim's index and
    whether it repeats its predecessor's value."""

    claim: IntArray
    echoes: npt.NDArray[np.bool_]


def echo_history(table: ClaimTable) -> EchoHistory | None:
    """The claims that follow an earlier claim of their item by another source, and which of them
    repeat its value (None when the table has no order)."""
    if table.claim_order is None:
        return None
    item = table.item
    order = np.lexsort((table.claim_order, item))
    if order.shape[0] < 2:
        return EchoHistory(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool))
    current, previous = order[1:], order[:-1]
    time = table.claim_order
    followed = (
        (item[current] == item[previous])
        & np.isfinite(time[previous])
        & (time[current] > time[previous])
        & (table.source[current] != table.source[previous])
    )
    claim = current[followed].astype(np.int64)
    echoes = table.candidate[claim] == table.candidate[previous[followed]]
    return EchoHistory(claim, echoes)


def echo_independence(
    table: ClaimTable,
    prior_strength: float = 1.0,
    initial_copy_rate: float = 0.5,
    max_iterations: int = 200,
    tolerance: float = 1e-6,
) -> FloatArray | None:
    """Per claim, the probability that it is independent evidence rather than a copy of the value
    its item already had (see the module docstring); None when the table has no order."""
    history = echo_history(table)
    if history is None:
        return None
    independence = np.ones(table.source.shape[0])
    if not history.echoes.any():
        return independence
    source = table.source[history.claim]
    followed = np.bincount(source, minlength=table.n_sources).astype(np.float64)
    echoes = history.echoes.astype(np.float64)
    # start q at the plain share of echoes, every source half a copier
    agree = float(echoes.mean())
    copy_rate = np.full(table.n_sources, initial_copy_rate)
    copied = np.zeros(history.claim.shape[0])
    for _ in range(max_iterations):
        c = copy_rate[source]
        copied = np.where(history.echoes, c / np.maximum(c + (1.0 - c) * agree, 1e-300), 0.0)
        updated = np.bincount(source, weights=copied, minlength=table.n_sources) / (
            followed + prior_strength
        )
        independent = 1.0 - copied
        agree = float(np.sum(independent * echoes) / max(np.sum(independent), 1e-300))
        agree = min(max(agree, 1e-6), 1.0 - 1e-6)
        moved = float(np.max(np.abs(updated - copy_rate)))
        copy_rate = updated
        if moved < tolerance:
            break
    independence[history.claim] = 1.0 - copied
    return independence


def echo_weight(table: ClaimTable, echoes: bool = True) -> FloatArray:
    """The weight of each claim's vote: `echo_independence` when `echoes` is on and the table has
    an order, else 1 for every claim."""
    independence = echo_independence(table) if echoes else None
    return np.ones(table.source.shape[0]) if independence is None else independence
