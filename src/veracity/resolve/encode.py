"""Turn a columnar claim table (source, object, attribute, value) into integer codes (Arrow, numpy).

Candidate codes within an item follow a fixed hash of the value, not the order of the rows: the
algorithms break exact ties by candidate code, and the input order must not decide a tie (in
several benchmarks the first row of each object comes from the source the gold was taken from).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from veracity.resolve.base import ClaimTable, finalise64


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


def _codes(column: pa.ChunkedArray | pa.Array) -> tuple[npt.NDArray[np.int64], pa.Array]:
    """Dictionary-encode a string column (hash based, in Arrow's C++): codes and distinct values."""
    encoded = pc.dictionary_encode(column)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    return np.asarray(encoded.indices, dtype=np.int64), encoded.dictionary


_HASH_BASE = np.uint64(1099511628211)  # the FNV prime: any odd 64-bit multiplier would do


def string_hash(values: pa.Array | pa.ChunkedArray) -> npt.NDArray[np.uint64]:
    """A fixed 64-bit hash of every string, vectorised over the UTF-8 bytes: a polynomial in the
    bytes (wrapping arithmetic), scrambled by the splitmix64 finaliser. It depends on the string
    only, never on its position in the input."""
    array = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
    array = array.cast(pa.large_string())
    n = len(array)
    _, offsets_buffer, data_buffer = array.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[array.offset : array.offset + n + 1]
    data = (
        np.frombuffer(data_buffer, dtype=np.uint8)
        if data_buffer is not None
        else np.zeros(0, dtype=np.uint8)
    )
    lengths = np.diff(offsets)
    start, end = offsets[:-1], offsets[1:]
    total = int(lengths.sum())
    position = np.arange(total, dtype=np.int64) + np.repeat(
        start - np.cumsum(lengths) + lengths, lengths
    )
    exponent = np.repeat(end, lengths) - position - 1
    powers = np.ones(int(lengths.max()) + 1 if n else 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(1, powers.shape[0]):  # per character of the longest value, not per claim
            powers[k] = powers[k - 1] * _HASH_BASE
        terms = (data[position].astype(np.uint64) + np.uint64(1)) * powers[exponent]
        hashed = np.zeros(n, dtype=np.uint64)
        nonempty = lengths > 0
        segment_start = np.cumsum(lengths) - lengths
        if total:
            hashed[nonempty] = np.add.reduceat(terms, segment_start[nonempty])
        hashed ^= lengths.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return finalise64(hashed)


def _pair_codes(
    left: npt.NDArray[np.int64], right: npt.NDArray[np.int64], n_right: int
) -> npt.NDArray[np.int64]:
    """Dense codes for the distinct (left, right) pairs. When the pairs fit a small table (objects
    x attributes) a lookup table numbers them; otherwise Arrow's hash encoding of one integer."""
    key = left * max(n_right, 1) + right
    size = (int(left.max()) + 1) * max(n_right, 1) if left.size else 0
    if size <= 8 * max(key.shape[0], 1):
        present = np.zeros(size, dtype=bool)
        present[key] = True
        code_of = np.cumsum(present, dtype=np.int64) - 1
        return code_of[key]
    return np.asarray(pc.dictionary_encode(pa.array(key, type=pa.int64())).indices, dtype=np.int64)


def encode_claims(claims: pa.Table) -> EncodedClaims:
    """Encode an Arrow table with string columns source, object, attribute, value (and an
    optional float column `number`, the value as a number, used by CRH and numeric similarity;
    an optional string column `raw`, the claim as the source wrote it before normalisation, used
    by copy detection: see `ClaimTable.claim_form`; an optional numeric column `order`, when
    each claim was made, comparable within an item: see `ClaimTable.claim_order`).

    Sources are numbered by name, candidates by (item, hash of the value, value)."""
    required = ("source", "object", "attribute", "value")
    if any(claims[name].null_count for name in required):  # filtering copies every column
        mask = pc.and_(
            pc.and_(pc.is_valid(claims["source"]), pc.is_valid(claims["object"])),
            pc.and_(pc.is_valid(claims["attribute"]), pc.is_valid(claims["value"])),
        )
        claims = claims.filter(mask)

    # each string column is hashed once, the columns side by side (Arrow releases the GIL)
    columns = ["source", "object", "attribute", "value"]
    if "raw" in claims.column_names:
        # a claim without its raw form was written as its value
        raw: pa.ChunkedArray | pa.Array = pc.coalesce(claims["raw"], claims["value"])
        columns.append("raw")
    with ThreadPoolExecutor(max_workers=min(len(columns), os.cpu_count() or 1)) as pool:
        coded = dict(
            zip(
                columns,
                pool.map(lambda name: _codes(raw if name == "raw" else claims[name]), columns),
                strict=True,
            )
        )
    src_code, src_names = coded["source"]
    src_order = np.argsort(np.asarray(src_names.to_pylist(), dtype=object), kind="stable")
    src_rank = np.empty_like(src_order)
    src_rank[src_order] = np.arange(src_order.shape[0])

    # items and candidates are pairs of integer codes
    object_code, _ = coded["object"]
    attribute_code, attributes = coded["attribute"]
    value_code, values = coded["value"]
    item_code = _pair_codes(object_code, attribute_code, len(attributes))
    cand_code = _pair_codes(item_code, value_code, len(values))
    n_cand = int(cand_code.max()) + 1 if cand_code.size else 0
    # one row per candidate (any: its rows all hold the same value)
    first = np.empty(n_cand, dtype=np.int64)
    first[cand_code] = np.arange(cand_code.shape[0], dtype=np.int64)
    cand_item = item_code[first]
    cand_value = claims["value"].take(pa.array(first))
    value_hash = string_hash(cand_value)
    # candidate numbering: by item, then by a fixed hash of the value; never by row order
    order = np.lexsort((value_hash, cand_item))
    rank = np.empty_like(order)
    rank[order] = np.arange(order.shape[0])

    number = None
    if "number" in claims.column_names:
        raw = claims["number"].take(pa.array(first[order]))
        filled = np.asarray(
            pc.fill_null(raw, np.nan).to_numpy(zero_copy_only=False), dtype=np.float64
        )
        number = None if np.all(np.isnan(filled)) else filled

    item_first = np.full(int(cand_item.max()) + 1 if cand_item.size else 0, 0, dtype=np.int64)
    item_first[item_code] = np.arange(item_code.shape[0], dtype=np.int64)
    table = ClaimTable(
        source=src_rank[src_code],
        candidate=rank[cand_code],
        candidate_item=cand_item[order],
        n_sources=int(src_order.shape[0]),
        candidate_number=number,
    )
    if "raw" in coded:
        table.claim_form = coded["raw"][0]
    if "order" in claims.column_names:
        # a claim without a time is placed before every dated one: it follows nothing
        table.claim_order = np.asarray(
            pc.fill_null(pc.cast(claims["order"], pa.float64()), -np.inf).to_numpy(
                zero_copy_only=False
            ),
            dtype=np.float64,
        )
    item_rows = pa.array(item_first)
    table.item_attribute, _ = _codes(claims["attribute"].take(item_rows))
    return EncodedClaims(
        table=table,
        source_name=np.asarray(src_names.to_pylist(), dtype=object)[src_order],
        item_object=np.asarray(claims["object"].take(item_rows).to_pylist(), dtype=object),
        item_attribute=np.asarray(claims["attribute"].take(item_rows).to_pylist(), dtype=object),
        candidate_value=np.asarray(cand_value.take(pa.array(order)).to_pylist(), dtype=object),
    )
