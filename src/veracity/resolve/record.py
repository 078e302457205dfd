"""From claims to a record: candidate values, the claim table, resolution, checks and verdicts."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

import numpy as np
from scipy import sparse

from veracity.extract.named import own_name_words
from veracity.model import Alternative, Claim, Reported, Resolution, Verdict
from veracity.resolve import ClaimTable, Result, resolve
from veracity.resolve.derived import add_left_out_parts, constraints_checked, left_out_of, sums_of
from veracity.values import (
    AGREE,
    Count,
    CountKind,
    DateValue,
    Name,
    Text,
    Value,
    compatibility,
    compatible_pairs,
    fold,
    specificity,
)

# A claim extraction is less sure of than this never makes its source contradicted on its own:
# the words may not state this attribute of this event at all.
WEAK_CLAIM = 0.1
# The least a claim weighs, however unsure extraction is: the claim model judges words, not
# facts, and must not silence a source on its own.
WEIGHT_FLOOR = 0.5
# The distinct values of one attribute in one event that become candidates. Candidates are
# compared pairwise (a range with every range it overlaps), so without a bound one long document
# stating thousands of different figures would cost the square of its claims. Real events stay
# far below (the most in the development and holdout events: 22). Beyond it the values stated
# by the most documents, then by the most claims, are kept; the claims of the others are still
# judged, against the value chosen.
MAX_CANDIDATES = 500


@dataclass
class Outcome:
    record: dict[str, Resolution]
    reliability: dict[str, float]
    verdicts: dict[str, Verdict]
    checks: list[dict[str, object]]
    claims: list[Claim]


@dataclass
class EventInput:
    """One event to reconcile: its id, the claims of its documents and those documents."""

    event: str
    claims: Sequence[Claim]
    document_ids: Sequence[str]


@dataclass
class EventTable:
    """One event's claims as a truth-discovery table, with what is needed to read the result.

    Sources are the event's documents (`document_ids[i]` is source i); a solver that pools
    sources across events (publishers) maps them itself.
    """

    event: str
    document_ids: list[str]
    attributes: list[str]
    blocks: list[tuple[int, int]]  # candidates [lo, hi) of each attribute
    values: list[Value]  # per candidate
    claims: list[Claim]  # in table order: claim k asserts candidate `table.candidate[k]`
    given: list[Claim]  # as given (the report lists claims in document order)
    support: list[tuple[int, int, float]]  # (a, b, s): a claim of a supports b by s > 0
    table: ClaimTable
    # (attribute index, claim) of the claims whose value was not made a candidate
    # (MAX_CANDIDATES): not in the table, judged against the value chosen
    unranked: list[tuple[int, Claim]] = field(default_factory=list)


# A solver resolves many event tables at once: per event (the numpy algorithms) or all
# together (the relational engine, where a publisher's reliability spans events). The second
# argument names the pass: "absolute" (facts not relative to another), "facts" (all facts, the
# pass whose reliabilities are reported) or "text" (free text).
Solver = Callable[[Sequence[EventTable], str], list[Result]]


def per_event_solver(resolver: str = "default") -> Solver:
    """Each event on its own with a named algorithm (sources are the event's documents)."""

    def solve(tables: Sequence[EventTable], stage: str) -> list[Result]:
        return [resolve(t.table, resolver) for t in tables]

    return solve


def reconcile(
    event: str,
    claims: Sequence[Claim],
    document_ids: Sequence[str],
    witness_group: dict[str, str],
    resolver: str = "default",
    languages: dict[str, str] | None = None,
    published: Mapping[str, str] | None = None,
) -> Outcome:
    """Resolve every attribute the claims speak of, in two passes so that relative claims
    ("all but one of the militants") are read against the value they refer to."""
    return reconcile_events(
        [EventInput(event, claims, document_ids)],
        witness_group,
        per_event_solver(resolver),
        languages,
        published=published,
    )[0]


def reconcile_events(
    events: Sequence[EventInput],
    witness_group: dict[str, str],
    solver: Solver,
    languages: dict[str, str] | None = None,
    constraints: Sequence[dict[str, object]] | None = None,
    published: Mapping[str, str] | None = None,
) -> list[Outcome]:
    """Reconcile many events, each solver call covering all of them (three calls in all).

    `constraints`: the profile's `[[constraints]]` of kind "sum" (a total and its categories)
    and "running" (counts that grow as reports come in: tolls); the attack profile's deaths and
    injuries by default. `published`: when each document was published (ISO text), for running
    counts."""
    sums = sums_of(constraints)
    timeline = Timeline(published or {}, _running(constraints))
    langs = languages or {}
    # free text (a demand, an occasion) is worded differently by every source: resolved on its
    # own so that wording never counts against a source's reliability
    texts = [[c for c in e.claims if isinstance(c.value, Text)] for e in events]
    facts = [[c for c in e.claims if not isinstance(c.value, Text)] for e in events]
    absolute = [[c for c in f if "relative_to" not in c.qualifiers] for f in facts]
    first = _resolve_all(events, absolute, witness_group, solver, langs, "absolute", timeline)
    usable = []
    rejected = []
    for f, out in zip(facts, first, strict=True):
        concrete = [_materialise(c, out.record) for c in f]
        kept, out_of_order = _in_order([c for c in concrete if c is not None], out.record)
        usable.append(kept)
        rejected.append(out_of_order)
    outcomes = _resolve_all(events, usable, witness_group, solver, langs, "facts", timeline)
    for claims, outcome in zip(usable, outcomes, strict=True):
        timeline.annotate(claims, outcome)
    for outcome, out_of_order in zip(outcomes, rejected, strict=True):
        outcome.claims.extend(out_of_order)  # shown, with no verdict against their source
    with_text = [k for k, t in enumerate(texts) if t]
    worded = _resolve_all(
        [events[k] for k in with_text],
        [texts[k] for k in with_text],
        witness_group,
        solver,
        langs,
        "text",
    )
    for k, w in zip(with_text, worded, strict=True):
        outcomes[k].record.update(w.record)
        outcomes[k].verdicts.update(w.verdicts)
        outcomes[k].claims.extend(texts[k])
    left_out = left_out_of(constraints)
    for e, outcome in zip(events, outcomes, strict=True):
        stated = {c.attribute for c in outcome.claims}
        added = add_left_out_parts(
            outcome.record, outcome.claims, outcome.verdicts, left_out, witness_group
        )
        outcome.checks = added + constraints_checked(e.event, outcome.record, sums, stated)
    return outcomes


def _resolve_all(
    events: Sequence[EventInput],
    claim_lists: Sequence[Sequence[Claim]],
    witness_group: dict[str, str],
    solver: Solver,
    languages: dict[str, str],
    stage: str,
    timeline: Timeline | None = None,
) -> list[Outcome]:
    tables = [
        build_table(e.event, claims, e.document_ids, witness_group, timeline)
        for e, claims in zip(events, claim_lists, strict=True)
    ]
    solved = [k for k, t in enumerate(tables) if t.values]
    results = solver([tables[k] for k in solved], stage) if solved else []
    outcomes = [
        Outcome({}, {d: 0.5 for d in t.document_ids}, {}, [], list(t.given)) for t in tables
    ]
    for k, result in zip(solved, results, strict=True):
        outcomes[k] = interpret(tables[k], result, witness_group, languages)
    return outcomes


def _materialise(claim: Claim, record: dict[str, Resolution]) -> Claim | None:
    target = claim.qualifiers.get("relative_to")
    if target is None:
        return claim
    base = record.get(target)
    if base is None or not isinstance(base.value, Count) or not base.value.is_point:
        return None
    n = base.value.low + float(claim.qualifiers.get("offset", "0"))
    if n < 0:
        return None
    return replace(claim, value=Count(n, n, "relative"))


def _days(value: DateValue) -> tuple[date, date]:
    """The first and last day a date stated at its precision may be."""
    if value.month is None:
        return date(value.year, 1, 1), date(value.year, 12, 31)
    if value.day is None:
        last = calendar.monthrange(value.year, value.month)[1]
        return date(value.year, value.month, 1), date(value.year, value.month, last)
    return date(value.year, value.month, value.day), date(value.year, value.month, value.day)


def _in_order(
    claims: Sequence[Claim], record: dict[str, Resolution]
) -> tuple[list[Claim], list[Claim]]:
    """An end before the start cannot be. When a first pass puts the end before the start, one
    of the two stands: the one whose rival claims (ends before that start, or starts after that
    end) come from fewer documents. Those rival claims are set aside, not resolved (another
    event's dates, or misread), so that the record never holds an impossible pair. (A start
    stated after an agreed end is left to resolution: it contradicts the record, and its source
    is told so.)"""
    start, end = record.get("event.start_date"), record.get("event.end_date")
    if start is None or end is None:
        return list(claims), []
    s, e = start.value, end.value
    if not (isinstance(s, DateValue) and isinstance(e, DateValue)) or _days(e)[1] >= _days(s)[0]:
        return list(claims), []
    first_day, last_day = _days(s)[0], _days(e)[1]

    def ends_too_early(c: Claim) -> bool:
        return (
            c.attribute == "event.end_date"
            and isinstance(c.value, DateValue)
            and _days(c.value)[1] < first_day
        )

    def starts_too_late(c: Claim) -> bool:
        return (
            c.attribute == "event.start_date"
            and isinstance(c.value, DateValue)
            and _days(c.value)[0] > last_day
        )

    early = {c.document for c in claims if ends_too_early(c)}
    late = {c.document for c in claims if starts_too_late(c)}
    if (len(early), -start.confidence) <= (len(late), -end.confidence):
        wrong_side = ends_too_early  # the start stands
    else:
        wrong_side = starts_too_late
    kept, rejected = [], []
    for claim in claims:
        if wrong_side(claim):
            rejected.append(
                replace(
                    claim,
                    qualifiers={**claim.qualifiers, "rejected": "end before start"},
                    confidence=min(claim.confidence, 0.05),
                )
            )
        else:
            kept.append(claim)
    return kept, rejected


def build_table(
    event: str,
    claims: Sequence[Claim],
    document_ids: Sequence[str],
    witness_group: dict[str, str],
    timeline: Timeline | None = None,
) -> EventTable:
    """Candidates (one per distinct value of an attribute), support between them, claim rows.

    With a `timeline`, an earlier figure of a running count that a later report overtook backs
    the record as the lower bound it has become ("at least 39" once 71 are reported dead)."""
    doc_index = {d: i for i, d in enumerate(document_ids)}
    groups = sorted(set(witness_group.get(d, d) for d in document_ids))
    group_index = {g: i for i, g in enumerate(groups)}
    by_attribute: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_attribute[claim.attribute].append(claim)
    attributes = sorted(by_attribute)

    cand_values: list[Value] = []
    cand_item: list[int] = []
    claim_cand: list[int] = []
    claim_source: list[int] = []
    ordered_claims: list[Claim] = []
    blocks: list[tuple[int, int]] = []
    unranked: list[tuple[int, Claim]] = []
    for item, attribute in enumerate(attributes):
        offset = len(cand_values)
        keys: dict[str, int] = {}
        narrowed = _narrowed_by_document(by_attribute[attribute])
        overtaken = (
            timeline.overtaken(attribute, by_attribute[attribute]) if timeline else frozenset()
        )
        stated = []
        for claim in by_attribute[attribute]:
            value = narrowed.get(claim.id, claim.value)
            if claim.id in overtaken and isinstance(value, Count):
                value = Count(value.low, None, "bound")
            stated.append((claim, value))
        kept = _candidate_keys(stated)
        for claim, value in stated:
            key = value.key()
            if kept is not None and key not in kept:
                unranked.append((item, claim))
                continue
            if key not in keys:
                keys[key] = len(cand_values)
                cand_values.append(value)
                cand_item.append(item)
            claim_cand.append(keys[key])
            claim_source.append(doc_index[claim.document])
            ordered_claims.append(claim)
        blocks.append((offset, len(cand_values)))

    n = len(cand_values)
    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    eligible = np.ones(n, dtype=bool)
    spec = np.array([specificity(v) for v in cand_values]) if n else np.zeros(0)
    for lo, hi in blocks:
        rows.extend(range(lo, hi))
        cols.extend(range(lo, hi))
        data.extend([1.0] * (hi - lo))
        for a, b, s in compatible_pairs(cand_values[lo:hi]):
            rows.append(lo + a)
            cols.append(lo + b)
            data.append(s)
            # a vague or coarse value yields to a precise one it contains
            if s >= AGREE and spec[lo + b] > spec[lo + a]:
                eligible[lo + a] = False
    table = ClaimTable(
        source=np.array(claim_source, dtype=np.int64),
        candidate=np.array(claim_cand, dtype=np.int64),
        candidate_item=np.array(cand_item, dtype=np.int64),
        n_sources=len(document_ids),
        support=sparse.csr_matrix((data, (rows, cols)), shape=(n, n)),
        source_group=np.array(
            [group_index[witness_group.get(d, d)] for d in document_ids], dtype=np.int64
        ),
        candidate_eligible=eligible,
        candidate_specificity=spec,
        claim_weight=(
            WEIGHT_FLOOR + (1.0 - WEIGHT_FLOOR) * np.array([c.confidence for c in ordered_claims])
            if any(c.confidence != 1.0 for c in ordered_claims)
            else None
        ),
    )
    return EventTable(
        event=event,
        document_ids=list(document_ids),
        attributes=attributes,
        blocks=blocks,
        values=cand_values,
        claims=ordered_claims,
        given=list(claims),
        support=list(zip(rows, cols, data, strict=True)),
        table=table,
        unranked=unranked,
    )


# counts that grow as reports come in, when no profile says (the attack profile's tolls)
_DEFAULT_RUNNING = frozenset(
    {
        "deaths.total",
        "deaths.hostages",
        "deaths.security",
        "deaths.perpetrators",
        "deaths.civilians",
        "injured.total",
        "injured.hostages",
        "injured.security",
    }
)


def _running(constraints: Sequence[dict[str, object]] | None) -> frozenset[str]:
    if constraints is None:
        return _DEFAULT_RUNNING
    out: set[str] = set()
    for c in constraints:
        attributes = c.get("attributes")
        if c.get("kind") == "running" and isinstance(attributes, list):
            out.update(str(a) for a in attributes)
    return frozenset(out)


Moment = tuple[date, datetime | None]


def publication_moment(published: str | None) -> Moment | None:
    """A publication date as (day, UTC time or None when only the day is known); None when the
    text is no ISO date."""
    if not published:
        return None
    text = published.strip()
    try:
        if len(text) <= 10:
            return date.fromisoformat(text), None
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.date(), moment


def _later(a: Moment, b: Moment) -> bool:
    """Whether a is later than b: by the time when both have one, else by the day."""
    if a[1] is not None and b[1] is not None:
        return a[1] > b[1]
    return a[0] > b[0]


@dataclass
class Timeline:
    """When each document was published, and which attributes are running counts (a toll grows
    as reports come in: the latest figure outranks the earlier ones, which were right when
    published and are the count's history)."""

    published: Mapping[str, str]
    running: frozenset[str]

    def moment(self, claim: Claim) -> Moment | None:
        return publication_moment(self.published.get(claim.document))

    def _dated(self, attribute: str, claims: Sequence[Claim]) -> list[tuple[Claim, Moment]]:
        if attribute not in self.running or not self.published:
            return []
        out = []
        for claim in claims:
            moment = self.moment(claim)
            value = claim.value
            if moment is not None and isinstance(value, Count) and value.kind != "relative":
                out.append((claim, moment))
        return out

    def overtaken(self, attribute: str, claims: Sequence[Claim]) -> frozenset[str]:
        """The claims of a running count whose figure a later-published document exceeds."""
        dated = self._dated(attribute, claims)
        out = set()
        for claim, moment in dated:
            value = claim.value
            assert isinstance(value, Count)
            if value.high is None:
                continue  # a lower bound already
            for other, when in dated:
                assert isinstance(other.value, Count)
                if other.value.low > value.high and _later(when, moment):
                    out.add(claim.id)
                    break
        return frozenset(out)

    def annotate(self, claims: Sequence[Claim], outcome: Outcome) -> None:
        """The count's history on each running count of the record; an overtaken figure below
        the record's is the count as it then stood, not a contradiction of it."""
        by_attribute: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_attribute[claim.attribute].append(claim)
        for attribute, own in by_attribute.items():
            res = outcome.record.get(attribute)
            dated = self._dated(attribute, own)
            if res is None or not dated:
                continue
            record_low = res.value.low if isinstance(res.value, Count) else None
            for claim_id in self.overtaken(attribute, own):
                claim = next(c for c in own if c.id == claim_id)
                assert isinstance(claim.value, Count) and claim.value.high is not None
                below = record_low is not None and claim.value.high < record_low
                if below and outcome.verdicts.get(claim_id) == "contradicted":
                    outcome.verdicts[claim_id] = "uncorroborated"
            history = _history(dated, self.published)
            if len(history) >= 2:
                outcome.record[attribute] = replace(res, history=history)


def _history(
    dated: Sequence[tuple[Claim, Moment]], published: Mapping[str, str]
) -> tuple[Reported, ...]:
    """The figures of a count as published: one entry per (publication time, figure), oldest
    first, with the documents that gave it (the time as the first of them states it)."""
    documents: dict[tuple[Moment, str], set[str]] = defaultdict(set)
    values: dict[tuple[Moment, str], Count] = {}
    for claim, moment in dated:
        assert isinstance(claim.value, Count)
        key = (moment, claim.value.key())
        documents[key].add(claim.document)
        values[key] = claim.value

    def order(key: tuple[Moment, str]) -> tuple[datetime, float]:
        (day, time), _ = key
        return time or datetime.combine(day, datetime.min.time()), values[key].low

    out = []
    for key in sorted(documents, key=order):
        members = tuple(sorted(documents[key]))
        out.append(Reported(published[members[0]], values[key], members))
    return tuple(out)


def _candidate_keys(stated: Sequence[tuple[Claim, Value]]) -> set[str] | None:
    """The keys of the values to make candidates, or None for all of them (at most
    MAX_CANDIDATES distinct): those stated by the most documents, then by the most claims,
    then the first stated."""
    documents: dict[str, set[str]] = defaultdict(set)
    claims: dict[str, int] = defaultdict(int)
    for claim, value in stated:
        key = value.key()
        documents[key].add(claim.document)
        claims[key] += 1
    if len(claims) <= MAX_CANDIDATES:
        return None
    order = {key: k for k, key in enumerate(claims)}  # first stated first
    ranked = sorted(claims, key=lambda key: (-len(documents[key]), -claims[key], order[key]))
    return set(ranked[:MAX_CANDIDATES])


def _narrowed_by_document(claims: Sequence[Claim]) -> dict[str, Value]:
    """One document's several figures for one quantity hold together: "at least 129" and "some
    130" (117-143) say 129-143. Each such claim backs only that overlap in the table (its own
    value still decides its verdict), so a loose bound does not lend the document to a figure its
    tighter words exclude."""
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim.value, Count) and claim.value.kind != "relative":
            by_document[claim.document].append(claim)
    out: dict[str, Value] = {}
    for own in by_document.values():
        if len(own) < 2:
            continue
        counts = [c.value for c in own if isinstance(c.value, Count)]
        low = max(v.low for v in counts)
        highs = [v.high for v in counts if v.high is not None]
        high = min(highs) if highs else None
        if high is not None and low > high:
            continue  # the document contradicts itself: each figure stands alone
        kind: CountKind = "exact" if high == low else ("bound" if high is None else "approximate")
        overlap = Count(low, high, kind)
        for claim in own:
            v = claim.value
            if not isinstance(v, Count):
                continue
            wider_above = high is not None and (v.high is None or v.high > high)
            if v.low < low or wider_above:
                out[claim.id] = overlap
    return out


