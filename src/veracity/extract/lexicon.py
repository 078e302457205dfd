"""Profiles and lexicons (TOML data files) loaded into phrase matchers."""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from veracity.errors import ProfileError


def fold_word(word: str) -> str:
    """Lower case without accents: the form lexicon entries are matched on."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True, slots=True)
class Phrase:
    """One lexicon entry: a run of words, each exact or a prefix (written with a final '*')."""

    words: tuple[str, ...]
    prefix: tuple[bool, ...]

    @classmethod
    def parse(cls, entry: str) -> Phrase:
        raw = fold_word(entry).replace("-", " ").replace("'", " ").split()
        return cls(tuple(w.rstrip("*") for w in raw), tuple(w.endswith("*") for w in raw))

    def match_at(self, words: list[str], i: int) -> int:
        """Number of words matched starting at words[i], or 0."""
        n = len(self.words)
        if i + n > len(words):
            return 0
        for k in range(n):
            w = words[i + k]
            if self.prefix[k]:
                if not w.startswith(self.words[k]):
                    return 0
            elif w != self.words[k]:
                return 0
        return n


@dataclass
class PhraseSet:
    """Entries of one class in one language, indexed by their first word for quick lookup.

    Exact first words are looked up in a dict; stems (prefix entries) in buckets keyed by their
    first three letters, so a word is compared only with the stems it could start with.
    """

    exact_first: dict[str, list[Phrase]] = field(default_factory=dict)
    prefix_buckets: dict[str, list[Phrase]] = field(default_factory=dict)
    short_prefixes: list[Phrase] = field(default_factory=list)

    @classmethod
    def build(cls, entries: list[str]) -> PhraseSet:
        out = cls()
        for entry in entries:
            phrase = Phrase.parse(entry)
            if not phrase.words:
                continue
            if phrase.prefix[0]:
                stem = phrase.words[0]
                if len(stem) >= 3:
                    out.prefix_buckets.setdefault(stem[:3], []).append(phrase)
                else:
                    out.short_prefixes.append(phrase)
            else:
                out.exact_first.setdefault(phrase.words[0], []).append(phrase)
        return out

    def match_at(self, words: list[str], i: int) -> int:
        word = words[i]
        best = 0
        if not self.short_prefixes and word not in self.exact_first and (
            word[:3] not in self.prefix_buckets
        ):
            return 0
        for phrase in self.exact_first.get(word, ()):
            best = max(best, phrase.match_at(words, i))
        for phrase in self.prefix_buckets.get(word[:3], ()):
            best = max(best, phrase.match_at(words, i))
        for phrase in self.short_prefixes:
            best = max(best, phrase.match_at(words, i))
        return best

    def specificity_at(self, words: list[str], i: int) -> tuple[int, int]:
        """(words matched, letters the entry spells out) of the best entry at words[i]: of two
        lexicons that both match, the one with the longer stem knows the word better
        ("geiselnehmer*", a hostage-taker, over "geisel*", a hostage)."""
        word = words[i]
        best = (0, 0)
        for bucket in (
            self.exact_first.get(word, ()),
            self.prefix_buckets.get(word[:3], ()),
            self.short_prefixes,
        ):
            for phrase in bucket:
                n = phrase.match_at(words, i)
                if n:
                    letters = sum(map(len, phrase.words)) + sum(not p for p in phrase.prefix)
                    best = max(best, (n, letters))
        return best

    def find(self, words: list[str]) -> list[tuple[int, int]]:
        """(start, length) of every match, left to right, longest first, no overlaps."""
        found: list[tuple[int, int]] = []
        exact, buckets, anywhere = self.exact_first, self.prefix_buckets, bool(self.short_prefixes)
        i = 0
        while i < len(words):
            word = words[i]
            # most words start no entry: passed over without a call
            n = (
                self.match_at(words, i)
                if anywhere or word in exact or word[:3] in buckets
                else 0
            )
            if n:
                found.append((i, n))
                i += n
            else:
                i += 1
        return found


@dataclass
class MultiMatcher:
    """Many named PhraseSets searched in one pass over a sentence's words."""

    exact_first: dict[str, list[tuple[str, Phrase]]] = field(default_factory=dict)
    prefix_buckets: dict[str, list[tuple[str, Phrase]]] = field(default_factory=dict)
    short_prefixes: list[tuple[str, Phrase]] = field(default_factory=list)
    names: tuple[str, ...] = ()

    @classmethod
    def build(cls, sets: dict[str, PhraseSet]) -> MultiMatcher:
        out = cls(names=tuple(sets))
        for name, ps in sets.items():
            for word, phrases in ps.exact_first.items():
                out.exact_first.setdefault(word, []).extend((name, p) for p in phrases)
            for key, phrases in ps.prefix_buckets.items():
                out.prefix_buckets.setdefault(key, []).extend((name, p) for p in phrases)
            out.short_prefixes.extend((name, p) for p in ps.short_prefixes)
        return out

    def find_all(self, words: list[str]) -> dict[str, list[tuple[int, int]]]:
        """For every set: (start, length) of its matches, longest first, no overlaps."""
        found: dict[str, list[tuple[int, int]]] = {name: [] for name in self.names}
        busy_until: dict[str, int] = {}
        for i, word in enumerate(words):
            best: dict[str, int] = {}
            for bucket in (
                self.exact_first.get(word, ()),
                self.prefix_buckets.get(word[:3], ()),
                self.short_prefixes,
            ):
                for name, phrase in bucket:
                    n = phrase.match_at(words, i)
                    if n > best.get(name, 0):
                        best[name] = n
            for name, n in best.items():
                if i >= busy_until.get(name, 0):
                    found[name].append((i, n))
                    busy_until[name] = i + n
        return found


