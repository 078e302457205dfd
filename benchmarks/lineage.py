"""Lineage benchmark: precision/recall on real and generated corpora, time and memory at scale.

    PYTHONPATH=src python benchmarks/lineage.py              # seeds, events, generated, 1k, 10k
    PYTHONPATH=src python benchmarks/lineage.py --full       # also 100,000 documents
    PYTHONPATH=src python benchmarks/lineage.py --scale 5000 # one scale run only

Real corpora are read from ../shared at run time; expected pairs for them are in
benchmarks/data/lineage_expected.json (with the reason for each). Scale runs happen in a fresh
subprocess each, so that the peak resident memory printed is that run's own.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from veracity.lineage import find_lineage
from veracity.lineage.evaluate import (
    Expected,
    load_events,
    load_folder,
    score_links,
    with_generated,
)
from veracity.model import Document
from veracity.synth.lineage import derive_corpus, random_corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
EXPECTED = ROOT / "benchmarks" / "data" / "lineage_expected.json"


def real_documents() -> list[Document]:
    return load_folder(SHARED / "seeds", "seeds/") + load_events(
        SHARED / "data" / "events", "data/events/"
    )


def restricted(expected: Expected, ids: set[str]) -> Expected:
    return Expected(
        {k for k in expected.link if k <= ids},
        {k for k in expected.may if k <= ids},
        {k: v for k, v in expected.original.items() if k <= ids},
    )


def report_real(expected: Expected) -> list[Document]:
    docs = real_documents()
    seeds = [d for d in docs if d.id.startswith("seeds/")]
    events = [d for d in docs if not d.id.startswith("seeds/")]
    for name, corpus in (("seeds", seeds), ("events", events), ("seeds+events", docs)):
        t0 = time.perf_counter()
        links = find_lineage(corpus)
        elapsed = time.perf_counter() - t0
        scores = score_links(links, restricted(expected, {d.id for d in corpus}))
        print(scores.line(f"{name} ({len(corpus)} docs, {elapsed:.2f} s)"))
        for pair in scores.false_positives:
            print(f"  false positive: {pair[0]}  {pair[1]}")
        for pair in scores.missed:
            print(f"  missed: {pair[0]}  {pair[1]}")
    return docs


def report_generated(real: list[Document], expected: Expected, seed: int) -> None:
    corpus = derive_corpus(real, seed=seed)
    truth = with_generated(expected, [(lk.document, lk.of, lk.relation) for lk in corpus.links])
    t0 = time.perf_counter()
    links = find_lineage(corpus.documents)
    elapsed = time.perf_counter() - t0
    scores = score_links(links, truth)
    print(scores.line(f"generated ({len(corpus.documents)} docs, seed {seed}, {elapsed:.2f} s)"))
    found = {frozenset((lk.document, lk.of)): lk for lk in links}
    by_kind: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    relation_right: Counter[str] = Counter()
    for lk in corpus.links:
        kind = lk.document.split("/")[1]
        by_kind[kind] += 1
        got = found.get(frozenset((lk.document, lk.of)))
        if got is not None:
            hit[kind] += 1
            relation_right[kind] += got.relation == lk.relation
    for kind in sorted(by_kind):
        print(
            f"  {kind:9s} recall {hit[kind] / by_kind[kind]:.3f} ({hit[kind]}/{by_kind[kind]}), "
            f"relation as generated {relation_right[kind]}/{hit[kind]}"
        )
    for pair in scores.false_positives[:10]:
        print(f"  false positive: {pair[0]}  {pair[1]}")
    for pair in scores.missed[:10]:
        print(f"  missed: {pair[0]}  {pair[1]}")


def scale_run(n: int) -> None:
    corpus = random_corpus(n, seed=n)
    truth = with_generated(Expected(), [(lk.document, lk.of, lk.relation) for lk in corpus.links])
    t0 = time.perf_counter()
    links = find_lineage(corpus.documents)
    elapsed = time.perf_counter() - t0
    scores = score_links(links, truth)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"scale {n:>7,} docs: {elapsed:8.1f} s, {n / elapsed:8.0f} docs/s, peak RSS "
        f"{peak_mib:7.0f} MiB (whole process, corpus included); precision "
        f"{scores.precision:.3f} recall {scores.recall:.3f} ({scores.expected} generated links)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also run 100,000 documents")
    parser.add_argument("--scale", type=int, help="run one scale test of N documents only")
    parser.add_argument("--seeds", type=int, default=3, help="generated corpora to draw")
    args = parser.parse_args()
    if args.scale:
        scale_run(args.scale)
        return
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} not found: the real corpora are needed")
    expected = Expected.from_json(EXPECTED)
    real = report_real(expected)
    for seed in range(1, args.seeds + 1):
        report_generated(real, expected, seed)
    sizes = [1_000, 10_000] + ([100_000] if args.full else [])
    for n in sizes:
        subprocess.run(
            [sys.executable, __file__, "--scale", str(n)],
            check=True,
            env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        )


if __name__ == "__main__":
    main()
