"""From a document to its claims: every profile attribute a sentence states, with its words."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from veracity.extract.dates import find_dates, find_times
from veracity.extract.lexicon import PhraseSet, Profile, fold_word
from veracity.extract.names import (
    acronym_of,
    alias_pairs,
    cities_in,
    countries_in,
    operation_names,
    organisation_mentions,
    person_after,
)
from veracity.extract.numbers import NumberMention, find_numbers
from veracity.extract.text import Sentence, split_sentences
from veracity.model import Claim, Document
from veracity.values import Count, Name, Text, Value

_REFERENCE_LINE = re.compile(r"^\s*(\d+\.\s*)?\^|^\s*\[\d+\]")
_DURATION_CLASSES = ("day", "week", "month", "hour", "minute", "year")
_BREAKS = "_breaks"
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_STOP_AFTER = re.compile(r"[.;:()\[\]!?]")


@dataclass
class _Draft:
    attribute: str
    value: Value
    start: int
    end: int
    sentence: Sentence
    qualifiers: dict[str, str]


@dataclass
class DocumentClaims:
    claims: list[Claim]
    aliases: list[tuple[str, str]]  # (acronym, full name) pairs this document states


def extract_claims(document: Document, profile: Profile) -> DocumentClaims:
    original = document
    # web addresses carry numbers and names that are not claims ("...-1008652", "sydney-cafe");
    # blank them (same length, so every offset still points into the original text)
    document = replace(document, text=_URL.sub(lambda m: " " * len(m.group()), document.text))
    language = document.language if document.language in profile.languages else "en"
    sentences = split_sentences(document.text)
    years = [int(y) for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", document.text)]
    default_year = Counter(years).most_common(1)[0][0] if years else None
    drafts: list[_Draft] = []
    matcher = profile.cue_matcher(language)
    nouns = profile.nouns_for(language)
    for sentence in sentences:
        all_hits = matcher.find_all(sentence.words)
        if _REFERENCE_LINE.match(sentence.text) or all_hits["reference"]:
            continue
        # what follows "second only to ..." is about the event compared with, not this one
        limit = all_hits["comparison"][0][0] if all_hits["comparison"] else len(sentence.words)
        cue_hits = {
            name: [(i, i + n) for i, n in hits if i < limit] for name, hits in all_hits.items()
        }
        # words followed by a comma, semicolon or colon: a cue across one is weaker
        cue_hits[_BREAKS] = [
            (i, i + 1)
            for i in range(len(sentence.words) - 1)
            if any(ch in ",;:" for ch in sentence.gap(i, i + 1))
        ]
        taken: set[int] = set()
        drafts += _dates(sentence, language, default_year, cue_hits, limit, taken)
        drafts += _counts(sentence, language, profile, nouns, cue_hits, limit, taken)
        drafts += _leaders(sentence, profile, cue_hits, limit)
        for attribute, cue in (("demands", "demand"), ("occasion", "occasion")):
            if not any(d.attribute == attribute for d in drafts):
                drafts += _text_attribute(attribute, cue, sentence, cue_hits, limit)
        drafts += _operations(sentence, profile, language, limit)
    aliases = alias_pairs(document.text, profile.connectors)
    drafts += _document_level(document, sentences, profile, language, aliases)
    claims = [
        Claim(
            id=f"{document.id}#{k}",
            document=document.id,
            attribute=d.attribute,
            value=d.value,
            text=original.text[d.start : d.end],
            quote=original.text[d.sentence.start : d.sentence.end].strip(),
            start=d.start,
            end=d.end,
            qualifiers=d.qualifiers,
        )
        for k, d in enumerate(sorted(drafts, key=lambda d: (d.start, d.attribute)))
    ]
    return DocumentClaims(claims, aliases)


def _nearest(
    cue_hits: dict[str, list[tuple[int, int]]],
    names: list[str],
    first: int,
    last: int,
    strong: frozenset[str] = frozenset(),
    decisive: frozenset[str] = frozenset(),
    noun_at: int | None = None,
) -> tuple[str | None, float]:
    """The cue of one of `names` closest to words [first, last), with its distance in words."""
    best: tuple[str | None, float] = (None, float("inf"))
    right_edge = last if noun_at is None else max(last, noun_at + 1)
    joins = [s for s, _e in cue_hits.get("conjunction", [])]
    breaks = [b for b, _ in cue_hits.get(_BREAKS, [])]
    for name in names:
        for s, e in cue_hits.get(name, []):
            if s < right_edge and e > first:
                continue  # the cue is the counted word (or its noun) itself
            if s >= right_edge and any(right_edge <= c < s and s - c <= 2 for c in joins):
                continue  # "... and the death of ...": that cue starts the next phrase
            distance = float(first - e + 1 if e <= first else s - right_edge + 1)
            lo, hi = (e - 1, first) if e <= first else (right_edge - 1, s)
            if any(lo <= b < hi for b in breaks):
                distance += 2  # "Drei Tote, sechs Verletzte": the comma ends the phrase
            if name in decisive and distance <= 3:
                distance *= 0.25
            elif name in strong:
                distance *= 0.5
            if distance < best[1]:
                best = (name, distance)
    return best


def _dates(
    sentence: Sentence,
    language: str,
    default_year: int | None,
    cue_hits: dict[str, list[tuple[int, int]]],
    limit: int,
    taken: set[int],
) -> list[_Draft]:
    out: list[_Draft] = []
    limit_char = (
        sentence.spans[limit][0] - sentence.start
        if limit < len(sentence.spans)
        else len(sentence.text)
    )
    for mention in find_dates(sentence.text, language, default_year):
        if mention.start >= limit_char:
            continue
        start, end = sentence.start + mention.start, sentence.start + mention.end
        first = sentence.word_index_at(start)
        last = sentence.word_index_at(end)
        taken.update(range(first, last))
        roles: list[str] = []
        if mention.range_role is not None:
            # "the raid on the night of 3-4 July": a range can be the operation's, not the event's
            nearest, _d = _nearest(cue_hits, ["operation", "attack", "start", "end"], first, last)
            if nearest == "operation":
                roles.append("operation.date" if mention.range_role == "from" else "event.end_date")
            else:
                roles.append(
                    "event.start_date" if mention.range_role == "from" else "event.end_date"
                )
        else:
            # an explicit beginning or end decides; the attack itself dates the start otherwise
            for cue_names, role in (
                (["start"], "event.start_date"),
                (["end"], "event.end_date"),
                (["attack"], "event.start_date"),
            ):
                cue, distance = _nearest(cue_hits, cue_names, first, last)
                # a bare year is weak evidence: only a cue right beside it gives it a role,
                # and a year far from the ones the document is about is another story
                bare = mention.value.month is None
                reach = 4 if bare else 24
                if bare and default_year is not None and abs(mention.value.year - default_year) > 3:
                    break
                if cue and distance <= reach:
                    if role == "event.start_date" and _operation_begins(cue_hits, first, last):
                        role = "operation.date"  # "the rescue began on ...": not the event
                    roles.append(role)
                    break
        op_cue, op_distance = _nearest(cue_hits, ["operation"], first, last)
        if op_cue and op_distance <= 8 and "event.start_date" not in roles:
            roles.append("operation.date")
        for role in roles:
            out.append(_Draft(role, mention.value, start, end, sentence, {}))
    for time in find_times(sentence.text):
        start = sentence.start + time.start
        first = sentence.word_index_at(start)
        taken.update(range(first, sentence.word_index_at(sentence.start + time.end)))
        if first < limit and cue_hits.get("operation"):
            out.append(
                _Draft("operation.time", time.value, start, sentence.start + time.end, sentence, {})
            )
    return out


def _operation_begins(cue_hits: dict[str, list[tuple[int, int]]], first: int, last: int) -> bool:
    """The beginning nearest the date is an operation's ("comenzó el rescate", "rescue began")."""
    start = _nearest(cue_hits, ["start"], first, last)
    if start[0] is None:
        return False
    starts = cue_hits["start"]
    nearest = min(starts, key=lambda h: min(abs(h[0] - last), abs(first - h[1])))
    return any(
        abs(s - nearest[0]) <= 3 for s, _e in cue_hits.get("operation", []) if (s, _e) != nearest
    )


