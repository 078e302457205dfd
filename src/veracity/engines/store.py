"""A case file on disk (DuckDB): documents, claims, lineage, events, results and what was learnt
about each source, so that new articles can be added without redoing the rest.

- `check_to_store(paths, db)`: the whole check, written to the store (replacing its contents).
- `add_to_store(paths, db)`: new articles in; articles whose text is already stored are skipped,
  so adding the same file twice changes nothing. New articles join the events they match (or
  make new ones) and only the events they touch are resolved again; see `add_to_store`.
- `report_from_store(db)`: the stored report, the same as the check's.

Every command runs in one transaction: a run that fails or is killed halfway leaves the store
as it was before it.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from veracity.codec import (
    claim_from_row,
    claim_to_row,
    resolution_from_text,
    resolution_to_text,
)
from veracity.errors import InputError
from veracity.ingest.readers import load_documents
from veracity.model import Claim, Document, Lineage
from veracity.pipeline import (
    Event,
    EventGroups,
    Report,
    _check_engine,
    _check_resolver,
    _group_events,
    _profile,
    events_mode,
    extract_documents,
    lineage_groups,
    reconcile_documents,
)

FORMAT = "veracity.engines.store/1"
# the clustering features kept in `document_keys`; a store written with other features has its
# keys computed again before an `add` looks for neighbours (the texts are stored)
FEATURES = "event-features/4"

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS runs (run INTEGER PRIMARY KEY, command VARCHAR,
        documents_added INTEGER, documents_skipped INTEGER, events_touched INTEGER)""",
    """CREATE TABLE IF NOT EXISTS documents (position BIGINT, id VARCHAR PRIMARY KEY,
        content_hash VARCHAR, text VARCHAR, language VARCHAR, title VARCHAR, path VARCHAR,
        source VARCHAR, published VARCHAR, url VARCHAR, run INTEGER)""",
    # features that find an added article's neighbours (see `_neighbour_keys`)
    "CREATE TABLE IF NOT EXISTS document_keys (document VARCHAR, key BIGINT)",
    # claims as extracted (before names are linked and relative counts read)
    """CREATE TABLE IF NOT EXISTS extracted (id VARCHAR, document VARCHAR, attribute VARCHAR,
        value VARCHAR, text VARCHAR, quote VARCHAR, start INTEGER, "end" INTEGER,
        extractor VARCHAR, qualifiers VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS aliases (document VARCHAR, acronym VARCHAR, name VARCHAR)",
    """CREATE TABLE IF NOT EXISTS lineage (position BIGINT, document VARCHAR, "of" VARCHAR,
        relation VARCHAR, score DOUBLE, directed BOOLEAN)""",
    """CREATE TABLE IF NOT EXISTS events (position BIGINT, id VARCHAR PRIMARY KEY,
        title VARCHAR, checks VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS event_documents (event VARCHAR, position INTEGER,
        document VARCHAR, role VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS results (event VARCHAR, attribute VARCHAR, resolution VARCHAR)",
    # the report's claims: names linked, relative counts read, each with its verdict
    """CREATE TABLE IF NOT EXISTS claims (event VARCHAR, position INTEGER, id VARCHAR,
        document VARCHAR, attribute VARCHAR, value VARCHAR, text VARCHAR, quote VARCHAR,
        start INTEGER, "end" INTEGER, extractor VARCHAR, qualifiers VARCHAR, verdict VARCHAR)""",
    # a store written before claims carried their extraction confidence gains the column
    "ALTER TABLE claims ADD COLUMN IF NOT EXISTS confidence DOUBLE DEFAULT 1.0",
    "CREATE TABLE IF NOT EXISTS reliability (document VARCHAR PRIMARY KEY, reliability DOUBLE)",
    "CREATE TABLE IF NOT EXISTS sources (source VARCHAR PRIMARY KEY, reliability DOUBLE)",
    # what each event's claims said about each source, per resolution pass (anchors for `add`)
    """CREATE TABLE IF NOT EXISTS evidence (stage VARCHAR, event VARCHAR, source VARCHAR,
        num DOUBLE, den DOUBLE)""",
)
TABLES = ("meta", "runs", "documents", "document_keys", "extracted", "aliases", "lineage",
          "events", "event_documents", "results", "claims", "reliability", "sources", "evidence")


@dataclass(frozen=True)
class AddSummary:
    added: int
    skipped: int
    events_touched: list[str]
    events_created: list[str]


def content_hash(doc: Document) -> str:
    """What makes two articles the same one: id, text and every field given with them. (A
    mirror with its own id is another article: lineage, not the store, relates the two.)"""
    fields = [doc.id, doc.text, doc.source, doc.url, doc.published, doc.language]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


class Store:
    """One DuckDB file. Use `transaction()` around anything that writes."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise InputError("no such store; build one with `veracity check PATH --db FILE`",
                             str(path))
        if self.path.parent and not self.path.parent.exists():
            raise InputError("folder of the store does not exist", str(self.path.parent))
        try:
            self.con = duckdb.connect(str(self.path))
        except duckdb.Error as err:
            raise InputError(f"cannot open the store ({err})", str(path)) from None
        for statement in SCHEMA:
            self.con.execute(statement)
        stored = self.meta().get("format")
        if stored is not None and stored != FORMAT:
            raise InputError(f"store format {stored!r}; this veracity reads {FORMAT!r}", str(path))

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def meta(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT key, value FROM meta").fetchall())

    def insert(self, table: str, rows: pa.Table | list[dict[str, Any]], columns: Sequence[str]
               ) -> None:
        """Append rows (an Arrow table or dicts) to `table`, columns in the given order."""
        if isinstance(rows, list):
            if not rows:
                return
            rows = pa.Table.from_pylist(rows)
        if rows.num_rows == 0:
            return
        self.con.register("_incoming", rows)
        quoted = ", ".join(f'"{c}"' for c in columns)
        self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _incoming")
        self.con.unregister("_incoming")

    def next_run(self, command: str, added: int, skipped: int, touched: int) -> None:
        run = self.scalar("SELECT COALESCE(MAX(run), 0) + 1 FROM runs")
        self.con.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?)",
                         [run, command, added, skipped, touched])

    def scalar(self, sql: str) -> int:
        # fetchall: DuckDB keeps a result open until a fetch comes back empty
        return int(self.con.execute(sql).fetchall()[0][0])

    # --- reading back ----------------------------------------------------------------------

    def documents(self, ids: Sequence[str] | None = None) -> list[Document]:
        sql = ("SELECT id, text, language, path, title, source, url, published FROM documents")
        if ids is not None:
            self.con.register("_wanted", pa.table({"id": pa.array(list(ids), pa.string())}))
            sql += " WHERE id IN (SELECT id FROM _wanted)"
        rows = self.con.execute(sql + " ORDER BY position").fetchall()
        if ids is not None:
            self.con.unregister("_wanted")
        return [Document(id=r[0], text=r[1], language=r[2], path=r[3] or "", title=r[4] or "",
                         source=r[5], url=r[6], published=r[7]) for r in rows]

    def report(self) -> Report:
        meta = self.meta()
        if "profile" not in meta:
            raise InputError("the store holds no report yet; run `veracity check PATH --db`",
                             str(self.path))
        documents = self.documents()
        lineage = [Lineage(r[0], r[1], r[2], r[3], r[4]) for r in self.con.execute(
            'SELECT document, "of", relation, score, directed FROM lineage ORDER BY position'
        ).fetchall()]
        members: dict[str, list[str]] = defaultdict(list)
        in_passing: dict[str, list[str]] = defaultdict(list)
        for event, document, role in self.con.execute(
            "SELECT event, document, role FROM event_documents ORDER BY event, position"
        ).fetchall():
            members[event].append(document)
            if role == "secondary":
                in_passing[event].append(document)
        records: dict[str, dict[str, Any]] = defaultdict(dict)
        for event, attribute, text in self.con.execute(
            "SELECT event, attribute, resolution FROM results ORDER BY event, attribute"
        ).fetchall():
            records[event][attribute] = resolution_from_text(event, attribute, text)
        events = [
            Event(id=r[0], title=r[1], documents=members[r[0]], record=records[r[0]],
                  checks=json.loads(r[2]), in_passing=in_passing[r[0]])
            for r in self.con.execute("SELECT id, title, checks FROM events ORDER BY position")
            .fetchall()
        ]
        claims: list[Claim] = []
        verdicts: dict[str, Any] = {}
        event_of_claim: dict[str, str] = {}
        table = self.con.sql(
            'SELECT c.event, c.id, c.document, c.attribute, c.value, c.text, c.quote, c.start, '
            'c."end", c.extractor, c.qualifiers, c.verdict, c.confidence FROM claims c '
            "JOIN events e ON e.id = c.event ORDER BY e.position, c.position"
        ).to_arrow_table()
        for row in table.to_pylist():
            claim = claim_from_row(row)
            claims.append(claim)
            verdicts[claim.id] = row["verdict"]
            event_of_claim[claim.id] = row["event"]
        reliability = dict(self.con.execute("SELECT document, reliability FROM reliability")
                           .fetchall())
        sources = dict(self.con.execute("SELECT source, reliability FROM sources").fetchall())
        return Report(
            profile=meta["profile"], resolver=meta["resolver"], documents=documents,
            lineage=lineage, events=events, claims=claims, verdicts=verdicts,
            event_of_claim=event_of_claim, reliability=reliability, sources=sources,
        )

    # --- writing ---------------------------------------------------------------------------

    def write_documents(self, documents: Sequence[Document], start: int, run: int) -> None:
        self.insert("documents", pa.table({
            "position": pa.array(range(start, start + len(documents)), pa.int64()),
            "id": [d.id for d in documents],
            "content_hash": [content_hash(d) for d in documents],
            "text": [d.text for d in documents],
            "language": [d.language for d in documents],
            "title": [d.title for d in documents],
            "path": [d.path for d in documents],
            "source": pa.array([d.source for d in documents], pa.string()),
            "published": pa.array([d.published for d in documents], pa.string()),
            "url": pa.array([d.url for d in documents], pa.string()),
            "run": pa.array([run] * len(documents), pa.int32()),
        }), ("position", "id", "content_hash", "text", "language", "title", "path", "source",
             "published", "url", "run"))
        self.insert("document_keys", _key_table(documents), ("document", "key"))

    def write_extraction(self, claims: Sequence[Claim],
                         aliases: dict[str, list[tuple[str, str]]]) -> None:
        columns = ("id", "document", "attribute", "value", "text", "quote", "start", "end",
                   "extractor", "qualifiers")
        self.insert("extracted", [claim_to_row(c) for c in claims], columns)
        self.insert("aliases", [{"document": d, "acronym": a, "name": b}
                                for d, pairs in aliases.items() for a, b in pairs],
                    ("document", "acronym", "name"))

    def write_lineage(self, links: Sequence[Lineage]) -> None:
        first = self.scalar("SELECT COALESCE(MAX(position) + 1, 0) FROM lineage")
        self.insert("lineage", [
            {"position": first + k, "document": link.document, "of": link.of,
             "relation": link.relation, "score": link.score, "directed": link.directed}
            for k, link in enumerate(links)
        ], ("position", "document", "of", "relation", "score", "directed"))

    def write_events(self, report: Report, grouped: EventGroups, positions: dict[str, int]
                     ) -> None:
        """Rows of the report's events (replacing any stored rows of the same events)."""
        ids = [e.id for e in report.events]
        self.delete_events(ids)
        primary = {event: set(docs) for event, docs, _ in grouped}
        self.insert("events", [
            {"position": positions[e.id], "id": e.id, "title": e.title,
             "checks": json.dumps(e.checks, ensure_ascii=False)}
            for e in report.events
        ], ("position", "id", "title", "checks"))
        self.insert("event_documents", [
            {"event": e.id, "position": k, "document": d,
             "role": "primary" if d in primary.get(e.id, ()) else "secondary"}
            for e in report.events for k, d in enumerate(e.documents)
        ], ("event", "position", "document", "role"))
        self.insert("results", [
            {"event": e.id, "attribute": a, "resolution": resolution_to_text(r)}
            for e in report.events for a, r in sorted(e.record.items())
        ], ("event", "attribute", "resolution"))
        position: dict[str, int] = defaultdict(int)
        rows = []
        for claim in report.claims:
            event = report.event_of_claim[claim.id]
            row = claim_to_row(claim)
            row.update(event=event, position=position[event], confidence=claim.confidence,
                       verdict=report.verdicts.get(claim.id, "uncorroborated"))
            position[event] += 1
            rows.append(row)
        self.insert("claims", rows, ("event", "position", "id", "document", "attribute", "value",
                                     "text", "quote", "start", "end", "extractor", "qualifiers",
                                     "verdict", "confidence"))

    def delete_events(self, ids: Sequence[str]) -> None:
        self.con.register("_gone", pa.table({"id": pa.array(list(ids), pa.string())}))
        for table, column in (("events", "id"), ("event_documents", "event"),
                              ("results", "event"), ("claims", "event"), ("evidence", "event")):
            self.con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT id FROM _gone)")
        self.con.unregister("_gone")

    def write_learnt(self, report: Report, solver: object) -> None:
        """Document and publisher reliabilities, and the per-event evidence about sources."""
        from veracity.engines.relational import RelationalSolver

        if report.reliability:
            self.con.register("_rel", pa.table({
                "document": list(report.reliability), "reliability": list(
                    report.reliability.values())}))
            self.con.execute("INSERT OR REPLACE INTO reliability SELECT document, reliability "
                             "FROM _rel")
            self.con.unregister("_rel")
        if report.sources:
            self.con.register("_src", pa.table({
                "source": list(report.sources), "reliability": list(report.sources.values())}))
            self.con.execute("INSERT OR REPLACE INTO sources SELECT source, reliability FROM _src")
            # an article is as reliable as its publisher, in every event
            self.con.execute("UPDATE reliability SET reliability = s.reliability FROM _src s, "
                             "documents d WHERE d.id = reliability.document AND "
                             "d.source = s.source")
            self.con.unregister("_src")
        if isinstance(solver, RelationalSolver):
            self.insert("evidence", [
                {"stage": stage, "event": e, "source": s, "num": num, "den": den}
                for stage, rows in solver.evidence.items() for e, s, num, den in rows
            ], ("stage", "event", "source", "num", "den"))

    def anchor(self, outside: Sequence[str]) -> dict[str, dict[str, tuple[float, float]]]:
        """Evidence about every source summed over all events not in `outside`, per pass."""
        self.con.register("_touched", pa.table({"id": pa.array(list(outside), pa.string())}))
        rows = self.con.execute(
            "SELECT stage, source, SUM(num), SUM(den) FROM evidence "
            "WHERE event NOT IN (SELECT id FROM _touched) GROUP BY stage, source "
            "ORDER BY stage, source"
        ).fetchall()
        self.con.unregister("_touched")
        out: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
        for stage, source, num, den in rows:
            out[stage][source] = (float(num), float(den))
        return dict(out)

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, sorted: for checking that a failed run changed nothing."""
        return {
            t: sorted(self.con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES
        }


# --- commands ------------------------------------------------------------------------------


def check_to_store(
    paths: Sequence[str | Path],
    db: str | Path,
    *,
    profile: str = "attack",
    resolver: str = "default",
    events: str = "auto",
    engine: str = "local",
    progress: bool = False,
) -> Report:
    """Run the whole check and keep everything in the store (its old contents are replaced)."""
    prof = _profile(profile)
    _check_resolver(resolver)
    _check_engine(engine)
    mode = events_mode(paths, events)
    documents = load_documents(paths, frozenset(prof.languages))
    store = Store(db)
    try:
        with store.transaction():
            for table in TABLES:
                store.con.execute(f"DELETE FROM {table}")
            claims, aliases = extract_documents(documents, prof, progress=progress,
                                                engine=engine)
            from veracity.lineage import find_lineage
            from veracity.parallel import worker_count

            grouped = _group_events(documents, mode)
            lineage = find_lineage(documents, groups=lineage_groups(grouped, mode),
                                   workers=worker_count(None, len(documents)))
            report, solver = reconcile_documents(
                documents, claims, aliases, lineage, grouped, profile=prof, resolver=resolver,
                engine=engine, progress=progress,
            )
            pooled = type(solver).__name__ == "RelationalSolver"
            store.con.executemany("INSERT INTO meta VALUES (?, ?)", [
                ["format", FORMAT], ["profile", prof.name], ["resolver", resolver],
                ["events", mode], ["pooled", "yes" if pooled else "no"], ["features", FEATURES],
            ])
            store.write_documents(documents, 0, 1)
            store.write_extraction(claims, aliases)
            store.write_lineage(lineage)
            store.write_events(report, grouped, {e.id: k for k, e in enumerate(report.events)})
            store.write_learnt(report, solver)
            store.next_run("check", len(documents), 0, len(report.events))
    finally:
        store.close()
    return report


def report_from_store(db: str | Path) -> Report:
    store = Store(db, create=False)
    try:
        return store.report()
    finally:
        store.close()


def add_to_store(
    paths: Sequence[str | Path], db: str | Path, *, engine: str = "local", progress: bool = False
) -> AddSummary:
    """Add the articles under `paths` to the store and resolve again only what they touch.

    1. Articles stored already (same id, text and fields) are skipped (an id stored with other
       content is an error): adding the same articles again changes nothing, not even the run log.
    2. Each new article joins the stored event it matches best or starts a new one. Only
       stored articles that share a rare clustering feature with a new one are looked at, and
       the events they belong to: the work grows with the new articles, not the store.
    3. The touched events are resolved again from their stored claims and the new ones.
       Publisher reliability is global: the other events' evidence about each publisher (what
       its claims there agreed with, stored per event at their last resolution) is held fixed
       and added in (the SQL `anchor`), so the work is that of the touched events plus one row
       per publisher. Untouched events keep their records; `veracity check --db` redoes all.
    """
    _check_engine(engine)
    store = Store(db, create=False)
    try:
        meta = store.meta()
        if "profile" not in meta:
            raise InputError("the store holds no check yet; run `veracity check PATH --db`",
                             str(db))
        prof = _profile(meta["profile"])
        documents = load_documents(paths, frozenset(prof.languages))
        new, skipped = _new_documents(store, documents)
        if not new:
            return AddSummary(0, skipped, [], [])
        with store.transaction():
            summary = _add(store, new, skipped, meta, prof, engine, progress)
    finally:
        store.close()
    return summary


def _new_documents(store: Store, documents: Sequence[Document]) -> tuple[list[Document], int]:
    stored = dict(store.con.execute("SELECT id, content_hash FROM documents").fetchall())
    hashes = set(stored.values())
    new: list[Document] = []
    for doc in documents:
        digest = content_hash(doc)
        if digest in hashes:
            continue
        if doc.id in stored:
            raise InputError(f"document id {doc.id!r} is stored already with other content",
                             doc.path or None)
        hashes.add(digest)
        new.append(doc)
    return new, len(documents) - len(new)


def _add(store: Store, new: list[Document], skipped: int, meta: dict[str, str], prof: Any,
         engine: str, progress: bool) -> AddSummary:
    from veracity.lineage import find_lineage

    claims, aliases = extract_documents(new, prof, progress=progress, engine=engine)
    if meta.get("features") != FEATURES:
        _rekey(store)
    placed, created = _place(store, new, meta["events"])
    touched = sorted(set(placed.values()), key=_event_order)
    # the touched events as they stand, with the new articles in
    rows = store.con.execute(
        "SELECT event, document, role FROM event_documents ORDER BY event, position"
    ).fetchall()
    primary: dict[str, list[str]] = defaultdict(list)
    secondary: dict[str, list[str]] = defaultdict(list)
    touched_set = set(touched)
    for event, document, role in rows:
        if event in touched_set:
            (primary if role == "primary" else secondary)[event].append(document)
    for doc in new:
        primary[placed[doc.id]].append(doc.id)
    grouped: EventGroups = [(e, primary[e], secondary[e]) for e in touched]
    members = sorted({d for e in touched for d in primary[e] + secondary[e]})
    new_ids = {n.id for n in new}
    old_ids = [d for d in members if d not in new_ids]
    old_set = set(old_ids)
    old_docs = store.documents(old_ids)
    documents = old_docs + new
    links = [link for link in find_lineage(documents)
             if link.document in placed or link.of in placed]
    stored_links = [
        Lineage(r[0], r[1], r[2], r[3], r[4]) for r in store.con.execute(
            'SELECT document, "of", relation, score, directed FROM lineage ORDER BY position'
        ).fetchall()
        if r[0] in old_set and r[1] in old_set
    ]
    old_claims, old_aliases = _stored_extraction(store, old_ids)
    all_aliases = {**old_aliases, **aliases}
    report, solver = reconcile_documents(
        documents, old_claims + claims, all_aliases, stored_links + links, grouped,
        profile=prof, resolver=meta["resolver"], engine=engine, progress=progress,
        anchor=store.anchor(touched), pooled=meta["pooled"] == "yes",
    )
    start = store.scalar("SELECT COALESCE(MAX(position) + 1, 0) FROM documents")
    run = store.scalar("SELECT COALESCE(MAX(run), 0) + 1 FROM runs")
    store.write_documents(new, start, run)
    store.write_extraction(claims, aliases)
    store.write_lineage(links)
    positions = dict(store.con.execute("SELECT id, position FROM events").fetchall())
    last = max(positions.values(), default=-1)
    for k, event in enumerate(created):
        positions[event] = last + 1 + k
    # an article that reports a touched event only in passing keeps its stored reliability
    in_touched = {d for e in touched for d in primary[e]}
    report.reliability = {d: r for d, r in report.reliability.items() if d in in_touched}
    store.write_events(report, grouped, positions)
    store.write_learnt(report, solver)
    store.next_run("add", len(new), skipped, len(touched))
    return AddSummary(len(new), skipped, touched, created)


def _event_order(event: str) -> tuple[int, str]:
    digits = event.lstrip("e")
    return (int(digits), event) if digits.isdigit() else (1 << 62, event)


def _stored_extraction(
    store: Store, ids: Sequence[str]
) -> tuple[list[Claim], dict[str, list[tuple[str, str]]]]:
    store.con.register("_docs", pa.table({"id": pa.array(list(ids), pa.string())}))
    table = store.con.sql(
        'SELECT id, document, attribute, value, text, quote, start, "end", extractor, '
        "qualifiers FROM extracted WHERE document IN (SELECT id FROM _docs) "
        "ORDER BY document, start, attribute, id"
    ).to_arrow_table()
    aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for document, acronym, name in store.con.execute(
        "SELECT document, acronym, name FROM aliases WHERE document IN (SELECT id FROM _docs)"
    ).fetchall():
        aliases[document].append((acronym, name))
    store.con.unregister("_docs")
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for row in table.to_pylist():
        claim = claim_from_row(row)
        by_doc[claim.document].append(claim)
    order = {d: k for k, d in enumerate(ids)}
    claims = [c for d in sorted(by_doc, key=lambda d: order[d]) for c in by_doc[d]]
    return claims, dict(aliases)


# --- placing new articles in events ---------------------------------------------------------


def _rekey(store: Store) -> None:
    """Compute the stored articles' neighbour keys again with today's features (a store from
    an earlier version would otherwise miss neighbours through the features it lacks)."""
    store.con.execute("DELETE FROM document_keys")
    store.insert("document_keys", _key_table(store.documents()), ("document", "key"))
    store.con.execute("DELETE FROM meta WHERE key = 'features'")
    store.con.execute("INSERT INTO meta VALUES ('features', ?)", [FEATURES])


def _key_table(documents: Sequence[Document]) -> pa.Table:
    keys = [(d.id, k) for d in documents for k in _neighbour_keys(d)]
    return pa.table({
        "document": pa.array([k[0] for k in keys], pa.string()),
        "key": pa.array([k[1] for k in keys], pa.int64()),
    })


def _neighbour_keys(doc: Document) -> list[int]:
    """The clustering features of a document as stable integers (those `events.build_index`
    computes), kept so that an added article's stored neighbours can be found by lookup."""
    from veracity.events.features import features, hashed

    keys = hashed(features(doc.text, doc.language, doc.published))[0]
    return sorted(set(keys))


