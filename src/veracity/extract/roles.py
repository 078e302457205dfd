"""Who is who in an attack: the attackers' group and leader, and the place it happened.

A name alone does not say its role: "the Army", "the Church", "Radio X", "Colonel Y" are names
as much as the group responsible is. The role is read from the words around the name, in the
document's language, with the profile's `[names]` words:

- a group responsible is named as one ("the militant group X", "X, le groupe djihadiste",
  "kelompok X"), as what the attackers belong to ("militants of X", "guerrilleros del X"), or
  with a claim of responsibility ("claimed by X", "X a revendiqué"); and it is never a state's
  body or force, a victim institution, a medium, a company or a club;
- a leader is a person named with a leader's word whose owner is the attackers' side (not the
  police, the army, the government or an aircraft's crew), and holds no state office or rank;
- a site is a named place in a sentence about the attack.

No name of any event is listed anywhere: only the words of each language.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from veracity.extract.lexicon import MultiMatcher, PhraseSet, Profile, fold_word, load_profile
from veracity.extract.names import NameMention, capitalised_runs
from veracity.extract.text import Sentence

# punctuation that ends a phrase: a role word across it says nothing of the name
_BREAK = re.compile(r"[,;:.!?()\[\]\n|–—]")
_QUOTED = re.compile(r"[«“\"]([^»”\"\n]{2,60})[»”\"]")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True)
class RoleWords:
    """The `[names]` role words for one language, compiled."""

    group_words: PhraseSet
    member_words: PhraseSet
    perpetrators: PhraseSet
    security: PhraseSet
    agent_words: PhraseSet
    naming_words: PhraseSet
    place_words: PhraseSet
    group_adjectives: PhraseSet
    of_words: frozenset[str]
    force_words: PhraseSet
    state_qualifiers: PhraseSet
    not_group: PhraseSet
    authority: PhraseSet
    office_titles: PhraseSet
    neutral_titles: PhraseSet
    crew_words: PhraseSet
    heads: PhraseSet
    cues: MultiMatcher
    language: str
    profile: str


def _cues(rw: RoleWords, sentence: Sentence) -> dict[str, list[tuple[int, int]]]:
    """The profile's cues in a sentence, found once for the several readers of one sentence."""
    return _cues_cached(rw.profile, rw.language, tuple(sentence.words))


@lru_cache(maxsize=64)
def _cues_cached(
    profile: str, language: str, words: tuple[str, ...]
) -> dict[str, list[tuple[int, int]]]:
    return load_profile(profile).cue_matcher(language).find_all(list(words))


def tokens(text: str) -> list[str]:
    """Folded words as the profile's entries are written ("Al-Shabaab" -> al, shabaab)."""
    return _TOKEN.findall(fold_word(text))


@lru_cache(maxsize=32)
def role_words(profile_name: str, language: str) -> RoleWords:
    profile = load_profile(profile_name)
    names = profile.raw["names"]

    def per_language(key: str) -> PhraseSet:
        table = names.get(key, {})
        return PhraseSet.build(table.get(language) or table.get("en") or [])

    def flat(*keys: str) -> list[str]:
        return [w for key in keys for w in names.get(key, [])]

    site_words = [w for kind in profile.raw["sites"].values() for w in _site_list(kind)]
    nouns = profile.nouns_for(language)
    return RoleWords(
        group_words=per_language("group_words"),
        member_words=per_language("member_words"),
        perpetrators=nouns["perpetrators"],
        security=nouns["security"],
        agent_words=per_language("agent_words"),
        naming_words=per_language("naming_words"),
        place_words=per_language("place_words"),
        group_adjectives=per_language("group_adjectives"),
        of_words=frozenset(fold_word(w) for w in names.get("of_words", [])),
        force_words=PhraseSet.build(flat("force_words")),
        state_qualifiers=PhraseSet.build(flat("state_qualifiers")),
        not_group=PhraseSet.build(flat("not_group_words", "authority_words") + site_words),
        authority=PhraseSet.build(flat("authority_words")),
        office_titles=PhraseSet.build(flat("office_titles")),
        neutral_titles=PhraseSet.build(flat("neutral_titles")),
        crew_words=PhraseSet.build(flat("crew_words")),
        heads=profile.generic_name_words,
        cues=profile.cue_matcher(language),
        language=language,
        profile=profile_name,
    )


def _site_list(kind: list[str] | dict[str, list[str]]) -> list[str]:
    return kind if isinstance(kind, list) else [w for ws in kind.values() for w in ws]


def _any(phrases: PhraseSet, words: list[str]) -> bool:
    return any(phrases.match_at(words, i) for i in range(len(words)))


# ---------------------------------------------------------------- what kind of name it is


