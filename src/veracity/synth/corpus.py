"""Synthetic corpora of news articles about many invented events, with the truth known.

`generate_corpus` builds a lazy corpus: events (an invented hostage crisis each, with true values
for the attack profile), publishers of known error rate, and articles written from templates in
several languages. A publisher writes a wrong value with its error rate; copies repeat their
original's values (near-duplicates sometimes edit one number) and translations re-render the same
statements in another language. Everything is deterministic for a seed, and articles are produced
one event at a time so a million of them stream to disk in bounded memory.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import random
import re
import string
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from veracity.errors import InputError
from veracity.model import Document
from veracity.synth.places import RealCities, city_text, real_cities
from veracity.synth.templates import (
    CONDITIONS,
    EARLIER_EVENT,
    HEADLINES,
    SLOT_ATTRIBUTES,
    TEMPLATES,
    Template,
)
from veracity.synth.words import (
    ABOUT,
    COUNTRIES,
    DATE_PREP,
    DAYS,
    FIRST_NAMES,
    GROUP_ADJECTIVES,
    GROUP_TYPES,
    LANGUAGES,
    MORE_THAN,
    OPERATION,
    PUBLISHER_PATTERNS,
    SITES,
    VAGUE,
    VAGUE_RANGES,
    acronym,
    country_name,
    digits,
    format_date,
    group_articles,
    group_name,
    invent_word,
    number_words,
    site_canonical,
    site_forms,
)
from veracity.values import fold

COUNT_ATTRIBUTES = (
    "perpetrator.count",
    "hostages.initial",
    "hostages.final",
    "hostages.released",
    "deaths.total",
    "deaths.hostages",
    "deaths.security",
    "deaths.perpetrators",
    "deaths.civilians",
    "injured.total",
    "operation.personnel",
    "operation.duration_minutes",
    "event.duration_days",
)
DATE_ATTRIBUTES = ("event.start_date", "event.end_date", "operation.date")
NAME_ATTRIBUTES = (
    "location.city",
    "location.country",
    "location.site",
    "perpetrator.group",
    "perpetrator.leader",
    "operation.name",
)
OPERATION_ATTRIBUTES = (
    "operation.name",
    "operation.date",
    "operation.personnel",
    "operation.duration_minutes",
)

# How likely an original article mentions each attribute (news always says where and when).
_MENTION = {
    "location.city": 0.95,
    "event.start_date": 0.93,
    "location.site": 0.7,
    "location.country": 0.5,
    "perpetrator.group": 0.6,
    "hostages.initial": 0.6,
    "perpetrator.count": 0.4,
    "perpetrator.leader": 0.35,
    "event.end_date": 0.4,
    "event.duration_days": 0.3,
    "deaths.total": 0.45,
    "deaths.hostages": 0.35,
    "deaths.security": 0.3,
    "deaths.perpetrators": 0.35,
    "deaths.civilians": 0.2,
    "injured.total": 0.3,
    "hostages.final": 0.3,
    "hostages.released": 0.25,
    "operation.name": 0.4,
    "operation.date": 0.15,
    "operation.personnel": 0.2,
    "operation.duration_minutes": 0.2,
}
REAL_CITY_SHARE = 0.6  # of events, in a real city (the rest in invented towns)
_FIRST_DAY = dt.date(1970, 1, 1)
_LAST_DAY = dt.date(2023, 12, 31)


@dataclass(frozen=True, slots=True)
class Publisher:
    name: str
    domain: str
    language: str
    error_rate: float


@dataclass(frozen=True, slots=True)
class Group:
    kind: str
    adjective: str
    region: str
    native_language: str
    leaders: tuple[str, ...]

    def name(self, lang: str) -> str:
        return group_name(self.kind, self.adjective, self.region, lang)

    @property
    def canonical(self) -> str:
        return self.name("en")

    @property
    def acronym(self) -> str:
        return acronym(self.name(self.native_language))


@dataclass(frozen=True, slots=True)
class SyntheticEvent:
    """One invented crisis. `values` maps each attack-profile attribute to its true value."""

    id: str
    index: int
    values: dict[str, Any]  # as the generator works with them (dates, pool indices)
    truth: dict[str, Any]  # the same in the report contract's JSON form

    def gold(self) -> dict[str, Any]:
        """True values in the report contract's JSON form."""
        return dict(self.truth)


