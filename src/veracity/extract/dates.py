"""Dates and times of day in running text, at the precision they are stated.

Month names come from dateparser's locale data, so any language it knows is covered without a
word list of our own; the patterns (day-month-year orders, ranges) are ours, because
dateparser's search loses the day in some languages and reads "126 days" as a date.
"""

from __future__ import annotations

import calendar
import importlib
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from veracity.extract.lexicon import fold_word
from veracity.values import DateValue, TimeValue

_CONNECT = r"(?:\s+(?:de|del|of|tanggal|den|di|ng|el)\s+|\s*[,.]?\s+|\s*[.]\s*)"


@dataclass(frozen=True, slots=True)
class DateMention:
    value: DateValue
    start: int  # offsets within the sentence text
    end: int
    range_role: str | None = None  # "from" / "to" when part of "A – B"
    year_stated: bool = True  # False: "13 de octubre", the year taken from the document


@dataclass(frozen=True, slots=True)
class TimeMention:
    value: TimeValue
    start: int
    end: int


@lru_cache(maxsize=32)
def month_names(language: str) -> dict[str, int]:
    """Folded month name -> month number, from dateparser's locale data (plus English).

    Importing a locale module of dateparser costs a tenth of a second; the table is kept in the
    disk cache, per language and dateparser version."""
    from importlib.metadata import version

    from veracity.cache import cached

    key = f"{language}|dateparser {version('dateparser')}|1"
    return cached("months", key, lambda: _build_month_names(language))


def _build_month_names(language: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for lang in dict.fromkeys([language, "en"]):
        try:
            module = importlib.import_module(f"dateparser.data.date_translation_data.{lang}")
        except ImportError:
            continue
        info = module.info
        for number, key in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            start=1,
        ):
            for name in info.get(key, []):
                folded = fold_word(name).rstrip(".")
                # short forms ("mar", "may") are ordinary words in some language: full names only,
                # or three-letter forms in the document's own language
                if len(folded) >= 4 or (lang == language and len(folded) == 3 and lang != "es"):
                    names.setdefault(folded, number)
    return names


