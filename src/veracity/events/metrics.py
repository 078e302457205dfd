"""Pairwise precision and recall of an event clustering against known events.

A pair of documents is "together" when some cluster holds both. Precision is the share of
predicted pairs that are true, recall the share of true pairs that were predicted. Documents in
two events (roundups) take part in the pairs of both. Pairs are counted without listing them
where each document has one event, so a million documents are scored in a few seconds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PairwiseScore:
    precision: float
    recall: float
    f1: float
    predicted_pairs: int
    true_pairs: int
    correct_pairs: int


def pairwise_score(
    predicted: Iterable[Sequence[str]], truth: Mapping[str, Sequence[str]]
) -> PairwiseScore:
    """Score `predicted` clusters (lists of document ids) against `truth` (id -> its events)."""
    clusters = [tuple(c) for c in predicted]
    memberships: dict[str, list[int]] = {}
    for number, cluster in enumerate(clusters):
        for doc in cluster:
            memberships.setdefault(doc, []).append(number)
    multi = {d for d, m in memberships.items() if len(m) > 1}
    multi |= {d for d, events in truth.items() if len(events) > 1}

    # Pairs among single-membership documents: count by (cluster, event) contingency.
    predicted_pairs = sum(_pairs(len([d for d in c if d not in multi])) for c in clusters)
    event_sizes: Counter[str] = Counter()
    cells: Counter[tuple[int, str]] = Counter()
    for doc, events in truth.items():
        if doc in multi:
            continue
        event_sizes[events[0]] += 1
        for number in memberships.get(doc, []):
            cells[(number, events[0])] += 1
    true_pairs = sum(_pairs(n) for n in event_sizes.values())
    correct = sum(_pairs(n) for n in cells.values())

    # Pairs that involve a multi-membership document: listed explicitly (they are few).
    by_event: dict[str, list[str]] = {}
    if multi:
        for doc, events in truth.items():
            for event in events:
                by_event.setdefault(event, []).append(doc)
    for doc in sorted(multi):
        mine_pred = set(memberships.get(doc, []))
        mine_true = set(truth.get(doc, ()))
        partners_pred = {o for n in mine_pred for o in clusters[n] if o != doc}
        partners_true = {o for e in mine_true for o in by_event.get(e, ()) if o != doc}
        for other in partners_pred | partners_true:
            if other in multi and other < doc:
                continue  # counted from the other side
            p = other in partners_pred
            t = other in partners_true
            predicted_pairs += p
            true_pairs += t
            correct += p and t
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseScore(precision, recall, f1, predicted_pairs, true_pairs, correct)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2
