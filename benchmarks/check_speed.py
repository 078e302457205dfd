"""Speed of `veracity check`: documents per second on a generated corpus, wall time on the seeds.

    python benchmarks/check_speed.py [--documents 1000] [--shared ../shared]

Prints documents per second for the whole pipeline (ingest of JSONL, extraction, lineage,
resolution) on N generated articles in seven languages and on the real articles of
../shared/data/events (each event folder checked on its own), the wall time of the command
`veracity check ../shared/seeds` (start-up included, best and median of 5 runs), and peak memory
(resident set size of the measuring process / of the command).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0


def throughput(n_docs: int, workers: int | None) -> tuple[float, float, int, float]:
    import veracity
    from veracity.synth.corpus import generate_corpus

    corpus = generate_corpus(n_events=max(1, n_docs // 8), docs_per_event=(6, 10), seed=7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        written = 0
        with path.open("w", encoding="utf-8") as out:
            import json

            for article in corpus.articles():
                if written == n_docs:
                    break
                out.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
                written += 1
        veracity.check_texts(
            [("warm", "Ten hostages were freed on 2 May 2001.")]
        )  # load models once
        started = time.perf_counter()
        cpu_started = _cpu_seconds()
        report = veracity.check([path], workers=workers)
        seconds = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_started
    return written / seconds, seconds, len(report.claims), cpu


def _cpu_seconds() -> float:
    """CPU time of this process and of the extraction workers it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def real_articles(shared: Path) -> tuple[int, float, float]:
    """Every development event checked on its own, as a user checks a folder: documents, wall
    seconds and CPU seconds (the whole pipeline: reading, extraction, lineage, assessment,
    resolution)."""
    import veracity

    folders = sorted(p for p in (shared / "data" / "events").iterdir() if p.is_dir())
    veracity.check_texts([("warm", "Ten hostages were freed on 2 May 2001.")])
    documents = 0
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    for folder in folders:
        report = veracity.check(sorted(folder.glob("*.txt")), events="one")
        documents += len(report.documents)
    return documents, time.perf_counter() - started, _cpu_seconds() - cpu_started


def seeds_wall(shared: Path, runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from veracity.cli import main; main()",
                "check",
                str(shared / "seeds"),
            ],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="extraction processes (default: every core)"
    )
    args = parser.parse_args()
    rate, seconds, claims, cpu = throughput(args.documents, args.workers)
    load = os.getloadavg()[0]
    print(
        f"pipeline: {args.documents} documents in {seconds:.1f} s = {rate:.0f} documents/s "
        f"({claims} claims; target >= 100/s); {args.documents / cpu:.0f} documents per CPU "
        f"second (workers included; --workers {args.workers or 'all cores'}); load average {load:.1f} on {os.cpu_count()} cores; peak RSS {peak_rss_mb():.0f} MB"
    )
    if (args.shared / "data" / "events").is_dir():
        documents, seconds, cpu = real_articles(args.shared)
        print(
            f"real articles: {documents} documents of {args.shared / 'data' / 'events'} (one "
            f"check per event folder) in {seconds:.1f} s = {documents / seconds:.0f} documents/s "
            f"(target >= 30/s); {documents / cpu:.0f} documents per CPU second"
        )
    if (args.shared / "seeds").is_dir():
        best, median = seeds_wall(args.shared)
        print(
            f"veracity check seeds: best {best:.2f} s, median {median:.2f} s (target < 3 s); "
            f"peak RSS of the command {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB"
        )


if __name__ == "__main__":
    main()
