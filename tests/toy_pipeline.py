"""A deliberately small reconciler for testing the web app on its own.

It reads "<number> <word>" pairs as claims about `other.<word>`, takes the value most documents
state as the record, and gives verdicts the CONTRACT.md way. It knows nothing of any corpus: it
exists so that the app's storage, limits, escaping and page can be tested without the real
pipeline, whose own browser and API tests run when `veracity.check_texts` is there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

_CLAIM = re.compile(r"\b(\d{1,6})\s+([a-z]{3,20})\b")


def _sentence(text: str, start: int, end: int) -> str:
    after_stop = text.rfind(". ", 0, start)
    left = max(after_stop + 2 if after_stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stop = text.find(". ", end)
    return text[left:(len(text) if stop < 0 else stop + 1)].strip()


def toy_analyse(
    documents: Sequence[tuple[str, str]], profile: str
) -> tuple[dict[str, Any], dict[str, str]]:
    claims: list[dict[str, Any]] = []
    for doc_id, text in documents:
        for match in _CLAIM.finditer(text):
            claims.append({
                "id": f"c{len(claims) + 1}", "document": doc_id, "event": "e1",
                "attribute": f"other.{match.group(2)}", "value": int(match.group(1)),
                "text": match.group(0), "quote": _sentence(text, match.start(), match.end()),
                "start": match.start(), "end": match.end(),
            })
    stated: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for claim in claims:
        stated[claim["attribute"]][claim["value"]].add(claim["document"])
    record: dict[str, Any] = {}
    for attribute, values in stated.items():
        ranked = sorted(values.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        total = sum(len(docs) for _, docs in ranked)
        best, supporters = ranked[0]
        if len(ranked) == 1:
            status = "agreed" if len(supporters) > 1 else "single-source"
        else:
            status = "resolved" if len(supporters) > len(ranked[1][1]) else "disputed"
        record[attribute] = {
            "value": best, "text": str(best), "confidence": round(len(supporters) / total, 2),
            "status": status, "supported_by": sorted(supporters),
            "alternatives": [
                {"value": v, "text": str(v), "confidence": round(len(d) / total, 2),
                 "supported_by": sorted(d)} for v, d in ranked[1:]
            ],
        }
    for claim in claims:
        entry = record[claim["attribute"]]
        others = set(entry["supported_by"]) - {claim["document"]}
        if claim["value"] != entry["value"]:
            claim["verdict"] = "contradicted" if entry["status"] == "resolved" else "uncorroborated"
        else:
            claim["verdict"] = "supported" if others else "uncorroborated"
    report = {
        "format": "veracity.report/1", "profile": profile,
        "documents": [
            {"id": doc_id, "path": "", "language": "en", "title": "",
             "chars": len(text), "reliability": None,
             "claims": sum(c["document"] == doc_id for c in claims)}
            for doc_id, text in documents
        ],
        "lineage": [],
        "events": [{"id": "e1", "title": "", "documents": [d for d, _ in documents],
                    "record": record}],
        "claims": claims,
    }
    return report, dict(documents)
