"""Which hostages a figure counts: the ones taken at the start, the ones still held at the end,
or the band that took them. A figure held through a long length, held after others were freed,
or said to remain is the end's (hostages.final), not the start's; a count of people before a
verb of taking with a counted object is the band. Parts listed with "and"/"sowie" add up.

The sentences are written for these tests (no third-party text)."""

from __future__ import annotations

import pytest
from tests.extract_support import facts

from veracity.extract import load_profile

PROFILE = load_profile("attack")


def _roles(language: str, text: str) -> dict[str, list[object]]:
    found = facts(PROFILE, text, language)
    return {k: v for k, v in found.items() if k.startswith(("hostages.", "perpetrator."))}


HELD_THROUGHOUT = [
    ("en", "The militants stormed the embassy and took 66 people hostage. "
     "They held 52 diplomats hostage for 444 days.", 52),
    ("it", "I militanti presero in ostaggio 66 persone. "
     "I sequestratori tennero in ostaggio 52 diplomatici per ben 444 giorni.", 52),
    ("fr", "Les guérilleros ont pris en otage 60 personnes. "
     "Les preneurs d'otages ont retenu 18 personnes pendant 61 jours.", 18),
    ("de", "Die Entführer nahmen 60 Menschen als Geiseln. "
     "Die Entführer hielten 18 Geiseln 61 Tage lang fest.", 18),
    ("id", "Para mahasiswa menyandera 66 orang. "
     "Kelompok itu menyandera 52 diplomat selama 444 hari.", 52),
    ("es", "La guerrilla tomó como rehenes a 60 personas. "
     "Los guerrilleros mantuvieron a 18 rehenes durante 61 días.", 18),
]


@pytest.mark.parametrize(("language", "text", "count"), HELD_THROUGHOUT)
def test_a_figure_held_through_a_long_length_beside_more_taken_is_the_ones_left(
    language, text, count
):
    found = _roles(language, text)
    assert found.get("hostages.final") == [count], found
    assert count not in found.get("hostages.initial", []), found


HELD_THROUGHOUT_ALONE = [
    ("en", "The militants held 52 diplomats hostage for 444 days.", 52),
    ("es", "Los guerrilleros mantuvieron a 18 rehenes durante 61 días.", 18),
    ("de", "Die Entführer hielten 18 Geiseln 61 Tage lang fest.", 18),
    ("id", "Kelompok itu menyandera 52 diplomat selama 444 hari.", 52),
]


@pytest.mark.parametrize(("language", "text", "count"), HELD_THROUGHOUT_ALONE)
def test_a_figure_held_through_a_long_length_alone_is_the_ones_taken(language, text, count):
    found = _roles(language, text)
    assert found.get("hostages.initial") == [count], found
    assert "hostages.final" not in found, found


NOT_HELD_THROUGHOUT = [
    # hours: a siege's hostages, not the ones left
    ("en", "The gunman held 18 hostages for 17 hours.", 18),
    ("es", "El atacante retuvo a 18 rehenes durante 17 horas.", 18),
    # a round figure is the crowd taken
    ("en", "The rebels held nearly 60 people hostage for 61 days.", {"low": 54, "high": 60}),
    ("es", "Los guerrilleros tomaron como rehenes a unas 60 personas durante 61 días.",
     {"low": 54, "high": 66}),
    # the length is not one of holding them
    ("de", "Die entführte Maschine mit 220 Passagieren an Bord stand zwei Tage lang in Algier.",
     220),
    ("fr", "L'avion détourné, avec 220 passagers à bord, resta deux jours à Alger.", 220),
]


@pytest.mark.parametrize(("language", "text", "count"), NOT_HELD_THROUGHOUT)
def test_a_figure_held_for_hours_or_rounded_or_beside_another_length_is_the_ones_taken(
    language, text, count
):
    found = _roles(language, text)
    assert count in found.get("hostages.initial", []), found
    assert "hostages.final" not in found, found


HELD_AFTER_RELEASE = [
    ("en", "The women were freed, and 40 men were held hostage.", 40),
    ("de", "Die meisten Passagiere wurden freigelassen, doch die Entführer hielten 56 Geiseln "
     "fest.", 56),
    ("fr", "Les femmes ont été libérées, mais les pirates ont retenu 40 otages.", 40),
    ("it", "Le donne sono state liberate, ma i dirottatori hanno trattenuto 40 ostaggi.", 40),
]


