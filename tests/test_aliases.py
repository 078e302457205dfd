"""One organisation under several names: acronyms, spellings and translations.

Names are invented for these tests."""

from __future__ import annotations

from veracity.extract import load_profile
from veracity.resolve.aliases import link_names


def groups(names: list[str], pairs: tuple[tuple[str, str], ...] = ()) -> int:
    profile = load_profile("attack")
    group_of, _display = link_names(names, pairs, profile.connectors, profile.generic_name_words)
    return len(set(group_of.values()))


def test_aliases_translation_of_a_name_is_the_same_group():
    names = ["Popular Front for the Liberation of Valdora", "Frente Popular para la Liberación de Valdora"]
    assert groups(names) == 1


def test_aliases_names_sharing_only_one_word_stay_apart():
    assert groups(["Islamic Army", "Islamic Brigade"]) == 2
    assert groups(["Red Dawn Movement", "Red Star Movement"]) == 2


def test_aliases_acronym_stated_beside_a_name_joins_it():
    assert groups(["VLF", "Valdoran Liberation Front"], (("VLF", "Valdoran Liberation Front"),)) == 1


def test_aliases_a_one_word_name_translated_with_its_generic_words_is_the_same_group():
    assert groups(["Amazonian Liberation Front", "Frente de Liberación Amazónico"]) == 1


def test_aliases_one_word_names_of_other_shapes_or_stems_stay_apart():
    assert groups(["Amazonian Liberation Front", "Frente de Liberación del Sur"]) == 2
    assert groups(["Amazonian Front", "Frente Amazónico"]) == 2  # one generic word: too little
