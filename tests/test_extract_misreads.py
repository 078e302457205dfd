"""Numbers read into the wrong attribute: the missing summed with the dead, a time of day or a
unit's name read as people, the forces' members read as attackers, a death sentence read as a
death. Each construction in several of the profile's languages.

The sentences are written for these tests (no third-party text)."""

from __future__ import annotations

import pytest
from tests.extract_support import facts

from veracity.extract import load_profile

PROFILE = load_profile("attack")

# "N dead and M missing": two tolls, never one of N + M
MISSING = [
    ("en", "The flood at the mine left 31 dead and 18 missing."),
    ("en", "The blast killed 31 people and 18 were still missing."),
    ("es", "El derrumbe dejó 31 muertos y 18 desaparecidos."),
    ("fr", "L'effondrement a fait 31 morts et 18 disparus."),
    ("de", "Der Einsturz forderte 31 Tote und 18 Vermisste."),
    ("it", "Il crollo ha causato 31 morti e 18 dispersi."),
    ("id", "Longsor itu menewaskan 31 orang dan 18 orang hilang."),
    ("tl", "Namatay ang 31 katao at 18 ang nawawala."),
    ("ru", "Погиб 31 человек, 18 пропали без вести."),
]


@pytest.mark.parametrize(("language", "sentence"), MISSING)
def test_misread_the_missing_are_not_added_to_the_dead(language, sentence):
    found = facts(PROFILE, sentence, language)
    assert found.get("deaths.total") == [31], found
    assert found.get("other.missing") == [18], found


# a time of day, a unit's or a flight's name, a day of the month: nobody counted
NOT_PEOPLE = [
    ("fr", "Les otages ont été libérés à 2 h 07 par les commandos.", 7),
    ("fr", "Vers 12h30, des assaillants ont surgi devant la banque.", 30),
    ("es", "A las 14h45 los secuestradores liberaron a los rehenes.", 45),
    ("en", "Commandos of the GSG 9 unit stormed the plane.", 9),
    ("it", "Gli agenti del NOCS 4 hanno fatto irruzione nella banca.", 4),
    ("fr", "Le 6, un commando d'insurgés s'empare de la mairie.", 6),
    ("es", "El 24, los secuestradores liberaron a los rehenes.", 24),
    ("it", "Il 12, i rapitori hanno liberato gli ostaggi.", 12),
]


@pytest.mark.parametrize(("language", "sentence", "number"), NOT_PEOPLE)
def test_misread_clocks_names_and_days_count_nobody(language, sentence, number):
    found = facts(PROFILE, sentence, language)
    counts = [v for a, vs in found.items() if "date" not in a for v in vs]
    assert number not in counts and {"low": number, "high": None} not in counts, found


# members of the forces are the forces, not the attackers
FORCES = [
    ("en", "Forty members of the police special unit surrounded the bank.", 40),
    ("es", "Cuarenta miembros de las fuerzas especiales rodearon el banco.", 40),
    ("fr", "Une quarantaine de membres de la gendarmerie ont encerclé la banque.", 40),
    ("de", "Vierzig Mitglieder der Polizei-Spezialeinheit umstellten die Bank.", 40),
    ("id", "Empat puluh anggota pasukan khusus mengepung bank itu.", 40),
]


@pytest.mark.parametrize(("language", "sentence", "number"), FORCES)
def test_misread_members_of_the_forces_are_no_attackers(language, sentence, number):
    found = facts(PROFILE, sentence, language)
    counts = found.get("perpetrator.count", [])
    assert all((v if isinstance(v, (int, float)) else v["low"]) < number - 5 for v in counts), found


def test_misread_members_of_the_band_stay_attackers():
    assert facts(PROFILE, "Twelve members of the Black Lantern group seized the bank.")[
        "perpetrator.count"
    ] == [12]
    assert facts(PROFILE, "Doce miembros del grupo armado tomaron el banco.", "es")[
        "perpetrator.count"
    ] == [12]


# a death sentence is a trial's outcome, nobody's death
SENTENCED = [
    ("en", "A court sentenced two men to death over the bank siege."),
    ("fr", "Deux hommes ont été condamnés à mort pour la prise d'otages."),
    ("es", "El tribunal condenó a muerte a dos hombres por el asalto."),
    ("it", "Due uomini sono stati condannati a morte per il sequestro."),
    ("id", "Pengadilan menjatuhkan hukuman mati kepada dua orang pelaku."),
]


@pytest.mark.parametrize(("language", "sentence"), SENTENCED)
def test_misread_a_death_sentence_is_no_death(language, sentence):
    found = facts(PROFILE, sentence, language)
    assert not any(a.startswith("deaths.") for a in found), found


