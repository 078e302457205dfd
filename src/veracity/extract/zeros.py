"""Explicit zero counts: a fate the text says befell no one is a count of 0.

"no hostages were killed", "aucun otage n'a été blessé", "keine Toten", "nobody died", "the
hostages were not harmed", "todos los rehenes fueron liberados ilesos", "sin disparar un solo
tiro". A number finds no count here (there is none to read), and the cue classes drop a fate
that did not happen, so these are read on their own, from the profile's cue and noun classes
plus its [zeros.*] tables of the words that deny. Five constructions:

- a group denied a fate: a word of none, the group's noun, its fate ("no hostages were killed",
  "ningún rehén resultó herido") gives the group's own attribute (the profile's count_rules);
- a fate denied of everyone: nobody as its subject ("no one died", "personne n'a été tué") or
  the fate itself denied ("no deaths", "keine Toten", "sin heridos");
- the whole group, then a negation before its fate ("les otages n'ont pas été blessés");
- the whole group unharmed ("all the hostages were freed unharmed", "les otages, sains et
  saufs"): only "all", "todos", "tous" or the definite article make it the whole group;
- an end without a shot or bloodshed ("sans effusion de sang"): no one killed, no one hurt.

An unhurt group was not killed either; no one killed means none of the dead's parts either.

Zeros are easy to over-read, so a sentence gives none that is provisional ("so far no one"),
threatened ("would be killed"), about a part of the group ("no other hostage", "the rest were
freed unharmed"), or scoped to one phase ("no hostage died during the assault": some may have
died before); and an article gives none it contradicts itself with a positive count of the
same thing (`keep_uncontradicted`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from veracity.extract.drafts import BREAKS, Draft, Hits
from veracity.extract.lexicon import (
    NumberLexicon,
    PhraseSet,
    Profile,
    load_profile,
    number_lexicon,
    table_phrases,
)
from veracity.extract.text import Sentence
from veracity.values import Count

# how far apart the words of one denial may stand: the word of none and its noun ("none of the
# 40 hostages"), the noun or the word of none and the fate ("no hostages were reported killed")
_TO_NOUN = 3
_TO_FATE = 6  # German puts the verb last: "keine Geisel wurde bei ... getötet"
# the whole group and its unharmed fate ("the hostages were all freed unharmed")
_TO_UNHURT = 8
# where a word is in two noun classes ("civilians": people and civilians) the zero is of the
# more specific group
_GROUPS = ("hostages", "perpetrators", "security", "civilians", "people")
EVERYONE = "none"  # the count_rules class of a fate with no noun: everyone's
DEATH, INJURY = "death", "injury"

_STATED = "a fate the text says befell no one"
_UNHURT = "the whole group unharmed"
_BLOODLESS = "an end without a shot or bloodshed"
_PART = "a part of a total of none"


@dataclass(frozen=True)
class _Tables:
    none: PhraseSet
    nobody: PhraseSet
    harm: PhraseSet
    casualties: PhraseSet
    unhurt: PhraseSet
    bloodless: PhraseSet
    partial: PhraseSet
    provisional: PhraseSet
    condition: PhraseSet
    # a word of none, nobody, unharmed or bloodless: a sentence with none of them (and no
    # negation) states no zero, and most sentences are passed over on this one look-up
    triggers: PhraseSet


@lru_cache(maxsize=32)
def _tables(profile_name: str, language: str) -> _Tables | None:
    raw = load_profile(profile_name).raw.get("zeros")
    if not raw:
        return None

    def table(name: str) -> PhraseSet:
        return table_phrases(profile_name, "zeros", name, language)

    triggers = [
        entry
        for name in ("none", "nobody", "unhurt", "bloodless")
        for entry in raw.get(name, {}).get(language, [])
    ]
    return _Tables(
        table("none"), table("nobody"), table("harm"), table("casualties"), table("unhurt"),
        table("bloodless"), table("partial"), table("provisional"), table("condition"),
        PhraseSet.build(triggers),
    )


@dataclass
class _Sentence:
    """What the constructions look at in one sentence."""

    sentence: Sentence
    fates: list[tuple[int, int, str]]  # (start, end, death or injury), negated ones included
    nouns: list[tuple[int, int, str]]  # (start, end, noun class)
    cue_hits: Hits
    breaks: set[int]  # word k is followed by a comma, semicolon or colon
    tables: _Tables
    lex: NumberLexicon

    def clear(self, first: int, last: int) -> bool:
        """Words [first, last) run as one phrase, from the word before to the word after: no
        punctuation ("No, the hostages were killed"), no "and"/"but", no number, no word that
        makes the group a part ("other", "rest", "more")."""
        words = self.sentence.words
        if any(first - 1 <= b < last for b in self.breaks):
            return False
        if any(
            first <= s < last and self._as_written(s)
            for s, _e in self.cue_hits.get("conjunction", [])
        ):
            return False
        if any(words[k].isdigit() or words[k] in self.lex.words for k in range(first, last)):
            return False
        return not any(first <= s < last for s, _n in self.tables.partial.find(words))

    def _as_written(self, k: int) -> bool:
        """Word k is written as its folded form reads: Italian "è" (is) folds to "e" (and)."""
        s, e = self.sentence.spans[k]
        raw = self.sentence.text[s - self.sentence.start : e - self.sentence.start]
        return raw.lower() == self.sentence.words[k]

    def partitive(self, end: int) -> bool:
        """The words before `end` are "of the", "de los", "des": a group follows, no fate."""
        words = self.sentence.words
        return any(
            self.lex.partitive.match_at(words, k) == end - k
            or self.lex.definite.match_at(words, k) == end - k
            for k in range(max(0, end - 2), end)
        )

    def fate_after(self, at: int, reach: int) -> tuple[int, int, str] | None:
        """The first fate starting within `reach` words of word `at`, in the same phrase."""
        for s, e, fate in self.fates:
            if at <= s <= at + reach and self.clear(at, s):
                return s, e, fate
        return None

    def group_at(self, start: int) -> tuple[int, int, str] | None:
        """The noun starting at word `start`, of its most specific class."""
        here = [n for n in self.nouns if n[0] == start]
        return min(here, key=lambda n: _GROUPS.index(n[2])) if here else None

    def whole(self, start: int) -> bool:
        """The group whose noun starts at `start` is named whole: "all (the) hostages", "the
        hostages", "los 15 rehenes" (the article before a number names them all)."""
        words = self.sentence.words
        if any(max(0, start - 4) <= p < start for p, _n in self.tables.partial.find(words)):
            return False  # "the rest of the hostages", "les autres otages"
        k = start
        if k > 0 and (words[k - 1].isdigit() or words[k - 1] in self.lex.words):
            k -= 1
        if any(self.lex.all_words.match_at(words, j) for j in range(max(0, k - 3), k)):
            return True
        return any(
            self.lex.definite.match_at(words, j) == k - j for j in range(max(0, k - 2), k)
        )


