"""Records as flat rows and back: claims and resolutions for the store and for Arrow batches.

A value is stored as JSON text with its type, so that it comes back as the same typed value
(`Count(610, 610, "exact")`, not the number 610).
"""

from __future__ import annotations

import json
from typing import Any

from veracity.model import Alternative, Claim, Resolution
from veracity.values import Count, DateValue, Name, Text, TimeValue, Value


def value_to_text(value: Value) -> str:
    if isinstance(value, Count):
        data: dict[str, Any] = {"t": "count", "low": value.low, "high": value.high,
                                "kind": value.kind}
    elif isinstance(value, DateValue):
        data = {"t": "date", "y": value.year, "m": value.month, "d": value.day}
    elif isinstance(value, TimeValue):
        data = {"t": "time", "h": value.hour, "m": value.minute}
    elif isinstance(value, Name):
        data = {"t": "name", "canonical": value.canonical, "group": value.group}
    else:
        data = {"t": "text", "text": value.text}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def value_from_text(text: str) -> Value:
    data = json.loads(text)
    kind = data["t"]
    if kind == "count":
        return Count(data["low"], data["high"], data["kind"])
    if kind == "date":
        return DateValue(data["y"], data["m"], data["d"])
    if kind == "time":
        return TimeValue(data["h"], data["m"])
    if kind == "name":
        return Name(data["canonical"], data["group"])
    if kind == "text":
        return Text(data["text"])
    raise ValueError(f"unknown value type {kind!r}")


CLAIM_COLUMNS = ("id", "document", "attribute", "value", "text", "quote", "start", "end",
                 "extractor", "qualifiers")


def claim_to_row(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "document": claim.document,
        "attribute": claim.attribute,
        "value": value_to_text(claim.value),
        "text": claim.text,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "extractor": claim.extractor,
        "qualifiers": json.dumps(claim.qualifiers, ensure_ascii=False, sort_keys=True),
    }


def claim_from_row(row: dict[str, Any]) -> Claim:
    return Claim(
        id=row["id"],
        document=row["document"],
        attribute=row["attribute"],
        value=value_from_text(row["value"]),
        text=row["text"],
        quote=row["quote"],
        start=int(row["start"]),
        end=int(row["end"]),
        extractor=row["extractor"],
        qualifiers=json.loads(row["qualifiers"]),
    )


def resolution_to_text(res: Resolution) -> str:
    return json.dumps(
        {
            "value": value_to_text(res.value),
            "confidence": res.confidence,
            "status": res.status,
            "supported_by": list(res.supported_by),
            "alternatives": [
                {"value": value_to_text(a.value), "confidence": a.confidence,
                 "supported_by": list(a.supported_by)}
                for a in res.alternatives
            ],
            "derived_from": res.derived_from,
            "aliases": list(res.aliases),
        },
        ensure_ascii=False,
    )


def resolution_from_text(event: str, attribute: str, text: str) -> Resolution:
    data = json.loads(text)
    return Resolution(
        event=event,
        attribute=attribute,
        value=value_from_text(data["value"]),
        confidence=data["confidence"],
        status=data["status"],
        supported_by=tuple(data["supported_by"]),
        alternatives=tuple(
            Alternative(value_from_text(a["value"]), a["confidence"], tuple(a["supported_by"]))
            for a in data["alternatives"]
        ),
        derived_from=data["derived_from"],
        aliases=tuple(data.get("aliases", ())),
    )
