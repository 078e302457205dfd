"""The synthetic corpus generator: deterministic, consistent with its own truth, multilingual."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from veracity.errors import InputError
from veracity.synth.corpus import COUNT_ATTRIBUTES, generate_corpus
from veracity.synth.templates import EARLIER_EVENT, HEADLINES, TEMPLATES
from veracity.synth.words import LANGUAGES

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="module")
def corpus():
    return generate_corpus(120, docs_per_event=(3, 10), seed=7, two_event_rate=0.05)


@pytest.fixture(scope="module")
def articles(corpus):
    return list(corpus.articles())


def test_synth_same_seed_gives_same_corpus(tmp_path):
    first, second, other = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    generate_corpus(30, seed=3).write_jsonl(first)
    generate_corpus(30, seed=3).write_jsonl(second)
    generate_corpus(30, seed=4).write_jsonl(other)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()


def test_synth_jsonl_lines_are_in_the_input_format(tmp_path):
    path = tmp_path / "corpus.jsonl"
    count = generate_corpus(20, seed=1).write_jsonl(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == count > 20
    ids = set()
    for line in lines:
        record = json.loads(line)
        assert set(record) == {"id", "text", "source", "published", "language", "url"}
        assert record["language"] in LANGUAGES
        dt.date.fromisoformat(record["published"])
        assert record["url"].startswith("https://")
        ids.add(record["id"])
    assert len(ids) == count


def test_synth_gold_values_are_consistent(corpus):
    for event in corpus.events():
        gold = event.gold()
        start = dt.date.fromisoformat(gold["event.start_date"])
        end = dt.date.fromisoformat(gold["event.end_date"])
        assert (end - start).days == gold["event.duration_days"]
        assert gold["deaths.total"] == sum(
            gold[k]
            for k in (
                "deaths.hostages",
                "deaths.security",
                "deaths.perpetrators",
                "deaths.civilians",
            )
        )
        assert gold["hostages.final"] == gold["hostages.initial"] - gold["hostages.released"]
        assert gold["deaths.perpetrators"] <= gold["perpetrator.count"]
        if "operation.date" in gold:
            assert gold["operation.date"] == gold["event.end_date"]


def test_synth_statements_agree_with_their_truth_flag(corpus, articles):
    truth = {e.id: e.gold() for e in corpus.events()}
    checked = {True: 0, False: 0}
    for article in articles:
        for s in article.statements:
            gold = truth[s.event][s.attribute]
            if s.attribute in COUNT_ATTRIBUTES:
                if isinstance(s.value, dict):
                    high = s.value["high"] if s.value["high"] is not None else float("inf")
                    holds = s.value["low"] <= gold <= high
                else:
                    holds = s.value == gold
            elif s.attribute.endswith("date"):
                holds = gold.startswith(s.value)
            else:
                holds = s.value == gold
            assert s.true == holds, (article.id, s)
            checked[s.true] += 1
    assert checked[True] > 1000 and checked[False] > 20


def test_synth_copies_carry_lineage(articles):
    by_id = {a.id: a for a in articles}
    copies = [a for a in articles if a.copy_of]
    assert {a.relation for a in copies} == {"translation", "near-duplicate"}
    for copy in copies:
        original = by_id[copy.copy_of]
        assert original.events[0] == copy.events[0]
        if copy.relation == "translation":
            assert copy.language != original.language
        else:
            assert copy.language == original.language
    # A near-duplicate repeats most of its original's sentences (it may drop one, edit a figure).
    def figures_masked(text: str) -> str:  # an edited figure leaves its sentence repeated
        return re.sub(r"\d[\d.,]*", "#", text)

    for copy in (c for c in copies if c.relation == "near-duplicate"):
        original = figures_masked(by_id[copy.copy_of].text)
        sentences = re.split(r"(?<=\.) |\n\n", figures_masked(copy.text))
        repeated = sum(sentence in original for sentence in sentences)
        assert repeated >= 0.6 * len(sentences), (copy.text, original)


def test_synth_every_language_appears(articles):
    assert {a.language for a in articles} == set(LANGUAGES)


def test_synth_roundup_articles_report_two_events(corpus, articles):
    roundups = [a for a in articles if len(a.events) == 2]
    assert roundups
    for article in roundups:
        assert "\n\n" in article.text.split("\n\n", 1)[1]  # a second paragraph
        assert {s.event for s in article.statements} == set(article.events)
    gold = {record["event"]: record for record in corpus.gold()}
    for article in roundups:
        assert all(article.id in gold[e]["documents"] for e in article.events)


def test_synth_writes_vague_relative_and_worded_figures(articles):
    forms = {s.form for a in articles for s in a.statements}
    assert {"exact", "words", "approximate", "vague", "relative", "date", "name"} <= forms
    texts = "\n".join(a.text for a in articles)
    assert re.search(
        r"\b\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
        r"Oktober|November|Dezember) \d{4}",
        texts,
    )
    assert re.search(r"\b\d{1,2} de [a-zç]+ de \d{4}", texts)


def test_synth_write_gold_one_file_per_event(tmp_path):
    corpus = generate_corpus(12, seed=2)
    assert corpus.write_gold(tmp_path) == 12
    files = sorted(tmp_path.glob("*/gold.json"))
    assert len(files) == 12
    record = json.loads(files[0].read_text(encoding="utf-8"))
    assert record["documents"] and record["values"]["location.city"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"n_events": 0},
        {"n_events": 3, "docs_per_event": (5, 2)},
        {"n_events": 3, "languages": ("en", "xx")},
    ],
)
def test_synth_rejects_bad_arguments(kwargs):
    with pytest.raises(InputError):
        generate_corpus(**kwargs)


def test_synth_templates_share_no_sentence_with_the_real_articles():
    articles = [*SHARED.glob("seeds/*.txt"), *SHARED.glob("data/events/*/*.txt")]
    texts = [p.read_text(encoding="utf-8").lower() for p in sorted(articles)]
    if not texts:
        pytest.skip("../shared is not available")
    everything = "\n".join(texts)
    written = [t if isinstance(t, str) else t[0] for ts in TEMPLATES.values() for t in ts]
    written += [t for ts in HEADLINES.values() for t in ts]
    written += [t for ts in EARLIER_EVENT.values() for t in ts]
    for template in written:
        # Every run of six words between slots must be new.
        for run in re.split(r"\{[a-z_]+\}", template.lower()):
            words = re.findall(r"[^\W\d_]+", run)
            for k in range(len(words) - 5):
                shingle = " ".join(words[k : k + 6])
                assert shingle not in everything, shingle


def test_synth_small_corpus_gives_every_language_a_publisher():
    """A small corpus (few publishers) still has one per language, so no article lacks one."""
    from veracity.synth.corpus import generate_corpus

    corpus = generate_corpus(n_events=125, seed=0)
    assert {p.language for p in corpus.publishers} == set(corpus.config.languages)
    assert sum(1 for _ in corpus.articles()) > 0
