"""Language-neutral features of an article, for telling which event it reports.

Two articles about the same event share facts more than words: the dates (17 December 1996 is
"17 de diciembre de 1996" and "17. Dezember 1996"), the numbers, the names of places and people
(with accents folded and Cyrillic transliterated), the acronyms. Words count too, weakly, through
a crude stem, for articles in the same language.

A feature is a short string with a type prefix; its weight says how much the type is worth
before rarity (idf) is applied.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from functools import lru_cache
from typing import NamedTuple

from veracity.events.fold import ascii_fold
from veracity.events.places import lookup

# Type weights: a full date or a name says much more about which event than a common word.
# Tuned by a coordinate search on a generated corpus (seed 21, 1,200 events); the benchmark
# reports other seeds and the real articles.
WEIGHTS = {
    "d": 2.0,
    "md": 1.0,
    "m": 1.2,
    "y": 0.8,
    "n": 1.4,
    "ns": 0.3,
    "c": 2.4,
    "b": 1.0,
    "a": 1.2,
    "w": 0.25,
    "k": 0.7,
    "q": 0.7,
    "s": 0.6,
    "p": 1.1,
    "g": 2.4,
    "r": 1.0,
    "x": 1.0,
    "z": 1.0,
    "u": 0.7,
    "v": 0.7,
    "t": 0.7,
}
# Years read as such: a four-digit number in this range, or the year of a date.
YEAR_MIN, YEAR_MAX = 1800, 2100
# Languages that capitalise every noun: there a capital letter says little about a name, so
# such words weigh this share of a name (places are still known through the gazetteer).
NOUN_CAPITALISING = frozenset({"de", "lb"})
CAPITALISED_NOUN_SCALE = 0.25

_MONTH_FORMS = {
    1: "january jan januari enero janeiro janvier janv januar janner gennaio gen januara yanvarya",
    2: "february feb februari febrero fevereiro fev fevrier fevr februar febbraio februara "
    "fevralya",
    3: "march mar maret marzo marco mars marz mart marta",
    4: "april apr abril avril avr aprile aprila aprelya",
    5: "may mei mayo maio mai maggio maj maja",
    6: "june jun juni junio junho juin giugno giu juna iyunya",
    7: "july jul juli julio julho juillet juil luglio lug jula iyulya",
    8: "august aug agustus agu agosto aout avgust avgusta",
    9: "september sep sept septiembre setiembre setembro septembre settembre set septembar "
    "septembra sentyabrya",
    10: "october oct oktober okt octubre outubro octobre ottobre ott oktobar oktobra oktyabrya",
    11: "november nov noviembre novembro novembre novembar novembra noyabrya",
    12: "december dec desember des diciembre dic dezembro dez decembre dezember dicembre "
    "decembar decembra dekabrya",
}
MONTHS = {form: month for month, forms in _MONTH_FORMS.items() for form in forms.split()}
# Words that may stand between a day, a month and a year ("17 de diciembre de 1996", "1er").
_DATE_GLUE = {"de", "del", "of", "di", "er", "o", "the", "th", "st", "nd", "rd"}

# Capitalised function words of the supported languages, never names.
_FUNCTION_WORDS = set(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "then",
        "when",
        "while",
        "after",
        "before",
        "during",
        "with",
        "from",
        "into",
        "el",
        "la",
        "los",
        "las",
        "lo",
        "un",
        "una",
        "unos",
        "unas",
        "del",
        "al",
        "en",
        "con",
        "por",
        "para",
        "tras",
        "desde",
        "hasta",
        "segun",
        "o",
        "os",
        "as",
        "um",
        "uma",
        "no",
        "na",
        "nos",
        "nas",
        "do",
        "da",
        "dos",
        "das",
        "em",
        "com",
        "pelo",
        "pela",
        "apos",
        "le",
        "les",
        "une",
        "des",
        "du",
        "au",
        "aux",
        "dans",
        "avec",
        "pour",
        "par",
        "selon",
        "sur",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "eines",
        "im",
        "am",
        "zum",
        "zur",
        "mit",
        "nach",
        "bei",
        "von",
        "vor",
        "il",
        "gli",
        "uno",
        "nel",
        "nella",
        "dei",
        "delle",
        "alla",
        "allo",
        "sul",
        "per",
        "dopo",
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "pada",
        "untuk",
        "dengan",
        "dalam",
        "ini",
        "itu",
        "para",
        "url",
        "http",
        "https",
        "www",
        "com",
    ]
)

_LINK = re.compile(r"(?:https?://|www\.)\S+")
_TOKEN = re.compile(
    r"[A-Za-z]+"
    r"|(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)"
    r"|(\d{4})-(\d{2})-(\d{2})(?!\d)"
    r"|\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+"
)



def features(text: str, language: str = "", published: str | None = None) -> dict[str, float]:
    """Every feature of `text` (written in `language`, when known, and out on the day
    `published`, when known) with its type weight (each feature once)."""
    # A link is no prose: its lower-case words ("/moscow-hostage-crisis") must not make the
    # names of the text look like common words.
    folded = _LINK.sub(" ", ascii_fold(text))
    out: dict[str, float] = {}
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    # One pass: numeric dates become features at once, everything else a token.
    for match in _TOKEN.finditer(folded):
        token = match.group(0)
        if match.lastindex:
            _numeric_date(match, out)
        else:
            tokens.append(token)
            spans.append(match.span())
    lowered = [t.lower() for t in tokens]
    lower_words = {t for t in tokens if t.islower()}
    used: set[int] = set()
    for i, low in enumerate(lowered):
        month = MONTHS.get(low)
        if month is not None and tokens[i][0].isalpha():
            _date_around(lowered, i, month, out, used)
    previous_name = ""
    scale = CAPITALISED_NOUN_SCALE if language in NOUN_CAPITALISING else 1.0
    place_until = 0  # words up to here belong to a place name already read
    # capitalised words that are names beyond doubt: inside a sentence, where capitals mark
    # names only ("Ketika" opening an Indonesian sentence, any German noun, are not)
    surely_names: set[str] = set()
    for i, token in enumerate(tokens):
        first = token[0]
        if first.isdigit():
            previous_name = ""
            if i not in used:
                _number(token, out)
            continue
        low = lowered[i]
        if len(low) >= 4:
            out["w" + low[:6]] = WEIGHTS["w"]
        if first.isupper() and low not in MONTHS:
            if i >= place_until and low not in _FUNCTION_WORDS:
                place_until = _place(_Words(folded, tokens, lowered, spans), i, lower_words, out,
                                     scale == 1.0)
            if token.isupper() and 2 <= len(token) <= 6:
                out["a" + token] = WEIGHTS["a"]
                previous_name = ""
            elif len(low) >= 3 and low not in lower_words and low not in _FUNCTION_WORDS:
                out["c" + low] = WEIGHTS["c"] * scale
                if scale == 1.0 and not _opens_sentence(folded, spans, i):
                    surely_names.add(low)
                skeleton = consonant_skeleton(low)
                if len(skeleton) >= 4:
                    out["s" + skeleton] = WEIGHTS["s"] * scale
                if previous_name:
                    out[f"b{previous_name} {low}"] = WEIGHTS["b"] * scale
                previous_name = low
            else:
                previous_name = ""
        else:
            previous_name = ""
    _year_and_name(out, surely_names)
    _day_and_place(out)
    _tolls_in_time_and_place(out)
    weeks = published_features(published)
    _facts_in_published_week(out, weeks, surely_names)
    out.update(weeks)
    return out


def _opens_sentence(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    return i == 0 or bool(_SENTENCE_BREAK.search(text[spans[i - 1][1] : spans[i][0]]))


class _Words(NamedTuple):
    text: str
    tokens: list[str]
    lowered: list[str]
    spans: list[tuple[int, int]]


def _place(
    words: _Words, i: int, lower_words: set[str], out: dict[str, float], check_next: bool
) -> int:
    """Place features of a name starting at word `i` (city id and country, or a country);
    returns the index after its last word.

    Many towns are named like common words ("Police", "Drama", "Bank", "Alliance"). A one-word
    name is read as a place only where it stands alone: not written in lower case elsewhere
    in the text, not opening a sentence, and not one word of a longer capitalised name
    ("Rumah Sakit", "Echo Moskau"; the word after is not checked where every noun is
    capitalised, as in "Moskauer Theater")."""
    found, size = lookup(words.lowered, i)
    if not found:
        return i
    if size == 1 and (words.lowered[i] in lower_words or not _stands_alone(words, i, check_next)):
        return i
    for feature in found:
        out[feature] = WEIGHTS[feature[0]]
    return i + size


_SENTENCE_BREAK = re.compile(r"[.!?:;\n|]")


def _stands_alone(words: _Words, i: int, check_next: bool) -> bool:
    if i == 0:
        return False
    before = words.text[words.spans[i - 1][1] : words.spans[i][0]]
    if _SENTENCE_BREAK.search(before):
        return False
    previous = words.tokens[i - 1]
    if not before.strip() and previous[0].isupper() and words.lowered[i - 1] not in _FUNCTION_WORDS:
        return False
    if check_next and i + 1 < len(words.tokens):
        after = words.text[words.spans[i][1] : words.spans[i + 1][0]]
        if not after.strip() and words.tokens[i + 1][0].isupper():
            return False
    return True


_SKELETON_RULES = (
    ("tsch", "c"),
    ("sch", "s"),
    ("ch", "c"),
    ("ph", "f"),
    ("w", "v"),
    ("k", "c"),
    ("q", "c"),
    ("z", "s"),
    ("j", ""),
    ("y", ""),
    ("h", ""),
)
_VOWELS = str.maketrans("", "", "aeiou")


@lru_cache(maxsize=200_000)
def consonant_skeleton(word: str) -> str:
    """A crude key under which transliterations of one name meet ("Dubrowka" and "Dubrovka",
    "Barajew" and "Barayev"): consonants only, spelling variants merged, doubles collapsed."""
    for old, new in _SKELETON_RULES:
        word = word.replace(old, new)
    word = word.translate(_VOWELS)
    return "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])


def published_features(published: str | None) -> dict[str, float]:
    """The week an article came out: reports of one event cluster in time."""
    if not published:
        return {}
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return {}
    year, week, _ = day.isocalendar()
    # Two neighbouring weeks, so articles a few days apart always share one.
    monday = day - dt.timedelta(days=day.weekday())
    half = "a" if day.weekday() < 4 else "b"
    other = monday - dt.timedelta(days=7) if half == "a" else monday + dt.timedelta(days=7)
    o_year, o_week, _ = other.isocalendar()
    return {f"p{year}-{week:02d}": WEIGHTS["p"], f"p{o_year}-{o_week:02d}": WEIGHTS["p"]}


def _year_and_name(out: dict[str, float], surely_names: set[str]) -> None:
    """Year-and-name pairs ("1996 with Gedrax"): a town or a group sees many events, a town in
    one year few, so the pair stays rare (and useful for blocking) in a very large corpus.
    Only names beyond doubt take part: a common word paired with a date is just as rare, and
    would tie together any two reports of that month written in one language."""
    years = [f[1:] for f in out if f[0] == "y"]
    if not years or len(years) > 6:
        return  # a history with many years names no single event by its years
    names = [f if f[0] == "g" else f[1:] for f in out if f[0] in "ag"]
    names += sorted(surely_names)
    for year in years:
        for name in names:
            out[f"k{year} {name}"] = WEIGHTS["k"]
    # ... and month-and-name: a capital sees several crises a year in a large archive, but
    # seldom two in one month.
    months = [f[1:] for f in out if f[0] == "m" and f[1] != "d"]
    if len(months) <= 3:
        for month in months:
            for name in names:
                out[f"q{month} {name}"] = WEIGHTS["q"]


def _day_and_place(out: dict[str, float]) -> None:
    """Day-and-place pairs ("10 September 2022 in France"): the day alone says only when (a
    large archive holds several events on any day), the country alone is shared by thousands
    of events, but an event in one country on one day is rare even among millions. So an
    article that misnames the town, or names none, still meets its event's other reports on
    the day they agree on and the country the town stands for."""
    days = [f[1:] for f in out if f[0] == "d"]
    if not days or len(days) > 4:
        return  # a chronicle of many days names no single event by them
    places = [f for f in out if f[0] in "gr"]
    for day in days:
        for place in places:
            out[f"x{day} {place}"] = WEIGHTS["x"]


# Below this a number is too common a toll (and often a word: "two", "zwei") to tie an event.
_LEAST_TOLL = 13


def _tolls_in_time_and_place(out: dict[str, float]) -> None:
    """A toll with the month ("214 in May 2011"), and with the place and year ("214 in
    France in 2011"). Every report of an event gives some of its figures (the dead, the
    hostages, the attackers), and the true ones agree across languages. A number alone is
    held by thousands of events; a month by a few hundred, a country in a year by a dozen,
    and that many events seldom share a toll. So two reports that each got the town, the site
    or the day wrong still meet on a figure both got right."""
    numbers = [f for f in out if f[0] == "n" and int(f[1:]) >= _LEAST_TOLL]
    if not numbers or len(numbers) > 12:
        return  # a table of figures: its pairs would be many and chance-alike
    months = [f[1:] for f in out if f[0] == "m" and f[1] != "d"]
    if len(months) <= 2:  # a chronicle of many months ties no figure to one of them
        for month in months:
            for number in numbers:
                out[f"u{month} {number}"] = WEIGHTS["u"]
    years = [f[1:] for f in out if f[0] == "y"]
    places = [f for f in out if f[0] in "gr"]
    if len(years) > 2 or len(places) > 4:
        return  # a history of many years, a roundup of many places
    for year in years:
        for place in places:
            for number in numbers:
                out[f"z{year} {place} {number}"] = WEIGHTS["z"]


def _facts_in_published_week(
    out: dict[str, float], weeks: dict[str, float], surely_names: set[str]
) -> None:
    """Names, places and tolls paired with the week the article came out ("Gedrax, out in
    week 51 of 1996"). The dates an article gives may be wrong (a careless page shifts the
    day, a translation garbles the year), but the day it was published is the archive's own
    record: reports of one event come out within days of each other. So two reports that
    each misdate the event still meet on a name, a place or a figure they give in one week."""
    if not weeks:
        return
    names = [f if f[0] in "gr" else f[1:] for f in out if f[0] in "agr"]
    names += sorted(surely_names)
    numbers = [f for f in out if f[0] == "n" and int(f[1:]) >= _LEAST_TOLL]
    for week in weeks:
        for name in names:
            out[f"v{week[1:]} {name}"] = WEIGHTS["v"]
        if len(numbers) > 12:
            continue  # a table of figures: its pairs would be many and chance-alike
        for number in numbers:
            out[f"t{week[1:]} {number}"] = WEIGHTS["t"]


# Kinds of feature the clustering treats apart: names may be common words in one language
# (German nouns); years may contradict.
KIND_OTHER, KIND_NAME, KIND_YEAR, KIND_MONTH, KIND_DAY, KIND_CITY, KIND_COUNTRY = range(7)
KIND_PUBLISHED = 7
# Features that say only when: two articles sharing nothing else may be about any two events
# of that day, and a large corpus has many.
TIME_KINDS = (KIND_YEAR, KIND_MONTH, KIND_DAY, KIND_PUBLISHED)
_KINDS = {
    "p": KIND_PUBLISHED,
    "g": KIND_CITY,
    "r": KIND_COUNTRY,
    "c": KIND_NAME,
    "b": KIND_NAME,
    "s": KIND_NAME,
    "y": KIND_YEAR,
    "m": KIND_MONTH,
    "d": KIND_DAY,
}


Hashed = tuple[list[int], list[float], list[int], list[tuple[int, int]]]


def hashed(feature_weights: dict[str, float]) -> Hashed:
    """Features as stable 63-bit integers (the same in every process), weights, kinds, and
    for each date-and-name feature its position and the key of its name alone (so that the
    corpus can tell a name from a common word before trusting the pair)."""
    keys = [_key(f) for f in feature_weights]
    kinds = [_KINDS.get(f[0], KIND_OTHER) for f in feature_weights]
    parents = [
        (position, _key(name))
        for position, f in enumerate(feature_weights)
        if f[0] in "kqv" and (name := _name_of(f))
    ]
    return keys, list(feature_weights.values()), kinds, parents


# Words, names, dates and numbers recur across articles: most keys are asked for again.
@lru_cache(maxsize=1 << 18)
def _key(feature: str) -> int:
    raw = feature.encode("utf-8")
    return (_crc32(raw) << 31) ^ _crc32(raw, 0x5BD1E995)


def _name_of(combination: str) -> str:
    """The name feature a date-and-name feature was made from ("k1996 gedrax" -> "cgedrax"),
    or "" for a country ("v1996-51 rPE"): a country code is never a common word."""
    name = combination.split(" ", 1)[1]
    if name[0] == "g" and name[1:].isdigit():
        return name
    if name[0] == "r" and name[1:].isupper():
        return ""
    return ("a" if name.isupper() else "c") + name


_crc32 = zlib.crc32


def year_key(year: int) -> int:
    """The hashed feature of a year, so the clustering can read a year column back."""
    return _key(f"y{year}")


def month_key(year: int, month: int) -> int:
    """The hashed feature of a month of a year ("m1996-12")."""
    return _key(f"m{year}-{month:02d}")


def _numeric_date(match: re.Match[str], out: dict[str, float]) -> None:
    """17/12/1996, 17.12.1996 (day first unless impossible) or 1996-12-17."""
    if match.group(1):
        a, b, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        day, month = (a, b) if b <= 12 else (b, a)
    else:
        year, month, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
    if 1 <= month <= 12 and 1 <= day <= 31:
        _add_date(out, year, month, day)


def _date_around(
    tokens: list[str], i: int, month: int, out: dict[str, float], used: set[int]
) -> None:
    """A month name: read the day before or after it and the year after it."""
    day: int | None = None
    year: int | None = None
    j = i - 1
    while j >= 0 and i - j <= 3 and tokens[j] in _DATE_GLUE:
        j -= 1
    if j >= 0 and tokens[j].isdigit() and 1 <= int(tokens[j]) <= 31 and len(tokens[j]) <= 2:
        day = int(tokens[j])
        used.add(j)
    k = i + 1
    if (
        day is None
        and k < len(tokens)
        and tokens[k].isdigit()
        and len(tokens[k]) <= 2
        and 1 <= int(tokens[k]) <= 31
    ):
        day = int(tokens[k])
        used.add(k)
        k += 1
    while k < len(tokens) and k - i <= 4 and tokens[k] in _DATE_GLUE:
        k += 1
    if (
        k < len(tokens)
        and tokens[k].isdigit()
        and len(tokens[k]) == 4
        and YEAR_MIN <= int(tokens[k]) <= YEAR_MAX
    ):
        year = int(tokens[k])
        used.add(k)
    if day is None and year is None:
        return
    if year is None:
        out[f"md{month:02d}-{day:02d}"] = WEIGHTS["md"]
    elif day is None:
        out[f"m{year}-{month:02d}"] = WEIGHTS["m"]
        out[f"y{year}"] = WEIGHTS["y"]
    else:
        _add_date(out, year, month, day)


def _add_date(out: dict[str, float], year: int, month: int, day: int) -> None:
    out[f"d{year}-{month:02d}-{day:02d}"] = WEIGHTS["d"]
    out[f"md{month:02d}-{day:02d}"] = WEIGHTS["md"]
    out[f"m{year}-{month:02d}"] = WEIGHTS["m"]
    out[f"y{year}"] = WEIGHTS["y"]


def _number(token: str, out: dict[str, float]) -> None:
    digits = token.replace(",", "").replace(".", "")
    if len(digits) > 9:
        return
    value = int(digits)
    if len(token) == 4 and YEAR_MIN <= value <= YEAR_MAX:
        out[f"y{value}"] = WEIGHTS["y"]
    elif value >= _LEAST_TOLL:
        out[f"n{value}"] = WEIGHTS["n"]
    elif value >= 2:
        out[f"n{value}"] = WEIGHTS["ns"]
