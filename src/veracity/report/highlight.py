"""Turn a document's text and its claims' offsets into escaped HTML with highlighted claims.

Document text is third-party input: it is never handed to the browser as markup. The text is cut
at every claim and sentence boundary and each piece is escaped on its own, so the only tags in the
output are the ones written here. Claims may overlap; a piece covered by several claims lists all
of them. Every claim sits inside one sentence wrapper, which the page lights up when a reader
follows a record value to the sentences behind it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# The verdict a piece shows when several claims cover it: the most alarming one.
_VERDICT_RANK = {"contradicted": 3, "uncorroborated": 2, "supported": 1}

# How far a sentence may reach from its claim when the text has no punctuation to stop at.
_MAX_SENTENCE_REACH = 400

_SENTENCE_END = re.compile(r"[.!?。]+[\"'”’)\]]*(?=\s|$)|\n")
_ELLIPSIS = ("...", "…")


@dataclass(frozen=True, slots=True)
class Mark:
    """One claim to highlight. `key` is a page-local id, safe for HTML attributes."""

    key: str
    start: int
    end: int
    verdict: str
    title: str
    quote: str = ""


def _strip_ellipsis(quote: str) -> tuple[str, bool, bool]:
    """The quote without leading/trailing ellipses, and whether each end was cut."""
    core = quote.strip()
    cut_left = cut_right = False
    for dots in _ELLIPSIS:
        if core.startswith(dots):
            core, cut_left = core[len(dots):].lstrip(), True
        if core.endswith(dots):
            core, cut_right = core[: -len(dots)].rstrip(), True
    return core, cut_left, cut_right


def _heuristic_left(text: str, start: int) -> int:
    floor = max(0, start - _MAX_SENTENCE_REACH)
    left = floor
    for match in _SENTENCE_END.finditer(text, floor, start):
        left = match.end()
    while left < start and text[left].isspace():
        left += 1
    return left


def _heuristic_right(text: str, end: int) -> int:
    ceiling = min(len(text), end + _MAX_SENTENCE_REACH)
    match = _SENTENCE_END.search(text, end, ceiling)
    if match is None:
        return ceiling
    return match.start() if match.group() == "\n" else match.end()


def sentence_bounds(text: str, start: int, end: int, quote: str = "") -> tuple[int, int]:
    """Character range of the sentence that holds text[start:end].

    The claim's quote is trusted first (it is the sentence the extractor saw); when it cannot be
    found around the claim, the sentence is found from punctuation.
    """
    core, cut_left, cut_right = _strip_ellipsis(quote)
    if core:
        low = max(0, start - len(core))
        found = text.rfind(core, low, start + len(core))
        # Accept only an occurrence that reaches the claim: a later copy of the same sentence
        # elsewhere in the text is not this claim's sentence.
        if found >= 0 and (found + len(core) >= end or cut_right) and found <= start:
            left = _heuristic_left(text, found) if cut_left else found
            right = found + len(core)
            if right < end or cut_right:
                right = max(right, _heuristic_right(text, end))
            return min(left, start), max(right, end)
    return _heuristic_left(text, start), max(end, _heuristic_right(text, end))


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _mark_tag(covering: Sequence[Mark], first_of: set[str], piece: str) -> str:
    verdict = max((m.verdict for m in covering), key=lambda v: _VERDICT_RANK.get(v, 0))
    css_verdict = verdict if verdict in _VERDICT_RANK else "unknown"
    keys = " ".join(m.key for m in covering)
    title = "; ".join(m.title for m in covering)
    anchors = [m.key for m in covering if m.key in first_of]
    id_attr = f' id="claim-{anchors[0]}"' if anchors else ""
    first_of.difference_update(anchors)
    return (
        f'<mark class="claim v-{css_verdict}"{id_attr} data-claims="{escape(keys)}" '
        f'title="{escape(title)}">{escape(piece)}</mark>'
    )


def valid_marks(text: str, marks: Sequence[Mark]) -> list[Mark]:
    """Marks whose offsets fall inside the text; the others cannot be shown in place."""
    return [m for m in marks if 0 <= m.start < m.end <= len(text)]


def highlight(text: str, marks: Sequence[Mark], sentence_prefix: str) -> Markup:
    """Escaped HTML of `text`, each claim in a <mark>, each claim's sentence in a <span>.

    `sentence_prefix` makes sentence ids unique on the page (one prefix per document).
    """
    shown = valid_marks(text, marks)
    sentences = _merge([sentence_bounds(text, m.start, m.end, m.quote) for m in shown])
    cuts = {0, len(text)}
    for m in shown:
        cuts.update((m.start, m.end))
    for low, high in sentences:
        cuts.update((low, high))
    points = sorted(cuts)

    starting: dict[int, list[Mark]] = {}
    for m in shown:
        starting.setdefault(m.start, []).append(m)
    sentence_at = {low: (n, high) for n, (low, high) in enumerate(sentences)}
    sentence_ends = {high for _, high in sentences}

    first_of = {m.key for m in shown}
    active: list[Mark] = []
    out: list[str] = []
    for here, there in zip(points, points[1:], strict=False):
        if here in sentence_ends:
            out.append("</span>")
        if here in sentence_at:
            number, _ = sentence_at[here]
            out.append(f'<span class="sent" id="{escape(sentence_prefix)}-s{number}">')
        active = [m for m in active if m.end > here] + starting.get(here, [])
        piece = text[here:there]
        out.append(_mark_tag(active, first_of, piece) if active else str(escape(piece)))
    if len(text) in sentence_ends and len(text) > 0:
        out.append("</span>")
    return Markup("".join(out))
