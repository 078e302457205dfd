"""Dates and times in a sentence, and the role each plays: start, end, the operation."""

from __future__ import annotations

from veracity.extract.dates import NUMERIC_DATE, find_dates, find_times
from veracity.extract.drafts import Draft, nearest_cue
from veracity.extract.text import Sentence
from veracity.values import DateValue

# a date the sentence states: its absolute character span, its value, whether a word such as
# "since" leads into it (a moment measured from, which dates nothing else in the sentence) and
# whether its year is stated (not taken from the document)
SeenDate = tuple[int, int, DateValue, bool, bool]


# cues that say a sentence is about the event itself: the attack, the taking or holding of
# captives, the operation that ended it, its dead and wounded (not the police or the army
# alone: "the police chief said a curfew would last until ...")
_EVENT_CUES = ("attack", "taking", "operation", "death", "injury")


def _names_the_event(cue_hits: dict[str, list[tuple[int, int]]]) -> bool:
    return any(cue_hits.get(name) for name in _EVENT_CUES)


def date_claims(
    sentence: Sentence,
    language: str,
    default_year: int | None,
    cue_hits: dict[str, list[tuple[int, int]]],
    limit: int,
    taken: set[int],
    seen: list[SeenDate] | None = None,
) -> list[Draft]:
    """Date claims of one sentence; every date it states is also appended to `seen`."""
    out: list[Draft] = []
    limit_char = (
        sentence.spans[limit][0] - sentence.start
        if limit < len(sentence.spans)
        else len(sentence.text)
    )
    for numeric in NUMERIC_DATE.finditer(sentence.text):
        # even a date whose day-month order is unknown is no count of anything
        taken.update(
            range(
                sentence.word_index_at(sentence.start + numeric.start()),
                sentence.word_index_at(sentence.start + numeric.end()),
            )
        )
    mentions = find_dates(sentence.text, language, default_year)
    date_starts = {sentence.word_index_at(sentence.start + m.start) for m in mentions}
    # "held since 4 February": a word that leads straight into a date is that date's alone
    led = {(s, e) for s, e in cue_hits.get("from_date", []) if e in date_starts}
    for mention in mentions:
        if mention.start >= limit_char:
            continue
        start, end = sentence.start + mention.start, sentence.start + mention.end
        first = sentence.word_index_at(start)
        last = sentence.word_index_at(end)
        taken.update(range(first, last))
        if not mention.year_stated and any(
            0 <= first - e <= 1 for _s, e in cue_hits.get("name_head", [])
        ):
            continue  # "Movimiento 19 de abril (M-19)": the date names the group, not a day
        if _demanded(sentence, cue_hits, first):
            continue  # "demanded the release of prisoners jailed since 2 May": not this event
        if seen is not None:
            since = any(e == first for _s, e in cue_hits.get("from_date", []))
            seen.append((start, end, mention.value, since, mention.year_stated))
        roles: list[str] = []
        role_distance = float("inf")
        if mention.range_role is not None:
            # "the raid on the night of 3-4 July": a range can be the operation's, not the event's
            nearest, _d = nearest_cue(
                cue_hits, ["operation", "attack", "start", "end"], first, last
            )
            if nearest == "operation":
                roles.append("operation.date" if mention.range_role == "from" else "event.end_date")
            else:
                roles.append(
                    "event.start_date" if mention.range_role == "from" else "event.end_date"
                )
        else:
            # the nearest cue decides: an explicit beginning or end, or the attack itself, which
            # dates the start
            bare = mention.value.month is None
            # a bare year is weak evidence: only a cue right beside it gives it a role,
            # and a year far from the ones the document is about is another story
            reach = 4 if bare else 24
            if bare and default_year is not None and abs(mention.value.year - default_year) > 3:
                continue
            chosen: tuple[float, str] | None = None
            # "put an end to the siege on ...", "the siege ended on ...": the attack word is what
            # ended, not a date of its own
            bounds = [h for name in ("start", "end") for h in cue_hits.get(name, [])]
            role_hits = dict(cue_hits)
            # "On 9 May the gunman entered and attacked the bank": a verb after "and" still
            # tells what the date's subject did (a count's cue after "and" opens another phrase)
            role_hits["conjunction"] = []
            role_hits["start"] = [
                (s, e) for s, e in cue_hits.get("start", []) if (s, e) not in led or e == first
            ]
            # "released", "freed" end the event only when captives are what was freed: "on
            # 17 March the group released the names of the attackers" ends nothing
            if not cue_hits.get("taking"):
                releases = cue_hits.get("release", [])
                role_hits["end"] = [
                    (s, e)
                    for s, e in cue_hits.get("end", [])
                    if not any(s < re_ and rs < e for rs, re_ in releases)
                ]
            role_hits["attack"] = [
                (s, e)
                for s, e in cue_hits.get("attack", [])
                if not any(abs(s - be) <= 2 or abs(bs - e) <= 2 for bs, be in bounds)
            ]
            for cue_names, role in (
                (["start"], "event.start_date"),
                (["end"], "event.end_date"),
                (["attack"], "event.start_date"),
            ):
                cue, distance = nearest_cue(role_hits, cue_names, first, last)
                if cue and distance <= reach and (chosen is None or distance < chosen[0]):
                    chosen = (distance, role)
            if any(e == first for _s, e in cue_hits.get("from_date", [])):
                # "held hostage since 4 November", "dal 4 novembre", "desde el 4 de
                # noviembre": the word that leads into the date says it is when it began
                chosen = (0.0, "event.start_date")
            if chosen is None and not bare:
                # "on 5 August 33 miners were trapped": the taking itself dates the start
                cue, distance = nearest_cue(cue_hits, ["taking_verb"], first, last)
                if cue and distance <= 20:
                    chosen = (distance, "event.start_date")
            if chosen is not None and chosen[1] == "event.end_date" and not _names_the_event(
                cue_hits
            ):
                # "a curfew until 16 April", "fin mars, après la réouverture": an end, but of
                # something the sentence does not say is the attack, the siege or the captivity
                chosen = None
            if chosen is not None:
                role = chosen[1]
                if role == "event.start_date" and (
                    _operation_begins(cue_hits, first, last) or _forces_attack(cue_hits)
                ):
                    role = "operation.date"  # "the rescue began on ...": not the event
                roles.append(role)
                role_distance = chosen[0]
        op_cue, op_distance = nearest_cue(cue_hits, ["operation"], first, last)
        # "ended on 22 April when commandos stormed": the end was the operation's day too; but
        # "the assault began a crisis that lasted until ...": that end is not the assault's
        if (
            op_cue
            and op_distance <= min(8.0, role_distance + 4)
            and "event.start_date" not in roles
            and "operation.date" not in roles
        ):
            roles.append("operation.date")
        # "13 de octubre": the year is the document's guess, which the event may correct
        qualifiers = {} if mention.year_stated else {"year": "assumed"}
        for role in roles:
            out.append(Draft(role, mention.value, start, end, sentence, dict(qualifiers)))
    for time in find_times(sentence.text):
        start = sentence.start + time.start
        first = sentence.word_index_at(start)
        taken.update(range(first, sentence.word_index_at(sentence.start + time.end)))
        if first < limit and cue_hits.get("operation"):
            out.append(
                Draft("operation.time", time.value, start, sentence.start + time.end, sentence, {})
            )
    return out


