"""The same invented siege told in nine languages: each telling yields the same facts.

The sentences are written for these tests (no third-party text)."""

from __future__ import annotations

import pytest

import veracity

STORIES = {
    "en": "On 4 May 2003 twelve gunmen from the Red Dawn Brigade stormed a school in Valdora and "
    "took about 300 people hostage. The siege lasted 3 days. Soldiers freed the remaining 280 "
    "hostages on 7 May 2003 in Operation Iron Gate. Four hostages and two soldiers were killed. "
    "35 people were injured.",
    "id": "Pada 4 Mei 2003, dua belas pria bersenjata dari Brigade Fajar Merah menyerbu sebuah "
    "sekolah di Valdora dan menyandera sekitar 300 orang. Pengepungan berlangsung selama 3 hari. "
    "Tentara membebaskan 280 sandera yang tersisa pada 7 Mei 2003 dalam Operasi Gerbang Besi. "
    "Empat sandera dan dua tentara tewas. Sebanyak 35 orang terluka.",
    "es": "El 4 de mayo de 2003, doce hombres armados de la Brigada Amanecer Rojo asaltaron una "
    "escuela en Valdora y tomaron como rehenes a unas 300 personas. El asedio duró 3 días. Los "
    "soldados liberaron a los 280 rehenes restantes el 7 de mayo de 2003 en la Operación Puerta "
    "de Hierro. Murieron cuatro rehenes y dos soldados. 35 personas resultaron heridas.",
    "pt": "Em 4 de maio de 2003, doze homens armados da Brigada Aurora Vermelha invadiram uma "
    "escola em Valdora e fizeram cerca de 300 pessoas reféns. O cerco durou 3 dias. Os soldados "
    "libertaram os 280 reféns restantes em 7 de maio de 2003 na Operação Portão de Ferro. Quatro "
    "reféns e dois soldados morreram. 35 pessoas ficaram feridas.",
    "fr": "Le 4 mai 2003, douze hommes armés de la Brigade Aube Rouge ont pris d'assaut une école "
    "à Valdora et ont pris environ 300 personnes en otage. Le siège a duré 3 jours. Les soldats "
    "ont libéré les 280 otages restants le 7 mai 2003 lors de l'opération Porte de Fer. Quatre "
    "otages et deux soldats ont été tués. 35 personnes ont été blessées.",
    "de": "Am 4. Mai 2003 stürmten zwölf Bewaffnete der Brigade Rote Morgenröte eine Schule in "
    "Valdora und nahmen etwa 300 Menschen als Geiseln. Die Belagerung dauerte 3 Tage. Soldaten "
    "befreiten die verbliebenen 280 Geiseln am 7. Mai 2003 bei der Operation Eisentor. Vier "
    "Geiseln und zwei Soldaten wurden getötet. 35 Menschen wurden verletzt.",
    "it": "Il 4 maggio 2003 dodici uomini armati della Brigata Alba Rossa hanno assaltato una "
    "scuola a Valdora prendendo in ostaggio circa 300 persone. L'assedio è durato 3 giorni. I "
    "soldati hanno liberato i 280 ostaggi rimanenti il 7 maggio 2003 nell'Operazione Porta di "
    "Ferro. Quattro ostaggi e due soldati sono stati uccisi. 35 persone sono rimaste ferite.",
    "tl": "Noong Mayo 4, 2003, labindalawang armadong lalaki ang sumalakay sa isang paaralan sa "
    "Valdora at binihag ang mga 300 katao. Tumagal ang pagkubkob nang 3 araw. Pinalaya ng mga "
    "sundalo ang natitirang 280 bihag noong Mayo 7, 2003. Apat na bihag at dalawang sundalo ang "
    "napatay. 35 katao ang nasugatan.",
    "ru": "4 мая 2003 года двенадцать вооруженных боевиков из бригады «Красная заря» захватили "
    "школу в Валдоре и взяли в заложники около 300 человек. Осада длилась 3 дня. Солдаты "
    "освободили оставшихся 280 заложников 7 мая 2003 года в ходе операции «Железные ворота». "
    "Погибли четыре заложника и двое солдат. 35 человек были ранены.",
}

EXPECTED = {
    "event.start_date": "2003-05-04",
    "event.end_date": "2003-05-07",
    "event.duration_days": 3,
    "hostages.initial": {"low": 270, "high": 330},
    "hostages.final": 280,
    "deaths.hostages": 4,
    "deaths.security": 2,
    "injured.total": 35,
}


@pytest.mark.parametrize("language", sorted(STORIES))
def test_extract_language_is_identified(language):
    report = veracity.check_texts([(language, STORIES[language])])
    assert report.documents[0].language == language


@pytest.mark.parametrize("language", sorted(STORIES))
def test_extract_every_language_states_the_same_facts(language):
    report = veracity.check_texts([(language, STORIES[language])])
    stated = {}
    for claim in report.claims:
        stated.setdefault(claim.attribute, set()).add(repr(claim.value.to_json()))
    for attribute, value in EXPECTED.items():
        assert repr(value) in stated.get(attribute, set()), (attribute, stated.get(attribute))


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr", "de", "it", "id"])
def test_extract_group_and_operation_names_are_read(language):
    report = veracity.check_texts([(language, STORIES[language])])
    names = {c.attribute: c.value.to_json() for c in report.claims}
    assert "Brigad" in names["perpetrator.group"] or "Brigata" in names["perpetrator.group"]
    if language != "tl":
        assert names.get("operation.name")


def test_extract_relative_counts_are_read_against_their_reference():
    text = (
        "Nine gunmen seized the ferry on 2 June 2011. All but two of the gunmen were killed "
        "when commandos stormed it on 5 June 2011, and all hostages were rescued."
    )
    other = "Nine gunmen held the ferry from 2 June 2011 until commandos stormed it on 5 June 2011."
    report = veracity.check_texts([("a", text), ("b", other)])
    record = report.events[0].record
    assert record["deaths.perpetrators"].value.to_json() == 7
    assert record["deaths.hostages"].value.to_json() == 0


def test_extract_comparison_with_another_event_is_not_a_claim():
    text = (
        "The siege of the ferry lasted 4 days, second only to the siege of the harbour "
        "tower, which lasted 52 days."
    )
    report = veracity.check_texts([("a", text)])
    durations = [c.value.to_json() for c in report.claims if c.attribute == "event.duration_days"]
    assert durations == [4]


def test_extract_vague_and_approximate_counts_are_ranges():
    report = veracity.check_texts(
        [
            ("a", "Gunmen took hundreds of passengers hostage."),
            ("b", "Rebels took some 70 hostages."),
        ]
    )
    values = {
        c.document: c.value.to_json() for c in report.claims if c.attribute == "hostages.initial"
    }
    assert values == {"a": {"low": 200, "high": 999}, "b": {"low": 63, "high": 77}}


def test_extract_a_language_without_cues_gives_its_dates_and_no_counts():
    text = "Op 4 mei 2003 begon de gijzeling: gewapende mannen hielden 300 mensen vast."
    report = veracity.check_texts([("nl", text)])
    attributes = {c.attribute for c in report.claims}
    assert not any(a.startswith(("hostages", "other.")) for a in attributes)
