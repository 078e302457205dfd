"""Upload rules: safe document ids from any file name, limits with clear messages."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veracity.errors import InputError
from veracity.web.uploads import (
    Limits,
    Submission,
    TooLarge,
    check_file_name,
    check_submissions,
    decode_upload,
    display_name,
    document_id,
)

SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@given(st.lists(st.text(max_size=300), min_size=1, max_size=20))
def test_uploads_document_ids_are_safe_and_unique_for_any_names(names: list[str]) -> None:
    taken: set[str] = set()
    ids = [document_id(name, taken) for name in names]
    assert len(set(ids)) == len(ids)
    for doc_id in ids:
        assert SAFE_ID.match(doc_id), doc_id
        assert "/" not in doc_id and "\\" not in doc_id
        assert len(doc_id) <= 80


def test_uploads_document_ids_drop_folders_and_suffixes() -> None:
    taken: set[str] = set()
    assert document_id("../../etc/passwd.txt", taken) == "passwd"
    assert document_id("C:\\Users\\x\\report.MD", taken) == "report"
    assert document_id("report.md", taken) == "report-2"
    assert document_id("....", taken) == "document"
    assert document_id("Ελληνικά.txt", taken) == "document-2"
    assert display_name("a/b/\x00evil\u202e.txt") == "evil.txt"


def test_uploads_refuse_other_kinds_large_binary_and_empty_documents() -> None:
    limits = Limits(max_documents=2, max_document_bytes=10)
    check_file_name("notes.markdown")
    with pytest.raises(InputError, match="plain text"):
        check_file_name("scan.pdf")
    with pytest.raises(TooLarge, match="limit is 10 bytes"):
        decode_upload("big.txt", b"x" * 11, limits)
    with pytest.raises(InputError, match="not UTF-8"):
        decode_upload("bin.txt", b"\xff\xfe", limits)
    assert decode_upload("bom.txt", b"\xef\xbb\xbfhello", limits) == "hello"
    with pytest.raises(InputError, match="limit is 2 per case"):
        check_submissions([Submission("a", "x")] * 3, limits)
    with pytest.raises(InputError, match="empty"):
        check_submissions([Submission("a", " \n ")], limits)
    with pytest.raises(TooLarge):
        check_submissions([Submission("a", "é" * 6)], limits)
    with pytest.raises(InputError, match="at least one"):
        check_submissions([], limits)
