"""A hand-written report in the CONTRACT.md shape, about an invented siege, for renderer tests.

The sentences are made up for these tests. Offsets are computed from the texts, so the fixture
cannot drift out of step with them; `test_report_fixture_offsets_point_at_claim_words` checks it.
"""

from __future__ import annotations

import copy
import re
from typing import Any

TEXTS: dict[str, str] = {
    "alpha_wire": (
        "Gunmen stormed the Halvorsen Library in Tarsk on 3 March 2019. Members of the Grey "
        "Lantern Front held 214 visitors hostage for nine days, police said.\n\n"
        "Six attackers took part in the assault, according to the interior ministry. The siege "
        "ended on 12 March 2019, when special forces freed the remaining 40 hostages. Two "
        "hostages died during the rescue."
    ),
    "beta_daily": (
        "Armed men from the Grey Lantern Front seized the Halvorsen Library in Tarsk on 3 March "
        "2019 and took about 200 people hostage.\n\n"
        "The standoff lasted nine days. Officials later counted 7 attackers. Operation Quiet "
        "Shelf ended the siege on 12 March, and two hostages were killed in the crossfire."
    ),
    "gamma_blog": (
        "Back in March 2018, militants took 90 people hostage at the Halvorsen Library. "
        "Everyone inside was rescued unharmed.\n\nA spokesman for the group read out a list of "
        "demands on local radio."
    ),
    "delta_es": (
        "Hombres armados asaltaron la Biblioteca Halvorsen en Tarsk el 3 de marzo de 2019. "
        "Miembros del Frente Linterna Gris retuvieron a 214 visitantes durante nueve días.\n\n"
        "Seis atacantes participaron en el asalto. El asedio terminó el 12 de marzo de 2019."
    ),
}

TITLES = {
    "alpha_wire": "Library siege in Tarsk ends after nine days",
    "beta_daily": "Nine days inside the Halvorsen Library",
    "gamma_blog": "What really happened at the library",
    "delta_es": "Termina el asedio de la biblioteca de Tarsk",
}

RELIABILITY = {"alpha_wire": 0.9, "beta_daily": 0.82, "gamma_blog": 0.31, "delta_es": 0.88}
LANGUAGE = {"alpha_wire": "en", "beta_daily": "en", "gamma_blog": "en", "delta_es": "es"}

# (document, attribute, value, words as written, verdict); the words are looked up in the text.
CLAIMS: list[tuple[str, str, Any, str, str]] = [
    ("alpha_wire", "location.site", "Halvorsen Library", "Halvorsen Library", "supported"),
    ("alpha_wire", "location.city", "Tarsk", "Tarsk", "supported"),
    ("alpha_wire", "event.start_date", "2019-03-03", "3 March 2019", "supported"),
    ("alpha_wire", "perpetrator.group", "Grey Lantern Front", "Grey Lantern Front", "supported"),
    ("alpha_wire", "hostages.initial", 214, "214", "supported"),
    ("alpha_wire", "event.duration_days", 9, "nine days", "supported"),
    ("alpha_wire", "perpetrator.count", 6, "Six", "contradicted"),
    ("alpha_wire", "event.end_date", "2019-03-12", "12 March 2019", "supported"),
    ("alpha_wire", "hostages.final", 40, "40", "uncorroborated"),
    ("alpha_wire", "deaths.hostages", 2, "Two", "supported"),
    ("beta_daily", "perpetrator.group", "Grey Lantern Front", "Grey Lantern Front", "supported"),
    ("beta_daily", "location.site", "Halvorsen Library", "Halvorsen Library", "supported"),
    ("beta_daily", "location.city", "Tarsk", "Tarsk", "supported"),
    ("beta_daily", "event.start_date", "2019-03-03", "3 March 2019", "supported"),
    ("beta_daily", "hostages.initial", {"low": 180, "high": 220}, "about 200", "supported"),
    ("beta_daily", "event.duration_days", 9, "nine days", "supported"),
    ("beta_daily", "perpetrator.count", 7, "7", "supported"),
    ("beta_daily", "operation.name", "Operation Quiet Shelf", "Operation Quiet Shelf",
     "uncorroborated"),
    ("beta_daily", "event.end_date", "2019-03-12", "12 March", "supported"),
    ("beta_daily", "deaths.hostages", 2, "two", "supported"),
    ("gamma_blog", "event.start_date", "2018-03", "March 2018", "contradicted"),
    ("gamma_blog", "hostages.initial", 90, "90", "contradicted"),
    ("gamma_blog", "location.site", "Halvorsen Library", "Halvorsen Library", "supported"),
    ("gamma_blog", "deaths.hostages", 0, "Everyone inside was rescued unharmed", "contradicted"),
    ("delta_es", "location.site", "Halvorsen Library", "Biblioteca Halvorsen", "supported"),
    ("delta_es", "location.city", "Tarsk", "Tarsk", "supported"),
    ("delta_es", "event.start_date", "2019-03-03", "3 de marzo de 2019", "supported"),
    ("delta_es", "perpetrator.group", "Grey Lantern Front", "Frente Linterna Gris", "supported"),
    ("delta_es", "hostages.initial", 214, "214", "supported"),
    ("delta_es", "event.duration_days", 9, "nueve días", "supported"),
    ("delta_es", "perpetrator.count", 6, "Seis", "contradicted"),
    ("delta_es", "event.end_date", "2019-03-12", "12 de marzo de 2019", "supported"),
]


