"""Places read as one id whatever the language: the gazetteer behind event clustering."""

from __future__ import annotations

from veracity.events.features import features
from veracity.events.places import lookup


def _places(text: str, language: str = "en") -> set[str]:
    return {f for f in features(text, language) if f[0] in "gr"}


def test_event_places_one_city_in_every_language():
    english = _places("Gunmen held forty guests in a hotel in Moscow for two days.")
    german = _places("Bewaffnete hielten in Moskau vierzig Gäste fest.", "de")
    italian = _places("Uomini armati hanno sequestrato quaranta ospiti a Mosca.", "it")
    assert english == german == italian
    assert any(f.startswith("g") for f in english) and "rRU" in english


def test_event_places_countries_by_their_local_names():
    assert "rRU" in _places("Die Regierung von Russland schwieg.", "de")
    assert "rPH" in _places("Nagpulong ang mga opisyal sa Pilipinas kahapon.", "tl")
    assert "rDE" in _places("Ang embahada ng Alemanya ay sarado.", "tl")


def test_event_places_inflected_forms_and_demonyms():
    assert lookup(["moskauer"], 0) == lookup(["moskau"], 0)
    assert lookup(["russlands"], 0) == lookup(["russland"], 0)
    assert lookup(["chilean"], 0) == lookup(["chile"], 0)
    assert lookup(["malik"], 0) == ((), 0)  # a name that merely starts like Mali


def test_event_places_longest_name_first():
    found, size = lookup(["rio", "de", "janeiro", "police"], 0)
    assert size == 3 and found[-1] == "rBR"


def test_event_places_common_word_written_in_lower_case_is_no_place():
    text = "Police said the police station in Leeds had been closed."
    places = _places(text)
    assert lookup(["police"], 0)[0]  # a town of that name exists
    assert places == {f for f in lookup(["leeds"], 0)[0]}


def test_event_places_words_of_a_link_do_not_hide_a_name():
    text = "https://example.org/moscow-siege-report\nThe siege in Moscow ended at dawn."
    assert set(lookup(["moscow"], 0)[0]) <= set(features(text))
