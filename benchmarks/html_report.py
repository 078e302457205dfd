"""Speed and size of the HTML report: render time, file size and page load in chromium.

    python benchmarks/html_report.py [--documents 10 50 200] [--no-browser]

For each size, generates a corpus of invented events (`veracity.synth.corpus`), reconciles it with
`veracity.check`, then times `render_html` alone (best of 3), and prints the file size and claim
count. Unless --no-browser, also loads each file in headless Debian chromium and prints the time
to the load event and the time to follow the first record value to its sentences.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def make_report(n_docs: int, folder: Path) -> tuple[dict[str, object], dict[str, str]]:
    import veracity
    from veracity.synth.corpus import generate_corpus

    corpus = generate_corpus(n_events=max(1, n_docs // 8), docs_per_event=(6, 10), seed=11)
    path = folder / f"corpus-{n_docs}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for written, article in enumerate(corpus.articles()):
            if written == n_docs:
                break
            out.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
    report = veracity.check([path])
    return report.to_dict(), {d.id: d.text for d in report.documents}


def render_seconds(report: dict[str, object], texts: dict[str, str]) -> tuple[float, str]:
    from veracity.report.html import render_html

    best, page = float("inf"), ""
    for _ in range(3):
        started = time.perf_counter()
        page = render_html(report, texts)
        best = min(best, time.perf_counter() - started)
    return best, page


def browser_seconds(browser: object, path: Path) -> tuple[float, float]:
    page = browser.new_page(viewport={"width": 1366, "height": 860})  # type: ignore[attr-defined]
    started = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load", timeout=120_000)
    loaded = time.perf_counter() - started
    button = page.locator("button.val").first
    started = time.perf_counter()
    button.click()
    page.wait_for_selector(".sent.lit", timeout=60_000)
    followed = time.perf_counter() - started
    page.close()
    return loaded, followed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = []
        for n_docs in args.documents:
            report, texts = make_report(n_docs, folder)
            seconds, page = render_seconds(report, texts)
            path = folder / f"report-{n_docs}.html"
            path.write_text(page, encoding="utf-8")
            rows.append((n_docs, len(report["claims"]), seconds, len(page.encode()), path))  # type: ignore[arg-type]
        timings: dict[int, tuple[float, float]] = {}
        if not args.no_browser:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                     args=CHROMIUM_ARGS)
                for n_docs, *_, path in rows:
                    timings[n_docs] = browser_seconds(browser, path)
                browser.close()
        print("documents  claims  render s  size MB  load s  click-to-lit s")
        for n_docs, claims, seconds, size, _ in rows:
            load, follow = timings.get(n_docs, (float("nan"), float("nan")))
            print(f"{n_docs:9d} {claims:7d} {seconds:9.3f} {size / 1e6:8.2f} {load:7.2f} {follow:9.3f}")


if __name__ == "__main__":
    main()
