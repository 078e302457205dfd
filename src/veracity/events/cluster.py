"""Which articles report the same event: features -> candidate pairs -> scored edges -> clusters.

Each stage is a plain function so it can be run, checked or replaced on its own:

1. `build_index`: language-neutral features of every document (`events.features`), weighted by
   type and rarity (idf), in sparse-matrix form; kept compact so a million articles fit.
2. `candidate_pairs`: blocking on rare features through an inverted index. Only documents that
   share a feature held by at most `max_df` documents are ever compared, so there is no
   all-pairs step: the work grows with the number of documents times `max_df`.
3. `score_pairs`: cosine similarity of the full weighted feature vectors of each candidate pair.
4. `cluster_edges`: agglomeration over the scored edges (centroid or average linkage). Two
   groups merge only when they are alike as wholes, which stops the chaining that plain
   connected components suffer from (one bridge no longer fuses two events), and never when
   their articles disagree on the year they date to a month or a day, or name bare in the
   year they came out (`DateCheck`). Small groups left apart then join the group they are
   clearly closest to (`attach_strays`).
5. Roundup articles (`find_roundups`): a document two of whose paragraphs are unlike each
   other and years apart, each close to a different group of other documents (or, for groups
   the year check keeps apart, as close as groups must be to merge and naming the group's
   year), is left out of the clustering (it would bridge the two) and then joins both
   groups. Any other document, however many earlier events it recalls, is clustered whole.

Everything is deterministic: the same documents in the same order give the same clusters.
"""

from __future__ import annotations

import heapq
import math
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import scipy.sparse as sp

from veracity.events.features import (
    CAPITALISED_NOUN_SCALE,
    KIND_DAY,
    KIND_MONTH,
    KIND_NAME,
    KIND_YEAR,
    NOUN_CAPITALISING,
    TIME_KINDS,
    WEIGHTS,
    YEAR_MAX,
    YEAR_MIN,
    Hashed,
    features,
    hashed,
    month_key,
    year_key,
)
from veracity.events.places import gazetteer
from veracity.model import Document
from veracity.parallel import batched, map_batches


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
    edge: float = 0.08  # least cosine for an edge
    min_beyond_time: float = 0.01  # ... of which at least this much from features not dates
    link: float = 0.12  # least similarity between two groups to merge them
    linkage: str = "centroid"  # or "average": see cluster_edges
    stray_size: int = 2  # a group this small after linkage may join its closest group
    stray_margin: float = 1.5  # ... outweighing the runner-up this many times
    mixed_below: float = 0.05  # paragraphs less alike than this, years apart: two events
    segment_join: float = 0.35  # least closeness of a paragraph to a second cluster it joins
    min_segment_chars: int = 120
    year_conflict: float = 0.3  # similarity factor when both give years and share none
    month_conflict: float = 0.85  # ... months (start and end of a long siege differ)
    day_conflict: float = 0.8
    year_agreement: float = 0.25  # least share of agreeing years between two merging groups
    year_tolerance: int = 1  # ... years apart that still agree (a siege over New Year)
    month_agreement: float = 0.25  # ... of agreeing months (0: not checked)
    month_tolerance: int = 1
    month_penalty: float = 0.7  # similarity factor of two groups whose months disagree
    rarity_scale: float = 40.0  # weight of a feature held by df documents: log(1 + this/df)
    common_share: float = 0.02  # a "name" in more of its languages' articles is a word ...
    common_min_documents: int = 500  # ... when they are this many, enough to tell
    single_language_min_df: int = 5
    single_language_factor: float = 0.33
    chunk: int = 4096  # documents per vectorised step
    workers: int = 1  # processes that extract features (the only per-document stage)


@dataclass(slots=True)
class FeatureIndex:
    """Weighted features as sparse matrices. Rows are documents, then paragraphs ("segments")
    of documents that may report more than one event; `owner` maps every row to its document.
    A row that does not take part in clustering is empty."""

    ids: list[str]
    owner: np.ndarray
    matrix: sp.csr_matrix  # rows x features, idf-weighted, rows L2-normalised
    type_weights: sp.csr_matrix  # the same cells holding the type weight alone
    dates: dict[int, sp.csr_matrix]  # per date precision (kind): rows x dates, binary
    vocabulary: np.ndarray  # sorted feature hashes; column j is vocabulary[j]
    idf: np.ndarray  # weight of each column: rarity, times the single-language factor
    df: np.ndarray
    kinds: np.ndarray  # the kind of feature of each column (events.features.KIND_*)
    # documents two of whose paragraphs look like two events: those pairs of paragraph rows
    mixed: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    # the year each document came out, 0 when not known
    published: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))


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
    pairs, scores = pairs[keep], scores[keep]
    checks = date_checks(index, settings)
    # first without any document that may report two events, so that none bridges them
    merged, labels = agglomerate(index, pairs, scores, settings, checks, held_out=index.mixed)
    roundups = find_roundups(index, pairs, labels, settings, checks)
    if len(roundups) < len(index.mixed):  # the others are clustered whole, from there on
        _, labels = agglomerate(index, pairs, scores, settings, checks, roundups, start=merged)
    return _clusters(index, labels, pairs, scores, settings, checks, roundups)


# --- 1. features -------------------------------------------------------------------------

_PARAGRAPH = re.compile(r"\n\s*\n|\r?\n")



