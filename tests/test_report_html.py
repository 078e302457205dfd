"""The HTML report, checked as markup: escaping, highlights, links, self-containment."""

from __future__ import annotations

import json
import re

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from report_fixture import make_report, make_texts, make_toll_report
from veracity.errors import InputError
from veracity.report.highlight import Mark, highlight, sentence_bounds
from veracity.report.html import csp_hash, format_value, render_html

HOSTILE_TEXT = (
    'The mayor said 12 guards were hurt. <script>window.__pwned=1</script>\n'
    'Witnesses saw 12 guards leave. <img src=x onerror="window.__pwned=1"> '
    '<a href="javascript:window.__pwned=1">x</a> "quoted" & more </mark></span></div>'
)


def _hostile_report() -> tuple[dict, dict[str, str]]:
    report, texts = make_report(), make_texts()
    start = HOSTILE_TEXT.index("12 guards")
    report["documents"].append({"id": "hostile<b>", "title": "<script>alert(1)</script>",
                                "language": "en"})
    report["claims"].append({
        "id": "c99", "document": "hostile<b>", "event": "e1", "attribute": "other.guards",
        "value": 12, "text": "12 guards", "quote": "<script>bad()</script>", "start": start,
        "end": start + len("12 guards"), "verdict": "uncorroborated"})
    texts["hostile<b>"] = HOSTILE_TEXT
    return report, texts


def _page(report: dict | None = None, texts: dict[str, str] | None = None) -> HTMLParser:
    return HTMLParser(render_html(report or make_report(), texts or make_texts()))


def test_report_fixture_offsets_point_at_claim_words() -> None:
    report, texts = make_report(), make_texts()
    json.dumps(report)  # the fixture is plain JSON, like the pipeline's output
    for claim in report["claims"]:
        assert texts[claim["document"]][claim["start"]:claim["end"]] == claim["text"]


def test_html_escapes_every_piece_of_document_text() -> None:
    report, texts = _hostile_report()
    page = render_html(report, texts)
    tree = HTMLParser(page)
    scripts = tree.css("script")
    assert len(scripts) == 1 and "__pwned" not in scripts[0].text()
    assert not tree.css("img"), "an <img> from a document became an element"
    hrefs = [a.attributes.get("href") or "" for a in tree.css("a")]
    assert not any(h.startswith("javascript:") for h in hrefs)
    assert all("onerror" not in node.attributes for node in tree.css("*"))
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The hostile document's text comes back unchanged as text, with its claim highlighted.
    hostile = next(a for a in tree.css("article.doc") if a.attributes["data-doc"] == "hostile<b>")
    assert hostile.css_first(".text").text() == HOSTILE_TEXT
    assert hostile.css_first("mark.claim").text() == "12 guards"


def test_html_highlights_each_claim_with_its_verdict() -> None:
    report = make_report()
    tree = _page(report)
    for number, claim in enumerate(report["claims"]):
        mark = tree.css_first(f"#claim-k{number}")
        assert mark is not None, claim
        assert mark.text() == claim["text"]
        assert f"v-{claim['verdict']}" in mark.attributes["class"]
        assert mark.parent is not None and "sent" in (mark.parent.attributes.get("class") or "")
        assert claim["text"] in mark.parent.text()


def test_html_value_button_points_at_claims_of_its_supporters() -> None:
    report = make_report()
    tree = _page(report)
    row = tree.css_first('table.record tr[data-attribute="hostages.initial"]')
    winner, rival = row.css("button.val")
    assert winner.text() == "214" and rival.text() == "90"

    def documents_of(button: object) -> set[str]:
        keys = button.attributes["data-claims"].split()  # type: ignore[attr-defined]
        return {report["claims"][int(k[1:])]["document"] for k in keys}

    assert documents_of(winner) == {"alpha_wire", "beta_daily", "delta_es"}
    assert documents_of(rival) == {"gamma_blog"}
    # "about 200" backs 214 although its normalised value differs: its document supports 214.
    about = next(n for n, c in enumerate(report["claims"]) if c["text"] == "about 200")
    assert f"k{about}" in winner.attributes["data-claims"].split()


def test_html_record_shows_confidence_status_supporters_and_rivals() -> None:
    tree = _page()
    rows = {r.attributes["data-attribute"]: r for r in tree.css("table.record tbody tr")}
    assert set(rows) == set(make_report()["events"][0]["record"])
    count = rows["perpetrator.count"]
    assert count.css_first(".badge").text() == "disputed"
    assert count.css_first("td.confidence .pct").text() == "48%"
    assert [c.text() for c in count.css("td.value .chip")] == ["beta_daily"]
    assert [c.text() for c in count.css("td.rivals .chip")] == ["alpha_wire", "delta_es"]
    assert rows["location.city"].css_first("td.rivals").text(strip=True) == "none"