def _noun_after(
    sentence: Sentence, mention: NumberMention, nouns: dict[str, PhraseSet]
) -> tuple[str | None, str | None, int | None]:
    """The class of the noun a number counts (looking a few words ahead), and the noun itself."""
    words = sentence.words
    i = mention.last
    for step in range(4):
        if i >= len(words):
            break
        if step and _STOP_AFTER.search(sentence.gap(i - 1, i)):
            break
        if i > mention.last or step == 0:
            gap = sentence.gap(i - 1, i) if i > 0 else ""
            if step == 0 and _STOP_AFTER.search(gap):
                break
        for cls, phrases in nouns.items():
            if phrases.match_at(words, i):
                return cls, words[i], i
        i += 1
    nxt = mention.last
    if nxt < len(words) and not _STOP_AFTER.search(sentence.gap(nxt - 1, nxt) if nxt > 0 else ""):
        surface = sentence.text[
            sentence.spans[nxt][0] - sentence.start : sentence.spans[nxt][1] - sentence.start
        ]
        if surface.isalpha() and surface.islower() and len(surface) >= 4:
            return None, words[nxt], nxt
    return None, None, None


_OF = frozenset(
    {"of", "de", "von", "dari", "di", "des", "dos", "das", "dei", "degli", "delle", "der"}
)
_THE = frozenset({"the", "los", "las", "os", "as", "die", "den", "les", "i", "gli", "le", "la"})


