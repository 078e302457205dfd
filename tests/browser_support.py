"""Headless Debian chromium driven by Playwright, for the browser tests (marker `browser`).

Playwright's own browser download is never used: the tests launch /usr/bin/chromium (installed
by .ci/browser-setup) and skip with the reason when it or Playwright is missing. Each page records
any request that leaves this machine, any script error and any console error, so a test can show
the page is self-contained and quiet.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("VERACITY_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
WIDE = {"width": 1366, "height": 860}
PHONE = {"width": 390, "height": 844}


@dataclass
class Watched:
    page: Any
    outside_requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def screenshot(self, name: str, *, full_page: bool = False) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture(scope="module", name="browser")
def browser_fixture() -> Iterator[Any]:
    """Import this into a test module; tests then ask for `browser`."""
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright is not installed: pip install 'veracity[browser]'")
    if not CHROMIUM.exists():
        pytest.skip(f"chromium is not installed at {CHROMIUM}: run .ci/browser-setup")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "about", "blob") or parts.hostname in (
        "127.0.0.1", "localhost", "::1")


def open_page(browser: Any, viewport: dict[str, int] = WIDE) -> Watched:
    """A fresh page whose requests off this machine are refused and recorded."""
    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    page.set_default_timeout(30_000)
    watched = Watched(page)

    def guard(route: Any) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            watched.outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page.on("pageerror", lambda error: watched.errors.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error"
            and watched.errors.append(f"console: {message.text}"))
    return watched


def pwned(frame: Any) -> str:
    """What `window.__pwned` is in a page or frame: "undefined" unless injected code ran."""
    return str(frame.evaluate("typeof window.__pwned"))
