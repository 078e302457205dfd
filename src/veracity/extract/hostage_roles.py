"""Which hostages a figure counts: those taken at the start, or those still held at the end.

A figure read as the number taken ("52 Americans were taken hostage") may count only the ones
held to the end: held in a clause after others were freed ("most passengers were freed, but the
hijackers held 56"), or held "for 444 days" (a long captivity) in a document that tells of more
people taken; and a count of people before a verb of taking whose object is counted too took
them ("four men took 191 people hostage"). Every word is the profile's (cue classes
`throughout`, `throughout_after`, `aboard`, `taking`, `release`, `escape`, `conjunction`).
"""

from __future__ import annotations

from collections.abc import Sequence

from veracity.extract.drafts import BREAKS, Draft
from veracity.extract.text import Sentence
from veracity.values import Count

# the qualifier a draft of the people taken carries while it waits for its document's other
# figures: held through a long length, it names the attribute of the ones left at the end
THROUGHOUT = "held_throughout"

# lengths long enough that hostages held for them are the ones left when it ended (a figure
# "held for 17 hours" is the siege's hostages, most of them held to its end anyway)
LONG_UNITS = ("day", "week", "month", "year")

# how far from a length (in words) a cue of being held through it may stand ("for nearly
# 444 days", "durante más de 400 días", "per ben 444 giorni"; after: "444 Tage lang")
_BEFORE_LENGTH = 3
# how far after a figure's noun its own verb of holding may come ("40 men were held hostage")
_HELD_AFTER = 4


def held_throughout(
    sentence: Sentence,
    first: int,
    last: int,
    lengths: Sequence[tuple[int, int]],
    cue_hits: dict[str, list[tuple[int, int]]],
    hostages: bool = False,
) -> bool:
    """The figure at words [first, last) (its noun included) was held through a long length of
    the same sentence: "52 Americans were held hostage for 444 days", "18 estuvieron cautivos
    durante 61 días", "vier Geiseln wurden 40 Tage lang festgehalten". A word of holding must
    stand between them, or beside them ("a plane with 220 passengers, parked for two days"
    holds no one through the two days); a figure of hostages is held by its noun. `lengths` are
    the (number's first word, unit's word) of the sentence's long lengths."""
    before_words = cue_hits.get("throughout", [])
    after_words = cue_hits.get("throughout_after", [])
    aboard = {k for s, e in cue_hits.get("aboard", []) for k in range(s, e)}
    holding = [
        (s, e)
        for s, e in cue_hits.get("taking", [])
        if not (first <= s < last) and not aboard & set(range(s, e))
    ]
    for length_first, unit_at in lengths:
        lo, hi = min(first, length_first), max(last, unit_at + 1)
        if _stop_between(sentence, lo, hi - 1):
            continue
        held = hostages or any(
            lo - _BEFORE_LENGTH <= s and e <= hi + _BEFORE_LENGTH for s, e in holding
        )
        before = any(
            0 <= length_first - e <= _BEFORE_LENGTH
            and not _stop_between(sentence, e - 1, length_first)
            for _s, e in before_words
        )
        after = any(
            s == unit_at + 1 and not sentence.gap(unit_at, s).strip() for s, _e in after_words
        )
        if held and (before or after):
            return True
    return False


def held_after_release(
    sentence: Sentence,
    first: int,
    last: int,
    cue_hits: dict[str, list[tuple[int, int]]],
) -> bool:
    """Others were freed, or got away, in an earlier clause of the sentence, and then the
    figure was held: "most passengers were freed, but the hijackers held 56 hostages", "the
    non-Jewish passengers were released, and 101 were held": the ones left, not the ones
    taken."""
    clause_ends = {b for b, _e in cue_hits.get(BREAKS, [])}
    clause_ends |= {s - 1 for s, _e in cue_hits.get("conjunction", [])}
    demands = cue_hits.get("demand", [])
    for name in ("release", "escape"):
        for s, e in cue_hits.get(name, []):
            if e > first or any(ds <= s < de + 2 for ds, de in demands):
                continue  # after the figure, or a release demanded ("the release of ...")
            if not any(e - 1 <= b < first for b in clause_ends):
                continue
            # its own clause holds them ("hielten 56 Geiseln fest", "40 men were held
            # hostage"): the release before is of others
            if any(e <= hs <= last + _HELD_AFTER for hs, _he in cue_hits.get("taking", [])):
                return True
    return False


def _stop_between(sentence: Sentence, i: int, j: int) -> bool:
    """A full stop, semicolon or bracket stands between word i and word j."""
    return any(
        ch in ";.()[]!?" for k in range(max(i, 0), j) for ch in sentence.gap(k, k + 1)
    )


def takes_counted_people(
    sentence: Sentence,
    edge: int,
    objects: Sequence[int],
    cue_hits: dict[str, list[tuple[int, int]]],
    agent: frozenset[str],
) -> bool:
    """The people counted before word `edge` (their noun's last word) do the taking: a verb of
    taking follows them in the same clause, and a count of people is its object ("four men
    took 191 people hostage", "empat orang ... menyandera 191 orang", "zwei Männer nahmen 30
    Menschen als Geiseln"). `objects` are the first words of the people counted after them. Not
    so when a passive's agent stands between ("191 people were taken hostage by four men")."""
    joins = {s for s, _e in cue_hits.get("conjunction", [])}
    for s, e in cue_hits.get("taking_verb", []):
        if s <= edge or s - edge > 12 or _stop_between(sentence, edge, s):
            continue
        for obj in objects:
            # straight after the verb: "139 passengers aboard, including 12 crew", "138
            # passengers on board and 10 crew" count more people, taken by no one
            if not 0 <= obj - e <= 2 or any(k in joins for k in range(e, obj)):
                continue
            if any(w in agent for w in sentence.words[e:obj]):
                continue
            if not any(ch in ",;:.()[]!?" for k in range(e - 1, obj) for ch in sentence.gap(k, k + 1)):
                return True
    return False


def settle_held_throughout(drafts: list[Draft]) -> None:
    """A figure held through a long length is the ones left at the end when its document tells
    of more people taken ("took 66 ... hostage", then "52 were held for 444 days"); alone, it
    is the ones taken ("Gunmen held forty hostages for 3 days"). Drafts change in place."""
    for draft in drafts:
        target = draft.qualifiers.pop(THROUGHOUT, None)
        if target is None or not isinstance(draft.value, Count):
            continue
        more = any(
            other is not draft
            and other.attribute == draft.attribute
            and isinstance(other.value, Count)
            and other.value.kind != "relative"
            and other.value.low > draft.value.low
            for other in drafts
        )
        if more:
            draft.attribute = target
