"""The HTML report file in headless chromium: record, click-through, phone layout, injection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser_support import (  # noqa: F401 (browser_fixture provides `browser`)
    PHONE,
    WIDE,
    Watched,
    browser_fixture,
    open_page,
    pwned,
)
from report_fixture import make_report, make_texts
from server_support import SEEDS, require_pipeline
from veracity.report.html import render_html, render_report

pytestmark = pytest.mark.browser

HOSTILE = (
    "Scouts counted 12 climbers on the ridge. <script>window.__pwned=1</script>\n"
    'A photo showed <img src=x onerror="window.__pwned=1"> and a link '
    '<a href="javascript:window.__pwned=1">x</a> in the caption.'
)


def _write(tmp_path: Path, report: dict[str, Any], texts: dict[str, str]) -> str:
    path = tmp_path / "report.html"
    path.write_text(render_html(report, texts), encoding="utf-8")
    return path.as_uri()


def _record_row(watched: Watched, attribute: str) -> Any:
    return watched.page.locator(f'table.record tr[data-attribute="{attribute}"]')


def _follow_value(watched: Watched, button: Any) -> list[str]:
    """Click a record value; the ids of the sentences it lit, checked to be on screen."""
    page = watched.page
    button.click()
    page.wait_for_selector("#trail:not([hidden])")
    # a locator wait: the report's CSP forbids the eval a polled string predicate would need
    page.locator(".sent.lit").first.wait_for()
    first = page.locator(".docs mark.focus").first
    first.wait_for(state="visible")
    page.wait_for_function(
        """() => { const m = document.querySelector('.docs mark.focus');
                   const r = m.getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= window.innerHeight; }""")
    return [str(i) for i in page.eval_on_selector_all(".sent.lit", "els => els.map(e => e.id)")]


def test_browser_report_shows_the_record_and_follows_a_value(browser: Any, tmp_path: Path) -> None:
    report, texts = make_report(), make_texts()
    watched = open_page(browser, WIDE)
    watched.page.goto(_write(tmp_path, report, texts))
    rows = watched.page.locator("table.record tbody tr")
    assert rows.count() == len(report["events"][0]["record"])
    row = _record_row(watched, "hostages.initial")
    assert row.locator("button.val").first.inner_text() == "214"
    assert row.locator(".badge").inner_text() == "resolved"

    watched.screenshot("report-fixture-wide")
    lit = _follow_value(watched, row.locator("button.val").first)
    assert len(lit) == 3  # one sentence in each supporting document
    assert watched.page.locator("#trail-list li").count() == 3
    sentence = watched.page.locator(".sent.lit").first
    assert "214" in sentence.inner_text()
    assert watched.page.locator(".docs mark.focus").first.inner_text() == "214"
    watched.screenshot("report-fixture-wide-followed")

    # A rival value leads to the sentence of the document that stated it.
    lit = _follow_value(watched, row.locator("button.val.rival"))
    assert len(lit) == 1 and "90" in watched.page.locator(".sent.lit").inner_text()
    assert watched.outside_requests == [] and watched.errors == []


def test_browser_report_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    watched = open_page(browser, PHONE)
    watched.page.goto(_write(tmp_path, make_report(), make_texts()))
    overflow = watched.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a phone"
    watched.screenshot("report-fixture-phone")
    row = _record_row(watched, "perpetrator.count")
    lit = _follow_value(watched, row.locator("button.val").first)
    assert len(lit) == 1 and "7" in watched.page.locator(".docs mark.focus").inner_text()
    watched.screenshot("report-fixture-phone-followed")
    assert watched.errors == []


def test_browser_report_runs_nothing_from_a_hostile_document(
        browser: Any, tmp_path: Path) -> None:
    report, texts = make_report(), make_texts()
    start = HOSTILE.index("12 climbers")
    report["documents"].append({"id": "hostile", "title": '<img src=x onerror="window.__pwned=1">'})
    report["claims"].append({
        "id": "c77", "document": "hostile", "event": "e1", "attribute": "other.climbers",
        "value": 12, "text": "12 climbers", "quote": "<script>window.__pwned=1</script>",
        "start": start, "end": start + len("12 climbers"), "verdict": "uncorroborated"})
    report["events"][0]["record"]["other.climbers"] = {
        "value": 12, "text": '<img src=x onerror="window.__pwned=1">', "confidence": 0.5,
        "status": "single-source", "supported_by": ["hostile"], "alternatives": []}
    texts["hostile"] = HOSTILE
    watched = open_page(browser, WIDE)
    page = watched.page
    page.goto(_write(tmp_path, report, texts))
    assert pwned(page) == "undefined"
    hostile = page.locator('article.doc[data-doc="hostile"]')
    assert hostile.locator("img, script, a").count() == 0
    assert "<script>window.__pwned=1</script>" in hostile.locator(".text").inner_text()
    for button in page.locator("button.val").all():
        button.click()
    for link in page.locator("#trail-list a, #conflicts a.jump").all():
        link.click()
    hostile.locator("mark.claim").click()
    assert pwned(page) == "undefined"
    # A long hostile value wraps instead of widening its pane.
    assert page.evaluate("[...document.querySelectorAll('.pane')]"
                         ".every(p => p.scrollWidth <= p.clientWidth)")
    watched.screenshot("report-hostile")
    assert watched.outside_requests == []


def test_browser_report_of_the_seeds(browser: Any, tmp_path: Path) -> None:
    check = require_pipeline("check")
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds are not at {SEEDS}")
    report = check(sorted(SEEDS.glob("*.txt")))
    path = tmp_path / "seeds.html"
    path.write_text(render_report(report), encoding="utf-8")
    contract = report.to_dict()
    record = contract["events"][0]["record"]
    assert record, "the pipeline reconciled no attribute of the seeds"

    for name, viewport in (("wide", WIDE), ("phone", PHONE)):
        watched = open_page(browser, viewport)
        watched.page.goto(path.as_uri())
        assert watched.page.locator("table.record tbody tr").count() == sum(
            len(e["record"]) for e in contract["events"])
        assert watched.page.locator("article.doc").count() == len(contract["documents"])
        watched.screenshot(f"report-seeds-{name}")
        attribute = next((a for a in ("hostages.initial", "event.start_date") if a in record),
                         next(iter(record)))
        row = _record_row(watched, attribute)
        lit = _follow_value(watched, row.locator("button.val").first)
        assert lit, f"clicking {attribute} lit no sentence"
        watched.screenshot(f"report-seeds-{name}-followed")
        assert watched.outside_requests == [] and watched.errors == []
