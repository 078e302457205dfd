"""Names: every mention's span holds its words; the acronym test agrees with a plain reading."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from veracity.extract import load_profile
from veracity.extract.names import (
    acronym_of,
    alias_pairs,
    capitalised_runs,
    cities_in,
    countries_in,
    operation_names,
    organisation_mentions,
    person_after,
)

PROFILE = load_profile("attack")
_PIECES = st.sampled_from(
    [
        "Red",
        "Harbour",
        "Front",
        "Movement",
        "Operation",
        "Storm",
        "de",
        "la",
        "of",
        "the",
        "RHF",
        "MLN-7",
        "Veldmark",
        "Lima",
        "Peru",
        "led",
        "by",
        "(",
        ")",
        ".",
        ",",
        "'",
        "’",
        "-",
        "\t",
        "\n",
        "Élan",
        "Ñandú",
        "İzmir",
        "ǅemal",
        "Straße",
        "ﬁnal",
        "e\u0301",
    ]
)
_TEXT = st.one_of(st.text(max_size=150), st.lists(_PIECES, max_size=40).map(" ".join))
_LANGUAGES = st.sampled_from(sorted(PROFILE.languages))


def _spaced(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, offset=st.integers(0, 10_000), language=_LANGUAGES)
def test_names_mentions_point_at_their_words(text: str, offset: int, language: str):
    for m in capitalised_runs(text, offset, PROFILE.connectors):
        assert text[m.start - offset : m.end - offset] == m.text and m.text
    for m in organisation_mentions(text, offset, PROFILE, language):
        assert text[m.start - offset : m.end - offset] == m.text
    for m in operation_names(text, offset, PROFILE, language):
        # the name is shown with single spaces; its span keeps the text's own spacing
        assert _spaced(text[m.start - offset : m.end - offset]) == m.text
    person = person_after(text, offset, offset, PROFILE.connectors)
    if person is not None:
        assert text[person.start - offset : person.end - offset] == person.text


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, language=_LANGUAGES)
def test_names_helpers_never_raise(text: str, language: str):
    for acronym, full in alias_pairs(text, PROFILE.connectors):
        assert acronym and full
    assert all(v > 0 for v in countries_in(text, language).values())
    assert all(v > 0 for v in cities_in(text, None).values())
    cities_in(text, "Peru")


_CAPITAL_WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).map(str.title),
    min_size=2,
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(words=_CAPITAL_WORDS)
def test_names_acronym_of_its_initials(words: list[str]):
    name = " ".join(words)
    initials = "".join(w[0] for w in words)
    assert acronym_of(initials, name, PROFILE.connectors)
    assert not acronym_of(initials[::-1] + "Q", name, PROFILE.connectors)


def test_names_operation_repeated_cue_word_points_at_the_name():
    text = "Troops began Operation Operation Dawn at night."
    (m,) = operation_names(text, 0, PROFILE, "en")
    assert text[m.start : m.end] == m.text == "Operation Dawn"


def test_names_operation_name_span_keeps_its_spacing():
    text = "Troops began Operation Silver\tDawn at night."
    (m,) = operation_names(text, 0, PROFILE, "en")
    assert m.text == "Silver Dawn" and text[m.start : m.end] == "Silver\tDawn"
