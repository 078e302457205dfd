"""Sentences and word tokens with character offsets into the document text."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import blingfire

from veracity.extract.lexicon import fold_word

# letters and digits apart: infobox labels run into their values ("Deaths17", "Injured8")
_WORD = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)
_LINE = re.compile(r"[^\n]+")
_DAY_STOP = re.compile(r"(^|\s)[0-3]?\d\.$")
_FIGURE_OPENS = re.compile(r"(?<=[a-zà-ÿа-яё]{3}[.!?])\s+(?=\d)")
# A text without full stops (a scraped table, a list run together) would otherwise be one
# "sentence" of thousands of words, and matching inside a sentence is quadratic in the worst case.
# Real sentences stay far below this; longer runs are cut at a clause break near the limit.
MAX_SENTENCE_WORDS = 200
_CLAUSE_BREAK = re.compile(r"[;,:]\s|\s")
# How far past the previous sentence the next one's first words are looked for.
_SEARCH_AHEAD = 1024


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    words: list[str]  # folded word tokens
    spans: list[tuple[int, int]]  # absolute offsets of each word token

    def word_index_at(self, offset: int) -> int:
        """Index of the first word starting at or after an absolute offset."""
        return bisect_left(self.spans, offset, key=lambda span: span[0])

    def gap(self, i: int, j: int) -> str:
        """Raw text between word i's end and word j's start (absolute offsets)."""
        return self.text[self.spans[i][1] - self.start : self.spans[j][0] - self.start]


def split_sentences(text: str) -> list[Sentence]:
    """Lines first (headlines and list items end without a full stop), then blingfire."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        line_text = line.group()
        if not line_text.strip():
            continue
        starts = _sentence_starts(line_text)
        for k, c_start in enumerate(starts):
            c_end = starts[k + 1] if k + 1 < len(starts) else len(line_text)
            start = line.start() + c_start
            # trailing white space off, read backwards from the sentence's end (rstrip of the
            # line up to here would copy the line once per sentence: quadratic on one long line)
            while c_end > c_start and line_text[c_end - 1].isspace():
                c_end -= 1
            end = line.start() + c_end
            if text[start:end].strip():
                sentences.extend(_bounded(text, start, end))
    return sentences


def _bounded(text: str, start: int, end: int) -> list[Sentence]:
    """The sentence text[start:end], cut into pieces of at most MAX_SENTENCE_WORDS words."""
    words = list(_WORD.finditer(text, start, end))
    if len(words) <= MAX_SENTENCE_WORDS:
        return [_make(text, start, end)]
    pieces: list[Sentence] = []
    first = 0  # index of the piece's first word
    while len(words) - first > MAX_SENTENCE_WORDS:
        # cut at the last clause break (else space) among the second half of the allowed words
        low = words[first + MAX_SENTENCE_WORDS // 2].start()
        high = words[first + MAX_SENTENCE_WORDS].start()
        breaks = list(_CLAUSE_BREAK.finditer(text, low, high))
        clause = [m for m in breaks if not m.group().isspace()]
        cut = (clause or breaks)[-1].end() if breaks else high
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append(_make(text, start, piece_end))
        start = cut
        first = bisect_left(words, cut, key=lambda m: m.start())
    pieces.append(_make(text, start, end))
    return [p for p in pieces if p.text.strip()]


def _sentence_starts(line: str) -> list[int]:
    """Where each of blingfire's sentences starts in `line`.

    blingfire's own offsets drift on some characters (no-break spaces), so each sentence is
    found again in the line by its first words, moving forward only.
    """
    pieces = [p for p in blingfire.text_to_sentences(line).split("\n") if p.strip()]
    starts: list[int] = []
    pos = 0
    previous = ""
    for piece in pieces:
        head = piece.strip()[:12]
        # near where the previous one ended (blingfire drops a few spaces between sentences):
        # a search to the end of the line for every sentence blingfire changed would be
        # quadratic on one long line
        found = line.find(head, pos, pos + len(head) + _SEARCH_AHEAD)
        if found < 0:
            continue
        # "Am 4. Mai 2003": a day number with its full stop does not end a sentence
        if not _DAY_STOP.search(previous):
            starts.append(found)
        # blingfire only ever drops characters (collapsed spaces), so the next sentence starts no
        # earlier than this one's length on: searching from there never finds an earlier copy
        pos = found + max(1, len(piece.strip()) - 2)
        previous = piece.strip()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    # "... were killed. 35 people were injured.": a sentence may open with a figure
    extra = [m.end() for m in _FIGURE_OPENS.finditer(line)]
    return sorted(set(starts) | set(extra))


def _make(text: str, start: int, end: int) -> Sentence:
    chunk = text[start:end]
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _WORD.finditer(chunk):
        words.append(fold_word(m.group()))
        spans.append((start + m.start(), start + m.end()))
    return Sentence(start, end, chunk, words, spans)
