"""The corpus-wide stages at scale: event clustering (pairwise precision/recall/F1) and lineage
within events, documents per second and peak memory.

    PYTHONPATH=src python benchmarks/events.py                      # real mix, 10k and 100k
    PYTHONPATH=src python benchmarks/events.py --sizes 10000,100000,1000000 --workers 2

Corpora: the real mix (every seed article and every folder of ../shared/data/events, one event
per folder, mixed into one feed without publication dates or publishers) and generated corpora (veracity.synth.corpus, seed 2024 unless --seed; about 7.5 articles
per event, so 100,000 articles are some 13,000 events). Each generated size is written to a
JSONL file first, then measured in a fresh process that streams the file: it clusters the
articles (only their features are held), then finds copies and translations event by event,
reading each event's articles back from the file by offset. Peak memory (ru_maxrss) is that of
the whole process. These are the stages that see the whole corpus at once, where a cost that
grows faster than the corpus would hide; extraction and resolution work article by article
and event by event (benchmarks/scale_events.py runs the whole pipeline).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from veracity.events.cluster import ClusterSettings, cluster_events
from veracity.events.metrics import pairwise_score
from veracity.lineage import lineage_in_blocks
from veracity.model import Document
from veracity.synth.corpus import generate_corpus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_mix import load_real_mix, shared_available

ARTICLES_PER_EVENT = 7.5  # the mean of the generator's default docs_per_event=(3, 12)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="articles per generated corpus")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--measure", nargs=2, metavar=("JSONL", "LABELS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(Path(args.measure[0]), Path(args.measure[1]), args.workers)))
        return
    if not args.skip_real:
        _real_mix()
    print(
        f"{'articles':>9} {'events':>7} {'gen/s':>7} {'cluster s':>9} {'lineage s':>9} "
        f"{'docs/s':>7} {'peak MB':>8} {'clusters':>8} {'links':>7} {'P':>6} {'R':>6} {'F1':>6}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            _generated(size, args.seed, args.workers, Path(folder))


def _real_mix() -> None:
    if not shared_available():
        print("real mix: ../shared is not available, skipped")
        return
    documents, truth = load_real_mix()
    assert not any(d.published or d.source for d in documents)
    started = time.perf_counter()
    clusters = cluster_events(documents)
    elapsed = time.perf_counter() - started
    score = pairwise_score([c.documents for c in clusters], truth)
    events = len({e for t in truth.values() for e in t})
    in_two = len({d for c in clusters for d in c.secondary})
    print(
        f"real mix: {len(documents)} articles, {events} events -> {len(clusters)} clusters in "
        f"{elapsed:.2f} s; pairwise P {score.precision:.3f} R {score.recall:.3f} "
        f"F1 {score.f1:.3f} ({score.correct_pairs}/{score.predicted_pairs} predicted, "
        f"{score.true_pairs} true pairs); {in_two} articles in two events"
    )
    for cluster in clusters:
        counts = Counter(truth[d][0] for d in cluster.documents)
        if len(counts) > 1:
            parts = ", ".join(f"{n} of {event}" for event, n in sorted(counts.items()))
            print(f"  {cluster.id} holds several events: {parts}")


def _generated(size: int, seed: int, workers: int, folder: Path) -> None:
    n_events = max(1, round(size / ARTICLES_PER_EVENT))
    corpus = generate_corpus(n_events, seed=seed)
    data, labels = folder / f"corpus-{size}.jsonl", folder / f"labels-{size}.tsv"
    started = time.perf_counter()
    count = 0
    with data.open("w", encoding="utf-8") as out, labels.open("w", encoding="utf-8") as lab:
        for article in corpus.articles(workers):
            out.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
            lab.write(article.id + "\t" + ",".join(article.events) + "\n")
            count += 1
    generation = count / (time.perf_counter() - started)
    result = subprocess.run(
        [sys.executable, __file__, "--measure", str(data), str(labels), "--workers", str(workers)],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        print(f"{count:>9} articles: the measuring process failed\n{result.stderr}", flush=True)
        return
    m = json.loads(result.stdout)
    print(
        f"{count:>9} {n_events:>7} {generation:>7.0f} {m['cluster_seconds']:>9.1f} "
        f"{m['lineage_seconds']:>9.1f} {m['docs_per_second']:>7.0f} {m['peak_mb']:>8.0f} "
        f"{m['clusters']:>8} {m['links']:>7} "
        f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}",
        flush=True,
    )
    data.unlink()
    labels.unlink()


def _measure(data: Path, labels: Path, workers: int) -> dict[str, float]:
    offsets: dict[str, int] = {}

    def read(line: bytes) -> Document:
        r = json.loads(line)
        return Document(
            id=r["id"],
            text=r["text"],
            language=r["language"],
            source=r["source"],
            url=r["url"],
            published=r["published"],
        )

    def documents():
        with data.open("rb") as lines:
            position = 0
            for line in lines:
                doc = read(line)
                offsets[doc.id] = position
                position += len(line)
                yield doc

    def events(clusters):
        with data.open("rb") as source:
            for cluster in clusters:
                block = []
                for doc_id in cluster.documents:
                    source.seek(offsets[doc_id])
                    block.append(read(source.readline()))
                yield block

    started = time.perf_counter()
    clusters = cluster_events(documents(), ClusterSettings(workers=workers))
    clustered = time.perf_counter()
    links = lineage_in_blocks(events(clusters), workers=workers)
    finished = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    truth = {}
    with labels.open(encoding="utf-8") as lines:
        for line in lines:
            doc, events_of = line.rstrip("\n").split("\t")
            truth[doc] = tuple(events_of.split(","))
    score = pairwise_score([c.documents for c in clusters], truth)
    return {
        "cluster_seconds": clustered - started,
        "lineage_seconds": finished - clustered,
        "docs_per_second": len(truth) / (finished - started),
        "peak_mb": peak_mb,
        "clusters": len(clusters),
        "links": len(links),
        "precision": score.precision,
        "recall": score.recall,
        "f1": score.f1,
    }


if __name__ == "__main__":
    main()
