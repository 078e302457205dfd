"""The two models and where they act: claims get an extraction confidence before resolution;
each record value gets a calibrated probability after it, and a status `undetermined` when that
probability is too low to state the value."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from veracity.assess import claim_features, record_features
from veracity.assess.logistic import FloatArray, LogisticModel
from veracity.extract.lexicon import Profile
from veracity.model import Claim, Document, Resolution, Verdict

# A value is stated only when it is more likely right than wrong (its calibrated probability at
# least one half); below, the record says it does not know (status undetermined) and lists the
# candidates: a reader who repeats the record must not repeat a value that is probably wrong.
# This is the even-odds point of a calibrated probability, not a figure read off a curve;
# `--abstain-below` sets another bar, and benchmarks/heldout.py prints precision and recall for
# several.
ABSTAIN_BELOW = 0.5
# A rival this close to the value (its probability at least this share of the value's) is a tie
# the evidence does not break: the record says it does not know rather than pick one.
NEAR_TIE = 0.9
CLAIM_MODEL = "claim_model.json"
RECORD_MODEL = "record_model.json"
SETTINGS = "settings.json"


@dataclass(frozen=True)
class Models:
    claim: LogisticModel | None = None
    record: LogisticModel | None = None
    abstain_below: float = ABSTAIN_BELOW

    @classmethod
    def none(cls) -> Models:
        """No assessment: every claim weighs 1, confidences are the resolver's own."""
        return cls()

    @classmethod
    def load(cls, folder: Path) -> Models:
        claim = folder / CLAIM_MODEL
        record = folder / RECORD_MODEL
        settings = folder / SETTINGS
        abstain = (
            float(json.loads(settings.read_text())["abstain_below"])
            if settings.exists() else ABSTAIN_BELOW
        )
        return cls(
            LogisticModel.load(claim) if claim.exists() else None,
            LogisticModel.load(record) if record.exists() else None,
            abstain,
        )

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if self.claim is not None:
            self.claim.save(folder / CLAIM_MODEL)
        if self.record is not None:
            self.record.save(folder / RECORD_MODEL)
        (folder / SETTINGS).write_text(json.dumps({"abstain_below": self.abstain_below}) + "\n")


@lru_cache(maxsize=1)
def shipped_models() -> Models:
    """The models trained on the development events (`benchmarks/train_models.py`)."""
    with resources.as_file(resources.files("veracity.assess") / "trained") as folder:
        return Models.load(Path(folder))


def aligned(x: FloatArray, names: Sequence[str], model: LogisticModel) -> FloatArray:
    """x's columns in the model's order; a feature the model never saw is dropped, one it knows
    and x lacks sits at the model's mean (so it adds nothing)."""
    index = {n: k for k, n in enumerate(names)}
    out = np.tile(model.mean, (x.shape[0], 1))
    for k, name in enumerate(model.features):
        if name in index:
            out[:, k] = x[:, index[name]]
    return out


def assess_claims(
    claims: Sequence[Claim],
    documents: Sequence[Document],
    witness_group: Mapping[str, str],
    profile: Profile,
    models: Models,
) -> list[Claim]:
    """The claims of one event, each with its extraction confidence."""
    if models.claim is None or not claims:
        return list(claims)
    x = claim_features.claim_features(claims, documents, witness_group, profile)
    names = claim_features.feature_names(profile)
    p = models.claim.probability(aligned(x, names, models.claim))
    # a value a document repeats is one claim: every repeat is as sure as its first statement,
    # so saying a thing thirty times neither adds nor takes away weight
    first: dict[tuple[str, str, str], float] = {}
    for k in sorted(range(len(claims)), key=lambda k: claims[k].start):
        first.setdefault(_statement(claims[k]), float(p[k]))
    return [replace(c, confidence=round(first[_statement(c)], 4)) for c in claims]


def _statement(claim: Claim) -> tuple[str, str, str]:
    return claim.document, claim.attribute, claim.value.key()


def calibrate_record(
    record: Mapping[str, Resolution],
    claims: Sequence[Claim],
    verdicts: dict[str, Verdict],
    witness_group: Mapping[str, str],
    documents: Sequence[Document],
    profile: Profile,
    models: Models,
) -> dict[str, Resolution]:
    """Each value's confidence as the probability that it is right; a value below the bar is
    undetermined, and then no claim is contradicted by it (verdicts are updated in place)."""
    if models.record is None or not record:
        return dict(record)
    attributes, x = record_features.record_features(
        record, claims, witness_group, documents, profile
    )
    names = record_features.feature_names(profile)
    p = models.record.probability(aligned(x, names, models.record))
    out: dict[str, Resolution] = {}
    for attribute, q in zip(attributes, p, strict=True):
        stated = record[attribute]
        # a tie is judged on the resolver's own weights: a rival nearly as well supported
        # (a figure within a tenth of a large one is the same count, told by another report)
        tied = any(
            a.confidence >= NEAR_TIE * stated.confidence
            and not record_features.near(a.value, stated.value)
            for a in stated.alternatives
        )
        res = on_one_scale(stated, float(q))
        if res.confidence < models.abstain_below or (tied and stated.confidence > 0):
            res = replace(res, status="undetermined")
            for c in claims:
                if c.attribute == attribute and verdicts.get(c.id) == "contradicted":
                    verdicts[c.id] = "uncorroborated"
        out[attribute] = res
    return out


def on_one_scale(res: Resolution, probability: float) -> Resolution:
    """The value's confidence as its calibrated probability, and each rival's on the same scale:
    in the ratio the resolver gave it to the value, but all rivals together never more than
    what the value leaves (1 - probability), so the value's own figure stays the probability
    the model gave it."""
    share = res.confidence
    rivals = [a.confidence / share * probability if share > 0 else 0.0 for a in res.alternatives]
    room = max(1.0 - probability, 0.0)
    scale = room / sum(rivals) if sum(rivals) > room else 1.0
    return replace(
        res,
        confidence=round(probability, 3),
        alternatives=tuple(
            replace(a, confidence=round(r * scale, 3))
            for a, r in zip(res.alternatives, rivals, strict=True)
        ),
    )