@dataclass(frozen=True, slots=True)
class Statement:
    """What one article says about one attribute of one event, and whether it is true."""

    event: str
    attribute: str
    value: Any
    text: str
    true: bool
    form: str

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "attribute": self.attribute,
            "value": self.value,
            "text": self.text,
            "true": self.true,
            "form": self.form,
        }


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    id: str
    text: str
    source: str
    published: str
    language: str
    url: str
    events: tuple[str, ...]
    copy_of: str | None = None
    relation: str | None = None
    statements: tuple[Statement, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The article as one line of the JSONL input format."""
        return {
            "id": self.id,
            "text": self.text,
            "source": self.source,
            "published": self.published,
            "language": self.language,
            "url": self.url,
        }

    def to_document(self) -> Document:
        return Document(
            id=self.id,
            text=self.text,
            language=self.language,
            path="",
            title=self.text.split("\n", 1)[0],
            source=self.source,
            url=self.url,
            published=self.published,
        )


@dataclass(frozen=True, slots=True)
class CorpusConfig:
    n_events: int
    docs_per_event: tuple[int, int]
    seed: int
    languages: tuple[str, ...]
    copy_rate: float
    translation_share: float
    copy_edit_rate: float
    two_event_rate: float
    shuffle_block: int
    error_scale: float = 1.0


@dataclass(frozen=True, slots=True)
class _Pools:
    publishers: tuple[Publisher, ...]
    publishers_by_language: dict[str, tuple[Publisher, ...]]
    cities: tuple[tuple[str, ...], ...]  # per country, real and invented
    groups: tuple[Group, ...]
    invented: tuple[tuple[str, ...], ...]  # per country: towns no gazetteer knows
    real: tuple[RealCities, ...]  # per country


@dataclass(slots=True)
class _Plan:
    """What one article believes about one event: values (some wrong) and what it mentions."""

    event: SyntheticEvent
    values: dict[str, Any]
    wrong: set[str]
    mention: set[str]
    group: Group
    publisher: Publisher
    wrong_group: Group | None = None


@dataclass(slots=True)
class _Sentence:
    text: str
    statements: list[Statement] = field(default_factory=list)


class SyntheticCorpus:
    """A generated corpus. Nothing is held: events and articles are rebuilt from the seed."""

    def __init__(self, config: CorpusConfig) -> None:
        self.config = config
        self._pools = _make_pools(config)

    @property
    def publishers(self) -> tuple[Publisher, ...]:
        return self._pools.publishers

    def event(self, index: int) -> SyntheticEvent:
        return _make_event(self.config, self._pools, index)

    def events(self) -> Iterator[SyntheticEvent]:
        for index in range(self.config.n_events):
            yield self.event(index)

    def event_articles(self, index: int) -> list[SyntheticArticle]:
        """The articles written about event `index` (in the order they were written)."""
        return _ArticleWriter(self.config, self._pools, index).write()

    def articles(self, workers: int = 1) -> Iterator[SyntheticArticle]:
        """Every article in stream order: roughly chronological, shuffled within blocks.

        With `workers` > 1 the events are written by that many processes; the stream is the
        same article for article, since each event has its own seed.
        """
        rng = random.Random(f"{self.config.seed}:stream")
        block: list[SyntheticArticle] = []
        for articles in self._per_event(workers):
            block.extend(articles)
            if len(block) >= self.config.shuffle_block:
                rng.shuffle(block)
                yield from block
                block = []
        rng.shuffle(block)
        yield from block

    def _per_event(self, workers: int) -> Iterator[list[SyntheticArticle]]:
        if workers <= 1:
            for index in range(self.config.n_events):
                yield self.event_articles(index)
            return
        import multiprocessing

        global _FORKED_CORPUS
        _FORKED_CORPUS = self  # read by the forked workers, so the pools are not pickled
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                yield from pool.imap(_forked_event_articles, range(self.config.n_events), 64)
        finally:
            _FORKED_CORPUS = None

    def documents(self, workers: int = 1) -> Iterator[Document]:
        for article in self.articles(workers):
            yield article.to_document()

    def write_jsonl(self, path: str | Path, workers: int = 1) -> int:
        """Write the corpus in the JSONL input format; returns the number of articles."""
        count = 0
        with Path(path).open("w", encoding="utf-8") as out:
            for article in self.articles(workers):
                out.write(json.dumps(article.to_json(), ensure_ascii=False))
                out.write("\n")
                count += 1
        return count

    def gold(self) -> Iterator[dict[str, Any]]:
        """Per event: true values, its documents, lineage and what each document states.

        A roundup article that also covers an earlier event is listed under both events; it is
        found when the later event is written, so the earlier events' records are yielded once
        every event has been seen.
        """
        extra: dict[str, list[SyntheticArticle]] = {}
        records: list[dict[str, Any]] = []
        for index in range(self.config.n_events):
            event = self.event(index)
            articles = self.event_articles(index)
            for article in articles:
                for other in article.events[1:]:
                    extra.setdefault(other, []).append(article)
            records.append(_gold_record(event, articles))
        for record in records:
            for article in extra.get(record["event"], []):
                record["documents"].append(article.id)
                record["statements"][article.id] = [
                    s.to_json() for s in article.statements if s.event == record["event"]
                ]
            yield record

    def write_gold(self, directory: str | Path) -> int:
        """Write `<directory>/<event id>/gold.json` for every event; returns how many."""
        root = Path(directory)
        count = 0
        for record in self.gold():
            folder = root / record["event"]
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "gold.json").write_text(
                json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            count += 1
        return count

    def labels(self) -> dict[str, tuple[str, ...]]:
        """Article id -> the events it reports (two for a roundup of two events)."""
        return {a.id: a.events for a in self.articles()}


_FORKED_CORPUS: SyntheticCorpus | None = None


def _forked_event_articles(index: int) -> list[SyntheticArticle]:
    assert _FORKED_CORPUS is not None
    return _FORKED_CORPUS.event_articles(index)


def generate_corpus(
    n_events: int,
    docs_per_event: int | tuple[int, int] = (3, 12),
    seed: int = 0,
    languages: Sequence[str] = LANGUAGES,
    copy_rate: float = 0.25,
    translation_share: float = 0.5,
    copy_edit_rate: float = 0.3,
    two_event_rate: float = 0.01,
    shuffle_block: int = 2000,
    error_scale: float = 1.0,
) -> SyntheticCorpus:
    """A corpus of `n_events` invented events, each reported by `docs_per_event` articles.

    `copy_rate` is the share of articles that copy an earlier article of the same event;
    `translation_share` of those are translations, the rest same-language near-duplicates,
    and `copy_edit_rate` of the near-duplicates change one number. `two_event_rate` of the
    original articles end with a paragraph about an earlier event. Each publisher's error rate
    is drawn once (most 1-8%, some 10-20%, a few 30-50%) and multiplied by `error_scale`.
    """
    if n_events < 1:
        raise InputError(f"n_events must be at least 1, not {n_events}")
    low, high = (
        (docs_per_event, docs_per_event) if isinstance(docs_per_event, int) else (docs_per_event)
    )
    if not 1 <= low <= high:
        raise InputError(
            f"docs_per_event must be a count or a range low <= high, not {docs_per_event!r}"
        )
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise InputError(f"languages must be among {', '.join(LANGUAGES)}; got {languages!r}")
    config = CorpusConfig(
        n_events=n_events,
        docs_per_event=(low, high),
        seed=seed,
        languages=tuple(languages),
        copy_rate=copy_rate,
        translation_share=translation_share,
        copy_edit_rate=copy_edit_rate,
        two_event_rate=two_event_rate,
        shuffle_block=shuffle_block,
        error_scale=error_scale,
    )
    return SyntheticCorpus(config)


# --- pools of names ------------------------------------------------------------------------


def _make_pools(config: CorpusConfig) -> _Pools:
    rng = random.Random(f"{config.seed}:pools")
    n_publishers = max(3 * len(config.languages), min(5000, config.n_events // 10))
    publishers: list[Publisher] = []
    seen: set[str] = set()
    while len(publishers) < n_publishers:
        # English is over-represented, as in real news archives.
        lang = config.languages[len(publishers) % len(config.languages)]
        # (only once every language has a publisher: a small corpus must not leave one without)
        covered = len({p.language for p in publishers}) == len(config.languages)
        if "en" in config.languages and covered and rng.random() < 0.2:
            lang = "en"
        name = rng.choice(PUBLISHER_PATTERNS[lang]).format(w=invent_word(rng, 2))
        if name in seen:
            continue
        seen.add(name)
        domain = fold(name).replace(" ", "") + rng.choice((".com", ".net", ".news", ".org"))
        tier = rng.random()
        error = (
            rng.uniform(0.01, 0.08)
            if tier < 0.7
            else rng.uniform(0.1, 0.2)
            if tier < 0.9
            else rng.uniform(0.3, 0.5)
        )
        error = min(1.0, error * config.error_scale)
        publishers.append(Publisher(name, domain, lang, round(error, 3)))
    by_lang = {
        lang: tuple(p for p in publishers if p.language == lang) for lang in config.languages
    }

    # Most crises happen in real cities, drawn by population, so a capital sees several in a
    # month of a large corpus; the rest in small towns (invented, unknown to any gazetteer)
    # that rarely see more than a few in half a century. A group commits many.
    n_cities = max(3 * len(COUNTRIES), config.n_events // 10)
    names: set[str] = set()
    cities: list[list[str]] = [[] for _ in COUNTRIES]
    for k in range(n_cities):
        while True:
            name = invent_word(rng, rng.choice((2, 2, 3)))
            if name not in names:
                break
        names.add(name)
        cities[k % len(COUNTRIES)].append(name)

    n_groups = max(10, config.n_events // 40)
    groups = []
    for _ in range(n_groups):
        leaders = tuple(
            f"{rng.choice(FIRST_NAMES)} {invent_word(rng, rng.choice((2, 3)))}"
            for _ in range(rng.choice((1, 1, 2, 3)))
        )
        groups.append(
            Group(
                kind=rng.choice(tuple(GROUP_TYPES)),
                adjective=rng.choice(tuple(GROUP_ADJECTIVES)),
                region=invent_word(rng, rng.choice((2, 3))),
                native_language=rng.choice(config.languages),
                leaders=leaders,
            )
        )
    real = real_cities()
    return _Pools(
        publishers=tuple(publishers),
        publishers_by_language=by_lang,
        cities=tuple(tuple(c) + r.names for c, r in zip(cities, real, strict=True)),
        groups=tuple(groups),
        invented=tuple(tuple(c) for c in cities),
        real=real,
    )


def _draw_city(rng: random.Random, pools: _Pools, country: int) -> str:
    real = pools.real[country]
    if rng.random() < REAL_CITY_SHARE and real.names:
        point = rng.random() * real.cumulative[-1]
        return real.names[min(bisect.bisect_right(real.cumulative, point), len(real.names) - 1)]
    return rng.choice(pools.invented[country])


# --- events --------------------------------------------------------------------------------


def _make_event(config: CorpusConfig, pools: _Pools, index: int) -> SyntheticEvent:
    rng = random.Random(f"{config.seed}:event:{index}")
    span = (_LAST_DAY - _FIRST_DAY).days
    # Start dates rise with the index so the stream of articles runs roughly in time order.
    start = _FIRST_DAY + dt.timedelta(days=int((index + rng.random()) / config.n_events * span))
    r = rng.random()
    duration = 0 if r < 0.3 else rng.randint(1, 5) if r < 0.75 else rng.randint(6, 180)
    end = start + dt.timedelta(days=duration)
    country = rng.randrange(len(COUNTRIES))
    group_index = rng.randrange(len(pools.groups))
    group = pools.groups[group_index]
    pcount = max(2, min(80, int(rng.lognormvariate(2.3, 0.7))))
    initial = max(5, min(2000, int(rng.lognormvariate(4.0, 1.1))))
    released = rng.randint(0, int(initial * 0.6)) if rng.random() < 0.6 else 0
    final = initial - released
    d_host = 0 if rng.random() < 0.4 else rng.randint(1, max(1, min(final, 40)))
    r = rng.random()
    d_sec = 0 if r < 0.45 else 1 if r < 0.7 else rng.randint(2, 12)
    r = rng.random()
    d_perp = (
        pcount if r < 0.35 else pcount - 1 if r < 0.5 and pcount >= 3 else rng.randint(0, pcount)
    )
    d_civ = 0 if rng.random() < 0.6 else rng.randint(1, 25)
    values: dict[str, Any] = {
        "event.start_date": start,
        "event.end_date": end,
        "event.duration_days": duration,
        "location.city": _draw_city(rng, pools, country),
        "location.country": country,
        "location.site": (rng.choice(tuple(SITES)), invent_word(rng, rng.choice((2, 3)))),
        "perpetrator.group": group_index,
        "perpetrator.count": pcount,
        "perpetrator.leader": rng.choice(group.leaders),
        "hostages.initial": initial,
        "hostages.final": final,
        "hostages.released": released,
        "deaths.total": d_host + d_sec + d_perp + d_civ,
        "deaths.hostages": d_host,
        "deaths.security": d_sec,
        "deaths.perpetrators": d_perp,
        "deaths.civilians": d_civ,
        "injured.total": rng.randint(0, 30) if rng.random() < 0.6 else rng.randint(31, 400),
    }
    if rng.random() < 0.7:
        values.update(
            {
                "operation.name": invent_word(rng, rng.choice((2, 3))),
                "operation.date": end,
                "operation.personnel": rng.randint(20, 600),
                "operation.duration_minutes": rng.randint(10, 240),
            }
        )
    event_id = "ev" + _digest(f"{config.seed}:event-id:{index}", 10)
    truth = {attr: _json_value(attr, value, pools) for attr, value in values.items()}
    return SyntheticEvent(event_id, index, values, truth)


def _json_value(attribute: str, value: Any, pools: _Pools) -> Any:
    if attribute == "perpetrator.group":
        return pools.groups[value].canonical
    if attribute in DATE_ATTRIBUTES:
        return value.isoformat()
    if attribute == "location.country":
        return COUNTRIES[value][0]
    if attribute == "location.site":
        return site_canonical(*value)
    if attribute == "operation.name":
        return OPERATION["en"].format(w=value)
    return value


def _digest(text: str, size: int) -> str:
    return hashlib.blake2b(text.encode(), digest_size=size // 2 + size % 2).hexdigest()[:size]


# --- articles ------------------------------------------------------------------------------


class _ArticleWriter:
    """Writes every article about one event: originals, copies, translations, roundups."""

    def __init__(self, config: CorpusConfig, pools: _Pools, index: int) -> None:
        self.config = config
        self.pools = pools
        self.event = _make_event(config, pools, index)
        self.rng = random.Random(f"{config.seed}:articles:{index}")

    def write(self) -> list[SyntheticArticle]:
        low, high = self.config.docs_per_event
        count = self.rng.randint(low, high)
        written: list[tuple[SyntheticArticle, _Plan, int]] = []
        for k in range(count):
            article_id = _digest(f"{self.config.seed}:article:{self.event.index}:{k}", 16)
            if written and self.rng.random() < self.config.copy_rate:
                original, plan, render_seed = self.rng.choice(written)
                article, plan = self._copy(article_id, original, plan, render_seed)
            else:
                plan = self._plan(self.event, self._pick_publisher())
                render_seed = self.rng.randrange(2**32)
                article = self._original(article_id, plan, render_seed)
            written.append((article, plan, render_seed))
        return [article for article, _, _ in written]

    def _pick_publisher(self) -> Publisher:
        lang = self.rng.choice(self.config.languages)
        return self.rng.choice(self.pools.publishers_by_language[lang])

    def _plan(self, event: SyntheticEvent, publisher: Publisher, extra: bool = False) -> _Plan:
        rng = self.rng
        group = self.pools.groups[event.values["perpetrator.group"]]
        if extra:
            # The paragraph on an earlier event says where and when, and a little more.
            mention = {"location.city", "event.start_date"}
            mention.update(
                rng.sample(
                    (
                        "perpetrator.group",
                        "hostages.initial",
                        "location.site",
                        "deaths.total",
                        "location.country",
                    ),
                    2,
                )
            )
        else:
            mention = {a for a, p in _MENTION.items() if rng.random() < p}
            if "event.start_date" not in mention and rng.random() < 0.7:
                mention.add("event.end_date")  # news says when, one way or another
        mention &= set(event.values)
        plan = _Plan(event, dict(event.values), set(), mention, group, publisher)
        for attribute in sorted(mention):
            if rng.random() < publisher.error_rate:
                self._corrupt(plan, attribute)
        return plan

    def _corrupt(self, plan: _Plan, attribute: str) -> None:
        rng = self.rng
        value = plan.values[attribute]
        new: Any
        if attribute in COUNT_ATTRIBUTES:
            new = _wrong_count(value, rng)
        elif attribute in DATE_ATTRIBUTES:
            shift = rng.choice((1, -1, 30, -30, 365, -365))
            new = value + dt.timedelta(days=shift)
        elif attribute == "location.city":
            others = [c for c in self.pools.cities[plan.values["location.country"]] if c != value]
            new = rng.choice(others) if others else invent_word(rng, 3)
        elif attribute == "location.country":
            new = (value + rng.randrange(1, len(COUNTRIES))) % len(COUNTRIES)
        elif attribute == "location.site":
            new = (value[0], invent_word(rng, 2))
        elif attribute == "perpetrator.group":
            new = (value + rng.randrange(1, len(self.pools.groups))) % len(self.pools.groups)
            plan.wrong_group = self.pools.groups[new]
        elif attribute == "perpetrator.leader":
            new = f"{rng.choice(FIRST_NAMES)} {invent_word(rng, 2)}"
        else:  # operation.name
            new = invent_word(rng, 2)
        if new != value:
            plan.values[attribute] = new
            plan.wrong.add(attribute)

    def _original(self, article_id: str, plan: _Plan, render_seed: int) -> SyntheticArticle:
        publisher = plan.publisher
        lang = publisher.language
        headline, sentences = _render(plan, lang, random.Random(render_seed))
        paragraphs = [sentences]
        events: tuple[str, ...] = (self.event.id,)
        if self.event.index > 0 and self.rng.random() < self.config.two_event_rate:
            earlier = _make_event(
                self.config,
                self.pools,
                self.rng.randrange(max(0, self.event.index - 5000), self.event.index),
            )
            other_plan = self._plan(earlier, publisher, extra=True)
            _, other = _render(other_plan, lang, random.Random(self.rng.randrange(2**32)))
            opener = _Sentence(self.rng.choice(EARLIER_EVENT[lang]))
            paragraphs.append([opener, *other])
            events = (self.event.id, earlier.id)
        published = self._published(
            self.event.values["event.start_date"], self.event.values["event.duration_days"]
        )
        return _assemble(article_id, publisher, headline, paragraphs, published, events)

    def _copy(
        self, article_id: str, original: SyntheticArticle, plan: _Plan, render_seed: int
    ) -> tuple[SyntheticArticle, _Plan]:
        rng = self.rng
        translate = len(self.config.languages) > 1 and rng.random() < self.config.translation_share
        if translate:
            lang = rng.choice([x for x in self.config.languages if x != original.language])
            relation = "translation"
        else:
            lang = original.language
            relation = "near-duplicate"
        publisher = rng.choice(self.pools.publishers_by_language[lang])
        copied = _Plan(
            plan.event,
            dict(plan.values),
            set(plan.wrong),
            set(plan.mention),
            plan.group,
            publisher,
            plan.wrong_group,
        )
        if not translate and rng.random() < self.config.copy_edit_rate:
            counts = sorted(a for a in copied.mention if a in COUNT_ATTRIBUTES)
            if counts:
                self._corrupt(copied, rng.choice(counts))
        headline, sentences = _render(copied, lang, random.Random(render_seed))
        if not translate and len(sentences) > 3 and rng.random() < 0.4:
            del sentences[rng.randrange(1, len(sentences))]
        published_day = dt.date.fromisoformat(original.published) + dt.timedelta(
            days=rng.randint(0, 2)
        )
        article = _assemble(
            article_id,
            publisher,
            headline,
            [sentences],
            published_day,
            original.events[:1],
            copy_of=original.id,
            relation=relation,
        )
        return article, copied

    def _published(self, start: dt.date, duration: int) -> dt.date:
        if self.rng.random() < 0.08:  # an anniversary piece, years later
            return start + dt.timedelta(days=365 * self.rng.randint(1, 25))
        return start + dt.timedelta(days=self.rng.randint(0, min(duration, 30) + 3))


def _assemble(
    article_id: str,
    publisher: Publisher,
    headline: _Sentence,
    paragraphs: list[list[_Sentence]],
    published: dt.date,
    events: tuple[str, ...],
    copy_of: str | None = None,
    relation: str | None = None,
) -> SyntheticArticle:
    blocks = [headline.text]
    statements: list[Statement] = list(headline.statements)
    for sentences in paragraphs:
        blocks.append(" ".join(s.text for s in sentences))
        for s in sentences:
            statements.extend(s.statements)
    slug = "-".join(
        _SLUG_WORDS.findall(
            unicodedata.normalize("NFKD", headline.text).encode("ascii", "ignore").decode().lower()
        )
    )[:70]
    url = f"https://www.{publisher.domain}/{published:%Y/%m/%d}/{slug}"
    return SyntheticArticle(
        id=article_id,
        text="\n\n".join(blocks),
        source=publisher.name,
        published=published.isoformat(),
        language=publisher.language,
        url=url,
        events=events,
        copy_of=copy_of,
        relation=relation,
        statements=_unique(statements),
    )


_SLUG_WORDS = re.compile(r"[a-z0-9]+")


def _unique(statements: list[Statement]) -> tuple[Statement, ...]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for s in statements:
        key = (s.event, s.attribute, repr(s.value))
        if key not in seen:
            seen.add(key)
            out.append(s)
    return tuple(out)


def _wrong_count(value: int, rng: random.Random) -> int:
    r = rng.random()
    if r < 0.4:
        new = value + rng.choice((-3, -2, -1, 1, 2, 3))
    elif r < 0.55 and value >= 20:
        new = value * 10 if rng.random() < 0.5 else value // 10
    elif r < 0.7 and value >= 10:
        text = str(value)
        new = int(text[::-1]) if text[::-1][0] != "0" else value + 10
    else:
        new = int(value * rng.uniform(0.5, 1.6))
    new = max(0, new)
    return new if new != value else value + 1


# --- rendering -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Compiled:
    index: int
    text: str
    slots: tuple[str, ...]
    attributes: frozenset[str]
    condition: str | None


_SUFFIXES = ("_bare", "_obj", "_at", "_of", "_n")


@cache
def _slot_stem(slot: str) -> str:
    for suffix in _SUFFIXES:
        if slot.endswith(suffix) and slot[: -len(suffix)] in SLOT_ATTRIBUTES:
            return slot[: -len(suffix)]
    return slot


def _compile(template: Template, index: int) -> _Compiled:
    text, condition = (template, None) if isinstance(template, str) else template
    slots = tuple(name for _, name, _, _ in string.Formatter().parse(text) if name)
    attributes = {SLOT_ATTRIBUTES[_slot_stem(s)] for s in slots}
    if condition:
        attributes.add(CONDITIONS[condition])
    return _Compiled(index, text, slots, frozenset(attributes), condition)


_COMPILED = {
    lang: tuple(_compile(t, i) for i, t in enumerate(ts)) for lang, ts in TEMPLATES.items()
}
_COMPILED_HEADLINES = {
    lang: tuple(_compile(t, i) for i, t in enumerate(ts)) for lang, ts in HEADLINES.items()
}
# Counts that read badly as "0 hostages" or "1 hostages": stated only through a relative
# template, or not at all.
_MIN_COUNT = 2


def _usable(t: _Compiled, v: dict[str, Any]) -> bool:
    if t.condition == "no_hostage_killed":
        return bool(v["deaths.hostages"] == 0)
    if t.condition == "all_perp_killed":
        return bool(v["deaths.perpetrators"] == v["perpetrator.count"] >= 2)
    if t.condition == "all_but_one_perp":
        return bool(
            v["perpetrator.count"] >= 3 and v["deaths.perpetrators"] == v["perpetrator.count"] - 1
        )
    if t.condition == "one_security":
        return bool(v["deaths.security"] == 1)
    for slot in t.slots:
        attribute = SLOT_ATTRIBUTES[_slot_stem(slot)]
        if attribute in COUNT_ATTRIBUTES:
            floor = 1 if attribute == "event.duration_days" else _MIN_COUNT
            if v[attribute] < floor:
                return False
    return True


def _render(plan: _Plan, lang: str, rng: random.Random) -> tuple[_Sentence, list[_Sentence]]:
    """The headline and the sentences of an article stating `plan` in `lang`."""
    templates = _COMPILED[lang]
    order = list(range(len(templates)))
    rng.shuffle(order)
    remaining = set(plan.mention)
    chosen: list[_Compiled] = []
    for i in order:
        t = templates[i]
        if t.attributes <= plan.mention and t.attributes & remaining and _usable(t, plan.values):
            chosen.append(t)
            remaining -= t.attributes
    chosen.sort(key=lambda t: t.index)
    sentences = [_fill(t, plan, lang, rng) for t in chosen]
    headlines = [
        t
        for t in _COMPILED_HEADLINES[lang]
        if t.attributes <= plan.mention and _usable(t, plan.values)
    ]
    if headlines:
        headline = _fill(rng.choice(headlines), plan, lang, rng)
    else:  # the opening words of the first sentence, as agencies do for briefs
        words = sentences[0].text.split() if sentences else ["…"]
        headline = _Sentence(" ".join(words[:7]))
    headline.text = headline.text.rstrip(".,")
    return headline, sentences


def _fill(t: _Compiled, plan: _Plan, lang: str, rng: random.Random) -> _Sentence:
    sentence = _Sentence("")
    filled: dict[str, str] = {}
    for slot in t.slots:
        text, statement = _slot(slot, plan, lang, rng)
        filled[slot] = text
        sentence.statements.append(statement)
    if t.condition:
        attribute = CONDITIONS[t.condition]
        sentence.statements.append(
            _statement(plan, attribute, plan.values[attribute], t.text, "relative")
        )
    text = t.text.format(**filled)
    sentence.text = text[0].upper() + text[1:]
    return sentence


def _statement(plan: _Plan, attribute: str, value: Any, text: str, form: str) -> Statement:
    # True when what the words say agrees with the truth: a date shifted by a day but written
    # as its month, or a wrong count written as "hundreds", may still be right.
    return Statement(
        plan.event.id, attribute, value, text, _agrees(value, plan.event.truth[attribute]), form
    )


def _agrees(stated: Any, truth: Any) -> bool:
    if isinstance(stated, dict):
        high = stated["high"] if stated["high"] is not None else float("inf")
        return bool(stated["low"] <= truth <= high)
    if (
        isinstance(stated, str)
        and isinstance(truth, str)
        and len(stated) < len(truth)
        and stated[:4].isdigit()
    ):
        return truth.startswith(stated)  # a date at a coarser precision
    return bool(stated == truth)


def _slot(slot: str, plan: _Plan, lang: str, rng: random.Random) -> tuple[str, Statement]:
    stem = _slot_stem(slot)
    attribute = SLOT_ATTRIBUTES[stem]
    value = plan.values[attribute]
    if attribute in COUNT_ATTRIBUTES:
        text, stated, form = _count(value, lang, slot.endswith("_n"), rng)
        if attribute == "event.duration_days":
            text = f"{text} {DAYS[lang][0] if value == 1 else DAYS[lang][1]}"
        return text, _statement(plan, attribute, stated, text, form)
    if attribute in DATE_ATTRIBUTES:
        r = rng.random()
        precision = 3 if slot.endswith("_bare") or r < 0.72 else 2 if r < 0.9 else 1
        text = format_date(value, precision, lang, rng)
        if not slot.endswith("_bare"):
            text = f"{DATE_PREP[lang][precision - 1]} {text}"
        iso = value.isoformat()[: {1: 4, 2: 7, 3: 10}[precision]]
        return text, _statement(plan, attribute, iso, text, "date")
    if attribute == "location.site":
        kind, name = value
        the, obj, at = site_forms(kind, name, lang)
        text = {"site": the, "site_obj": obj, "site_at": at}[slot]
        return text, _statement(plan, attribute, site_canonical(kind, name), text, "name")
    if attribute == "perpetrator.group":
        group = plan.wrong_group if attribute in plan.wrong and plan.wrong_group else plan.group
        text = _group_text(group, slot, lang, rng)
        return text, _statement(plan, attribute, group.canonical, text, "name")
    if attribute == "location.country":
        text = country_name(value, lang)
        return text, _statement(plan, attribute, COUNTRIES[value][0], text, "name")
    if attribute == "operation.name":
        text = OPERATION[lang].format(w=value)
        return text, _statement(plan, attribute, OPERATION["en"].format(w=value), text, "name")
    if attribute == "location.city":
        text = city_text(plan.event.values["location.country"], value, lang)
        return text, _statement(plan, attribute, value, text, "name")
    return str(value), _statement(plan, attribute, value, str(value), "name")


def _group_text(group: Group, slot: str, lang: str, rng: random.Random) -> str:
    name = group.name(lang)
    r = rng.random()
    named = f"{name} ({group.acronym})" if r < 0.45 else name if r < 0.8 else group.acronym
    the, of = group_articles(group.kind, lang)
    if slot == "group_of":
        return f"der Gruppe {named}" if lang == "de" else f"{of}{named}"
    return f"{the}{named}"


def _count(value: int, lang: str, noun_follows: bool, rng: random.Random) -> tuple[str, Any, str]:
    """How a writer puts a count: digits, words, "about 70", "hundreds of", "more than 100".

    Returns the text, the value it states in the report's JSON form, and the form's name.
    """
    r = rng.random()
    about = rng.choice(ABOUT[lang])  # drawn always so later choices do not shift with the value
    if r < 0.1:
        words = number_words(value, lang)
        if words:
            return words, value, "words"
    if r < 0.2 and value >= 30:
        step = 10 if value < 200 else 50 if value < 1000 else 100
        rounded = int(round(value / step) * step)
        low, high = int(rounded * 0.85), int(rounded * 1.15 + 0.999)
        if low <= value <= high:
            return f"{about} {digits(rounded, lang)}", {"low": low, "high": high}, "approximate"
    if 0.2 <= r < 0.27 and noun_follows:
        for key, (low, high) in VAGUE_RANGES.items():
            if low <= value <= high:
                return VAGUE[key][lang], {"low": low, "high": high}, "vague"
    if 0.27 <= r < 0.3 and noun_follows and value > 20:
        step = 10 if value < 200 else 100
        bound = (value - 1) // step * step
        if bound >= 10:
            return f"{MORE_THAN[lang]} {digits(bound, lang)}", {"low": bound, "high": None}, "bound"
    return digits(value, lang), value, "exact"


def _gold_record(event: SyntheticEvent, articles: list[SyntheticArticle]) -> dict[str, Any]:
    return {
        "event": event.id,
        "values": event.gold(),
        "documents": [a.id for a in articles],
        "lineage": [
            {"document": a.id, "of": a.copy_of, "relation": a.relation}
            for a in articles
            if a.copy_of
        ],
        "sources": {a.id: a.source for a in articles},
        "statements": {
            a.id: [s.to_json() for s in a.statements if s.event == event.id] for a in articles
        },
    }
