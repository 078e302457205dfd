"""What the web app accepts: how many documents, how large, of which kinds, under which names.

A file name sent by a browser is only ever turned into a document id here: it is reduced to a
plain stem of letters, digits, dots, dashes and underscores, and is never used as a path (the app
writes no uploaded file anywhere; cases live in DuckDB).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from veracity.errors import InputError

ACCEPTED_SUFFIXES = (".txt", ".text", ".md", ".markdown")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_ID_LENGTH = 64
_MAX_NAME_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one request. The defaults suit a handful of news articles."""

    max_documents: int = 50
    max_document_bytes: int = 1_000_000
    max_request_bytes: int = 20_000_000
    max_title_chars: int = 200


class TooLarge(InputError):
    """A document or a request over the size limit (HTTP 413)."""


@dataclass(frozen=True, slots=True)
class Submission:
    """One document as received: the name the user gave it and its text."""

    name: str
    text: str


def display_name(name: str) -> str:
    """The name as shown to the user: the last path part, without control characters."""
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    printable = "".join(c for c in last if unicodedata.category(c)[0] != "C")
    return printable.strip()[:_MAX_NAME_LENGTH]


def document_id(name: str, taken: set[str]) -> str:
    """A safe, unique document id from a user's file name ("../../x y.txt" -> "x_y")."""
    stem = display_name(name)
    for suffix in ACCEPTED_SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    safe = _UNSAFE.sub("_", ascii_stem).strip("._-")[:_MAX_ID_LENGTH] or "document"
    candidate, number = safe, 2
    while candidate in taken:
        candidate = f"{safe}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def check_file_name(name: str) -> None:
    if not name.lower().endswith(ACCEPTED_SUFFIXES):
        kinds = ", ".join(ACCEPTED_SUFFIXES)
        raise InputError(f"{display_name(name) or 'a file'}: only plain text files ({kinds}) "
                         "can be uploaded; paste other text instead")


def decode_upload(name: str, data: bytes, limits: Limits) -> str:
    """The text of an uploaded file, or a clear error saying what is wrong with it."""
    shown = display_name(name) or "a file"
    if len(data) > limits.max_document_bytes:
        raise TooLarge(f"{shown} is {len(data):,} bytes; the limit is "
                       f"{limits.max_document_bytes:,} bytes per document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{shown} is not UTF-8 text (byte {error.start})") from error


def check_submissions(submissions: Iterable[Submission], limits: Limits) -> list[Submission]:
    """The submissions, once each is within the limits and not empty."""
    documents = list(submissions)
    if not documents:
        raise InputError("send at least one document (a file or pasted text)")
    if len(documents) > limits.max_documents:
        raise InputError(f"{len(documents)} documents sent; the limit is "
                         f"{limits.max_documents} per case")
    for document in documents:
        shown = display_name(document.name) or "a document"
        size = len(document.text.encode("utf-8"))
        if size > limits.max_document_bytes:
            raise TooLarge(f"{shown} is {size:,} bytes; the limit is "
                           f"{limits.max_document_bytes:,} bytes per document")
        if not document.text.strip():
            raise InputError(f"{shown} is empty")
    return documents