def outside_denials(
    counts: list[Draft], sentence: Sentence, profile: Profile, language: str
) -> list[Draft]:
    """The counts whose number is no word of a denial: the "one" of "no one has been killed",
    the "un" of "ni un solo rehén", "pas un seul otage" count no one."""
    tables = _tables(profile.name, language)
    if tables is None or not counts:
        return counts
    spans = [
        (sentence.spans[s][0], sentence.spans[s + n - 1][1])
        for table in (tables.none, tables.nobody)
        for s, n in table.find(sentence.words)
        if n > 1
    ]
    return [d for d in counts if not any(a <= d.start < b for a, b in spans)]


def zero_drafts(
    sentence: Sentence,
    profile: Profile,
    language: str,
    fates: Hits,
    cue_hits: Hits,
    noun_hits: Hits,
    limit: int,
) -> list[Draft]:
    """The zero counts one sentence states. `fates`: its death and injury cues before negated
    ones were dropped; `cue_hits`, `noun_hits`: its other cues and nouns; `limit`: where a
    comparison with another event starts (nothing after it is this event's)."""
    tables = _tables(profile.name, language)
    if tables is None:
        return []
    words = sentence.words
    if not cue_hits.get("negation") and not tables.triggers.find(words):
        return []
    if tables.provisional.find(words) or cue_hits.get("threat"):
        return []  # "so far no one has been hurt", "no one would be harmed if ..."
    seen = _seen(sentence, tables, fates, cue_hits, noun_hits, language, limit)
    found: list[tuple[int, int, str, str, str]] = []  # (start, end, class, fate, why)
    found += _denied(seen, limit)
    found += _denied_after_group(seen, limit)
    found += _unhurt(seen, limit)
    found += [(s, s + n, EVERYONE, INJURY, _BLOODLESS) for s, n in tables.bloodless.find(words)
              if s < limit]
    out: list[Draft] = []
    for start, end, group, fate, why in found:
        for attribute, inferred in _attributes(profile, group, fate):
            qualifiers = {"zero": why}
            if inferred or why == _BLOODLESS:
                qualifiers["inferred"] = _PART if inferred else why
            span_start, span_end = sentence.spans[start][0], sentence.spans[end - 1][1]
            out.append(Draft(attribute, Count.exact(0), span_start, span_end, sentence, qualifiers))
    return _unique(out)


