"""Errors a user can act on. Each carries the file (and line) it is about."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: reported as one line naming the file and line, exit status 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class ProfileError(Exception):
    """A profile or lexicon data file is malformed (a packaging bug, not user input)."""
