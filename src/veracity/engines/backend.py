"""The four things an engine must do to run the relational stages (after Splink's DatabaseAPI).

Every algorithm is written as SQL in DuckDB's dialect; an engine registers Arrow tables, turns
a SELECT into a named table it keeps, and hands small results back as Arrow.
"""

from __future__ import annotations

from typing import Protocol

import pyarrow as pa


class Backend(Protocol):
    name: str

    def register(self, name: str, table: pa.Table) -> None:
        """Make an Arrow table queryable as `name`."""

    def materialise(self, name: str, sql: str, persist: bool = True) -> None:
        """Run a SELECT (DuckDB dialect) and keep its result as table `name` (replacing it).

        `persist=False` says the table is used only within the current round: an engine may
        keep it as a lazy view (Spark) instead of computing it at once.
        """

    def fetch(self, sql: str) -> pa.Table:
        """Run a SELECT (DuckDB dialect) and return its rows (only small results)."""

    def drop(self, name: str) -> None:
        """Forget table `name` if it exists."""
