"""Bad input: exit 2 and one line naming the file (and line); never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from veracity.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for needle in needles:
        assert needle in lines[0]
    assert result.stdout == ""


def test_cli_missing_path_exits_2(tmp_path: Path):
    _assert_one_line_error(_run("check", str(tmp_path / "nope")), "nope", "no such file")


def test_cli_empty_folder_exits_2(tmp_path: Path):
    _assert_one_line_error(_run("check", str(tmp_path)), str(tmp_path))


def test_cli_binary_file_exits_2(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"\x00\x01\x02binary")
    _assert_one_line_error(_run("check", str(f)), "a.txt", "binary")


def test_cli_non_utf8_file_names_the_line(tmp_path: Path):
    f = tmp_path / "latin.txt"
    f.write_bytes("first line\nsecond caf\xe9\n".encode("latin-1"))
    _assert_one_line_error(_run("check", str(f)), "latin.txt:2", "UTF-8")


def test_cli_empty_document_exits_2(tmp_path: Path):
    f = tmp_path / "empty.md"
    f.write_text("   \n\n")
    _assert_one_line_error(_run("check", str(f)), "empty.md", "empty")


def test_cli_malformed_jsonl_line_names_the_line(tmp_path: Path):
    f = tmp_path / "docs.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "Ten hostages were freed."}) + "\n{not json\n")
    _assert_one_line_error(_run("check", str(f)), "docs.jsonl:2", "malformed JSON")


def test_cli_unknown_resolver_exits_2(shared: Path):
    _assert_one_line_error(_run("check", str(shared / "seeds"), "--resolver", "nope"), "nope")


@pytest.mark.parametrize("fmt", ["json", "md", "text"])
def test_cli_formats_write_to_stdout_and_progress_never_does(shared: Path, fmt: str):
    result = _run("check", str(shared / "seeds"), "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["format"] == "veracity.report/1"
        assert {"documents", "lineage", "events", "claims"} <= set(data)
    else:
        assert "Lima" in result.stdout


def test_cli_output_file_is_written_atomically(shared: Path, tmp_path: Path):
    out = tmp_path / "report.json"
    out.write_text("previous")
    result = _run("check", str(shared / "seeds"), "--format", "json", "--output", str(out))
    assert result.returncode == 0
    assert json.loads(out.read_text())["profile"] == "attack"
    bad = _run("check", str(tmp_path / "missing"), "--format", "json", "--output", str(out))
    assert bad.returncode == 2
    assert json.loads(out.read_text())["profile"] == "attack"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_ingest_html_offsets_point_into_the_text_read(tmp_path: Path):
    import veracity

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Siege</title><script>var x = 1;</script></head><body>"
        "<h1>Siege at the harbour</h1><p>Gunmen held <b>forty</b> hostages for 3 days.</p>"
        "<p>On 2 March 2011 all hostages were rescued.</p></body></html>"
    )
    other = tmp_path / "other.txt"
    other.write_text("On 2 March 2011 police ended the siege; forty hostages had been held.")
    report = veracity.check([page, other])
    doc = next(d for d in report.documents if d.id == "page")
    assert "var x" not in doc.text and doc.title == "Siege"
    claims = [c for c in report.claims if c.document == "page"]
    assert claims and all(doc.text[c.start : c.end] == c.text for c in claims)
    assert any(c.attribute == "hostages.initial" and c.value.to_json() == 40 for c in claims)