def _unaccented_table() -> dict[int, str]:
    """Each accented Latin letter -> its base letter, case kept ("Ä" -> "A", "é" -> "e"): one
    character for one, so offsets into the text stay right."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        ch = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base.isascii() and base.isalpha() and base != ch:
            table[code] = base
    return table


# month names are matched in their folded spelling: "März" and "février" are searched as
# "Marz" and "fevrier"
_UNACCENTED = _unaccented_table()


@lru_cache(maxsize=32)
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    names = sorted(month_names(language), key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(n) for n in names) + r")\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
    year = r"(?P<year>1[5-9]\d\d|20\d\d)(?!\d)"
    return (
        # 17 December 1996, 17 de diciembre de 1996, 17. Dezember 1996, Date17 December 1996
        re.compile(rf"(?<!\d){day}{_CONNECT}{month}{_CONNECT}{year}", re.IGNORECASE),
        # December 17, 1996
        re.compile(rf"\b{month}\s+{day},?\s+{year}", re.IGNORECASE),
        # 1996-12-17
        re.compile(r"(?<!\d)(?P<year>1[5-9]\d\d|20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
        # December 1996, diciembre de 1996
        re.compile(rf"\b{month}{_CONNECT}{year}", re.IGNORECASE),
        # 13 de octubre (year taken from the document)
        re.compile(rf"(?<!\d){day}{_CONNECT}{month}\b(?!{_CONNECT}\d)", re.IGNORECASE),
        # October 13 (year taken from the document)
        re.compile(rf"\b{month}\s+{day}\b(?!,?\s*\d{{4}})", re.IGNORECASE),
        # a bare year: "in 1996", "(1996)"
        re.compile(r"(?<![\d.,:/])(?P<year>1[6-9]\d\d|20\d\d)(?![\d.,:]\d)(?!\s*[-–]\s*\d)"),
    )


def find_dates(text: str, language: str, default_year: int | None = None) -> list[DateMention]:
    """Every date in `text`, longest match first, with "from"/"to" roles for ranges."""
    names = month_names(language)
    taken = [False] * (len(text) + 1)
    found: list[DateMention] = _numeric_dates(text, language, taken)
    searchable = text.translate(_UNACCENTED)
    for pattern in _patterns(language):
        for m in pattern.finditer(searchable):
            if any(taken[m.start() : m.end()]):
                continue
            groups = m.groupdict()
            month_raw = groups.get("month")
            month = None
            if month_raw is not None:
                month = (
                    int(month_raw)
                    if month_raw.isdigit()
                    else names.get(fold_word(month_raw).rstrip("."))
                )
                if month is None:
                    continue
                if month_raw[0].islower() and fold_word(month_raw) == "may" and language == "en":
                    continue  # the verb
            year = int(groups["year"]) if groups.get("year") else default_year
            if year is None:
                continue
            day = int(groups["day"]) if groups.get("day") else None
            if day is not None and not _real_day(year, month, day):
                continue  # "31 February" is a typo or not a date; its month may still be read
            found.append(
                DateMention(
                    DateValue(year, month, day), m.start(), m.end(),
                    year_stated=bool(groups.get("year")),
                )
            )
            for k in range(m.start(), m.end()):
                taken[k] = True
    found.extend(_day_ranges(text, names, taken))
    found.sort(key=lambda d: d.start)
    return _mark_ranges(text, found)


NUMERIC_DATE = re.compile(
    r"(?<![\d.,-])(?<!\d/)(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[01]?\d)(?P=sep)(?P<year>1[5-9]\d\d|20\d\d)"
    r"(?![\d/]|[.,-]\d)"
)


def _numeric_dates(text: str, language: str, taken: list[bool]) -> list[DateMention]:
    """'5/8/2010', '15.12.2014': day first everywhere but in English, where the order is
    read only when one of the two numbers cannot be a month (US and British writers differ).

    Every such date is marked taken even when its order stays unknown, so its parts are never
    read as counts ("5/8/2010" is not five, eight and 2010 people).
    """
    out: list[DateMention] = []
    for m in NUMERIC_DATE.finditer(text):
        for k in range(m.start(), m.end()):
            taken[k] = True
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        if language == "en" and m.group("sep") == "/" and a <= 12 and b <= 12 and a != b:
            continue
        day, month = (b, a) if language == "en" and m.group("sep") == "/" and b > 12 else (a, b)
        if 1 <= month <= 12 and _real_day(year, month, day):
            out.append(DateMention(DateValue(year, month, day), m.start(), m.end()))
    return out


def _day_ranges(text: str, names: dict[str, int], taken: list[bool]) -> list[DateMention]:
    """'3–4 July 1976', 'am 15. und 16. Dezember': the first day of a range written once."""
    out: list[DateMention] = []
    joined = r"(?<![\d.])([0-3]?\d)\.?\s*(?:[-–]|and|und|y|e|et|dan|at|&)\s*([0-3]?\d)\.?(?=\s+\w)"
    for m in re.finditer(joined, text):
        # the first day stands alone; the second opens a date already read ("16. Dezember 2014")
        if any(taken[m.start(1) : m.end(1)]) or not taken[m.start(2)]:
            continue
        # the second day belongs to the date that follows; the first day shares its month and year
        follow = re.match(r"\.?\s+(\w+)\W+(\d{4})", text[m.end(2) :])
        if not follow:
            continue
        month = names.get(fold_word(follow.group(1)))
        day = int(m.group(1))
        if month and _real_day(int(follow.group(2)), month, day):
            out.append(
                DateMention(
                    DateValue(int(follow.group(2)), month, day), m.start(1), m.end(1), "from"
                )
            )
    return out


def _real_day(year: int, month: int | None, day: int) -> bool:
    last = calendar.monthrange(year, month)[1] if month is not None else 31
    return 1 <= day <= last


def _mark_ranges(text: str, dates: list[DateMention]) -> list[DateMention]:
    out = list(dates)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.end : b.start]
        if a.range_role == "from" and b.start - a.end <= 8:
            out[i + 1] = replace(b, range_role="to")
            continue
        if re.fullmatch(
            r"\s*([-–—]|to|until|till|hingga|sampai|al|hasta|a|ate|até|au|bis|al|fino al|hanggang)\s*",
            gap,
            re.IGNORECASE,
        ):
            out[i] = replace(a, range_role="from")
            out[i + 1] = replace(b, range_role="to")
    return out


_TIME = re.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?!\d)\s*(?P<ampm>[ap]\.?\s?m\.?|uhr|h\b|horas|hrs|wib)?",
    re.IGNORECASE,
)
# "2am", "11 p.m.": the hour alone, said with its half of the day
_HOUR_ONLY = re.compile(r"(?<![\d.,:])(?P<h>1[0-2]|0?[1-9])\s?(?P<ampm>[ap]\.?m\b\.?)", re.IGNORECASE)
_TIME_CUE = re.compile(
    r"(at|pukul|jam|a las|às|as|à|a|um|alle|ore|alas|sekitar pukul)\s*$", re.IGNORECASE
)


def find_times(text: str) -> list[TimeMention]:
    out: list[TimeMention] = []
    for m in _TIME.finditer(text):
        ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        cue = _TIME_CUE.search(text[max(0, m.start() - 14) : m.start()])
        if not ampm and not cue:
            continue
        hour = int(m.group("h"))
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        out.append(TimeMention(TimeValue(hour, int(m.group("m"))), m.start(), m.end()))
    for m in _HOUR_ONLY.finditer(text):
        if any(t.start <= m.start() < t.end for t in out):
            continue
        hour = int(m.group("h")) % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
        out.append(TimeMention(TimeValue(hour, 0), m.start(), m.end()))
    return sorted(out, key=lambda t: t.start)
