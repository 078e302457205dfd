"""Dates and times: written in each language's usual formats, they read back as written."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veracity.extract.dates import find_dates, find_times, month_names
from veracity.values import DateValue

LANGUAGES = ["en", "es", "pt", "fr", "de", "it", "id", "tl"]
BOUNDED = settings(max_examples=120, deadline=None)
# "17 de diciembre de 1996", "17. Dezember 1996", "17 Desember 1996"
_DAY_MONTH = {"es": " de ", "pt": " de ", "de": ". "}
_MONTH_YEAR = {"es": " de ", "pt": " de "}
_DATES = st.dates(min_value=dt.date(1600, 1, 1), max_value=dt.date(2099, 12, 31))


def _month_name(language: str, month: int, data) -> str:
    names = sorted(n for n, m in month_names(language).items() if m == month)
    return data.draw(st.sampled_from(names)).title()


def _only_date(text: str, language: str, default_year: int | None = None) -> tuple[DateValue, str]:
    found = find_dates(text, language, default_year)
    assert len(found) == 1, (text, found)
    return found[0].value, text[found[0].start : found[0].end]


@pytest.mark.parametrize("language", LANGUAGES)
@BOUNDED
@given(day=_DATES, data=st.data())
def test_dates_day_month_year_reads_back(language: str, day: dt.date, data):
    month = _month_name(language, day.month, data)
    written = (
        f"{day.day}{_DAY_MONTH.get(language, ' ')}{month}{_MONTH_YEAR.get(language, ' ')}{day.year}"
    )
    value, surface = _only_date(f"It began on {written}, officials said.", language)
    assert value == DateValue(day.year, day.month, day.day)
    assert surface == written


@pytest.mark.parametrize("language", LANGUAGES)
@BOUNDED
@given(day=_DATES, data=st.data())
def test_dates_month_year_reads_back_at_month_precision(language: str, day: dt.date, data):
    written = f"{_month_name(language, day.month, data)}{_MONTH_YEAR.get(language, ' ')}{day.year}"
    value, surface = _only_date(f"It began in {written}, officials said.", language)
    assert value == DateValue(day.year, day.month) and value.precision == 2
    assert surface == written


@BOUNDED
@given(day=_DATES, data=st.data())
def test_dates_english_month_day_year_reads_back(day: dt.date, data):
    written = f"{_month_name('en', day.month, data)} {day.day}, {day.year}"
    value, surface = _only_date(f"It began on {written}, officials said.", "en")
    assert value == DateValue(day.year, day.month, day.day) and surface == written


@BOUNDED
@given(day=_DATES, language=st.sampled_from(LANGUAGES))
def test_dates_iso_reads_back_in_any_language(day: dt.date, language: str):
    value, surface = _only_date(f"Filed {day.isoformat()} by the court.", language)
    assert value == DateValue(day.year, day.month, day.day) and surface == day.isoformat()


@BOUNDED
@given(day=_DATES, data=st.data())
def test_dates_without_year_take_the_default_year(day: dt.date, data):
    written = f"{day.day} {_month_name('en', day.month, data)}"
    value, _ = _only_date(f"It began on {written} and lasted long.", "en", default_year=day.year)
    assert value == DateValue(day.year, day.month, day.day)


@BOUNDED
@given(first=_DATES, gap=st.integers(1, 400), data=st.data())
def test_dates_ranges_mark_from_and_to(first: dt.date, gap: int, data):
    last = first + dt.timedelta(days=gap)
    if last.year > 2099:
        return
    a = f"{first.day} {_month_name('en', first.month, data)} {first.year}"
    b = f"{last.day} {_month_name('en', last.month, data)} {last.year}"
    found = find_dates(f"The siege lasted from {a} to {b}.", "en")
    assert [(d.value, d.range_role) for d in found] == [
        (DateValue(first.year, first.month, first.day), "from"),
        (DateValue(last.year, last.month, last.day), "to"),
    ]


@BOUNDED
@given(hour=st.integers(0, 23), minute=st.integers(0, 59), sep=st.sampled_from([":", "."]))
def test_times_after_a_cue_read_back(hour: int, minute: int, sep: str):
    written = f"{hour}{sep}{minute:02d}"
    found = find_times(f"The raid started at {written} local time.")
    assert [(t.value.hour, t.value.minute) for t in found] == [(hour, minute)]


@BOUNDED
@given(hour=st.integers(1, 12), minute=st.integers(0, 59), half=st.sampled_from(["am", "pm"]))
def test_times_twelve_hour_clock_reads_as_24_hours(hour: int, minute: int, half: str):
    found = find_times(f"Shots were heard {hour}:{minute:02d} {half} on the day.")
    expected = hour % 12 + (12 if half == "pm" else 0)
    assert [(t.value.hour, t.value.minute) for t in found] == [(expected, minute)]


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=150),
        st.lists(
            st.sampled_from(
                [
                    *"0123456789 -–.,:/",
                    "December",
                    "de",
                    "diciembre",
                    "1996",
                    "17",
                    "to",
                    "al",
                    "Mei",
                    "2001",
                    "May",
                    "may",
                    "at",
                    "pm",
                    "12:30",
                    "31",
                    "\u00a0",
                    "\u200b",
                ]
            ),
            max_size=40,
        ).map(" ".join),
    ),
    language=st.sampled_from(LANGUAGES),
    default_year=st.one_of(st.none(), st.integers(1500, 2100)),
)
def test_dates_never_raise_and_are_valid(text: str, language: str, default_year: int | None):
    for d in find_dates(text, language, default_year):
        assert 0 <= d.start < d.end <= len(text)
        if d.value.month is not None:
            assert 1 <= d.value.month <= 12
        if d.value.day is not None:
            dt.date(d.value.year, d.value.month or 1, d.value.day)  # a real calendar day
    for t in find_times(text):
        assert 0 <= t.start < t.end <= len(text)
        assert 0 <= t.value.hour <= 23 and 0 <= t.value.minute <= 59


def test_dates_impossible_days_fall_back_to_the_month():
    found = find_dates("It began on 31 February 1997 and ended 29 February 2000.", "en")
    assert [d.value.to_json() for d in found] == ["1997-02", "2000-02-29"]