def test_html_conflicts_list_every_disputed_attribute_side_by_side() -> None:
    tree = _page()
    conflicts = tree.css("#conflicts article.conflict")
    attributes = [c.css_first(".attr").text() for c in conflicts]
    assert attributes[0] == "perpetrator.count", "disputed attributes come first"
    assert set(attributes) == {"perpetrator.count", "hostages.initial", "event.start_date",
                               "deaths.hostages"}
    count = conflicts[0]
    assert [s.css_first("button.val").text() for s in count.css(".side")] == ["7", "Six"]
    quotes = [q.text() for q in count.css(".side")[1].css("q")]
    assert any("Seis atacantes" in q for q in quotes)


def test_html_sources_show_reliability_and_lineage_graph() -> None:
    tree = _page()
    rows = {r.css_first("th a").text(): r for r in tree.css("table.sources tbody tr")}
    assert rows["gamma_blog"].css_first(".pct").text() == "31%"
    assert "translation of alpha_wire" in rows["delta_es"].text()
    edges = tree.css(".lineage g.edge")
    assert len(edges) == 1 and "r-translation" in edges[0].attributes["class"]
    assert len(tree.css(".lineage a.node")) == 4


def test_html_is_self_contained_with_a_strict_content_policy() -> None:
    page = render_html(make_report(), make_texts())
    tree = HTMLParser(page)
    assert not tree.css("link"), "no external stylesheet or font"
    for node in tree.css("[src], [href]"):
        for attribute in ("src", "href"):
            value = node.attributes.get(attribute) or ""
            assert not re.match(r"^\s*(https?:)?//", value), value
    policy = tree.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    script = tree.css_first("script").text()
    style = tree.css_first("style").text()
    assert f"script-src {csp_hash(script)};" in policy
    assert f"style-src {csp_hash(style)};" in policy
    assert "unsafe-inline" not in policy and "default-src 'none'" in policy


def test_html_keeps_claims_whose_offsets_do_not_fit_the_text() -> None:
    report, texts = make_report(), make_texts()
    report["claims"][0]["start"], report["claims"][0]["end"] = 10_000, 10_005
    del texts["gamma_blog"]
    tree = _page(report, texts)
    unplaced = tree.css("details.unplaced li")
    assert any(li.attributes.get("id") == "claim-k0" for li in unplaced)
    gamma = next(a for a in tree.css("article.doc") if a.attributes["data-doc"] == "gamma_blog")
    assert gamma.css_first(".text") is None
    assert len(gamma.css("details.unplaced li")) == 4


def test_html_rejects_what_is_not_a_report() -> None:
    with pytest.raises(InputError):
        render_html(["not", "a", "report"], {})  # type: ignore[arg-type]
    with pytest.raises(InputError):
        render_html({"documents": {}, "events": [], "claims": []}, {})


def test_html_renders_an_empty_report() -> None:
    tree = _page({"documents": [], "events": [], "claims": [], "lineage": []}, {})
    assert "holds no event" in tree.css_first("#record").text()


def test_highlight_splits_overlapping_claims_into_pieces_listing_both() -> None:
    text = "Nearly 300 people were held."
    marks = [Mark("a", 0, 10, "supported", "a"), Mark("b", 7, 17, "contradicted", "b")]
    tree = HTMLParser(f"<div>{highlight(text, marks, 'd0')}</div>")
    pieces = [(m.text(), m.attributes["data-claims"], m.attributes["class"])
              for m in tree.css("mark")]
    assert pieces == [("Nearly ", "a", "claim v-supported"),
                      ("300", "a b", "claim v-contradicted"),
                      (" people", "b", "claim v-contradicted")]
    assert tree.css_first("div").text() == text
    assert len(tree.css("span.sent")) == 1


def test_sentence_bounds_follow_the_quote_and_fall_back_to_punctuation() -> None:
    text = "First one. The guards counted 40 people. Last one."
    start = text.index("40")
    quote = "The guards counted 40 people."
    sentence = text[slice(*sentence_bounds(text, start, start + 2, quote))]
    assert sentence == "The guards counted 40 people."
    truncated = text[slice(*sentence_bounds(text, start, start + 2, "The guards counted ..."))]
    assert truncated == "The guards counted 40 people."
    fallback = text[slice(*sentence_bounds(text, start, start + 2, "a quote not in the text"))]
    assert fallback == "The guards counted 40 people."


def test_format_value_reads_like_a_person_writes() -> None:
    assert format_value(610) == "610"
    assert format_value(12.0) == "12"
    assert format_value({"low": 200, "high": 999}) == "200–999"
    assert format_value({"low": 100, "high": None}) == "≥ 100"
    assert format_value("1997-04-22") == "1997-04-22"
    assert format_value(None) == "—"


