"""Sentences and words: offsets point at the text they name, nothing is dropped, size is bounded."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from veracity.extract.text import MAX_SENTENCE_WORDS, split_sentences

_WORDS = re.compile(r"\d+|[^\W\d_]+")
_PIECES = st.sampled_from(
    [
        "Police",
        "said",
        "the",
        "siege",
        "ended",
        ".",
        ",",
        ";",
        " ",
        " ",
        "\n",
        "\n\n",
        "Dr.",
        "U.S.",
        "3",
        "1,000",
        "!",
        "?",
        "\u00a0",
        "«",
        "»",
        "“",
        "”",
        "中文",
        "عربي",
        "e\u0301",
    ]
)
_TEXT = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=80).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_text_sentences_point_into_the_text_in_order(text: str):
    previous_end = 0
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text and s.text.strip()
        assert s.start >= previous_end
        previous_end = s.end
        for (start, end), _word in zip(s.spans, s.words, strict=True):
            assert s.start <= start < end <= s.end


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_text_every_word_lands_in_exactly_one_sentence(text: str):
    expected = [m.span() for m in _WORDS.finditer(text)]
    found = [span for s in split_sentences(text) for span in s.spans]
    assert found == expected


@settings(max_examples=30, deadline=None)
@given(
    words=st.integers(MAX_SENTENCE_WORDS + 1, 5 * MAX_SENTENCE_WORDS),
    joiner=st.sampled_from([" ", ", ", "; ", " and "]),
)
def test_text_run_on_sentences_are_cut_to_a_bounded_length(words: int, joiner: str):
    text = joiner.join(f"item{k % 7}" for k in range(words)) + "."
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.words) <= MAX_SENTENCE_WORDS for s in sentences)
    assert sum(len(s.words) for s in sentences) == len(_WORDS.findall(text))


@settings(max_examples=100, deadline=None)
@given(text=_TEXT, data=st.data())
def test_text_word_index_at_finds_the_first_word_at_or_after(text: str, data):
    for s in split_sentences(text):
        offset = data.draw(st.integers(s.start - 1, s.end + 1))
        expected = next((i for i, (a, _b) in enumerate(s.spans) if a >= offset), len(s.spans))
        assert s.word_index_at(offset) == expected
