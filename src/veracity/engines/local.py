"""The local engine: DuckDB, in memory or on a store's connection."""

from __future__ import annotations

import itertools

import duckdb
import pyarrow as pa

_scope = itertools.count()


class DuckDBBackend:
    """Runs the relational SQL as written (it is DuckDB's dialect).

    Tables get a per-instance prefix so two solvers on one connection (a store's) never meet.
    """

    name = "duckdb"

    def __init__(self, connection: duckdb.DuckDBPyConnection | None = None) -> None:
        self.connection = connection if connection is not None else duckdb.connect()
        self.prefix = f"vr{next(_scope)}_"
        self._tables: set[str] = set()

    def _qualified(self, sql: str) -> str:
        # table names in the templates are written {name}; qualify each with the prefix
        return sql.format(**{t: self.prefix + t for t in self._tables})

    def register(self, name: str, table: pa.Table) -> None:
        self._tables.add(name)
        self.connection.register(self.prefix + name + "_arrow", table)
        self.connection.execute(
            f"CREATE OR REPLACE TEMP TABLE {self.prefix + name} AS "
            f"SELECT * FROM {self.prefix + name}_arrow"
        )
        self.connection.unregister(self.prefix + name + "_arrow")

    def materialise(self, name: str, sql: str, persist: bool = True) -> None:
        query = self._qualified(sql)
        self._tables.add(name)
        self.connection.execute(f"CREATE OR REPLACE TEMP TABLE {self.prefix + name} AS {query}")

    def fetch(self, sql: str) -> pa.Table:
        return self.connection.sql(self._qualified(sql)).to_arrow_table()

    def drop(self, name: str) -> None:
        self.connection.execute(f"DROP TABLE IF EXISTS {self.prefix + name}")
        self._tables.discard(name)

    def close(self) -> None:
        for name in list(self._tables):
            self.drop(name)
