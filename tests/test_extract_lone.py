"""A lone attacker: an article that names the attacker only in the singular and gives no number
says there was one; his own death told after him, or his suicide, is one attacker dead. Never
where the article shows more than one attacker anywhere, or states a count itself.

The sentences are written for these tests (no third-party text)."""

from __future__ import annotations

import pytest
from tests.extract_support import facts

from veracity.extract import load_profile

PROFILE = load_profile("attack")

LONE = [
    ("en", "The gunman walked into the clinic and fired at patients, killing nine. "
     "Police cornered him and the gunman was shot dead in the car park."),
    ("fr", "Le tireur est entré dans la clinique et a tué neuf patients. "
     "Encerclé par la police, le tireur s'est suicidé."),
    ("es", "El tirador entró en la clínica y mató a nueve pacientes. "
     "Rodeado por la policía, el tirador se suicidó."),
    ("pt", "O atirador entrou na clínica e matou nove pacientes. "
     "Cercado pela polícia, o atirador foi morto no estacionamento."),
    ("it", "Il tiratore è entrato nella clinica e ha ucciso nove pazienti. "
     "Circondato dalla polizia, il tiratore è stato ucciso nel parcheggio."),
    ("de", "Der Schütze betrat die Klinik und tötete neun Patienten. "
     "Von der Polizei umstellt, erschoss sich der Täter."),
]


@pytest.mark.parametrize(("language", "text"), LONE)
def test_a_lone_attacker_named_in_the_singular_is_one_and_his_death_one(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("perpetrator.count") == [1], found
    assert found.get("deaths.perpetrators") == [1], found


MORE_THAN_ONE = [
    ("en", "The gunman walked into the clinic. His accomplices waited outside in a van."),
    ("fr", "Le tireur est entré dans la clinique. Les deux frères avaient préparé l'attaque."),
    ("es", "El tirador entró en la clínica. Los atacantes huyeron después en un coche."),
    ("pt", "O atirador entrou na clínica. Os cúmplices fugiram de carro."),
    ("it", "Il tiratore è entrato nella clinica. I complici lo aspettavano fuori."),
]


@pytest.mark.parametrize(("language", "text"), MORE_THAN_ONE)
def test_no_lone_attacker_where_the_article_shows_more_than_one(language, text):
    found = facts(PROFILE, text, language)
    assert 1 not in found.get("perpetrator.count", []), found


def test_a_count_the_article_states_is_never_overruled_by_the_singular():
    text = ("Three gunmen stormed the clinic. The gunman who led them was shot dead.")
    found = facts(PROFILE, text, "en")
    assert 1 not in found.get("perpetrator.count", []), found


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The gunman killed nine people before the police arrived."),
    ("fr", "Le tireur a tué neuf personnes avant l'arrivée de la police."),
    ("es", "El tirador mató a nueve personas antes de que llegara la policía."),
    ("pt", "O atirador matou nove pessoas antes da chegada da polícia."),
])
def test_the_lone_attackers_victims_are_not_his_own_death(language, text):
    found = facts(PROFILE, text, language)
    assert "deaths.perpetrators" not in found, found


def test_a_lone_attacker_inferred_from_the_singular_never_makes_its_source_contradicted():
    from veracity.model import Document
    from veracity.pipeline import check_documents

    reports = [
        Document("b0", "On 3 May 2019 three gunmen stormed the Varsk clinic and killed nine "
                 "patients.", "en"),
        Document("b1", "El 3 de mayo de 2019, tres pistoleros asaltaron la clínica de Varsk.",
                 "es"),
        Document("b2", "Le 3 mai 2019, trois hommes armés ont attaqué la clinique de Varsk.",
                 "fr"),
    ]
    reports.append(Document("lone", "On 3 May 2019 the gunman stormed the Varsk clinic and "
                            "killed nine patients.", "en"))
    report = check_documents(reports, profile=PROFILE)
    assert report.events[0].record["perpetrator.count"].value.to_json() == 3
    lone = [c for c in report.claims if c.document == "lone" and c.attribute == "perpetrator.count"]
    assert lone and all(report.verdicts[c.id] != "contradicted" for c in lone)


# a suicide told with no noun before it, in the forms a sentence takes after "before" or "then"
@pytest.mark.parametrize(("language", "text"), [
    ("en", "Nine patients were killed at the clinic. Cornered by the police, he killed himself."),
    ("fr", "Neuf patients ont été tués dans la clinique, avant qu'il ne décide de se suicider."),
    ("es", "Nueve pacientes murieron en la clínica; acorralado por la policía, se suicidó."),
    ("pt", "Nove pacientes morreram na clínica. Cercado pela polícia, suicidou-se."),
    ("de", "In der Klinik starben neun Patienten. Umstellt von der Polizei, nahm er sich dann "
           "das Leben."),
])
def test_a_suicide_with_no_noun_before_it_is_one_attacker_dead(language, text):
    found = facts(PROFILE, text, language)
    assert found.get("deaths.perpetrators") == [1], found


def test_a_suicide_is_no_attacker_dead_where_the_article_shows_more_than_one():
    text = ("Three gunmen stormed the clinic and killed nine patients. "
            "Cornered by the police, one of them killed himself.")
    assert facts(PROFILE, text, "en").get("deaths.perpetrators") != [1]
