"""Coverage-guided fuzzing (atheris) of extraction and ingest, for a bounded time.

    python fuzz/fuzz.py extract --seconds 30
    python fuzz/fuzz.py ingest --seconds 30

An input that raises (or hangs past --timeout seconds) is saved under tests/fuzz_corpus/<target>/
and the run exits non-zero; tests/test_fuzz_corpus.py replays every saved input. Seed inputs come
from fuzz/seeds/<target>/; the inputs the fuzzer finds interesting go to a throwaway folder.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "fuzz"))

with atheris.instrument_imports(include=["veracity"]):
    from targets import TARGETS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--seconds", type=int, default=30, help="total time to fuzz")
    parser.add_argument("--timeout", type=int, default=20, help="seconds one input may take")
    parser.add_argument("--max-len", type=int, default=4096, help="largest input in bytes")
    args = parser.parse_args()

    crashes = ROOT / "tests" / "fuzz_corpus" / args.target
    crashes.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"veracity-fuzz-{args.target}-"))
    seeds = ROOT / "fuzz" / "seeds" / args.target
    if seeds.is_dir():
        for seed in seeds.iterdir():
            shutil.copy(seed, work / seed.name)
    libfuzzer_args = [
        sys.argv[0],
        str(work),
        f"-max_total_time={args.seconds}",
        f"-timeout={args.timeout}",
        f"-max_len={args.max_len}",
        "-rss_limit_mb=4096",
        f"-artifact_prefix={crashes}/",
        "-print_final_stats=1",
    ]
    try:
        atheris.Setup(libfuzzer_args, TARGETS[args.target])
        atheris.Fuzz()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
