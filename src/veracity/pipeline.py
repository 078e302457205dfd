"""The whole method, stage by stage: ingest -> extract -> lineage -> link names -> reconcile."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from veracity.assess.models import Models, assess_claims, calibrate_record, shipped_models
from veracity.errors import InputError
from veracity.extract import extract_claims, load_profile
from veracity.extract.claims import DocumentClaims
from veracity.extract.lexicon import Profile
from veracity.extract.scope import is_background, scope_claims
from veracity.ingest.invisible import strip_invisible
from veracity.ingest.language import detect_language
from veracity.ingest.readers import FEED_SUFFIXES, event_folders, load_documents
from veracity.lineage import find_lineage, witness_groups
from veracity.model import Claim, Document, Lineage, Verdict
from veracity.parallel import ordered_map, worker_count, worker_state
from veracity.report.contract import Event, Report
from veracity.resolve import algorithms
from veracity.resolve.aliases import link_names
from veracity.resolve.display import in_reader_language
from veracity.resolve.record import EventInput, Solver, per_event_solver, reconcile_events
from veracity.values import Name, fold

_LINKED_NAMES = ("perpetrator.group",)


class Progress:
    """A progress bar (rich) for long runs, on stderr and only when stderr is a terminal: never
    on stdout (`--format json | jq` must work), never into a log or a pipe.

    Use as a context manager, so that the bar is closed however the work ends."""

    def __init__(self, total: int, label: str, enabled: bool) -> None:
        self.total, self.label = total, label
        self.enabled = enabled and total >= 50 and stderr_is_terminal()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TimeRemainingColumn(),
                console=Console(file=sys.stderr),
            )
            self._task = self._bar.add_task(self.label, total=self.total)
            self._bar.start()
        return self

    def step(self, done: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    @staticmethod
    def note(message: str, enabled: bool) -> None:
        """A line about the stage under way, on the same terms as the bar."""
        if enabled and stderr_is_terminal():
            print(message, file=sys.stderr)


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced by an object without it, or closed
        return False


def check(
    paths: Sequence[str | Path],
    *,
    profile: str = "attack",
    resolver: str = "default",
    progress: bool = False,
    events: str = "auto",
    engine: str = "local",
    workers: int | None = None,
    models: Models | None = None,
    lang: str = "en",
) -> Report:
    """Reconcile the documents under `paths` (files or folders) into one report.

    `events`: "one" (all documents report one event), "cluster" (group them by event) or
    "auto": cluster a JSONL feed or several folders, keep one folder as one event. `lang`: the
    reader's language, in which names are shown where a source gives them so.
    """
    prof = _profile(profile)
    _check_resolver(resolver)
    if events not in ("auto", "one", "cluster"):
        raise InputError(f"unknown --events {events!r}; choose auto, one or cluster")
    documents = load_documents(paths, frozenset(prof.languages))
    events = events_mode(paths, events)
    return check_documents(
        documents, profile=prof, resolver=resolver, progress=progress, events=events,
        engine=engine, workers=workers, models=models, lang=lang,
    )


def events_mode(paths: Sequence[str | Path], events: str) -> str:
    """"one" or "cluster": what "auto" means for these paths."""
    if events not in ("auto", "one", "cluster"):
        raise InputError(f"unknown --events {events!r}; choose auto, one or cluster")
    if events != "auto":
        return events
    # a folder holds one event; a feed (JSONL, Parquet) or several folders mix many
    feeds = any(Path(p).suffix.lower() in FEED_SUFFIXES for p in paths)
    folders = sum(len(event_folders(Path(p))) for p in paths if Path(p).is_dir())
    return "cluster" if feeds or folders > 1 else "one"


def check_texts(
    documents: Sequence[tuple[str, str]],
    *,
    profile: str = "attack",
    resolver: str = "default",
    lang: str = "en",
) -> Report:
    """Reconcile (id, text) pairs: for callers that hold the text already (the web app)."""
    prof = _profile(profile)
    _check_resolver(resolver)
    docs = []
    for doc_id, raw in documents:
        text = strip_invisible(raw)  # as files are read: offsets point into the same text
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
    return check_documents(docs, profile=prof, resolver=resolver, lang=lang)


def check_documents(
    documents: Sequence[Document],
    *,
    profile: Profile,
    resolver: str = "default",
    progress: bool = False,
    events: str = "one",
    engine: str = "local",
    workers: int | None = None,
    models: Models | None = None,
    lang: str = "en",
) -> Report:
    """Extract, find lineage, group into events and reconcile each event.

    `events`: "one" treats all documents as one event (a folder about one event); "cluster"
    groups them by the event they report (a feed of many events). `engine`: "local" or
    "spark" (extraction as Arrow batches on Spark, resolution as the same SQL on Spark SQL).
    """
    _check_engine(engine)
    claims, aliases = extract_documents(
        documents, profile, progress=progress, engine=engine, workers=workers
    )
    Progress.note("finding copies and translations ...", progress and len(documents) >= 50)
    grouped = _group_events(documents, events)
    lineage = find_lineage(
        documents, groups=lineage_groups(grouped, events),
        workers=worker_count(workers, len(documents)),
    )
    report, _ = reconcile_documents(
        documents, claims, aliases, lineage, grouped,
        profile=profile, resolver=resolver, engine=engine, progress=progress, models=models,
        lang=lang,
    )
    return report


# (event id, its documents, documents that report it in passing), for every event
EventGroups = list[tuple[str, list[str], list[str]]]


def extract_documents(
    documents: Sequence[Document], profile: Profile, *, progress: bool = False,
    engine: str = "local", workers: int | None = None,
) -> tuple[list[Claim], dict[str, list[tuple[str, str]]]]:
    """Claims of every document, and the (acronym, full name) pairs each one states.

    `workers`: processes to extract with (default: $VERACITY_WORKERS or every usable core;
    inputs under a few hundred documents stay in one process)."""
    if engine == "spark":
        from veracity.engines.spark import extract_all

        return extract_all(documents, profile)
    claims: list[Claim] = []
    aliases: dict[str, list[tuple[str, str]]] = {}
    with Progress(len(documents), "extracting", progress) as meter:
        found_all = ordered_map(
            _extract_one,
            documents,
            workers=worker_count(workers, len(documents)),
            state={"profile": profile},
        )
        for k, (doc, found) in enumerate(zip(documents, found_all, strict=True), start=1):
            claims.extend(found.claims)
            if found.aliases:
                aliases[doc.id] = list(found.aliases)
            meter.step(k)
    return claims, aliases


def _extract_one(document: Document) -> DocumentClaims:
    profile = worker_state("profile")
    assert isinstance(profile, Profile)
    return extract_claims(document, profile)


def reconcile_documents(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    aliases: dict[str, list[tuple[str, str]]],
    lineage: list[Lineage],
    grouped: EventGroups,
    *,
    profile: Profile,
    resolver: str = "default",
    engine: str = "local",
    progress: bool = False,
    anchor: dict[str, dict[str, tuple[float, float]]] | None = None,
    pooled: bool | None = None,
    models: Models | None = None,
    lang: str = "en",
) -> tuple[Report, Solver]:
    """From extracted claims, lineage and event groups to the report (and the solver used,
    which holds what the relational engine learnt about each source).

    `models`: what weighs each claim and calibrates each value (default: the shipped models;
    `Models.none()` for the resolver's own figures). `lang`: the reader's language, in which
    names are shown where a source gives them so (`resolve.display`)."""
    if resolver == "vote":
        models = Models.none()  # the plain baseline: every claim one vote, its own confidence
    elif models is None:
        models = shipped_models()
    pairs = [p for doc_pairs in aliases.values() for p in doc_pairs]
    claims = link_claim_names(list(claims), pairs, profile)
    groups = witness_groups([d.id for d in documents], lineage)
    languages = {d.id: d.language for d in documents}
    by_id = {d.id: d for d in documents}
    claims_of: dict[str, list[Claim]] = {}
    for claim in claims:
        claims_of.setdefault(claim.document, []).append(claim)
    solver = _solver(documents, resolver, engine, anchor, pooled)
    Progress.note(f"reconciling {len(grouped)} events ...", progress and len(documents) >= 50)
    inputs = []
    aside: list[list[Claim]] = []  # each event's background: shown, never resolved
    for event_id, primary, _ in grouped:
        scoped = scope_claims(
            [c for d in primary for c in claims_of.get(d, [])], [by_id[d] for d in primary]
        )
        aside.append([c for c in scoped if is_background(c)])
        inputs.append(
            EventInput(
                event_id,
                assess_claims(
                    [c for c in scoped if not is_background(c)],
                    [by_id[d] for d in primary], groups, profile, models,
                ),
                primary,
            )
        )
    outcomes = reconcile_events(
        inputs, groups, solver, languages, profile.constraints,
        published={d.id: d.published for d in documents if d.published},
    )
    for outcome, background in zip(outcomes, aside, strict=True):
        outcome.claims.extend(background)
    # the kinds of place, in every language and in the reader's: the same for every event
    kind_words, kind_labels = _kind_words(profile), _kind_labels(profile, lang)
    for event_input, outcome in zip(inputs, outcomes, strict=True):
        outcome.record = calibrate_record(
            outcome.record, event_input.claims, outcome.verdicts, groups,
            [by_id[d] for d in event_input.document_ids], profile, models,
        )
        outcome.record = in_reader_language(
            outcome.record, event_input.claims, languages,
            {d: aliases.get(d, []) for d in event_input.document_ids}, lang,
            kind_words=kind_words, kind_labels=kind_labels,
        )
    report_events: list[Event] = []
    all_claims: list[Claim] = []
    verdicts: dict[str, Verdict] = {}
    event_of_claim: dict[str, str] = {}
    reliability: dict[str, float] = {}
    for (event_id, primary, secondary), outcome in zip(grouped, outcomes, strict=True):
        members = list(primary) + [d for d in secondary if d not in primary]
        report_events.append(
            Event(
                event_id,
                _title([by_id[d] for d in primary]),
                members,
                outcome.record,
                outcome.checks,
                [d for d in secondary if d not in primary],
            )
        )
        all_claims.extend(outcome.claims)
        verdicts.update(outcome.verdicts)
        event_of_claim.update({c.id: event_id for c in outcome.claims})
        reliability.update({d: outcome.reliability[d] for d in primary})
    sources = _publisher_reliability(documents, reliability, solver)
    if sources:
        # an article is as reliable as its publisher has proved over every event
        reliability = {
            d.id: sources[d.source] if d.source in sources else reliability.get(d.id, 0.5)
            for d in documents
        }
    report = Report(
        profile=profile.name,
        resolver=resolver,
        documents=list(documents),
        lineage=lineage,
        events=report_events,
        claims=all_claims,
        verdicts=verdicts,
        event_of_claim=event_of_claim,
        reliability=reliability,
        sources=sources,
    )
    return report, solver


def _solver(
    documents: Sequence[Document],
    resolver: str,
    engine: str,
    anchor: dict[str, dict[str, tuple[float, float]]] | None = None,
    pooled: bool | None = None,
) -> Solver:
    """Publishers named and the default model: one SQL run over all events, publishers pooled.

    Otherwise each event is resolved on its own (documents are the sources), in numpy, except on
    Spark, where the same SQL runs with documents as the sources.
    """
    from veracity.engines import backend_factory

    make_backend = backend_factory(engine)
    publishers = any(d.source for d in documents) if pooled is None else pooled
    if resolver != "default" or (engine == "local" and not publishers):
        if engine != "local":
            raise InputError(f"--engine {engine} runs the default resolver only")
        return per_event_solver(resolver)
    # the SQL engine (and the Arrow and DuckDB it brings) only when publishers are pooled
    from veracity.engines.relational import RelationalSolver, source_key

    return RelationalSolver(
        make_backend, {d.id: source_key(d.id, d.source) for d in documents}, anchor=anchor
    )


def _publisher_reliability(
    documents: Sequence[Document], reliability: dict[str, float], solver: Solver
) -> dict[str, float]:
    """Each named publisher's reliability, as learnt over all its events (empty if none)."""
    if not any(d.source for d in documents):
        return {}  # no publisher named: nothing pooled, and no SQL engine to load
    from veracity.engines.relational import RelationalSolver, source_key

    if not isinstance(solver, RelationalSolver):
        return {}
    prior = solver.params.prior
    learnt = solver.reliability.get("facts", {})
    return {
        d.source: learnt.get(source_key(d.id, d.source), prior)
        for d in documents
        if d.source
    }


def _group_events(documents: Sequence[Document], mode: str) -> EventGroups:
    """(event id, its documents, documents that report it in passing) for every event."""
    if mode == "one" or len(documents) == 1:
        return [("e1", [d.id for d in documents], [])]
    from veracity.events.cluster import cluster_events

    clusters = cluster_events(documents)
    out = []
    for k, cluster in enumerate(
        sorted(clusters, key=lambda c: (-len(c.documents), c.documents)), 1
    ):
        # a roundup reports this event in passing: listed, its claims counted for its own event
        # (as the store keeps it: role "secondary")
        passing = set(cluster.secondary)
        out.append((
            f"e{k}", [d for d in cluster.documents if d not in passing], list(cluster.secondary)
        ))
    return out


def lineage_groups(grouped: EventGroups, mode: str) -> list[list[str]] | None:
    """Where copies are looked for: within each event when a corpus mixes many (a copy reports
    what its original reports), else among all the documents."""
    if mode != "cluster":
        return None
    return [primary + secondary for _, primary, secondary in grouped]


def _profile(name: str) -> Profile:
    from veracity.extract import available_profiles

    if name not in available_profiles():
        raise InputError(f"unknown profile {name!r}; available: {', '.join(available_profiles())}")
    return load_profile(name)


def _check_engine(name: str) -> None:
    from veracity.engines import ENGINES

    if name not in ENGINES:
        raise InputError(f"unknown --engine {name!r}; choose one of {', '.join(ENGINES)}")


def _check_resolver(name: str) -> None:
    if name not in algorithms():
        raise InputError(f"unknown resolver {name!r}; choose one of {', '.join(algorithms())}")


def link_claim_names(
    claims: list[Claim], pairs: list[tuple[str, str]], profile: Profile
) -> list[Claim]:
    """Give every organisation name the key of its alias group (MRTA = Túpac Amaru ...)."""
    names = [
        c.value.canonical
        for c in claims
        if c.attribute in _LINKED_NAMES and isinstance(c.value, Name)
    ]
    if not names:
        return claims
    group_of, display = link_names(names, pairs, profile.connectors, profile.generic_name_words)
    out = []
    for c in claims:
        if c.attribute in _LINKED_NAMES and isinstance(c.value, Name):
            group = group_of.get(fold(c.value.canonical), fold(c.value.canonical))
            c = replace(c, value=Name(display.get(group, c.value.canonical), group))
        out.append(c)
    return out


def _kind_words(profile: Profile) -> frozenset[str]:
    """Every word of the profile's kinds of place, folded ("embassy", "embajada", "театр")."""
    kinds = profile.raw.get("sites", {}).values()
    entries = [w for k in kinds for ws in ([k] if isinstance(k, list) else k.values()) for w in ws]
    return frozenset(fold(e.rstrip("*")) for entry in entries for e in entry.split())


def _kind_labels(profile: Profile, language: str) -> dict[str, str]:
    """Each kind of place by its first word in `language` ("station", "estacion")."""
    out = {}
    for kind, table in profile.raw.get("sites", {}).items():
        words = table.get(language) if isinstance(table, dict) else None
        if words:
            out[kind] = words[0].rstrip("*")
    return out


def _title(documents: Sequence[Document]) -> str:
    titles = [d.title for d in documents if d.title]
    english = [d.title for d in documents if d.title and d.language == "en"]
    return (english or titles or [documents[0].id])[0]
