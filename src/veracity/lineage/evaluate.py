"""Measure lineage against expected pairs: loaders for folders of articles, and pair metrics.

Expected pairs come as data (see benchmarks/data/lineage_expected.json): `link` pairs count for
recall, `may` pairs are neither required nor penalised, every other predicted pair is a false
positive.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from veracity.errors import InputError
from veracity.model import Document, Lineage

LANGUAGES = ("en", "es", "id", "de", "pt", "fr", "it")


def detect_language(text: str) -> str:
    """ISO 639-1 code among LANGUAGES (py3langid restricted to them, as the ingest does)."""
    import py3langid

    py3langid.set_languages(list(LANGUAGES))
    return str(py3langid.classify(text)[0])


def _read(path: Path, name: str, language: str | None, url: str | None = None) -> Document:
    text = path.read_text(encoding="utf-8")
    # the event folders keep the page's address on a first "URL:" line: it is not article text
    if text.startswith("URL:"):
        first, _, text = text.partition("\n")
        url = url or first[4:].strip()
    return Document(
        id=name,
        text=text,
        language=language or detect_language(text),
        path=str(path),
        url=url,
    )


def load_folder(folder: Path, prefix: str = "") -> list[Document]:
    """Every .txt file of a folder, named PREFIX/FILE, language from index.json or detected."""
    if not folder.is_dir():
        raise InputError("not a folder", str(folder))
    index: dict[str, dict[str, str]] = {}
    index_file = folder.parent / "index.json"
    if index_file.exists():
        entries = json.loads(index_file.read_text(encoding="utf-8")).get(folder.name, [])
        index = {e["file"]: e for e in entries if isinstance(e, dict)}
    docs = []
    for path in sorted(folder.glob("*.txt")):
        meta = index.get(path.name, {})
        docs.append(_read(path, f"{prefix}{path.name}", meta.get("lang"), meta.get("url")))
    return docs


def load_events(events_root: Path, prefix: str = "data/events/") -> list[Document]:
    """All event folders under data/events, named data/events/EVENT/FILE."""
    return [
        doc
        for folder in sorted(p for p in events_root.iterdir() if p.is_dir())
        for doc in load_folder(folder, f"{prefix}{folder.name}/")
    ]


@dataclass
class Expected:
    link: set[frozenset[str]] = field(default_factory=set)
    may: set[frozenset[str]] = field(default_factory=set)
    original: dict[frozenset[str], str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, path: Path) -> Expected:
        data = json.loads(path.read_text(encoding="utf-8"))
        out = cls()
        for pair in data["pairs"]:
            key = frozenset((pair["a"], pair["b"]))
            (out.link if pair["expect"] == "link" else out.may).add(key)
            if "original" in pair:
                out.original[key] = pair["original"]
        return out


def with_generated(base: Expected, links: Iterable[tuple[str, str, str]]) -> Expected:
    """`base` plus generated (copy, original, relation) links.

    Documents related only through a common original (two copies of one text, a copy and a
    translation of it) form a family: pairs inside a family that are not links become `may`
    pairs. Partial copies ("derived") do not merge families, since the host text they were pasted
    into is independent of the pasted source; a partial copy is `may` with the whole family of
    each text it took from.
    """
    out = Expected(set(base.link), set(base.may), dict(base.original))
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    derived: list[tuple[str, str]] = []
    for copy, original, relation in links:
        key = frozenset((copy, original))
        out.link.add(key)
        out.original[key] = original
        if relation == "derived":
            derived.append((copy, original))
        else:
            union(copy, original)
    for key in base.link | base.may:
        union(*sorted(key))
    families: dict[str, set[str]] = {}
    for key in out.link | out.may:
        for doc in key:
            families.setdefault(find(doc), set()).add(doc)
    for members in families.values():
        ordered = sorted(members)
        for i, a in enumerate(ordered):
            out.may.update(frozenset((a, b)) for b in ordered[i + 1 :])
    # a partial copy is related to the whole family it took from, and to every other partial
    # copy that took from that family (two pastes of one host share the host's text)
    takers: dict[str, set[str]] = {}
    for copy, original in derived:
        takers.setdefault(find(original), set()).add(copy)
    for root, copies in takers.items():
        related = families[root] | copies
        for copy in copies:
            out.may.update(frozenset((copy, m)) for m in related if m != copy)
    out.may -= out.link
    return out


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    found: int
    expected: int
    false_positives: tuple[tuple[str, str], ...]
    missed: tuple[tuple[str, str], ...]
    direction_right: int = 0
    direction_told: int = 0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name}: precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.found} links, {self.expected} expected, {len(self.false_positives)} false "
            f"positive, {len(self.missed)} missed; direction right {self.direction_right}/"
            f"{self.direction_told} where expected and told)"
        )


def _pair(key: frozenset[str]) -> tuple[str, str]:
    first, second = sorted(key)
    return first, second


def score_links(predicted: Iterable[Lineage], expected: Expected) -> Scores:
    links = list(predicted)
    keys = {frozenset((lk.document, lk.of)): lk for lk in links}
    ok = expected.link | expected.may
    true_pos = [k for k in keys if k in ok]
    false_pos = tuple(sorted(_pair(k) for k in keys if k not in ok))
    missed = tuple(sorted(_pair(k) for k in expected.link if k not in keys))
    told = right = 0
    for key, original in expected.original.items():
        link = keys.get(key)
        if link is not None and link.directed:
            told += 1
            right += link.of == original
    return Scores(
        precision=len(true_pos) / len(keys) if keys else 1.0,
        recall=sum(k in keys for k in expected.link) / len(expected.link) if expected.link else 1.0,
        found=len(keys),
        expected=len(expected.link),
        false_positives=false_pos,
        missed=missed,
        direction_right=right,
        direction_told=told,
    )


def documents_by_id(documents: Sequence[Document]) -> dict[str, Document]:
    return {d.id: d for d in documents}
