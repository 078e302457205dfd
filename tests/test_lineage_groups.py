"""Witness groups: union-find over lineage links, named after the most original member."""

from __future__ import annotations

import numpy as np

from veracity.lineage import source_group_codes, witness_groups
from veracity.model import Lineage
from veracity.resolve import ClaimTable, resolve


def test_lineage_groups_chain_of_copies_is_one_group_named_after_the_original() -> None:
    links = [
        Lineage("c", "b", "near-duplicate", 0.9),
        Lineage("b", "a", "translation", 0.8),
        Lineage("e", "d", "derived", 0.3, directed=False),
    ]
    groups = witness_groups(["a", "b", "c", "d", "e", "f"], links)
    assert groups["a"] == groups["b"] == groups["c"] == "a"
    assert groups["d"] == groups["e"] == "d"
    assert groups["f"] == "f"


def test_lineage_groups_ignore_links_to_unknown_documents() -> None:
    groups = witness_groups(["a", "b"], [Lineage("a", "zzz", "near-duplicate", 1.0)])
    assert groups == {"a": "a", "b": "b"}


def test_lineage_groups_make_a_copy_no_second_witness_in_resolution() -> None:
    # sources 0 and 1 (a copy of 0) say candidate 0; sources 2 and 3 say candidate 1
    table = ClaimTable(
        source=np.array([0, 1, 2, 3]),
        candidate=np.array([0, 0, 1, 1]),
        candidate_item=np.array([0, 0]),
        n_sources=4,
    )
    names = ["orig", "copy", "x", "y"]
    table.source_group = source_group_codes(names, [Lineage("copy", "orig", "near-duplicate", 1)])
    assert table.source_group.tolist() == [0, 0, 1, 2]
    with_groups = resolve(table).confidence
    table.source_group = None
    without = resolve(table).confidence
    assert with_groups[1] > with_groups[0]
    assert without[0] >= without[1] - 1e-9
