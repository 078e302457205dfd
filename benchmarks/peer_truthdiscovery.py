"""Run one algorithm of the PyPI package `truthdiscovery` on a claims TSV; runs in the peer venv.

Usage (from benchmarks/truth.py, one subprocess per algorithm so each peak memory is its own):
    /work/venv-peer/bin/python benchmarks/peer_truthdiscovery.py CLAIMS.tsv ALGORITHM OUT.tsv

CLAIMS.tsv: source, variable, value per line (already normalised, the same claims our engine
gets). Prints one JSON line: algorithm, build_seconds (its Dataset), run_seconds, peak_mb.
OUT.tsv: variable, chosen value. Ties among the most believed values are broken by the md5 of
the value (the same rule as ours: a fixed hash, never the order of the rows).
"""

from __future__ import annotations

import hashlib
import json
import resource
import sys
import time
import types

# The package imports its PNG drawing backend (pycairo, which needs the Cairo C library) at import
# time; drawing is not used here, so an empty module stands in for it.
sys.modules.setdefault("cairo", types.ModuleType("cairo"))

import truthdiscovery as td  # noqa: E402

ALGORITHMS = {
    "Voting": lambda: td.MajorityVoting(),
    "Sums": lambda: td.Sums(),
    "AverageLog": lambda: td.AverageLog(),
    "Investment": lambda: td.Investment(),
    "PooledInvestment": lambda: td.PooledInvestment(),
    "TruthFinder": lambda: td.TruthFinder(),
    "CRH": lambda: td.CRH(),
}


def _tie_key(value: str) -> str:
    return hashlib.md5(value.encode("utf-8")).hexdigest()


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
    with open(claims_path, encoding="utf-8") as handle:
        triples = [tuple(line.rstrip("\n").split("\t")) for line in handle]
    start = time.perf_counter()
    data = td.Dataset(triples, allow_multiple=True)
    built = time.perf_counter()
    result = ALGORITHMS[algorithm]().run(data)
    done = time.perf_counter()
    with open(out_path, "w", encoding="utf-8") as out:
        for var, beliefs in result.belief.items():
            top = max(beliefs.values())
            best = max((v for v, b in beliefs.items() if b == top), key=_tie_key)
            out.write(f"{var}\t{best}\n")
    peak_mb = _peak_rss_mb()
    print(
        json.dumps(
            {
                "algorithm": algorithm,
                "build_seconds": built - start,
                "run_seconds": done - built,
                "peak_mb": peak_mb,
                "claims": len(triples),
            }
        )
    )


if __name__ == "__main__":
    main()