def _load_toml(package: str, name: str) -> dict[str, Any]:
    try:
        text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
        return tomllib.loads(text)
    except (FileNotFoundError, tomllib.TOMLDecodeError) as err:
        raise ProfileError(f"cannot read {package}/{name}: {err}") from err


@dataclass
class Profile:
    """An event profile: attributes, per-language cue and noun classes, count rules."""

    name: str
    languages: tuple[str, ...]
    attributes: dict[str, dict[str, str]]
    nouns: dict[str, dict[str, PhraseSet]]  # class -> language -> phrases
    cues: dict[str, dict[str, PhraseSet]]
    count_rules: dict[str, dict[str, str]]
    strong_cues: frozenset[str]
    decisive_cues: frozenset[str]
    durations: dict[str, dict[str, Any]]
    constraints: list[dict[str, Any]]
    organisation_heads: dict[str, PhraseSet]
    operation_words: dict[str, PhraseSet]
    authority_words: PhraseSet
    generic_name_words: PhraseSet  # every language's organisation heads: what a name is, not who
    connectors: frozenset[str]
    sites: dict[str, PhraseSet]  # kind -> every language's names
    site_labels: dict[str, str]
    raw: dict[str, Any]

    def kind(self, attribute: str) -> str:
        spec = self.attributes.get(attribute)
        if spec is not None:
            return spec["kind"]
        return "count"

    def cue_matcher(self, language: str) -> MultiMatcher:
        return _cue_matcher(self.name, language)

    def noun_matcher(self, language: str) -> MultiMatcher:
        return _noun_matcher(self.name, language)

    def site_matcher(self) -> MultiMatcher:
        return _site_matcher(self.name)

    def nouns_for(self, language: str) -> dict[str, PhraseSet]:
        return {cls: by_lang.get(language) or by_lang["en"] for cls, by_lang in self.nouns.items()}

    def cues_for(self, language: str) -> dict[str, PhraseSet]:
        return {cls: by_lang.get(language) or by_lang["en"] for cls, by_lang in self.cues.items()}


