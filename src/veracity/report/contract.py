"""The report the pipeline returns (`Report`, one `Event` each) and its JSON, format
veracity.report/1 of CONTRACT.md."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from veracity.model import Claim, Document, Lineage, Resolution, Verdict

FORMAT = "veracity.report/1"
_ROUNDUP = (
    "a roundup of several events: one of its paragraphs reports this one, another {}, which "
    "its claims count for"
)


@dataclass
class Event:
    id: str
    title: str
    documents: list[str]
    record: dict[str, Resolution]
    checks: list[dict[str, object]] = field(default_factory=list)
    # documents that report this event in passing: a roundup of several events, whose claims
    # count for the event it mainly reports
    in_passing: list[str] = field(default_factory=list)


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
    # publisher -> reliability learnt over all its events (when documents name publishers)
    sources: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return report_dict(self)


def _resolution(res: Resolution) -> dict[str, Any]:
    if res.status == "undetermined":
        return _undetermined(res)
    out: dict[str, Any] = {
        "value": res.value.to_json(),
        "text": _text(res.value.to_json()),
        "confidence": res.confidence,
        "status": res.status,
        "supported_by": list(res.supported_by),
        "alternatives": [
            {
                "value": a.value.to_json(),
                "text": _text(a.value.to_json()),
                "confidence": a.confidence,
                "supported_by": list(a.supported_by),
            }
            for a in res.alternatives
        ],
    }
    if res.derived_from:
        out["derived_from"] = res.derived_from
    if res.aliases:
        out["aliases"] = list(res.aliases)
    if res.history:
        out["history"] = [
            {
                "published": h.published,
                "value": h.value.to_json(),
                "text": _text(h.value.to_json()),
                "documents": list(h.documents),
            }
            for h in res.history
        ]
    return out


def _undetermined(res: Resolution) -> dict[str, Any]:
    """No value stated: the leading candidate heads the alternatives, with the same fields."""
    leading: dict[str, Any] = {
        "value": res.value.to_json(),
        "text": _text(res.value.to_json()),
        "confidence": res.confidence,
        "supported_by": list(res.supported_by),
    }
    if res.aliases:
        leading["aliases"] = list(res.aliases)
    rest = _resolution(replace(res, status="disputed"))["alternatives"]
    return {
        "value": None,
        "text": "",
        "confidence": res.confidence,
        "status": "undetermined",
        "supported_by": [],
        "alternatives": [leading, *rest],
    }


def _text(value: Any) -> str:
    if isinstance(value, dict):
        low, high = value.get("low"), value.get("high")
        return f"{low}-{high}" if high is not None else f"{low} or more"
    return str(value)


def _sources(report: Report) -> list[dict[str, Any]]:
    """Publishers with the reliability learnt over all their events (empty when none named)."""
    counts = Counter(d.source for d in report.documents if d.source)
    return [
        {"source": name, "reliability": round(report.sources.get(name, 0.0), 3),
         "documents": counts[name]}
        for name in sorted(counts)
        if name in report.sources
    ]


def report_dict(report: Report) -> dict[str, Any]:
    verdict_counts: dict[str, Counter[str]] = {d.id: Counter() for d in report.documents}
    events_of: dict[str, list[str]] = {}
    for e in report.events:
        for d in e.documents:
            events_of.setdefault(d, []).append(e.id)
    mainly: dict[str, str] = {
        d: e.id for e in report.events for d in e.documents if d not in e.in_passing
    }
    for claim in report.claims:
        verdict_counts[claim.document][report.verdicts.get(claim.id, "uncorroborated")] += 1
    return {
        "format": FORMAT,
        "profile": report.profile,
        "resolver": report.resolver,
        "documents": [
            {
                "id": d.id,
                "path": d.path,
                "language": d.language,
                "title": d.title,
                "chars": len(d.text),
                "reliability": round(report.reliability.get(d.id, 0.0), 3),
                "claims": sum(verdict_counts[d.id].values()),
                "supported": verdict_counts[d.id]["supported"],
                "contradicted": verdict_counts[d.id]["contradicted"],
                "uncorroborated": verdict_counts[d.id]["uncorroborated"],
                **({"source": d.source} if d.source else {}),
                **({"url": d.url} if d.url else {}),
                **({"published": d.published} if d.published else {}),
                # a document in several events (a roundup): every one of them, its own first
                **({"events": events_of[d.id]} if len(events_of.get(d.id, ())) > 1 else {}),
            }
            for d in report.documents
        ],
        "sources": _sources(report),
        "lineage": [
            {
                "document": link.document,
                "of": link.of,
                "relation": link.relation,
                "score": round(link.score, 3),
                "directed": link.directed,
            }
            for link in report.lineage
        ],
        "events": [
            {
                "id": e.id,
                "title": e.title,
                "documents": e.documents,
                "record": {a: _resolution(r) for a, r in sorted(e.record.items())},
                "checks": e.checks,
                **(
                    {"in_passing": [
                        {"document": d, "reason": _ROUNDUP.format(mainly.get(d, "another event"))}
                        for d in e.in_passing
                    ]}
                    if e.in_passing else {}
                ),
            }
            for e in report.events
        ],
        "claims": [
            {
                "id": c.id,
                "document": c.document,
                "event": report.event_of_claim.get(c.id),
                "attribute": c.attribute,
                "value": c.value.to_json(),
                "text": c.text,
                "quote": c.quote,
                "start": c.start,
                "end": c.end,
                "verdict": report.verdicts.get(c.id, "uncorroborated"),
                "extraction_confidence": round(c.confidence, 3),
                **({"qualifiers": c.qualifiers} if c.qualifiers else {}),
            }
            for c in report.claims
        ],
    }
