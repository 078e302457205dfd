"""Extraction alone: documents per CPU second on generated articles, best of three passes.

    PYTHONPATH=src python benchmarks/extract_speed.py
    PYTHONPATH=src python benchmarks/extract_speed.py --against OTHER_SRC   # e.g. an older tree

CPU seconds (not wall time) so that a busy machine disturbs the figure less; `--against` runs
the same measurement with another source tree first on the path, in a fresh process, and the
two alternate (`--rounds`), since a shared machine drifts between runs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time


def measure(documents: int) -> float:
    from veracity.extract import extract_claims, load_profile
    from veracity.synth.corpus import generate_corpus

    corpus = generate_corpus(max(1, documents // 6), seed=3)
    docs = [d for _, d in zip(range(documents), corpus.documents(), strict=False)]
    profile = load_profile("attack")
    for d in docs[:30]:
        extract_claims(d, profile)  # warm the caches (profile, month names, gazetteer)
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for d in docs:
            extract_claims(d, profile)
        best = min(best, time.process_time() - started)
    return len(docs) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--against", help="another source tree (its src folder)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(f"{measure(args.documents):.0f}")
        return
    trees = [("this tree", None)] + ([("--against", args.against)] if args.against else [])
    for _ in range(args.rounds):
        for label, src in trees:
            env = dict(os.environ)
            if src:
                env["PYTHONPATH"] = src
            out = subprocess.run(
                [sys.executable, __file__, "--one", "--documents", str(args.documents)],
                capture_output=True, text=True, env=env, check=True,
            ).stdout.strip()
            print(f"{label}: {out} documents per CPU second ({args.documents} articles)",
                  flush=True)


if __name__ == "__main__":
    main()
