"""Which articles report the same event: features -> candidate pairs -> scored edges -> clusters.

Each stage is a plain function so it can be run, checked or replaced on its own:

1. `build_index`: language-neutral features of every document (`event_features`), weighted by
   type and rarity (idf), in sparse-matrix form; kept compact so a million articles fit.
2. `candidate_pairs`: blocking on rare features through an inverted index. Only documents that
   share a feature held by at most `max_df` documents are ever compared, so there is no
   all-pairs step: the work grows with the number of documents times `max_df`.
3. `score_pairs`: cosine similarity of the full weighted feature vectors of each candidate pair.
4. `cluster_edges`: average-linkage agglomeration over the scored edges. Two groups merge only
   when the mean similarity over all their pairs (an unscored pair counts 0) stays above a
   threshold, which stops the chaining that plain connected components suffer from.
5. Roundup articles: a document whose paragraphs report different events also joins the
   cluster that one of its paragraphs matches (`secondary` membership).

Everything is deterministic: the same documents in the same order give the same clusters.
"""

from __future__ import annotations

import heapq
import math
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from veracity.event_features import (
    KIND_DAY,
    KIND_MONTH,
    KIND_NAME,
    KIND_YEAR,
    features,
    hashed,
    published_features,
)
from veracity.model import Document


