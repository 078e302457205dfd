"""HTML to plain text with paragraph breaks; the text returned is what claim offsets point into."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "iframe",
    "object",
    "form",
    "nav",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "caption",
    "address",
    "details",
    "summary",
}
_SPACES = re.compile(r"[ \t\u00a0]+")
_BREAKS = re.compile(r"\n\s*\n\s*(\n\s*)*")


def html_to_text(html: str) -> tuple[str, str]:
    """(title, text) of an HTML page: scripts and styles dropped, blocks separated by blank lines."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node is not None else ""
    root = tree.body or tree.root
    parts: list[str] = []
    if root is not None:
        _walk(root, parts, depth=0)
    text = "".join(parts)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _BREAKS.sub("\n\n", "\n".join(lines)).strip()
    if not title:
        h1 = tree.css_first("h1")
        title = h1.text(strip=True) if h1 is not None else ""
    return title, text


def _walk(node: LexborNode, parts: list[str], depth: int) -> None:
    # Iterative over siblings, recursive over depth with a cap: deeply nested pages must not
    # exhaust the stack; past the cap the subtree's text is taken flat.
    child = node.child
    while child is not None:
        tag = child.tag or ""
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag not in _SKIP and not tag.startswith("-"):
            block = tag in _BLOCK
            if block:
                parts.append("\n\n")
            if depth > 200:
                parts.append(child.text(separator=" "))
            else:
                _walk(child, parts, depth + 1)
            if block:
                parts.append("\n\n")
        child = child.next


# where pages state when they were published: Open Graph / article metadata, Dublin Core and
# schema.org (as a meta tag, a <time> element or JSON-LD)
_PUBLISHED_META = (
    'meta[property="article:published_time"]',
    'meta[property="og:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="dcterms.created"]',
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def html_published(html: str) -> str | None:
    """When the page says it was published, as ISO text (a day, or a day and time), from its
    metadata; None when it does not say."""
    tree = LexborHTMLParser(html)
    found: list[str] = []
    for selector in _PUBLISHED_META:
        node = tree.css_first(selector)
        if node is not None:
            found.append(node.attributes.get("content") or "")
    for node in tree.css("time[itemprop=datePublished], time[pubdate]"):
        found.append(node.attributes.get("datetime") or "")
    for node in tree.css('script[type="application/ld+json"]'):
        found += _JSON_LD_PUBLISHED.findall(node.text() or "")
    for value in found:
        iso = _ISO_DATE.search(value.strip())
        if iso and _valid_date(iso.group(0)[:10]):
            return iso.group(0).replace(" ", "T")
    return None


def _valid_date(text: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
