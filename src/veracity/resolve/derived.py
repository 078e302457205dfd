"""Facts that constrain each other, checked after resolution and used to fill in what no
report states: a total and its categories, start, end and length, a city and its country, a
total its reports give without a part they often leave out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from veracity.extract.counted_parts import left_out_parts
from veracity.model import Claim, Resolution, Verdict
from veracity.values import AGREE, Count, DateValue, Name, Value, compatibility, fold


def _is_point_count(value: Value) -> bool:
    return isinstance(value, Count) and value.is_point


def constraints_checked(
    event: str,
    record: dict[str, Resolution],
    sums: Sequence[tuple[str, tuple[str, ...]]],
    stated: set[str] | frozenset[str] = frozenset(),
) -> list[dict[str, object]]:
    """Check facts against each other; fill a missing one when the others determine it."""
    checks: list[dict[str, object]] = []
    checks += _end_by_operation(event, record)
    checks += _over_the_day_it_began(event, record, stated)
    start, end = record.get("event.start_date"), record.get("event.end_date")
    if start and end and isinstance(start.value, DateValue) and isinstance(end.value, DateValue):
        s, e = start.value, end.value
        if s.precision == 3 and e.precision == 3:
            days = (
                date(e.year, e.month or 1, e.day or 1) - date(s.year, s.month or 1, s.day or 1)
            ).days
            duration = record.get("event.duration_days")
            if days < 0:
                # an end before the start: no duration is computed from it, none is filled
                checks.append(
                    {
                        "check": "start_date <= end_date",
                        "result": "inconsistent",
                        "start": s.to_json(),
                        "end": e.to_json(),
                    }
                )
            elif duration is None:
                record["event.duration_days"] = Resolution(
                    event,
                    "event.duration_days",
                    Count.exact(days),
                    round(min(start.confidence, end.confidence), 3),
                    "single-source",
                    (),
                    (),
                    derived_from="event.end_date - event.start_date",
                )
                checks.append(
                    {
                        "check": "end_date - start_date = duration_days",
                        "result": "filled",
                        "value": days,
                    }
                )
            elif isinstance(duration.value, Count):
                ok = duration.value.contains(days) or duration.value.contains(days + 1)
                checks.append(
                    {
                        "check": "end_date - start_date = duration_days",
                        "result": "consistent" if ok else "inconsistent",
                        "computed": days,
                        "stated": duration.value.to_json(),
                    }
                )
    checks += _place_within(event, record)
    for total_name, parts in sums:
        checks += _sum_check(event, record, total_name, parts)
    return checks


# a total and the categories it is the sum of, when no profile says (the attack profile's)
_DEFAULT_SUMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("deaths.total", ("deaths.hostages", "deaths.security", "deaths.perpetrators", "deaths.civilians")),
    ("injured.total", ("injured.hostages", "injured.security")),
)
# a category nobody states may be missing without the total being short
_OPTIONAL_PARTS = frozenset({"deaths.civilians"})


def sums_of(
    constraints: Sequence[dict[str, object]] | None,
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if constraints is None:
        return _DEFAULT_SUMS
    out = []
    for c in constraints:
        parts = c.get("parts")
        if c.get("kind") == "sum" and isinstance(parts, list):
            out.append((str(c["total"]), tuple(str(p) for p in parts)))
    return tuple(out)


def left_out_of(constraints: Sequence[dict[str, object]] | None) -> tuple[tuple[str, str], ...]:
    """(total, part) for each sum whose reports often leave a part out (`often_left_out`)."""
    if constraints is None:
        return (("deaths.total", "deaths.perpetrators"),)
    return tuple(left_out_parts(constraints).items())


def add_left_out_parts(
    record: dict[str, Resolution],
    claims: Sequence[Claim],
    verdicts: dict[str, Verdict],
    pairs: Sequence[tuple[str, str]],
    witness_group: Mapping[str, str],
) -> list[dict[str, object]]:
    """A stated total its reports give without a part they often leave out ("12 killed", and
    apart from it "the gunman killed himself") counts that part too: the record's total is
    everyone. Not when most of the witnesses of the total say in its sentence that it holds
    the part (the claim's qualifier `counts`: "14 dead, including the two gunmen")."""
    checks: list[dict[str, object]] = []
    for total_name, part_name in pairs:
        total, part = record.get(total_name), record.get(part_name)
        if total is None or part is None or total.derived_from:
            continue
        if not (isinstance(total.value, Count) and total.value.is_point):
            continue
        if not (isinstance(part.value, Count) and part.value.is_point and part.value.low >= 1):
            continue
        backing = [
            c for c in claims
            if c.attribute == total_name and compatibility(c.value, total.value) >= AGREE
        ]
        groups = {witness_group.get(c.document, c.document) for c in backing}
        holding = {
            witness_group.get(c.document, c.document)
            for c in backing
            if c.qualifiers.get("counts") == part_name
        }
        if 2 * len(holding) >= len(groups):
            continue
        everyone = Count.exact(total.value.low + part.value.low)
        record[total_name] = replace(
            total,
            value=everyone,
            confidence=round(min(total.confidence, part.confidence), 3),
            alternatives=tuple(
                a for a in total.alternatives if compatibility(a.value, everyone) < AGREE
            ),
            derived_from=f"{total_name} + {part_name}",
        )
        for c in claims:
            if (
                c.attribute == total_name
                and compatibility(c.value, everyone) >= AGREE
                and verdicts.get(c.id) == "contradicted"
            ):
                verdicts[c.id] = "supported"  # "13 dead, the gunman among them"
        checks.append(
            {
                "check": f"{total_name} counts {part_name}",
                "result": "added",
                "stated": total.value.to_json(),
                "computed": everyone.to_json(),
            }
        )
    return checks


def _sum_check(
    event: str, record: dict[str, Resolution], total_name: str, parts: tuple[str, ...]
) -> list[dict[str, object]]:
    """The total is at least the sum of its categories: checked, or filled in (as a bound)."""
    known = [record[p] for p in parts if p in record and _is_point_count(record[p].value)]
    if not known:
        return []
    total = sum(float(r.value.low) for r in known if isinstance(r.value, Count))
    stated = record.get(total_name)
    if stated is None:
        if len(known) < 2:
            return []
        record[total_name] = Resolution(
            event,
            total_name,
            Count(total, None, "bound"),
            round(min(r.confidence for r in known), 3),
            "single-source",
            (),
            (),
            derived_from=" + ".join(p for p in parts if p in record),
        )
        return [{"check": f"{total_name} >= sum of categories", "result": "filled",
                 "value": total}]
    if not (isinstance(stated.value, Count) and stated.value.is_point):
        return []
    every_part = all(p in record for p in parts if p not in _OPTIONAL_PARTS)
    exact = abs(stated.value.low - total) < 1e-9 and every_part
    ok = stated.value.low >= total - 1e-9
    return [
        {
            "check": f"{total_name} = sum of categories",
            "result": "consistent" if exact or ok else "inconsistent",
            "computed": total,
            "stated": stated.value.to_json(),
        }
    ]


def _place_within(event: str, record: dict[str, Resolution]) -> list[dict[str, object]]:
    """The city lies in the country: checked against the gazetteer, and a country no article
    names is filled in from its city (a Moscow article seldom says "Russia")."""
    from veracity.extract.places import country_of_city

    city = record.get("location.city")
    if city is None or not isinstance(city.value, Name):
        return []
    country = country_of_city(city.value.canonical)
    if country is None:
        return []
    stated = record.get("location.country")
    if stated is None:
        record["location.country"] = Resolution(
            event,
            "location.country",
            Name(country),
            city.confidence,
            "single-source",
            (),
            (),
            derived_from="location.city",
        )
        return [{"check": "location.city within location.country", "result": "filled",
                 "value": country}]
    ok = isinstance(stated.value, Name) and fold(stated.value.canonical) == fold(country)
    return [
        {
            "check": "location.city within location.country",
            "result": "consistent" if ok else "inconsistent",
            "computed": country,
            "stated": stated.value.to_json(),
        }
    ]


# a stated length under a day: the event is taken to end the day it began (one that began late
# in the evening may end after midnight; a report that says so gives an end, which wins)
_HOURS_IN_A_DAY = 24


def _over_the_day_it_began(
    event: str, record: dict[str, Resolution], stated: set[str] | frozenset[str]
) -> list[dict[str, object]]:
    """No report dates the end or gives the length in days: an attack over in hours, or one with
    no captives to hold (a bombing, a shooting, a ramming), ended the day it began. The end is
    filled from the start and shown as derived; the record model weighs how far to trust it.
    (`stated`: the attributes any claim gives, rejected ones too: an end put before the start
    is still a report of an end, and the day is then unknown.)"""
    start = record.get("event.start_date")
    if start is None or {"event.end_date", "event.duration_days"} & (set(record) | stated):
        return []
    if not isinstance(start.value, DateValue) or start.value.precision != 3:
        return []
    hours = record.get("event.duration_hours")
    if hours is not None:
        if not isinstance(hours.value, Count):
            return []
        if hours.value.high is None and not hours.value.is_point:
            return []  # "more than 16 hours" may be more than a day
        longest = hours.value.high if hours.value.high is not None else hours.value.low
        if longest >= _HOURS_IN_A_DAY:
            return []
        reason = "event.start_date, event.duration_hours (over within hours)"
    elif any(a.startswith("hostages.") for a in record):
        return []  # captives are held for days as often as for hours
    else:
        reason = "event.start_date (no end, length or captives reported: over the day it began)"
    record["event.end_date"] = replace(
        start,
        attribute="event.end_date",
        status="single-source",
        supported_by=(),
        alternatives=(),
        derived_from=reason,
        aliases=(),
        history=(),
    )
    return [{"check": "end_date = start_date", "result": "filled", "value": start.value.to_json()}]


def _end_by_operation(event: str, record: dict[str, Resolution]) -> list[dict[str, object]]:
    """No account dates the end, but one dates the operation that came after the start: a
    rescue or assault ends a siege, so the end is filled from it (and shown as derived)."""
    start, operation = record.get("event.start_date"), record.get("operation.date")
    if "event.end_date" in record or start is None or operation is None:
        return []
    s, o = start.value, operation.value
    if not (isinstance(s, DateValue) and isinstance(o, DateValue)) or o.precision != 3:
        return []
    if s.precision != 3 or (o.year, o.month or 0, o.day or 0) < (s.year, s.month or 0, s.day or 0):
        return []
    record["event.end_date"] = replace(
        operation,
        attribute="event.end_date",
        status="single-source",
        supported_by=(),
        alternatives=(),
        derived_from="operation.date",
    )
    return [{"check": "event.end_date = operation.date", "result": "filled",
             "value": o.to_json()}]