def _named_individuals(
    sentence: Sentence, nouns: dict[str, PhraseSet], mentions: list[NumberMention], taken: set[int]
) -> list[NumberMention]:
    """'the hostage Carlos Giusti was killed': one named person is at least one of the group."""
    counted = {i for m in mentions for i in range(m.first, m.last + 2)}
    out: list[NumberMention] = []
    for cls in ("hostages", "security", "perpetrators", "civilians"):
        for i, n in nouns[cls].find(sentence.words):
            j = i + n
            if i in counted or i in taken or j >= len(sentence.words):
                continue
            s, e = sentence.spans[j]
            name = sentence.text[s - sentence.start : e - sentence.start]
            plural = sentence.words[i].endswith("s") and len(sentence.words[i]) > 4
            if name[:1].isupper() and not plural and sentence.gap(j - 1, j).strip() == "":
                start, end = (
                    sentence.spans[i][0],
                    sentence.spans[min(j + 1, len(sentence.spans) - 1)][1],
                )
                out.append(NumberMention(Count(1, None, "bound"), i, i, start, end))
    return out


def _is_whole_of_part(sentence: Sentence, mention: NumberMention, ends: set[int]) -> bool:
    """'three of the 106 hostages': 106 is the group the three belong to, said in passing."""
    k = mention.first
    w = sentence.words
    if k >= 2 and w[k - 1] in _OF and (k - 1) in ends:
        return True
    return k >= 3 and w[k - 1] in _THE and w[k - 2] in _OF and (k - 2) in ends


def _noun_before(
    sentence: Sentence, mention: NumberMention, nouns: dict[str, PhraseSet]
) -> str | None:
    """A label right before the number: "Hostages17", "Geiseln: 17" (an infobox or a list)."""
    k = mention.first - 1
    if k < 0 or sentence.gap(k, mention.first).strip() not in ("", ":"):
        return None
    for cls, phrases in nouns.items():
        if phrases.match_at(sentence.words, k):
            return cls
    return None