@lru_cache(maxsize=64)
def _cue_matcher(profile: str, language: str) -> MultiMatcher:
    return MultiMatcher.build(load_profile(profile).cues_for(language))


@lru_cache(maxsize=64)
def _noun_matcher(profile: str, language: str) -> MultiMatcher:
    return MultiMatcher.build(load_profile(profile).nouns_for(language))


@lru_cache(maxsize=8)
def _site_matcher(profile: str) -> MultiMatcher:
    return MultiMatcher.build(load_profile(profile).sites)


def _every_language(words: list[str] | dict[str, list[str]]) -> list[str]:
    """A kind's words in one list, English first: a table by language, or a list already."""
    if isinstance(words, list):
        return words
    return [*words.get("en", []), *(w for lang, ws in words.items() if lang != "en" for w in ws)]


def _by_language(table: dict[str, list[str]]) -> dict[str, PhraseSet]:
    return {lang: PhraseSet.build(entries) for lang, entries in table.items()}


@lru_cache(maxsize=8)
def load_profile(name: str = "attack") -> Profile:
    data = _load_toml("veracity.profiles", f"{name}.toml")
    try:
        names = data["names"]
        rules = dict(data["count_rules"])
        strong = frozenset(rules.pop("strong_cues", []))
        decisive = frozenset(rules.pop("decisive_cues", []))
        site_words = {kind: _every_language(words) for kind, words in data["sites"].items()}
        sites = {kind: PhraseSet.build(words) for kind, words in site_words.items()}
        return Profile(
            name=data["name"],
            languages=tuple(data["languages"]),
            attributes=data["attributes"],
            nouns={cls: _by_language(t) for cls, t in data["nouns"].items()},
            cues={cls: _by_language(t) for cls, t in data["cues"].items()},
            count_rules=rules,
            strong_cues=strong,
            decisive_cues=decisive,
            durations=data["durations"],
            constraints=data.get("constraints", []),
            organisation_heads=_by_language(names["organisation_heads"]),
            operation_words=_by_language(names["operation_words"]),
            authority_words=PhraseSet.build(names.get("authority_words", [])),
            generic_name_words=PhraseSet.build(
                [w for words in names["organisation_heads"].values() for w in words]
            ),
            connectors=frozenset(names["connectors"]),
            sites=sites,
            site_labels={kind: words[0] for kind, words in site_words.items()},
            raw=data,
        )
    except KeyError as err:
        raise ProfileError(f"profile {name!r} lacks {err}") from err


def available_profiles() -> list[str]:
    return sorted(
        p.name.removesuffix(".toml")
        for p in resources.files("veracity.profiles").iterdir()
        if p.name.endswith(".toml")
    )


@dataclass
class NumberLexicon:
    words: frozenset[str]
    vague: dict[str, tuple[float, float]]
    vague_phrases: PhraseSet
    approx: PhraseSet
    lower: PhraseSet
    upper: PhraseSet
    near: PhraseSet
    between: PhraseSet
    conj: PhraseSet
    all_words: PhraseSet
    definite: PhraseSet  # "killing the 40 gunmen": the whole band, named by its article
    all_but: PhraseSet
    partitive: PhraseSet
    including: PhraseSet  # "including 12 crew members": a part of a group named before
    # "four younger kidnappers", "yang lebih muda", "les plus jeunes": a part singled out
    subset: PhraseSet
    # "who", "yang", "que": a relative clause with no comma before it may single out a part
    relative: PhraseSet
    each: PhraseSet  # "each with four gunmen", "cada uno": a number per part, not the total
    members: PhraseSet  # "members": of the attackers' group, or of the forces named after
    forces: PhraseSet  # "police", "gendarmerie", "fuerzas": members of these are the forces
    agent: frozenset[str]  # "hijacked by 3 men": who did it, after a passive verb
    ordinals: frozenset[str]  # spelled ordinals the number reader would take for cardinals
    partitive_opener: PhraseSet  # "Of the dead, 67 ...", "Parmi les morts, 67 ..."
    band: PhraseSet  # "members of the cell": the words for an armed band's unit
    # "Le 6, un commando ...": the article that makes a lone number a day of the month
    day_article: frozenset[str]
    not_nouns: frozenset[str]  # verbs and function words that may follow a number
    half: PhraseSet  # "two and a half days"
    others: frozenset[str]  # "15 others", "otras trece": more of the people already spoken of
    # "the next 14 months", "8 meses antes", "two days later": a stretch of time measured
    # from some moment of the story, not how long the event lasted
    shift_before: PhraseSet
    shift_after: PhraseSet
    scale: dict[str, float]  # "5 million": the word that multiplies the digits before it
    units: PhraseSet  # "10,000 roubles", "32 km": amounts, not counts of people
    ordinal_suffix: frozenset[str]
    age: PhraseSet
    age_before: PhraseSet
    grammar: dict[str, Any]