@lru_cache(maxsize=16)
def _countries_by_start(language: str) -> dict[str, tuple[str, ...]]:
    """One-word country names (CLDR, in `language` and English) by their first three letters."""
    from veracity.extract.places import country_names

    out: dict[str, set[str]] = defaultdict(set)
    for lang in {language, "en"}:
        for name in country_names(lang):
            if " " not in name and "-" not in name and len(name) >= 4:
                out[name[:3]].add(name)
    return {k: tuple(v) for k, v in out.items()}


def is_demonym(word: str, language: str) -> bool:
    """A word of a country's people: a language's name ("German", "alemán"), or a word that
    begins like a country's name all but its last letter ("Colombian", "israélien",
    "somalí"); "Liberation" is not Liberia's."""
    w = fold_word(word)
    if len(w) < 4:
        return False
    if is_people_word(word, language):
        return True
    for name in _countries_by_start(language).get(w[:3], ()):
        if w.startswith(name):
            rest = w[len(name) :]
        elif w.startswith(name[:-1]):
            rest = w[len(name) - 1 :]
        else:
            continue
        if rest in _DEMONYM_ENDINGS:
            return True
    return False


# what follows a country's name (or all its letters but the last) in a word of its people
_DEMONYM_ENDINGS = frozenset(
    {"", "n", "an", "ans", "ian", "ians", "ien", "iens", "ienne", "iennes", "ean", "eans", "ano",
     "ana", "anos", "anas", "no", "na", "nos", "nas", "o", "a", "os", "as", "ese", "esi", "ais",
     "aise", "ois", "oise", "er", "ern", "isch", "ische", "ischen", "ischer", "i", "is", "s",
     "es", "en", "e", "ite", "ites", "ino", "ina", "ini", "ine", "eno", "ena", "ota", "ote"}
)


@lru_cache(maxsize=16)
def _language_names(language: str) -> frozenset[str]:
    """Languages' names in CLDR (`language` and English): "German", "allemand", "alemán" are
    also what their people are called."""
    from babel import Locale, UnknownLocaleError

    out: set[str] = set()
    for lang in {language, "en"}:
        try:
            locale = Locale.parse({"tl": "fil"}.get(lang, lang))
        except (UnknownLocaleError, ValueError):
            continue
        out |= {fold_word(n) for n in locale.languages.values() if " " not in n and len(n) >= 4}
    return frozenset(out)


def is_people_word(word: str, language: str) -> bool:
    """A word of a people, surely: a language's name or its inflection ("German", "alemanes",
    "allemande"); a country's stem is not enough before a given name ("Francesca")."""
    w = fold_word(word)
    names = _language_names(language)
    return w in names or any(
        w.endswith(e) and len(w) - len(e) >= 5 and w[: len(w) - len(e)] in names
        for e in _ADJECTIVE_ENDINGS
        if e
    )


# the endings an adjective of a people takes after its language's name ("alemanes",
# "allemande", "Deutschen"); "Francesca" is not "francese" + "ca"
_ADJECTIVE_ENDINGS = frozenset({"", "s", "e", "es", "a", "as", "o", "os", "n", "en", "er", "ne", "ns", "i"})


def is_place(name: str, language: str) -> bool:
    """A country or a city by one of its names ("Iran", "Clermont-Ferrand", "Garissa")."""
    from veracity.extract.places import city_names, country_names

    folded = fold_word(name).strip()
    spaced = folded.replace("-", " ")
    countries = country_names(language)
    cities = city_names()
    return any(f in countries or f in cities for f in {folded, spaced, folded.replace(" ", "-")})


def is_state_force(words: list[str], rw: RoleWords, language: str, raw: list[str]) -> bool:
    """A force word and nothing else but what a state's force is called by: its country or
    people, "national", an arm ("infantry"), an ordinal ("7th", "1er"). Where adjectives come
    first (English, German), words after the force's name that do not hang on it by an "of"
    are another phrase ("Colombian Army Unknown", an infobox's cell)."""
    i, found = 0, False
    while i < len(words):
        n = rw.force_words.match_at(words, i)
        if n:
            found = True
            i += n
            if (
                language in ("en", "de")
                and i > n  # qualified before it: "Colombian Army"; "Brigade Rote X" is a name
                and i < len(words)
                and words[i] not in rw.of_words
            ):
                return True
            continue
        w = words[i]
        m = rw.state_qualifiers.match_at(words, i)
        if m:
            i += m
            continue
        if (
            w in rw.of_words
            or w.isdigit()
            or re.fullmatch(r"\d+(st|nd|rd|th|er|e|eme|o|a|\.)?", w)
            or w in {"st", "nd", "rd", "th", "er", "e", "eme", "o", "a"}
            or (i < len(raw) and is_demonym(raw[i], language))
            or is_place(w, language)
        ):
            i += 1
            continue
        return False
    return found


