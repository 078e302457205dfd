"""The generated-corpus tools, and lineage on what they generate."""

from __future__ import annotations

import random

from veracity.lineage import find_lineage, lineage_in_blocks
from veracity.lineage.evaluate import Expected, score_links, with_generated
from veracity.model import Document
from veracity.synth.lineage import (
    drop_and_reorder,
    edit_numbers,
    partial_copy,
    random_corpus,
    template_translate,
)

STORY = (
    "Rescuers reached the Halden mine on 9 October 2017 after 52 hours of digging. "
    "Eleven of the 14 workers were alive, the company said. "
    "The collapse happened at 6:20 am, 380 metres below the surface. "
    "Director Jonas Weil said 2,400 tonnes of rock had fallen. "
    "Three workers died in the first hours, according to the regional police. "
    "The mine, opened in 1961, employed 730 people."
)


def test_lineage_synth_edit_numbers_changes_counts_but_not_years() -> None:
    edited = edit_numbers(STORY, random.Random(3), share=1.0)
    assert edited != STORY
    assert "2017" in edited and "1961" in edited


def test_lineage_synth_drop_and_reorder_keeps_sentences_whole() -> None:
    changed = drop_and_reorder(STORY, random.Random(5), drop=0.3, swaps=2)
    assert changed != STORY
    original = {s.strip() for s in STORY.split(". ")}
    assert all(s.strip() in original for s in changed.split(". "))


def test_lineage_synth_partial_copy_contains_a_run_of_the_source() -> None:
    host = "A long essay about safety rules. It goes on at length. Nobody reads it. The end."
    pasted = partial_copy(STORY, host, random.Random(1), share=0.5)
    assert "It goes on at length." in pasted
    assert sum(s in pasted for s in STORY.split(". ")) >= 3


def test_lineage_synth_template_translation_keeps_facts_and_changes_words() -> None:
    translated = template_translate(STORY, "id", random.Random(2))
    assert "Oktober 2017" in translated and "2.400" in translated
    assert "Rescuers" not in translated and "Jonas Weil" in translated
    links = find_lineage_pair(STORY, "en", translated, "id")
    assert [lk.relation for lk in links] == ["translation"]


def find_lineage_pair(a: str, la: str, b: str, lb: str):  # type: ignore[no-untyped-def]
    from veracity.model import Document

    return find_lineage([Document("a", a, la), Document("b", b, lb)])


def test_lineage_synth_random_corpus_families_are_found() -> None:
    corpus = random_corpus(300, seed=11)
    truth = with_generated(Expected(), [(lk.document, lk.of, lk.relation) for lk in corpus.links])
    scores = score_links(find_lineage(corpus.documents), truth)
    assert scores.recall >= 0.9
    assert scores.precision >= 0.9


def _blocks_of_families(size: int, seed: int) -> list[list[Document]]:
    """Generated documents in blocks of about a dozen, each family (an original and what was
    derived from it) kept in one block, as event clustering would keep it."""
    corpus = random_corpus(size, seed=seed)
    family = {doc.id: doc.id for doc in corpus.documents}
    for link in corpus.links:
        family[link.document] = family[link.of]
    blocks: dict[str, list[Document]] = {}
    for doc in corpus.documents:
        blocks.setdefault(family[doc.id], []).append(doc)
    merged: list[list[Document]] = [[]]
    for members in blocks.values():
        if len(merged[-1]) >= 12:
            merged.append([])
        merged[-1].extend(members)
    return merged


def test_lineage_blocks_give_the_same_links_on_workers_and_in_any_order() -> None:
    blocks = _blocks_of_families(400, seed=5)
    alone = lineage_in_blocks(blocks)
    assert len(alone) >= 100
    assert lineage_in_blocks(blocks, workers=2) == alone
    # a block's links do not depend on the blocks read before it
    assert lineage_in_blocks(list(reversed(blocks))) == alone
