"""What the resolution of one attribute looked like, as numbers: how many independent witnesses
back the winner and how sure extraction was of them, how strong the best rival is."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from veracity.extract.lexicon import Profile
from veracity.model import Claim, Resolution
from veracity.values import compatibility

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
    n_documents: int,
    profile: Profile,
) -> tuple[list[str], np.ndarray]:
    """The attributes of `record` and one row of features for each."""
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
        backing = [c for c in own if compatibility(c.value, res.value) >= 0.5]
        rivals = [c for c in own if compatibility(c.value, res.value) < 0.5]
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
            "documents": math.log1p(n_documents),
        }
        attr_col = f"attribute={attribute}"
        values[attr_col if attr_col in column else "attribute=other"] = 1.0
        if f"status={res.status}" in column:
            values[f"status={res.status}"] = 1.0
        for k, v in values.items():
            x[row, column[k]] = v
    return attributes, x


def _best_per_group(claims: Sequence[Claim], witness_group: Mapping[str, str]) -> float:
    """Sum over witness groups of their surest claim (a copy adds nothing)."""
    best: dict[str, float] = {}
    for c in claims:
        g = witness_group.get(c.document, c.document)
        best[g] = max(best.get(g, 0.0), c.confidence)
    return sum(best.values())