def interpret(
    event_table: EventTable,
    result: Result,
    witness_group: dict[str, str],
    languages: dict[str, str],
) -> Outcome:
    """Record, statuses, alternatives and verdicts from a solver's result for one event."""
    event = event_table.event
    document_ids = event_table.document_ids
    doc_index = {d: i for i, d in enumerate(document_ids)}
    attributes, blocks = event_table.attributes, event_table.blocks
    cand_values, ordered_claims = event_table.values, event_table.claims
    claim_cand = [int(c) for c in event_table.table.candidate]
    reliability = {d: float(result.reliability[i]) for d, i in doc_index.items()}

    record: dict[str, Resolution] = {}
    verdicts: dict[str, Verdict] = {}
    # the claims of the table, then those whose value was no candidate (judged all the same)
    unranked_of_item: dict[int, list[int]] = defaultdict(list)
    ordered_claims = list(ordered_claims)
    for item, claim in event_table.unranked:
        unranked_of_item[item].append(len(ordered_claims))
        ordered_claims.append(claim)
    group_of_claim = [witness_group.get(c.document, c.document) for c in ordered_claims]
    claims_of_cand: dict[int, list[int]] = defaultdict(list)
    for k, c in enumerate(claim_cand):
        claims_of_cand[c].append(k)
    for item, attribute in enumerate(attributes):
        lo, hi = blocks[item]
        winner = int(result.truth[item])
        if winner < 0:
            continue
        winner_value = cand_values[winner]
        item_claims = [k for c in range(lo, hi) for k in claims_of_cand[c]]
        item_claims += unranked_of_item.get(item, [])
        agrees = {
            k: compatibility(ordered_claims[k].value, winner_value) >= AGREE for k in item_claims
        }
        speaking_groups = {group_of_claim[k] for k in item_claims}
        agreeing_groups = {group_of_claim[k] for k in item_claims if agrees[k]}
        witnesses = {
            group_of_claim[k]
            for k in item_claims
            if agrees[k] and _witnesses(ordered_claims[k].value, winner_value)
        }
        free_text = isinstance(winner_value, Text)
        agreeing_languages = {
            languages.get(ordered_claims[k].document) for k in item_claims if agrees[k]
        }
        for k in item_claims:
            others_speak = len(speaking_groups - {group_of_claim[k]}) > 0
            if not agrees[k] and free_text:
                # two wordings of a demand differ without contradicting each other
                verdicts[ordered_claims[k].id] = "uncorroborated"
            elif (
                not agrees[k]
                and isinstance(winner_value, Name)
                and languages.get(ordered_claims[k].document) not in agreeing_languages
            ):
                # a name in another language may be a translation we cannot see: not a conflict
                verdicts[ordered_claims[k].id] = "uncorroborated"
            elif not agrees[k]:
                # a weak claim, or one the text implies without stating it (a lone attacker
                # from "the gunman"), never accuses its source
                strong = (
                    ordered_claims[k].confidence >= WEAK_CLAIM
                    and "inferred" not in ordered_claims[k].qualifiers
                )
                verdicts[ordered_claims[k].id] = (
                    "contradicted" if others_speak and strong else "uncorroborated"
                )
            elif agreeing_groups - {group_of_claim[k]}:
                verdicts[ordered_claims[k].id] = "supported"
            else:
                verdicts[ordered_claims[k].id] = "uncorroborated"
        confidence = float(result.confidence[winner])
        alternatives = []
        for c in range(lo, hi):
            if c == winner or compatibility(cand_values[c], winner_value) >= AGREE:
                continue
            alternatives.append(
                Alternative(
                    cand_values[c],
                    round(float(result.confidence[c]), 3),
                    _supporters(c, claims_of_cand, ordered_claims),
                )
            )
        alternatives.sort(key=lambda a: -a.confidence)
        supporters = tuple(sorted({ordered_claims[k].document for k in item_claims if agrees[k]}))
        if len(speaking_groups) == 1:
            status = "single-source"
        elif not alternatives:
            # a loose bound ("at least 379" beside 817) contradicts nothing but confirms
            # nothing either: agreement needs a second witness of the value itself
            status = "agreed" if len(witnesses) > 1 else "single-source"
        elif confidence >= 1.5 * max(a.confidence for a in alternatives) and confidence >= 0.4:
            status = "resolved"
        else:
            status = "disputed"
        record[attribute] = Resolution(
            event=event,
            attribute=attribute,
            value=_display_value(winner, cand_values, claims_of_cand, ordered_claims, agrees),
            confidence=round(confidence, 3),
            status=status,  # type: ignore[arg-type]
            supported_by=supporters,
            alternatives=tuple(alternatives),
        )
        del agreeing_groups
    return Outcome(record, reliability, verdicts, [], list(event_table.given))


