"""The on-disk cache: built once, read back after; off when asked; never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.cache import cached


def test_cache_builds_once_then_reads_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VERACITY_CACHE_DIR", str(tmp_path))
    calls = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"lima": 1}

    assert cached("demo", "v1", build) == {"lima": 1}
    assert cached("demo", "v1", build) == {"lima": 1}
    assert len(calls) == 1
    assert cached("demo", "v2", build) == {"lima": 1}  # another key: built again
    assert len(calls) == 2


def test_cache_off_or_unwritable_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VERACITY_CACHE_DIR", "off")
    assert cached("demo", "v1", lambda: 7) == 7
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("VERACITY_CACHE_DIR", str(blocker / "cache"))
    assert cached("demo", "v1", lambda: 8) == 8


def test_cache_entry_pickled_from_a_moved_module_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import pickle
    import sys
    import types

    monkeypatch.setenv("VERACITY_CACHE_DIR", str(tmp_path))
    gone = types.ModuleType("veracity_module_that_moved")

    class Place:
        pass

    Place.__module__ = gone.__name__
    Place.__qualname__ = "Place"
    gone.Place = Place  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, gone.__name__, gone)
    cached("demo", "v1", lambda: Place())
    monkeypatch.delitem(sys.modules, gone.__name__)
    assert list(tmp_path.glob("demo-*.pickle"))
    with pytest.raises(ImportError):
        pickle.loads(next(tmp_path.glob("demo-*.pickle")).read_bytes())
    assert cached("demo", "v1", lambda: "rebuilt") == "rebuilt"


def test_cache_written_by_a_version_with_other_module_names_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import hashlib

    monkeypatch.setenv("VERACITY_CACHE_DIR", str(tmp_path))
    digest = hashlib.sha256(b"v1").hexdigest()[:16]
    # a pickle naming a class in a module this version does not have (moved since)
    (tmp_path / f"demo-{digest}.pickle").write_bytes(b"cveracity.no_such_module\nThing\n.")
    assert cached("demo", "v1", lambda: 9) == 9
    assert cached("demo", "v1", lambda: 10) == 9  # and written again, readable now
