"""Lineage as readable lines for the text report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from veracity.model import Lineage

_PHRASE = {
    "translation": "is a translation of",
    "near-duplicate": "is a copy of",
    "derived": "takes text or a run of facts from",
}
_UNDIRECTED = {
    "translation": "are translations of one another",
    "near-duplicate": "are copies of one text",
    "derived": "share text or a run of facts",
}


def lineage_lines(lineage: Iterable[Lineage], titles: Mapping[str, str] | None = None) -> list[str]:
    """One line per link, e.g. "000_f93e (id) is a translation of 001_b8fb (en)  [0.85]"."""
    titles = titles or {}

    def name(doc: str) -> str:
        title = titles.get(doc)
        return f"{doc} ({title})" if title else doc

    lines = []
    for link in lineage:
        if link.directed:
            text = f"{name(link.document)} {_PHRASE[link.relation]} {name(link.of)}"
        else:
            text = f"{name(link.document)} and {name(link.of)} {_UNDIRECTED[link.relation]}"
        lines.append(f"{text}  [{link.score:.2f}]")
    return lines
