"""Engines for the relational stages: `local` (DuckDB, the default) and `spark` (optional), and
the DuckDB case file (`store`) that keeps a corpus between runs.

The algorithms are SQL (`sql_resolve`) run through a small `Backend` interface; Spark gets the
same SQL transpiled by sqlglot. Spark is an optional extra: asking for it without pyspark
installed raises an error that says how to install it.
"""

from __future__ import annotations

from collections.abc import Callable

from veracity.engines.backend import Backend
from veracity.errors import InputError

ENGINES = ("local", "spark")


def backend_factory(engine: str) -> Callable[[], Backend]:
    """A maker of fresh backends for the named engine."""
    if engine == "local":
        from veracity.engines.local import DuckDBBackend

        return DuckDBBackend
    if engine == "spark":
        from veracity.engines.spark import spark_backend

        return spark_backend
    raise InputError(f"unknown --engine {engine!r}; choose one of {', '.join(ENGINES)}")


__all__ = ["ENGINES", "Backend", "backend_factory"]
