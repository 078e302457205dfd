"""Extraction over several processes gives exactly what one process gives, in the same order."""

from __future__ import annotations

from veracity.extract import load_profile
from veracity.parallel import (
    MIN_PARALLEL_DOCUMENTS,
    batched,
    map_batches,
    ordered_map,
    worker_count,
)
from veracity.pipeline import extract_documents
from veracity.synth.corpus import generate_corpus


def _square(x: int) -> int:
    return x * x


def test_parallel_ordered_map_keeps_the_order_of_its_items():
    items = list(range(1000))
    assert list(ordered_map(_square, items, workers=2)) == [x * x for x in items]


def test_parallel_map_batches_keeps_each_batch_with_its_key_in_order():
    stream = ((f"batch {k}", batch) for k, batch in enumerate(batched(range(1003), 100)))
    out = list(map_batches(_square, stream, workers=2, chunksize=7))
    assert [key for key, _ in out] == [f"batch {k}" for k in range(11)]
    assert [len(results) for _, results in out] == [100] * 10 + [3]
    assert [x for _, results in out for x in results] == [x * x for x in range(1003)]


def test_parallel_small_inputs_stay_in_one_process():
    assert worker_count(8, MIN_PARALLEL_DOCUMENTS - 1) == 1
    assert worker_count(1, 10_000) == 1


def test_parallel_worker_count_reads_the_environment(monkeypatch):
    monkeypatch.setenv("VERACITY_WORKERS", "3")
    assert worker_count(None, 10_000) == 3


def test_parallel_extraction_equals_one_process_extraction():
    corpus = generate_corpus(n_events=40, docs_per_event=(6, 8), seed=3)
    from veracity.model import Document

    documents = [
        Document(id=a.id, text=a.text, language=a.language) for a in corpus.articles()
    ][:MIN_PARALLEL_DOCUMENTS + 20]
    profile = load_profile("attack")
    one = extract_documents(documents, profile, workers=1)
    two = extract_documents(documents, profile, workers=2)
    assert one == two
    assert len(one[0]) > len(documents)
