"""The self-contained HTML report: one file, no network, readable on a laptop and a phone.

Built from the CONTRACT.md JSON (`Report.to_dict()`) and the documents' texts. Everything from the
documents is escaped: Jinja's autoescape for fields, and `highlight` for the texts, which builds
the claim highlights from offsets in Python. The page's own CSS and JS are inlined and allowed by
hash in a Content-Security-Policy that forbids every other script, inline handler and fetch.
"""

from __future__ import annotations

import base64
import hashlib
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from veracity.errors import InputError
from veracity.report.highlight import Mark, highlight, valid_marks
from veracity.report.lineage_graph import LineageGraph, layout_lineage

VERDICTS = ("supported", "contradicted", "uncorroborated")
_PROFILE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*")
STATUSES = ("agreed", "resolved", "disputed", "single-source", "undetermined")


@dataclass
class Candidate:
    """One value an attribute could take: the record's winner or one of its rivals."""

    text: str
    normalised: str
    confidence: float | None
    supported_by: list[str]
    claim_keys: list[str]
    quotes: list[tuple[str, str, str]]  # (document id, claim key, sentence) behind the value


@dataclass
class Step:
    """One figure of a running count as it was published, with the documents that gave it."""

    text: str
    published: str
    documents: list[str]


@dataclass
class RecordRow:
    event_key: str
    event_title: str
    attribute: str
    meaning: str
    status: str
    winner: Candidate
    rivals: list[Candidate]
    derived_from: str = ""
    history: list[Step] = field(default_factory=list)  # a toll as it rose, oldest first


@dataclass
class EventView:
    key: str
    title: str
    document_ids: list[str]
    rows: list[RecordRow]


@dataclass
class DocumentView:
    key: str
    id: str
    title: str
    language: str
    path: str
    reliability: float | None
    counts: dict[str, int]
    lineage_notes: list[str]
    body: Markup | None
    unplaced: list[dict[str, str]] = field(default_factory=list)


@dataclass
class ReportView:
    title: str
    profile: str
    events: list[EventView]
    documents: list[DocumentView]
    conflicts: list[RecordRow]
    graph: LineageGraph | None
    totals: dict[str, int]
    doc_keys: dict[str, str]
    copies: dict[str, str]  # document id -> what it is a copy of, for the supporters' chips


def format_value(value: Any) -> str:
    """A record value as a person reads it: 610, 200–999, ≥ 100, 1996-12-17, a name."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping) and "low" in value:
        low, high = value.get("low"), value.get("high")
        if high is None:
            return f"≥ {format_value(low)}"
        if low == high:
            return format_value(low)
        return f"{format_value(low)}–{format_value(high)}"
    if value is None:
        return "—"
    return str(value)


def _require_list(report: Mapping[str, Any], key: str) -> list[Any]:
    items = report.get(key, [])
    if not isinstance(items, list):
        raise InputError(f"report field {key!r} must be a list, not {type(items).__name__}")
    return items


def _claim_title(claim: Mapping[str, Any]) -> str:
    verdict = claim.get("verdict", "unknown")
    return f"{claim.get('attribute', '?')} = {format_value(claim.get('value'))} · {verdict}"


def _same_value(left: Any, right: Any) -> bool:
    return format_value(left) == format_value(right)


def _claims_behind(
    candidates: Sequence[Mapping[str, Any]], claims: Sequence[tuple[str, Mapping[str, Any]]]
) -> list[list[tuple[str, Mapping[str, Any]]]]:
    """For each candidate value, the claims (key, claim) that back it.

    A claim backs a candidate when its document supports that candidate and it states that value;
    a supporting document whose words differ from the normalised value ("about 200" for 214) still
    backs it with its claims that state no other candidate.
    """
    backing: list[list[tuple[str, Mapping[str, Any]]]] = []
    for candidate in candidates:
        supporters = set(candidate.get("supported_by") or [])
        others = [c.get("value") for c in candidates if c is not candidate]
        chosen = []
        for document in supporters:
            own = [(k, c) for k, c in claims if c.get("document") == document]
            exact = [(k, c) for k, c in own if _same_value(c.get("value"), candidate.get("value"))]
            chosen.extend(exact or [
                (k, c) for k, c in own
                if not any(_same_value(c.get("value"), other) for other in others)
            ])
        chosen.sort(key=lambda kc: (str(kc[1].get("document")), kc[1].get("start") or 0))
        backing.append(chosen)
    return backing


def _candidate(entry: Mapping[str, Any], backing: list[tuple[str, Mapping[str, Any]]]) -> Candidate:
    value = entry.get("value")
    shown = str(entry.get("text") or format_value(value))
    normalised = format_value(value)
    confidence = entry.get("confidence")
    return Candidate(
        text=shown,
        normalised="" if normalised == shown else normalised,
        confidence=float(confidence) if isinstance(confidence, int | float) else None,
        supported_by=[str(d) for d in entry.get("supported_by") or []],
        claim_keys=[k for k, _ in backing],
        quotes=[(str(c.get("document")), k, str(c.get("quote") or c.get("text") or ""))
                for k, c in backing],
    )


def _history(entry: Mapping[str, Any]) -> list[Step]:
    """A running count's figures in order of publication; empty for any other field."""
    steps = entry.get("history")
    if not isinstance(steps, list):
        return []
    return [
        Step(
            text=format_value(step.get("value")),
            published=str(step.get("published") or ""),
            documents=[str(d) for d in step.get("documents") or []],
        )
        for step in steps
        if isinstance(step, Mapping)
    ]


