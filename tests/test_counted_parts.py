"""A total of the dead counts the attackers: reports mostly give the victims ("12 killed") and
tell the attackers' deaths apart; a report whose total holds them says so in its sentence.

The sentences are written for these tests (no third-party text)."""

from __future__ import annotations

import pytest

import veracity
from veracity.extract import extract_claims, load_profile
from veracity.model import Document

PROFILE = load_profile("attack")


def _totals(text: str, language: str) -> list[tuple[object, str | None]]:
    claims = extract_claims(Document(id="t", text=text, language=language), PROFILE).claims
    return [
        (c.value.to_json(), c.qualifiers.get("counts"))
        for c in claims
        if c.attribute == "deaths.total"
    ]


@pytest.mark.parametrize(("language", "text", "total"), [
    ("en", "The siege ended with 3 people dead, including the gunman.", 3),
    ("en", "Fatalities: 4 (1 crewmember, 3 hijackers).", 4),
    ("es", "Murieron 14 personas, entre ellas los dos atacantes.", 14),
    ("fr", "Quatorze personnes sont mortes, dont les deux assaillants.", 14),
    ("de", "Vier Menschen starben, darunter drei Entführer.", 4),
    ("fr", "La prise d'otages a fait 13 morts, dont le tireur.", 13),
    ("es", "El asalto dejó 13 muertos, incluido el tirador.", 13),
])
def test_a_total_that_names_the_attackers_among_its_dead_counts_them(language, text, total):
    assert (total, "deaths.perpetrators") in _totals(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Twelve people were killed and the two gunmen were shot dead."),
    ("en", "Two terrorists opened fire and killed 12 people."),
    ("fr", "Deux terroristes ont ouvert le feu et tué 12 personnes."),
    ("de", "Zwei Angreifer eröffneten das Feuer und töteten 12 Menschen."),
])
def test_a_total_beside_the_attackers_does_not_say_it_counts_them(language, text):
    assert all(counts is None for _total, counts in _totals(text, language))


# (language, victims and a suicide in two reports, a total said to include the gunman)
_SHOOTING = {
    "en": ("On 3 May 2001 a gunman opened fire at a school and killed 12 pupils. The gunman "
           "then killed himself.",
           "On 3 May 2001 a gunman killed 12 pupils at a school before he shot himself."),
    "fr": ("Le 3 mai 2001, un tireur a ouvert le feu dans une école et a tué 12 élèves. Le "
           "tireur s'est ensuite suicidé.",
           "Le 3 mai 2001, un tireur a tué 12 élèves dans une école avant de se suicider."),
    "es": ("El 3 de mayo de 2001 un tirador abrió fuego en una escuela y mató a 12 alumnos. "
           "Después el tirador se suicidó.",
           "El 3 de mayo de 2001 un tirador mató a 12 alumnos en una escuela y luego se "
           "suicidó."),
    "de": ("Am 3. Mai 2001 eröffnete ein Schütze in einer Schule das Feuer und tötete 12 "
           "Schüler. Der Schütze erschoss sich danach selbst.",
           "Am 3. Mai 2001 tötete ein Schütze 12 Schüler in einer Schule und nahm sich dann "
           "das Leben."),
}


@pytest.mark.parametrize("language", sorted(_SHOOTING))
def test_the_record_total_adds_the_attacker_the_reports_counted_apart(language):
    report = veracity.check_texts(list(zip("ab", _SHOOTING[language], strict=True)))
    event = report.events[0]
    total = event.record["deaths.total"]
    assert total.value.to_json() == 13
    assert total.derived_from == "deaths.total + deaths.perpetrators"
    assert {"check": "deaths.total counts deaths.perpetrators", "result": "added",
            "stated": 12, "computed": 13} in event.checks


@pytest.mark.parametrize(("language", "text"), [
    ("en", "On 3 May 2001 a siege at a school ended with 13 people dead, including the gunman, "
           "who killed himself."),
    ("fr", "Le 3 mai 2001, la prise d'otages dans une école a fait 13 morts, dont le tireur, "
           "qui s'est suicidé."),
    ("de", "Am 3. Mai 2001 endete die Geiselnahme in einer Schule mit 13 Toten, darunter der "
           "Schütze, der sich selbst erschoss."),
])
def test_the_record_total_does_not_add_the_attacker_twice(language, text):
    report = veracity.check_texts([("a", text), ("b", text.replace("2001", "2001 "))])
    record = report.events[0].record
    assert record["deaths.perpetrators"].value.to_json() == 1  # known, and not added again
    assert record["deaths.total"].value.to_json() == 13
    assert record["deaths.total"].derived_from is None
