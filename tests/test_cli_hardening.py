"""Every input problem exits 2 with one line naming the file; a bug exits 1 and asks for a report;
a failed run never leaves a half-written report or clobbers the previous one."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from veracity import cli
from veracity.ingest import readers as ingest

ARTICLE = (
    "On 4 March 2019 armed men stormed the Veldmark town hall, taking 40 people hostage.\n\n"
    "After three days, officers ended the siege; two hostages died."
)
OTHER = "Forty hostages were held by attackers in Veldmark from 4 March 2019; two were killed."


def _run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["veracity", *args])
    code = 0
    try:
        cli.main()
    except SystemExit as done:
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _input_problem(monkeypatch, capsys, *args: str, needles: tuple[str, ...] = ()) -> str:
    code, out, err = _run(monkeypatch, capsys, *args)
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("veracity: error: "), err
    assert "Traceback" not in err and out == ""
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "b.txt").write_text(OTHER)
    return folder


def test_cli_hardening_succeeds_on_good_input(monkeypatch, capsys, corpus: Path):
    code, out, _ = _run(monkeypatch, capsys, "check", str(corpus), "--format", "json")
    assert code == 0 and json.loads(out)["format"] == "veracity.report/1"


def test_cli_hardening_folder_that_cannot_be_listed(monkeypatch, capsys, corpus: Path):
    listing = Path.iterdir

    def refuse(self):
        if self == corpus:
            raise PermissionError(13, "Permission denied", str(self))
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    _input_problem(monkeypatch, capsys, "check", str(corpus), needles=(str(corpus), "permission"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file regardless of permissions")
def test_cli_hardening_unreadable_file_for_real(monkeypatch, capsys, corpus: Path):
    (corpus / "a.txt").chmod(0)
    _input_problem(monkeypatch, capsys, "check", str(corpus), needles=("a.txt", "permission"))


def test_cli_hardening_unreadable_file(monkeypatch, capsys, corpus: Path):
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    _input_problem(monkeypatch, capsys, "check", str(corpus), needles=("a.txt", "permission"))


def test_cli_hardening_symlink_loop(monkeypatch, capsys, corpus: Path):
    (corpus / "loop.txt").symlink_to(corpus / "loop2.txt")
    (corpus / "loop2.txt").symlink_to(corpus / "loop.txt")
    _input_problem(monkeypatch, capsys, "check", str(corpus), needles=("loop", "link loop"))
    _input_problem(
        monkeypatch, capsys, "check", str(corpus / "loop.txt"), needles=("loop.txt", "link loop")
    )


def test_cli_hardening_broken_symlink_in_a_folder(monkeypatch, capsys, corpus: Path):
    (corpus / "gone.txt").symlink_to(corpus / "missing.txt")
    _input_problem(monkeypatch, capsys, "check", str(corpus), needles=("gone.txt", "broken"))


def test_cli_hardening_file_removed_during_the_run(monkeypatch, capsys, corpus: Path):
    listed = ingest._expand

    def list_then_remove(paths):
        files = list(listed(paths))
        files[0].unlink()  # another process deletes it between listing and reading
        return iter(files)

    monkeypatch.setattr(ingest, "_expand", list_then_remove)
    _input_problem(monkeypatch, capsys, "check", str(corpus), needles=("a.txt", "cannot read"))


def test_cli_hardening_fifo_is_refused_not_waited_on(monkeypatch, capsys, tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _input_problem(monkeypatch, capsys, "check", str(fifo), needles=("pipe.txt", "regular"))


def test_cli_hardening_file_name_with_a_line_break_stays_one_line(
    monkeypatch, capsys, tmp_path: Path
):
    odd = tmp_path / "two\nlines.txt"
    odd.write_text("")
    _input_problem(monkeypatch, capsys, "check", str(odd), needles=("two\\nlines.txt",))


def test_cli_hardening_output_path_is_a_folder(monkeypatch, capsys, corpus: Path, tmp_path: Path):
    _input_problem(
        monkeypatch, capsys, "check", str(corpus), "-o", str(tmp_path), needles=("folder",)
    )


def test_cli_hardening_output_folder_missing(monkeypatch, capsys, corpus: Path, tmp_path: Path):
    out = tmp_path / "nowhere" / "report.json"
    _input_problem(
        monkeypatch, capsys, "check", str(corpus), "-o", str(out), needles=("does not exist",)
    )


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--format", "xml"), "--format"),
        (("--profile", "nope"), "unknown profile"),
        (("--resolver", "nope"), "unknown resolver"),
        (("--no-such-option",), "No such option"),
        (("-o",), "requires an argument"),
    ],
)
def test_cli_hardening_bad_options(monkeypatch, capsys, corpus: Path, args, needle: str):
    _input_problem(monkeypatch, capsys, "check", str(corpus), *args, needles=(needle,))


def test_cli_hardening_missing_argument(monkeypatch, capsys):
    _input_problem(monkeypatch, capsys, "check", needles=("Missing argument",))


def test_cli_hardening_a_bug_exits_1_and_asks_to_be_reported(monkeypatch, capsys, corpus: Path):
    import veracity.pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(veracity.pipeline, "check_documents", broken)
    code, out, err = _run(monkeypatch, capsys, "check", str(corpus))
    assert code == 1 and out == ""
    assert "injected failure" in err and "This is a bug; please report it" in err
    assert "Traceback" not in err


def test_cli_hardening_failed_write_keeps_the_previous_report(
    monkeypatch, capsys, corpus: Path, tmp_path: Path
):
    out = tmp_path / "report.json"
    out.write_text("previous report")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    _input_problem(
        monkeypatch,
        capsys,
        "check",
        str(corpus),
        "-f",
        "json",
        "-o",
        str(out),
        needles=("report.json", "no space left"),
    )
    assert out.read_text() == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "report.json"]


def test_cli_hardening_bug_while_rendering_keeps_the_previous_report(
    monkeypatch, capsys, corpus: Path, tmp_path: Path
):
    import veracity.report.text_report

    out = tmp_path / "report.txt"
    out.write_text("previous report")

    def broken(data):
        raise ValueError("renderer exploded")

    monkeypatch.setattr(veracity.report.text_report, "render_text", broken)
    code, _, err = _run(monkeypatch, capsys, "check", str(corpus), "-o", str(out))
    assert code == 1 and "please report" in err
    assert out.read_text() == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "report.txt"]


def test_cli_hardening_interrupted_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch):
    from veracity.output import write_atomic

    out = tmp_path / "report.json"
    out.write_text("previous report")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(out, "new report")
    assert out.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
