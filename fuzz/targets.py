"""What the fuzzers run: one input in, no exception out (but InputError where input can be bad).

Kept free of atheris so that tests/test_fuzz_corpus.py can replay saved inputs without it.
Each target decodes its bytes the same way whether the fuzzer or the replay test calls it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from veracity.errors import InputError
from veracity.extract import extract_claims, load_profile
from veracity.extract.dates import find_dates, find_times
from veracity.extract.numbers import find_numbers
from veracity.extract.text import split_sentences
from veracity.ingest.html_text import html_to_text
from veracity.ingest.readers import load_documents
from veracity.model import Document

PROFILE = load_profile("attack")
LANGUAGES = sorted(PROFILE.languages)
SUFFIXES = [".txt", ".md", ".html", ".jsonl"]


def _split(data: bytes, choices: list[str]) -> tuple[str, bytes]:
    """The first byte picks one of `choices`; the rest is the payload."""
    if not data:
        return choices[0], b""
    return choices[data[0] % len(choices)], data[1:]


def extract_target(data: bytes) -> None:
    """Every extraction stage on one text; claims must quote the words their offsets point at."""
    language, payload = _split(data, LANGUAGES)
    text = payload.decode("utf-8", errors="replace")
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        for mention in find_numbers(sentence, language, set()):
            assert sentence.start <= mention.start < mention.end <= sentence.end
    for date in find_dates(text, language, 2000):
        assert 0 <= date.start < date.end <= len(text)
    find_times(text)
    html_to_text(text)
    for claim in extract_claims(Document("fuzz", text, language), PROFILE).claims:
        assert text[claim.start : claim.end] == claim.text


def ingest_target(data: bytes) -> None:
    """Read the bytes as a file of each kind: documents, or an InputError naming the file."""
    suffix, payload = _split(data, SUFFIXES)
    with tempfile.TemporaryDirectory(prefix="veracity-fuzz-") as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(payload)
        try:
            documents = load_documents([path], frozenset(LANGUAGES))
        except InputError as err:
            assert str(path) in str(err), err
            return
        assert documents and all(d.text.strip() for d in documents)
        for doc in documents:
            extract_claims(doc, PROFILE)


TARGETS = {"extract": extract_target, "ingest": ingest_target}
