"""Time and peak memory of `veracity.check` from 1 to 10,000 documents.

    PYTHONPATH=src python benchmarks/scaling.py                 # 1, 10, 100, 1000, 10000
    PYTHONPATH=src python benchmarks/scaling.py --sizes 1 10 100

Each size runs in a fresh process (peak RSS is per process). The documents are generated here:
reports of invented sieges in English, Spanish, Indonesian and German, each a random draw of
sentences and wordings, with the figures most reports give and a few wrong ones, and names that are
mostly made up per report (a corpus of 10,000 reports is about many events, and reports that share
every name look like translations of each other to lineage, which is not what is measured here). Prints documents per second and the
growth of time and memory against the growth of the input.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# {n}: a figure, {d}: a day of March 2019, {p}: a person, {g}: a group, {t}: a town;
# [a|b|c]: one of the wordings, drawn per report, so that reports rarely share a five-word run
TEMPLATES = {
    "en": [
        "[Gunmen|Armed men|Militants|Attackers] [seized|stormed|took over|occupied] the "
        "[town hall|city hall|council building|municipal offices] [of|in] {t} on {d} March 2019 "
        "and [held|kept|detained] {n} hostages.",
        "[Police|Officials|Authorities|A police spokesman] said {n} [people|civilians|residents] "
        "were [taken hostage|held hostage|seized] in {t}.",
        "The [siege|standoff|crisis] [in|of|at] {t} [lasted|went on for|continued for] {k} days "
        "[before|until] [officers|police|special forces] [stormed|raided|entered] the building.",
        "{k2} hostages were killed [during|in the course of] the [rescue|raid|assault], "
        "[officials|the police|a spokeswoman] said.",
        "The [attackers|gunmen|hostage takers], members of the {g}, were [led|commanded] by {p}.",
        "[Witnesses|Neighbours|Residents] in {t} [described|reported] [hearing|the sound of] "
        "gunfire for [several|many] hours.",
        "[Schools|Shops|Offices] in {t} [stayed|remained] closed for the rest of the week.",
        "{p} said the {g} would not [release|free] anyone until its demands were met.",
    ],
    "es": [
        "[Hombres armados|Milicianos|Atacantes] [tomaron|ocuparon|asaltaron] el "
        "[ayuntamiento|edificio municipal] de {t} el {d} de marzo de 2019 con {n} rehenes.",
        "La [policía|fiscalía|alcaldía] [dijo|informó|confirmó] que {n} personas fueron "
        "[tomadas como rehenes|retenidas|secuestradas] en {t}.",
        "El [asedio|secuestro|cerco] de {t} [duró|se prolongó durante] {k} días.",
        "Murieron {k2} rehenes [durante|en] el [rescate|asalto|operativo], según "
        "[las autoridades|la policía|fuentes oficiales].",
        "Los [atacantes|secuestradores], del {g}, [estaban dirigidos|eran liderados] por {p}.",
        "[Los vecinos|Varios testigos|Los comerciantes] de {t} [dijeron|contaron] que "
        "[oyeron|escucharon] disparos durante horas.",
    ],
    "id": [
        "[Orang bersenjata|Kelompok bersenjata|Para pelaku] [menyandera|menahan] {n} orang di "
        "[balai kota|kantor wali kota|gedung pemerintah] {t} pada {d} Maret 2019.",
        "[Polisi|Pihak berwenang|Juru bicara polisi] [mengatakan|menyebutkan] {n} orang "
        "[disandera|ditahan] di {t}.",
        "[Pengepungan|Penyanderaan] di {t} [berlangsung|terjadi] selama {k} hari.",
        "Sebanyak {k2} sandera tewas [dalam|saat] [operasi penyelamatan|penyerbuan].",
        "Para [penyerang|pelaku] dari {g} [dipimpin|dikomandoi] oleh {p}.",
    ],
    "de": [
        "[Bewaffnete|Unbekannte|Angreifer] [besetzten|stürmten] am {d}. März 2019 das "
        "[Rathaus|Verwaltungsgebäude] von {t} und nahmen {n} Geiseln.",
        "Die [Polizei|Staatsanwaltschaft|Behörde] [sagte|teilte mit], {n} Menschen seien in {t} "
        "als Geiseln [genommen|festgehalten] worden.",
        "Die [Belagerung|Geiselnahme] von {t} [dauerte|zog sich über] {k} Tage.",
        "Bei der [Befreiung|Erstürmung] wurden {k2} Geiseln getötet.",
        "Die [Angreifer|Täter] der {g} wurden von {p} [angeführt|geführt].",
    ],
}
GROUPS = ["Red Harbour Front", "Northern Liberation Army", "Valley Defence Movement"]
PEOPLE = ["Ana Ruiz", "Tomas Berg", "Lina Okafor", "Marek Voss", "Sari Halim", "Jon Ferreira"]
TOWNS = ["Veldmark", "Ostrava Nova", "Porto Lindo", "Kembang", "Altdorf am See"]
# most reports give the true figure; some give one of a few wrong ones
HOSTAGES = [40] * 6 + [35, 45, 400]
DAYS = [4] * 8 + [5, 3]
DURATION = [3] * 8 + [2, 4]
KILLED = [2] * 7 + [3, 1]


def document(rng: random.Random) -> tuple[str, str]:
    language = rng.choice(sorted(TEMPLATES))
    chosen = rng.sample(TEMPLATES[language], k=min(len(TEMPLATES[language]), rng.randint(3, 6)))
    # a few invented words per report keep any two reports from being near-copies
    filler = " ".join(
        "".join(rng.choice("aeioubdgklmnprst") for _ in range(rng.randint(4, 9)))
        for _ in range(rng.randint(8, 16))
    )
    fields = {
        "n": rng.choice(HOSTAGES),
        "d": rng.choice(DAYS),
        "k": rng.choice(DURATION),
        "k2": rng.choice(KILLED),
        "p": rng.choice(PEOPLE) if rng.random() < 0.3 else _invented(rng, 2),
        "g": rng.choice(GROUPS) if rng.random() < 0.3 else _invented(rng, 3),
        "t": rng.choice(TOWNS) if rng.random() < 0.3 else _invented(rng, 1),
    }
    sentences = [_wording(t, rng).format(**fields) for t in chosen]
    sentences.insert(rng.randint(0, len(sentences)), f"({filler}.)")
    return language, "\n\n".join(sentences)


def _invented(rng: random.Random, words: int) -> str:
    """A made-up name: reports of many events, not one, share a corpus this large."""
    return " ".join(
        "".join(rng.choice("bdgklmnprstv") + rng.choice("aeiou") for _ in range(rng.randint(2, 3)))
        .title()
        for _ in range(words)
    )


def _wording(template: str, rng: random.Random) -> str:
    return re.sub(r"\[([^\]]+)\]", lambda m: rng.choice(m.group(1).split("|")), template)


def generate(folder: Path, n: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    total = 0
    for k in range(n):
        _language, text = document(rng)
        path = folder / f"report{k:05d}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def measure_one(n: int) -> dict[str, float]:
    import veracity

    with tempfile.TemporaryDirectory(prefix="veracity-scaling-") as folder:
        size = generate(Path(folder), n)
        veracity.check_texts([("w1", "Gunmen held 40 hostages."), ("w2", "Forty hostages.")])
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        report = veracity.check([folder])
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "documents": n,
        "bytes": size,
        "seconds": seconds,
        "peak_mib": peak / 1024,
        "growth_mib": (peak - before) / 1024,
        "claims": len(report.claims),
        "lineage_links": len(report.lineage),
        "witnesses": len({link.of for link in report.lineage}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000, 10000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure_one(args.one)))
        return
    print(
        f"{'docs':>6} {'MB':>6} {'seconds':>8} {'docs/s':>7} {'peak MiB':>9} {'+MiB':>7} "
        f"{'claims':>7} {'links':>6}  time x / input x"
    )
    previous: dict[str, float] | None = None
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        growth = ""
        if previous is not None:
            input_x = row["documents"] / previous["documents"]
            time_x = row["seconds"] / max(previous["seconds"], 1e-9)
            growth = f"{time_x:6.1f} / {input_x:.0f}"
        print(
            f"{row['documents']:>6} {row['bytes'] / 1e6:>6.2f} {row['seconds']:>8.2f} "
            f"{row['documents'] / row['seconds']:>7.1f} {row['peak_mib']:>9.0f} "
            f"{row['growth_mib']:>7.0f} {row['claims']:>7} {row['lineage_links']:>6}  {growth}",
            flush=True,
        )
        previous = row


if __name__ == "__main__":
    main()
