"""The web app in headless chromium: paste and drop articles, see the report, click through."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from browser_support import (  # noqa: F401 (browser_fixture provides `browser`)
    PHONE,
    WIDE,
    Watched,
    browser_fixture,
    open_page,
    pwned,
)
from server_support import (
    SEEDS,
    require_pipeline,
    running_server,
)
from toy_pipeline import toy_analyse
from veracity.web.app import create_app
from veracity.web.uploads import Limits

pytestmark = pytest.mark.browser

ARTICLE_A = ("Rangers found 12 hikers near the ridge on Sunday. The storm had lasted 3 days, "
             "and 2 helicopters joined the search.")
ARTICLE_B = "Officials said 12 hikers were rescued after 4 days in the snow, with 2 helicopters."
HOSTILE = ("Volunteers counted 12 hikers. <script>window.__pwned=1</script>\n"
           '<img src=x onerror="window.__pwned=1"> <a href="javascript:window.__pwned=1">x</a>')


def _report_frame(watched: Watched) -> Any:
    """The report inside the app page, once its record is on screen."""
    page = watched.page
    page.wait_for_selector("#result:not([hidden]) iframe#report")
    frame_locator = page.frame_locator("iframe#report")
    frame_locator.locator("table.record").wait_for()
    frame = next(f for f in page.frames if "/cases/" in f.url)
    return frame


def _submit(watched: Watched, pasted: str = "", files: list[tuple[str, str]] = ()) -> Any:
    page = watched.page
    if files:
        page.set_input_files("#files", [
            {"name": name, "mimeType": "text/plain", "buffer": text.encode()}
            for name, text in files])
        _wait_for_chosen(page, len(files))
    if pasted:
        page.fill("#paste", pasted)
    page.click("#check")
    return _report_frame(watched)


def _follow(frame: Any, attribute: str) -> str:
    row = frame.locator(f'table.record tr[data-attribute="{attribute}"]')
    row.locator("button.val").first.click()
    frame.wait_for_selector(".sent.lit")
    # The report scrolls (smoothly) to the first sentence: wait until it is on screen.
    frame.wait_for_function(
        """() => { const m = document.querySelector('.docs mark.focus');
                   const r = m.getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= window.innerHeight; }""")
    return str(frame.locator(".sent.lit").first.inner_text())


@pytest.fixture()
def app_url(tmp_path: Path):  # type: ignore[no-untyped-def]
    limits = Limits(max_documents=4, max_document_bytes=5_000, max_request_bytes=50_000)
    with running_server(create_app(tmp_path / "app.duckdb", analyse=toy_analyse,
                                   limits=limits)) as url:
        yield url


def test_browser_app_pasted_and_dropped_articles_give_a_report(
        browser: Any, app_url: str) -> None:
    watched = open_page(browser, WIDE)
    watched.page.goto(app_url)
    watched.screenshot("app-empty-wide")
    frame = _submit(watched, pasted=ARTICLE_B, files=[("ridge notes.txt", ARTICLE_A)])
    assert frame.locator("article.doc").count() == 2
    assert frame.locator('article.doc[data-doc="ridge_notes"]').count() == 1
    assert frame.locator('article.doc[data-doc="pasted-1"]').count() == 1
    sentence = _follow(frame, "other.hikers")
    assert "12 hikers" in sentence
    assert frame.locator(".sent.lit").count() == 2
    assert watched.page.locator("#case-list li").count() == 1
    watched.screenshot("app-report-wide")
    assert watched.outside_requests == [] and watched.errors == []


def test_browser_app_works_on_a_phone(browser: Any, app_url: str) -> None:
    watched = open_page(browser, PHONE)
    watched.page.goto(app_url)
    overflow = watched.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    watched.screenshot("app-empty-phone")
    # A real drop: the files arrive through a DataTransfer, as from a file manager.
    watched.page.evaluate(
        """([a, b]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([a], "a.txt", {type: "text/plain"}));
            transfer.items.add(new File([b], "b.md", {type: "text/markdown"}));
            const zone = document.getElementById("drop");
            zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer, bubbles: true,
                                                          cancelable: true}));
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true,
                                                      cancelable: true}));
        }""", [ARTICLE_A, ARTICLE_B])
    _wait_for_chosen(watched.page, 2)
    frame = _submit(watched)
    assert "12 hikers" in _follow(frame, "other.hikers")
    watched.screenshot("app-report-phone")
    assert watched.errors == []


def test_browser_app_runs_nothing_from_a_hostile_document(browser: Any, app_url: str) -> None:
    watched = open_page(browser, WIDE)
    page = watched.page
    page.goto(app_url)
    frame = _submit(watched, pasted=HOSTILE,
                    files=[('<img src=x onerror="window.__pwned=1">.txt', ARTICLE_A)])
    assert pwned(page) == "undefined" and pwned(frame) == "undefined"
    assert page.locator("#case-list img, #chosen img").count() == 0
    assert frame.locator(".docs img, .docs script, .docs a[href^='javascript']").count() == 0
    for button in frame.locator("button.val").all():
        button.click()
    for mark in frame.locator("mark.claim").all():
        mark.click()
    page.locator("#case-list button").first.click()
    frame = _report_frame(watched)
    assert pwned(page) == "undefined" and pwned(frame) == "undefined"
    assert "<script>window.__pwned=1</script>" in frame.locator(".docs").inner_text()
    watched.screenshot("app-hostile")
    assert watched.outside_requests == []


def test_browser_app_says_clearly_what_is_over_the_limits(browser: Any, app_url: str) -> None:
    watched = open_page(browser, WIDE)
    page = watched.page
    page.goto(app_url)
    page.set_input_files("#files", [
        {"name": "huge.txt", "mimeType": "text/plain", "buffer": b"x " * 4_000},
        {"name": "photo.png", "mimeType": "image/png", "buffer": b"\x89PNG"}])
    page.wait_for_selector("#status.error")
    assert page.locator("#chosen li").count() == 0
    page.click("#check")
    assert "at least one document" in page.locator("#status").inner_text()
    page.set_input_files("#files", [
        {"name": f"n{n}.txt", "mimeType": "text/plain", "buffer": b"3 owls"} for n in range(5)])
    page.locator("#status", has_text="At most 4").wait_for()
    assert page.locator("#chosen li").count() == 4
    watched.screenshot("app-limits")


def test_browser_app_keeps_cases_across_a_restart(browser: Any, tmp_path: Path) -> None:
    database = tmp_path / "kept.duckdb"
    with running_server(create_app(database, analyse=toy_analyse)) as url:
        watched = open_page(browser, WIDE)
        watched.page.goto(url)
        watched.page.fill("#title", "Ridge search")
        _submit(watched, pasted=ARTICLE_A)
    with running_server(create_app(database, analyse=toy_analyse)) as url:
        watched = open_page(browser, WIDE)
        watched.page.goto(url)
        entry = watched.page.locator("#case-list button", has_text="Ridge search")
        entry.click()
        frame = _report_frame(watched)
        assert "12 hikers" in _follow(frame, "other.hikers")


def test_browser_app_checks_the_seeds_with_the_pipeline(browser: Any, tmp_path: Path) -> None:
    require_pipeline("check_texts")
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds are not at {SEEDS}")
    with running_server(create_app(tmp_path / "seeds.duckdb")) as url:
        for name, viewport in (("wide", WIDE), ("phone", PHONE)):
            watched = open_page(browser, viewport)
            watched.page.goto(url)
            watched.page.set_input_files("#files", [str(p) for p in sorted(SEEDS.glob("*.txt"))])
            _wait_for_chosen(watched.page, 5)
            watched.page.click("#check")
            frame = _report_frame(watched)
            assert frame.locator("article.doc").count() == 5
            first = frame.locator("table.record tbody tr").first.get_attribute("data-attribute")
            assert _follow(frame, first)
            watched.screenshot(f"app-seeds-{name}")
            assert watched.outside_requests == [] and watched.errors == []


def _wait_for_chosen(page, n: int) -> None:
    """Wait until n files are listed. A locator wait, not wait_for_function: the page's CSP forbids
    eval, which Playwright's polling of a string predicate needs when the wait is not over at once."""
    page.locator("#chosen li").nth(n - 1).wait_for()
    assert page.locator("#chosen li").count() == n