def _counts(
    sentence: Sentence,
    language: str,
    profile: Profile,
    nouns: dict[str, PhraseSet],
    cue_hits: dict[str, list[tuple[int, int]]],
    limit: int,
    taken: set[int],
) -> list[_Draft]:
    out: list[_Draft] = []
    listed: list[tuple[_Draft, int, int]] = []
    mentions = find_numbers(sentence, language, taken)
    mentions += _named_individuals(sentence, nouns, mentions, taken)
    ends = {m.last for m in mentions}
    for mention in mentions:
        if mention.first >= limit:
            continue
        if _is_whole_of_part(sentence, mention, ends):
            continue
        cls, noun, noun_at = _noun_after(sentence, mention, nouns)
        if cls is None and noun is None:
            cls = _noun_before(sentence, mention, nouns)
        value = mention.value
        span = (mention.start, mention.end)
        if cls in _DURATION_CLASSES:
            out += _duration(sentence, profile, mention, cls, cue_hits, span)
            continue
        demand, demand_distance = _nearest(cue_hits, ["demand"], mention.first, mention.last)
        if demand and demand_distance <= 4:
            if noun and value.kind != "relative":
                out.append(_Draft(f"other.demanded_{noun}", value, *span, sentence, {}))
            continue
        rule_class = (
            cls
            if cls in profile.count_rules
            else ("none" if cls is None and noun is None else None)
        )
        if rule_class is None:
            spelled_one = (
                value.is_point and value.low == 1 and not sentence.words[mention.first].isdigit()
            )
            if noun and value.kind not in ("relative",) and not mention.all_but and not spelled_one:
                out.append(_Draft(f"other.{noun}", value, *span, sentence, {}))
            continue
        rules = profile.count_rules[rule_class]
        cue, distance = _nearest(
            cue_hits,
            [c for c in rules if c != "none"],
            mention.first,
            mention.last,
            profile.strong_cues,
            profile.decisive_cues,
            noun_at,
        )
        reach = 4 if rule_class == "none" else 20
        attribute = rules.get(cue) if cue and distance <= reach else rules.get("none")
        if attribute is None:
            continue
        qualifiers: dict[str, str] = {}
        if mention.all_but or value.kind == "relative":
            relative = _relative(attribute, rule_class, cue, mention)
            if relative is None:
                continue
            attribute, value, qualifiers = relative
        out.append(_Draft(attribute, value, *span, sentence, qualifiers))
        listed.append(
            (out[-1], mention.first, noun_at if noun_at is not None else mention.last - 1)
        )
        if (
            mention.all
            and mention.value.is_point
            and mention.value.kind == "exact"
            and rule_class == "perpetrators"
            and attribute != "perpetrator.count"
        ):
            out.append(_Draft("perpetrator.count", value, *span, sentence, {}))
    return _sum_coordinated(out, listed, sentence, cue_hits)


def _sum_coordinated(
    drafts: list[_Draft],
    listed: list[tuple[_Draft, int, int]],
    sentence: Sentence,
    cue_hits: dict[str, list[tuple[int, int]]],
) -> list[_Draft]:
    """'ten customers and eight staff were held': one count of 18, not rival counts 10 and 8."""
    joins = {s for s, _e in cue_hits.get("conjunction", [])}
    merged: list[_Draft] = []
    k = 0
    while k < len(listed):
        run = [listed[k]]
        while k + 1 < len(listed):
            prev, nxt = run[-1], listed[k + 1]
            between = range(prev[2] + 1, nxt[1])
            joined = len(between) <= 1 and all(i in joins for i in between)
            if not (joined and nxt[0].attribute == prev[0].attribute):
                break
            if not (isinstance(prev[0].value, Count) and prev[0].value.is_point):
                break
            if not (isinstance(nxt[0].value, Count) and nxt[0].value.is_point):
                break
            if len(between) == 0 and "," not in sentence.gap(prev[2], nxt[1]):
                break
            run.append(nxt)
            k += 1
        if len(run) >= 2:
            total = sum(float(d.value.low) for d, _, _ in run if isinstance(d.value, Count))
            first, last = run[0][0], run[-1][0]
            merged.append(
                _Draft(
                    first.attribute,
                    Count.exact(total),
                    first.start,
                    last.end,
                    sentence,
                    {"sum_of": str(len(run))},
                )
            )
            for d, _, _ in run:
                d.attribute = ""  # replaced by the sum
        k += 1
    return [d for d in drafts if d.attribute] + merged


