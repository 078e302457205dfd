import numpy as np
import pyarrow as pa

from veracity.resolve import resolve
from veracity.resolve.encode import encode_claims


def _claims(rows):
    return pa.table(
        {k: [r[i] for r in rows] for i, k in enumerate(["source", "object", "attribute", "value"])}
    )


def test_encode_tie_is_not_decided_by_row_order():
    rows = [("a", "o", "x", "first"), ("b", "o", "x", "second")]
    winners = set()
    for ordered in (rows, rows[::-1]):
        enc = encode_claims(_claims(ordered))
        result = resolve(enc.table, "vote")
        winners.add(enc.truths(result.truth).column("value")[0].as_py())
    assert len(winners) == 1


def test_encode_round_trip_labels():
    enc = encode_claims(
        _claims([("s1", "o1", "pop", "10"), ("s2", "o1", "pop", "10"), ("s2", "o2", "pop", "7")])
    )
    assert enc.table.n_sources == 2 and enc.table.n_items == 2
    chosen = enc.truths(resolve(enc.table, "vote").truth).to_pylist()
    assert sorted((c["object"], c["value"]) for c in chosen) == [("o1", "10"), ("o2", "7")]
    assert np.all(np.bincount(enc.table.candidate, minlength=enc.table.n_candidates) > 0)


def test_encode_string_hash_depends_on_the_value_only():
    from veracity.resolve.encode import string_hash

    values = pa.array(["gate 12", "", "été", "gate 12", "12 gate"])
    hashed = string_hash(values)
    assert hashed[0] == hashed[3] and len(set(hashed.tolist())) == 4
    assert np.array_equal(string_hash(values.slice(2, 3)), hashed[2:5])  # offsets honoured
