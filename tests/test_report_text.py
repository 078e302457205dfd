"""The text report on a terminal and in a pipe, and the progress bar, which only a terminal gets."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from report_fixture import make_report, make_toll_report
from veracity import pipeline
from veracity.report.text_report import print_text, render_markdown, render_text

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ROOT = Path(__file__).resolve().parents[1]


class _Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _no_colour_settings(monkeypatch):
    # the tests set what they need; the developer's own shell settings must not leak in
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def _undetermined_report() -> dict:
    report = make_report()
    report["events"][0]["record"]["hostages.final"] = {
        "value": None,
        "text": "",
        "confidence": 0.41,
        "status": "undetermined",
        "supported_by": [],
        "alternatives": [
            {"value": 40, "text": "40", "confidence": 0.41, "supported_by": ["alpha_wire"]},
            {"value": 35, "text": "35", "confidence": 0.38, "supported_by": ["gamma_blog"]},
        ],
    }
    return report


def _styled_before(output: str, words: str) -> bool:
    """Whether `words` appear in `output` right after an ANSI style code."""
    return re.search(r"\x1b\[[0-9;]*m" + re.escape(words), output) is not None


def test_text_in_a_pipe_is_plain_and_the_same_as_the_file_report():
    report = make_report()
    piped = io.StringIO()
    print_text(report, piped)
    assert not ANSI.search(piped.getvalue())
    assert piped.getvalue() == render_text(report)


def test_text_on_a_terminal_with_no_color_has_no_ansi_codes(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = _Terminal()
    print_text(make_report(), terminal)
    assert not ANSI.search(terminal.getvalue())
    assert "perpetrator.count" in terminal.getvalue()


def test_text_forced_colour_marks_disputed_fields_and_contradicted_claims(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    forced = io.StringIO()  # not a terminal: FORCE_COLOR alone turns colour on
    print_text(make_report(), forced)
    out = forced.getvalue()
    assert _styled_before(out, "perpetrator.count")  # disputed
    assert not _styled_before(out, "location.city")  # agreed: the name is not marked
    assert _styled_before(out, "hostages.initial = 90")  # a contradicted claim
    assert _styled_before(out, "Contradicted claims (")
    # the words are all there, whatever the colours
    assert ANSI.sub("", out) == render_text(make_report())


def test_text_on_a_terminal_is_coloured():
    terminal = _Terminal()
    print_text(make_report(), terminal)
    assert _styled_before(terminal.getvalue(), "perpetrator.count")


def test_text_undetermined_field_says_so_with_its_candidates():
    text = render_text(_undetermined_report())
    line = next(x for x in text.splitlines() if x.strip().startswith("hostages.final"))
    assert "not determined" in line and "undetermined" in line
    assert "candidates: 40 (alpha_wire); 35 (gamma_blog)" in line
    assert "None" not in line


def test_markdown_undetermined_field_says_so_with_its_candidates():
    md = render_markdown(_undetermined_report())
    row = next(x for x in md.splitlines() if x.startswith("| hostages.final "))
    assert "| not determined |" in row and "| undetermined |" in row
    assert "candidates: 40 (alpha_wire); 35 (gamma_blog)" in row


def test_markdown_report_shows_a_running_counts_history():
    md = render_markdown(make_toll_report())
    row = next(x for x in md.splitlines() if x.startswith("| injured.total "))
    assert "| 12 | 0.74 | resolved | beta_daily |" in row
    assert (
        "- injured.total: ≥4 (2019-03-04, alpha_wire) → 9 (2019-03-07, beta_daily, delta_es) "
        "→ 12 (2019-03-12, beta_daily)"
    ) in md.splitlines()
    # the history follows its event's table, before the sources
    assert md.index("| injured.total ") < md.index("- injured.total: ") < md.index("## Sources")


def test_markdown_report_without_a_history_has_no_history_lines():
    report = make_toll_report()
    del report["events"][0]["record"]["injured.total"]["history"]
    md = render_markdown(report)
    assert "as reported" not in md and "- injured.total" not in md
    assert "| injured.total | 12 | 0.74 | resolved | beta_daily |  |\n\n## Sources\n" in md


def test_text_report_shows_a_running_counts_history():
    lines = render_text(make_toll_report()).splitlines()
    at = next(n for n, x in enumerate(lines) if x.strip().startswith("injured.total"))
    steps = "≥4 (2019-03-04) -> 9 (2019-03-07) -> 12 (2019-03-12)"
    assert lines[at + 1].strip() == f"as reported: {steps}"


def test_cli_text_piped_has_no_ansi_codes(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Gunmen held 12 hostages in the Arnsberg post office on 2 May 2011.\n")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", "from veracity.cli import main; main()", "check", str(tmp_path)],
        capture_output=True, text=True, env=env, check=True,
    )
    assert "hostages.initial" in done.stdout
    assert not ANSI.search(done.stdout) and not ANSI.search(done.stderr)


def test_progress_is_silent_when_stderr_is_not_a_terminal(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with pipeline.Progress(100, "extracting", True) as meter:
        for k in range(1, 101):
            meter.step(k)
    pipeline.Progress.note("finding copies ...", True)
    assert sys.stderr.getvalue() == ""
    assert capsys.readouterr().out == ""


def test_progress_bar_goes_to_a_terminal_stderr_only(monkeypatch, capsys):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with pipeline.Progress(100, "extracting", True) as meter:
        for k in range(1, 101):
            meter.step(k)
    assert "extracting" in terminal.getvalue() and "100/100" in terminal.getvalue()
    assert capsys.readouterr().out == ""


def test_progress_not_asked_for_or_short_shows_nothing(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    for total, enabled in ((100, False), (10, True)):
        with pipeline.Progress(total, "extracting", enabled) as meter:
            meter.step(total)
    assert terminal.getvalue() == ""
