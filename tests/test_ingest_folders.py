"""An archive of one folder per event, with the same file names in every folder."""

from __future__ import annotations

from pathlib import Path

import pytest

import veracity
from veracity.errors import InputError
from veracity.ingest.readers import load_documents
from veracity.pipeline import events_mode

LANGUAGES = frozenset({"en"})


def _archive(root: Path) -> Path:
    for name, text in (
        ("flood", "Floods trapped 40 villagers in Marrow on 2 May 2011; rescuers freed them."),
        ("siege", "Gunmen took 12 people hostage in a Kettle bank on 9 June 2013."),
    ):
        folder = root / name
        folder.mkdir()
        (folder / "a.txt").write_text(text, encoding="utf-8")
        (folder / "b.txt").write_text(text.replace("on", "early on"), encoding="utf-8")
    return root


def test_ingest_same_file_names_in_two_folders_get_distinct_ids(tmp_path):
    docs = load_documents([_archive(tmp_path)], LANGUAGES)
    assert len({d.id for d in docs}) == 4


def test_ingest_folder_of_event_folders_is_clustered(tmp_path):
    root = _archive(tmp_path)
    assert events_mode([root], "auto") == "cluster"
    report = veracity.check([root])
    assert len(report.documents) == 4


def test_ingest_folder_without_documents_anywhere_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="holds no documents"):
        load_documents([tmp_path], LANGUAGES)