@pytest.mark.parametrize(("language", "text", "count"), HELD_AFTER_RELEASE)
def test_a_figure_held_after_others_were_freed_is_the_ones_left(language, text, count):
    found = _roles(language, text)
    assert found.get("hostages.final") == [count], found
    assert "hostages.initial" not in found, found


RELEASE_NOT_BEFORE = [
    ("en", "The hijackers took 150 hostages and later released 20 of them.", 150),
    ("en", "The gunmen, who demanded the release of prisoners, held 80 hostages.", 80),
    ("fr", "Les pirates ont pris 150 otages, puis en ont libéré vingt.", 150),
    ("it", "I dirottatori presero 150 ostaggi e poi ne liberarono venti.", 150),
]


@pytest.mark.parametrize(("language", "text", "count"), RELEASE_NOT_BEFORE)
def test_a_release_after_the_figure_or_demanded_leaves_it_the_ones_taken(language, text, count):
    found = _roles(language, text)
    assert found.get("hostages.initial") == [count], found


REMAINING = [
    ("es", "Después de la liberación de los niños, 37 rehenes permanecieron en manos del comando.", 37),
    ("es", "Al final, 52 personas quedaron retenidas en la embajada.", 52),
    ("fr", "Il reste à bord 173 passagers.", 173),
    ("de", "In der Botschaft verblieben 52 Geiseln.", 52),
    ("it", "Nella banca sono rimasti in ostaggio 12 impiegati.", 12),
    ("id", "Sebanyak 42 orang masih ditahan di dalam gedung.", 42),
]


@pytest.mark.parametrize(("language", "text", "count"), REMAINING)
def test_a_figure_said_to_remain_is_the_ones_left(language, text, count):
    found = _roles(language, text)
    assert found.get("hostages.final") == [count], found
    assert "hostages.initial" not in found, found


def test_remaining_of_a_fate_is_that_fate():
    found = facts(PROFILE, "Nell'attentato 85 persone sono rimaste uccise.", "it")
    assert found.get("deaths.total") == [85], found
    assert "hostages.final" not in found, found


TAKERS = [
    ("en", "Four men took 191 people hostage.", 4, 191),
    ("id", "Lima orang menyandera 30 penumpang.", 5, 30),
    ("es", "Cuatro personas secuestraron a 50 pasajeros.", 4, 50),
    ("pt", "Quatro pessoas sequestraram 50 passageiros.", 4, 50),
    ("it", "Quattro persone sequestrarono 50 passeggeri.", 4, 50),
    ("fr", "Quatre personnes ont pris 50 passagers en otage.", 4, 50),
]


@pytest.mark.parametrize(("language", "text", "band", "taken"), TAKERS)
def test_people_counted_before_a_taking_of_counted_people_are_the_band(
    language, text, band, taken
):
    found = _roles(language, text)
    assert found.get("hostages.initial") == [taken], found
    assert found.get("perpetrator.count") == [band], found


def test_some_others_of_the_band_are_no_count_of_it():
    found = _roles("id", "Empat orang lainnya menyandera 191 orang.")
    assert found.get("hostages.initial") == [191], found
    assert "perpetrator.count" not in found, found


NOT_TAKERS = [
    ("en", "The hijacked jet carried 139 passengers aboard, including 12 crew.",
     [139, {"low": 12, "high": None}]),
    ("it", "L'aereo dirottato portava 138 passeggeri a bordo e 10 membri dell'equipaggio.",
     [138, 10]),
    ("fr", "L'avion détourné transportait 239 personnes à bord, dont 12 membres d'équipage.",
     [239, {"low": 12, "high": None}]),
    ("pt", "O avião sequestrado levava 48 passageiros a bordo e cinco tripulantes.", [48, 5]),
]


@pytest.mark.parametrize(("language", "text", "taken"), NOT_TAKERS)
def test_people_aboard_beside_more_people_are_no_band(language, text, taken):
    found = _roles(language, text)
    assert found.get("hostages.initial") == taken, found
    assert "perpetrator.count" not in found, found


SUMMED = [
    ("es", "En el hotel había 140 huéspedes y 30 trabajadores cuando empezó el secuestro.", 170),
    ("de", "An Bord der entführten Maschine befanden sich 82 Passagiere sowie fünf "
     "Crewmitglieder.", 87),
    ("en", "The gunmen took 125 guests and 13 employees hostage.", 138),
    ("fr", "Les assaillants ont pris en otage 125 clients et 13 employés.", 138),
]


@pytest.mark.parametrize(("language", "text", "total"), SUMMED)
def test_guests_and_crew_listed_together_add_up(language, text, total):
    found = _roles(language, text)
    assert total in found.get("hostages.initial", []), found