def not_a_group(name: str, language: str, rw: RoleWords) -> bool:
    """A name that is never the group responsible: a country or city, a state's body or force,
    a victim institution, a medium, a company or a club, a place; or no name at all ("Le
    Mouvement": an article and a kind word)."""
    if is_place(name, language):
        return True
    raw = _TOKEN.findall(name)
    words = [fold_word(w) for w in raw]
    if not words:
        return True
    if _any(rw.not_group, words) or _any(rw.office_titles, words):
        return True
    if is_state_force(words, rw, language, raw):
        return True
    own = [
        w
        for k, w in enumerate(words)
        if w not in rw.of_words
        and not rw.heads.match_at(words, k)
        and not rw.group_words.match_at(words, k)
        and not rw.neutral_titles.match_at(words, k)
    ]
    if not own:
        return True
    # a lone demonym or adjective of a people ("Chechen", "Palestinian") names nobody's group
    return len(raw) == 1 and is_demonym(raw[0], language)


# ---------------------------------------------------------------- the group responsible


@dataclass(frozen=True)
class RoleMention:
    mention: NameMention
    weight: float
    how: str  # which construction found it


_ARTICLES = frozenset(
    {"the", "a", "an", "el", "la", "los", "las", "le", "les", "l", "il", "lo", "gli", "o", "os",
     "as", "der", "die", "das", "den", "dem", "des", "ang", "si", "sang", "un", "une", "una",
     "uno", "ein", "eine", "einer", "einem", "this", "esta", "este", "cette", "ce", "questa",
     "questo", "diese", "dieser", "isang", "sebuah", "suatu", "para", "mga"}
)


def name_runs(
    sentence: Sentence,
    connectors: frozenset[str],
    common: frozenset[str] = frozenset(),
    proper: frozenset[str] | None = None,
) -> list[NameMention]:
    """Capitalised runs and quoted names of a sentence, without the words before the name
    proper: articles ("El M-19") and, at the sentence's start, a word the text writes in lower
    case elsewhere (`common`: "Selon", "Two"). A lone word that opens the sentence is a name
    only if the text also writes it with a capital inside a sentence (`proper`, when given):
    "Often, the movement ..." is no name."""
    runs = capitalised_runs(sentence.text, sentence.start, connectors)
    for m in _QUOTED.finditer(sentence.text):
        inner = m.group(1).strip()
        if inner[:1].isupper():
            start = sentence.start + m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
            runs.append(NameMention(inner, start, start + len(inner)))
    out = []
    for run in runs:
        text, start = run.text, run.start
        # (a reference mark "[3]" is nothing; a full stop the splitter missed ends a sentence)
        before = re.sub(r"\[\d+\]", "", sentence.text[: run.start - sentence.start]).rstrip()
        opening = not before.strip(" \t*-•«“\"'") or before.endswith((".", "!", "?"))
        while True:
            first = re.match(r"(\w+)(?:['’]\s*|\s+)", text)
            if not first or first.end() >= len(text):
                break
            word = fold_word(first.group(1))
            if word not in _ARTICLES and not (opening and word in common) and not (
                first.group(1)[:1].islower()
            ):
                break
            text, start = text[first.end() :], start + first.end()
        if not text[:1].isupper() and not text[:1].isdigit():
            continue
        if common and all(fold_word(w) in common for w in re.findall(r"[^\W\d_]+", text)):
            continue  # a headline's capitals ("Seorang Lagi Misterius"), no name
        lone = " " not in text and not re.search(r"[\d\-]", text) and not text.isupper()
        if opening and lone and (
            fold_word(text) in common or (proper is not None and fold_word(text) not in proper)
        ):
            continue
        out.append(NameMention(text, start, start + len(text)))
    return out


