"""The whole method, stage by stage: ingest -> extract -> lineage -> link names -> reconcile."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from veracity.aliases import link_names
from veracity.errors import InputError
from veracity.extract import extract_claims, load_profile
from veracity.extract.lexicon import Profile
from veracity.ingest import load_documents
from veracity.language import detect_language
from veracity.lineage import find_lineage, witness_groups
from veracity.model import Claim, Document, Lineage, Resolution, Verdict
from veracity.reconcile import reconcile
from veracity.resolve import algorithms
from veracity.values import Name, fold

_LINKED_NAMES = ("perpetrator.group",)


@dataclass
class Event:
    id: str
    title: str
    documents: list[str]
    record: dict[str, Resolution]
    checks: list[dict[str, object]] = field(default_factory=list)


@dataclass
class Report:
    profile: str
    resolver: str
    documents: list[Document]
    lineage: list[Lineage]
    events: list[Event]
    claims: list[Claim]
    verdicts: dict[str, Verdict]
    event_of_claim: dict[str, str]
    reliability: dict[str, float]

    def to_dict(self) -> dict[str, object]:
        from veracity.report.json_report import report_dict

        return report_dict(self)


class Progress:
    """Progress on stderr for long runs (never stdout: `--format json | jq` must work)."""

    def __init__(self, total: int, label: str, enabled: bool) -> None:
        self.total, self.label, self.enabled = total, label, enabled and total >= 50
        self.started = time.monotonic()
        self.last = 0.0

    def step(self, done: int) -> None:
        now = time.monotonic()
        if self.enabled and (now - self.last > 1.0 or done == self.total):
            self.last = now
            rate = done / max(now - self.started, 1e-9)
            print(f"\r{self.label}: {done}/{self.total} ({rate:.0f}/s)", end="", file=sys.stderr)
            if done == self.total:
                print(file=sys.stderr)


def check(
    paths: Sequence[str | Path],
    *,
    profile: str = "attack",
    resolver: str = "default",
    progress: bool = False,
) -> Report:
    """Reconcile the documents under `paths` (files or folders) into one report."""
    prof = _profile(profile)
    _check_resolver(resolver)
    documents = load_documents(paths, frozenset(prof.languages))
    return check_documents(documents, profile=prof, resolver=resolver, progress=progress)


def check_texts(
    documents: Sequence[tuple[str, str]], *, profile: str = "attack", resolver: str = "default"
) -> Report:
    """Reconcile (id, text) pairs: for callers that hold the text already (the web app)."""
    prof = _profile(profile)
    _check_resolver(resolver)
    docs = []
    for doc_id, text in documents:
        if not text.strip():
            raise InputError(f"empty document {doc_id!r}")
        first = text.strip().split("\n", 1)[0].strip()
        docs.append(
            Document(
                id=doc_id,
                text=text,
                language=detect_language(text, frozenset(prof.languages)),
                title=first if len(first) <= 150 else "",
            )
        )
    if not docs:
        raise InputError("no documents given")
    return check_documents(docs, profile=prof, resolver=resolver)


def check_documents(
    documents: Sequence[Document],
    *,
    profile: Profile,
    resolver: str = "default",
    progress: bool = False,
) -> Report:
    meter = Progress(len(documents), "extracting", progress)
    claims: list[Claim] = []
    pairs: list[tuple[str, str]] = []
    for k, doc in enumerate(documents, start=1):
        found = extract_claims(doc, profile)
        claims.extend(found.claims)
        pairs.extend(found.aliases)
        meter.step(k)
    claims = _link_names(claims, pairs, profile)
    lineage = find_lineage(documents)
    ids = [d.id for d in documents]
    groups = witness_groups(ids, lineage)
    event_id = "e1"
    outcome = reconcile(
        event_id, claims, ids, groups, resolver, {d.id: d.language for d in documents}
    )
    event = Event(event_id, _title(documents), ids, outcome.record, outcome.checks)
    return Report(
        profile=profile.name,
        resolver=resolver,
        documents=list(documents),
        lineage=lineage,
        events=[event],
        claims=outcome.claims,
        verdicts=outcome.verdicts,
        event_of_claim={c.id: event_id for c in outcome.claims},
        reliability=outcome.reliability,
    )


def _profile(name: str) -> Profile:
    from veracity.extract import available_profiles

    if name not in available_profiles():
        raise InputError(f"unknown profile {name!r}; available: {', '.join(available_profiles())}")
    return load_profile(name)


def _check_resolver(name: str) -> None:
    from veracity.resolve import default, vote  # noqa: F401  (registers them)

    if name not in algorithms():
        raise InputError(f"unknown resolver {name!r}; choose one of {', '.join(algorithms())}")


def _link_names(claims: list[Claim], pairs: list[tuple[str, str]], profile: Profile) -> list[Claim]:
    """Give every organisation name the key of its alias group (MRTA = Túpac Amaru ...)."""
    names = [
        c.value.canonical
        for c in claims
        if c.attribute in _LINKED_NAMES and isinstance(c.value, Name)
    ]
    if not names:
        return claims
    group_of, display = link_names(names, pairs, profile.connectors)
    out = []
    for c in claims:
        if c.attribute in _LINKED_NAMES and isinstance(c.value, Name):
            group = group_of.get(fold(c.value.canonical), fold(c.value.canonical))
            c = replace(c, value=Name(display.get(group, c.value.canonical), group))
        out.append(c)
    return out


def _title(documents: Sequence[Document]) -> str:
    titles = [d.title for d in documents if d.title]
    english = [d.title for d in documents if d.title and d.language == "en"]
    return (english or titles or [documents[0].id])[0]
