"""Align two fingerprints and measure how much of them runs in the same order.

The longest common subsequence of the two token sequences pairs up tokens; matches that follow
one another closely in *both* texts form a chain. Independent articles about one event share key
figures, but in short chains with long stretches of their own facts between; a translation keeps
almost every fact of the shorter text in one or a few long chains.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from veracity.lineage.fingerprints import Fingerprint

# Tokens two matches may be apart in either text and still be links of one chain: a translation
# renders some names differently ("Japanese Embassy" / "Kedutaan Besar Jepang"), which leaves
# short unmatched stretches inside a faithful run.
CHAIN_GAP = 3
# Fewer facts than this in a row happen by chance in chronological accounts of one event.
MIN_CHAIN = 3
# A faithful run says its facts at about the same length in both texts: a translation renders a
# passage sentence by sentence, whereas a summary that packs into one sentence what the other
# text spreads over paragraphs (with prose and no facts between, which CHAIN_GAP does not see)
# only shares the facts. Runs whose text spans differ more than this ratio are not chains.
MIN_SPAN_RATIO = 0.5


@dataclass(frozen=True, slots=True)
class Alignment:
    chained: int  # facts in chains of at least MIN_CHAIN facts (the smaller count of two sides)
    longest: int  # facts in the longest chain
    longest_density: float  # share of the facts in the longest chain's span that it matches
    facts_a: int
    facts_b: int
    own_a: int  # facts of a outside every chain: what a says that b does not
    own_b: int

    @property
    def coverage(self) -> float:
        """Chained facts as a share of the smaller fingerprint: near 1 for a full translation."""
        smaller = min(self.facts_a, self.facts_b)
        return self.chained / smaller if smaller else 0.0


def _chain_facts(run: list[tuple[int, int]], a: Fingerprint, b: Fingerprint) -> int:
    return min(len({a.facts[i] for i, _ in run}), len({b.facts[j] for _, j in run}))


def _density(run: list[tuple[int, int]], a: Fingerprint, b: Fingerprint, matched: int) -> float:
    span_a = a.facts[run[-1][0]] - a.facts[run[0][0]] + 1
    span_b = b.facts[run[-1][1]] - b.facts[run[0][1]] + 1
    return matched / max(span_a, span_b)


def _span_ratio(run: list[tuple[int, int]], a: Fingerprint, b: Fingerprint) -> float:
    """The shorter of the two stretches of text a run covers, over the longer (in characters)."""
    span_a = a.offsets[run[-1][0]] - a.offsets[run[0][0]]
    span_b = b.offsets[run[-1][1]] - b.offsets[run[0][1]]
    return min(span_a, span_b) / max(span_a, span_b, 1)


def align(a: Fingerprint, b: Fingerprint) -> Alignment:
    if not a.tokens or not b.tokens:
        return Alignment(0, 0, 0.0, a.n_facts, b.n_facts, a.n_facts, b.n_facts)
    blocks = LCSseq.editops(a.tokens, b.tokens).as_matching_blocks()
    pairs = [(blk.a + k, blk.b + k) for blk in blocks for k in range(blk.size)]
    runs: list[list[tuple[int, int]]] = []
    for pair in pairs:
        last = runs[-1][-1] if runs else None
        if last and pair[0] - last[0] <= CHAIN_GAP and pair[1] - last[1] <= CHAIN_GAP:
            runs[-1].append(pair)
        else:
            runs.append([pair])
    chained = 0
    longest = 0
    longest_density = 0.0
    in_chain_a: set[int] = set()
    in_chain_b: set[int] = set()
    for run in runs:
        n = _chain_facts(run, a, b)
        if n < MIN_CHAIN or _span_ratio(run, a, b) < MIN_SPAN_RATIO:
            continue
        chained += n
        in_chain_a.update(a.facts[i] for i, _ in run)
        in_chain_b.update(b.facts[j] for _, j in run)
        if n > longest:
            longest, longest_density = n, _density(run, a, b, n)
    return Alignment(
        chained=chained,
        longest=longest,
        longest_density=longest_density,
        facts_a=a.n_facts,
        facts_b=b.n_facts,
        own_a=a.n_facts - len(in_chain_a),
        own_b=b.n_facts - len(in_chain_b),
    )