def _entry(value: Any, text: str, confidence: float, status: str, supported_by: list[str],
           alternatives: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"value": value, "text": text, "confidence": confidence, "status": status,
            "supported_by": supported_by, "alternatives": alternatives or []}


RECORD: dict[str, dict[str, Any]] = {
    "location.site": _entry("Halvorsen Library", "Halvorsen Library", 0.97, "agreed",
                            ["alpha_wire", "beta_daily", "gamma_blog", "delta_es"]),
    "location.city": _entry("Tarsk", "Tarsk", 0.95, "agreed",
                            ["alpha_wire", "beta_daily", "delta_es"]),
    "event.start_date": _entry(
        "2019-03-03", "3 March 2019", 0.86, "resolved", ["alpha_wire", "beta_daily", "delta_es"],
        [{"value": "2018-03", "text": "March 2018", "confidence": 0.09,
          "supported_by": ["gamma_blog"]}]),
    "event.end_date": _entry("2019-03-12", "12 March 2019", 0.9, "agreed",
                             ["alpha_wire", "beta_daily", "delta_es"]),
    "event.duration_days": _entry(9, "nine days", 0.9, "agreed",
                                  ["alpha_wire", "beta_daily", "delta_es"]),
    "perpetrator.group": _entry("Grey Lantern Front", "Grey Lantern Front", 0.93, "agreed",
                                ["alpha_wire", "beta_daily", "delta_es"]),
    "perpetrator.count": _entry(
        7, "7", 0.48, "disputed", ["beta_daily"],
        [{"value": 6, "text": "Six", "confidence": 0.45,
          "supported_by": ["alpha_wire", "delta_es"]}]),
    "hostages.initial": _entry(
        214, "214", 0.81, "resolved", ["alpha_wire", "beta_daily", "delta_es"],
        [{"value": 90, "text": "90", "confidence": 0.08, "supported_by": ["gamma_blog"]}]),
    "hostages.final": _entry(40, "40", 0.55, "single-source", ["alpha_wire"]),
    "deaths.hostages": _entry(
        2, "Two", 0.79, "resolved", ["alpha_wire", "beta_daily"],
        [{"value": 0, "text": "Everyone inside was rescued unharmed", "confidence": 0.12,
          "supported_by": ["gamma_blog"]}]),
    "operation.name": _entry("Operation Quiet Shelf", "Operation Quiet Shelf", 0.5,
                             "single-source", ["beta_daily"]),
}


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding [start, end): the same rule a reader would use, kept simple."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    left = 0 if left < 0 else left + 1
    match = re.compile(r"[.!?](\s|$)").search(text, end)
    right = len(text) if match is None else match.start() + 1
    return text[left:right].strip()


def _claims() -> list[dict[str, Any]]:
    claims: list[dict[str, Any]] = []
    searched_from: dict[tuple[str, str], int] = {}
    for number, (document, attribute, value, words, verdict) in enumerate(CLAIMS, start=1):
        text = TEXTS[document]
        start = text.index(words, searched_from.get((document, words), 0))
        searched_from[(document, words)] = start + 1
        end = start + len(words)
        claims.append({
            "id": f"c{number}", "document": document, "event": "e1", "attribute": attribute,
            "value": value, "text": words, "quote": _sentence_around(text, start, end),
            "start": start, "end": end, "verdict": verdict,
        })
    return claims


def _documents(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    documents = []
    for doc_id, text in TEXTS.items():
        own = [c for c in claims if c["document"] == doc_id]
        documents.append({
            "id": doc_id, "path": f"library/{doc_id}.txt", "language": LANGUAGE[doc_id],
            "title": TITLES[doc_id], "chars": len(text), "reliability": RELIABILITY[doc_id],
            "claims": len(own),
            **{v: sum(c["verdict"] == v for c in own)
               for v in ("supported", "contradicted", "uncorroborated")},
        })
    return documents


def make_report() -> dict[str, Any]:
    """A fresh deep copy each call, so a test may change it freely."""
    claims = _claims()
    return copy.deepcopy({
        "format": "veracity.report/1",
        "profile": "attack",
        "documents": _documents(claims),
        "lineage": [
            {"document": "delta_es", "of": "alpha_wire", "relation": "translation", "score": 0.91},
        ],
        "events": [{
            "id": "e1", "title": "Siege of the Halvorsen Library, Tarsk, March 2019",
            "documents": list(TEXTS), "record": RECORD,
        }],
        "claims": claims,
    })


def make_texts() -> dict[str, str]:
    return dict(TEXTS)


# a running count as the documents published it, day by day (invented figures)
TOLL_HISTORY: list[dict[str, Any]] = [
    {"published": "2019-03-04", "value": {"low": 4, "high": None}, "text": "4 or more",
     "documents": ["alpha_wire"]},
    {"published": "2019-03-07", "value": 9, "text": "9", "documents": ["beta_daily", "delta_es"]},
    {"published": "2019-03-12", "value": 12, "text": "12", "documents": ["beta_daily"]},
]


def make_toll_report() -> dict[str, Any]:
    """The report with a running count, injured.total, that rose as reports came in."""
    report = make_report()
    entry = _entry(12, "12", 0.74, "resolved", ["beta_daily"])
    report["events"][0]["record"]["injured.total"] = {
        **entry, "history": copy.deepcopy(TOLL_HISTORY)}
    return report