def word_cases(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words a text writes in lower case somewhere (common words, even when a sentence
    opens with one: "Esta mezquita", "Selon"), and those it capitalises inside a sentence
    (names, and German nouns)."""
    lower = frozenset(
        fold_word(w) for w in re.findall(r"(?<![\w'’])[a-zà-ÿа-яё][\w\-]*", text)
    )
    proper = frozenset(
        fold_word(m.group(1))
        for m in re.finditer(r"[\w,;’'»”)]\s+([A-ZÀ-ÞА-ЯЁ][\w\-]*)", text)
    )
    return lower, proper


def _word_span(sentence: Sentence, run: NameMention) -> tuple[int, int]:
    ks = sentence.word_index_at(run.start)
    ke = sentence.word_index_at(run.end)
    return ks, ke


def _clear(sentence: Sentence, i: int, j: int) -> bool:
    """No phrase break between word i and word j (i < j)."""
    if i >= j:
        return True
    a = sentence.spans[i][1] - sentence.start
    b = sentence.spans[j][0] - sentence.start
    return not _BREAK.search(sentence.text[a:b])


def _cue_words(sentence: Sentence, rw: RoleWords) -> set[int]:
    found = _cues(rw, sentence)
    return {
        k
        for name, hits in found.items()
        if name not in ("naming",)
        for i, n in hits
        for k in range(i, i + n)
    }


def group_roles(
    sentence: Sentence,
    profile: Profile,
    language: str,
    common: frozenset[str] = frozenset(),
    proper: frozenset[str] | None = None,
) -> list[RoleMention]:
    """Names this sentence gives the role of an armed group: named as one, as what the
    attackers belong to, or as who claimed the attack; never one the nearest words put on the
    side of the forces that answered ("les membres du X donnent l'assaut")."""
    rw = role_words(profile.name, language)
    words = sentence.words
    cue_at = _cue_words(sentence, rw)
    responsibility = _cues(rw, sentence).get("responsibility", [])
    out: list[RoleMention] = []
    runs = _inner_kinds(name_runs(sentence, profile.connectors, common, proper), rw)
    runs, compounds = _compounds(runs, rw)
    for run in runs:
        ks, ke = _word_span(sentence, run)
        if ks >= len(words) or ke <= ks:
            continue
        how, begin = _kind_before(sentence, ks, rw, cue_at)
        skip = (begin, ke)
        if not how and _kind_after(sentence, run, ke, rw):
            how, skip = "kind after", (ks, ke + 5)
        if not how and run in compounds:
            how, skip = "kind after", (ks, ke + 1)  # "Hisbollah-Miliz"
        weight = 4.0 if how else 0.0
        # "M-19 guerrillas", "Al Shabaab terrorists": English puts the group before them
        if (
            not how
            and language == "en"
            and ke < len(words)
            and _clear(sentence, ke - 1, ke)
            and rw.member_words.match_at(words, ke)
            and not is_demonym(run.text, language)
            and not is_people_word(run.text, language)
            and not rw.group_adjectives.match_at(tokens(run.text), 0)
            and not _LOWER_TAIL.search(run.text)
        ):
            how, weight, skip = "before attackers", 2.0, (ks, ke + 1)
        # German writes every noun with a capital: a lone plain word is a name there only
        # when a kind word or the attackers' noun says so ("Zu der Tat bekannte sich ...")
        plain = (
            language == "de" and " " not in run.text and run.text.isalpha()
            and not run.text.isupper()
        )
        if any(rw.perpetrators.match_at(words, k) for k in range(skip[0], min(skip[1], len(words)))):
            skip = (0, 0)  # "militants of X": the attackers' own noun says whose side X is on
        if not plain and any(_claims(sentence, s, s + n, ks, ke, rw) for s, n in responsibility):
            how, weight = how or "responsibility", weight + 4.0
        elif not how or _side(sentence, ks, rw, skip) < 0:
            continue
        named = _extended(sentence, run, rw)
        out.append(RoleMention(named, weight, how))
    return out


# "Iranian-born", "Paris-based", "ISIS-inspired": a name made an adjective by a lowercase word
# after its hyphen says where the attacker came from or what he followed, not his group
_LOWER_TAIL = re.compile(r"-[a-z]+$")


def _claims(sentence: Sentence, s: int, e: int, ks: int, ke: int, rw: RoleWords) -> bool:
    """The name is who a responsibility cue (words s..e) says claimed the attack: its agent
    ("revendiquée par X") or the subject right before it ("X claimed", "X a revendiqué"), not
    a noun after a preposition ("... für den Anschlag verantwortlich")."""
    if _after_agent(sentence, e, ks, rw):
        return True
    words = sentence.words
    return (
        ke <= s
        and s - ke <= 1
        and _clear(sentence, ke - 1, s)
        and not (
            ks >= 1
            and (words[ks - 1] in rw.of_words or rw.agent_words.match_at(words, ks - 1))
        )
    )


_ARTICLE_PREFIX = re.compile(r"\b(?:al|el|ad|an|as|ash|at|az|ar)[-‑]$")


def _extended(sentence: Sentence, name: NameMention, rw: RoleWords) -> NameMention:
    """The whole name of a group: with its Arabic article written in lower case ("al-X"), and
    with the region it names after a preposition ("Al-Qaeda in the Islamic Maghreb", "Al-Qaïda
    au Maghreb"), unless that is a country or a city ("X in Kenya": where, not who)."""
    text = sentence.text
    at = name.start - sentence.start
    start = name.start
    prefix = _ARTICLE_PREFIX.search(text[max(0, at - 4) : at])
    if prefix:
        start -= len(prefix.group())
    end = name.end
    rest = text[name.end - sentence.start :]
    m = re.match(r"[ \t]+(\w+)(?:[ \t]+(?:the|el|la|le|der|dem|il|lo))?(?:[ \t]+[a-zà-ÿ]+)?"
                 r"[ \t]+([A-ZÀ-Þ][\w\-]+(?:[ \t]+[A-ZÀ-Þ][\w\-]+)*)", rest)
    if m and rw.place_words.match_at([fold_word(m.group(1))], 0):
        region = m.group(2)
        if not is_place(region, rw.language) and not _any(rw.not_group, tokens(region)):
            end = name.end + m.end()
    return NameMention(text[start - sentence.start : end - sentence.start], start, end)


def _inner_kinds(runs: list[NameMention], rw: RoleWords) -> list[NameMention]:
    """A run that opens with the attackers' or a kind's word and "of" ("Guerrilleros del K-44"
    opening a sentence, German "Kämpfer der X"): the name is what follows, and the words
    before it stay in the sentence for `_kind_before` to read."""
    out = []
    for run in runs:
        raw = run.text.split(" ")
        words = [fold_word(w) for w in raw]
        n = max(rw.member_words.match_at(words, 0), rw.group_words.match_at(words, 0))
        k = n
        while 0 < k < len(words) - 1 and words[k] in rw.of_words:
            k += 1
        if n and k > n and k < len(raw):
            text = " ".join(raw[k:])
            out.append(NameMention(text, run.end - len(text), run.end))
        else:
            out.append(run)
    return out


def _compounds(
    runs: list[NameMention], rw: RoleWords
) -> tuple[list[NameMention], set[NameMention]]:
    """A German compound of a name and a kind ("Hisbollah-Miliz") is the name (the runs, and
    those that were such compounds)."""
    out, compounds = [], set()
    for run in runs:
        head, sep, tail = run.text.rpartition("-")
        if sep and head and tail and " " not in tail and rw.group_words.match_at([fold_word(tail)], 0):
            name = NameMention(head, run.start, run.start + len(head))
            out.append(name)
            compounds.add(name)
        else:
            out.append(run)
    return out, compounds


def _kind_before(
    sentence: Sentence, ks: int, rw: RoleWords, cue_at: set[int]
) -> tuple[str, int]:
    """"the militant group X", "la guerrilla del X", "members of X", "kelompok X", "a group
    called X": the construction and where it starts."""
    words = sentence.words
    for j in range(ks - 1, max(-1, ks - 7), -1):
        if not _clear(sentence, j, ks):
            break
        n = rw.group_words.match_at(words, j)
        if n and j + n <= ks and ks - (j + n) <= 3 and _describes_group(sentence, j + n, ks, rw):
            return "kind before", j
        n = rw.member_words.match_at(words, j)
        if n and 0 < ks - (j + n) <= 3 and all(words[k] in rw.of_words for k in range(j + n, ks)):
            return "member of", j
        n = rw.naming_words.match_at(words, j)
        if n and j + n <= ks and ks - (j + n) <= 1:
            for g in range(j - 1, max(-1, j - 5), -1):
                if not _clear(sentence, g, j):
                    break  # "of the group of the skilled, the first was X": X is no group
                if rw.group_words.match_at(words, g):
                    return "called", g
    return "", ks


def _describes_group(sentence: Sentence, a: int, b: int, rw: RoleWords) -> bool:
    """Words a..b-1, between a kind word and a name, only say what the group is: its creed or
    arms (`group_adjectives`), its people ("somalí"), the attackers' noun, "of"."""
    words = sentence.words
    k = a
    while k < b:
        n = rw.group_adjectives.match_at(words, k) or rw.member_words.match_at(words, k)
        if n:
            k += n
        elif words[k] in rw.of_words or is_demonym(words[k], rw.language):
            k += 1
        else:
            return False
    return True


def _kind_after(sentence: Sentence, run: NameMention, ke: int, rw: RoleWords) -> str:
    """"X, le groupe djihadiste", "X, a West African jihadist group", "X, kelompok yang ...":
    the kind in apposition, opened by an article or the kind word itself; not a state's ("X,
    le groupe d'élite de la Gendarmerie")."""
    rest = sentence.text[run.end - sentence.start :]
    if not re.match(r"\s*,\s*\S", rest) or ke >= len(sentence.words):
        return ""
    words = sentence.words
    if not (words[ke] in _ARTICLES or rw.group_words.match_at(words, ke)):
        return ""
    for j in range(ke, min(len(words), ke + 5)):
        if j > ke and not _clear(sentence, ke, j):
            return ""
        if rw.member_words.match_at(words, j) or (
            words[j] in rw.of_words and words[j] not in _ARTICLES
        ):
            return ""  # "X, a member of the group": a person of the group, not the group
        if rw.group_words.match_at(words, j):
            phrase = []
            for k in range(j, min(len(words), j + 8)):
                if k > j and not _clear(sentence, k - 1, k):
                    break
                phrase.append(words[k])
            if _any(rw.not_group, phrase) or _any(rw.force_words, phrase):
                return ""
            return "kind after"
    return ""


def _after_agent(sentence: Sentence, e: int, ks: int, rw: RoleWords) -> bool:
    """The name is the agent right after a responsibility cue: "revendiquée par X",
    "claimed by X" (the cue may hold the agent word already)."""
    if ks < e or ks - e > 4 or not _clear(sentence, e - 1, ks):
        return False
    words = sentence.words
    k = e
    if rw.agent_words.match_at(words, k):
        k += rw.agent_words.match_at(words, k)
    elif not (e >= 1 and rw.agent_words.match_at(words, e - 1)):
        return False
    return all(words[t] in rw.of_words for t in range(k, ks))


def _lower(sentence: Sentence, k: int) -> bool:
    a, b = sentence.spans[k]
    return sentence.text[a - sentence.start : b - sentence.start][:1].islower()


# ---------------------------------------------------------------- people


# the words that join two people's names in a capitalised run ("X y Z", "X et Z", "X und Z")
_AND = frozenset({"and", "y", "e", "et", "und", "dan", "at"})


def person_name(run: NameMention, language: str, rw: RoleWords) -> NameMention | None:
    """The run as a person's name: neutral titles and a leading demonym dropped ("l'Algérien
    X Y" is X Y); None when it is no person's (an organisation's, a place's, a state office
    holder's, an acronym) or holds less than a first name and a surname, unless one word
    written like a name."""
    raw = run.text.split()
    start = run.start
    folded = [fold_word(w) for w in re.findall(r"[^\W\d_]+", run.text)]
    if _any(rw.office_titles, folded):
        return None
    while len(raw) > 1:
        head = [fold_word(w) for w in re.findall(r"[^\W\d_]+", raw[0])]
        if head and (rw.neutral_titles.match_at(head, 0) or is_people_word(raw[0], language)):
            start = run.text.index(raw[1], start - run.start) + run.start
            raw = raw[1:]
            continue
        break
    # "Valerio Fioravanti e Francesca Mambro": two people joined; the first is named
    joined = next((k for k, w in enumerate(raw) if w in _AND and k >= 2), None)
    if joined is not None:
        raw = raw[:joined]
    text = " ".join(raw)
    words = [fold_word(w) for w in re.findall(r"[^\W\d_]+", text)]
    if not words or re.search(r"\d", text):
        return None
    if any(len(w) >= 2 and w.isupper() for w in re.findall(r"[^\W\d_]+", text)):
        return None  # an acronym is an organisation's
    if is_place(text, language):
        return None
    for phrases in (rw.heads, rw.group_words, rw.not_group, rw.force_words, rw.perpetrators,
                    rw.security):
        if _any(phrases, words):
            return None
    if any(is_people_word(w, language) for w in raw):
        return None  # "West German", "the Chechen"
    end = run.text.find(text, start - run.start) + run.start + len(text)
    return NameMention(text, end - len(text), end)


def _side(
    sentence: Sentence, at: int, rw: RoleWords, skip: tuple[int, int] = (0, 0)
) -> int:
    """Whose side the words nearest to word `at` are on: 1 the attackers' (their nouns, the
    attack, a claim), -1 a state's, its forces', a crew's (the operation, the rescue, soldiers,
    an office), 0 neither. The nearest signal decides, the attackers win a tie; words in
    `skip` (the construction that found the name) are not looked at."""
    words = sentence.words
    found = _cues(rw, sentence)
    found_at: dict[int, set[int]] = defaultdict(set)  # word -> the sides it speaks for
    distance: dict[int, int] = {}

    def add(i: int, n: int, side: int) -> None:
        if i + n <= skip[0] or i >= skip[1]:
            found_at[i].add(side)
            distance[i] = min(abs(at - i), abs(at - (i + n - 1)))

    for name, side in (("attack", 1), ("taking", 1), ("responsibility", 1), ("operation", -1),
                       ("rescue", -1), ("release", -1)):
        for i, n in found.get(name, []):
            add(i, n, side)
    for k in range(max(0, at - 8), min(len(words), at + 9)):
        if (
            rw.perpetrators.match_at(words, k)
            or rw.member_words.match_at(words, k)
            or rw.group_words.match_at(words, k)
        ):
            add(k, 1, 1)
        elif (
            rw.security.match_at(words, k)
            or rw.crew_words.match_at(words, k)
            or rw.office_titles.match_at(words, k)
            or rw.authority.match_at(words, k)
            or rw.force_words.match_at(words, k)
        ):
            add(k, 1, -1)
    # a word of both sides ("assaut": the attack and the assault that ended it) says neither
    signals = [(distance[i], next(iter(v))) for i, v in found_at.items() if len(v) == 1]
    if not signals:
        return 0
    best = min(d for d, _ in signals)
    sides = {s for d, s in signals if d == best}
    return 1 if 1 in sides else -1


def leader_roles(
    sentence: Sentence,
    profile: Profile,
    language: str,
    cue_hits: dict[str, list[tuple[int, int]]],
    limit: int,
    cases: tuple[frozenset[str], frozenset[str] | None] = (frozenset(), None),
) -> list[NameMention]:
    """The attackers' leader a leader's word names here: after "led by", in apposition to
    "the leader" ("the leader of the gunmen, X"; "X, jefe del comando"), never the leader of
    a state, a force or a crew. Between the word and the name only words that say whose
    leader (the attackers' nouns, a group and its kind, "of") may stand."""
    rw = role_words(profile.name, language)
    runs = name_runs(sentence, profile.connectors, *cases)
    limit_char = sentence.spans[limit][0] if limit < len(sentence.spans) else sentence.end
    for s, e in cue_hits.get("leader", []):
        if s >= limit or _side(sentence, s, rw, (s, e)) < 0:
            continue
        person = _person_after(sentence, runs, e, rw, language)
        if person is None:
            person = _person_before(sentence, runs, s, rw, language)
        if person is not None and person.start < limit_char:
            return [person]
    return []


def _person_after(
    sentence: Sentence, runs: list[NameMention], e: int, rw: RoleWords, language: str
) -> NameMention | None:
    """"led by X", "the leader, X", "le chef du commando X", "the leader of the M-19, X": the
    first person after the cue, past words and names that say whose leader he is."""
    words = sentence.words
    cue_end = sentence.spans[e - 1][1]
    k = e
    for run in (r for r in runs if r.start >= cue_end):
        ks, ke = _word_span(sentence, run)
        gap = sentence.text[cue_end - sentence.start : run.start - sentence.start]
        if len(gap) > 60 or re.search(r"[;.!?()]", gap) or not _owner_words(words, k, ks, rw):
            return None
        owner = (ks > e and words[ks - 1] in rw.of_words) or any(
            rw.group_words.match_at(words, t) for t in range(k, ks)
        )
        candidate = None if owner else person_name(run, language, rw)
        if candidate is None or _after_a_kind(words, ks, rw):
            if not (owner or run.text.isupper() or _after_a_kind(words, ks, rw)):
                return None
            # "leader of the M-19", "pemimpin kelompok X": whose leader he is; go on
            k = ke
            continue
        if " " not in candidate.text and not _lone_name_ok(sentence, e, ks, rw):
            return None
        return None if _titled(sentence, ks, rw) else candidate
    return None


def _owner_words(words: list[str], a: int, b: int, rw: RoleWords) -> bool:
    """Words a..b-1 only say whose leader: "of the", "the gunmen's", "du commando", "de la
    guerrilla marxista", a people, a title to drop."""
    k = a
    while k < b:
        n = max(
            rw.member_words.match_at(words, k),
            rw.perpetrators.match_at(words, k),
            rw.group_words.match_at(words, k),
            rw.group_adjectives.match_at(words, k),
            rw.naming_words.match_at(words, k),
            rw.neutral_titles.match_at(words, k),
            rw.agent_words.match_at(words, k),  # "liderados por"
        )
        if n:
            k += n
        elif (
            words[k] in rw.of_words
            or words[k] in _ARTICLES
            or words[k] == "s"  # "the gunmen's"
            or is_demonym(words[k], rw.language)
        ):
            k += 1
        else:
            return False
    return True


def _after_a_kind(words: list[str], ks: int, rw: RoleWords) -> bool:
    """The word before a name is a kind of place or of organisation ("l'hôtel Radisson")."""
    return ks >= 1 and bool(
        rw.not_group.match_at(words, ks - 1) or rw.group_words.match_at(words, ks - 1)
    )


def _person_before(
    sentence: Sentence, runs: list[NameMention], s: int, rw: RoleWords, language: str
) -> NameMention | None:
    """"X, the leader of", "X adalah pemimpin", "Si X, ang pinuno ng": the person just before."""
    before = [r for r in runs if r.end <= sentence.spans[s][0]]
    if not before:
        return None
    run = before[-1]
    ks, ke = _word_span(sentence, run)
    gap = sentence.text[run.end - sentence.start : sentence.spans[s][0] - sentence.start]
    if s - ke > 3 or len(gap) > 25 or re.search(r"[.;:!?()]", gap):
        return None
    candidate = person_name(run, language, rw)
    if candidate is None or " " not in candidate.text or _titled(sentence, ks, rw):
        return None
    return None if _after_a_kind(sentence.words, ks, rw) else candidate


def _lone_name_ok(sentence: Sentence, e: int, ks: int, rw: RoleWords) -> bool:
    """One word is a name only right after a verb of leading ("led by Mahrizal")."""
    return ks - e <= 1 and _lower(sentence, e - 1)


def _titled(sentence: Sentence, ks: int, rw: RoleWords) -> bool:
    """An office or rank just before the name ("the Prime Minister X", "Kolonel X")."""
    words = sentence.words
    for j in range(max(0, ks - 3), ks):
        n = rw.office_titles.match_at(words, j)
        if n and j + n >= ks - 1:
            return True
    return False


def attacker_names(
    sentence: Sentence,
    profile: Profile,
    language: str,
    cases: tuple[frozenset[str], frozenset[str] | None] = (frozenset(), None),
) -> list[NameMention]:
    """A person named as the attacker: "the gunman X", "un terroriste du nom d'X", "X, the
    attacker,", "killed by X" (a document that names no leader names its lone attacker so)."""
    rw = role_words(profile.name, language)
    words = sentence.words
    found = _cues(rw, sentence)
    violent = sorted(
        i
        for name in ("attack", "death", "taking", "injury", "responsibility")
        for i, _n in found.get(name, [])
    )
    if any(_side(sentence, i, rw, (i, i + n)) < 0 for i, n in found.get("leader", [])):
        return []  # "... was X, later commander of the National Guard": a state's man
    out = []
    for run in name_runs(sentence, profile.connectors, *cases):
        ks, ke = _word_span(sentence, run)
        if ks >= len(words) or re.match(r"\s+\S*\d", sentence.text[run.end - sentence.start :]):
            continue  # "vom Typ Boeing 737": a make and its model
        person = person_name(run, language, rw)
        if person is None or " " not in person.text or _titled(sentence, ks, rw):
            continue
        if _after_a_kind(words, ks, rw):
            continue
        role = any(
            (n := rw.perpetrators.match_at(words, j))
            and j + n <= ks
            and _only_naming(words, j + n, ks, rw)
            and not (j >= 1 and rw.group_words.match_at(words, j - 1))  # "l'organisation terroriste X"
            for j in range(max(0, ks - 5), ks)
        )
        if not role and ke < len(words):
            # "X, the gunman, ...": an apposition closed by a comma or the sentence's end
            rest = sentence.text[run.end - sentence.start :]
            m = re.match(r"\s*,\s*(\w+\s+){0,2}?", rest)
            if m:
                for j in range(ke, min(len(words), ke + 3)):
                    n = rw.perpetrators.match_at(words, j)
                    if n and _clear(sentence, ke, j):
                        after = sentence.spans[j + n - 1][1] - sentence.start
                        role = bool(re.match(r"\s*(?:[,;.)]|$)", sentence.text[after:]))
                        break
        agent = ks - 1
        while agent >= 1 and rw.neutral_titles.match_at(words, agent):
            agent -= 1  # "organizzato dal professor X"
        if not role and agent >= 0 and rw.agent_words.match_at(words, agent):
            # "asesinados por X", "détenues par X": the agent of a violent verb
            # (the verb in running text, not a title's capital: "Inside the Siege" by X)
            role = any(
                0 < agent - i <= 8 and _clear(sentence, i, agent) and _lower(sentence, i)
                for i in violent
            )
        if role:
            out.append(person)
    return out


def _only_naming(words: list[str], a: int, b: int, rw: RoleWords) -> bool:
    """Nothing, or only naming words, between the attackers' noun and the name ("the gunman X",
    "un terroriste du nom d'X"); an "of" there makes the name a group's ("terroristi di X")."""
    k = a
    while k < b:
        n = rw.naming_words.match_at(words, k)
        if not n:
            return False
        k += n
    return True


# ---------------------------------------------------------------- the place of the attack


@lru_cache(maxsize=32)
def site_matcher(profile_name: str, language: str) -> MultiMatcher:
    """The kinds of place in one language (English for a language the profile lacks)."""
    profile = load_profile(profile_name)
    lang = language if language in profile.languages else "en"
    sets = {}
    for kind, table in profile.raw["sites"].items():
        words = table if isinstance(table, list) else (table.get(lang) or table.get("en") or [])
        sets[kind] = PhraseSet.build(words)
    return MultiMatcher.build(sets)


def site_context(sentence: Sentence, profile: Profile, language: str, kind: str) -> float:
    """How much a mention of a place in this sentence says it is where the attack happened:
    a sentence of the attack (its verbs, the attackers, the hostages) 1, any other 0.25; a
    place the wounded are taken to (a hospital) counts only in a sentence of the attack and
    not of the wounded."""
    roles = profile.raw.get("site_roles", {})
    cues = _cues(role_words(profile.name, language), sentence)
    nouns = profile.noun_matcher(language).find_all(sentence.words)
    attack = bool(cues.get("attack") or cues.get("taking"))
    if kind in roles.get("care", []):
        return 1.0 if attack and not cues.get("injury") else 0.0
    if attack or cues.get("operation") or nouns.get("hostages") or nouns.get("perpetrators"):
        return 1.0
    if cues.get("death") and not cues.get("injury"):
        return 0.6
    return 0.25
