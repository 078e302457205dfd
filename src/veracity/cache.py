"""A small on-disk cache for data that is slow to build and never changes between runs.

The language model (an LZMA-compressed file) and the city gazetteer (a large JSON) take about a
second each to read; their parsed form loads in milliseconds. The cache lives in
$VERACITY_CACHE_DIR, else $XDG_CACHE_HOME/veracity, else ~/.cache/veracity; VERACITY_CACHE_DIR=off
turns it off. A cache that cannot be read or written is simply rebuilt in memory.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path | None:
    configured = os.environ.get("VERACITY_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "veracity"


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """`build()`'s value, from the cache when an entry for (name, key) is there."""
    folder = cache_dir()
    if folder is None:
        return build()
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    path = folder / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        pass  # ImportError: written by a version of veracity whose modules had other names
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value
