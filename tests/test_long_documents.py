"""One long document: read whole and right, by steps whose cost grows with its length only.

(How long they take is measured by benchmarks/long_document.py, never asserted here.)
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from veracity.extract import extract_claims, load_profile
from veracity.extract.lexicon import fold_word
from veracity.extract.named import _Folded
from veracity.extract.names import alias_pairs
from veracity.extract.text import split_sentences
from veracity.model import Claim, Document
from veracity.resolve import record as record_module
from veracity.resolve.record import build_table, reconcile
from veracity.values import Count

PROFILE = load_profile("attack")
# sentences written for these tests
DATED = "On 9 June 2004 gunmen seized 27 hostages in the Lindqvist ferry office."
DEMAND = "They demanded the release of their jailed comrades and a plane."
OTHER_DEMAND = "Later they demanded a ransom paid in gold coins and safe passage."


def _document(text: str) -> Document:
    return Document(id="long", text=text, language="en")


def test_long_one_line_document_gives_every_sentence_its_claims():
    n = 400
    text = " ".join([DATED] * n)  # one line, no line break at all
    claims = extract_claims(_document(text), PROFILE).claims
    dates = [c for c in claims if c.attribute == "event.start_date"]
    counts = [c for c in claims if c.attribute == "hostages.initial"]
    assert len(dates) == n and len(counts) == n
    assert [c.start for c in dates] == sorted(c.start for c in dates)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.quote == DATED
    assert {c.value.to_json() for c in dates} == {"2004-06-09"}
    assert {c.value.to_json() for c in counts} == {27}


def test_long_line_sentences_end_before_their_spaces():
    text = "   ".join([DATED] * 50) + "   "
    sentences = split_sentences(text)
    assert len(sentences) == 50
    for sentence in sentences:
        assert sentence.text == DATED
        assert text[sentence.start : sentence.end] == DATED


def test_long_document_states_its_demand_once_however_often_it_repeats():
    # the first demand of a document is its demand; later ones are not read as more of them
    text = " ".join([DATED, DEMAND, DATED, OTHER_DEMAND] * 30)
    claims = extract_claims(_document(text), PROFILE).claims
    demands = [c for c in claims if c.attribute == "demands"]
    assert len(demands) == 1
    assert demands[0].start == text.index("the release")


def test_long_line_finds_an_acronym_pair_far_from_the_line_start():
    filler = "Nothing of note happened in the harbour that week. " * 2000
    text = filler + "The Saltmarsh Liberation Army (SLA) claimed the attack."
    assert ("SLA", "Saltmarsh Liberation Army") in alias_pairs(text, PROFILE.connectors)
    # the name is read on its own line only
    split = "The Saltmarsh Liberation\nArmy (SLA) claimed it."
    assert ("SLA", "Saltmarsh Liberation Army") not in alias_pairs(split, PROFILE.connectors)


_CHARS = st.sampled_from([*"aZ é É ß ﬁ ﬃ İ Œ œ ǅ ㎏ ] ^ - \\ Москве", "\u0301", "\u00a0"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=40).map("".join))
def test_long_folded_text_maps_every_character_back(text: str):
    folded = _Folded(text)
    expected, origin = "", []
    for i, ch in enumerate(text):
        expected += fold_word(ch)
        origin += [i] * len(fold_word(ch))
    assert folded.text == expected
    assert [folded.origin(p) for p in range(len(expected))] == origin


def _claim(k: int, document: str, n: int) -> Claim:
    return Claim(
        id=f"{document}#{k}",
        document=document,
        attribute="hostages.initial",
        value=Count.exact(n),
        text=str(n),
        quote=f"{n} hostages",
        start=0,
        end=len(str(n)),
    )


def test_long_document_of_many_figures_keeps_the_best_stated_as_candidates(monkeypatch):
    monkeypatch.setattr(record_module, "MAX_CANDIDATES", 4)
    claims = [_claim(0, d, 40) for d in ("a", "b", "c")]
    claims += [_claim(k, "d", n) for k, n in enumerate(range(1, 11))]
    docs = ["a", "b", "c", "d"]
    table = build_table("e1", claims, docs, {})
    assert [v.to_json() for v in table.values] == [40, 1, 2, 3]  # most documents, then first
    assert sorted(c.value.to_json() for _item, c in table.unranked) == list(range(4, 11))

    outcome = reconcile("e1", claims, docs, {})
    assert outcome.record["hostages.initial"].value == Count.exact(40)
    # every claim is judged, the ones left out of the candidates too
    assert set(outcome.verdicts) == {c.id for c in claims}
    assert {outcome.verdicts[c.id] for c in claims if c.document == "d"} == {"contradicted"}
    assert {outcome.verdicts[c.id] for c in claims if c.document != "d"} == {"supported"}
    shown = {a.value.to_json() for a in outcome.record["hostages.initial"].alternatives}
    assert shown == {1, 2, 3}
