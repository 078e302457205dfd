"""Synthetic claims for the scale run: many items, sources of known accuracy, and copiers.

Every item has one true value (candidate 0 of the item) and `n_false` false ones. A source of
accuracy A claims the truth with probability A, else a false value with a skewed (Zipf-like)
preference, so false values collide as they do on real data. Some sources copy another source's
claim with probability `copy_rate`. Generated with numpy only: 10 million claims take seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from veracity.resolve.base import ClaimTable


@dataclass
class Synthetic:
    table: ClaimTable
    true_candidate: np.ndarray  # per item
    copier_of: np.ndarray  # per source, the source it copies or -1


def generate(
    n_claims: int = 10_000_000,
    n_sources: int = 1_000,
    claims_per_item: int = 10,
    n_false: int = 4,
    copier_share: float = 0.2,
    copy_rate: float = 0.8,
    seed: int = 7,
) -> Synthetic:
    rng = np.random.default_rng(seed)
    n_items = n_claims // claims_per_item
    per_item = n_false + 1
    accuracy = rng.uniform(0.4, 0.95, n_sources)
    copier = rng.random(n_sources) < copier_share
    copier_of = np.where(copier, rng.integers(0, n_sources, n_sources), -1)
    copier_of[copier_of == np.arange(n_sources)] = -1

    # which sources speak of which item: claims_per_item distinct-ish sources per item
    item = np.repeat(np.arange(n_items, dtype=np.int64), claims_per_item)
    source = rng.integers(0, n_sources, item.shape[0])
    # independent answer of every (source, item): truth with prob A, else a skewed false value
    false_pick = 1 + np.minimum(rng.geometric(0.5, item.shape[0]) - 1, n_false - 1)
    right = rng.random(item.shape[0]) < accuracy[source]
    offset = np.where(right, 0, false_pick)
    # a copier repeats its original's answer on the item (drawn with the original's accuracy, and
    # the same per-item false value, so copies collide with the original) at rate copy_rate
    original = copier_of[source]
    copies = (original >= 0) & (rng.random(item.shape[0]) < copy_rate)
    orig_src = np.where(copies, original, source)
    item_false = 1 + (item * 2654435761 + orig_src * 40503) % n_false
    orig_right = rng.random(item.shape[0]) < accuracy[orig_src]
    offset = np.where(copies, np.where(orig_right, 0, item_false), offset)
    candidate = item * per_item + offset
    table = ClaimTable(
        source=source.astype(np.int64),
        candidate=candidate.astype(np.int64),
        candidate_item=np.repeat(np.arange(n_items, dtype=np.int64), per_item),
        n_sources=n_sources,
    )
    return Synthetic(table, np.arange(n_items, dtype=np.int64) * per_item, copier_of)
