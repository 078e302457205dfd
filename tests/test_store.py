"""The store: check --db keeps the report; add is idempotent, bounded and all-or-nothing."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import veracity
from veracity.engines.store import FEATURES, Store, add_to_store, check_to_store, report_from_store
from veracity.errors import InputError
from veracity.synth.corpus import generate_corpus

SRC = Path(__file__).resolve().parents[1] / "src"


def _write(path: Path, articles: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A generated feed split in two (the second half adds to events of the first), and the
    store built from the first half."""
    root = tmp_path_factory.mktemp("store")
    articles = [a.to_json() for a in generate_corpus(12, seed=2).articles()]
    half = len(articles) * 2 // 3
    first = _write(root / "first.jsonl", articles[:half])
    second = _write(root / "second.jsonl", articles[half:])
    db = root / "base.duckdb"
    check_to_store([first], db)
    return first, second, db


@pytest.fixture()
def db(feeds: tuple[Path, Path, Path], tmp_path: Path) -> Path:
    copy = tmp_path / "case.duckdb"
    shutil.copy(feeds[2], copy)
    return copy


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    store = Store(db, create=False)
    try:
        return store.snapshot()
    finally:
        store.close()


def test_store_report_equals_report_of_check(feeds: tuple[Path, Path, Path]):
    first, _, db = feeds
    assert report_from_store(db).to_dict() == veracity.check([first]).to_dict()


def test_store_add_puts_new_articles_in_events(db: Path, feeds: tuple[Path, Path, Path]):
    _, second, _ = feeds
    before = _rows(db)
    summary = add_to_store([second], db)
    added = [json.loads(line)["id"] for line in second.read_text().splitlines()]
    assert summary.added == len(added) and summary.skipped == 0
    report = report_from_store(db).to_dict()
    members = {d for e in report["events"] for d in e["documents"]}
    assert set(added) <= members
    assert len(report["documents"]) == len(before["documents"]) + len(added)
    # events the new articles did not touch keep their stored results row for row
    touched = set(summary.events_touched)
    after = _rows(db)
    assert [r for r in before["results"] if r[0] not in touched] == [
        r for r in after["results"] if r[0] not in touched
    ]
    assert touched and all(e in {ev["id"] for ev in report["events"]} for e in touched)


def test_store_add_same_articles_again_changes_nothing(db: Path, feeds: tuple[Path, Path, Path]):
    first, second, _ = feeds
    add_to_store([second], db)
    once = _rows(db)
    summary = add_to_store([first, second], db)
    assert summary.added == 0 and summary.skipped > 0 and summary.events_touched == []
    assert _rows(db) == once


def test_store_add_rolls_back_on_failure(
    db: Path, feeds: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
):
    _, second, _ = feeds
    before = _rows(db)

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("injected failure after the documents were written")

    # documents and claims are in by then; the events are not
    monkeypatch.setattr(Store, "write_events", fail)
    with pytest.raises(RuntimeError, match="injected"):
        add_to_store([second], db)
    assert _rows(db) == before


def test_store_add_killed_halfway_leaves_store_as_before(
    db: Path, feeds: tuple[Path, Path, Path]
):
    _, second, _ = feeds
    before = _rows(db)
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(SRC)!r})
        from veracity.engines.store import Store, add_to_store
        original = Store.write_lineage
        def slow(self, links):
            original(self, links)
            print("writing", flush=True)
            time.sleep(120)
        Store.write_lineage = slow
        add_to_store([{str(second)!r}], {str(db)!r})
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "writing"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert _rows(db) == before


def test_store_add_same_id_other_text_is_input_error(db: Path, feeds: tuple[Path, Path, Path],
                                                      tmp_path: Path):
    first, _, _ = feeds
    stored = json.loads(first.read_text().splitlines()[0])
    stored["text"] = stored["text"] + " A later correction changed this line."
    with pytest.raises(InputError, match="stored already"):
        add_to_store([_write(tmp_path / "changed.jsonl", [stored])], db)


def test_store_report_of_missing_store_is_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="no such store"):
        report_from_store(tmp_path / "none.duckdb")


def test_store_add_recomputes_keys_of_a_store_written_with_older_features(
    db: Path, feeds: tuple[Path, Path, Path]
):
    _, second, _ = feeds
    current = _rows(db)["document_keys"]
    store = Store(db, create=False)
    try:
        # a store as an earlier version wrote it: other keys, no features entry
        store.con.execute("DELETE FROM document_keys WHERE key % 2 = 0")
        store.con.execute("DELETE FROM meta WHERE key = 'features'")
    finally:
        store.close()
    add_to_store([second], db)
    after = _rows(db)
    assert set(current) <= set(after["document_keys"])
    assert ("features", FEATURES) in after["meta"]


def test_store_report_keeps_each_claims_extraction_confidence(tmp_path):
    seeds = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present")
    direct = veracity.check([seeds])
    check_to_store([seeds], tmp_path / "case.duckdb")
    stored = report_from_store(tmp_path / "case.duckdb")
    assert {c.id: c.confidence for c in stored.claims} == {c.id: c.confidence for c in direct.claims}
    assert any(c.confidence < 1.0 for c in stored.claims)
