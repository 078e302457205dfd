"""The records that flow between pipeline stages. Plain data, no behaviour beyond conversion."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from veracity.values import Value

Relation = Literal["translation", "near-duplicate", "derived"]
# undetermined: no value is well enough supported to state (the candidates are its alternatives)
Status = Literal["agreed", "resolved", "disputed", "single-source", "undetermined"]
Verdict = Literal["supported", "contradicted", "uncorroborated"]


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: `text` is the exact text all character offsets point into."""

    id: str
    text: str
    language: str
    path: str = ""
    title: str = ""
    source: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Lineage:
    """`document` derives from `of` (the likely original, or the other member when undirected)."""

    document: str
    of: str
    relation: Relation
    score: float
    directed: bool = True


@dataclass(frozen=True, slots=True)
class Claim:
    """One factual statement found in a document, with the words it came from."""

    id: str
    document: str
    attribute: str
    value: Value
    text: str
    quote: str
    start: int
    end: int
    extractor: str = "rules"
    qualifiers: dict[str, str] = field(default_factory=dict)
    # how sure extraction is that these words state this attribute of this event (0-1): weighs
    # the claim in resolution; a weak claim never makes its source contradicted on its own
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Alternative:
    value: Value
    confidence: float
    supported_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Resolution:
    """The best-supported value of one attribute of one event, with every rival."""

    event: str
    attribute: str
    value: Value
    confidence: float
    status: Status
    supported_by: tuple[str, ...]
    alternatives: tuple[Alternative, ...] = ()
    derived_from: str | None = None
    # a name's other forms (translations, acronyms, spellings) when the value is a name
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceScore:
    document: str
    reliability: float