# how far before a fate a condition word may stand ("unless all passengers were released")
_CONDITION_REACH = 4


def under_condition(sentence: Sentence, profile: Profile, language: str, at: int) -> bool:
    """A condition word (`[zeros.condition]`: "unless", "a menos que", "es sei denn") stands
    within a few words before word `at`: what follows it did not happen."""
    tables = _tables(profile.name, language)
    if tables is None:
        return False
    return any(
        0 <= at - (s + n) <= _CONDITION_REACH for s, n in tables.condition.find(sentence.words)
    )


def _seen(
    sentence: Sentence,
    tables: _Tables,
    fates: Hits,
    cue_hits: Hits,
    noun_hits: Hits,
    language: str,
    limit: int,
) -> _Sentence:
    # harm and victims are fates only where they are denied ("no hostage was harmed", "no
    # casualties"), so they are no cues of the profile
    harm = [(s, s + n) for s, n in tables.harm.find(sentence.words)]
    victims = [(s, s + n) for s, n in tables.casualties.find(sentence.words)]
    fate_spans = [(s, e, DEATH) for s, e in [*fates.get(DEATH, []), *victims]]
    fate_spans += [(s, e, INJURY) for s, e in [*fates.get(INJURY, []), *harm]]
    nouns = [
        (s, s + n, cls) for cls in _GROUPS for s, n in noun_hits.get(cls, []) if s < limit
    ]
    return _Sentence(
        sentence,
        sorted(f for f in fate_spans if f[0] < limit),
        nouns,
        cue_hits,
        {b for b, _ in cue_hits.get(BREAKS, [])},
        tables,
        number_lexicon(language),
    )


def _denied(seen: _Sentence, limit: int) -> Iterator[tuple[int, int, str, str, str]]:
    """A word of none before a group and its fate ("no hostages were killed", "aucun des
    otages n'a été blessé"), before the fate itself ("no deaths", "keine Toten"), or nobody as
    its subject ("no one died", "nadie resultó herido")."""
    words = seen.sentence.words
    denials = {s: s + n for s, n in seen.tables.none.find(words) if s < limit}
    for s, n in seen.tables.nobody.find(words):
        if s < limit:
            denials[s] = max(denials.get(s, 0), s + n)
    # "without injuries", "sans effusion de sang": the idioms say it whole
    idioms = [
        (s, s + n)
        for table in (seen.tables.unhurt, seen.tables.bloodless)
        for s, n in table.find(words)
    ]
    covered = -1
    for start, after in sorted(denials.items()):
        if start < covered or any(s <= start < e for s, e in idioms):
            continue  # "nessuno" in both tables, "tidak seorang pun" inside "tidak ada ..."
        covered = after
        fate = seen.fate_after(after, _TO_FATE if _is_nobody(seen, start) else 1)
        group = next(
            (g for k in range(after, after + _TO_NOUN + 1) if (g := seen.group_at(k))), None
        )
        if group is not None and not (fate and fate[0] <= group[0] and not seen.partitive(after)):
            if seen.clear(after, group[0]):
                yield from _fates_of(seen, start, group)
            continue
        if fate is not None and not seen.partitive(after) and not _scoped(seen, start):
            yield start, fate[1], EVERYONE, fate[2], _STATED


def _is_nobody(seen: _Sentence, start: int) -> bool:
    return seen.tables.nobody.match_at(seen.sentence.words, start) > 0


def _fates_of(
    seen: _Sentence, start: int, group: tuple[int, int, str]
) -> Iterator[tuple[int, int, str, str, str]]:
    """The fate after a denied group; the groups listed with it share it ("none of the
    rescuers or hostages perished")."""
    listed = [group]
    at = group[1]
    while (nxt := next((seen.group_at(k) for k in (at, at + 1) if seen.group_at(k)), None)):
        listed.append(nxt)
        at = nxt[1]
    fate = seen.fate_after(at, _TO_FATE)
    if fate is None or _scoped(seen, start):
        return
    for noun in listed:
        yield start, fate[1], noun[2], fate[2], _STATED


