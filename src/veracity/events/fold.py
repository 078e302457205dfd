"""Text folded to plain ASCII (accents dropped, Cyrillic transliterated), so that features and
place names written in any script meet."""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "ђ": "dj",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "ј": "j",
    "к": "k",
    "л": "l",
    "љ": "lj",
    "м": "m",
    "н": "n",
    "њ": "nj",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "ћ": "c",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "ch",
    "џ": "dz",
    "ш": "sh",
    "щ": "sch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
_TRANSLITERATE = str.maketrans(
    {
        **{ord(k): v for k, v in _CYRILLIC.items()},
        **{ord(k.upper()): v.capitalize() for k, v in _CYRILLIC.items() if k.upper() != k},
    }
)
_HAS_CYRILLIC = re.compile("[\u0400-\u04ff]")


def ascii_fold(text: str) -> str:
    """Text with accents removed and Cyrillic transliterated; other scripts drop out."""
    if _HAS_CYRILLIC.search(text):
        text = text.translate(_TRANSLITERATE)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")

