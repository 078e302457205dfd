"""Whole-document extraction and ingest on arbitrary input: valid claims or a clear InputError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veracity.errors import InputError
from veracity.extract import extract_claims, load_profile
from veracity.ingest.html_text import html_to_text
from veracity.ingest.readers import load_documents
from veracity.model import Document

PROFILE = load_profile("attack")
LANGUAGES = frozenset(PROFILE.languages)
_PIECES = st.sampled_from(
    [
        "Gunmen",
        "held",
        "40",
        "hostages",
        "forty",
        "on",
        "2",
        "March",
        "2011",
        ".",
        ",",
        "\n",
        "killed",
        "three",
        "police",
        "officers",
        "Operation",
        "Dawn",
        "between",
        "and",
        "about",
        "Red",
        "Harbour",
        "Front",
        "(RHF)",
        "led",
        "by",
        "Ana",
        "Ruiz",
        "rehenes",
        "muertos",
        "sandera",
        "tewas",
        "中文",
        "\u200b",
        "\u202e",
        "<p>",
        "</p>",
        "<script>",
        "&amp;",
        "é",
    ]
)
_TEXT = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=80).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, language=st.sampled_from(sorted(LANGUAGES | {"zz"})))
def test_extract_claims_quote_the_words_their_offsets_point_at(text: str, language: str):
    doc = Document("d", text, language)
    found = extract_claims(doc, PROFILE)
    for claim in found.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert claim.text.strip() and claim.quote.strip()
        assert claim.document == "d"
    assert len({c.id for c in found.claims}) == len(found.claims)


@settings(max_examples=200, deadline=None)
@given(html=st.one_of(st.text(max_size=300), _TEXT))
def test_extract_html_to_text_never_raises(html: str):
    _title, text = html_to_text(html)
    assert "\n\n\n" not in text and text == text.strip()
    assert "<script" not in text.lower() or "<script" in html.lower()


_RAW = st.one_of(
    st.binary(max_size=300),
    _TEXT.map(lambda t: t.encode("utf-8")),
    _TEXT.map(lambda t: t.encode("utf-16")),
    st.lists(
        st.sampled_from(
            [
                b'{"id": "a", "text": "Ten hostages."}',
                b"{",
                b"[]",
                b'{"id": 1}',
                b"\n",
                b'{"id": "b", "text": ""}',
                b"\xff",
                b"\x00",
                b'"x"',
                b'{"id": "c", "text": 3}',
            ]
        ),
        max_size=6,
    ).map(b"\n".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_RAW, suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_extract_ingest_reads_or_refuses_with_an_input_error(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(data)
        try:
            documents = load_documents([path], LANGUAGES)
        except InputError as err:
            assert str(path) in str(err)
            return
    assert documents and all(d.text.strip() and d.id for d in documents)