class _Entries:
    """Growing compact arrays of (row, feature, weight, kind)."""

    def __init__(self) -> None:
        self.keys = array("q")
        self.weights = array("f")
        self.kinds = array("b")
        self.pointer = array("q", [0])
        self.combined = array("q")  # entries that pair a date with a name ...
        self.parents = array("q")  # ... and the key of that name alone

    def add(self, found: Hashed) -> None:
        k, w, t, parents = found
        offset = len(self.keys)
        for position, parent in parents:
            self.combined.append(offset + position)
            self.parents.append(parent)
        self.keys.extend(k)
        self.weights.extend(w)
        self.kinds.extend(t)
        self.pointer.append(len(self.keys))

    def arrays(self, first_row: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        counts = np.diff(np.frombuffer(self.pointer, dtype=np.int64)).astype(np.int64)
        rows = np.repeat(np.arange(first_row, first_row + len(counts), dtype=np.int64), counts)
        if not self.keys:
            return rows, np.zeros(0, np.int64), np.zeros(0, np.float32), np.zeros(0, np.int8)
        return (
            rows,
            np.frombuffer(self.keys, np.int64),
            np.frombuffer(self.weights, np.float32),
            np.frombuffer(self.kinds, np.int8),
        )


def document_features(doc: Document, min_segment_chars: int) -> tuple[Hashed, list[Hashed]]:
    """The hashed features of a document, and of its paragraphs when it has several.

    The per-document stage: independent for every document, so it runs in worker processes
    (or, on a cluster, as a function over batches of rows).
    """
    found = features(doc.text, doc.language, doc.published)
    if doc.url:
        for word in re.findall(r"[A-Za-z]{4,}", doc.url):
            found.setdefault("w" + word.lower()[:6], WEIGHTS["w"])
    pieces = _segments(doc.text, min_segment_chars)
    parts = (
        [hashed(features(piece, doc.language, doc.published)) for piece in pieces]
        if len(pieces) >= 2
        else []
    )
    return hashed(found), parts


def _extract(
    documents: Iterable[Document], settings: ClusterSettings
) -> Iterator[tuple[Document, tuple[Hashed, list[Hashed]]]]:
    if settings.workers <= 1:
        for doc in documents:
            yield doc, document_features(doc, settings.min_segment_chars)
        return
    work = partial(_light_features, min_segment_chars=settings.min_segment_chars)
    gazetteer()  # read once here, so that every forked worker shares it
    # Only the text goes to the workers; results come back in input order.
    batches = (
        (batch, [(d.text, d.language, d.url, d.published) for d in batch])
        for batch in batched(documents, 512)
    )
    for batch, results in map_batches(work, batches, workers=settings.workers, chunksize=64):
        yield from zip(batch, results, strict=True)


def _light_features(
    item: tuple[str, str, str | None, str | None], min_segment_chars: int
) -> tuple[Hashed, list[Hashed]]:
    text, language, url, published = item
    return document_features(
        Document(id="", text=text, language=language, url=url, published=published),
        min_segment_chars,
    )


def build_index(documents: Iterable[Document], settings: ClusterSettings) -> FeatureIndex:
    ids: list[str] = []
    languages = array("h")
    language_codes: dict[str, int] = {}
    whole = _Entries()
    parts = _Entries()
    part_owner = array("q")
    published = array("i")
    for doc, (found, pieces) in _extract(documents, settings):
        row = len(ids)
        ids.append(doc.id)
        whole.add(found)
        published.append(_year_of(doc.published))
        languages.append(language_codes.setdefault(doc.language or "und", len(language_codes)))
        for piece in pieces:
            parts.add(piece)
            part_owner.append(row)
    n = len(ids)
    rows, keys, weights, kinds = whole.arrays(0)
    vocabulary, columns = np.unique(keys, return_inverse=True)
    # Rarity is counted over whole documents only, so a paragraph does not count twice.
    df = np.bincount(columns, minlength=len(vocabulary)).astype(np.int64)
    column_kind = np.zeros(len(vocabulary), dtype=np.int8)
    column_kind[columns] = kinds
    # Rare is informative; a feature of one document cannot link two, so it weighs nothing.
    # Rarity is counted in documents, not as a share of the corpus: a date held by 70
    # articles names some ten events whether the corpus has ten thousand articles or a
    # million, so the weights (and thresholds) mean the same at every scale.
    rarity = np.log1p(settings.rarity_scale / np.maximum(df, 1))
    if len(language_codes) > 1:
        document_languages = np.frombuffer(languages, np.int16)
        # ... but no rarer than the documents of its own languages allow: in a small corpus
        # with six German articles, a German word in five of them is a common word, however
        # few documents that is.
        scope = _language_scope(columns, document_languages[rows], document_languages, len(df))
        rarity = np.minimum(rarity, np.log((scope + 1.0) / np.maximum(df, 1)))
        rarity *= _single_language_factor(
            columns, document_languages[rows], column_kind, df, settings
        )
        weights = _names_across_languages(
            weights, columns, document_languages[rows], column_kind, language_codes
        )
    else:
        scope = np.full(len(df), float(len(ids)))
    column_weight = np.where(df >= 2, rarity, 0.0)
    column_weight[_common_word_pairs(whole, vocabulary, columns, df, scope, settings)] = 0.0
    part_rows, part_keys, part_weights, _ = parts.arrays(n)
    if len(vocabulary):
        position = np.minimum(np.searchsorted(vocabulary, part_keys), len(vocabulary) - 1)
        known = vocabulary[position] == part_keys
    else:
        position = known = np.zeros(0, np.int64)
    rows = np.concatenate([rows, part_rows[known]])
    columns = np.concatenate([columns, position[known]])
    weights = np.concatenate([weights, part_weights[known]])
    owner = np.concatenate(
        [
            np.arange(n, dtype=np.int64),
            np.frombuffer(part_owner, np.int64) if part_owner else np.zeros(0, np.int64),
        ]
    )
    values = weights.astype(np.float64) * column_weight[columns]
    informative = values > 0
    rows, columns = rows[informative], columns[informative]
    shape = (len(owner), len(vocabulary))
    matrix = _normalise_rows(sp.csr_matrix((values[informative], (rows, columns)), shape=shape))
    type_weights = sp.csr_matrix((weights[informative], (rows, columns)), shape=shape)
    dates = {}
    for kind in (KIND_YEAR, KIND_MONTH, KIND_DAY):
        chosen = column_kind[columns] == kind
        dates[kind] = sp.csr_matrix(
            (np.ones(int(chosen.sum()), np.float32), (rows[chosen], columns[chosen])),
            shape=shape,
        )
    index = FeatureIndex(
        ids, owner, matrix, type_weights, dates, vocabulary, column_weight, df, column_kind
    )
    index.published = np.frombuffer(published, np.int32) if published else np.zeros(0, np.int32)
    _choose_rows(index, settings)
    return index


def _year_of(published: str | None) -> int:
    """The year of an ISO publication date ("2015-01-07", "2015-01-07T10:00"), 0 if none."""
    if published and len(published) >= 4 and published[:4].isdigit():
        return int(published[:4])
    return 0


def _choose_rows(index: FeatureIndex, settings: ClusterSettings) -> None:
    """Keep the paragraphs of a document two of which may report different events (far apart
    in content and in time): `find_roundups` looks at them. Other paragraphs are dropped."""
    n = len(index.ids)
    active = np.ones(len(index.owner), dtype=bool)
    active[n:] = False
    segment_rows: dict[int, list[int]] = {}
    for row in range(n, len(index.owner)):
        segment_rows.setdefault(int(index.owner[row]), []).append(row)
    for doc, rows in segment_rows.items():
        block = index.matrix[rows]
        cosine = (block @ block.T).toarray()
        years = index.dates[KIND_YEAR][rows]
        has_year = np.diff(years.indptr) > 0
        shared_years = (years @ years.T).toarray()
        apart = (cosine < settings.mixed_below) & (shared_years == 0) & np.outer(has_year, has_year)
        if apart.any():
            first, second = np.nonzero(np.triu(apart, 1))
            index.mixed[doc] = [
                (rows[i], rows[j]) for i, j in zip(first.tolist(), second.tolist(), strict=True)
            ]
            active[rows] = True
    keep = sp.diags(active.astype(np.float32))
    index.matrix = sp.csr_matrix(keep @ index.matrix)
    index.type_weights = sp.csr_matrix(keep @ index.type_weights)
    for kind, dates in index.dates.items():
        index.dates[kind] = sp.csr_matrix(keep @ dates)
    for m in (index.matrix, index.type_weights, *index.dates.values()):
        m.eliminate_zeros()


def _common_word_pairs(
    entries: _Entries,
    vocabulary: np.ndarray,
    columns: np.ndarray,
    df: np.ndarray,
    scope: np.ndarray,
    settings: ClusterSettings,
) -> np.ndarray:
    """Columns pairing a date with a word that the corpus shows to be common, not a name.

    "Airport" or "National" inside a sentence looks like a name; paired with a month it is as
    rare as a real town paired with that month, and would tie together any two reports of
    that month. A name is held by a small share of the articles of its languages (the busiest
    capital by some percent); a word held by more is a common word of those languages.
    """
    if not entries.combined:
        return np.zeros(0, np.int64)
    combined = np.frombuffer(entries.combined, np.int64)
    parents = np.frombuffer(entries.parents, np.int64)
    position = np.minimum(np.searchsorted(vocabulary, parents), len(vocabulary) - 1)
    known = vocabulary[position] == parents
    parent = position[known]
    common = (scope[parent] >= settings.common_min_documents) & (
        df[parent] > settings.common_share * scope[parent]
    )
    return np.unique(columns[combined[known][common]])


def _language_scope(
    columns: np.ndarray, cell_languages: np.ndarray, document_languages: np.ndarray, width: int
) -> np.ndarray:
    """Per column, how many documents are written in the languages it occurs in."""
    per_language = np.bincount(document_languages).astype(np.float64)
    pairs = np.unique(columns.astype(np.int64) * 65536 + cell_languages.astype(np.int64))
    return np.bincount(pairs // 65536, weights=per_language[pairs % 65536], minlength=width)


def _language_spread(columns: np.ndarray, languages: np.ndarray, width: int) -> np.ndarray:
    """Per column, in how many languages it occurs."""
    pairs = np.unique(columns.astype(np.int64) * 65536 + languages.astype(np.int64))
    return np.bincount(pairs // 65536, minlength=width)


def _names_across_languages(
    weights: np.ndarray,
    columns: np.ndarray,
    languages: np.ndarray,
    kinds: np.ndarray,
    codes: dict[str, int],
) -> np.ndarray:
    """Type weights with a capitalised word of a language that capitalises every noun
    weighed as a name when articles in other languages write it too: "Trugagros" in a German
    article is the name an English or Spanish report gives, not a German noun."""
    scaled = [code for language, code in codes.items() if language in NOUN_CAPITALISING]
    if not scaled:
        return weights
    spread = _language_spread(columns, languages, len(kinds))
    upgrade = np.isin(languages, scaled) & (kinds[columns] == KIND_NAME) & (spread[columns] >= 2)
    return np.where(upgrade, weights / CAPITALISED_NOUN_SCALE, weights).astype(np.float32)


def _single_language_factor(
    columns: np.ndarray,
    languages: np.ndarray,
    kinds: np.ndarray,
    df: np.ndarray,
    settings: ClusterSettings,
) -> np.ndarray:
    """Weight factor per column: a capitalised word found often, but only ever in one
    language, is a common noun (German capitalises them all), not a name."""
    spread = _language_spread(columns, languages, len(df))
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


def _normalise_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    # single precision: half the memory of a million articles' vectors, and cosines need no more
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix, dtype=np.float32)


def date_checks(index: FeatureIndex, settings: ClusterSettings) -> list[DateCheck]:
    """The years and the months each whole document gives, for `cluster_edges`.

    A year counts here where the text dates something to a month or a day of it ("in March
    2011", "3 March 2011"), as a report dates its event. A bare year counts only when it is
    the year the article came out (within `year_tolerance`): news reports what happened
    days ago, so a bare year of the publication is the year of the events reported, while
    one years before it is the year of an earlier event the article recalls (a group's
    founding, a previous attack) or of the event an anniversary piece marks; a report must not
    be held apart from its event for those (`score_pairs` still lowers the similarity of two
    documents whose years all differ). An article whose publication is not known counts no
    bare year."""
    span = range(YEAR_MIN, YEAR_MAX + 1)
    months = _document_dates(
        index, KIND_MONTH, [month_key(year, month) for year in span for month in range(1, 13)]
    )
    width = 12 * len(span)
    to_year = sp.csr_matrix(
        (np.ones(width), (np.arange(width), np.arange(width) // 12)), shape=(width, len(span))
    )
    years = sp.csr_matrix(months @ to_year)
    bare = sp.coo_matrix(_document_dates(index, KIND_YEAR, [year_key(year) for year in span]))
    published = np.zeros(len(index.owner), dtype=np.int64)
    published[: len(index.published)] = index.published
    of_publication = (published[bare.row] > 0) & (
        np.abs(bare.col + YEAR_MIN - published[bare.row]) <= settings.year_tolerance
    )
    years = sp.csr_matrix(
        years
        + sp.csr_matrix(
            (bare.data[of_publication], (bare.row[of_publication], bare.col[of_publication])),
            shape=years.shape,
        )
    )
    years.data[:] = 1.0
    checks = [DateCheck(years, settings.year_agreement, settings.year_tolerance)]
    if settings.month_agreement > 0:
        checks.append(
            DateCheck(
                months, settings.month_agreement, settings.month_tolerance, settings.month_penalty
            )
        )
    return checks


def _document_dates(
    index: FeatureIndex, kind: int, keys: list[int], paragraphs: bool = False
) -> sp.csr_matrix:
    """Rows x dates (column k = the date whose feature key is `keys[k]`: years or months in
    order, so neighbouring columns are neighbouring dates) that each whole document gives;
    paragraph rows give none (a paragraph may recall an earlier year of the same story), or,
    with `paragraphs`, only paragraph rows give theirs."""
    wanted = np.array(keys, dtype=np.int64)
    column_date = np.full(len(index.vocabulary), -1, dtype=np.int64)
    if len(index.vocabulary):
        position = np.minimum(np.searchsorted(index.vocabulary, wanted), len(index.vocabulary) - 1)
        known = index.vocabulary[position] == wanted
        column_date[position[known]] = np.flatnonzero(known)
    dated = sp.coo_matrix(index.dates[kind])
    whole = index.owner[dated.row] == dated.row
    take = (whole != paragraphs) & (column_date[dated.col] >= 0)
    return sp.csr_matrix(
        (np.ones(int(take.sum()), np.float32), (dated.row[take], column_date[dated.col[take]])),
        shape=(len(index.owner), len(keys)),
    )


# --- 2. blocking -------------------------------------------------------------------------


def candidate_pairs(index: FeatureIndex, settings: ClusterSettings) -> np.ndarray:
    """Pairs (i < j) of documents whose shared rare features weigh at least `min_shared`.

    Weights here are the type weights alone (a shared full date 2.0, a name 1.2), so the
    threshold means the same at every corpus size. Returned as a sorted (k, 2) array. The
    work per document is bounded by the number of its rare features times `max_df`.
    """
    n = index.type_weights.shape[0]
    rare = (index.df >= 2) & (index.df <= settings.max_df)
    typed = index.type_weights
    keep = rare[typed.indices]
    rare_matrix = sp.csr_matrix(
        (np.where(keep, typed.data, 0.0).astype(np.float32), typed.indices, typed.indptr),
        shape=typed.shape,
        copy=True,  # eliminate_zeros works in place: the index's own arrays must not change
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
    both give a year (a month, a day) and they share none.

    A pair that shares (almost) nothing but dates scores 0: a large corpus holds several
    events on any one day, so "when" alone never says "the same event"; something of what,
    where or who must be shared too."""
    scores = np.zeros(len(pairs), dtype=np.float64)
    not_time = (~np.isin(index.kinds, TIME_KINDS)).astype(np.float64)
    penalties = {
        KIND_YEAR: settings.year_conflict,
        KIND_MONTH: settings.month_conflict,
        KIND_DAY: settings.day_conflict,
    }
    step = 20_000  # pairs per vectorised step: bounds the memory of the row gathers
    for start in range(0, len(pairs), step):
        part = pairs[start : start + step]
        left, right = part[:, 0], part[:, 1]
        factor = np.ones(len(part))
        for kind, penalty in penalties.items():
            dates = index.dates[kind]
            given = np.diff(dates.indptr) > 0
            shared = np.asarray(dates[left].multiply(dates[right]).sum(axis=1)).ravel()
            factor *= np.where(given[left] & given[right] & (shared == 0), penalty, 1.0)
        shared = sp.csr_matrix(index.matrix[left].multiply(index.matrix[right]))
        cosine = np.asarray(shared.sum(axis=1)).ravel()
        beyond_time = shared @ not_time
        scores[start : start + step] = np.where(
            beyond_time >= settings.min_beyond_time, factor * cosine, 0.0
        )
    return scores


# --- 4. clustering -----------------------------------------------------------------------


def cluster_edges(
    n: int,
    pairs: np.ndarray,
    scores: np.ndarray,
    link: float,
    linkage: str = "centroid",
    dates: Sequence[DateCheck] = (),
    start: np.ndarray | None = None,
) -> np.ndarray:
    """Agglomerative clustering of `n` items over sparse weighted edges; returns labels.

    Groups merge best-first while their similarity stays at least `link`. With "average"
    linkage that is the mean over all |A| x |B| pairs (a missing edge counts 0). With
    "centroid" linkage it is the cosine of the groups' summed vectors, computed from the edges
    alone: S(A,B) / sqrt(M(A) M(B)) with M(A) = |A| + 2 x (similarity inside A). A group whose
    members each report different facts (one the start date, one the toll) is loose inside,
    so it is judged on what it says as a whole rather than pair by pair.

    Two groups whose dated members disagree on the year (`dates`) never merge, however much
    else they share (two crises in one town, years apart); on the month, they merge only when
    alike enough to outweigh the penalty (reports from the start and the end of a long siege
    name different months, and much else in common): see `DateCheck`.

    `start` (labels, as returned) resumes from groups found before: the agglomeration goes on
    from them, over all the edges given, as if it had stopped there.
    """
    parent = list(range(n)) if start is None else start.tolist()
    tallies = [(_Tallies(check.values, check.tolerance), check) for check in dates]

    def date_factor(a: int, b: int) -> float:
        factor = 1.0
        for tally, check in tallies:
            if tally.agreement(a, b) < check.least_share:
                factor *= check.penalty
        return factor

    size = [1] * n
    inside = [0.0] * n  # summed similarity of the pairs inside each group
    centroid = linkage == "centroid"

    def mass(group: int) -> float:
        return size[group] + 2.0 * inside[group] if centroid else float(size[group] ** 2)

    if start is not None:
        size = np.bincount(start, minlength=n).tolist()
        for row in np.flatnonzero(start != np.arange(n)).tolist():
            for tally, _ in tallies:
                tally.merge(parent[row], row)
        pairs = start[pairs]
        within = pairs[:, 0] == pairs[:, 1]
        inside = np.bincount(pairs[within, 0], scores[within], minlength=n).tolist()
        pairs, scores = pairs[~within], scores[~within]
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
        if tallies and current * date_factor(a, b) < link:
            continue  # may merge later, once either group has grown and agrees
        # Merge the smaller table into the larger one.
        if len(table_a) < len(neighbours[b] or {}):
            a, b = b, a
        table_a = neighbours[a] or {}
        table_b = neighbours[b] or {}
        parent[b] = a
        for tally, _ in tallies:
            tally.merge(a, b)
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


@dataclass(frozen=True, slots=True)
class DateCheck:
    """The dates (years, or months) each item gives, for keeping apart groups that report
    different ones.

    An event has one start date; its reports nearly all give its year and month (or the
    next, for a siege that runs into the next month or over New Year: early reports say
    December, late ones January). Two groups whose dated members agree (within `tolerance`
    columns) in less than `least_share` of their pairs report two events, be they in one town
    and by one group."""

    values: sp.csr_matrix  # items x dates in order: 1 where an item gives that date
    least_share: float
    tolerance: int
    penalty: float = 0.0  # factor of the groups' similarity when they disagree (0: never merge)


class _Tallies:
    """Per group: how many of its members give each date, and how many give any. Groups
    without a date have no table."""

    def __init__(self, matrix: sp.csr_matrix, tolerance: int) -> None:
        self.near = range(-tolerance, tolerance + 1)
        indptr, indices = matrix.indptr, matrix.indices
        self.counts: dict[int, dict[int, int]] = {}
        self.holders: dict[int, int] = {}
        for row in np.flatnonzero(np.diff(indptr)).tolist():
            self.counts[row] = dict.fromkeys(indices[indptr[row] : indptr[row + 1]].tolist(), 1)
            self.holders[row] = 1

    def agreement(self, a: int, b: int) -> float:
        """Share of the pairs (one member of each group, both holding the fact) that agree,
        counted as shared values (a member holding two years may count twice); 1 when either
        group says nothing about it."""
        first, second = self.counts.get(a), self.counts.get(b)
        if first is None or second is None:
            return 1.0
        if len(first) > len(second):
            first, second = second, first
        agreeing = sum(
            count * second.get(value + step, 0)
            for value, count in first.items()
            for step in self.near
        )
        return agreeing / (self.holders[a] * self.holders[b])

    def merge(self, a: int, b: int) -> None:
        """Group `b` joins group `a`."""
        second = self.counts.pop(b, None)
        if second is None:
            return
        first = self.counts.get(a)
        if first is None:
            self.counts[a], self.holders[a] = second, self.holders.pop(b)
            return
        if len(first) < len(second):
            first, second = second, first
            self.counts[a] = first
        for value, count in second.items():
            first[value] = first.get(value, 0) + count
        self.holders[a] += self.holders.pop(b)


def attach_strays(
    labels: np.ndarray,
    pairs: np.ndarray,
    scores: np.ndarray,
    settings: ClusterSettings,
    dates: Sequence[DateCheck] = (),
) -> np.ndarray:
    """Rows left alone by the agglomeration, or in groups of at most `stray_size`, join the
    group they are clearly closest to, all together.

    A short article (a date, a toll and the town) is close to one or two members of its
    event's group but far from the group as a whole, whose members each add facts it lacks;
    group-to-group linkage leaves it out. So is a short article and its copy. Such a small
    group joins the group its edges weigh most to, when that group outweighs the runner-up
    `stray_margin` times (a tie between two events is left alone: chaining through it is what
    linkage prevents), and not when their years disagree (`dates`, as in `cluster_edges`).
    """
    labels = labels.copy()
    sizes = np.bincount(labels, minlength=len(labels))
    stray = sizes[labels] <= settings.stray_size
    if not stray.any() or not len(pairs):
        return labels
    left, right = pairs[:, 0], pairs[:, 1]
    # every (stray row, group of a settled row) edge, both ways round
    ends = np.concatenate([left, right]), np.concatenate([right, left])
    weights = np.concatenate([scores, scores])
    chosen = stray[ends[0]] & ~stray[ends[1]]
    rows, groups, weights = labels[ends[0][chosen]], labels[ends[1][chosen]], weights[chosen]
    if not len(rows):
        return labels
    # summed weight per (row, group), then the best and the runner-up group of each row
    keys, inverse = np.unique(np.stack([rows, groups], axis=1), axis=0, return_inverse=True)
    totals = np.bincount(inverse.ravel(), weights=weights)
    order = np.lexsort((-totals, keys[:, 0]))
    keys, totals = keys[order], totals[order]
    first = np.r_[True, keys[1:, 0] != keys[:-1, 0]]
    best_rows, best_groups, best = keys[first, 0], keys[first, 1], totals[first]
    runner_up = np.zeros(len(best_rows))
    second = np.r_[False, first[:-1]] & ~first
    runner_up[np.searchsorted(best_rows, keys[second, 0])] = totals[second]
    clear = best >= settings.stray_margin * runner_up
    for check in dates:
        if check.penalty == 0:
            clear &= _date_agreement(labels, check, best_rows, best_groups) >= check.least_share
    # `best_rows` are the labels of the small groups: every member moves with its group
    target = np.arange(len(labels))
    target[best_rows[clear]] = best_groups[clear]
    return target[labels]


def _date_agreement(
    labels: np.ndarray, check: DateCheck, first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """For groups `first[k]` and `second[k]` (labels), the share of their dated pairs that
    agree on the date, counted as `_Tallies.agreement` does (1 when either gives none)."""
    n = len(labels)
    membership = sp.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(n, n))
    counts = sp.csr_matrix(membership @ check.values)  # group x date: members giving it
    holders = membership @ (np.diff(check.values.indptr) > 0).astype(np.float64)
    width = check.values.shape[1]
    steps = list(range(-check.tolerance, check.tolerance + 1))
    near = sp.diags([np.ones(width - abs(k)) for k in steps], steps, shape=(width, width))
    widened = sp.csr_matrix(counts @ near)
    agreeing = np.asarray(counts[first].multiply(widened[second]).sum(axis=1)).ravel()
    both = holders[first] * holders[second]
    return np.where(both > 0, agreeing / np.maximum(both, 1.0), 1.0)


# --- 5. memberships ----------------------------------------------------------------------


def agglomerate(
    index: FeatureIndex,
    pairs: np.ndarray,
    scores: np.ndarray,
    settings: ClusterSettings,
    checks: Sequence[DateCheck],
    held_out: Iterable[int] = (),
    start: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Labels of every row: whole documents clustered over the edges between them
    (`cluster_edges`), leaving out the documents `held_out` and every paragraph row (each
    stays a group of its own), resumed from the labels `start` if given; and the same labels
    once small groups have joined their closest group (`attach_strays`)."""
    n = len(index.ids)
    taking_part = np.zeros(len(index.owner), dtype=bool)
    taking_part[:n] = True
    taking_part[list(held_out)] = False
    chosen = taking_part[pairs[:, 0]] & taking_part[pairs[:, 1]]
    labels = cluster_edges(
        len(index.owner),
        pairs[chosen],
        scores[chosen],
        settings.link,
        settings.linkage,
        checks,
        start,
    )
    return labels, attach_strays(labels, pairs[chosen], scores[chosen], settings, checks)


def find_roundups(
    index: FeatureIndex,
    pairs: np.ndarray,
    labels: np.ndarray,
    settings: ClusterSettings,
    checks: Sequence[DateCheck] = (),
) -> set[int]:
    """Documents that report two events, each told by other documents too.

    Many articles recall an earlier event in a paragraph of its own (the previous attack on the
    town, the trial years later): unlike the rest in content and in time. Such an article is a
    roundup only when two of those paragraphs, unlike each other, each meet a different group
    of other articles (`_Meeting`): groups (`labels`) found without any article that looks
    mixed, so that none bridges them. An article whose paragraphs all meet one group, or
    groups that it alone would tie, reports one event, and is clustered whole like any other.
    """
    members = _members(index, labels, index.mixed)
    near = _groups_near(index, pairs, labels, index.mixed)
    meeting = _Meeting(index, members, settings, checks)
    roundups = set()
    for doc, apart in index.mixed.items():
        best: dict[int, tuple[float, int]] = {}
        for row in {r for pair in apart for r in pair}:
            met = [
                (closeness, label)
                for label in sorted(near.get(row, ()))
                if (closeness := meeting.closeness(doc, row, label)) > 0
            ]
            if met:
                best[row] = max(met)
        if any(
            a in best and b in best and meeting.two_events(best[a], best[b]) for a, b in apart
        ):
            roundups.add(doc)
    return roundups


class _Meeting:
    """Whether a paragraph of a mixed-looking document reports the event of a group.

    It does when it is close to the group's centroid (`segment_join`); or when it is as close
    as two groups must be to merge (`link`) and the years it names agree with the years the
    group's articles date (the share and tolerance of the year check). A paragraph is short:
    recalling an event, a report gives where and when and a figure or two, so it shares less
    with the event's reports than a whole report does; but two accounts of one event agree on
    when it happened, and a like paragraph of another year tells of another event."""

    def __init__(
        self,
        index: FeatureIndex,
        members: dict[int, list[int]],
        settings: ClusterSettings,
        checks: Sequence[DateCheck],
    ) -> None:
        self.index, self.members, self.settings = index, members, settings
        self.years = checks[0] if checks else None
        span = range(YEAR_MIN, YEAR_MAX + 1)
        self.told = (
            _document_dates(index, KIND_YEAR, [year_key(y) for y in span], paragraphs=True)
            if checks
            else None
        )

    def closeness(self, doc: int, row: int, label: int) -> float:
        """The paragraph `row`'s closeness to group `label` if it meets it, else 0."""
        closeness = _closeness(self.index, doc, [*self.members.get(label, ()), row])
        if closeness >= self.settings.segment_join:
            return closeness
        if closeness < self.settings.link or not self._years_agree(row, label):
            return 0.0
        return closeness

    def two_events(self, first: tuple[float, int], second: tuple[float, int]) -> bool:
        """Whether two groups met (closeness, label) by two paragraphs report two events:
        they are two groups, and, unless both are met closely, the year check keeps them
        apart (groups that agree on the year may be two parts of one event, a long siege
        reported from its start and from its end, which the article would bridge)."""
        if first[1] == second[1]:
            return False
        if min(first[0], second[0]) >= self.settings.segment_join:
            return True
        return self.years_apart(first[1], second[1])

    def years_apart(self, a: int, b: int) -> bool:
        """Whether the year check keeps groups `a` and `b` apart: their dated members agree
        on the year (within its tolerance) in less than its least share of their pairs, as
        `_Tallies.agreement` counts them; never when either group dates none."""
        if self.years is None:
            return False
        first, first_holders = self._group_years(a)
        second, second_holders = self._group_years(b)
        if not first_holders or not second_holders:
            return False
        widened = np.convolve(second, np.ones(2 * self.years.tolerance + 1), mode="same")
        agreement = float(first @ widened) / (first_holders * second_holders)
        return agreement < self.years.least_share

    def _group_years(self, label: int) -> tuple[np.ndarray, int]:
        """How many members of group `label` date each year, and how many date any."""
        assert self.years is not None
        values = self.years.values[self.members.get(label, [])]
        return np.asarray(values.sum(axis=0)).ravel(), int((np.diff(values.indptr) > 0).sum())

    def _years_agree(self, row: int, label: int) -> bool:
        """Whether the years paragraph `row` names agree with those group `label` dates, as
        a member of the group would have to (none agree when either names none)."""
        if self.years is None or self.told is None:
            return False
        told = self.told.indices[self.told.indptr[row] : self.told.indptr[row + 1]]
        if not len(told):
            return False
        counts, holders = self._group_years(label)
        if not holders:
            return False
        tolerance = self.years.tolerance
        agreeing = sum(
            float(counts[max(0, y - tolerance) : y + tolerance + 1].sum()) for y in told.tolist()
        )
        return agreeing / holders >= self.years.least_share


def _members(
    index: FeatureIndex, labels: np.ndarray, left_out: Iterable[int]
) -> dict[int, list[int]]:
    """The whole-document rows of each group, without `left_out`."""
    out: dict[int, list[int]] = {}
    skip = set(left_out)
    for doc in range(len(index.ids)):
        if doc not in skip:
            out.setdefault(int(labels[doc]), []).append(doc)
    return out


def _groups_near(
    index: FeatureIndex, pairs: np.ndarray, labels: np.ndarray, documents: Iterable[int]
) -> dict[int, set[int]]:
    """For each row of `documents` (whole or paragraph), the groups of the other documents it
    has an edge to."""
    n = len(index.ids)
    mine = np.zeros(len(index.owner), dtype=bool)
    mine[list(documents)] = True
    mine = mine[index.owner]
    out: dict[int, set[int]] = {}
    for a, b in ((pairs[:, 0], pairs[:, 1]), (pairs[:, 1], pairs[:, 0])):
        chosen = mine[a] & (b < n) & ~mine[b]
        for row, other in zip(a[chosen].tolist(), b[chosen].tolist(), strict=True):
            out.setdefault(row, set()).add(int(labels[other]))
    return out


def _clusters(
    index: FeatureIndex,
    labels: np.ndarray,
    pairs: np.ndarray,
    scores: np.ndarray,
    settings: ClusterSettings,
    checks: Sequence[DateCheck],
    roundups: set[int],
) -> list[EventCluster]:
    """Clusters of documents. A roundup joins the group it is closest to (whole or by a
    paragraph), as a stray joins one, and, as a secondary member, every other group one of
    its paragraphs is close to; roundups close to no group are clustered among themselves."""
    n = len(index.ids)
    members = _members(index, labels, roundups)
    primary = {doc: int(labels[doc]) for doc in range(n) if doc not in roundups}
    secondary: dict[int, list[int]] = {}
    near = _groups_near(index, pairs, labels, roundups)
    options: dict[int, set[int]] = {}
    for row, groups in near.items():
        options.setdefault(int(index.owner[row]), set()).update(groups)
    meeting = _Meeting(index, members, settings, checks)
    # (roundup, group, closeness, closeness of the paragraph that meets the group, or 0)
    ranked: list[tuple[int, int, float, float]] = []
    for doc in sorted(roundups):
        paragraphs = sorted({r for pair in index.mixed[doc] for r in pair})
        for label in sorted(options.get(doc, ())):
            whole = _closeness(index, doc, [*members[label], doc])
            part = _closeness(index, doc, [*members[label], *paragraphs])
            meets = max(meeting.closeness(doc, row, label) for row in paragraphs)
            ranked.append((doc, label, max(whole, part), meets))
    factor = np.ones(len(ranked))
    if ranked:
        whose = np.array([r[0] for r in ranked])
        to = np.array([r[1] for r in ranked])
        for check in checks:
            agree = _date_agreement(labels, check, labels[whose], to) >= check.least_share
            factor *= np.where(agree, 1.0, check.penalty)
    best: dict[int, tuple[float, int]] = {}
    for (doc, label, closeness, _), f in zip(ranked, factor.tolist(), strict=True):
        if closeness * f >= settings.link:
            best[doc] = max(best.get(doc, (0.0, -1)), (closeness * f, label))
    for doc, label, _, meets in ranked:
        if doc in best:
            primary[doc] = best[doc][1]
            if label != primary[doc] and (
                meets >= settings.segment_join
                or (meets > 0 and meeting.years_apart(primary[doc], label))
            ):
                secondary.setdefault(label, []).append(doc)
    alone = [doc for doc in sorted(roundups) if doc not in primary]
    if alone:
        among = np.isin(pairs[:, 0], alone) & np.isin(pairs[:, 1], alone)
        rest = cluster_edges(
            len(index.owner), pairs[among], scores[among], settings.link, settings.linkage, checks
        )
        primary.update({doc: int(rest[doc]) for doc in alone})
    grouped: dict[int, list[int]] = {}
    for doc in range(n):
        grouped.setdefault(primary[doc], []).append(doc)
    for label, extra in secondary.items():
        grouped[label].extend(extra)
    ordered = sorted(grouped, key=lambda label: min(grouped[label]))
    return [
        EventCluster(
            id=f"e{number}",
            documents=tuple(index.ids[d] for d in sorted(set(grouped[label]))),
            secondary=tuple(index.ids[d] for d in sorted(secondary.get(label, []))),
        )
        for number, label in enumerate(ordered, start=1)
    ]


def _closeness(index: FeatureIndex, doc: int, rows: list[int]) -> float:
    """Best cosine between one of `doc`'s paragraphs and the centroid of the other rows."""
    others = [r for r in rows if int(index.owner[r]) != doc]
    mine = [r for r in rows if int(index.owner[r]) == doc]
    if not others or not mine:
        return 0.0
    # Summed by column number, not as a matrix product: a dense centroid, or the work arrays
    # of a sparse product, are as long as the vocabulary, which grows with the corpus, and
    # there is one per roundup article.
    columns, values = _row_entries(index.matrix, others)
    used, inverse = np.unique(columns, return_inverse=True)
    centroid = np.bincount(inverse, weights=values)
    norm = float(np.sqrt((centroid**2).sum())) or 1.0
    best = 0.0
    for row in mine:
        columns, values = _row_entries(index.matrix, [row])
        # a row holds each column once, as `used` does
        _, in_used, in_row = np.intersect1d(used, columns, assume_unique=True, return_indices=True)
        best = max(best, float(values[in_row] @ centroid[in_used]))
    return best / norm


def _row_entries(matrix: sp.csr_matrix, rows: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The column numbers and values of `rows` of a CSR matrix, concatenated."""
    spans = [slice(matrix.indptr[r], matrix.indptr[r + 1]) for r in rows]
    if not spans:
        return np.zeros(0, np.int64), np.zeros(0)
    return (
        np.concatenate([matrix.indices[s] for s in spans]),
        np.concatenate([matrix.data[s] for s in spans]),
    )