def _relative(
    attribute: str, rule_class: str, cue: str | None, mention: NumberMention
) -> tuple[str, Count, dict[str, str]] | None:
    """'all hostages were rescued' = no hostage died; 'all but one militant killed' = count - 1."""
    if (
        rule_class in ("hostages", "people")
        and cue in ("rescue", "release")
        and not mention.all_but
    ):
        return "deaths.hostages", Count.exact(0), {}
    if rule_class == "perpetrators" and cue == "death":
        offset = -mention.value.low if mention.all_but else 0.0
        return (
            "deaths.perpetrators",
            Count(offset, offset, "relative"),
            {"relative_to": "perpetrator.count", "offset": str(offset)},
        )
    return None


def _duration(
    sentence: Sentence,
    profile: Profile,
    mention: NumberMention,
    unit: str,
    cue_hits: dict[str, list[tuple[int, int]]],
    span: tuple[int, int],
) -> list[_Draft]:
    spec = profile.durations.get(unit)
    if spec is None or mention.value.kind == "relative":
        return []
    hyphenated = (
        mention.last < len(sentence.words)
        and sentence.gap(mention.last - 1, mention.last).strip() == "-"
    )
    cue, distance = _nearest(cue_hits, ["duration"], mention.first, mention.last)
    if not hyphenated and not (cue and distance <= 3):
        return []
    attribute = spec["attribute"]
    if attribute == "operation.duration_minutes" and not cue_hits.get("operation"):
        attribute = "other.duration_minutes"
    v = mention.value
    value = Count(
        v.low * spec["low"],
        None if v.high is None else v.high * spec["high"],
        v.kind if spec["low"] == spec["high"] else "approximate",
    )
    return [_Draft(attribute, value, *span, sentence, {})]


def _leaders(
    sentence: Sentence, profile: Profile, cue_hits: dict[str, list[tuple[int, int]]], limit: int
) -> list[_Draft]:
    out: list[_Draft] = []
    for s, e in cue_hits.get("leader", []):
        if s >= limit:
            continue
        cue_end = sentence.spans[e - 1][1]
        person = person_after(sentence.text, sentence.start, cue_end, profile.connectors)
        if person is None:
            continue
        limit_char = sentence.spans[limit][0] if limit < len(sentence.spans) else sentence.end
        if person.start >= limit_char or person.start - cue_end > 60:
            continue
        out.append(
            _Draft("perpetrator.leader", Name(person.text), person.start, person.end, sentence, {})
        )
        break
    return out


def _text_attribute(
    attribute: str,
    cue: str,
    sentence: Sentence,
    cue_hits: dict[str, list[tuple[int, int]]],
    limit: int,
) -> list[_Draft]:
    """A free-text attribute: the words from its cue to the end of the clause (at most 12)."""
    hits = [h for h in cue_hits.get(cue, []) if h[0] < limit]
    if not hits:
        return []
    s, e = hits[0]
    # the demand is what follows "demanded"; the occasion includes its own word ("a reception")
    first = e if cue == "demand" else s
    end_word = min(len(sentence.words), limit, first + 12)
    if end_word <= first:
        return []
    start_char, end_char = sentence.spans[first][0], sentence.spans[end_word - 1][1]
    raw = sentence.text[start_char - sentence.start : end_char - sentence.start]
    phrase = re.split(r"[.;:!?,()\n]", raw)[0].strip()
    if len(phrase.split()) < 2:
        return []
    return [_Draft(attribute, Text(phrase), start_char, start_char + len(phrase), sentence, {})]


def _operations(sentence: Sentence, profile: Profile, language: str, limit: int) -> list[_Draft]:
    limit_char = sentence.spans[limit][0] if limit < len(sentence.spans) else sentence.end
    return [
        _Draft("operation.name", Name(m.text), m.start, m.end, sentence, {})
        for m in operation_names(sentence.text, sentence.start, profile, language)
        if m.start < limit_char
    ]


