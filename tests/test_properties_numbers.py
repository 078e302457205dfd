"""Numbers: spelled or in digits, they read back as the number written, and never raise."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reference_spellers import FRAMES, SPELLERS
from veracity.extract.numbers import find_numbers
from veracity.extract.text import split_sentences
from veracity.values import Count

LANGUAGES = ["en", "es", "pt", "fr", "de", "it", "id", "tl"]
BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mentions(text: str, language: str):
    sentences = split_sentences(text)
    return [(m, text[m.start : m.end]) for s in sentences for m in find_numbers(s, language, set())]


def _only_count(text: str, language: str) -> tuple[Count, str]:
    found = _mentions(text, language)
    assert len(found) == 1, (text, found)
    return found[0][0].value, found[0][1]


# one is left out: "un"/"a" double as articles and are read as numbers only in digits
_WHOLE = st.integers(min_value=2, max_value=999_999_999)


@pytest.mark.parametrize("language", sorted(SPELLERS))
@BOUNDED
@given(n=_WHOLE)
def test_numbers_spelled_numbers_read_back(language: str, n: int):
    words = SPELLERS[language](n)
    value, surface = _only_count(FRAMES[language].format(words), language)
    assert value == Count.exact(float(n))
    assert surface == words


_SEPARATORS = {
    "en": [",", "\u00a0", "\u202f"],
    "es": [".", "\u00a0", "\u202f"],
    "id": [".", "\u00a0"],
    "de": [".", "\u00a0", "\u202f"],
    "fr": ["\u00a0", "\u202f"],
}


@pytest.mark.parametrize("language", sorted(_SEPARATORS))
@BOUNDED
@given(n=st.integers(min_value=0, max_value=10**12), data=st.data())
def test_numbers_digits_with_thousands_separators_read_back(language: str, n: int, data):
    separator = data.draw(st.sampled_from([*_SEPARATORS[language], None]))
    written = str(n) if separator is None else f"{n:,}".replace(",", separator)
    value, surface = _only_count(FRAMES[language].format(written), language)
    assert value == Count.exact(float(n))
    assert surface == written


@BOUNDED
@given(low=st.integers(2, 5000), width=st.integers(1, 5000))
def test_numbers_between_reads_a_range_containing_both_ends(low: int, width: int):
    high = low + width
    value, _ = _only_count(f"Officials said between {low} and {high} people were held.", "en")
    assert (value.low, value.high) == (low, high)
    assert value.contains(low) and value.contains(high) and not value.is_point


@BOUNDED
@given(n=st.integers(10, 100_000))
def test_numbers_about_reads_a_range_around_the_number(n: int):
    value, surface = _only_count(f"Officials said about {n} people were held.", "en")
    assert value.contains(n) and not value.is_point and surface == f"about {n}"


@BOUNDED
@given(n=st.integers(2, 100_000))
def test_numbers_more_than_reads_an_open_lower_bound(n: int):
    value, _ = _only_count(f"Officials said more than {n} people were held.", "en")
    assert value.low == n and value.high is None


_PIECES = [
    *list("0123456789 ,.-–:;()%$\xa0\u202f\n"),
    *[
        "and",
        "to",
        "about",
        "between",
        "all",
        "a",
        "hundred",
        "thousand",
        "one",
        "million",
        "dua",
        "puluh",
        "ratus",
        "y",
        "mil",
        "un",
    ],
    " ",
]
_NOISE = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_NOISE, st.text(max_size=120)), language=st.sampled_from(LANGUAGES))
def test_numbers_never_raise_and_spans_stay_in_their_sentence(text: str, language: str):
    for sentence in split_sentences(text):
        for m in find_numbers(sentence, language, set()):
            assert sentence.start <= m.start < m.end <= sentence.end
            assert m.value.low >= 0
            assert m.value.high is None or m.value.high >= m.value.low
            assert 0 <= m.first <= m.last <= len(sentence.words)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=120), language=st.sampled_from(LANGUAGES))
def test_numbers_taken_words_are_never_read(text: str, language: str):
    for sentence in split_sentences(text):
        taken = set(range(len(sentence.words)))
        assert [m for m in find_numbers(sentence, language, taken) if not m.all] == []