@lru_cache(maxsize=8)
def profile_attributes(profile: str) -> dict[str, str]:
    """The profile's attributes in its own order, each with its meaning; empty if unknown.

    Rows follow the profile (when, where, who, how many) rather than the alphabet.
    """
    if not _PROFILE_NAME.match(profile):
        return {}
    try:
        data = (resources.files("veracity.profiles") / f"{profile}.toml").read_text("utf-8")
        attributes = tomllib.loads(data).get("attributes", {})
    except (ModuleNotFoundError, FileNotFoundError, tomllib.TOMLDecodeError):
        return {}
    return {str(name): str(spec.get("meaning", "")) if isinstance(spec, Mapping) else ""
            for name, spec in attributes.items()}


def _in_profile_order(record: Mapping[str, Any], order: Mapping[str, str]) -> list[str]:
    rank = {name: n for n, name in enumerate(order)}
    return sorted(record, key=lambda a: (rank.get(a, len(rank)), a))


def _event_views(
    events: Sequence[Mapping[str, Any]],
    keyed_claims: Sequence[tuple[str, Mapping[str, Any]]],
    meanings: Mapping[str, str],
) -> list[EventView]:
    single_event = len(events) == 1
    views = []
    for number, event in enumerate(events):
        event_id = event.get("id")
        mine = [(k, c) for k, c in keyed_claims
                if c.get("event") == event_id or (single_event and c.get("event") is None)]
        rows = []
        record = event.get("record") or {}
        for attribute in _in_profile_order(record, meanings):
            entry = record[attribute]
            about = [(k, c) for k, c in mine if c.get("attribute") == attribute]
            rivals = list(entry.get("alternatives") or [])
            backing = _claims_behind([entry, *rivals], about)
            status = str(entry.get("status", ""))
            rows.append(RecordRow(
                event_key=f"e{number}",
                event_title=str(event.get("title") or f"Event {number + 1}"),
                attribute=str(attribute),
                meaning=meanings.get(attribute, ""),
                status=status if status in STATUSES else "unknown",
                winner=_candidate(entry, backing[0]),
                rivals=[_candidate(r, b) for r, b in zip(rivals, backing[1:], strict=True)],
                derived_from=str(entry.get("derived_from") or ""),
                history=_history(entry),
            ))
        _follow_derivations(rows)
        views.append(EventView(
            key=f"e{number}",
            title=str(event.get("title") or ""),
            document_ids=[str(d) for d in event.get("documents") or []],
            rows=rows,
        ))
    return views


def _follow_derivations(rows: Sequence[RecordRow]) -> None:
    """A value computed from other facts (end - start = duration) is backed by their sentences."""
    by_attribute = {row.attribute: row for row in rows}
    for row in rows:
        if not row.derived_from:
            continue
        sources = [by_attribute[name] for name in _ATTRIBUTE_NAME.findall(row.derived_from)
                   if name in by_attribute and name != row.attribute]
        for source in sources:
            for key, quote in zip(source.winner.claim_keys, source.winner.quotes, strict=True):
                if key not in row.winner.claim_keys:
                    row.winner.claim_keys.append(key)
                    row.winner.quotes.append(quote)


def _lineage_notes(lineage: Sequence[Mapping[str, Any]], doc_id: str) -> list[str]:
    notes = []
    for relation in lineage:
        kind = relation.get("relation", "related")
        score = relation.get("score")
        score_text = f" ({score:.2f})" if isinstance(score, int | float) else ""
        if relation.get("document") == doc_id:
            notes.append(f"{kind} of {relation.get('of')}{score_text}")
        elif relation.get("of") == doc_id:
            notes.append(f"source of {relation.get('document')} ({kind}){score_text}")
    return notes


