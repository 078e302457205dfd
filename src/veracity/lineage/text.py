"""Text normalisation shared by the lineage signals: folding, word tokens, sentence starts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A number with optional separators ("1,000", "5.3", "15.30", "3:30"), a word (letters with inner
# apostrophes or hyphens), or a sentence-ending mark / line break.
TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[.!?;\n]")
WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_SENTENCE_END = frozenset(".!?;\n")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents: "Túpac" and "tupac" are one word."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_sentence_end(token: str) -> bool:
    return token in _SENTENCE_END


def words(text: str) -> list[str]:
    """The words and digit runs of `text` as written, one per `word_tokens` token."""
    return WORD.findall(text)


def word_tokens(text: str) -> list[str]:
    """Folded words with every digit run masked to "0".

    Masking digits keeps the shingles of a copy whose numbers were edited ("335 dead" against
    "394 dead") identical to its original's: the edit is a conflict between them, not a sign that
    the texts are unrelated.
    """
    return masked(words(text))


def masked(raw: list[str]) -> list[str]:
    """`words` folded, digit runs masked to "0" (see `word_tokens`)."""
    return ["0" if token[0].isdigit() else fold(token) for token in raw]
