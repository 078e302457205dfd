"""The Spark engine (optional extra `[spark]`): the same stages, scaled out.

- Per-document extraction runs as `mapInArrow`: a function that takes Arrow record batches of
  documents and yields Arrow batches of claims, on Spark's Python workers.
- The relational stages (truth discovery) run as the SQL of `sql_resolve`, transpiled from
  DuckDB's dialect to Spark SQL by sqlglot; each iteration's tables are checkpointed so the
  query plan does not grow with the iterations.

Lineage, event clustering and name linking run on the driver, as in the local engine.

The session: `VERACITY_SPARK_MASTER` (default `local[2]`), UI off, few shuffle partitions; set
`SPARK_LOCAL_IP=127.0.0.1` on a machine without a resolvable host name.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

import pyarrow as pa

from veracity.codec import claim_from_row, claim_to_row
from veracity.extract.lexicon import Profile
from veracity.model import Claim, Document

try:
    import sqlglot
    from pyspark.sql import DataFrame, SparkSession
except ImportError as err:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "the Spark engine needs the [spark] extra: pip install 'veracity[spark]'"
    ) from err

_scope = itertools.count()

DOCUMENT_SCHEMA = pa.schema([
    ("position", pa.int64()), ("id", pa.string()), ("text", pa.string()),
    ("language", pa.string()), ("path", pa.string()), ("title", pa.string()),
    ("source", pa.string()), ("url", pa.string()), ("published", pa.string()),
])
# one schema for both outputs of extraction: claim rows, and (acronym, name) alias rows
CLAIM_SCHEMA = pa.schema([
    ("position", pa.int64()), ("kind", pa.string()), ("id", pa.string()),
    ("document", pa.string()), ("attribute", pa.string()), ("value", pa.string()),
    ("text", pa.string()), ("quote", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ("extractor", pa.string()), ("qualifiers", pa.string()),
])
_SPARK_CLAIM_SCHEMA = (
    "position long, kind string, id string, document string, attribute string, value string, "
    "text string, quote string, start long, `end` long, extractor string, qualifiers string"
)


@lru_cache(maxsize=1)
def spark_session() -> SparkSession:
    """A local session fit for tests and one machine; reused by every call in this process."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(os.environ.get("VERACITY_SPARK_MASTER", "local[2]"))
        .appName("veracity")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", os.environ.get("VERACITY_SPARK_PARTITIONS", "4"))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.codegen.wholeStage", os.environ.get("VERACITY_SPARK_CODEGEN", "true"))
        .config("spark.sql.adaptive.enabled", os.environ.get("VERACITY_SPARK_AQE", "true"))
    )
    if os.environ.get("SPARK_LOCAL_IP"):
        builder = builder.config("spark.driver.host", os.environ["SPARK_LOCAL_IP"]).config(
            "spark.driver.bindAddress", os.environ["SPARK_LOCAL_IP"]
        )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def to_spark_sql(sql: str) -> str:
    """DuckDB's dialect to Spark SQL."""
    return sqlglot.transpile(sql, read="duckdb", write="spark")[0]


class SparkBackend:
    """The `Backend` interface on Spark SQL: temp views over checkpointed DataFrames."""

    name = "spark"

    def __init__(self, session: SparkSession | None = None) -> None:
        self.session = session or spark_session()
        self.prefix = f"vr{next(_scope)}_"
        self._tables: set[str] = set()

    def _qualified(self, sql: str) -> str:
        return to_spark_sql(sql.format(**{t: self.prefix + t for t in self._tables}))

    def register(self, name: str, table: pa.Table) -> None:
        self._tables.add(name)
        # checkpointed at once: otherwise every later query would read it again from Python
        frame = self.session.createDataFrame(table).localCheckpoint(eager=True)
        frame.createOrReplaceTempView(self.prefix + name)

    def materialise(self, name: str, sql: str, persist: bool = True) -> None:
        frame: DataFrame = self.session.sql(self._qualified(sql))
        if persist:
            # eager local checkpoint: the plan stops here instead of growing every round
            frame = frame.localCheckpoint(eager=True)
        self._tables.add(name)
        frame.createOrReplaceTempView(self.prefix + name)

    def fetch(self, sql: str) -> pa.Table:
        return self.session.sql(self._qualified(sql)).toArrow()

    def drop(self, name: str) -> None:
        self.session.catalog.dropTempView(self.prefix + name)
        self._tables.discard(name)


def spark_backend() -> SparkBackend:
    return SparkBackend()


# --- per-document extraction as mapInArrow ----------------------------------------------------


def _extract_batches(profile_name: str) -> Any:
    """The function Spark runs on each partition: document batches in, claim batches out."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from veracity.extract import extract_claims, load_profile

        profile = load_profile(profile_name)
        for batch in batches:
            rows: list[dict[str, Any]] = []
            for doc in batch.to_pylist():
                document = Document(
                    id=doc["id"], text=doc["text"], language=doc["language"],
                    path=doc["path"] or "", title=doc["title"] or "", source=doc["source"],
                    url=doc["url"], published=doc["published"],
                )
                found = extract_claims(document, profile)
                for claim in found.claims:
                    rows.append({"position": doc["position"], "kind": "claim",
                                 **claim_to_row(claim)})
                for acronym, name in found.aliases:
                    rows.append({"position": doc["position"], "kind": "alias",
                                 "document": document.id, "text": acronym, "quote": name})
            yield pa.RecordBatch.from_pylist(rows, schema=CLAIM_SCHEMA)

    return run


def extract_all(
    documents: Sequence[Document], profile: Profile, session: SparkSession | None = None
) -> tuple[list[Claim], dict[str, list[tuple[str, str]]]]:
    """Claims and alias pairs of every document, extracted on Spark; in the local engine's
    order (document order, then each document's own order)."""
    spark = session or spark_session()
    table = pa.Table.from_pylist(
        [
            {"position": k, "id": d.id, "text": d.text, "language": d.language, "path": d.path,
             "title": d.title, "source": d.source, "url": d.url, "published": d.published}
            for k, d in enumerate(documents)
        ],
        schema=DOCUMENT_SCHEMA,
    )
    partitions = max(1, spark.sparkContext.defaultParallelism * 2)
    frame = spark.createDataFrame(table).repartition(partitions)
    out = frame.mapInArrow(_extract_batches(profile.name), _SPARK_CLAIM_SCHEMA).toArrow()
    rows = sorted(out.to_pylist(), key=lambda r: r["position"])
    claims: list[Claim] = []
    aliases: dict[str, list[tuple[str, str]]] = {}
    by_doc: dict[int, list[Claim]] = {}
    for row in rows:
        if row["kind"] == "claim":
            by_doc.setdefault(row["position"], []).append(claim_from_row(row))
        else:
            aliases.setdefault(row["document"], []).append((row["text"], row["quote"]))
    for position in sorted(by_doc):
        # claim ids are "<document>#<k>": restore each document's order
        claims.extend(sorted(by_doc[position], key=lambda c: int(c.id.rsplit("#", 1)[1])))
    return claims, aliases