def _document_views(
    documents: Sequence[Mapping[str, Any]],
    doc_keys: Mapping[str, str],
    texts: Mapping[str, str],
    keyed_claims: Sequence[tuple[str, Mapping[str, Any]]],
    lineage: Sequence[Mapping[str, Any]],
) -> list[DocumentView]:
    views = []
    for document in documents:
        doc_id = str(document.get("id"))
        own = [(k, c) for k, c in keyed_claims if c.get("document") == doc_id]
        marks = [
            Mark(key=k, start=int(c.get("start", -1)), end=int(c.get("end", -1)),
                 verdict=str(c.get("verdict", "")), title=_claim_title(c),
                 quote=str(c.get("quote") or ""))
            for k, c in own if isinstance(c.get("start"), int) and isinstance(c.get("end"), int)
        ]
        text = texts.get(doc_id)
        placed = {m.key for m in valid_marks(text, marks)} if text is not None else set()
        counts = {v: sum(c.get("verdict") == v for _, c in own) for v in VERDICTS}
        reliability = document.get("reliability")
        views.append(DocumentView(
            key=doc_keys[doc_id],
            id=doc_id,
            title=str(document.get("title") or ""),
            language=str(document.get("language") or ""),
            path=str(document.get("path") or ""),
            reliability=float(reliability) if isinstance(reliability, int | float) else None,
            counts=counts,
            lineage_notes=_lineage_notes(lineage, doc_id),
            body=highlight(text, marks, doc_keys[doc_id]) if text is not None else None,
            unplaced=[
                {"key": k, "title": _claim_title(c), "verdict": str(c.get("verdict", "")),
                 "quote": str(c.get("quote") or c.get("text") or "")}
                for k, c in own if k not in placed
            ],
        ))
    return views


def _conflict_order(row: RecordRow) -> tuple[int, float]:
    # Disputed first, then the least confident winners: where a reader's attention is needed.
    confidence = row.winner.confidence if row.winner.confidence is not None else 0.0
    return (0 if row.status == "disputed" else 1, confidence)


def build_view(report: Mapping[str, Any], texts: Mapping[str, str]) -> ReportView:
    """Everything the template shows, computed and checked in Python."""
    if not isinstance(report, Mapping):
        raise InputError("a report must be a JSON object (CONTRACT.md)")
    documents = [d for d in _require_list(report, "documents") if isinstance(d, Mapping)]
    events = [e for e in _require_list(report, "events") if isinstance(e, Mapping)]
    claims = [c for c in _require_list(report, "claims") if isinstance(c, Mapping)]
    lineage = [r for r in _require_list(report, "lineage") if isinstance(r, Mapping)]

    known = {str(d.get("id")) for d in documents}
    # Documents that claims or texts mention but the list lacks still get shown.
    extra = [{"id": i} for i in dict.fromkeys(
        [str(c.get("document")) for c in claims] + list(texts)) if i not in known]
    documents = [*documents, *extra]
    doc_keys = {str(d.get("id")): f"d{n}" for n, d in enumerate(documents)}
    keyed_claims = [(f"k{n}", c) for n, c in enumerate(claims)]

    event_views = _event_views(events, keyed_claims,
                               profile_attributes(str(report.get("profile") or "")))
    conflicts = sorted(
        (row for event in event_views for row in event.rows
         if row.rivals or row.status == "disputed"),
        key=_conflict_order,
    )
    details = {str(d.get("id")): str(d.get("language") or "") for d in documents}
    totals = {v: sum(c.get("verdict") == v for c in claims) for v in VERDICTS}
    totals.update(documents=len(documents), claims=len(claims), conflicts=len(conflicts))
    if len(event_views) == 1:
        title = event_views[0].title or f"One event in {len(documents)} documents"
    else:
        title = f"{len(event_views)} events" if event_views else "No event found"
    return ReportView(
        title=title,
        profile=str(report.get("profile") or ""),
        events=event_views,
        documents=_document_views(documents, doc_keys, texts, keyed_claims, lineage),
        conflicts=conflicts,
        graph=layout_lineage(lineage, doc_keys, details),
        totals=totals,
        doc_keys=doc_keys,
        copies={str(r.get("document")): f"{r.get('relation', 'copy')} of {r.get('of')}"
                for r in lineage},
    )


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("veracity.report", "templates"),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=4)
def asset(name: str) -> str:
    """A packaged CSS or JS file, read once."""
    return (resources.files("veracity.report") / "templates" / name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(style: str, script: str) -> str:
    """Only this page's own style and script; no network, no plugins, no forms, no frames."""
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(style)}; "
        f"script-src {csp_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'"
    )


def report_content_security_policy() -> str:
    """The policy the report page declares; a server may send it as a header too."""
    return content_security_policy(asset("report.css"), asset("report.js"))


def render_html(report: Mapping[str, Any], texts: Mapping[str, str], *, home_url: str = "") -> str:
    """The report as one self-contained HTML page.

    `report` is the CONTRACT.md JSON; `texts` maps each document id to the exact text its claims'
    offsets point into. `home_url` adds a link back to the web app (empty in a report file).
    """
    view = build_view(report, texts)
    return _environment().get_template("report.html.j2").render(
        view=view,
        style=Markup(asset("report.css")),
        script=Markup(asset("report.js")),
        csp=report_content_security_policy(),
        home_url=home_url,
        format_value=format_value,
    )


def render_report(report: Any) -> str:
    """HTML for a pipeline `Report` (anything with `.to_dict()` and `.documents`)."""
    texts = {str(d.id): str(d.text) for d in report.documents}
    return render_html(report.to_dict(), texts)
