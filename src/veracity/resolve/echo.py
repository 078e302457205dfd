"""Echoes: claims that repeat the value their item already had, and how independent they are.

When the claims of an item carry an order (`ClaimTable.claim_order`: an edit history, dated
reports), each claim after the first was made while the item already held its predecessor's
value. A claim that gives that same value (an *echo*) is either an independent confirmation or a
copy of what was already there: a bot or editor re-saving a page carries its figure along, right
or vandalised. Copying judged from the order of updates is Dong, Berti-Equille & Srivastava's
reading of copying in a dynamic world (PVLDB 2009); here it is judged per source against the
item's history rather than per pair of sources, so it needs no two sources to share many items: a
source that re-saves thousands of pages copies a different editor every time.

The model: of a source's m claims that follow another source's claim on the same item, k echo.
Sources are of two classes, fitted by EM as a binomial mixture: an independent source echoes at
rate q (the chance that an independent claim agrees with the one before it), an echoing source
at rate e > q; pi is the share of echoing sources. q, e and pi are fitted from the claims (no
parameter to set). Within the echoing class an echo is a copy with probability c / e, where
c = (e - q) / (1 - q) is the share of its claims it copies (e = c + (1 - c) q). An echo of
source S is therefore a copy with probability r = Pr(S echoing | k, m) * c / e; a claim that
changes the value, or has no predecessor, is no copy (r = 0). A source that echoes nearly always
(a bot re-saving pages) is of the echoing class for sure and its echoes count for almost
nothing; a source that often changes the value is independent and its confirmations count in
full; a single echo by a source seen once counts in part. Per-source copy rates fitted freely
collapse (q -> 0, every echo a copy), which is why the rate is shared within a class. When one
echo rate explains every source's record as well (Bayesian information criterion), EM's split
is chance and no echo is discounted.

`echo_independence` returns, per claim, 1 - r: the weight of the claim as independent evidence
(1 for the first claim of an item, for a claim that changes the value, and for every claim of a
table without an order). The algorithms multiply each claim's vote by it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    table: ClaimTable, max_iterations: int = 500, tolerance: float = 1e-9
) -> FloatArray | None:
    """Per claim, the probability that it is independent evidence rather than a copy of the value
    its item already had (see the module docstring); None when the table has no order."""
    history = echo_history(table)
    if history is None:
        return None
    independence = np.ones(table.source.shape[0])
    if not history.echoes.any() or history.echoes.all():
        # nothing tells echoing sources from the others: every claim counts
        return independence
    source = table.source[history.claim]
    followed = np.bincount(source, minlength=table.n_sources).astype(np.float64)
    echoed = np.bincount(source, weights=history.echoes, minlength=table.n_sources).astype(
        np.float64
    )
    seen = followed > 0
    k, m = echoed[seen], followed[seen]
    fit = _fit_mixture(k, m, max_iterations, tolerance)
    if not _two_classes_needed(k, m, fit):
        return independence
    copier = np.zeros(table.n_sources)
    copier[seen] = fit.copier
    # within the echoing class an echo is a copy with probability c / e, c = (e - q) / (1 - q)
    copy_rate = max(fit.echo_rate - fit.agree_rate, 0.0) / (1.0 - fit.agree_rate)
    copied_if_echo = copy_rate / fit.echo_rate
    echo_claim = history.claim[history.echoes]
    independence[echo_claim] = 1.0 - copier[table.source[echo_claim]] * copied_if_echo
    return independence


@dataclass
class _Mixture:
    copier: FloatArray  # per source with a record: probability it is of the echoing class
    agree_rate: float  # q: how often an independent claim repeats its predecessor's value
    echo_rate: float  # e: how often a claim of the echoing class does
    share: float  # pi: the share of sources that echo


def _fit_mixture(k: FloatArray, m: FloatArray, max_iterations: int, tolerance: float) -> _Mixture:
    """EM for a two-class binomial mixture: k of m followed claims echo, at rate q for an
    independent source and e > q for an echoing one."""
    pooled = float(k.sum() / m.sum())
    q, e, pi = pooled / 2.0, (1.0 + pooled) / 2.0, 0.5
    z = np.zeros_like(k)
    for _ in range(max_iterations):
        log_e = np.log(pi) + k * np.log(e) + (m - k) * np.log1p(-e)
        log_i = np.log1p(-pi) + k * np.log(q) + (m - k) * np.log1p(-q)
        z = 1.0 / (1.0 + np.exp(np.clip(log_i - log_e, -700.0, 700.0)))
        new_pi = float(np.clip(z.mean(), 1e-9, 1.0 - 1e-9))
        new_q = float(
            np.clip(((1 - z) * k).sum() / max(((1 - z) * m).sum(), 1e-300), 1e-9, 1 - 1e-9)
        )
        new_e = float(np.clip((z * k).sum() / max((z * m).sum(), 1e-300), 1e-9, 1 - 1e-9))
        moved = max(abs(new_pi - pi), abs(new_q - q), abs(new_e - e))
        pi, q, e = new_pi, new_q, new_e
        if moved < tolerance:
            break
    if e < q:  # the classes swapped: the echoing class is the one that echoes more
        z, q, e, pi = 1.0 - z, e, q, 1.0 - pi
    return _Mixture(copier=z, agree_rate=q, echo_rate=e, share=pi)


def _log_likelihood(k: FloatArray, m: FloatArray, rate: float) -> FloatArray:
    return k * np.log(rate) + (m - k) * np.log1p(-rate)


def _two_classes_needed(k: FloatArray, m: FloatArray, fit: _Mixture) -> bool:
    """Whether the two-class mixture explains the sources' echo counts better than one rate for
    all, by the Bayesian information criterion (two more parameters, e and pi, one observation
    per source): with no echoing class in the data, EM still splits the sources by chance, and
    no echo may be discounted then."""
    pooled = float(np.clip(k.sum() / m.sum(), 1e-9, 1.0 - 1e-9))
    one = float(_log_likelihood(k, m, pooled).sum())
    mixed = np.logaddexp(
        np.log(fit.share) + _log_likelihood(k, m, fit.echo_rate),
        np.log1p(-fit.share) + _log_likelihood(k, m, fit.agree_rate),
    )
    return 2.0 * (float(mixed.sum()) - one) > 2.0 * np.log(k.shape[0])


def echo_weight(table: ClaimTable, echoes: bool = True) -> FloatArray:
    """The weight of each claim's vote: `echo_independence` when `echoes` is on and the table has
    an order, else 1 for every claim."""
    independence = echo_independence(table) if echoes else None
    return np.ones(table.source.shape[0]) if independence is None else independence


def without_echoes(table: ClaimTable) -> tuple[ClaimTable, IntArray] | None:
    """The table without the claims that repeat their item's previous value, and the indices of
    the claims kept (None when the table has no order or no echo)."""
    history = echo_history(table)
    if history is None or not history.echoes.any():
        return None
    keep = np.ones(table.source.shape[0], dtype=bool)
    keep[history.claim[history.echoes]] = False
    kept = np.flatnonzero(keep)
    return (
        replace(
            table,
            source=table.source[kept],
            candidate=table.candidate[kept],
            claim_form=None if table.claim_form is None else table.claim_form[kept],
            claim_order=None if table.claim_order is None else table.claim_order[kept],
        ),
        kept,
    )


def scatter_kept(values: FloatArray, kept: IntArray, n_claims: int) -> FloatArray:
    out = np.ones(n_claims)
    out[kept] = values
    return out
