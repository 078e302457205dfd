"""Explicit zero counts: a fate the text says befell no one ("no hostages were killed", "nobody
died", "the hostages were freed unharmed", "without a shot being fired") is a count of 0 for
the attribute of whoever was spared. Never for a fate that is not death or injury, for a part
of the group, for one phase, for a zero said provisionally, or in an article that itself counts
the same dead above 0.

The sentences are written for these tests (no third-party text)."""

from __future__ import annotations

import pytest
from tests.extract_support import facts

from veracity.extract import load_profile

PROFILE = load_profile("attack")

# a word of none, the group, its fate
DENIED_GROUP = [
    ("en", "No hostages were killed when the ferry was boarded."),
    ("es", "Ningún rehén murió durante el secuestro del ferry."),
    ("fr", "Aucun otage n'a été tué pendant la prise du ferry."),
    ("de", "Keine Geisel wurde bei der Entführung der Fähre getötet."),
    ("it", "Nessun ostaggio è morto durante il sequestro del traghetto."),
    ("pt", "Nenhum refém morreu durante o sequestro da balsa."),
    ("id", "Tidak ada sandera yang tewas dalam pembajakan kapal itu."),
    ("tl", "Walang bihag na namatay sa pagkuha ng barko."),
]


@pytest.mark.parametrize(("language", "text"), DENIED_GROUP)
def test_a_group_denied_death_is_none_of_that_group_dead(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("deaths.hostages") == [0], found
    assert "deaths.total" not in found, found  # the hostages spared say nothing of the rest


@pytest.mark.parametrize(("language", "text"), [
    ("en", "None of the hostages was hurt."),
    ("es", "Ninguno de los rehenes resultó herido."),
    ("fr", "Aucun des otages n'a été blessé."),
    ("de", "Keine der Geiseln wurde verletzt."),
    ("it", "Nessuno degli ostaggi è rimasto ferito."),
])
def test_a_group_not_hurt_is_neither_hurt_nor_dead(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("injured.hostages") == [0], found
    assert found.get("deaths.hostages") == [0], found


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Not a single kidnapper was killed in the forest."),
    ("es", "Ningún secuestrador murió en la selva."),
    ("fr", "Aucun ravisseur n'a été tué dans la forêt."),
    ("de", "Kein Entführer wurde im Wald getötet."),
])
def test_attackers_denied_death_are_none_of_the_attackers_dead(language, text):
    assert facts(PROFILE, text, language).get("deaths.perpetrators") == [0]


# "no one", "not a single", "ni un solo", "pas un seul": the "one" in them counts no one
@pytest.mark.parametrize(("language", "text", "attribute"), [
    ("en", "No one has been killed in the depot.", "deaths.total"),
    ("en", "Not a single kidnapper was killed in the forest.", "deaths.perpetrators"),
    ("es", "Ni un solo rehén ha muerto en el depósito.", "deaths.hostages"),
    ("fr", "Pas un seul otage n'a été tué dans le dépôt.", "deaths.hostages"),
    ("pt", "Nem um só refém morreu no depósito.", "deaths.hostages"),
])
def test_the_one_of_a_denial_is_no_count_of_one(language, text, attribute):
    assert facts(PROFILE, text, language).get(attribute) == [0]


# nobody, or the fate itself denied: no one at all
NOBODY = [
    ("en", "Nobody was killed in the fire at the depot."),
    ("en", "There were no deaths at the depot."),
    ("es", "Nadie murió en el incendio del depósito."),
    ("es", "No hubo muertos en el depósito."),
    ("fr", "Personne n'a été tué dans l'incendie du dépôt."),
    ("de", "Es gab keine Toten in dem Depot."),
    ("it", "Nessuno è morto nell'incendio del deposito."),
    ("pt", "Não houve vítimas no incêndio do depósito."),
    ("id", "Tidak ada korban jiwa dalam kebakaran gudang itu."),
]