def test_sentence_bounds_widen_a_quote_cut_inside_a_word() -> None:
    text = "Rangers found 12 hikers. Then rain."
    start = text.index("12")
    bounds = sentence_bounds(text, start, start + 9, "angers found 12 hikers.")
    assert text[slice(*bounds)] == "Rangers found 12 hikers."


def test_html_record_follows_the_profile_order_and_marks_copies() -> None:
    tree = _page()
    order = [r.attributes["data-attribute"] for r in tree.css("table.record tbody tr")]
    assert order[:4] == ["event.start_date", "event.end_date", "event.duration_days",
                         "location.site"]
    assert order.index("hostages.initial") < order.index("deaths.hostages")
    start = tree.css_first('tr[data-attribute="event.start_date"] th.attr')
    assert start.attributes["title"] == "when it began"
    copies = [c.text() for c in tree.css('tr[data-attribute="hostages.initial"] td.value .copy')]
    assert copies == ["delta_es"]


def test_html_derived_value_leads_to_the_facts_it_was_computed_from() -> None:
    report = make_report()
    record = report["events"][0]["record"]
    record["event.duration_days"].update(supported_by=[], derived_from=(
        "event.end_date - event.start_date"))
    report["claims"] = [c for c in report["claims"] if c["attribute"] != "event.duration_days"]
    tree = _page(report)
    row = tree.css_first('tr[data-attribute="event.duration_days"]')
    assert "derived from event.end_date - event.start_date" in row.css_first(".derived").text()
    keys = row.css_first("button.val").attributes["data-claims"].split()
    attributes = {report["claims"][int(k[1:])]["attribute"] for k in keys}
    assert attributes == {"event.end_date", "event.start_date"}


def test_report_html_undetermined_value_is_not_shown_as_the_record() -> None:
    report = make_report()
    record = report["events"][0]["record"]
    attribute, entry = next((a, e) for a, e in record.items() if e.get("alternatives"))
    leading = {k: entry[k] for k in ("value", "text", "confidence", "supported_by")}
    record[attribute] = {"value": None, "text": "", "confidence": 0.3, "status": "undetermined",
                         "supported_by": [], "alternatives": [leading, *entry["alternatives"]]}
    page = _page(report)
    row = page.css_first(f'tr[data-attribute="{attribute}"]')
    assert "not determined" in row.text()
    assert row.css_first(".badge").text() == "undetermined"
    rival_values = [b.text() for b in row.css(".rivals button.val")]
    assert leading["text"] in rival_values
    conflict = next(a for a in page.css("article.conflict") if attribute in a.text())
    assert not conflict.css(".tag")  # no candidate is marked as the record


def test_html_report_shows_a_running_counts_history() -> None:
    tree = _page(make_toll_report())
    row = tree.css_first('tr[data-attribute="injured.total"]')
    line = row.css_first("td.value .history")
    assert line.text() == "as reported: ≥ 4 (2019-03-04) → 9 (2019-03-07) → 12 (2019-03-12)"
    # each figure leads to the document that first gave it and names every one that did
    doc_keys = {a.attributes["data-doc"]: a.attributes["id"] for a in tree.css("article.doc")}
    links = line.css("a")
    assert [a.attributes["href"] for a in links] == [
        f"#{doc_keys['alpha_wire']}", f"#{doc_keys['beta_daily']}", f"#{doc_keys['beta_daily']}"]
    assert [a.attributes["title"] for a in links] == [
        "alpha_wire", "beta_daily, delta_es", "beta_daily"]


def test_html_report_without_a_history_shows_none() -> None:
    tree = _page()
    assert not tree.css(".history")
    assert "as reported" not in tree.css_first("#record").text()


def test_html_report_history_escapes_the_documents_it_names() -> None:
    report = make_toll_report()
    history = report["events"][0]["record"]["injured.total"]["history"]
    history[0]["documents"] = ['<b onclick="x()">wire</b>']
    history[0]["published"] = "<i>soon</i>"
    page = render_html(report, make_texts())
    line = HTMLParser(page).css_first('tr[data-attribute="injured.total"] .history')
    assert not line.css("b, i, [onclick]")
    unknown = line.css_first("span")  # a document the report does not hold: named, not linked
    assert unknown.attributes["title"] == '<b onclick="x()">wire</b>'
    assert line.text().startswith("as reported: ≥ 4 (<i>soon</i>) → 9")


def test_html_report_says_what_confidence_means() -> None:
    hint = _page().css_first("#record .hint").text()
    assert "calibrated on events the models never saw" in hint
    assert "undetermined" in hint and "candidates" in hint