# the agent of a passive taking: the people after "by" are the band, not the hostages
AGENTS = [
    ("en", "The airliner was hijacked by 4 men shortly after take-off.", 4),
    ("fr", "L'avion a été détourné par 4 hommes peu après le décollage.", 4),
    ("it", "L'aereo è stato dirottato da 4 uomini poco dopo il decollo.", 4),
    ("pt", "O avião foi sequestrado por 4 pessoas logo após a decolagem.", 4),
    ("id", "Pesawat itu dibajak oleh empat orang tak lama setelah lepas landas.", 4),
]


@pytest.mark.parametrize(("language", "sentence", "number"), AGENTS)
def test_misread_the_agent_of_a_hijacking_is_no_hostage(language, sentence, number):
    found = facts(PROFILE, sentence, language)
    assert number not in found.get("hostages.initial", []), found


# an execution is a death
EXECUTED = [
    ("en", "Three hostages were executed by the hijackers.", "deaths.hostages"),
    ("de", "Drei Geiseln wurden hingerichtet.", "deaths.hostages"),
    ("fr", "Trois otages ont été exécutés par les pirates de l'air.", "deaths.hostages"),
    ("it", "Tre ostaggi sono stati giustiziati.", "deaths.hostages"),
    ("ru", "Трое заложников были казнены.", "deaths.hostages"),
]


@pytest.mark.parametrize(("language", "sentence", "attribute"), EXECUTED)
def test_misread_the_executed_are_dead_not_taken(language, sentence, attribute):
    found = facts(PROFILE, sentence, language)
    assert found.get(attribute) == [3], found
    assert 3 not in found.get("hostages.initial", []), found


def test_misread_a_part_after_dont_les_is_a_lower_bound():
    found = facts(PROFILE, "Il reste 150 otages, dont les 12 membres d'équipage.", "fr")
    assert 12 not in found.get("hostages.initial", []), found


# members of something that is no armed band are neither attackers nor forces
MEMBERS_OF_OTHERS = [
    ("en", "Eight members of the newspaper's staff were killed.", "deaths.perpetrators", 8),
    ("fr", "Ils ont tué douze personnes, dont huit membres du journal.", "deaths.perpetrators", 8),
    ("es", "Siete miembros del secretariado fueron detenidos.", "perpetrator.arrested", 7),
    ("it", "Sette membri della redazione sono stati uccisi.", "deaths.perpetrators", 7),
]


@pytest.mark.parametrize(("language", "sentence", "attribute", "number"), MEMBERS_OF_OTHERS)
def test_misread_members_of_a_staff_are_no_attackers(language, sentence, attribute, number):
    found = facts(PROFILE, sentence, language)
    assert number not in found.get(attribute, []) + found.get("perpetrator.count", []), found


# "Of the dead, 67 were inside": a part of the toll, never the toll itself
OPENERS = [
    ("en", "Of the dead, 67 were students from the capital."),
    ("es", "De los fallecidos, 67 se encontraban dentro del edificio."),
    ("fr", "Parmi les morts, 67 se trouvaient à l'intérieur du bâtiment."),
    ("it", "Tra i morti, 67 si trovavano all'interno dell'edificio."),
]


@pytest.mark.parametrize(("language", "sentence"), OPENERS)
def test_misread_a_part_of_the_dead_is_no_toll(language, sentence):
    found = facts(PROFILE, sentence, language)
    assert 67 not in found.get("deaths.total", []), found


# an ordinal, seconds, a date written after a slash: nobody counted
@pytest.mark.parametrize(("language", "sentence", "number"), [
    ("es", "Desde el tercer piso, los rehenes pedían ayuda.", 3),
    ("es", "En veintidós minutos y trece segundos, los comandos rescataron a los rehenes.", 13),
    ("en", "The raid took four minutes and 30 seconds; 40 soldiers stormed the plane.", 30),
    ("fr", "L'assaut a duré 4 minutes et 13 secondes.", 13),
    ("pt", "Atirador matou 12 alunos (foto: Ana Lima/07-04-2011)", 7),
])
def test_misread_ordinals_seconds_and_slashed_dates_count_nobody(language, sentence, number):
    found = facts(PROFILE, sentence, language)
    counts = [v for a, vs in found.items() if "date" not in a for v in vs]
    assert number not in counts, found


# the last of a list of parts opened by "including" is a part too
@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Gunmen held 40 people, including the ambassador and three Americans."),
    ("es", "Retuvieron a 40 personas, entre ellas el embajador y tres estadounidenses."),
    ("fr", "Ils ont retenu 40 personnes, dont l'ambassadeur et trois Américains."),
    ("it", "Hanno sequestrato 40 persone, tra cui l'ambasciatore e tre americani."),
])
def test_misread_the_last_part_of_a_list_is_no_total(language, sentence):
    found = facts(PROFILE, sentence, language)
    assert 3 not in found.get("hostages.initial", []), found
