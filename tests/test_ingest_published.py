"""When a page was published, read from its metadata (running counts order reports by it)."""

from __future__ import annotations

from veracity.ingest.html_text import html_published
from veracity.ingest.readers import load_documents

BODY = "<body><p>Gunmen stormed a hotel in Bamako on Friday, killing at least 19 people.</p></body>"


def test_ingest_published_from_article_metadata(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2015-11-21T09:15:00Z">'
        f"<title>Bamako</title></head>{BODY}</html>"
    )
    (doc,) = load_documents([page], frozenset({"en"}))
    assert doc.published == "2015-11-21T09:15:00Z"


def test_ingest_published_from_json_ld_and_time_elements():
    json_ld = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        f'"datePublished": "2015-11-22"}}</script></head>{BODY}</html>'
    )
    assert html_published(json_ld) == "2015-11-22"
    timed = f'<html>{BODY[:-7]}<time datetime="2015-11-23 08:00" pubdate>Monday</time></body></html>'
    assert html_published(timed) == "2015-11-23T08:00"


def test_ingest_published_absent_or_invalid_is_none(tmp_path):
    assert html_published(f"<html>{BODY}</html>") is None
    assert html_published(f'<html><head><meta name="date" content="2015-13-40"></head>{BODY}') is None
    page = tmp_path / "plain.html"
    page.write_text(f"<html>{BODY}</html>")
    (doc,) = load_documents([page], frozenset({"en"}))
    assert doc.published is None