def _document_level(
    document: Document,
    sentences: list[Sentence],
    profile: Profile,
    language: str,
    aliases: list[tuple[str, str]],
) -> list[_Draft]:
    """Attributes a document states by what it names most: the group, the country, city, site."""
    out: list[_Draft] = []
    text = document.text
    by_offset = {s.start: s for s in sentences}
    starts = sorted(by_offset)

    def sentence_at(offset: int) -> Sentence:
        import bisect

        k = max(0, bisect.bisect_right(starts, offset) - 1)
        return by_offset[starts[k]]

    orgs = organisation_mentions(text, 0, profile, language)
    # a bare acronym ("URL", "CNN") names the group only when the document ties it to a name
    tied = {fold_word(a) for a, _ in aliases}
    full_names = [m.text for m in orgs if " " in m.text]
    orgs = [
        m
        for m in orgs
        if " " in m.text
        or fold_word(m.text) in tied
        or any(acronym_of(m.text, name, profile.connectors) for name in full_names)
    ]
    if orgs:
        counts = Counter(fold_word(m.text) for m in orgs)
        best = counts.most_common(1)[0][0]
        first = next(m for m in orgs if fold_word(m.text) == best)
        out.append(
            _Draft(
                "perpetrator.group",
                Name(first.text),
                first.start,
                first.end,
                sentence_at(first.start),
                {},
            )
        )
    countries = countries_in(text, language)
    country = countries.most_common(1)[0][0] if countries else None
    if country:
        pos = _find_name(text, country, language)
        if pos is not None:
            out.append(
                _Draft("location.country", Name(country), pos[0], pos[1], sentence_at(pos[0]), {})
            )
    cities = cities_in(text, country)
    if cities:
        city = cities.most_common(1)[0][0]
        pos = _find_name(text, city, language)
        if pos is not None:
            out.append(_Draft("location.city", Name(city), pos[0], pos[1], sentence_at(pos[0]), {}))
    site = _site(document, sentences, profile)
    if site is not None:
        kind, start, end, sentence = site
        out.append(
            _Draft(
                "location.site",
                Name(text[start:end], group=f"site:{kind}"),
                start,
                end,
                sentence,
                {},
            )
        )
    return out


def _find_name(text: str, english: str, language: str) -> tuple[int, int] | None:
    from veracity.extract.places import country_names

    forms = {english} | {k for k, v in country_names(language).items() if v == english}
    folded_text, origin = _folded_with_origin(text)
    best: tuple[int, int] | None = None
    for form in forms:
        m = re.search(r"\b" + re.escape(fold_word(form)) + r"\b", folded_text)
        if m and (best is None or origin[m.start()] < best[0]):
            best = (origin[m.start()], origin[m.end() - 1] + 1)
    return best


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset it came from in `text`."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for f in fold_word(ch):
            chars.append(f)
            origin.append(i)
    return "".join(chars), origin


def _site(
    document: Document, sentences: list[Sentence], profile: Profile
) -> tuple[str, int, int, Sentence] | None:
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int, Sentence]] = {}
    for sentence in sentences:
        for kind, phrases in profile.sites.items():
            for i, n in phrases.find(sentence.words):
                counts[kind] += 1
                if kind not in first:
                    start, end = sentence.spans[i][0], sentence.spans[i + n - 1][1]
                    # take in the capitalised words around it: "Japanese Embassy", "Teatro Dubrovka"
                    text = document.text
                    while True:
                        m = re.search(
                            r"([A-ZÁÉÍÓÚ][\w\-]+)\s+$",
                            text[max(sentence.start, start - 30) : start],
                        )
                        if not m or m.group(1).lower() in {
                            "the",
                            "la",
                            "el",
                            "le",
                            "die",
                            "der",
                            "das",
                            "il",
                            "o",
                            "a",
                        }:
                            break
                        start = start - len(m.group(0))
                    m2 = re.match(
                        r"\s+((?:[A-ZÁÉÍÓÚ][\w\-]+\s?){1,3})",
                        text[end : min(sentence.end, end + 40)],
                    )
                    if m2:
                        end = end + len(m2.group(0).rstrip())
                    first[kind] = (start, end, sentence)
    if not counts:
        return None
    kind = counts.most_common(1)[0][0]
    start, end, sentence = first[kind]
    return kind, start, end, sentence