def _demanded(sentence: Sentence, cue_hits: dict[str, list[tuple[int, int]]], first: int) -> bool:
    """The date stands in what was demanded: a demand cue before it in the same clause (no
    comma, semicolon or conjunction between)."""
    joins = {s for s, _e in cue_hits.get("conjunction", [])}
    for _s, e in cue_hits.get("demand", []):
        if (
            e <= first
            and not any(k in joins for k in range(e, first))
            and not any(ch in sentence.gap(e - 1, first) for ch in ",;:()")
        ):
            return True
    return False


def _operation_begins(cue_hits: dict[str, list[tuple[int, int]]], first: int, last: int) -> bool:
    """The beginning nearest the date is an operation's ("comenzó el rescate", "rescue began")."""
    start = nearest_cue(cue_hits, ["start"], first, last)
    if start[0] is None:
        return False
    starts = cue_hits["start"]
    nearest = min(starts, key=lambda h: min(abs(h[0] - last), abs(first - h[1])))
    return any(
        abs(s - nearest[0]) <= 3 for s, _e in cue_hits.get("operation", []) if (s, _e) != nearest
    )


def _forces_attack(cue_hits: dict[str, list[tuple[int, int]]]) -> bool:
    """"Commandos stormed the depot on ...": the attack word is the forces' own (it is an
    operation word too, and the sentence names the forces), so the date is the operation's."""
    attack = set(cue_hits.get("attack", []))
    operation = set(cue_hits.get("operation", []))
    shared = attack & operation
    forces = bool(operation - shared) or bool(cue_hits.get("forces"))
    return bool(shared) and forces and not (attack - shared)
