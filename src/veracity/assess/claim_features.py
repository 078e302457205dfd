"""What a claim's context says about it, as numbers that mean the same in every language.

Each claim is seen with the event it is filed under: whether its sentence names what the
event's other reports name (a sentence about another event names other places and people),
its place in its document (the lead, the first mention of the attribute), and which of the
profile's cue classes stand in its sentence ("killed", "led by", in every language the profile
knows). Words never enter
as words: a cue is a class of the profile, so a new language is a new column of the profile, not
a new model.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from veracity.extract.lexicon import Profile
from veracity.extract.text import Sentence, split_sentences
from veracity.model import Claim, Document
from veracity.values import Count, DateValue, Name, fold

FAMILIES = ("count", "date", "name")

# Features of every claim whatever its kind; each also enters crossed with the kind's family, so
# that a cue can mean one thing next to a figure and another next to a name.
_SHARED = (
    "in_lead",
    "first_of_attribute",
    "document_values",
    "sentence_numbers",
    "sentence_names_elsewhere",
    "documents",
)
_COUNT = ("count.range", "count.bound", "count.vague", "count.relative",
          "count.document_max")
_DATE = ("date.day", "date.month")
_NAME = ("name.words", "name.acronym", "name.digits")


def feature_names(profile: Profile) -> tuple[str, ...]:
    attributes = sorted(profile.attributes)
    cues = sorted(profile.cues)
    shared = [*_SHARED, *(f"cue.{c}" for c in cues)]
    return (
        "bias",
        *(f"attribute={a}" for a in attributes),
        "attribute=other",
        *(f"family={f}" for f in FAMILIES),
        *shared,
        *(f"{f}*{s}" for f in FAMILIES for s in shared),
        *_COUNT,
        *_DATE,
        *_NAME,
    )


class _DocumentContext:
    """A document's sentences, and per sentence which cue classes it holds (computed once)."""

    def __init__(self, document: Document, profile: Profile) -> None:
        self.id = document.id
        self.sentences: list[Sentence] = split_sentences(document.text)
        self.starts = [s.start for s in self.sentences]
        self.folded = f" {fold(document.text)} "
        self._cues: dict[int, frozenset[str]] = {}
        self._matcher = profile.cue_matcher(document.language)

    def sentence_index(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def names(self, index: int) -> set[str]:
        """Folded words of the sentence written with a capital (not its first word) or digits
        inside letters: the names it speaks of."""
        if not self.sentences:
            return set()
        s = self.sentences[index]
        found = set()
        for k, (a, b) in enumerate(s.spans):
            raw = s.text[a - s.start : b - s.start]
            if k > 0 and len(raw) >= 3 and raw[0].isupper():
                found.add(s.words[k])
        return found

    def cues(self, index: int) -> frozenset[str]:
        if index not in self._cues:
            if not self.sentences:
                self._cues[index] = frozenset()
            else:
                found = self._matcher.find_all(self.sentences[index].words)
                self._cues[index] = frozenset(k for k, v in found.items() if v)
        return self._cues[index]


_DIGITS = re.compile(r"\d")


def _family(claim: Claim) -> str | None:
    v = claim.value
    if isinstance(v, Count):
        return "count"
    if isinstance(v, DateValue):
        return "date"
    if isinstance(v, Name):
        return "name"
    return None


def claim_features(
    claims: Sequence[Claim],
    documents: Sequence[Document],
    witness_group: Mapping[str, str],
    profile: Profile,
) -> np.ndarray:
    """One row per claim (the columns of `feature_names(profile)`): all claims of one event,
    whose `documents` are every article filed under it."""
    names = feature_names(profile)
    column = {n: k for k, n in enumerate(names)}
    x = np.zeros((len(claims), len(names)))
    if not claims:
        return x
    contexts = {d.id: _DocumentContext(d, profile) for d in documents}
    first_of: dict[tuple[str, str], int] = {}
    for c in sorted(claims, key=lambda c: c.start):
        first_of.setdefault((c.document, c.attribute), c.start)
    # what a claim is set against is counted once per document and attribute, so that a
    # document of many claims costs in proportion to them (no claim meets every other)
    per_document: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    document_max: dict[tuple[str, str], float] = {}
    for c in claims:
        per_document[(c.document, c.attribute)][c.value.key()] += 1
        if isinstance(c.value, Count):
            here = (c.document, c.attribute)
            document_max[here] = max(document_max.get(here, 0.0), c.value.low)
    independent = len({witness_group.get(d.id, d.id) for d in documents})
    # which documents name each word: a sentence naming what the event's other reports name
    # speaks of this event; one naming other places and people may tell of another
    named_in: dict[str, set[str]] = defaultdict(set)
    for ctx in contexts.values():
        for word in set(ctx.folded.split()):
            named_in[word].add(witness_group.get(ctx.id, ctx.id))

    for row, claim in enumerate(claims):
        family = _family(claim)
        values: dict[str, float] = {"bias": 1.0}
        attr_col = f"attribute={claim.attribute}"
        values[attr_col if attr_col in column else "attribute=other"] = 1.0
        if family:
            values[f"family={family}"] = 1.0
        ctx = contexts[claim.document]
        in_document = per_document[(claim.document, claim.attribute)]
        index = ctx.sentence_index(claim.start)
        sentence = ctx.sentences[index] if ctx.sentences else None
        own = witness_group.get(claim.document, claim.document)
        sentence_names = ctx.names(index)
        elsewhere = (
            sum(bool(named_in[w] - {own}) for w in sentence_names) / len(sentence_names)
            if sentence_names and independent > 1 else 0.5
        )
        shared: dict[str, float] = {
            "in_lead": float(claim.start < 600),
            "first_of_attribute": float(first_of[(claim.document, claim.attribute)] == claim.start),
            "document_values": math.log1p(len(in_document) - 1),
            "sentence_numbers": math.log1p(
                sum(bool(_DIGITS.match(w)) for w in sentence.words) if sentence else 0
            ),
            "documents": math.log1p(independent - 1),
            "sentence_names_elsewhere": elsewhere,
        }
        for cue in ctx.cues(index):
            shared[f"cue.{cue}"] = 1.0
        values.update(shared)
        if family:
            values.update({f"{family}*{k}": v for k, v in shared.items()})
        v = claim.value
        if isinstance(v, Count):
            values.update({
                "count.range": float(not v.is_point and v.kind == "approximate"),
                "count.bound": float(v.kind == "bound"),
                "count.vague": float(v.kind == "vague"),
                "count.relative": float(v.kind == "relative"),
                "count.document_max": float(v.low >= document_max[(claim.document, claim.attribute)]),
            })
        elif isinstance(v, DateValue):
            values.update({
                "date.day": float(v.day is not None),
                "date.month": float(v.month is not None and v.day is None),
            })
        elif isinstance(v, Name):
            words = v.canonical.split()
            values.update({
                "name.words": math.log1p(len(words)),
                "name.acronym": float(len(words) == 1 and v.canonical.isupper()),
                "name.digits": float(bool(_DIGITS.search(v.canonical))),
            })
        for k, val in values.items():
            if k in column:
                x[row, column[k]] = val
    return x
