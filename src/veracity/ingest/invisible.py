"""Invisible format characters that only get in the way of reading the text.

A zero-width space inside "1​000" splits one number into two, a soft hyphen inside "hos­tages"
hides the word, and bidirectional overrides can make displayed text differ from the stored text.
They carry no meaning in running prose, so ingest removes them and claim offsets point into the
text without them. Joiners (U+200C, U+200D) are kept: Persian, Indic scripts and emoji need them.
"""

from __future__ import annotations

import re

_INVISIBLE = re.compile(
    "["
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200b"  # zero-width space
    "\u200e\u200f"  # left-to-right / right-to-left marks
    "\u202a-\u202e"  # bidirectional embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u2069"  # bidirectional isolates
    "\ufeff"  # byte-order mark / zero-width no-break space
    "]"
)


def strip_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)