@lru_cache(maxsize=128)
def table_phrases(profile_name: str, section: str, table: str, language: str) -> PhraseSet:
    """One of a profile's own phrase tables (`[<section>.<table>]`, e.g. `[lone_actor.suicide]`)
    in one language, built once."""
    entries = load_profile(profile_name).raw.get(section, {}).get(table, {})
    return PhraseSet.build(list(entries.get(language, [])))


@lru_cache(maxsize=16)
def number_lexicon(language: str) -> NumberLexicon:
    data = _load_toml("veracity.lexicons", "numbers.toml")
    table = data.get(language) or data["en"]
    vague = {
        fold_word(k).replace("-", " "): (float(v[0]), float(v[1]))
        for k, v in table["vague"].items()
    }
    return NumberLexicon(
        words=frozenset(fold_word(w) for w in table.get("words", [])),
        vague=vague,
        vague_phrases=PhraseSet.build(list(vague)),
        approx=PhraseSet.build(table["approx"]),
        lower=PhraseSet.build(table["lower"]),
        upper=PhraseSet.build(table["upper"]),
        near=PhraseSet.build(table["near"]),
        between=PhraseSet.build(table["between"]),
        conj=PhraseSet.build(table["and"]),
        all_words=PhraseSet.build(table["all"]),
        definite=PhraseSet.build(table.get("definite", [])),
        all_but=PhraseSet.build(table["all_but"]),
        partitive=PhraseSet.build(table["partitive"]),
        including=PhraseSet.build(table.get("including", [])),
        subset=PhraseSet.build(table.get("subset", [])),
        relative=PhraseSet.build(table.get("relative", [])),
        each=PhraseSet.build(table.get("each", [])),
        day_article=frozenset(table.get("day_article", [])),
        members=PhraseSet.build(table.get("members", [])),
        forces=PhraseSet.build(table.get("forces", [])),
        agent=frozenset(table.get("agent", [])),
        ordinals=frozenset(fold_word(w) for w in table.get("ordinals", [])),
        partitive_opener=PhraseSet.build(table.get("partitive_opener", [])),
        band=PhraseSet.build(table.get("band", [])),
        not_nouns=frozenset(fold_word(w) for w in table.get("not_nouns", [])),
        units=PhraseSet.build(data.get("units", [])),
        half=PhraseSet.build(table.get("half", [])),
        others=frozenset(fold_word(w) for w in table.get("others", [])),
        shift_before=PhraseSet.build(table.get("shift_before", [])),
        shift_after=PhraseSet.build(table.get("shift_after", [])),
        scale={fold_word(k): float(v) for k, v in data.get("scale", {}).items()},
        ordinal_suffix=frozenset(table.get("ordinal_suffix", [])),
        age=PhraseSet.build(table["age"]),
        age_before=PhraseSet.build(table.get("age_before", [])),
        grammar=table.get("grammar", {}),
    )