def _denied_after_group(seen: _Sentence, limit: int) -> Iterator[tuple[int, int, str, str, str]]:
    """The whole group, a negation, its fate: "the hostages were not harmed", "les otages
    n'ont pas été blessés", "die Geiseln wurden nicht verletzt"."""
    negations = seen.cue_hits.get("negation", [])
    for start, end, group in seen.nouns:
        if start >= limit or not seen.whole(start):
            continue
        negation = next(((s, e) for s, e in negations if end <= s <= end + 3), None)
        if negation is None or not seen.clear(end, negation[0]):
            continue
        fate = seen.fate_after(negation[1], 3)
        if fate is not None and not _scoped(seen, start):
            yield start, fate[1], group, fate[2], _STATED


def _unhurt(seen: _Sentence, limit: int) -> Iterator[tuple[int, int, str, str, str]]:
    """The whole group unharmed: the group's noun before the word ("all the hostages were
    freed unharmed", "les otages sont sains et saufs"), or after it when "all" leads it
    ("liberados ilesos todos los rehenes")."""
    words = seen.sentence.words
    for s, n in seen.tables.unhurt.find(words):
        if s >= limit:
            continue
        before = [g for g in seen.nouns if s - _TO_UNHURT <= g[0] and g[1] <= s]
        after = [g for g in seen.nouns if s + n <= g[0] <= s + n + 3]
        if before:
            group = max(before, key=lambda g: (g[0], -_GROUPS.index(g[2])))
            if seen.whole(group[0]) and seen.clear(group[0], s) and not _scoped(seen, group[0]):
                yield group[0], s + n, group[2], INJURY, _UNHURT
        elif after:
            group = min(after, key=lambda g: (g[0], _GROUPS.index(g[2])))
            first_all = [k for k, _m in seen.lex.all_words.find(words) if s + n <= k < group[0]]
            if first_all and seen.clear(s + n, group[0]) and not _scoped(seen, s):
                yield s, group[1], group[2], INJURY, _UNHURT


def _scoped(seen: _Sentence, start: int) -> bool:
    """A zero said of one phase ("no hostage died during the assault", "keine Geisel wurde bei
    der Erstürmung getötet"): the ones before it may have died. An operation named after the
    denial's first word, in the same clause. One named before it ("the raid freed all the
    hostages unharmed") tells how it ended."""
    return any(
        s >= start and not any(start <= b < s for b in seen.breaks)
        for s, _e in seen.cue_hits.get("operation", [])
    )


def _attributes(profile: Profile, group: str, fate: str) -> list[tuple[str, bool]]:
    """(attribute, inferred) of each count a denial sets to 0: the group's fate (one not hurt
    was not killed either: an injury denied is a death denied too); no one killed at all means
    none of the dead's parts either."""
    rules = profile.count_rules.get(group, {})
    fates = (DEATH, INJURY) if fate == INJURY else (DEATH,)
    out = [(rules[f], False) for f in fates if f in rules and rules[f] in profile.attributes]
    if group == EVERYONE:
        for attribute, _inferred in list(out):
            out += [(part, True) for part in _parts(profile, attribute)]
    return out


def _parts(profile: Profile, total: str) -> list[str]:
    for c in profile.constraints:
        if c.get("kind") == "sum" and c.get("total") == total:
            return [str(p) for p in c.get("parts", [])]
    return []


def _unique(drafts: list[Draft]) -> list[Draft]:
    """One zero per attribute and sentence: the first statement of it."""
    out: list[Draft] = []
    for d in drafts:
        if not any(o.attribute == d.attribute for o in out):
            out.append(d)
    return out


def keep_uncontradicted(
    zeros: Sequence[Draft], drafts: Sequence[Draft], profile: Profile
) -> list[Draft]:
    """The zeros of one article its own counts leave standing, one per attribute. A statement
    of none is dropped with every zero it gives when the article counts any of them above 0
    ("no one was killed", then "four hostages were killed"): an early report, a phase, or
    another event. A total above 0 leaves a part's zero standing (the attackers died, not the
    hostages); a part above 0 drops the total's. A zero the article's counts already give
    ("all the hostages were rescued") is not given twice."""
    positive = {d.attribute for d in drafts if isinstance(d.value, Count) and d.value.low > 0}
    given = {d.attribute for d in drafts if d.value == Count.exact(0)}
    denied = {
        (d.start, d.end)
        for d in zeros
        if d.attribute in positive or any(p in positive for p in _parts(profile, d.attribute))
    }
    kept: list[Draft] = []
    for d in zeros:
        if (d.start, d.end) in denied or d.attribute in given:
            continue
        if not any(k.attribute == d.attribute for k in kept):
            kept.append(d)
    return kept
