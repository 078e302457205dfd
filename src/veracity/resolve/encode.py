"""Turn a columnar claim table (source, object, attribute, value) into integer codes (DuckDB SQL).

Candidate codes within an item follow a fixed hash of the value, not the order of the rows: the
algorithms break exact ties by candidate code, and the input order must not decide a tie (in
several benchmarks the first row of each object comes from the source the gold was taken from).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from veracity.resolve.base import ClaimTable

_ENCODE_SQL = [
    """CREATE OR REPLACE TEMP TABLE enc_c AS
       SELECT source, object, attribute, value, number FROM claims
       WHERE source IS NOT NULL AND object IS NOT NULL AND attribute IS NOT NULL
         AND value IS NOT NULL""",
    """CREATE OR REPLACE TEMP TABLE enc_s AS
       SELECT source, (row_number() OVER (ORDER BY source) - 1)::BIGINT AS sid
       FROM (SELECT DISTINCT source FROM enc_c)""",
    """CREATE OR REPLACE TEMP TABLE enc_i AS
       SELECT object, attribute, (row_number() OVER (ORDER BY object, attribute) - 1)::BIGINT AS iid
       FROM (SELECT DISTINCT object, attribute FROM enc_c)""",
    """CREATE OR REPLACE TEMP TABLE enc_v AS
       SELECT v.object, v.attribute, v.value, v.number, i.iid,
              (row_number() OVER (ORDER BY i.iid, hash(v.value), v.value) - 1)::BIGINT AS cid
       FROM (SELECT object, attribute, value, any_value(number) AS number FROM enc_c GROUP BY ALL) v
       JOIN enc_i i USING (object, attribute)""",
]


@dataclass
class EncodedClaims:
    """A `ClaimTable` with the labels to decode it: per source, per item, per candidate."""

    table: ClaimTable
    source_name: npt.NDArray[np.object_]
    item_object: npt.NDArray[np.object_]
    item_attribute: npt.NDArray[np.object_]
    candidate_value: npt.NDArray[np.object_]

    def truths(self, truth: npt.NDArray[np.int64]) -> pa.Table:
        """The chosen value per (object, attribute) as an Arrow table (items with none are left out)."""
        ok = truth >= 0
        return pa.table(
            {
                "object": self.item_object[ok].tolist(),
                "attribute": self.item_attribute[ok].tolist(),
                "value": self.candidate_value[truth[ok]].tolist(),
            }
        )


def encode_claims(claims: pa.Table, connection: duckdb.DuckDBPyConnection | None = None) -> EncodedClaims:
    """Encode an Arrow table with string columns source, object, attribute, value (and an
    optional float column `number`, the value as a number, used by CRH and numeric similarity)."""
    if "number" not in claims.column_names:
        claims = claims.append_column("number", pa.nulls(claims.num_rows, pa.float64()))
    con = connection or duckdb.connect()
    con.register("claims", claims)
    try:
        for statement in _ENCODE_SQL:
            con.execute(statement)
        codes = con.execute(
            "SELECT s.sid, v.cid FROM enc_c JOIN enc_s s USING (source) "
            "JOIN enc_v v USING (object, attribute, value)"
        ).fetchnumpy()
        sources = con.execute("SELECT source FROM enc_s ORDER BY sid").fetchnumpy()
        items = con.execute("SELECT object, attribute FROM enc_i ORDER BY iid").fetchnumpy()
        cands = con.execute("SELECT iid, value, number FROM enc_v ORDER BY cid").fetchnumpy()
        for name in ("enc_c", "enc_s", "enc_i", "enc_v"):
            con.execute(f"DROP TABLE IF EXISTS {name}")
    finally:
        con.unregister("claims")
    number = np.asarray(cands["number"], dtype=np.float64)
    if np.ma.isMaskedArray(cands["number"]):
        number = np.ma.filled(cands["number"].astype(np.float64), np.nan)
    table = ClaimTable(
        source=np.asarray(codes["sid"], dtype=np.int64),
        candidate=np.asarray(codes["cid"], dtype=np.int64),
        candidate_item=np.asarray(cands["iid"], dtype=np.int64),
        n_sources=len(sources["source"]),
        candidate_number=None if np.all(np.isnan(number)) else number,
    )
    return EncodedClaims(
        table=table,
        source_name=np.asarray(sources["source"], dtype=object),
        item_object=np.asarray(items["object"], dtype=object),
        item_attribute=np.asarray(items["attribute"], dtype=object),
        candidate_value=np.asarray(cands["value"], dtype=object),
    )
