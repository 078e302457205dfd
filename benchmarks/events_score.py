"""Score `veracity check` on ../shared/data/events against each event's gold.json.

Prints, per event and overall, the share of gold fields answered (the record has a value for the
field's attribute) and the share answered right, for the default resolver and for `--resolver vote`.

    python benchmarks/events_score.py [--shared ../shared] [--json]

Gold files name their fields freely (`hostages_initial`, `trapped_miners`, `location.city`, ...);
FIELD_MAP below says which profile attribute answers which gold field. A count is right when it
equals the gold number (or, for a gold range written as text like "about 16-17 hours", lies in it);
a date when it equals the gold date at the precision veracity gives; a name when one folded form
contains the other.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import veracity
from veracity.values import Count, DateValue, Name, fold

# gold field -> profile attribute (the mapping of a gold vocabulary, not of any answer)
FIELD_MAP = {
    "start_date": "event.start_date",
    "end_date": "event.end_date",
    "duration_days": "event.duration_days",
    "duration": "event.duration_hours",
    "location.site": "location.site",
    "location.city": "location.city",
    "location.country": "location.country",
    "perpetrator_group": "perpetrator.group",
    "perpetrator_count": "perpetrator.count",
    "perpetrator_leader": "perpetrator.leader",
    "hostages_initial": "hostages.initial",
    "trapped_miners": "hostages.initial",
    "hostages_held_at_raid": "hostages.final",
    "hostages_at_end_released": "hostages.final",
    "hostages_rescued": "hostages.rescued",
    "rescued": "hostages.rescued",
    "hostages_released_early": "hostages.released",
    "hostages_killed": "deaths.hostages",
    "perpetrators_killed": "deaths.perpetrators",
    "israeli_soldiers_killed": "deaths.security",
    "deaths_total": "deaths.total",
    "deaths": "deaths.total",
    "injured": "injured.total",
    "operation_name": "operation.name",
    "rescue_operation_name": "operation.name",
    "rescue_operation.name": "operation.name",
    "rescue_operation.date": "operation.date",
    "commandos": "operation.personnel",
}


def gold_fields(gold: dict[str, Any]) -> dict[str, Any]:
    """Flatten gold facts: nested dicts (location, rescue_operation) become dotted fields."""
    out: dict[str, Any] = {}
    for name, fact in gold["facts"].items():
        value = fact.get("value")
        if isinstance(value, dict):
            for sub, v in value.items():
                out[f"{name}.{sub}"] = v
        else:
            out[name] = value
    return {k: v for k, v in out.items() if k in FIELD_MAP and v is not None}


def is_right(answer: Any, gold: Any) -> bool:
    if isinstance(answer, Count):
        numbers = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", str(gold))]
        if isinstance(gold, int | float):
            return answer.is_point and answer.low == float(gold)
        if len(numbers) >= 2 and answer.is_point:
            return min(numbers[:2]) <= answer.low <= max(numbers[:2])
        return bool(numbers) and answer.is_point and answer.low == numbers[0]
    if isinstance(answer, DateValue):
        return str(gold).startswith(answer.to_json()) and answer.precision == 3
    if isinstance(answer, Name):
        a, g = fold(answer.canonical), fold(str(gold))
        return bool(a) and (a in g or g in a)
    return fold(str(answer.to_json())) in fold(str(gold))


def score_event(folder: Path, resolver: str) -> tuple[int, int, int, list[str]]:
    gold = gold_fields(json.loads((folder / "gold.json").read_text()))
    report = veracity.check(sorted(folder.glob("*.txt")), resolver=resolver)
    record = report.events[0].record
    answered = right = 0
    notes = []
    for field, gold_value in gold.items():
        res = record.get(FIELD_MAP[field])
        if res is None:
            notes.append(f"    {field}: no answer (gold {gold_value})")
            continue
        answered += 1
        ok = is_right(res.value, gold_value)
        right += ok
        notes.append(
            f"    {field}: {res.value.to_json()} {'ok' if ok else 'WRONG'} (gold {gold_value})"
        )
    return len(gold), answered, right, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared"
    )
    parser.add_argument(
        "--json", action="store_true", help="one JSON object per event and resolver"
    )
    parser.add_argument("--verbose", action="store_true", help="show every field")
    args = parser.parse_args()
    events_dir = args.shared / "data" / "events"
    if not events_dir.is_dir():
        sys.exit(f"no events at {events_dir}")
    folders = sorted(p for p in events_dir.iterdir() if (p / "gold.json").exists())
    for resolver in ("default", "vote"):
        totals = [0, 0, 0]
        for folder in folders:
            fields, answered, right, notes = score_event(folder, resolver)
            totals = [totals[0] + fields, totals[1] + answered, totals[2] + right]
            row = {
                "event": folder.name,
                "resolver": resolver,
                "fields": fields,
                "answered": round(answered / fields, 3),
                "right": round(right / fields, 3),
                "right_of_answered": round(right / answered, 3) if answered else 0.0,
            }
            if args.json:
                print(json.dumps(row))
            else:
                print(
                    f"{resolver:<8} {folder.name:<28} fields {fields:>2}  answered {row['answered']:.2f}"
                    f"  right {row['right']:.2f}  right/answered {row['right_of_answered']:.2f}"
                )
                if args.verbose:
                    print("\n".join(notes))
        overall = {
            "event": "ALL",
            "resolver": resolver,
            "fields": totals[0],
            "answered": round(totals[1] / totals[0], 3),
            "right": round(totals[2] / totals[0], 3),
            "right_of_answered": round(totals[2] / totals[1], 3) if totals[1] else 0.0,
        }
        if args.json:
            print(json.dumps(overall))
        else:
            print(
                f"{resolver:<8} {'ALL':<28} fields {totals[0]:>2}  answered {overall['answered']:.2f}"
                f"  right {overall['right']:.2f}  right/answered {overall['right_of_answered']:.2f}"
            )


if __name__ == "__main__":
    main()
