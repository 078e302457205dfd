"""Language-neutral fingerprints: the numbers, dates, times and names of a text, in order.

A translation keeps these (mostly) and keeps their order; an independent article about the same
event shares the key figures but states them in another order, with other side facts between.
Tokens are short strings so that sequences can be compared with fast LCS routines:

- ``n610``, ``n5.3``: a number (thousand separators removed, decimals with a point);
- ``m12``: a month; a date is emitted as year, month, day whatever the language's order;
- ``t15:30``: a time of day on a 24-hour clock;
- ``p...``: a name, reduced to a consonant skeleton ("Teheran" and "Tehran" meet).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from veracity.lineage.text import TOKEN, fold, is_sentence_end

# URLs and citation marks ("[12]") carry numbers that say nothing about the event
_NOISE = re.compile(r"(?:https?://|www\.)\S+|\[\s*\d+\s*\]")
# Map coordinates ("47° 12′ 30″ N 8° 31′ 10″ E / 47.20833, 8.51944") are one fact, the place,
# spelt as up to a dozen numbers that every page on the place copies from one gazetteer: as
# numbers they would make a long run of "facts in the same order" out of a single line.
_COORDINATE = re.compile(
    r"\d{1,3}(?:[.,]\d+)?\s*°\s*\d{1,2}(?:[.,]\d+)?\s*[′']"  # degrees and minutes
    r"(?:\s*\d{1,2}(?:[.,]\d+)?\s*[″\"])?"  # seconds
    r"(?:\s*(?i:[nsewo]|nord|sud|est|ouest|north|south|east|west)\b)?"  # hemisphere
    r"|-?\d{1,3}[.,]\d+\s*°"  # decimal degrees
    r"|-?\d{1,3}\.\d{4,}\s*[;,]\s*-?\d{1,3}\.\d{4,}"  # a bare latitude; longitude pair
)
_NUMERIC_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
# numeric dates first, so that "16/12/2014" is one token and not three numbers
_TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}\b|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|" + TOKEN.pattern)
_TIME_BEFORE = frozenset(
    [
        "at",
        "um",
        "pukul",
        "jam",
        "las",
        "as",
        "às",
        "alle",
        "ore",
        "a",
        "gegen",
        "ab",
        "bis",
        "sekitar",
        "hingga",
        "around",
        "about",
    ]
)
_TIME_AFTER = frozenset(
    ["am", "pm", "uhr", "h", "hrs", "horas", "hs", "hora", "wib", "wita", "wit", "heures", "hours"]
)
_DATE_GLUE = frozenset(["de", "del", "of", "the", "tanggal", "der", "den", "am", "le", "di"])
_PM = frozenset(("pm", "p"))
# an hour without minutes is a time only with one of these after it
_CLOCK = frozenset(("am", "pm"))


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    numbers: dict[str, dict[str, int]]  # language -> folded word(s) -> value


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = tomllib.loads(
        resources.files("veracity.lineage").joinpath("lexicon.toml").read_text("utf-8")
    )
    months = {fold(word): int(month) for month, words in raw["months"].items() for word in words}
    numbers = {
        lang: {fold(word): int(value) for word, value in words.items()}
        for lang, words in raw["numbers"].items()
    }
    return Lexicon(months, frozenset(raw["ambiguous_months"]["words"]), numbers)


@dataclass(slots=True)
class _Item:
    kind: str  # "num", "date", "word", "end"
    text: str  # original text
    folded: str
    start: int
    initial: bool = False
    value: str | None = None  # normalised number, or "Y M D" of a numeric date


def _numeric_date(m: re.Match[str]) -> str | None:
    """ "2014-12-16" or "16/12/2014" as "2014 12 16"; day first unless impossible."""
    if m.group(1):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        d, mo, y = int(m.group(4)), int(m.group(5)), int(m.group(6))
        if mo > 12 >= d:
            d, mo = mo, d
        if y < 100:
            y += 1900 if y > 30 else 2000
    if not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    return f"{y} {mo} {d}"


def _number_value(token: str) -> str | None:
    parts = re.split(r"[.,]", token)
    if len(parts) == 1:
        return str(int(token))
    head, tail = parts[0], parts[1:]
    if 1 <= len(head) <= 3 and all(len(p) == 3 for p in tail):
        return str(int("".join(parts)))  # "1,000" and "1.000" are one thousand
    if len(parts) == 2:
        decimals = tail[0].rstrip("0")
        return f"{int(head)}.{decimals}" if decimals else str(int(head))
    return None


def _blank(m: re.Match[str]) -> str:
    """Spaces for a match, so that the offsets of what follows stay those of the text."""
    return " " * len(m.group())


def _items(text: str) -> list[_Item]:
    text = _NOISE.sub(_blank, text)
    if "°" in text:  # a coordinate line has degrees (looked for only then: it is a slow pattern)
        text = _COORDINATE.sub(_blank, text)
    items: list[_Item] = []
    initial = True
    for match in _TOKEN.finditer(text):
        tok = match.group()
        if is_sentence_end(tok):
            # "5.3" never reaches here: the number pattern takes its point
            items.append(_Item("end", tok, tok, match.start()))
            initial = True
            continue
        date = _NUMERIC_DATE.fullmatch(tok)
        if date is not None:
            items.append(_Item("date", tok, tok, match.start(), initial, _numeric_date(date)))
        elif tok[0].isdigit():
            value = _number_value(tok) if ":" not in tok else None
            items.append(_Item("num", tok, tok, match.start(), initial, value))
        else:
            items.append(_Item("word", tok, fold(tok), match.start(), initial))
        initial = False
    return items


def _is_time(items: list[_Item], i: int) -> tuple[int, int] | None:
    tok = items[i].text
    before = items[i - 1].folded if i > 0 else ""
    after = items[i + 1].folded if i + 1 < len(items) else ""
    if tok.isdigit() and after in _CLOCK and 1 <= int(tok) <= 12:
        return int(tok) % 12 + 12 * (after == "pm"), 0  # "8pm", "10 am", "12am" (midnight)
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})", tok)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour > 24 or minute > 59:
        return None
    if ":" not in tok and before not in _TIME_BEFORE and after not in _TIME_AFTER:
        return None
    if after in _PM and hour < 12:
        hour += 12
    return hour, minute


def _year(value: str | None) -> bool:
    return value is not None and value.isdigit() and 1000 <= int(value) <= 2100


def _day(value: str | None) -> bool:
    return value is not None and value.isdigit() and 1 <= int(value) <= 31


def _neighbour(items: list[_Item], i: int, step: int) -> int | None:
    """Index of the next number/word in direction `step`, skipping one date glue word."""
    j = i + step
    if 0 <= j < len(items) and items[j].kind == "word" and items[j].folded in _DATE_GLUE:
        j += step
    elif step < 0 and 0 <= j < len(items) and items[j].text == ".":
        j += step  # German ordinal day: "16. Dezember"
    return j if 0 <= j < len(items) and items[j].kind == "num" else None


class _Builder:
    def __init__(self, text: str, language: str) -> None:
        self.items = _items(text)
        self.lex = lexicon()
        self.number_words = self.lex.numbers.get(language, {})
        self.lower_seen = {
            it.folded for it in self.items if it.kind == "word" and it.text.islower()
        }
        self.cap_mid = {
            it.folded
            for it in self.items
            if it.kind == "word" and not it.initial and it.text[:1].isupper()
        }
        self.tokens: list[str] = []
        self.offsets: list[int] = []

    def emit(self, token: str, start: int) -> None:
        self.tokens.append(token)
        self.offsets.append(start)

    def is_name(self, it: _Item) -> bool:
        word = it.text
        if len(word) < 2 or not word[0].isupper():
            return False
        if word.isupper():
            return True  # acronyms: MRTA, FSB
        if it.folded in self.lower_seen:
            return False  # a common word that happens to be capitalised here
        return not it.initial or it.folded in self.cap_mid

    def month_at(self, i: int) -> int | None:
        word = self.items[i].folded.rstrip(".")
        month = self.lex.months.get(word)
        if month is None:
            return None
        if word in self.lex.ambiguous_months or len(word) <= 3:
            near = _neighbour(self.items, i, -1) is not None or _neighbour(self.items, i, 1)
            if not near:
                return None
        return month

    def build(self) -> tuple[tuple[str, ...], tuple[int, ...]]:
        items = self.items
        used: set[int] = set()
        for i, it in enumerate(items):
            if i in used or it.kind == "end":
                continue
            if it.kind == "word":
                month = self.month_at(i)
                if month is not None:
                    self.date(i, month, used)
                    continue
                pair = f"{it.folded} {items[i + 1].folded}" if i + 1 < len(items) else ""
                if pair in self.number_words:
                    self.emit(f"n{self.number_words[pair]}", it.start)
                    used.add(i + 1)
                elif it.folded in self.number_words:
                    self.emit(f"n{self.number_words[it.folded]}", it.start)
                elif self.is_name(it) and it.folded not in _TIME_AFTER:
                    self.emit(f"p{name_key(it.folded)}", it.start)
                continue
            if it.kind == "date":
                if it.value is None:
                    for part in re.split(r"\D+", it.text):
                        self.emit(f"n{int(part)}", it.start)
                else:
                    y, mo, d = it.value.split()
                    for token in (f"n{y}", f"m{mo}", f"n{d}"):
                        self.emit(token, it.start)
                continue
            time = _is_time(items, i)
            if time is not None:
                self.emit(f"t{time[0]}:{time[1]:02d}", it.start)
                if i + 1 < len(items) and items[i + 1].folded in _PM | {"am", "a"}:
                    used.add(i + 1)
                continue
            value = it.value
            if value is None:
                for part in re.split(r"[.,:]", it.text):
                    self.emit(f"n{int(part)}", it.start)
            else:
                self.emit(f"n{value}", it.start)
        return tuple(self.tokens), tuple(self.offsets)

    def date(self, i: int, month: int, used: set[int]) -> None:
        """Emit year, month, day for the date around the month word at `i`."""
        items = self.items
        day = year = None
        before = _neighbour(items, i, -1)
        after = _neighbour(items, i, 1)
        if before is not None and before not in used and _day(items[before].value):
            day = before
        if after is not None:
            if _year(items[after].value):
                year = after
            elif day is None and _day(items[after].value):
                day = after
                nxt = _neighbour(items, after, 1)
                if nxt is not None and _year(items[nxt].value):
                    year = nxt
        start = items[i].start
        if (
            day is not None
            and day == before
            and self.tokens
            and self.offsets[-1] == items[day].start
        ):
            # the day was already emitted as a plain number: take it back, it belongs to the date
            self.tokens.pop()
            self.offsets.pop()
            start = items[day].start
        if year is not None:
            # the normalised number: the written one may carry a separator ("1.240")
            self.emit(f"n{int(items[year].value or 0)}", start)
            used.add(year)
        self.emit(f"m{month}", start)
        if day is not None:
            self.emit(f"n{int(items[day].value or 0)}", start)
            used.add(day)


@lru_cache(maxsize=50_000)
def name_key(folded: str) -> str:
    """Consonant skeleton of a folded name, so transliterations of one name usually meet."""
    s = folded.replace("ph", "f").replace("-", "").replace("'", "").replace("’", "")
    if not s:
        return s
    table = str.maketrans({"c": "k", "q": "k", "z": "s", "w": "v", "j": "y"})
    s = s.translate(table)
    head, rest = s[0], re.sub(r"[aeiouyh]", "", s[1:])
    out = [head]
    for ch in rest:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Tokens in text order; `facts[i]` numbers the fact token i belongs to (a date's year, month
    and day are one fact), so that chains are counted in facts, not in tokens."""

    tokens: tuple[str, ...]
    offsets: tuple[int, ...]
    facts: tuple[int, ...]

    @property
    def n_facts(self) -> int:
        return self.facts[-1] + 1 if self.facts else 0


def fingerprint(text: str, language: str) -> Fingerprint:
    """The fingerprint of `text`: tokens, the character offset each comes from, fact numbers."""
    tokens, offsets = _Builder(text, language).build()
    facts: list[int] = []
    for i, offset in enumerate(offsets):
        facts.append(0 if i == 0 else facts[-1] + (offset != offsets[i - 1]))
    return Fingerprint(tokens, offsets, tuple(facts))
