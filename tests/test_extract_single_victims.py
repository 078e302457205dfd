"""One hostage, passenger or crew member told killed in the singular, with no number: at least
one hostage killed, where the article gives no count of hostages killed itself. Never a death
threatened, a member of the forces killed, or an article not about hostages at all.

The sentences are written for these tests (no third-party text)."""

from __future__ import annotations

import pytest
from tests.extract_support import facts

from veracity.extract import load_profile

PROFILE = load_profile("attack")
ONE_OR_MORE = {"low": 1, "high": None}

SUBJECT = [
    ("en", "Four men hijacked the airliner over the sea. In Cyprus the pilot was shot dead by "
     "their leader."),
    ("fr", "Quatre hommes ont détourné l'avion. À Chypre, le commandant de bord a été abattu par "
     "leur chef."),
    ("es", "Cuatro hombres secuestraron el avión. En Chipre el piloto fue asesinado por su jefe."),
    ("pt", "Quatro homens sequestraram o avião. Em Chipre o piloto foi morto pelo chefe do grupo."),
    ("it", "Quattro uomini hanno dirottato l'aereo. A Cipro il pilota è stato ucciso dal capo."),
    ("de", "Vier Männer entführten das Flugzeug. In Zypern wurde der Pilot vom Anführer getötet."),
    ("id", "Empat orang membajak pesawat itu. Seorang penumpang tewas ditembak di Siprus."),
]


@pytest.mark.parametrize(("language", "text"), SUBJECT)
def test_a_single_victim_whose_death_is_told_is_at_least_one_hostage_killed(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("deaths.hostages") == [ONE_OR_MORE], found


OBJECT = [
    ("en", "The gunmen held the passengers for a week and stabbed a passenger to death on the "
     "third day."),
    ("fr", "Les ravisseurs retenaient les otages et ont tué un otage le troisième jour."),
    ("es", "Los secuestradores retenían a los rehenes y mataron a un rehén el tercer día."),
    ("de", "Die Entführer hielten die Geiseln fest; am dritten Tag tauchte die Leiche eines "
     "Passagiers auf."),
    ("it", "I sequestratori tenevano gli ostaggi e il terzo giorno fu trovato il corpo di un "
     "ostaggio."),
]


@pytest.mark.parametrize(("language", "text"), OBJECT)
def test_a_single_victim_killed_by_the_attackers_is_at_least_one_hostage_killed(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("deaths.hostages") == [ONE_OR_MORE], found


THREAT = [
    ("en", "The hijackers held the passengers and threatened to kill a passenger every hour."),
    ("fr", "Les pirates de l'air retenaient les otages et menaçaient de tuer un otage par heure."),
    ("es", "Los secuestradores retenían a los rehenes y amenazaron con matar a un rehén."),
    ("it", "I dirottatori tenevano gli ostaggi e minacciavano di uccidere un passeggero."),
]


@pytest.mark.parametrize(("language", "text"), THREAT)
def test_a_death_threatened_is_no_hostage_killed(language, text):
    found = facts(PROFILE, text, language)
    assert ONE_OR_MORE not in found.get("deaths.hostages", []), found


FORCES = [
    ("en", "The gunmen held the hostages for two days. The captain of the police unit was "
     "killed in the assault."),
    ("es", "Los secuestradores retenían a los rehenes. Un policía fue asesinado en el asalto."),
    ("fr", "Les ravisseurs retenaient les otages. Un policier a été tué pendant l'assaut."),
    ("de", "Die Geiselnehmer hielten die Geiseln fest. Ein Polizist wurde beim Sturm getötet."),
]


@pytest.mark.parametrize(("language", "text"), FORCES)
def test_a_member_of_the_forces_killed_is_no_hostage(language, text):
    found = facts(PROFILE, text, language)
    assert ONE_OR_MORE not in found.get("deaths.hostages", []), found


COUNTED = [
    ("en", "The gunmen took the passengers hostage. Three hostages were killed; the pilot died "
     "in the assault."),
    ("fr", "Les ravisseurs ont pris les passagers en otage. Trois otages ont été tués ; le pilote "
     "est mort pendant l'assaut."),
    ("es", "Los secuestradores tomaron a los pasajeros como rehenes. Tres rehenes murieron; el "
     "piloto murió en el asalto."),
    ("de", "Die Entführer nahmen die Passagiere als Geiseln. Drei Geiseln wurden getötet; der "
     "Pilot starb beim Sturm."),
]


@pytest.mark.parametrize(("language", "text"), COUNTED)
def test_the_articles_own_count_of_hostages_killed_stands_alone(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("deaths.hostages") == [3], found


NOT_HOSTAGES = [
    ("en", "A bomb exploded on the train near the station. A passenger was killed."),
    ("es", "Una bomba estalló en el tren cerca de la estación. Un pasajero murió."),
    ("fr", "Une bombe a explosé dans le train près de la gare. Un passager est mort."),
    ("it", "Una bomba è esplosa sul treno vicino alla stazione. Un passeggero è morto."),
]


@pytest.mark.parametrize(("language", "text"), NOT_HOSTAGES)
def test_a_passenger_killed_where_no_one_was_held_is_no_hostage(language, text):
    found = facts(PROFILE, text, language)
    assert "deaths.hostages" not in found, found


def test_a_hostage_crisis_is_no_hostage():
    text = "The hijackers seized the plane. The hostage crisis killed the tourist trade."
    found = facts(PROFILE, text, "en")
    assert "deaths.hostages" not in found, found
