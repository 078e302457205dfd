"""Score `truth.py --predictions DIR` files against the raw gold files, independently of
`truth_datasets.py`: plain Python, its own parsing of the gold, no DuckDB, nothing imported from
veracity or from the loaders. A second reading of the same protocol, to catch a loader or an
encoder that scores its own mistakes as right.

    python benchmarks/score_predictions.py DIR [--data ../shared/data/truth]

For every `DATASET.ALGORITHM.tsv` in DIR (flight-day, flight-all, book, population) it prints the
accuracy and the number of gold items scored:
- flight: per (day, flight, attribute) with a gold value and a prediction; times right within 10
  minutes (circular), gates equal after the usual clean-up; a flight listed twice in a day's gold
  with different values is not scored on that attribute; the mean of the per-day accuracies;
- book: the chosen author list, as a set of name tokens, right when it holds every gold author's
  last name and every given name (in full or as its initial) and no other token;
- population (Pasternack & Roth's set, the DAFNA-EA copy): the chosen figure equal to the census
  figure.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

FLIGHT_ATTRIBUTES = ("sched_dep", "actual_dep", "dep_gate", "sched_arr", "actual_arr", "arr_gate")
TIME_TOLERANCE = 10


def read_predictions(path: Path) -> list[tuple[str, str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    if rows and rows[0] == ["object", "attribute", "value"]:
        rows = rows[1:]
    return [(r[0], r[1], r[2]) for r in rows if len(r) >= 3]


# ------------------------------------------------------------------------------------- flight


def minutes(text: str) -> int | None:
    """Minutes of the day of the first h:mm in a gold string (am/pm when given)."""
    m = re.search(r"(\d{1,2}):(\d{2})\s*([ap])?\.?\s*m?", text, re.IGNORECASE)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    half = (m.group(3) or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    if half == "a" and hour == 12:
        hour = 0
    return (hour * 60 + minute) % (24 * 60)


def gate(text: str) -> str | None:
    value = text.strip()
    if " - " in value:
        value = value.split(" - ")[-1]
    value = value.split("/")[0].strip().rstrip("?").replace("-", "").replace(" ", "")
    if not any(ch.isdigit() for ch in value):
        return None
    return value.upper()


def gold_value(attribute: str, text: str) -> int | str | None:
    if attribute.endswith("gate"):
        return gate(text)
    if text.strip() in ("", "--"):
        return None
    return minutes(text)


def flight_gold(data: Path) -> dict[tuple[str, str, str], int | str]:
    """(day, flight, attribute) -> gold value, for items with one gold value."""
    seen: dict[tuple[str, str, str], set[int | str | None]] = defaultdict(set)
    for path in sorted((data / "flight" / "flight_truth").glob("*-truth.txt")):
        day = path.name[: -len("-truth.txt")]
        for line in path.read_text(encoding="latin-1").splitlines():
            cells = line.split("\t")
            if len(cells) < 7:
                continue
            flight = cells[0].strip()
            for attribute, text in zip(FLIGHT_ATTRIBUTES, cells[1:7], strict=True):
                seen[(day, flight, attribute)].add(gold_value(attribute, text))
    return {
        key: next(iter(values))
        for key, values in seen.items()
        if len(values) == 1 and next(iter(values)) is not None
    }


def predicted_flight_value(attribute: str, text: str) -> int | str | None:
    if attribute.endswith("gate"):
        return gate(text)
    return minutes(text)


def score_flight(predictions: list[tuple[str, str, str]], data: Path) -> tuple[float, int]:
    gold = flight_gold(data)
    right: dict[str, int] = defaultdict(int)
    scored: dict[str, int] = defaultdict(int)
    for obj, attribute, value in predictions:
        day, _, flight = obj.partition("|")
        key = (day, flight, attribute)
        if key not in gold:
            continue
        truth = gold[key]
        chosen = predicted_flight_value(attribute, value)
        if isinstance(truth, int):
            ok = isinstance(chosen, int) and min(
                abs(chosen - truth), 24 * 60 - abs(chosen - truth)
            ) <= TIME_TOLERANCE
        else:
            ok = chosen == truth
        scored[day] += 1
        right[day] += int(ok)
    days = sorted(scored)
    accuracy = sum(right[d] / scored[d] for d in days) / max(len(days), 1)
    return accuracy, sum(scored.values())


# --------------------------------------------------------------------------------------- book


def tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return [t for t in re.split(r"[^a-z]+", folded) if t]


def book_gold(data: Path) -> dict[str, list[tuple[list[str], list[str]]]]:
    """ISBN -> authors as (last-name tokens, given-name tokens)."""
    gold: dict[str, list[tuple[list[str], list[str]]]] = {}
    path = data / "book_abebooks" / "book_golden.txt"
    for line in path.read_text(encoding="latin-1").splitlines():
        isbn, _, people = line.partition("\t")
        authors = []
        for person in people.split(";"):
            if not person.strip():
                continue
            last, _, given = person.partition(",")
            authors.append((tokens(last), tokens(given)))
        gold[isbn.strip()] = authors
    return gold


def book_right(chosen: set[str], authors: list[tuple[list[str], list[str]]]) -> bool:
    allowed = {t for last, given in authors for t in [*last, *given, *(g[0] for g in given)]}
    if not chosen <= allowed:
        return False
    for last, given in authors:
        if not set(last) <= chosen:
            return False
        if not all(g in chosen or g[0] in chosen for g in given):
            return False
    return True


def score_book(predictions: list[tuple[str, str, str]], data: Path) -> tuple[float, int]:
    gold = book_gold(data)
    scored = right = 0
    for obj, _, value in predictions:
        if obj not in gold:
            continue
        scored += 1
        right += int(book_right(set(value.split()), gold[obj]))
    return right / max(scored, 1), scored


# --------------------------------------------------------------------------------- population


def score_population(predictions: list[tuple[str, str, str]], data: Path) -> tuple[float, int]:
    gold: dict[str, float] = {}
    # Pasternack & Roth's own set (the DAFNA-EA copy) that `truth.py --dataset population` runs
    path = data / "population_dafna" / "truth" / "popAnswersOut.txt"
    for row in csv.reader(path.read_text(encoding="latin-1").splitlines()):
        if len(row) < 4:
            continue
        city, state, year, figure = (c.strip() for c in row[:4])
        gold[f"{city}, {state}_{year}".lower()] = float(figure)
    scored = right = 0
    for obj, _, value in predictions:
        key = obj.lower()
        if key not in gold:
            continue
        scored += 1
        right += int(_number(value) == gold[key])
    return right / max(scored, 1), scored


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


SCORERS = {
    "flight-day": score_flight,
    "flight-all": score_flight,
    "book": score_book,
    "population": score_population,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("predictions", type=Path)
    default_data = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "truth"
    parser.add_argument("--data", type=Path, default=default_data)
    args = parser.parse_args()
    found = False
    for path in sorted(args.predictions.glob("*.tsv")):
        dataset, _, algorithm = path.stem.partition(".")
        scorer = SCORERS.get(dataset)
        if scorer is None:
            continue
        found = True
        accuracy, scored = scorer(read_predictions(path), args.data)
        print(f"{dataset:<12} {algorithm:<22} acc {accuracy:.3f}  scored {scored}")
    if not found:
        sys.exit(f"no predictions of a known dataset in {args.predictions}")


if __name__ == "__main__":
    main()