def _place(store: Store, new: list[Document], mode: str) -> tuple[dict[str, str], list[str]]:
    """The event each new article joins (a stored one or a new one), and the new events."""
    stored_events = [r[0] for r in store.con.execute(
        "SELECT id FROM events ORDER BY position").fetchall()]
    next_number = 1 + max((_event_order(e)[0] for e in stored_events
                           if _event_order(e)[0] < 1 << 62), default=0)
    if mode == "one" and stored_events:
        return {d.id: stored_events[0] for d in new}, []
    from veracity.events.cluster import ClusterSettings, cluster_events

    settings = ClusterSettings()
    neighbours = _neighbours(store, new, settings.max_df)
    event_of: dict[str, str] = dict(store.con.execute(
        "SELECT document, event FROM event_documents WHERE role = 'primary'").fetchall())
    context_events = sorted({event_of[d] for d in neighbours if d in event_of})
    context_ids = [r[0] for r in store.con.execute(
        "SELECT document FROM event_documents WHERE role = 'primary' AND event IN "
        "(SELECT UNNEST(?::VARCHAR[])) ORDER BY event, position", [context_events]).fetchall()]
    # the full clustering, run on the new articles and their neighbourhood only; stored
    # articles keep their events: a cluster of new articles joins the stored event most of
    # its stored articles belong to, or becomes a new event
    clusters = cluster_events(store.documents(context_ids) + new, settings)
    new_ids = {d.id for d in new}
    placed: dict[str, str] = {}
    created: list[str] = []
    for cluster in clusters:
        fresh = [d for d in cluster.documents if d in new_ids and d not in placed]
        if not fresh:
            continue
        votes: dict[str, int] = defaultdict(int)
        for d in cluster.documents:
            if d in event_of:
                votes[event_of[d]] += 1
        if votes:
            event = max(sorted(votes), key=lambda e: votes[e])
        else:
            event = f"e{next_number}"
            next_number += 1
            created.append(event)
        for d in fresh:
            placed[d] = event
    return placed, created


def _neighbours(store: Store, new: list[Document], max_df: int) -> list[str]:
    """Stored articles sharing a rare feature (held by at most `max_df` articles) with a new one."""
    keys = sorted({k for d in new for k in _neighbour_keys(d)})
    if not keys:
        return []
    store.con.register("_keys", pa.table({"key": pa.array(keys, pa.int64())}))
    rows = store.con.execute(
        "WITH hits AS (SELECT k.document, k.key FROM document_keys k "
        "JOIN _keys n ON n.key = k.key), "
        "rare AS (SELECT key FROM hits GROUP BY key HAVING COUNT(*) <= ?) "
        "SELECT DISTINCT h.document FROM hits h JOIN rare r ON r.key = h.key ORDER BY 1",
        [max_df],
    ).fetchall()
    store.con.unregister("_keys")
    return [r[0] for r in rows]
