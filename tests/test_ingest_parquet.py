"""Parquet feeds: the same fields and the same error rules as JSONL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from veracity.errors import InputError
from veracity.ingest.readers import load_documents

LANGS = frozenset({"en", "es"})
ROWS = [
    {"id": "a1", "text": "Gunmen seized a bank in Lowtown on 3 May 2011.", "source": "Daily Wire",
     "published": "2011-05-04", "url": "https://example.org/a1", "language": "en"},
    {"id": "a2", "text": "Unos hombres armados tomaron un banco en Lowtown.", "source": None,
     "published": None, "url": None, "language": None},
]


def _write(path: Path, rows: list[dict[str, object]], schema: pa.Schema | None = None) -> Path:
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return path


def test_ingest_parquet_reads_the_jsonl_fields(tmp_path: Path):
    docs = load_documents([_write(tmp_path / "feed.parquet", ROWS)], LANGS)
    assert [d.id for d in docs] == ["a1", "a2"]
    assert docs[0].source == "Daily Wire" and docs[0].url == "https://example.org/a1"
    assert docs[0].published == "2011-05-04" and docs[0].language == "en"
    assert docs[1].source is None and docs[1].language == "es"  # detected when absent
    assert docs[1].path.endswith("feed.parquet:2")


def test_ingest_parquet_matches_jsonl(tmp_path: Path):
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    from_parquet = load_documents([_write(tmp_path / "feed.parquet", ROWS)], LANGS)
    from_jsonl = load_documents([jsonl], LANGS)
    strip = [(d.id, d.text, d.language, d.title, d.source, d.url, d.published) for d in from_jsonl]
    assert [(d.id, d.text, d.language, d.title, d.source, d.url, d.published)
            for d in from_parquet] == strip


def test_ingest_parquet_date_column_becomes_iso_text(tmp_path: Path):
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("published", pa.date32())])
    rows = [{"id": "d", "text": "A siege ended.", "published": dt.date(2004, 9, 3)}]
    docs = load_documents([_write(tmp_path / "d.parquet", rows, schema)], LANGS)
    assert docs[0].published == "2004-09-03"


@pytest.mark.parametrize(
    ("rows", "needle", "row"),
    [
        ([ROWS[0], {"id": "", "text": "Some text."}], 'empty "id"', 2),
        ([ROWS[0], {"id": "x", "text": "   "}], "empty document", 2),
        ([{"id": "y", "text": None}, ROWS[0]], '"text"', 1),
    ],
)
def test_ingest_parquet_bad_row_names_file_and_row(
    tmp_path: Path, rows: list[dict[str, object]], needle: str, row: int
):
    path = _write(tmp_path / "bad.parquet", rows)
    with pytest.raises(InputError) as caught:
        load_documents([path], LANGS)
    assert caught.value.path == str(path) and caught.value.line == row
    assert needle in str(caught.value)


def test_ingest_parquet_without_text_column_is_input_error(tmp_path: Path):
    path = _write(tmp_path / "notext.parquet", [{"id": "a", "body": "words"}])
    with pytest.raises(InputError, match='no "text" column'):
        load_documents([path], LANGS)


def test_ingest_parquet_corrupt_file_is_input_error(tmp_path: Path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(InputError, match="Parquet"):
        load_documents([path], LANGS)
