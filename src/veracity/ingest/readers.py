"""Readers: files and folders of .txt, .md, .html, .jsonl and .parquet into Documents."""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import json
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from veracity.errors import InputError
from veracity.ingest.html_text import html_published, html_to_text
from veracity.ingest.invisible import strip_invisible
from veracity.ingest.language import detect_language
from veracity.model import Document

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".parquet"}
# feeds of many articles, one record each (the rest are one article per file)
FEED_SUFFIXES = {".jsonl", ".parquet"}
# One article is rarely above a megabyte; a much larger file is almost surely not an article and
# reading it whole would cost memory for nothing. The limit is per document: per file, and per
# line of a JSONL file (which is streamed, so a JSONL corpus may be larger).
MAX_FILE_BYTES = 50 * 1024 * 1024


def load_documents(
    paths: Sequence[str | Path], supported_languages: frozenset[str]
) -> list[Document]:
    """Read every document under `paths`, in a stable order; raise InputError on bad input."""
    files = list(_expand(paths))
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for path in files:
        for doc in _read(path, supported_languages):
            if doc.id in seen and path.suffix.lower() not in FEED_SUFFIXES:
                # one folder per event may reuse file names: the folder tells them apart
                doc = replace(doc, id=f"{path.parent.name}/{doc.id}")
            if doc.id in seen:
                raise InputError(
                    f"duplicate document id {doc.id!r} (also in {seen[doc.id]})", str(path)
                )
            seen[doc.id] = str(path)
            documents.append(doc)
    if not documents:
        raise InputError("no documents found", ", ".join(str(p) for p in paths))
    return documents


def _expand(paths: Sequence[str | Path]) -> Iterator[Path]:
    if not paths:
        raise InputError("no input path given")
    for raw in paths:
        path = Path(raw)
        _check_link(path)
        if not path.exists():
            raise InputError("no such file or folder", str(path))
        if path.is_dir():
            for folder in event_folders(path):
                yield from _documents_in(folder)
        else:
            if path.suffix.lower() not in SUFFIXES:
                raise InputError(
                    f"unsupported file type {path.suffix or '(none)'!r}; "
                    f"use one of {', '.join(sorted(SUFFIXES))}",
                    str(path),
                )
            yield path


def event_folders(path: Path) -> list[Path]:
    """The folders under `path` that hold documents: `path` itself, or else (an archive of one
    folder per event) its sub-folders that do."""
    if _documents_in(path, required=False):
        return [path]
    subfolders = [p for p in _entries(path) if p.is_dir() and not p.is_symlink()]
    found = [p for p in subfolders if _documents_in(p, required=False)]
    if not found:
        raise InputError(f"folder holds no documents ({', '.join(sorted(SUFFIXES))})", str(path))
    return found


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as err:
        raise InputError(f"cannot list folder ({_reason(err)})", str(folder)) from None


def _documents_in(folder: Path, required: bool = True) -> list[Path]:
    found = [p for p in _entries(folder) if p.suffix.lower() in SUFFIXES and _is_document(p)]
    if required and not found:
        raise InputError(f"folder holds no documents ({', '.join(sorted(SUFFIXES))})", str(folder))
    return found


def _is_document(path: Path) -> bool:
    """A regular file in a folder; a dangling or looping link with a document's name is an error,
    because skipping it would silently drop a document the user meant to give."""
    _check_link(path)
    return path.is_file()


def _check_link(path: Path) -> None:
    if not path.is_symlink():
        return
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a symlink loop this way
        raise InputError("symbolic link loop", str(path)) from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError("symbolic link loop", str(path)) from None
        raise InputError("broken symbolic link", str(path)) from None


def _reason(err: OSError) -> str:
    return (err.strerror or type(err).__name__).lower()


def _open(path: Path) -> BinaryIO:
    """Open for reading, after checking the size: a file over the limit is never read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # a FIFO or a device would block or never end
            raise InputError("not a regular file", str(path))
        size = info.st_size
        if size > MAX_FILE_BYTES and path.suffix.lower() != ".jsonl":
            raise InputError(
                f"file is {size // (1024 * 1024)} MiB; the limit is "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MiB per document",
                str(path),
            )
        return path.open("rb")
    except OSError as err:
        raise InputError(f"cannot read ({_reason(err)})", str(path)) from None


def _read_text(path: Path) -> str:
    with _open(path) as handle:
        try:
            # one byte more than the limit: a file that grew since stat() is still refused
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as err:
            raise InputError(f"cannot read ({_reason(err)})", str(path)) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            f"file is over the limit of {MAX_FILE_BYTES // (1024 * 1024)} MiB per document",
            str(path),
        )
    return decode(data, str(path))


def decode(data: bytes, path: str, line: int | None = None) -> str:
    """UTF-8 (or, for a whole file, UTF-16 with its byte-order mark) to text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if line is not None:
            raise InputError("UTF-16 text; a JSONL file must be UTF-8", path, line)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("broken UTF-16 text", path) from None
    if b"\x00" in data:
        raise InputError("binary file, not text", path, line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        at = data[: err.start].count(b"\n") + (line or 1)
        raise InputError(f"not UTF-8 text (byte {err.start})", path, at) from None
    return text


def _read(path: Path, supported: frozenset[str]) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from _read_parquet(path, supported)
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, _jsonl_lines(path), supported)
        return
    text = strip_invisible(_read_text(path))
    published = None
    if suffix in {".html", ".htm"}:
        title, body = html_to_text(text)
        published = html_published(text)
    else:
        body = text
        title = _first_line_title(text)
    if not body.strip():
        raise InputError("empty document", str(path))
    yield Document(
        id=path.stem,
        text=body,
        language=detect_language(body, supported),
        path=str(path),
        title=title,
        published=published,
    )


