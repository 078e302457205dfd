"""Whether a stated total says it counts a part that reports of it often leave out.

Reports of the dead mostly count the victims ("12 killed"), and tell the attackers' deaths
apart ("the gunman then killed himself"); the record's total counts everyone. A report whose
total holds the attackers says so in the same sentence: "14 dead, including the two gunmen",
"quatorze morts, dont les deux assaillants", "Todesopfer 4 (ein Pilot und drei Entführer)",
"3 people dead, including the gunman". Such a total carries the qualifier `counts`, naming the
part, and resolution does not add the part to it again (see resolve.record)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from veracity.extract.drafts import Draft
from veracity.extract.lexicon import PhraseSet, Profile
from veracity.extract.text import Sentence

# how far after an inclusion word ("including", "dont", "darunter") the noun may stand: an
# article and an adjective ("including the lone gunman", "entre elas o próprio atirador")
_INCLUSION_REACH = 4


def left_out_parts(constraints: Sequence[Mapping[str, object]]) -> dict[str, str]:
    """total -> the part its reports often leave out (a `sum` constraint's `often_left_out`)."""
    return {
        str(c["total"]): str(c["often_left_out"])
        for c in constraints
        if c.get("kind") == "sum" and c.get("often_left_out")
    }


def mark_totals_that_count_their_part(
    drafts: list[Draft],
    sentence: Sentence,
    noun_hits: dict[str, list[tuple[int, int]]],
    including: PhraseSet,
    profile: Profile,
) -> None:
    """Give the qualifier `counts` to each total in `drafts` (one sentence's count claims) that
    the sentence says holds its often-left-out part: the part counted inside it (a figure after
    an inclusion word or in the brackets after the total) or its noun after an inclusion word."""
    for total, part in left_out_parts(profile.constraints).items():
        totals = [d for d in drafts if d.attribute == total]
        if not totals:
            continue
        first_total = min(d.start for d in totals)
        inside = any(
            d.attribute == part and d.start > first_total and _within(d, totals, sentence, including)
            for d in drafts
        )
        nouns = _classes_counted_as(part, profile)
        named = any(
            _after_inclusion(sentence, i, including) and sentence.spans[i][0] > first_total
            for cls in nouns
            for i, _n in noun_hits.get(cls, [])
        )
        if inside or named:
            for d in totals:
                d.qualifiers = {**d.qualifiers, "counts": part}


def _classes_counted_as(part: str, profile: Profile) -> list[str]:
    """The noun classes whose count may be `part` ("perpetrators" for deaths.perpetrators)."""
    return [cls for cls, rules in profile.count_rules.items() if part in rules.values()]


def _within(part: Draft, totals: list[Draft], sentence: Sentence, including: PhraseSet) -> bool:
    """The part's figure is inside a total: after an inclusion word, or in brackets opened
    right after the total's figure ("4 (1 crewmember, 3 hijackers)")."""
    first = sentence.word_index_at(part.start)
    if _after_inclusion(sentence, first, including):
        return True
    text = sentence.text
    at = part.start - sentence.start
    for total in totals:
        end = total.end - sentence.start
        if end <= at:
            between = text[end:at]
            if between.lstrip().startswith("(") and ")" not in between:
                return True
    return False


def _after_inclusion(sentence: Sentence, word: int, including: PhraseSet) -> bool:
    for k in range(max(0, word - _INCLUSION_REACH), word):
        n = including.match_at(sentence.words, k)
        if n and k + n <= word:
            return True
    return False
