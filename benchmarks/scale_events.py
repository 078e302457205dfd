"""Many events at once: speed and memory by corpus size, event clustering quality, and the
agreement of the local and Spark engines.

    PYTHONPATH=src python benchmarks/scale_events.py --max 100000          # 10k, 100k
    PYTHONPATH=src python benchmarks/scale_events.py --sizes 1000000       # one size
    PYTHONPATH=src python benchmarks/scale_events.py --real-mix            # F1 on ../shared
    SPARK_LOCAL_IP=127.0.0.1 PYTHONPATH=src python benchmarks/scale_events.py --spark 10000
    PYTHONPATH=src python benchmarks/scale_events.py --incremental 3000    # add vs one check

Each size runs in its own process (peak memory is that process's max RSS) through the local
engine: extraction, lineage, event clustering and resolution (`check_documents`, events
clustered). Articles come from the generator (`veracity.synth.corpus`, seed 0, 3-12 articles per
event); pairwise F1 of the events is scored against the generator's labels.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def one_size(n: int) -> dict[str, object]:
    from veracity.events.metrics import pairwise_score
    from veracity.lineage import find_lineage
    from veracity.pipeline import (
        _group_events,
        _profile,
        extract_documents,
        lineage_groups,
        reconcile_documents,
    )
    from veracity.synth.corpus import generate_corpus

    corpus = generate_corpus(max(1, round(n / 7.5)), seed=0)
    documents = []
    for doc in corpus.documents():
        documents.append(doc)
        if len(documents) == n:
            break
    ids = {d.id for d in documents}
    labels = {d: e for d, e in corpus.labels().items() if d in ids}
    # the stages of `check_documents`, timed one by one
    profile = _profile("attack")
    marks = [time.perf_counter()]
    claims, aliases = extract_documents(documents, profile)
    marks.append(time.perf_counter())
    grouped = _group_events(documents, "cluster")
    marks.append(time.perf_counter())
    lineage = find_lineage(documents, groups=lineage_groups(grouped, "cluster"))
    marks.append(time.perf_counter())
    report, _ = reconcile_documents(documents, claims, aliases, lineage, grouped, profile=profile)
    marks.append(time.perf_counter())
    seconds = marks[-1] - marks[0]
    stages = dict(zip(("extract", "cluster", "lineage", "resolve"),
                      (round(b - a, 1) for a, b in itertools.pairwise(marks)), strict=True))
    score = pairwise_score([e.documents for e in report.events], labels)
    return {
        "articles": len(documents),
        "events": len(report.events),
        "seconds": round(seconds, 1),
        "stage_seconds": stages,
        "claims": len(claims),
        "articles_per_second": round(len(documents) / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "pairwise_f1": round(score.f1, 4),
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "publishers": len(report.sources),
    }


def real_mix() -> dict[str, object]:
    sys.path.insert(0, str(HERE))
    from real_mix import load_real_mix, shared_available
    from veracity.events.cluster import cluster_events
    from veracity.events.metrics import pairwise_score

    if not shared_available():
        return {"real_mix": "../shared not found"}
    documents, truth = load_real_mix()
    clusters = cluster_events(documents)
    score = pairwise_score([c.documents + c.secondary for c in clusters], truth)
    return {"real_mix_documents": len(documents), "real_mix_events": len(set(truth.values())),
            "clusters": len(clusters), "pairwise_f1": round(score.f1, 4),
            "precision": round(score.precision, 4), "recall": round(score.recall, 4)}


def spark_agreement(n: int) -> dict[str, object]:
    from veracity.pipeline import _profile, check_documents
    from veracity.synth.corpus import generate_corpus

    corpus = generate_corpus(max(1, round(n / 7.5)), seed=1)
    documents = []
    for doc in corpus.documents():
        documents.append(doc)
        if len(documents) == n:
            break
    profile = _profile("attack")
    t0 = time.perf_counter()
    local = check_documents(documents, profile=profile, events="cluster")
    t1 = time.perf_counter()
    spark = check_documents(documents, profile=profile, events="cluster", engine="spark")
    t2 = time.perf_counter()
    a, b = local.to_dict(), spark.to_dict()
    records_a = {e["id"]: e["record"] for e in a["events"]}
    records_b = {e["id"]: e["record"] for e in b["events"]}
    differing = sum(records_a[k] != records_b.get(k) for k in records_a)
    rel_diff = max((abs(local.sources[s] - spark.sources.get(s, -1.0)) for s in local.sources),
                   default=0.0)
    return {"articles": len(documents), "events": len(a["events"]),
            "reports_equal": a == b, "events_with_other_record": differing,
            "max_publisher_reliability_difference": rel_diff,
            "local_seconds": round(t1 - t0, 1), "spark_seconds": round(t2 - t1, 1)}


def incremental(n: int) -> dict[str, object]:
    """A store built from the first two thirds of N articles, the last third added with
    `add`, against one check of all N: time, event F1, publisher reliabilities, values."""
    import tempfile

    from veracity.engines.store import add_to_store, check_to_store, report_from_store
    from veracity.events.metrics import pairwise_score
    from veracity.pipeline import check
    from veracity.synth.corpus import generate_corpus

    corpus = generate_corpus(max(1, round(n / 7.5)), seed=2)
    articles = []
    for article in corpus.articles():
        articles.append(article.to_json())
        if len(articles) == n:
            break
    labels = {a: e for a, e in corpus.labels().items()}
    cut = len(articles) * 2 // 3
    with tempfile.TemporaryDirectory() as tmp:
        first, second = Path(tmp) / "first.jsonl", Path(tmp) / "second.jsonl"
        first.write_text("".join(json.dumps(a) + "\n" for a in articles[:cut]))
        second.write_text("".join(json.dumps(a) + "\n" for a in articles[cut:]))
        db = Path(tmp) / "case.duckdb"
        t0 = time.perf_counter()
        check_to_store([first], db)
        t1 = time.perf_counter()
        summary = add_to_store([second], db)
        t2 = time.perf_counter()
        stored = report_from_store(db)
        t3 = time.perf_counter()
        full = check([first, second])
        t4 = time.perf_counter()
    f1_inc = pairwise_score([e.documents for e in stored.events], labels).f1
    f1_full = pairwise_score([e.documents for e in full.events], labels).f1
    diffs = [abs(stored.sources[k] - v) for k, v in full.sources.items() if k in stored.sources]
    same_members = {frozenset(e.documents): e for e in full.events}
    equal = total = 0
    for event in stored.events:
        twin = same_members.get(frozenset(event.documents))
        for attribute, res in (twin.record.items() if twin else ()):
            total += 1
            equal += attribute in event.record and event.record[attribute].value == res.value
    return {"articles": len(articles), "added": summary.added,
            "events_touched": len(summary.events_touched), "events": len(stored.events),
            "check_first_seconds": round(t1 - t0, 1), "add_seconds": round(t2 - t1, 1),
            "full_check_seconds": round(t4 - t3, 1),
            "pairwise_f1_incremental": round(f1_inc, 4), "pairwise_f1_full": round(f1_full, 4),
            "publisher_reliability_max_difference": round(max(diffs, default=0.0), 4),
            "publisher_reliability_mean_difference": round(sum(diffs) / max(len(diffs), 1), 4),
            "record_values_equal_where_events_equal": f"{equal}/{total}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--max", type=int, default=None, help="skip sizes above this")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--real-mix", action="store_true")
    parser.add_argument("--spark", type=int, metavar="N", help="local vs Spark on N articles")
    parser.add_argument("--incremental", type=int, metavar="N",
                        help="check 2/3 of N articles into a store, add the rest; vs one check")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one)))
        return
    if args.real_mix:
        print(json.dumps(real_mix()))
        return
    if args.spark:
        print(json.dumps(spark_agreement(args.spark)))
        return
    if args.incremental:
        print(json.dumps(incremental(args.incremental)))
        return
    for n in (int(s) for s in args.sizes.split(",")):
        if args.max is not None and n > args.max:
            continue
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True,
                             text=True, check=True)
        print(out.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
