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
