"""What extraction passes between its steps: a claim in the making, and the nearest cue."""

from __future__ import annotations

from dataclasses import dataclass

from veracity.extract.text import Sentence
from veracity.values import Value

BREAKS = "_breaks"
# the matches of a sentence's cue or noun classes: class -> (first word, word count) per match
Hits = dict[str, list[tuple[int, int]]]


@dataclass
class Draft:
    attribute: str
    value: Value
    start: int
    end: int
    sentence: Sentence
    qualifiers: dict[str, str]


def nearest_cue(
    cue_hits: dict[str, list[tuple[int, int]]],
    names: list[str],
    first: int,
    last: int,
    strong: frozenset[str] = frozenset(),
    decisive: frozenset[str] = frozenset(),
    noun_at: int | None = None,
) -> tuple[str | None, float]:
    """The cue of one of `names` closest to words [first, last), with its distance in words."""
    best: tuple[str | None, float] = (None, float("inf"))
    best_after = False
    right_edge = last if noun_at is None else max(last, noun_at + 1)
    joins = [s for s, _e in cue_hits.get("conjunction", [])]
    breaks = [b for b, _ in cue_hits.get(BREAKS, [])]
    for name in names:
        for s, e in cue_hits.get(name, []):
            if (s < last and e > first) or (noun_at is not None and s <= noun_at < e):
                continue  # the cue is the counted word (or its noun) itself
            if s >= right_edge and any(right_edge <= c < s and s - c <= 2 for c in joins):
                continue  # "... and the death of ...": that cue starts the next phrase
            distance = float(first - e + 1 if e <= first else s - right_edge + 1)
            lo, hi = (e - 1, first) if e <= first else (right_edge - 1, s)
            if any(lo <= b < hi for b in breaks):
                distance += 2  # "Drei Tote, sechs Verletzte": the comma ends the phrase
            elif e <= first and any(e <= c < first for c in joins):
                distance += 1  # "twelve were killed and 30 are missing": "and" opens a clause
            if name in decisive and distance <= 3:
                distance *= 0.25
            elif name in strong:
                distance *= 0.5
            # a tie goes to the cue after the counted words: their own verb ("twelve died and
            # twenty were injured": the twenty were injured)
            after = s >= right_edge
            if distance < best[1] or (distance == best[1] and after and not best_after):
                best = (name, distance)
                best_after = after
    return best
