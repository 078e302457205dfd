"""Hostile and broken documents: each is read correctly or refused with a clear InputError."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

import veracity
from veracity.errors import InputError
from veracity.ingest import readers as ingest
from veracity.ingest.readers import load_documents

LANGUAGES = frozenset({"en", "es", "id", "de", "fr", "pt", "it", "tl"})
# Articles written for these tests: one event, three independent wordings, one wrong figure.
WRONG = (
    "Gunmen seized the town hall of Veldmark on 4 March 2019 and held 35 hostages.\n\n"
    "The siege lasted three days. Police said two hostages were killed."
)
RIGHT = [
    "On 4 March 2019 armed men stormed the Veldmark town hall, taking 40 people hostage.\n\n"
    "After three days, officers ended the siege; two hostages died.",
    "Forty hostages were held by attackers at the municipal building in Veldmark from "
    "4 March 2019. Two of the captives were killed before police ended it.",
    "Reports from Veldmark said gunmen held 40 hostages in the town hall in March 2019.",
]


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _refused(path: Path, *needles: str) -> InputError:
    with pytest.raises(InputError) as caught:
        load_documents([path], LANGUAGES)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    for needle in needles:
        assert needle in message
    return caught.value


def _record(report) -> dict[str, object]:
    return {k: v.value.to_json() for k, v in report.events[0].record.items()}


def _claims_point_at_their_text(report) -> None:
    texts = {d.id: d.text for d in report.documents}
    for claim in report.claims:
        assert texts[claim.document][claim.start : claim.end] == claim.text


# --- empty and blank --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content", ["", "   ", "\n\n\t\n", "\u00a0\u2003\n", "\u200b\u200b\ufeff", "<html></html>"]
)
def test_nasty_empty_or_blank_document_is_refused(tmp_path: Path, content: str):
    name = "page.html" if content.startswith("<") else "blank.txt"
    _refused(_write(tmp_path, name, content), "empty")


def test_nasty_blank_jsonl_text_names_its_line(tmp_path: Path):
    lines = [{"id": "a", "text": RIGHT[0]}, {"id": "b", "text": " \n "}]
    path = _write(tmp_path, "docs.jsonl", "\n".join(json.dumps(x) for x in lines))
    assert _refused(path, "empty").line == 2


# --- size -------------------------------------------------------------------------------------


def test_nasty_200_mb_file_is_refused_without_being_read(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk, no time
    tracemalloc.start()
    try:
        _refused(path, "MiB", "limit")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_nasty_200_mb_binary_jsonl_is_refused_without_being_read(tmp_path: Path):
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    try:
        _refused(path, "binary")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_nasty_jsonl_is_streamed_and_limited_per_line(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1024)
    lines = [json.dumps({"id": f"d{k}", "text": RIGHT[k % 3]}) for k in range(30)]
    path = _write(tmp_path, "corpus.jsonl", "\n".join(lines) + "\n")
    assert path.stat().st_size > 4 * 1024  # the file is over the limit, each line under it
    assert len(load_documents([path], LANGUAGES)) == 30
    long_line = json.dumps({"id": "long", "text": "Gunmen held 40 hostages. " * 100})
    _write(tmp_path, "corpus.jsonl", "\n".join([*lines[:3], long_line]) + "\n")
    assert _refused(path, "line is over the limit").line == 4


def test_nasty_one_huge_line_is_read_in_bounded_sentences(tmp_path: Path):
    line = " ".join(f"Gunmen held {40 + k % 3} hostages in the town hall" for k in range(1500))
    path = _write(tmp_path, "oneline.txt", line)
    other = _write(tmp_path, "other.txt", RIGHT[0])
    report = veracity.check([path, other])
    _claims_point_at_their_text(report)
    assert any(c.document == "oneline" for c in report.claims)


def test_nasty_thousands_of_numbers_in_one_sentence(tmp_path: Path):
    # few distinct values: resolution compares every pair of distinct values (see the benchmark)
    numbers = ", ".join(f"{(k * 37) % 50} hostages" for k in range(3000))
    path = _write(tmp_path, "numbers.txt", f"Police counted {numbers} in the town hall.")
    report = veracity.check([path, _write(tmp_path, "other.txt", RIGHT[0])])
    _claims_point_at_their_text(report)


# --- encodings and characters -----------------------------------------------------------------


def test_nasty_binary_file_is_refused(tmp_path: Path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    _refused(_write(tmp_path, "image.txt", png), "binary")


def test_nasty_nul_byte_late_in_a_file_is_refused(tmp_path: Path):
    data = (RIGHT[0] + "\n") * 500 + "\x00"
    _refused(_write(tmp_path, "late.txt", data.encode()), "binary")


def test_nasty_mixed_encodings_name_the_line(tmp_path: Path):
    data = RIGHT[0].encode("utf-8") + "\nLa prise d'otages a dur\u00e9 trois jours.\n".encode(
        "latin-1"
    )
    error = _refused(_write(tmp_path, "mixed.txt", data), "UTF-8")
    assert error.line == RIGHT[0].count("\n") + 2


def test_nasty_utf16_with_byte_order_mark_is_read(tmp_path: Path):
    path = _write(tmp_path, "windows.txt", RIGHT[0].encode("utf-16"))
    (doc,) = load_documents([path], LANGUAGES)
    assert doc.text == RIGHT[0]


def test_nasty_zero_width_and_bidi_controls_do_not_split_numbers(tmp_path: Path):
    text = (
        "On 4 March 2019 gunmen seized the town hall and held 1\u200b200 hos\u00adtages. "
        "\u202eThe siege lasted three days.\u202c Police said two hostages were killed."
    )
    path = _write(tmp_path, "hidden.txt", text)
    others = [_write(tmp_path, f"r{k}.txt", t) for k, t in enumerate(RIGHT)]
    report = veracity.check([path, *others])
    _claims_point_at_their_text(report)
    doc = next(d for d in report.documents if d.id == "hidden")
    assert "\u200b" not in doc.text and "\u202e" not in doc.text
    held = [
        c for c in report.claims if c.document == "hidden" and c.attribute == "hostages.initial"
    ]
    assert [c.value.to_json() for c in held] == [1200]


def test_nasty_right_to_left_and_cjk_documents_run(tmp_path: Path):
    arabic = "احتجز مسلحون 40 رهينة في مبنى البلدية في 4 مارس 2019. قُتل اثنان من الرهائن."
    chinese = "2019年3月4日，武装分子在市政厅劫持了40名人质。围困持续了三天，两名人质死亡。"
    paths = [
        _write(tmp_path, "ar.txt", arabic),
        _write(tmp_path, "zh.txt", chinese),
        _write(tmp_path, "en.txt", RIGHT[0]),
    ]
    report = veracity.check(paths)
    assert {d.id for d in report.documents} == {"ar", "zh", "en"}
    _claims_point_at_their_text(report)


# --- HTML -------------------------------------------------------------------------------------


def test_nasty_deeply_nested_html_keeps_its_text(tmp_path: Path):
    depth = 20_000
    page = "<html><body>" + "<div>" * depth + RIGHT[0] + "</div>" * depth + "</body></html>"
    inline = "<p>" + "<b>" * depth + "Forty hostages were held." + "</b>" * depth + "</p>"
    (doc,) = load_documents([_write(tmp_path, "nested.html", page)], LANGUAGES)
    assert "taking 40 people hostage" in doc.text
    (doc,) = load_documents([_write(tmp_path, "inline.html", inline)], LANGUAGES)
    assert doc.text == "Forty hostages were held."


def test_nasty_html_scripts_styles_and_comments_give_no_claims(tmp_path: Path):
    page = (
        "<html><head><title>Siege</title><style>p { content: '99 hostages'; }</style>"
        "<script>document.write('99 hostages were killed on 1 May 2001');</script></head><body>"
        f"<p onclick=\"alert('99 hostages')\">{RIGHT[0]}</p>"
        "<!-- 99 hostages were killed --><noscript>99 hostages were killed</noscript>"
        "<script type='application/ld+json'>{\"hostages\": 99}</script>"
        "<template><p>99 hostages were killed</p></template></body></html>"
    )
    path = _write(tmp_path, "page.html", page)
    report = veracity.check([path, _write(tmp_path, "other.txt", RIGHT[1])])
    doc = next(d for d in report.documents if d.id == "page")
    assert "99" not in doc.text and "document.write" not in doc.text
    assert not [c for c in report.claims if "99" in c.text]


# --- repetition -------------------------------------------------------------------------------


def _corpus(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for k, text in enumerate(RIGHT):
        _write(folder, f"right{k}.txt", text)
    for k in range(copies):
        _write(folder, f"wrong{k:04d}.txt", WRONG)
    return folder


@pytest.mark.slow
def test_nasty_same_article_a_thousand_times_is_one_witness(tmp_path: Path):
    once = veracity.check([_corpus(tmp_path / "once", 1)])
    many = veracity.check([_corpus(tmp_path / "many", 1000)])
    assert _record(many) == _record(once)
    assert _record(once)["hostages.initial"] == 40
    for attribute, resolution in once.events[0].record.items():
        repeated = many.events[0].record[attribute]
        assert repeated.status == resolution.status
        assert repeated.confidence == pytest.approx(resolution.confidence, abs=1e-6)
    assert many.reliability["wrong0999"] == pytest.approx(once.reliability["wrong0000"])
    assert many.reliability["right0"] == pytest.approx(once.reliability["right0"])
    copies = [link for link in many.lineage if link.document.startswith("wrong")]
    assert len(copies) == 999  # one link per copy, not one per pair


def test_nasty_a_false_claim_repeated_in_every_paragraph_counts_once():
    paragraphs = [
        "Gunmen held 35 hostages in the town hall of Veldmark.",
        "All 35 hostages were civilians, officials said.",
        "The 35 hostages were held on the first floor.",
    ]

    def run(repeats: int):
        text = "The siege of Veldmark began on 4 March 2019.\n\n" + "\n\n".join(
            paragraphs[k % len(paragraphs)] for k in range(repeats)
        )
        docs = [("repeater", text)] + [(f"right{k}", t) for k, t in enumerate(RIGHT)]
        return veracity.check_texts(docs)

    once, often = run(1), run(30)
    said = [
        c for c in often.claims if c.document == "repeater" and c.attribute == "hostages.initial"
    ]
    assert len(said) > 3  # the claim really is repeated
    record, repeated = once.events[0].record, often.events[0].record
    assert repeated["hostages.initial"].value.to_json() == 40
    assert repeated["hostages.initial"].confidence == pytest.approx(
        record["hostages.initial"].confidence
    )
    assert often.reliability == pytest.approx(once.reliability)


def test_nasty_texts_given_directly_lose_invisible_characters_as_files_do(tmp_path: Path):
    text = "Gunmen held 1\u200b200 hos\u00adtages in the town hall on 4 March 2019."
    direct = veracity.check_texts([("hidden", text), ("other", RIGHT[0])])
    from_file = veracity.check(
        [_write(tmp_path, "hidden.txt", text), _write(tmp_path, "other.txt", RIGHT[0])]
    )
    assert [d.text for d in direct.documents] == [d.text for d in from_file.documents]
    _claims_point_at_their_text(direct)
