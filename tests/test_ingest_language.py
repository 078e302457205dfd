"""Language identification on the real dev articles: the curator's language is found."""

from __future__ import annotations

import json
from pathlib import Path

from veracity.extract import load_profile
from veracity.ingest.readers import load_documents


def test_ingest_seeds_indonesian_is_not_malay(shared: Path):
    docs = load_documents([shared / "seeds"], frozenset(load_profile().languages))
    languages = {d.id[:3]: d.language for d in docs}
    assert languages == {"000": "id", "001": "en", "002": "en", "003": "en", "004": "en"}


def test_ingest_events_languages_match_the_curators(shared: Path):
    events = shared / "data" / "events"
    index = json.loads((events / "index.json").read_text())
    supported = frozenset(load_profile().languages)
    wrong = []
    for event, files in index.items():
        for entry in files:
            doc = load_documents([events / event / entry["file"]], supported)[0]
            if doc.language != entry["lang"]:
                wrong.append((entry["file"], entry["lang"], doc.language))
    assert wrong == []


def test_ingest_title_skips_a_leading_address_line(tmp_path: Path):
    page = tmp_path / "saved.txt"
    page.write_text("URL: https://example.org/a-b-c-123\nHarbour siege ends\n\nNine gunmen surrendered.")
    doc = load_documents([page], frozenset({"en"}))[0]
    assert doc.title == "Harbour siege ends"


def test_sentences_do_not_restart_at_an_earlier_repeat_of_their_first_words(shared: Path):
    """A sentence whose opening words also occur earlier is found where it really starts."""
    from veracity.extract.text import split_sentences

    text = (shared / "seeds").glob("000_*.txt").__next__().read_text()
    sentences = split_sentences(text)
    first = text[sentences[0].start : sentences[0].end]
    assert first.rstrip().endswith(".")
    starts = [s.start for s in sentences]
    assert starts == sorted(set(starts))
