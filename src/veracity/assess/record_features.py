"""What the resolution of one attribute looked like, as numbers: how many independent witnesses
back the winner and how sure extraction was of them, how strong the best rival is, and how many
reports write the value somewhere at all (a figure every report prints is rarely a misreading,
even where the rules did not read it)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from veracity.extract.lexicon import Profile
from veracity.model import Claim, Document, Resolution
from veracity.values import Count, DateValue, Name, Value, compatibility, fold

STATUSES = ("agreed", "resolved", "disputed", "single-source")
_NUMERIC = (
    "resolver_confidence",
    "best_rival",
    "supporting_groups",
    "speaking_groups",
    "supporting_share",
    "supporter_confidence_max",
    "supporter_confidence_sum",
    "rival_confidence_sum",
    "documents",
    "written_by_groups",
    "rival_written_by_groups",
    "derived",
    "coarse",
    "near_share",
)


def feature_names(profile: Profile) -> tuple[str, ...]:
    return (
        "bias",
        *(f"attribute={a}" for a in sorted(profile.attributes)),
        "attribute=other",
        *(f"status={s}" for s in STATUSES),
        *_NUMERIC,
    )


def record_features(
    record: Mapping[str, Resolution],
    claims: Sequence[Claim],
    witness_group: Mapping[str, str],
    documents: Sequence[Document],
    profile: Profile,
) -> tuple[list[str], np.ndarray]:
    """The attributes of `record` and one row of features for each (`documents`: the event's)."""
    texts = [(witness_group.get(d.id, d.id), f" {fold(d.text)} ") for d in documents]
    n_groups = max(len({g for g, _ in texts}), 1)

    def written_by(value: Value | None) -> float:
        forms = _written_forms(value) if value is not None else []
        if not forms:
            return 0.5
        return len({g for g, text in texts if any(f in text for f in forms)}) / n_groups

    names = feature_names(profile)
    column = {n: k for k, n in enumerate(names)}
    attributes = sorted(record)
    x = np.zeros((len(attributes), len(names)))
    by_attribute: dict[str, list[Claim]] = {}
    for c in claims:
        by_attribute.setdefault(c.attribute, []).append(c)
    for row, attribute in enumerate(attributes):
        res = record[attribute]
        own = by_attribute.get(attribute, [])
        judged = stated_value(attribute, res, record)
        backing = [c for c in own if compatibility(c.value, judged) >= 0.5]
        rivals = [c for c in own if compatibility(c.value, judged) < 0.5]
        supporting = {witness_group.get(c.document, c.document) for c in backing}
        speaking = {witness_group.get(c.document, c.document) for c in own}
        values = {
            "bias": 1.0,
            "resolver_confidence": res.confidence,
            "best_rival": max((a.confidence for a in res.alternatives), default=0.0),
            "supporting_groups": math.log1p(len(supporting)),
            "speaking_groups": math.log1p(len(speaking)),
            "supporting_share": len(supporting) / max(len(speaking), 1),
            "supporter_confidence_max": max((c.confidence for c in backing), default=0.0),
            "supporter_confidence_sum": math.log1p(_best_per_group(backing, witness_group)),
            "rival_confidence_sum": math.log1p(_best_per_group(rivals, witness_group)),
            # independent witnesses, not articles: a thousand copies are one
            "documents": math.log1p(n_groups),
            "written_by_groups": written_by(judged),
            "rival_written_by_groups": written_by(
                res.alternatives[0].value if res.alternatives else None
            ),
            # filled from other facts (an end from the start, a length from both ends): as
            # sure as the rule that filled it, which the model learns apart from stated values
            "derived": 1.0 if res.derived_from else 0.0,
            # a month for a day, a range or a bound for a figure: true, perhaps, but not the
            # answer the record is asked for
            "coarse": 1.0 if _coarse(res.value) else 0.0,
            # reports of a large figure rarely agree to the unit (crew counted or not, a late
            # death): the share of speaking witnesses whose figure is within a tenth of it
            "near_share": len(
                {witness_group.get(c.document, c.document) for c in own if near(c.value, judged)}
            ) / max(len(speaking), 1),
        }
        attr_col = f"attribute={attribute}"
        values[attr_col if attr_col in column else "attribute=other"] = 1.0
        if f"status={res.status}" in column:
            values[f"status={res.status}"] = 1.0
        for k, v in values.items():
            x[row, column[k]] = v
    return attributes, x


def stated_value(attribute: str, res: Resolution, record: Mapping[str, Resolution]) -> Value:
    """The value the sources state: a total the record completed with a part its reports
    left out ("12 killed" + the gunman = 13) is judged by the witnesses of the 12."""
    derived = res.derived_from or ""
    part_name = derived.removeprefix(f"{attribute} + ")
    part = record.get(part_name) if part_name != derived else None
    if (
        part is not None
        and isinstance(res.value, Count)
        and res.value.is_point
        and isinstance(part.value, Count)
        and part.value.is_point
    ):
        return Count.exact(res.value.low - part.value.low)
    return res.value


# figures this large or more are counted in a crowd, where reports differ by a few
_NEAR_FROM = 20
_NEAR_WITHIN = 0.1


def near(claimed: Value, value: Value) -> bool:
    """The same figure as reports of a crowd give it: equal, or within a tenth of a large one."""
    if not (isinstance(claimed, Count) and isinstance(value, Count)):
        return False
    if not (claimed.is_point and value.is_point) or value.low < _NEAR_FROM:
        return compatibility(claimed, value) >= 0.5
    return abs(claimed.low - value.low) <= _NEAR_WITHIN * value.low


def _coarse(value: Value) -> bool:
    if isinstance(value, DateValue):
        return value.day is None
    if isinstance(value, Count):
        return not value.is_point
    return False


def _best_per_group(claims: Sequence[Claim], witness_group: Mapping[str, str]) -> float:
    """Sum over witness groups of their surest claim (a copy adds nothing)."""
    best: dict[str, float] = {}
    for c in claims:
        g = witness_group.get(c.document, c.document)
        best[g] = max(best.get(g, 0.0), c.confidence)
    return sum(best.values())


def _written_forms(value: Value) -> list[str]:
    """How a report would write the value, folded and padded with spaces (none when unclear: a
    small number or a bare year is written everywhere for other reasons)."""
    if isinstance(value, Count) and value.is_point and value.low >= 10 and float(value.low).is_integer():
        n = int(value.low)
        return [f" {n} ", f" {n:,} ".replace(",", " ")] if n >= 1000 else [f" {n} "]
    if isinstance(value, DateValue) and value.day is not None:
        return [f" {value.day} "] if value.day > 12 else []
    if isinstance(value, Name):
        folded = fold(value.canonical)
        return [f" {folded} "] if len(folded) >= 4 else []
    return []
