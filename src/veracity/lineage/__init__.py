"""Source lineage: which documents copy, mirror, syndicate or translate which.

`find_lineage` returns one `Lineage` link per related pair; `witness_groups` folds the links into
independent witnesses for resolution. The stages are public so that each can be swapped:
profile (shingles + fingerprint) -> candidate pairs (blocking) -> score_pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from veracity.errors import InputError
from veracity.lineage.blocking import candidate_pairs
from veracity.lineage.fingerprints import fingerprint
from veracity.lineage.groups import source_group_codes, witness_groups
from veracity.lineage.report import lineage_lines
from veracity.lineage.score import Profile, score_pair
from veracity.lineage.shingles import shingle_hashes
from veracity.model import Document, Lineage
from veracity.parallel import batched, map_batches


def profiles(documents: Sequence[Document]) -> list[Profile]:
    _check_unique_ids(documents)
    return [_profile(doc) for doc in documents]


def _profile(doc: Document) -> Profile:
    return Profile(doc, shingle_hashes(doc.text), fingerprint(doc.text, doc.language))


def find_lineage(
    documents: Sequence[Document],
    *,
    embeddings: bool = False,
    groups: Sequence[Sequence[str]] | None = None,
    workers: int = 1,
) -> list[Lineage]:
    """Every copy, near-duplicate, derived text and translation among `documents`.

    With `embeddings=True` (the `[embed]` extra), cross-language candidates are also compared by
    multilingual sentence embeddings, which finds translations that changed the numbers and names
    more than the fingerprints tolerate.

    `groups` (lists of document ids, such as the events of a corpus that mixes many) limits the
    comparison to documents of one group: a copy or a translation reports what its original
    reports, so it is clustered into the same event. The work then grows with the number of
    documents, not with the number of similar pairs in the whole corpus (news of one language
    shares many set phrases). The groups are then looked at on `workers` processes.
    """
    _check_unique_ids(documents)
    if groups is None:
        return lineage_in_blocks([documents], embeddings=embeddings)
    by_id = {doc.id: doc for doc in documents}
    blocks = ([by_id[i] for i in dict.fromkeys(group) if i in by_id] for group in groups)
    return lineage_in_blocks(blocks, embeddings=embeddings, workers=workers)


def lineage_in_blocks(
    blocks: Iterable[Sequence[Document]], *, embeddings: bool = False, workers: int = 1
) -> list[Lineage]:
    """The lineage links among the documents of each block, blocks taken one at a time (so a
    caller can stream them: only the blocks in hand need be held).

    Blocks are independent (a document's shingles do not depend on what was read before), so
    with `workers` above 1 they are looked at in forked processes, a batch at a time; the
    sentence-embedding model of `embeddings` stays in this process."""
    unique: dict[tuple[str, str], Lineage] = {}
    for links in _links_of_blocks(blocks, embeddings, workers):
        unique.update(((link.document, link.of), link) for link in links)
    return sorted(unique.values(), key=lambda link: (link.of, link.document))


def _links_of_blocks(
    blocks: Iterable[Sequence[Document]], embeddings: bool, workers: int
) -> Iterator[list[Lineage]]:
    """`_block_links` of every block of two or more documents, in order."""
    worth = (block for block in blocks if len(block) >= 2)
    if embeddings:
        from veracity.lineage.embed import SentenceMatcher

        scorer = SentenceMatcher()
        yield from (_block_links(block, scorer) for block in worth)
        return
    batches = ((None, batch) for batch in batched(worth, 64 * max(1, workers)))
    for _, links in map_batches(_block_links, batches, workers=workers, chunksize=16):
        yield from links


def _block_links(block: Sequence[Document], scorer: Any = None) -> list[Lineage]:
    """The links among the documents of one block."""
    distinct, links = _exact_copies(block)
    profs = [_profile(doc) for doc in distinct]
    for i, j in sorted(candidate_pairs(profs, cross_language_all=scorer is not None)):
        a, b = profs[i], profs[j]
        emb = None
        if scorer is not None and a.document.language != b.document.language:
            emb = scorer.score(a.document, b.document)
        link = score_pair(a, b, emb)
        if link is not None:
            links.append(link)
    return links


def _check_unique_ids(documents: Sequence[Document]) -> None:
    seen: set[str] = set()
    for doc in documents:
        if doc.id in seen:
            raise InputError(f"two documents have the id {doc.id!r}", doc.path or None)
        seen.add(doc.id)


def _exact_copies(documents: Sequence[Document]) -> tuple[list[Document], list[Lineage]]:
    """One document per distinct text, and a link from every other copy to it.

    The same article posted a thousand times would otherwise put a thousand documents in one
    LSH bucket and score every one of its half-million pairs; one link per copy says the same.
    The kept copy is the earliest published, then the first by id, as `score_pair` would direct.
    """
    by_text: dict[str, list[Document]] = {}
    for doc in documents:
        by_text.setdefault(doc.text, []).append(doc)
    distinct: list[Document] = []
    links: list[Lineage] = []
    for copies in by_text.values():
        dated = [d for d in copies if d.published]
        original = min(dated or copies, key=lambda d: ((d.published or "")[:10], d.id))
        distinct.append(original)
        for doc in copies:
            if doc is not original:
                directed = (
                    bool(doc.published)
                    and bool(original.published)
                    and ((doc.published or "")[:10] != (original.published or "")[:10])
                )
                links.append(Lineage(doc.id, original.id, "near-duplicate", 1.0, directed))
    return distinct, links


__all__ = [
    "find_lineage",
    "lineage_in_blocks",
    "lineage_lines",
    "profiles",
    "score_pair",
    "source_group_codes",
    "witness_groups",
]