# a bound or a range witnesses a figure only if it nearly pins it down: its low end within a
# tenth of the figure, its high end (if any) within a quarter above it
_WITNESS_BELOW = 1.1
_WITNESS_ABOVE = 1.25


def _witnesses(claimed: Value, value: Value) -> bool:
    """Whether a claim that agrees with `value` also states it: every claim does, except a
    bound or a range about a figure, which must nearly pin the figure down ("40 to 50"
    witnesses 40; "at least 379" does not witness 817)."""
    if not (isinstance(claimed, Count) and isinstance(value, Count)) or claimed == value:
        return True
    if not value.is_point or claimed.is_point:
        return True
    v = value.low
    return claimed.low * _WITNESS_BELOW >= v and (
        claimed.high is None or claimed.high <= v * _WITNESS_ABOVE
    )


def _supporters(
    c: int, claims_of_cand: dict[int, list[int]], claims: list[Claim]
) -> tuple[str, ...]:
    return tuple(sorted({claims[k].document for k in claims_of_cand[c]}))


def _display_value(
    winner: int,
    values: list[Value],
    claims_of_cand: dict[int, list[int]],
    claims: list[Claim],
    agrees: dict[int, bool],
) -> Value:
    """Names are shown in the form most supporters use, in its careful spelling."""
    value = values[winner]
    if not isinstance(value, Name):
        return value
    forms: dict[str, int] = defaultdict(int)
    for k in claims_of_cand[winner]:
        v = claims[k].value
        if isinstance(v, Name):
            forms[v.canonical] += 1
    if not forms:
        return value
    # spellings of one form ("Néstor Cerpa", "Nestor Cerpa") count together
    folded: dict[str, int] = defaultdict(int)
    for f, n in forms.items():
        folded[fold(f)] += n
    chosen = max(folded, key=lambda f: (folded[f], len(f)))
    # ... unless a supporter says the same more fully ("Entebbe International Airport" for
    # "Entebbe Airport"): every word of the common form, and more, in one of the others
    words = set(chosen.split())
    # (a word more, not a particle more: "mina de San José" says no more than "mina San José")
    fuller = [
        f for f in folded if set(f.split()) > words and max(map(len, set(f.split()) - words)) > 3
    ]
    if fuller and len(words) >= 2:
        chosen = max(fuller, key=lambda f: (folded[f], -len(f)))
    elif len(words) == 1 and value.group.startswith("site:"):
        # a bare kind word ("embassy", "embajada") names no place: a supporter's mention
        # that says which one ("Embassy of Japan", "US embassy") is the record's
        named = [f for f in forms if len(f.split()) >= 2]
        if named:
            chosen = fold(max(named, key=lambda f: (own_name_words(f), folded[fold(f)], -len(f))))
    # the careful spelling (with its diacritics) first, then the commonest
    spellings = [f for f in forms if fold(f) == chosen]
    best = max(spellings, key=lambda f: (any(ord(ch) > 127 for ch in f), forms[f], len(f)))
    return Name(best, value.group)
