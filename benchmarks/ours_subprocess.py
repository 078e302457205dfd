"""Run one of our algorithms on a claims TSV in a fresh process, measured like the peer package.

Usage (from benchmarks/truth.py, one subprocess per algorithm, the same claims the peer gets):
    python benchmarks/ours_subprocess.py CLAIMS.tsv ALGORITHM OUT.tsv

CLAIMS.tsv: source, object, attribute, value (already normalised) and optionally the raw string
the value was normalised from, per line. Reading the file is
not timed (the peer's reading is not either); build_seconds = encoding the claims, run_seconds =
resolving. Prints one JSON line with peak_mb = max resident set size of the whole process, the
measure used for the peer. OUT.tsv: object, attribute, chosen value.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from veracity.resolve import resolve
from veracity.resolve.encode import encode_claims

sys.path.insert(0, str(Path(__file__).resolve().parent))
import truth_datasets

READS_RAW_FORM = {"accucopy"}


def _peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM). Not getrusage's ru_maxrss: on Linux it survives
    fork and exec, so a child started by a large parent would report the parent's size."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    claims_path, algorithm, out_path = sys.argv[1:4]
    names = ["source", "object", "attribute", "value"]
    with open(claims_path, encoding="utf-8") as first:
        if first.readline().count("\t") == 4:
            names.append("raw")  # the claim as the source wrote it, for copy detection
    # only copy detection reads the raw form; the other algorithms are not made to encode it
    wanted = names if algorithm in READS_RAW_FORM else names[:4]
    claims = pacsv.read_csv(
        claims_path,
        read_options=pacsv.ReadOptions(column_names=names),
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()), include_columns=wanted
        ),
    )
    start = time.perf_counter()
    enc = encode_claims(claims)
    if any(str(a).endswith("gate") for a in enc.item_attribute[:1000]):
        # flight: the tie-break and the less-specific-form relation of the in-process run
        enc.table.candidate_specificity = truth_datasets.gate_specificity(enc)
        enc.table.generalizes = truth_datasets.gate_generalizes(enc)
    n_claims = claims.num_rows
    # the raw strings are not needed once encoded: give their memory back before resolving
    del claims
    pa.default_memory_pool().release_unused()
    built = time.perf_counter()
    result = resolve(enc.table, algorithm)
    done = time.perf_counter()
    pacsv.write_csv(
        enc.truths(result.truth),
        out_path,
        pacsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none"),
    )
    peak_mb = _peak_rss_mb()
    print(
        json.dumps(
            {
                "algorithm": algorithm,
                "build_seconds": built - start,
                "run_seconds": done - built,
                "peak_mb": peak_mb,
                "claims": n_claims,
            }
        )
    )


if __name__ == "__main__":
    main()
