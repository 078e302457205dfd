"""Score one candidate pair and decide its relation and direction.

Same language: how much of each document's word shingles (digits masked) the other holds.
- near-duplicate: one document is mostly the other's text (a mirror, a syndicated or edited copy,
  a copy with sentences dropped or moved);
- derived: a substantial shared passage inside otherwise own text (a pasted paragraph), or,
  with little shared wording, a long run of the same facts in the same order (a close rewrite).
  A shared passage must carry the same figures (`copied_shingles`): digits are masked in
  shingles, so the frame of a site's template (an infobox, a caption line) is shared by pages
  about other events too.
Different languages: the fingerprint alignment (`align.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from veracity.lineage.align import Alignment, align
from veracity.lineage.fingerprints import Fingerprint
from veracity.lineage.shingles import SHINGLE, U64, positional_shingles
from veracity.lineage.text import masked, words
from veracity.model import Document, Lineage, Relation

# A document at least this much made of the other's shingles is a copy of it.
NEAR_DUPLICATE = 0.6
# A shared passage counts when it is this many shingles (about a long sentence) and this share of
# one of the two documents: independent articles share quotes and set phrases, not paragraphs.
MIN_SHARED_SHINGLES = 20
DERIVED_SHARE = 0.1
# Fingerprint-order score from which two documents tell the same facts in the same order.
SAME_FACTS = 0.5
# Shingles two texts of one language must share besides their facts for one to be a rewrite of
# the other: a rewrite keeps a quote, a title, a phrase or two of what it rewrites, whereas the
# same facts in the same order in other words is how independent reports of one event read (a
# chronology: the date, the hour, the place, the toll, who was convicted).
REWRITE_SHARED = 10
# Chained facts from which coverage is trusted in full, and the chain length that alone is
# convincing: below these, short documents would align by chance.
FULL_CHAIN = 8
CONVINCING_RUN = 15
# The fuller document must say this much more of its own (relative) to be called the original.
FULLER_MARGIN = 0.1


@dataclass(frozen=True, slots=True)
class Profile:
    """What lineage needs to know about one document, computed once."""

    document: Document
    shingles: U64
    fingerprint: Fingerprint


def fact_order_score(al: Alignment) -> float:
    """How strongly two fingerprints look like one text: full coverage or one long faithful run."""
    coverage = al.coverage * min(1.0, al.chained / FULL_CHAIN)
    run = min(1.0, al.longest / CONVINCING_RUN) * al.longest_density
    return max(coverage, run)


def copied_shingles(a: Document, b: Document, k: int = SHINGLE) -> int:
    """How many of the shingles two texts share sit in passages that also share their figures.

    Shingles mask digits, so that a copy with edited numbers still shares its wording; the price
    is that a template ("Date 13-18 October 1977 ... Coordinates ...") or a set phrase ("on 2
    July 2008") is shared by every text written with it, whatever its values. A passage (a run of
    consecutive shared shingles) whose figures differ from those at the same place of the other
    text more often than they agree is such a frame and does not count; a passage without figures
    counts.
    """
    raw_a, raw_b = words(a.text), words(b.text)
    at_b: dict[int, list[int]] = {}
    for j, h in enumerate(positional_shingles(masked(raw_b), k).tolist()):
        at_b.setdefault(h, []).append(j)
    passages: list[dict[int, list[int]]] = []  # shingle start in a -> its starts in b
    for i, h in enumerate(positional_shingles(masked(raw_a), k).tolist()):
        if h in at_b:
            if not passages or i - 1 not in passages[-1]:
                passages.append({})
            passages[-1][i] = at_b[h]
    count = 0
    for passage in passages:
        same: dict[int, bool] = {}  # word of a -> its figure is found at a matching place of b
        for i, starts in passage.items():
            for d in range(min(k, len(raw_a) - i)):
                word = raw_a[i + d]
                if word[0].isdigit():
                    found = any(
                        j + d < len(raw_b) and _figure(raw_b[j + d]) == _figure(word)
                        for j in starts
                    )
                    same[i + d] = same.get(i + d, False) or found
        agree = sum(same.values())
        if len(same) - agree <= agree:
            count += len(passage)
    return count


def _figure(word: str) -> str:
    return word.replace(",", "").replace(".", "")


def _direction(
    a: Document, b: Document, own_a: float, own_b: float
) -> tuple[Document, Document, bool]:
    """(copy, original, directed): earlier publication first, then the fuller text."""
    if a.published and b.published and a.published[:10] != b.published[:10]:
        return (b, a, True) if a.published[:10] < b.published[:10] else (a, b, True)
    larger = max(own_a, own_b)
    if larger > 0 and abs(own_a - own_b) >= max(2.0, FULLER_MARGIN * larger):
        return (b, a, True) if own_a > own_b else (a, b, True)
    first, second = sorted((a, b), key=lambda d: d.id)
    return second, first, False


def _link(
    a: Document, b: Document, relation: Relation, score: float, own_a: float, own_b: float
) -> Lineage:
    copy, original, directed = _direction(a, b, own_a, own_b)
    return Lineage(copy.id, original.id, relation, round(float(score), 4), directed)


def score_pair(a: Profile, b: Profile, embedding_score: float | None = None) -> Lineage | None:
    """The lineage link between two documents, or None when they look independent."""
    al = align(a.fingerprint, b.fingerprint)
    facts = fact_order_score(al)
    if a.document.language != b.document.language:
        score = facts if embedding_score is None else max(facts, embedding_score)
        if score < SAME_FACTS:
            return None
        return _link(a.document, b.document, "translation", score, al.own_a, al.own_b)

    shared = int(np.intersect1d(a.shingles, b.shingles, assume_unique=True).size)
    share_a = shared / a.shingles.size if a.shingles.size else 0.0
    share_b = shared / b.shingles.size if b.shingles.size else 0.0
    own_a, own_b = float(a.shingles.size - shared), float(b.shingles.size - shared)
    if max(share_a, share_b) >= NEAR_DUPLICATE:
        return _link(a.document, b.document, "near-duplicate", max(share_a, share_b), own_a, own_b)
    if (
        shared >= MIN_SHARED_SHINGLES
        and max(share_a, share_b) >= DERIVED_SHARE
        and copied_shingles(a.document, b.document) >= MIN_SHARED_SHINGLES
    ):
        return _link(a.document, b.document, "derived", max(share_a, share_b), own_a, own_b)
    if facts >= SAME_FACTS and shared >= REWRITE_SHARED:
        return _link(a.document, b.document, "derived", facts, al.own_a, al.own_b)
    return None