@pytest.mark.parametrize(("language", "text"), NOBODY)
def test_no_one_dead_is_a_total_of_none_and_none_of_its_parts(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("deaths.total") == [0], found
    assert found.get("deaths.hostages") == [0], found
    assert found.get("deaths.perpetrators") == [0], found
    assert "injured.total" not in found, found  # no one killed says nothing of the wounded


# the whole group, then a negation before its fate
@pytest.mark.parametrize(("language", "text"), [
    ("en", "The hostages were not harmed."),
    ("es", "Los rehenes no resultaron heridos."),
    ("fr", "Les otages n'ont pas été blessés."),
    ("de", "Die Geiseln wurden nicht verletzt."),
    ("it", "Gli ostaggi non sono stati feriti."),
    ("id", "Para sandera tidak terluka."),
])
def test_the_hostages_not_hurt_are_none_hurt_or_dead(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("injured.hostages") == [0], found
    assert found.get("deaths.hostages") == [0], found


# the whole group unharmed
UNHURT = [
    ("en", "All the hostages were freed unharmed."),
    ("es", "Todos los rehenes fueron liberados ilesos."),
    ("fr", "Les otages sont sains et saufs."),
    ("de", "Alle Geiseln kamen unverletzt frei."),
    ("it", "Tutti gli ostaggi sono stati liberati illesi."),
    ("pt", "Todos os reféns foram libertados ilesos."),
]


@pytest.mark.parametrize(("language", "text"), UNHURT)
def test_all_the_hostages_unharmed_are_none_hurt_or_dead(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("injured.hostages") == [0], found
    assert found.get("deaths.hostages") == [0], found


BLOODLESS = [
    ("en", "The siege of the depot ended without a shot being fired."),
    ("es", "El asedio del depósito terminó sin disparar un solo tiro."),
    ("fr", "Le siège du dépôt s'est terminé sans effusion de sang."),
    ("de", "Die Belagerung des Depots endete ohne Blutvergießen."),
    ("it", "L'assedio del deposito è finito senza sparare un colpo."),
    ("pt", "O cerco ao depósito terminou sem disparar um tiro."),
    ("id", "Pengepungan gudang itu berakhir tanpa pertumpahan darah."),
]


@pytest.mark.parametrize(("language", "text"), BLOODLESS)
def test_an_end_without_a_shot_is_no_one_killed_or_hurt(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("deaths.total") == [0], found
    assert found.get("deaths.perpetrators") == [0], found
    assert found.get("injured.total") == [0], found


# ---------------------------------------------------------------- what is no zero
@pytest.mark.parametrize(("language", "text"), [
    ("en", "No hostages were released on Monday."),
    ("es", "Ningún rehén fue liberado el lunes."),
    ("fr", "Aucun otage n'a été libéré lundi."),
    ("de", "Keine Geisel wurde am Montag freigelassen."),
    ("en", "The police said nothing about casualties."),
    ("en", "The kidnappers threatened that no hostage would leave alive."),
])
def test_a_fate_other_than_death_or_injury_denied_is_no_count(language, text):
    found = facts(PROFILE, text, language)
    assert not any(a.startswith(("deaths.", "injured.")) for a in found), found


@pytest.mark.parametrize(("language", "text"), [
    ("en", "No one was killed at first. Later two hostages were killed by the gunmen."),
    ("es", "Ningún rehén murió el primer día. Después dos rehenes fueron asesinados."),
    ("fr", "Personne n'a été tué au début. Plus tard, deux otages ont été tués."),
    ("de", "Keine Geisel wurde zunächst getötet. Später wurden zwei Geiseln getötet."),
])
def test_an_article_that_counts_the_dead_gives_no_zero_for_them(language, text):
    found = facts(PROFILE, text, language)
    assert 0 not in found.get("deaths.hostages", []), found
    assert 0 not in found.get("deaths.total", []), found


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The rest of the hostages were freed unharmed."),
    ("es", "Los demás rehenes fueron liberados ilesos."),
    ("fr", "Les autres otages ont été libérés sains et saufs."),
    ("de", "Alle übrigen Geiseln kamen unverletzt frei."),
    ("it", "Gli altri ostaggi sono stati liberati illesi."),
    ("en", "Fifteen hostages were freed unharmed."),
    ("en", "No other hostage was killed."),
])
def test_a_part_of_the_group_unharmed_is_no_zero(language, text):
    found = facts(PROFILE, text, language)
    assert 0 not in found.get("deaths.hostages", []), found
    assert 0 not in found.get("injured.hostages", []), found


@pytest.mark.parametrize(("language", "text"), [
    ("en", "None of the hostages died during the assault."),
    ("es", "Ningún rehén murió durante el asalto."),
    ("fr", "Aucun otage n'a été tué lors de l'assaut."),
    ("de", "Keine Geisel wurde bei der Erstürmung getötet."),
])
def test_a_zero_of_one_phase_is_no_zero_of_the_event(language, text):
    assert 0 not in facts(PROFILE, text, language).get("deaths.hostages", [])


@pytest.mark.parametrize(("language", "text"), [
    ("en", "So far no one has been killed."),
    ("es", "Hasta ahora nadie ha muerto."),
    ("fr", "Jusqu'ici, personne n'a été tué."),
    ("de", "Bisher gab es keine Toten."),
])
def test_a_zero_said_so_far_is_no_count(language, text):
    assert "deaths.total" not in facts(PROFILE, text, language)


@pytest.mark.parametrize("text", [
    "Никто из заложников не пострадал.",
    "Все заложники освобождены невредимыми.",
])
def test_russian_hostages_spared_are_none_dead(text):
    assert facts(PROFILE, text, "ru").get("deaths.hostages") == [0]


def test_a_zero_leaves_the_dates_of_its_sentence_alone():
    text = "Nobody was killed when the siege at the depot ended on 3 May 2019."
    found = facts(PROFILE, text, "en")
    assert found.get("deaths.total") == [0], found
    assert found.get("event.end_date") == ["2019-05-03"], found


# "all the hostages were freed" is no hostage killed; said under a condition it did not happen
@pytest.mark.parametrize(("language", "freed", "conditional"), [
    ("en", "All the hostages were released.",
     "The ministry would send no fuel for the jet unless all passengers were released."),
    ("es", "Todos los rehenes fueron liberados.",
     "El ministerio no enviaría combustible para el avión a menos que todos los pasajeros "
     "fueran liberados."),
    ("fr", "Tous les otages ont été libérés.",
     "Le ministère n'enverrait pas de carburant pour l'avion à moins que tous les passagers "
     "soient libérés."),
    ("de", "Alle Geiseln wurden freigelassen.",
     "Das Ministerium schickte nur Treibstoff für den Jet, wenn alle Passagiere freigelassen "
     "würden."),
])
def test_zeros_all_freed_is_none_killed_unless_said_under_a_condition(language, freed, conditional):
    assert facts(PROFILE, freed, language).get("deaths.hostages") == [0]
    assert "deaths.hostages" not in facts(PROFILE, conditional, language)
