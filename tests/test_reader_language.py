"""Names in the reader's language (`--lang`): the record shows a group as a source writes it in
that language, and keeps every other form as aliases."""

from __future__ import annotations

from veracity.extract import load_profile
from veracity.model import Document
from veracity.pipeline import check_documents

# invented reports of one invented attack, in three languages
REPORTS = [
    Document("en1", "Gunmen of the Quendari Popular Liberation Front (QPLF) stormed the Tarsk "
             "city hall on 3 March 2019 and held 40 people hostage. The QPLF said it was "
             "responsible.", "en"),
    Document("en2", "The QPLF seized the city hall in Tarsk on 3 March 2019, taking 40 hostages. "
             "Police said the QPLF had planned the attack for months.", "en"),
    Document("es1", "Hombres armados del Frente Popular de Liberación Quendarí (QPLF) asaltaron "
             "el ayuntamiento de Tarsk el 3 de marzo de 2019 y tomaron 40 rehenes.", "es"),
]


def _group(reader: str):
    report = check_documents(REPORTS, profile=load_profile("attack"), lang=reader)
    return report.events[0].record["perpetrator.group"], report.to_dict()


def test_reader_language_english_reader_gets_the_english_full_name():
    group, data = _group("en")
    assert group.value.canonical == "Quendari Popular Liberation Front"
    entry = data["events"][0]["record"]["perpetrator.group"]  # type: ignore[index]
    assert entry["value"] == "Quendari Popular Liberation Front"
    assert "Frente Popular de Liberación Quendarí" in entry["aliases"]
    assert "QPLF" in entry["aliases"]


def test_reader_language_spanish_reader_gets_the_spanish_form():
    group, _ = _group("es")
    assert group.value.canonical == "Frente Popular de Liberación Quendarí"
    assert "Quendari Popular Liberation Front" in group.aliases


def test_reader_language_with_no_source_in_it_keeps_the_record_form():
    english, _ = _group("en")
    german, _ = _group("de")
    assert german.value.key() == english.value.key()
    assert german.aliases


# an invented bombing told only in French, Italian and German
STATION_REPORTS = [
    Document("fr1", "Le 4 mai 2018, une bombe a explosé dans la gare de Varnelle, tuant 12 "
             "personnes.", "fr"),
    Document("it1", "Il 4 maggio 2018 una bomba è esplosa nella stazione di Varnelle: 12 morti.",
             "it"),
    Document("de1", "Am 4. Mai 2018 explodierte im Bahnhof von Varnelle eine Bombe, zwölf "
             "Menschen starben.", "de"),
]


def _site(reports: list[Document], reader: str):
    report = check_documents(reports, profile=load_profile("attack"), lang=reader)
    return report.events[0].record["location.site"]


def test_reader_language_a_site_no_english_source_names_is_its_name_and_kind_in_english():
    site = _site(STATION_REPORTS, "en")
    assert site.value.canonical == "Varnelle station"
    assert {"gare de Varnelle", "stazione di Varnelle"} <= set(site.aliases)


def test_reader_language_a_site_keeps_a_form_for_other_readers():
    site = _site(STATION_REPORTS, "es")
    assert site.value.canonical != "Varnelle station"
    assert "Varnelle" in site.value.canonical


def test_reader_language_a_name_with_a_plural_article_is_never_recomposed():
    reports = [Document(f"fr{k}", "Le 4 mai 2018, un camion a foncé sur la foule sur la "
                        "promenade des Pêcheurs, tuant 12 personnes.", "fr") for k in (1, 2)]
    site = _site(reports, "en")
    assert "Pêcheurs" in site.value.canonical and "des" in site.value.canonical