@dataclass(frozen=True, slots=True)
class EventCluster:
    """Documents reporting one event. `secondary` ones joined through a single paragraph."""

    id: str
    documents: tuple[str, ...]
    secondary: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Thresholds; the defaults were chosen on generated corpora (see benchmarks/events.py)."""

    max_df: int = 60  # a feature held by more documents does not propose candidates
    min_shared: float = 2.0  # least summed weight of shared rare features to score a pair
    edge: float = 0.1  # least cosine for an edge
    link: float = 0.1  # least mean similarity between two groups to merge them
    segment_link: float = 0.3  # least mean similarity of a paragraph to join another cluster
    min_segment_chars: int = 160
    year_conflict: float = 0.3  # similarity factor when both give years and share none
    month_conflict: float = 0.6  # ... months (start and end of a long siege differ)
    day_conflict: float = 0.8
    single_language_min_df: int = 5
    single_language_factor: float = 0.33
    chunk: int = 4096  # documents per vectorised step


@dataclass(slots=True)
class FeatureIndex:
    """Weighted features of every document as a sparse matrix (rows are documents)."""

    ids: list[str]
    matrix: sp.csr_matrix  # documents x features, idf-weighted, rows L2-normalised
    type_weights: sp.csr_matrix  # the same cells holding the type weight alone
    postings: sp.csc_matrix  # `matrix` by feature, for finding a paragraph's candidates
    dates: dict[int, sp.csr_matrix]  # per date precision (kind): documents x dates, binary
    vocabulary: np.ndarray  # sorted feature hashes; column j is vocabulary[j]
    idf: np.ndarray  # weight of each column: rarity, times the single-language factor
    df: np.ndarray
    segments: dict[int, list[tuple[np.ndarray, np.ndarray]]] = field(default_factory=dict)


def cluster_events(
    documents: Iterable[Document], settings: ClusterSettings | None = None
) -> list[EventCluster]:
    """Group `documents` by the event they report (a roundup article may be in two groups).

    `documents` may be any iterable (a generator over a large JSONL file): only the features
    of each document are kept, not its text.
    """
    settings = settings or ClusterSettings()
    index = build_index(documents, settings)
    if not index.ids:
        return []
    pairs = candidate_pairs(index, settings)
    scores = score_pairs(index, pairs, settings)
    keep = scores >= settings.edge
    labels = cluster_edges(len(index.ids), pairs[keep], scores[keep], settings.link)
    extra = secondary_memberships(index, labels, settings)
    return _clusters(index.ids, labels, extra)


# --- 1. features -------------------------------------------------------------------------

_PARAGRAPH = re.compile(r"\n\s*\n|\r?\n")


def build_index(documents: Iterable[Document], settings: ClusterSettings) -> FeatureIndex:
    ids: list[str] = []
    keys = array("q")
    weights = array("f")
    kinds = array("b")
    languages = array("h")
    language_codes: dict[str, int] = {}
    pointer = array("q", [0])
    segment_features: dict[int, list[tuple[list[int], list[float], list[int]]]] = {}
    for doc in documents:
        row = len(ids)
        ids.append(doc.id)
        found = features(doc.text)
        if doc.url:
            for word in re.findall(r"[A-Za-z]{4,}", doc.url):
                found.setdefault("w" + word.lower()[:6], 0.4)
        found.update(published_features(doc.published))
        k, w, t = hashed(found)
        keys.extend(k)
        weights.extend(w)
        kinds.extend(t)
        languages.append(language_codes.setdefault(doc.language or "und", len(language_codes)))
        pointer.append(len(keys))
        parts = _segments(doc.text, settings.min_segment_chars)
        if len(parts) >= 2:
            segment_features[row] = [hashed(features(part)) for part in parts]
    n = len(ids)
    key_array = np.frombuffer(keys, dtype=np.int64) if keys else np.zeros(0, np.int64)
    weight_array = np.frombuffer(weights, dtype=np.float32) if weights else np.zeros(0, np.float32)
    kind_array = np.frombuffer(kinds, dtype=np.int8) if kinds else np.zeros(0, np.int8)
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(np.frombuffer(pointer, np.int64)))
    del keys, weights, kinds
    vocabulary, columns = np.unique(key_array, return_inverse=True)
    del key_array
    df = np.bincount(columns, minlength=len(vocabulary)).astype(np.int64)
    column_kind = np.zeros(len(vocabulary), dtype=np.int8)
    column_kind[columns] = kind_array
    # Rare is informative; a feature of one document cannot link two, so it weighs nothing.
    column_weight = np.where(df >= 2, np.log1p(n / np.maximum(df, 1)), 0.0)
    if len(language_codes) > 1:
        column_weight *= _single_language_factor(
            columns, np.frombuffer(languages, np.int16)[rows], column_kind, df, settings
        )
    values = weight_array.astype(np.float64) * column_weight[columns]
    informative = values > 0
    rows, columns = rows[informative], columns[informative]
    shape = (n, len(vocabulary))
    matrix = _normalise_rows(sp.csr_matrix((values[informative], (rows, columns)), shape=shape))
    type_weights = sp.csr_matrix((weight_array[informative], (rows, columns)), shape=shape)
    dates = {}
    for kind in (KIND_YEAR, KIND_MONTH, KIND_DAY):
        chosen = column_kind[columns] == kind
        dates[kind] = sp.csr_matrix(
            (np.ones(int(chosen.sum()), np.float32), (rows[chosen], columns[chosen])),
            shape=shape,
        )
    segments = {
        row: [_segment_vector(k, w, vocabulary, column_weight) for k, w, _ in parts]
        for row, parts in segment_features.items()
    }
    return FeatureIndex(ids, matrix, type_weights, matrix.tocsc(), dates, vocabulary,
                        column_weight, df, segments)


def _single_language_factor(columns: np.ndarray, languages: np.ndarray, kinds: np.ndarray,
                            df: np.ndarray, settings: ClusterSettings) -> np.ndarray:
    """Weight factor per column: a capitalised word found often, but only ever in one
    language, is a common noun (German capitalises them all), not a name."""
    pairs = np.unique(columns.astype(np.int64) * 65536 + languages.astype(np.int64))
    spread = np.bincount(pairs // 65536, minlength=len(df))
    demote = (kinds == KIND_NAME) & (spread == 1) & (df >= settings.single_language_min_df)
    return np.where(demote, settings.single_language_factor, 1.0)


def _segments(text: str, min_chars: int) -> list[str]:
    """Paragraphs long enough to stand alone; short lines join the next one."""
    parts: list[str] = []
    pending = ""
    for piece in _PARAGRAPH.split(text):
        pending = f"{pending}\n{piece}" if pending else piece
        if len(pending) >= min_chars:
            parts.append(pending)
            pending = ""
    if pending and parts:
        parts[-1] += "\n" + pending
    return parts


def _segment_vector(keys: list[int], weights: list[float], vocabulary: np.ndarray,
                    idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    key_array = np.asarray(keys, dtype=np.int64)
    position = np.searchsorted(vocabulary, key_array)
    position = np.minimum(position, len(vocabulary) - 1)
    known = vocabulary[position] == key_array
    columns = position[known]
    values = np.asarray(weights, dtype=np.float64)[known] * idf[columns]
    nonzero = values > 0
    columns, values = columns[nonzero], values[nonzero]
    norm = math.sqrt(float(values @ values)) or 1.0
    order = np.argsort(columns)
    return columns[order], values[order] / norm


def _normalise_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


# --- 2. blocking -------------------------------------------------------------------------


def candidate_pairs(index: FeatureIndex, settings: ClusterSettings) -> np.ndarray:
    """Pairs (i < j) of documents whose shared rare features weigh at least `min_shared`.

    Weights here are the type weights alone (a shared full date 2.0, a name 1.2), so the
    threshold means the same at every corpus size. Returned as a sorted (k, 2) array. The
    work per document is bounded by the number of its rare features times `max_df`.
    """
    n = len(index.ids)
    rare = (index.df >= 2) & (index.df <= settings.max_df)
    typed = index.type_weights
    keep = rare[typed.indices]
    rare_matrix = sp.csr_matrix(
        (np.where(keep, typed.data, 0.0).astype(np.float32), typed.indices, typed.indptr),
        shape=typed.shape,
    )
    rare_matrix.eliminate_zeros()
    binary = rare_matrix.copy()
    binary.data[:] = 1.0
    rare_t = sp.csr_matrix(rare_matrix.T)
    found: list[np.ndarray] = []
    for start in range(0, n, settings.chunk):
        stop = min(n, start + settings.chunk)
        # Row r, column c: summed type weight of the rare features documents r and c share.
        shared = sp.csr_matrix(binary[start:stop] @ rare_t)
        upper = sp.triu(shared, k=start + 1, format="coo")  # only c > r
        strong = upper.data >= settings.min_shared
        if strong.any():
            rows = upper.row[strong].astype(np.int64) + start
            cols = upper.col[strong].astype(np.int64)
            order = np.lexsort((cols, rows))
            found.append(np.stack([rows[order], cols[order]], axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    return np.concatenate(found)


# --- 3. scoring --------------------------------------------------------------------------


def score_pairs(index: FeatureIndex, pairs: np.ndarray, settings: ClusterSettings) -> np.ndarray:
    """Cosine similarity of each pair's feature vectors, lowered when their dates disagree:
    both give a year (a month, a day) and they share none."""
    scores = np.zeros(len(pairs), dtype=np.float64)
    penalties = {KIND_YEAR: settings.year_conflict, KIND_MONTH: settings.month_conflict,
                 KIND_DAY: settings.day_conflict}
    step = 200_000
    for start in range(0, len(pairs), step):
        part = pairs[start:start + step]
        left, right = part[:, 0], part[:, 1]
        factor = np.ones(len(part))
        for kind, penalty in penalties.items():
            dates = index.dates[kind]
            given = np.diff(dates.indptr) > 0
            shared = np.asarray(dates[left].multiply(dates[right]).sum(axis=1)).ravel()
            factor *= np.where(given[left] & given[right] & (shared == 0), penalty, 1.0)
        cosine = np.asarray(index.matrix[left].multiply(index.matrix[right]).sum(axis=1))
        scores[start:start + step] = factor * cosine.ravel()
    return scores


# --- 4. clustering -----------------------------------------------------------------------


def cluster_edges(n: int, pairs: np.ndarray, scores: np.ndarray, link: float,
                  linkage: str = "centroid") -> np.ndarray:
    """Agglomerative clustering of `n` items over sparse weighted edges; returns labels.

    Groups merge best-first while their similarity stays at least `link`. With "average"
    linkage that is the mean over all |A| x |B| pairs (a missing edge counts 0). With
    "centroid" linkage it is the cosine of the groups' summed vectors, computed from the edges
    alone: S(A,B) / sqrt(M(A) M(B)) with M(A) = |A| + 2 x (similarity inside A). A group whose
    members each report different facts (one the start date, one the toll) is loose inside,
    so it is judged on what it says as a whole rather than pair by pair.
    """
    parent = list(range(n))
    size = [1] * n
    inside = [0.0] * n  # summed similarity of the pairs inside each group
    centroid = linkage == "centroid"

    def mass(group: int) -> float:
        return size[group] + 2.0 * inside[group] if centroid else float(size[group] ** 2)

    # neighbours[a][b] = summed edge weight between groups a and b (a, b are group roots)
    neighbours: list[dict[int, float] | None] = [None] * n
    for (i, j), s in zip(pairs.tolist(), scores.tolist(), strict=True):
        for a, b in ((i, j), (j, i)):
            table = neighbours[a]
            if table is None:
                table = neighbours[a] = {}
            table[b] = table.get(b, 0.0) + s
    heap: list[tuple[float, int, int]] = []
    for i, j in pairs.tolist():
        table = neighbours[i]
        assert table is not None
        similarity = table[j] / math.sqrt(mass(i) * mass(j))
        if similarity >= link:
            heapq.heappush(heap, (-similarity, i, j))
    while heap:
        negative, a, b = heapq.heappop(heap)
        if parent[a] != a or parent[b] != b:
            continue  # one side was merged away since this entry was pushed
        table_a = neighbours[a] or {}
        between = table_a.get(b, 0.0)
        current = between / math.sqrt(mass(a) * mass(b))
        if abs(current + negative) > 1e-12 or current < link:
            continue  # stale: the groups changed since
        # Merge the smaller table into the larger one.
        if len(table_a) < len(neighbours[b] or {}):
            a, b = b, a
        table_a = neighbours[a] or {}
        table_b = neighbours[b] or {}
        parent[b] = a
        size[a] += size[b]
        inside[a] += inside[b] + between
        table_a.pop(b, None)
        table_b.pop(a, None)
        for c, w in table_b.items():
            table_a[c] = table_a.get(c, 0.0) + w
            other = neighbours[c]
            assert other is not None
            other[a] = other.get(a, 0.0) + other.pop(b)
        neighbours[a] = table_a
        neighbours[b] = None
        mass_a = mass(a)
        for c, w in table_a.items():
            similarity = w / math.sqrt(mass_a * mass(c))
            if similarity >= link:
                first, second = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-similarity, first, second))
    labels = np.empty(n, dtype=np.int64)
    for i in range(n):
        root = i
        while parent[root] != root:
            root = parent[root]
        labels[i] = root
    return labels


# --- 5. roundups -------------------------------------------------------------------------


def secondary_memberships(index: FeatureIndex, labels: np.ndarray,
                          settings: ClusterSettings) -> dict[int, set[int]]:
    """Documents whose paragraph reports another cluster's event: row -> extra cluster labels."""
    extra: dict[int, set[int]] = {}
    if not index.segments:
        return extra
    sizes = np.bincount(labels, minlength=len(labels))
    rare = (index.df >= 2) & (index.df <= settings.max_df)
    postings = index.postings
    matrix = index.matrix
    for row, parts in index.segments.items():
        own = labels[row]
        for columns, values in parts:
            candidates = set()
            for column in columns[rare[columns]].tolist():
                candidates.update(
                    postings.indices[postings.indptr[column]:postings.indptr[column + 1]].tolist()
                )
            candidates.discard(row)
            others = [c for c in candidates if labels[c] != own]
            if not others:
                continue
            segment = sp.csr_matrix((values, columns, [0, len(columns)]),
                                    shape=(1, matrix.shape[1]))
            sims = np.asarray((matrix[others] @ segment.T).todense()).ravel()
            totals: dict[int, float] = {}
            for c, s in zip(others, sims.tolist(), strict=True):
                totals[int(labels[c])] = totals.get(int(labels[c]), 0.0) + s
            for label, total in totals.items():
                if sizes[label] >= 2 and total / sizes[label] >= settings.segment_link:
                    extra.setdefault(row, set()).add(label)
    return extra


def _clusters(ids: list[str], labels: np.ndarray,
              extra: dict[int, set[int]]) -> list[EventCluster]:
    members: dict[int, list[int]] = {}
    for row, label in enumerate(labels.tolist()):
        members.setdefault(label, []).append(row)
    added: dict[int, list[int]] = {}
    for row, found in extra.items():
        for label in found:
            added.setdefault(label, []).append(row)
    ordered = sorted(members, key=lambda label: members[label][0])
    clusters = []
    for number, label in enumerate(ordered, start=1):
        rows = sorted(set(members[label]) | set(added.get(label, [])))
        clusters.append(EventCluster(
            id=f"e{number}",
            documents=tuple(ids[r] for r in rows),
            secondary=tuple(ids[r] for r in sorted(added.get(label, []))),
        ))
    return clusters
