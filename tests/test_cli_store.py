"""`check --db`, `add --db` and `report --db` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from veracity.cli import app
from veracity.synth.corpus import generate_corpus


def test_cli_store_report_prints_what_check_printed(tmp_path: Path):
    articles = [a.to_json() for a in generate_corpus(4, docs_per_event=(2, 4), seed=21).articles()]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in articles[:-2]), encoding="utf-8")
    more = tmp_path / "more.jsonl"
    more.write_text("".join(json.dumps(a) + "\n" for a in articles[-2:]), encoding="utf-8")
    db = str(tmp_path / "case.duckdb")
    runner = CliRunner()
    checked = runner.invoke(app, ["check", str(feed), "--db", db, "--format", "json"])
    assert checked.exit_code == 0, checked.output
    reported = runner.invoke(app, ["report", "--db", db, "--format", "json"])
    assert reported.exit_code == 0 and json.loads(reported.stdout) == json.loads(checked.stdout)
    added = runner.invoke(app, ["add", str(more), "--db", db])
    assert added.exit_code == 0 and "added 2 article(s)" in added.output
    after = json.loads(runner.invoke(app, ["report", "--db", db, "--format", "json"]).stdout)
    assert {d["id"] for d in after["documents"]} == {a["id"] for a in articles}
