"""Link the names documents give one thing (acronyms, translations, accents) into groups."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from veracity.extract.lexicon import PhraseSet
from veracity.extract.names import acronym_of
from veracity.values import fold


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _is_acronym(name: str) -> bool:
    letters = name.replace("-", "")
    return letters.isupper() and 2 <= len(letters) <= 7 and " " not in name


def link_names(
    names: Iterable[str],
    pairs: Iterable[tuple[str, str]],
    connectors: frozenset[str],
    generic: PhraseSet | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """Group names that denote one thing.

    Returns (folded name -> group key, group key -> display name). Evidence: a document pairing
    an acronym with a full name, an acronym matching a name's initials, equal folded forms, one
    multi-word name containing every word of another, and one name translating another: once
    connectors and `generic` words (front, movimiento, liberación ...) are set aside, at least
    two words of each are left and each of them is spelled like one of the other's ("Popular
    Front for the Liberation of Palestine" = "Frente Popular para la Liberación de Palestina").
    """
    mentions = Counter(names)
    uf = _UnionFind()
    for name in mentions:
        uf.find(fold(name))
    for a, b in pairs:
        uf.union(fold(a), fold(b))
        mentions[b] += 0  # make the full form a display candidate
    folded = {fold(n): n for n in mentions}
    keys = list(folded)
    for acr_key, acr in folded.items():
        if _is_acronym(acr):
            for key, full in folded.items():
                if key != acr_key and not _is_acronym(full) and acronym_of(acr, full, connectors):
                    uf.union(acr_key, key)
    # one name spelled in two scripts' ways ("Hezbollah", "Hisbollah"; "Al-Shabaab", "Al
    # Chabaab"; "M-19", "M19"): the same sounds once vowels, doubled letters and the usual
    # transliteration variants are set aside
    by_sound: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        sound = _sound(k, connectors)
        if sound:
            by_sound[sound].append(k)
    for same in by_sound.values():
        for other in same[1:]:
            uf.union(same[0], other)
    token_sets = {k: frozenset(k.split()) for k in keys}
    for a in keys:
        for b in keys:
            ta, tb = token_sets[a], token_sets[b]
            if a < b and min(len(ta), len(tb)) >= 2 and (ta <= tb or tb <= ta):
                uf.union(a, b)
    # translations: compared only within blocks of names sharing the start of an own word
    own = {k: _own_words(k, connectors, generic) for k in keys}
    heads = {k: len(k.split()) - len(own[k]) - _connector_count(k, connectors) for k in keys}
    blocks: dict[str, list[str]] = defaultdict(list)
    for k, words in own.items():
        if len(words) >= 2 or (len(words) == 1 and heads[k] >= 2):
            for w in set(words):
                blocks[w[:3]].append(k)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if uf.find(a) != uf.find(b) and (
                    _translated(own[a], own[b])
                    or _one_word_translated(a, b, own, heads)
                    or _mostly_translated(own[a], own[b])
                ):
                    uf.union(a, b)
    group_of = {k: uf.find(k) for k in keys}
    members: dict[str, list[str]] = defaultdict(list)
    for name, count in mentions.items():
        members[group_of[fold(name)]].extend([name] * max(count, 1))
    display: dict[str, str] = {}
    for group, forms in members.items():
        full_forms = [f for f in forms if not _is_acronym(f)] or forms
        counts = Counter(full_forms)
        display[group] = max(counts, key=lambda f: (counts[f], _accents(f), len(f)))
    return group_of, display


_VARIANTS = (("ch", "sh"), ("kh", "h"), ("ou", "u"), ("z", "s"), ("q", "k"), ("c", "k"),
             ("ph", "f"), ("j", "y"), ("w", "u"))


def _sound(key: str, connectors: frozenset[str]) -> str:
    """A one-word name's sound (its folded `key` without its article), for names of at least
    five letters: consonants in order, transliteration variants merged, vowels and doubled
    letters dropped ("hezbollah", "hisbollah", "hizbullah" -> "hsblh"). Digits are kept: "m 19"
    and "m19" are one. Empty for longer names, which are compared word by word."""
    words = [w for w in key.split() if w not in connectors and w not in ("al", "el", "ad", "as")]
    joined = "".join(words)
    if len(words) > 2 or (len(joined) < 5 and not any(ch.isdigit() for ch in joined)):
        return ""
    if len(words) == 2 and not any(ch.isdigit() for ch in joined):
        return ""
    for a, b in _VARIANTS:
        joined = joined.replace(a, b)
    consonants = re.sub(r"[aeiouy]", "", joined)
    sound = re.sub(r"(.)\1+", r"\1", consonants)
    return sound if len(sound) >= 3 or any(ch.isdigit() for ch in sound) else ""


def _accents(text: str) -> int:
    """Prefer the spelling with diacritics: it is the careful one ("Túpac" over "Tupac")."""
    return sum(1 for ch in text if ord(ch) > 127)


def _own_words(name: str, connectors: frozenset[str], generic: PhraseSet | None) -> list[str]:
    words = name.split()
    return [
        w
        for i, w in enumerate(words)
        if w not in connectors and not (generic is not None and generic.match_at(words, i))
    ]


def _connector_count(name: str, connectors: frozenset[str]) -> int:
    return sum(1 for w in name.split() if w in connectors)


def _one_word_translated(
    a: str, b: str, own: dict[str, list[str]], heads: dict[str, int]
) -> bool:
    """"Northern Liberation Front" = "Frente de Liberación del Norte": one own word each, spelled
    alike (the same stem), and as many generic words (front, liberation) on both sides, at
    least two, so that the name's shape translates too."""
    x, y = own[a], own[b]
    if len(x) != 1 or len(y) != 1 or heads[a] != heads[b] or heads[a] < 2:
        return False
    u, v = x[0], y[0]
    return len(u) >= 4 and len(v) >= 4 and (u[:4] == v[:4] or fuzz.ratio(u, v) >= 80)


def _mostly_translated(a: list[str], b: list[str]) -> bool:
    """"Al Qaeda in the Islamic Maghreb" = "Al-Qaïda au Maghreb": the shorter name's own
    words, all but its short function words ("in", "au"), are spelled alike in the longer,
    two of them at least."""
    short, long_ = sorted((a, b), key=len)
    content = [w for w in short if len(w) > 3]
    if len(content) < 2:
        return False
    alike = [w for w in content if max(fuzz.ratio(w, x) for x in long_) >= 80]
    return len(alike) == len(content)


def _translated(a: list[str], b: list[str]) -> bool:
    if len(a) < 2 or len(b) < 2 or len(a) != len(b):
        return False
    return all(max(fuzz.ratio(x, y) for y in b) >= 80 for x in a) and all(
        max(fuzz.ratio(y, x) for x in a) >= 80 for y in b
    )
