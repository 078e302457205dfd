"""Claims anchored to the event the articles are about.

An article about one event often mentions others: an earlier attack by the same group, the
trial years later, an anniversary, the civil war around it. Their dates and figures are not this
event's. Two steps keep them out of the record:

- at extraction, every count is stamped with the date its sentence gives it (`when`: the date
  stated before it in the sentence, else one after it in the same clause; never a date led by
  "since", which measures from another moment and dates nothing else);
- per event, the event's time window is found from all its documents (the year they mention
  most, then the month most of them date its start in), and every date claim, and every count
  stamped with a date, outside that window is marked `background`: kept in the report with a
  low confidence, left out of resolution.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from veracity.extract.date_roles import SeenDate
from veracity.extract.drafts import Draft
from veracity.extract.text import Sentence
from veracity.model import Claim, Document
from veracity.values import Count, DateValue

BACKGROUND = "background"
REJECTED = "rejected"
# the confidence of a background claim: below resolve.record.WEAK_CLAIM, so it never makes
# its source contradicted
BACKGROUND_CONFIDENCE = 0.05
# the window around the month most documents date the start in: a little before it (accounts
# differ by days or weeks on when it began), well after it (a siege or a hostage crisis may last
# more than a year)
MONTHS_BEFORE = 6
MONTHS_AFTER = 16
_DATE_ROLES = ("event.start_date", "event.end_date", "operation.date")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]")


@dataclass(frozen=True, slots=True)
class Window:
    """Months (year * 12 + month - 1) the event's dates may fall in, both ends included."""

    first: int
    last: int

    def holds(self, value: DateValue) -> bool:
        """A date, at its own precision, overlaps the window ("1996" holds December 1996)."""
        if value.month is None:
            lo, hi = value.year * 12, value.year * 12 + 11
        else:
            lo = hi = _month(value)
        return hi >= self.first and lo <= self.last


def _month(value: DateValue) -> int:
    return value.year * 12 + (value.month or 1) - 1


def date_counts(drafts: Sequence[Draft], sentence: Sentence, seen: Sequence[SeenDate]) -> None:
    """Stamp each count draft with the date its sentence gives it (qualifier `when`)."""
    dates = [d for d in seen if not d[3]]
    if not dates:
        return
    for draft in drafts:
        before = [d for d in dates if d[1] <= draft.start]
        if before:
            nearest = max(before, key=lambda d: d[1])
        else:
            after = [
                d
                for d in dates
                if d[0] >= draft.end
                and not _CLAUSE_BREAK.search(
                    sentence.text[draft.end - sentence.start : d[0] - sentence.start]
                )
            ]
            if not after:
                continue
            nearest = min(after, key=lambda d: d[0])
        if nearest[4]:  # a year the document only assumes dates nothing for sure
            draft.qualifiers["when"] = nearest[2].to_json()


def _parse_date(text: str) -> DateValue | None:
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return None
    if not 1 <= len(numbers) <= 3:
        return None
    return DateValue(*numbers)


def event_window(claims: Sequence[Claim], documents: Sequence[Document]) -> Window | None:
    """The months this event's dates fall in, from all the documents that report it.

    The year: the one the documents mention most (each document's mentions count as one vote,
    shared among the years it names). The month: among the start dates within a year of it,
    the one most documents give (a neighbouring month counts half); failing that, the end or
    operation dates; failing those, the whole year."""
    votes: dict[int, float] = defaultdict(float)
    for document in documents:
        years = Counter(int(y) for y in _YEAR.findall(document.text))
        total = sum(years.values())
        for year, n in years.items():
            votes[year] += n / total
    if not votes:
        return None
    year = max(votes, key=lambda y: (votes[y], -y))
    for roles in (("event.start_date",), ("event.end_date", "operation.date")):
        months: dict[int, set[str]] = defaultdict(set)
        for claim in claims:
            v = claim.value
            if not (claim.attribute in roles and isinstance(v, DateValue) and v.month):
                continue
            if claim.qualifiers.get("year") == "assumed":
                v = DateValue(year, v.month, None)  # "on 2 April": in the event's year
            if abs(v.year - year) <= 1:
                months[_month(v)].add(claim.document)
        if months:
            score = {
                m: len(months[m]) + 0.5 * (len(months.get(m - 1, ())) + len(months.get(m + 1, ())))
                for m in months
            }
            anchor = max(score, key=lambda m: (score[m], -m))
            return Window(anchor - MONTHS_BEFORE, anchor + MONTHS_AFTER)
    return Window(year * 12 - MONTHS_BEFORE, year * 12 + 11 + MONTHS_BEFORE)


def scope_claims(claims: Sequence[Claim], documents: Sequence[Document]) -> list[Claim]:
    """The claims of one event, those of other events it mentions marked `background`, those
    whose value cannot be marked `rejected`."""
    claims = sane_claims(claims)
    window = event_window(claims, documents)
    if window is None:
        return list(claims)
    out = []
    for claim in claims:
        when: DateValue | None = None
        if claim.attribute in _DATE_ROLES and isinstance(claim.value, DateValue):
            if claim.qualifiers.get("year") == "assumed" and not window.holds(claim.value):
                claim = _re_year(claim, claim.value, window)
            when = claim.value  # type: ignore[assignment]
        elif "when" in claim.qualifiers:
            when = _parse_date(claim.qualifiers["when"])
        if when is not None and not window.holds(when) and BACKGROUND not in claim.qualifiers:
            claim = background(claim, "another time")
        out.append(claim)
    return out


def _re_year(claim: Claim, value: DateValue, window: Window) -> Claim:
    """'13 de octubre' read with the year the document mentions most, which is not the event's
    (an article written years later): the year that puts it in the event's window instead."""
    if value.month is None:
        return claim
    anchor = window.first + MONTHS_BEFORE
    fits = []
    for year in range(window.first // 12, window.last // 12 + 1):
        if value.day is not None and value.day > calendar.monthrange(year, value.month)[1]:
            continue
        moved = DateValue(year, value.month, value.day)
        if window.holds(moved):
            fits.append((abs(_month(moved) - anchor), moved))
    if not fits:
        return claim
    return replace(claim, value=min(fits, key=lambda f: f[0])[1])


def impossible(claim: Claim) -> str | None:
    """Why a claim's value cannot be, if it cannot: a negative count, a range whose top is below
    its bottom, a duration of less than nothing."""
    v = claim.value
    if isinstance(v, Count) and v.kind != "relative":
        if v.low < 0:
            return "negative"
        if v.high is not None and v.high < v.low:
            return "range upside down"
    return None


def sane_claims(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, those whose value cannot be marked `rejected` (kept out of resolution)."""
    out = []
    for claim in claims:
        why = impossible(claim)
        if why is not None:
            claim = replace(
                claim,
                qualifiers={**claim.qualifiers, REJECTED: why},
                confidence=min(claim.confidence, BACKGROUND_CONFIDENCE),
            )
        out.append(claim)
    return out


def background(claim: Claim, reason: str) -> Claim:
    return replace(
        claim,
        qualifiers={**claim.qualifiers, BACKGROUND: reason},
        confidence=min(claim.confidence, BACKGROUND_CONFIDENCE),
    )


def is_background(claim: Claim) -> bool:
    """Kept out of resolution: another event's, or a value that cannot be."""
    return BACKGROUND in claim.qualifiers or REJECTED in claim.qualifiers
