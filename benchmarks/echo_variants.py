"""Population with and without the echo discount (`veracity.resolve.echo`), per algorithm.

    PYTHONPATH=src python benchmarks/echo_variants.py [--dataset population]

Prints one line per algorithm: accuracy with echoes counted as full votes (`echoes=False`, the
models as published) and with each echo weighted by its probability of being independent (the
default). Datasets without a claim order give the same figure twice.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import truth as bench_truth
import truth_datasets as datasets
from veracity.resolve import resolve
from veracity.resolve.encode import EncodedClaims

# every model that takes the echo discount (crh and default do not)
ALGORITHMS = tuple(a for a in bench_truth.ALGORITHMS if a not in ("crh", "default"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", default="population")
    args = parser.parse_args()
    bench = datasets.load(args.dataset)
    enc = cast(EncodedClaims, bench_truth._encode(bench))
    support = bench.build_support(enc)
    for algorithm in ALGORITHMS:
        similar = bench_truth.uses_support(algorithm, {})
        table = dataclasses.replace(enc.table, support=support if similar else None)
        figures = []
        for echoes in (False, True):
            result = resolve(table, algorithm, echoes=echoes)
            figures.append(bench.score(enc.truths(result.truth)).accuracy)
        print(
            f"{args.dataset:<12} {algorithm:<18} echoes counted {figures[0]:.4f}  discounted {figures[1]:.4f}"
        )


if __name__ == "__main__":
    main()
