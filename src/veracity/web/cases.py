"""Cases of the web app, kept in an embedded DuckDB file so they survive a restart.

A case is the documents a user sent and the report computed from them. The report is stored as
the CONTRACT.md JSON and the texts as the pipeline read them (the text claim offsets point into),
so a stored case renders exactly as it did when it was made, whatever the pipeline does later.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS web_cases (
        id VARCHAR PRIMARY KEY,
        title VARCHAR NOT NULL,
        profile VARCHAR NOT NULL,
        created TIMESTAMP NOT NULL,
        documents INTEGER NOT NULL,
        report VARCHAR NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS web_case_documents (
        case_id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (case_id, position)
    )""",
)


@dataclass(frozen=True, slots=True)
class CaseSummary:
    id: str
    title: str
    profile: str
    created: datetime
    documents: int


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: str
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class StoredCase:
    summary: CaseSummary
    report: dict[str, Any]
    documents: list[StoredDocument]

    @property
    def texts(self) -> dict[str, str]:
        return {d.id: d.text for d in self.documents}


def new_case_id() -> str:
    """Unguessable, URL-safe, and checkable by `is_case_id`."""
    return secrets.token_hex(16)


def is_case_id(value: str) -> bool:
    return len(value) == 32 and all(c in "0123456789abcdef" for c in value)


class CaseStore:
    """Cases in one DuckDB file (or ":memory:"). Safe to share between request threads."""

    def __init__(self, path: str | Path) -> None:
        target = str(path)
        if target != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        self._connection = duckdb.connect(target)
        # One DuckDB connection serialised by a lock: requests are few and short, and a single
        # writer avoids any write conflict in the file.
        self._lock = threading.Lock()
        with self._lock:
            for statement in _SCHEMA:
                self._connection.execute(statement)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def add(
        self,
        title: str,
        profile: str,
        documents: Sequence[StoredDocument],
        report: Mapping[str, Any],
    ) -> CaseSummary:
        summary = CaseSummary(new_case_id(), title, profile, datetime.now(UTC).replace(tzinfo=None),
                              len(documents))
        with self._lock:
            self._connection.execute("BEGIN TRANSACTION")
            try:
                self._connection.execute(
                    "INSERT INTO web_cases VALUES (?, ?, ?, ?, ?, ?)",
                    [summary.id, title, profile, summary.created, summary.documents,
                     json.dumps(report, ensure_ascii=False)],
                )
                self._connection.executemany(
                    "INSERT INTO web_case_documents VALUES (?, ?, ?, ?, ?)",
                    [[summary.id, n, d.id, d.name, d.text] for n, d in enumerate(documents)],
                )
                self._connection.execute("COMMIT")
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
        return summary

    def list(self, limit: int = 200) -> list[CaseSummary]:
        with self._lock:
            rows = self._connection.execute(
                "SELECT id, title, profile, created, documents FROM web_cases "
                "ORDER BY created DESC, id LIMIT ?", [limit]
            ).fetchall()
        return [CaseSummary(*row) for row in rows]

    def get(self, case_id: str) -> StoredCase | None:
        with self._lock:
            row = self._connection.execute(
                "SELECT id, title, profile, created, documents, report FROM web_cases WHERE id = ?",
                [case_id],
            ).fetchone()
            if row is None:
                return None
            documents = self._connection.execute(
                "SELECT id, name, text FROM web_case_documents WHERE case_id = ? ORDER BY position",
                [case_id],
            ).fetchall()
        return StoredCase(
            summary=CaseSummary(*row[:5]),
            report=json.loads(row[5]),
            documents=[StoredDocument(*d) for d in documents],
        )

    def delete(self, case_id: str) -> bool:
        with self._lock:
            found = self._connection.execute(
                "SELECT count(*) FROM web_cases WHERE id = ?", [case_id]
            ).fetchone()
            if not found or found[0] == 0:
                return False
            self._connection.execute("DELETE FROM web_case_documents WHERE case_id = ?", [case_id])
            self._connection.execute("DELETE FROM web_cases WHERE id = ?", [case_id])
        return True
