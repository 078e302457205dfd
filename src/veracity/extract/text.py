"""Sentences and word tokens with character offsets into the document text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import blingfire

from veracity.extract.lexicon import fold_word

# letters and digits apart: infobox labels run into their values ("Deaths17", "Injured8")
_WORD = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    words: list[str]  # folded word tokens
    spans: list[tuple[int, int]]  # absolute offsets of each word token

    def word_index_at(self, offset: int) -> int:
        """Index of the first word starting at or after an absolute offset."""
        for i, (s, _e) in enumerate(self.spans):
            if s >= offset:
                return i
        return len(self.spans)

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
        _, offsets = blingfire.text_to_sentences_and_offsets(line_text)
        if not offsets:
            offsets = [(0, len(line_text))]
        # blingfire offsets are byte offsets into UTF-8; map them to characters
        encoded = line_text.encode("utf-8")
        for b_start, b_end in offsets:
            c_start = len(encoded[:b_start].decode("utf-8", errors="ignore"))
            c_end = len(encoded[:b_end].decode("utf-8", errors="ignore"))
            start = line.start() + c_start
            end = line.start() + c_end
            chunk = text[start:end]
            if chunk.strip():
                sentences.append(_make(text, start, end))
    return sentences


def _make(text: str, start: int, end: int) -> Sentence:
    chunk = text[start:end]
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _WORD.finditer(chunk):
        words.append(fold_word(m.group()))
        spans.append((start + m.start(), start + m.end()))
    return Sentence(start, end, chunk, words, spans)
