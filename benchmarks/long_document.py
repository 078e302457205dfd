"""Time and memory of `veracity check` on one long document, from 10 KB to 20 MB.

    python benchmarks/long_document.py [--kinds real,repetitive] [--sizes 10K,100K,1M,2M,20M]
                                       [--events ../shared/data/events] [--timeout 1200]

Two kinds of document, each one file of the given size, built at run time:
- real: the articles of `../shared/data/events` (every language) one after another, repeated
  until the size is reached (as a scrape or an archive dumps many articles into one file);
- repetitive: one line repeating one invented sentence that states a date and a count (every
  sentence a claim of each, the case where cost used to grow with the claims of the document).

Each run is the command `veracity check FILE --format json --output REPORT` in a fresh process
(start-up included). Prints wall seconds, CPU seconds of that process (the figure to read on a
machine shared with other work), KB per second of wall time, peak resident memory of that
process (VmHWM) and the number of claims extracted. A run over --timeout seconds is stopped and printed as such.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# written for this benchmark; every sentence states a date and a count
SENTENCE = "On 3 March 1999 gunmen held 42 hostages inside the town hall of Riverton. "

# the command, then this process's peak resident set on stderr when it exits (atexit runs on
# sys.exit too); VmHWM rather than getrusage, which a child inherits from a large parent
CHILD = """
import atexit, sys
def _peak():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                print("peak-kb", line.split()[1], file=sys.stderr)
atexit.register(_peak)
from veracity.cli import main
main()
"""


def parse_size(text: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KM]?)B?", text.strip().upper())
    if not m:
        raise SystemExit(f"bad size {text!r}; write 10K, 2M, 500000")
    return int(float(m.group(1)) * {"": 1, "K": 1000, "M": 1000 * 1000}[m.group(2)])


def real_text(events: Path) -> str:
    """Every article of the events folder, in a fixed order, separated by a blank line."""
    files = sorted(events.glob("*/[0-9][0-9]_*.txt"))
    if not files:
        raise SystemExit(f"no articles under {events}")
    return "\n\n".join(f.read_text(encoding="utf-8") for f in files) + "\n\n"


def build(size: int, unit: str) -> str:
    """`unit` repeated up to `size` bytes (UTF-8), cut at a character boundary."""
    data = unit.encode("utf-8")
    repeated = data * (size // len(data) + 1)
    return repeated[:size].decode("utf-8", errors="ignore")


def run(
    path: Path, report: Path, timeout: float
) -> tuple[float | None, float, float | None, int | None]:
    """(seconds, CPU seconds, peak MB, claims) of one `veracity check`; seconds None when
    stopped."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-c", CHILD, "check", str(path), "--format", "json",
               "--output", str(report)]
    started, cpu_started = time.perf_counter(), _children_cpu()
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 0.0, None, None
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu_started
    if done.returncode != 0:
        raise SystemExit(f"veracity check failed on {path}:\n{done.stderr}")
    peak = re.search(r"peak-kb (\d+)", done.stderr)
    with report.open(encoding="utf-8") as handle:
        head = handle.read(4096)  # documents come first: their claim count is near the top
    claims = re.search(r'"claims": (\d+)', head)
    return (
        seconds,
        cpu,
        int(peak.group(1)) / 1024 if peak else None,
        int(claims.group(1)) if claims else None,
    )


def _children_cpu() -> float:
    """CPU seconds of the child processes waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kinds", default="real,repetitive")
    parser.add_argument("--sizes", default="10K,100K,1M,2M,20M")
    parser.add_argument("--events", type=Path, default=ROOT.parent / "shared" / "data" / "events")
    parser.add_argument("--timeout", type=float, default=1200.0)
    args = parser.parse_args()
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    units = {}
    for kind in kinds:
        if kind == "real":
            units[kind] = real_text(args.events)
        elif kind == "repetitive":
            units[kind] = SENTENCE
        else:
            raise SystemExit(f"unknown kind {kind!r}; choose real or repetitive")
    print(f"{'kind':<11} {'size':>9} {'seconds':>8} {'cpu s':>7} {'KB/s':>7} {'peak MB':>8} "
          f"{'claims':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            for size in sizes:
                path = Path(tmp) / f"{kind}.txt"
                path.write_text(build(size, units[kind]), encoding="utf-8")
                seconds, cpu, peak, claims = run(path, Path(tmp) / "report.json", args.timeout)
                label = f"{size / 1000:.0f}K" if size < 1_000_000 else f"{size / 1e6:g}M"
                if seconds is None:
                    print(f"{kind:<11} {label:>9} {'>' + format(args.timeout, '.0f'):>8} "
                          f"{'':>7} {'stopped':>7}", flush=True)
                    continue
                rate = size / 1000 / seconds
                print(f"{kind:<11} {label:>9} {seconds:8.1f} {cpu:7.1f} {rate:7.0f} "
                      f"{peak if peak is not None else float('nan'):8.0f} "
                      f"{claims if claims is not None else -1:8d}", flush=True)


if __name__ == "__main__":
    main()