def _jsonl_lines(path: Path) -> Iterator[str]:
    """The lines of a JSONL file, read one at a time.

    A JSONL file is a corpus, so it has no size limit of its own; each line is one document and
    is held to MAX_FILE_BYTES, and is the only part of the file in memory at a time.
    """
    with _open(path) as handle:
        # a binary file may hold no line break at all: refuse it before reading a "line" of it
        if b"\x00" in handle.read(8192):
            raise InputError("binary file, not text", str(path))
        handle.seek(0)
        number = 0
        while True:
            number += 1
            try:
                raw = handle.readline(MAX_FILE_BYTES + 1)
            except OSError as err:
                raise InputError(f"cannot read ({_reason(err)})", str(path), number) from None
            if not raw:
                return
            if len(raw) > MAX_FILE_BYTES:
                raise InputError(
                    f"line is over the limit of {MAX_FILE_BYTES // (1024 * 1024)} MiB per document",
                    str(path),
                    number,
                )
            yield decode(raw, str(path), number)


def _read_jsonl(path: Path, lines: Iterable[str], supported: frozenset[str]) -> Iterator[Document]:
    count = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"malformed JSON ({err.msg})", str(path), number) from None
        except RecursionError:
            raise InputError("malformed JSON (nested too deeply)", str(path), number) from None
        if not isinstance(record, dict):
            raise InputError("each line must be a JSON object", str(path), number)
        count += 1
        yield _record_document(record, path, number, supported)
    if count == 0:
        raise InputError("no documents in JSONL file", str(path))


def _read_parquet(path: Path, supported: frozenset[str]) -> Iterator[Document]:
    """A Parquet table with the JSONL fields as columns; row numbers (from 1) name bad rows."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises several types for a file that is not Parquet
        raise InputError(f"not a readable Parquet file ({err})", str(path)) from None
    names = set(parquet.schema_arrow.names)
    for column in ("id", "text"):
        if column not in names:
            raise InputError(f'Parquet file has no "{column}" column', str(path))
    wanted = [c for c in ("id", "text", "language", "source", "url", "published", "title")
              if c in names]
    number = 0
    # batch by batch: a feed of a million articles is never held whole as Python objects
    for batch in parquet.iter_batches(batch_size=4096, columns=wanted):
        for record in batch.to_pylist():
            number += 1
            yield _record_document(record, path, number, supported)
    if number == 0:
        raise InputError("no documents in Parquet file", str(path))


def _record_document(
    record: dict[str, object], path: Path, number: int, supported: frozenset[str]
) -> Document:
    """One feed record (a JSONL line or a Parquet row) as a Document; InputError if bad."""
    doc_id, text = record.get("id"), record.get("text")
    if not isinstance(doc_id, str | int) or str(doc_id).strip() == "":
        raise InputError('missing or empty "id"', str(path), number)
    if not isinstance(text, str):
        raise InputError('missing "text" (a string)', str(path), number)
    text = strip_invisible(text)
    if not text.strip():
        raise InputError(f"empty document {doc_id!r}", str(path), number)
    language = record.get("language")
    if not isinstance(language, str) or not language:
        language = detect_language(text, supported)
    return Document(
        id=str(doc_id),
        text=text,
        language=language,
        path=f"{path}:{number}",
        title=str(record.get("title") or _first_line_title(text)),
        source=_optional_str(record.get("source")),
        url=_optional_str(record.get("url")),
        published=_date_str(record.get("published")),
    )


def _date_str(value: object) -> str | None:
    """A Parquet date or timestamp column as ISO text (a midnight timestamp as its day)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return _optional_str(value)


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _first_line_title(text: str) -> str:
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    # saved pages often open with their address ("URL: https://..."): the title follows it
    while lines and re.match(r"^(url|source|link)\s*:\s*\S+$|^https?://\S+$", lines[0], re.I):
        lines.pop(0)
    # a bare label ("Answer:") is not a title either
    while lines and lines[0].endswith(":") and len(lines[0].split()) <= 2:
        lines.pop(0)
    if not lines:
        return ""
    first = lines[0].strip("#=* \t")
    if 0 < len(first) <= 150 and not first.endswith((".", "!", "?")):
        return first
    return ""
