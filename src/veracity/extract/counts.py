"""Numbers in a sentence, and the attribute each counts: who, and what happened to them."""

from __future__ import annotations

import re
from dataclasses import replace

from veracity.extract.dates import month_names
from veracity.extract.drafts import BREAKS, Draft, nearest_cue
from veracity.extract.hostage_roles import (
    LONG_UNITS,
    THROUGHOUT,
    held_after_release,
    held_throughout,
    takes_counted_people,
)
from veracity.extract.lexicon import NumberLexicon, PhraseSet, Profile, fold_word, number_lexicon
from veracity.extract.numbers import NumberMention, find_numbers
from veracity.extract.text import Sentence
from veracity.extract.zeros import under_condition
from veracity.values import Count

# nouns of a body of people, never one person: "Police Commissioner Andrew" names no officer
_BODIES = frozenset(
    {"police", "polizei", "policia", "polisi", "pulis", "polizia", "army", "military", "militer",
     "militar", "ejercito", "exercito", "armee", "esercito", "tentara", "hukbo"}
)

_DURATION_CLASSES = ("day", "week", "month", "hour", "minute", "year")


_STOP_AFTER = re.compile(r"[.;:()\[\]!?]")


def _noun_after(
    sentence: Sentence,
    mention: NumberMention,
    nouns: dict[str, PhraseSet],
    not_nouns: frozenset[str],
    number_starts: set[int],
    language: str,
) -> tuple[str | None, str | None, int | None]:
    """The class of the noun a number counts (looking a few words ahead), and the noun itself.

    The look-ahead stops at punctuation and at the next number: in "two Palestinians and two
    members of ..." the first two does not count the members.
    """
    words = sentence.words
    i = mention.last
    for step in range(4):
        if i >= len(words):
            break
        if step and i in number_starts and not (mention.partitive or words[mention.last] in _OF):
            break  # "three of the 106 hostages" still counts hostages
        gap = sentence.gap(i - 1, i) if i > 0 else ""
        if _STOP_AFTER.search(gap):
            break
        # the most specific entry decides; on a tie, the class listed first
        matched = [
            (phrases.specificity_at(words, i), -k, cls)
            for k, (cls, phrases) in enumerate(nouns.items())
        ]
        best = max(matched, default=((0, 0), 0, ""))
        if best[0][0]:
            return best[2], words[i], i
        if step == 0 and i + 1 < len(words) and words[i + 1] in _RATE and words[i] not in not_nouns:
            break  # "300 calories a day", "trescientas calorías por día": the noun was the first
        i += 1
    nxt = mention.last
    if nxt < len(words) and not _STOP_AFTER.search(sentence.gap(nxt - 1, nxt) if nxt > 0 else ""):
        surface = sentence.text[
            sentence.spans[nxt][0] - sentence.start : sentence.spans[nxt][1] - sentence.start
        ]
        if (
            surface.isalpha()
            and surface.islower()
            and len(surface) >= 4
            and words[nxt] not in not_nouns
            and words[nxt] not in month_names(language)
        ):
            return None, words[nxt], nxt
    return None, None, None


_OF = frozenset(
    {"of", "de", "von", "dari", "di", "des", "dos", "das", "dei", "degli", "delle", "der"}
)


# words after a counted noun that make a rate or a measure of it: the count is of that noun
_RATE = frozenset({"por", "per", "pro", "a", "each", "every", "al", "par"})


_THE = frozenset({"the", "los", "las", "os", "as", "die", "den", "les", "i", "gli", "le", "la"})


def _named_individuals(
    sentence: Sentence,
    found: dict[str, list[tuple[int, int]]],
    mentions: list[NumberMention],
    taken: set[int],
    cue_hits: dict[str, list[tuple[int, int]]],
    language: str,
) -> list[NumberMention]:
    """'the hostage Carlos Giusti was killed': one named person is at least one of the group.

    Not a title ("Police Commissioner Andrew Scipione": a capitalised noun, outside German,
    is part of a name) nor a nationality ("tentara Australia": Australian soldiers, since
    Indonesian does not mark the plural)."""
    from veracity.extract.places import country_names

    countries = country_names(language)
    counted = {i for m in mentions for i in range(m.first, m.last + 2)}
    out: list[NumberMention] = []
    if _title_case(sentence):
        return out  # "Moscow Hostage Crisis: 150 Hostages Die": a headline capitalises words
    in_cues = {i for hits in cue_hits.values() for s, e in hits for i in range(s, e)}
    # "die bewaffneten Rebellen": in German a capital after a noun may be one more noun
    in_nouns = {i for hits in found.values() for s, n in hits for i in range(s, s + n)}
    for cls in ("hostages", "security", "perpetrators", "civilians"):
        for i, n in found.get(cls, []):
            j = i + n
            if (
                i in counted
                or i in taken
                or j >= len(sentence.words)
                or j in in_cues
                or j in in_nouns
            ):
                continue
            s, e = sentence.spans[j]
            name = sentence.text[s - sentence.start : e - sentence.start]
            plural = sentence.words[i].endswith("s") and len(sentence.words[i]) > 4
            titled = (
                language != "de"
                and i > 0
                and sentence.text[sentence.spans[i][0] - sentence.start].isupper()
            )
            if titled or fold_word(name) in countries or sentence.words[i] in _BODIES:
                continue
            if name[:1].isupper() and not plural and sentence.gap(j - 1, j).strip() == "":
                start, end = (
                    sentence.spans[i][0],
                    sentence.spans[min(j + 1, len(sentence.spans) - 1)][1],
                )
                out.append(NumberMention(Count(1, None, "bound"), i, i, start, end))
    return out


def _title_case(sentence: Sentence) -> bool:
    words = [w for w in sentence.text.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _opens_with_whole(sentence: Sentence, mention: NumberMention) -> bool:
    """'Of the 120 hostages, ...' opening a sentence or a clause."""
    k = mention.first
    w = sentence.words
    back = 2 if k >= 2 and w[k - 1] in _THE and w[k - 2] in _OF else 1
    if k < back or w[k - back] not in _OF:
        return False
    start = k - back
    return start == 0 or "," in sentence.gap(start - 1, start) or ";" in sentence.gap(start - 1, start)


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


def count_claims(
    sentence: Sentence,
    language: str,
    profile: Profile,
    nouns: dict[str, PhraseSet],
    cue_hits: dict[str, list[tuple[int, int]]],
    limit: int,
    taken: set[int],
    noun_hits: dict[str, list[tuple[int, int]]] | None = None,
) -> list[Draft]:
    """Count claims of one sentence; `noun_hits` (the noun matcher's finds, word index and
    length) may be given when the caller has them already."""
    out: list[Draft] = []
    listed: list[tuple[Draft, int, int]] = []
    mentions = find_numbers(sentence, language, taken)
    matcher = profile.noun_matcher(language)
    found = noun_hits if noun_hits is not None else matcher.find_all(sentence.words)
    mentions += _named_individuals(sentence, found, mentions, taken, cue_hits, language)
    ends = {m.last for m in mentions}
    number_starts = {m.first for m in mentions}
    lex = number_lexicon(language)
    not_nouns = lex.not_nouns
    whole_cue: str | None = None  # the fate of the last number read, for a part it includes
    elided: tuple[str | None, str | None, int | None] | None = None
    # the numbers that may count people (not "444 days"): only they take a fate word away
    noun_of = [
        _noun_after(sentence, m, nouns, not_nouns, number_starts, language) for m in mentions
    ]
    mentions = _parts_listed_together(mentions, noun_of, cue_hits)
    # the sentence's long lengths ("for 444 days"): their number's first word and their unit
    lengths = [
        (m.first, at)
        for m, (unit, _noun, at) in zip(mentions, noun_of, strict=True)
        if unit in LONG_UNITS and at is not None
    ]
    counted_people = [
        m
        for m, found_noun in zip(mentions, noun_of, strict=True)
        if found_noun[0] not in _DURATION_CLASSES
        and not _amount(sentence.words, m.last, lex.units)
    ]
    for mention, found_noun in zip(mentions, noun_of, strict=True):
        if mention.first >= limit:
            continue
        if _is_whole_of_part(sentence, mention, ends):
            if found_noun[0] == "perpetrators" and mention.value.is_point:
                # "eight of the nine gunmen": the whole band is the count of attackers
                span = (mention.start, mention.end)
                out.append(Draft("perpetrator.count", mention.value, *span, sentence, {}))
            continue
        if _opens_with_whole(sentence, mention):
            # "Of the 120 hostages, 90 were freed": the 120 names the group the next number
            # counts a part of; it is said in passing, and lends that number its noun
            elided = found_noun
            continue
        # "Of the dead, 67 were inside": a part of a group the clause opened with
        part_of_whole = _after_partitive_opener(sentence, mention, lex)
        if found_noun[0] is None and found_noun[1] is None and elided is not None:
            found_noun = (elided[0], elided[1], None)
            elided = None
            part_of_whole = True
        if _amount(sentence.words, mention.last, lex.units):
            continue  # "10,000 roubles a month", "32 km", "5 milioni di euro": not people
        cls, noun, noun_at = found_noun
        if cls == "perpetrators" and _members_of_forces(sentence, noun_at, found, lex):
            cls = "security"  # "forty members of the gendarmerie's intervention group"
        elif cls == "perpetrators" and _members_of_other(sentence, noun_at, found, profile, lex):
            cls = None  # "eight members of the newspaper's staff": neither band nor forces
        if cls == "people" and _agent_of_taking(sentence, mention, cue_hits, lex):
            cls = "perpetrators"  # "the plane was hijacked by 3 men": they are the band
        elif cls == "people" and noun_at is not None and takes_counted_people(
            sentence, noun_at, _people_after(mentions, noun_of, noun_at), cue_hits, lex.agent
        ):
            # "four men took 191 people hostage": the band ("four others ...": some of it)
            if _more_people(sentence.words, mention, lex.others) or _others_after(
                sentence, noun_at, lex.others
            ):
                continue
            cls = "perpetrators"
        if (
            noun_at is not None
            and noun_at > mention.last + 1
            and _fate_noun(cue_hits, mention.last) is not None
        ):
            # "Three Dead After Police Storm Café": the fate right after the number is its
            # noun; "police" further on is somebody else ("three dead police officers" keeps
            # its noun: nothing stands between)
            cls, noun, noun_at = None, None, None
        if cls is None and noun is None:
            cls = _noun_before(sentence, mention, nouns)
            if cls in _DURATION_CLASSES:
                cls = None  # "im Monat 10.000": a label before a number names people, not time
        if cls is None and _more_people(sentence.words, mention, lex.others):
            cls, noun = "people", None  # "15 others", "otras trece fueron liberadas"
        fate = _fate_noun(cue_hits, mention.last if noun_at is None else noun_at) if cls is None else None
        if fate is not None:
            cls, noun = None, None  # "334 morts", "12 Tote", "40 dead": the fate is the noun
        value = mention.value
        span = (mention.start, mention.end)
        if cls in _DURATION_CLASSES:
            out += _duration(sentence, profile, mention, cls, cue_hits, span, lex)
            continue
        demand, demand_distance = nearest_cue(cue_hits, ["demand"], mention.first, mention.last)
        if demand and demand_distance <= 4 and fate is None:
            if noun and value.kind != "relative":
                out.append(Draft(f"other.demanded_{noun}", value, *span, sentence, {}))
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
                out.append(Draft(f"other.{noun}", value, *span, sentence, {}))
            continue
        rules = profile.count_rules[rule_class]
        own_edge = noun_at if noun_at is not None else mention.last - 1
        cue, distance = nearest_cue(
            _cues_of(cue_hits, own_edge, mention, counted_people),
            [c for c in rules if c != "none"],
            mention.first,
            mention.last,
            profile.strong_cues,
            profile.decisive_cues,
            noun_at,
        )
        if fate is not None:
            cue, distance = fate, 0.0
        if mention.included and whole_cue in rules:
            cue, distance = whole_cue, 0.0  # "12 dead, including three police": dead too
        reach = 4 if rule_class == "none" else 20
        if cue and distance <= reach:
            whole_cue = cue
        attribute = rules.get(cue) if cue and distance <= reach else rules.get("none")
        if attribute is None:
            continue
        held = _held_role(
            sentence, mention, noun_at, rule_class, attribute, rules, cue_hits, lengths
        )
        if held == "remaining":
            cue, distance, attribute = held, 0.0, rules[held]
        if mention.first == mention.last and not (cue and distance <= reach):
            continue  # a named person with no fate in reach says nothing about a count
        if value.kind == "vague" and not (cue and distance <= reach):
            continue  # "Mehrere Geiseln appellierten ...": several, of nothing that happened
        if cue in ("death", "injury") and _threatened(cue_hits, cue, mention.first):
            continue  # "rebels prepared to kill themselves": a threat, not a toll
        # "four of the younger kidnappers", "empat penculik yang lebih muda", "two kidnappers
        # who tried to surrender", "among them 40 soldiers": a part of a group, never its total
        subset = _subset(sentence, mention, rule_class, noun_at, cue_hits, lex)
        if (subset or part_of_whole) and attribute in _totals(profile):
            continue
        if (
            mention.included
            and attribute in _totals(profile)
            and value.is_point
            and rule_class != "perpetrators"  # "91 aboard, including the 4 hijackers": all 4
        ):
            value = Count(value.low, None, "bound")  # "60 held, including 14 envoys": 14+
        if part_of_whole and value.is_point and _fate_of_the_whole(cue_hits, cue, mention):
            value = Count(value.low, None, "bound")  # "of the 85 dead, 67 were inside": 67+
        if subset and value.is_point and not _cue_inside(cue_hits, cue, subset):
            value = Count(value.low, None, "bound")  # "four younger kidnappers were killed": 4+
        qualifiers: dict[str, str] = {}
        if held == THROUGHOUT:
            # held through a long length: the ones left, if its document tells of more taken
            qualifiers[THROUGHOUT] = rules["remaining"]
        if mention.included and rule_class == "people" and value.is_point:
            # "their hostages, including 12 crew members": the crew are some of the hostages
            value = Count(value.low, None, "bound")
        if mention.all_but or value.kind == "relative":
            relative = _relative(attribute, rule_class, cue, mention)
            if relative is None:
                continue
            if relative[1] == Count.exact(0) and under_condition(
                sentence, profile, language, mention.first
            ):
                continue  # "refused to refuel unless all passengers were released"
            attribute, value, qualifiers = relative
        out.append(Draft(attribute, value, *span, sentence, qualifiers))
        listed.append(
            (out[-1], mention.first, noun_at if noun_at is not None else mention.last - 1)
        )
        if (
            (mention.all or _whole_band_named(sentence, mention, cue, cue_hits, lex.definite))
            and mention.value.is_point
            and mention.value.kind == "exact"
            and rule_class == "perpetrators"
            and attribute != "perpetrator.count"
        ):
            out.append(Draft("perpetrator.count", value, *span, sentence, {}))
    return _sum_coordinated(out, listed, sentence, cue_hits)


def _people_after(
    mentions: list[NumberMention],
    noun_of: list[tuple[str | None, str | None, int | None]],
    edge: int,
) -> list[int]:
    """The first words of the counts of people or hostages after word `edge`."""
    return [
        m.first
        for m, (cls, _noun, _at) in zip(mentions, noun_of, strict=True)
        if m.first > edge and cls in ("people", "hostages")
    ]


def _others_after(sentence: Sentence, noun_at: int, others: frozenset[str]) -> bool:
    """'empat orang lainnya', 'four men more': others of a group, said after the noun."""
    k = noun_at + 1
    return k < len(sentence.words) and sentence.words[k] in others


def _held_role(
    sentence: Sentence,
    mention: NumberMention,
    noun_at: int | None,
    rule_class: str,
    attribute: str,
    rules: dict[str, str],
    cue_hits: dict[str, list[tuple[int, int]]],
    lengths: list[tuple[int, int]],
) -> str | None:
    """The cue that makes a figure read as the people taken count those left at the end
    instead: held after others were freed ("remaining"), or held through a long length
    (THROUGHOUT: so if its document tells of more taken; hostage_roles.py)."""
    if "remaining" not in rules or attribute not in (rules.get("taking"), rules.get("none")):
        return None
    last = noun_at + 1 if noun_at is not None else mention.last
    if held_after_release(sentence, mention.first, last, cue_hits):
        return "remaining"
    # those held through it all are a roster, counted exactly; a round figure held "for 61
    # days" ("nearly 60", "about 100") is the crowd taken; a part "including 14 ambassadors"
    # shares its group's role
    if (
        mention.value.kind == "exact"
        and not mention.included
        and held_throughout(
            sentence, mention.first, last, lengths, cue_hits, rule_class == "hostages"
        )
    ):
        return THROUGHOUT
    return None


# the cues whose attribute counts a whole group (the band, the hostages taken, the forces sent)
_WHOLE_CUES = ("none", "taking", "attack", "operation")
# cues that say what a band did as a band: a relative clause holding one describes all of it
# ("the 14 militants who seized the embassy"), not a part
_BAND_CUES = ("attack", "taking", "operation")


def _totals(profile: Profile) -> frozenset[str]:
    """The attributes that count a whole group: perpetrator.count, hostages.initial, ..."""
    return frozenset(
        attribute
        for rules in profile.count_rules.values()
        for cue, attribute in rules.items()
        if cue in _WHOLE_CUES
    )


def _subset(
    sentence: Sentence,
    mention: NumberMention,
    rule_class: str,
    noun_at: int | None,
    cue_hits: dict[str, list[tuple[int, int]]],
    lex: NumberLexicon,
) -> tuple[int, int] | None:
    """The words that make the number count a part of a group, not all of it, as a span of word
    indices (the relative clause, or the modifier); None when it counts the group.

    - "four of the kidnappers" (a partitive);
    - a comparative or superlative beside the noun: "four younger kidnappers", "cuatro
      secuestradores más jóvenes", "empat penculik yang lebih muda", "vier jüngere Entführer";
    - a distributive before the number: "four groups, each with four gunmen";
    - for a band of attackers, a restrictive relative clause saying anything but what the band
      did as a band: "four kidnappers who tried to surrender" (but "the 14 militants who seized
      the embassy" is the band).
    """
    words = sentence.words
    for k in range(max(0, mention.first - 4), mention.first):
        n = lex.each.match_at(words, k)
        # ("each of the 14 militants" is all of them)
        if n and not _broken(sentence, k, mention.first) and not _whole_after(words, k + n, mention):
            return (k, mention.first)
    if mention.all:
        return None
    if mention.partitive:
        return (mention.last, mention.last + 1)
    edge = noun_at if noun_at is not None else mention.last - 1
    for k in range(mention.last, edge):  # between the number and its noun
        if lex.subset.match_at(words, k):
            return (k, k + 1)
    # right after the noun, in the same phrase ("más jóvenes", "les plus jeunes", "yang lebih")
    for k in range(edge + 1, min(edge + 4, len(words))):
        if _broken(sentence, edge, k):
            break
        n = lex.subset.match_at(words, k)
        if n and not (k + n < len(words) and words[k + n][:1].isdigit()):
            return (k, k + n)
    rel = edge + 1
    if (
        rule_class == "perpetrators"
        and noun_at is not None
        and rel < len(words)
        and lex.relative.match_at(words, rel)
        and not _broken(sentence, edge, rel)  # "14 militants, who ...": said of them all
    ):
        end = rel + 1
        while end < len(words) and end - rel < 12 and not _broken(sentence, end - 1, end):
            end += 1
        band = any(
            rel < s < end for name in _BAND_CUES for s, _e in cue_hits.get(name, [])
        )
        if not band:
            return (rel, end)
    return None


def _whole_after(words: list[str], k: int, mention: NumberMention) -> bool:
    """'each of (the) N': the number follows the distributive word straight through "of"."""
    between = words[k : mention.first]
    return bool(between) and between[0] in _OF and len(between) <= 2


def _agent_of_taking(
    sentence: Sentence,
    mention: NumberMention,
    cue_hits: dict[str, list[tuple[int, int]]],
    lex: NumberLexicon,
) -> bool:
    """'hijacked by 3 men', 'secuestrado por cinco hombres', 'dibajak oleh lima orang': the
    people after the agent's preposition of a taking or an attack did it."""
    k = sentence.word_index_at(mention.start) - 1
    if k < 1 or sentence.words[k] not in lex.agent:
        return False
    return any(
        0 <= k - e <= 1 for name in ("taking", "attack") for _s, e in cue_hits.get(name, [])
    )


def _fate_of_the_whole(
    cue_hits: dict[str, list[tuple[int, int]]], cue: str | None, mention: NumberMention
) -> bool:
    """The fate the part is given is said of the whole before it ("of the 85 dead, 67 were
    inside"), not of the part itself ("of the 75 hostages, 60 were freed")."""
    hits = cue_hits.get(cue, []) if cue else []
    return any(e <= mention.first for _s, e in hits) and not any(
        mention.last <= s <= mention.last + 6 for s, _e in hits
    )


def _after_partitive_opener(sentence: Sentence, mention: NumberMention, lex: NumberLexicon) -> bool:
    """The number's clause opens with "of the ...", "among the ...", "de los ...", "dari ..."
    and a comma, then the number: it counts a part of that group."""
    words = sentence.words
    first = sentence.word_index_at(mention.start)
    if first < 2 or "," not in sentence.gap(first - 1, first):
        return False
    start = first - 1
    while start > 0 and not any(ch in sentence.gap(start - 1, start) for ch in ",;:.()"):
        start -= 1
    return 1 <= first - start <= 6 and lex.partitive_opener.match_at(words, start) > 0


# "members of the ...", "membres du ...", "miembros del ...", "membri della ..."
_MEMBER_OF = _OF | {"du", "del", "della", "dello", "do", "da", "dal", "dem"}


def _members_of_other(
    sentence: Sentence,
    noun_at: int | None,
    found: dict[str, list[tuple[int, int]]],
    profile: Profile,
    lex: NumberLexicon,
) -> bool:
    """'members of' something that is no armed group: not a name (a capital), not a group
    word, not the attackers' noun ("huit membres du journal", "miembros de nuestra
    fuerza")."""
    words = sentence.words
    if noun_at is None or not lex.members.match_at(words, noun_at):
        return False
    k = noun_at + 1
    if k >= len(words) or words[k] not in _MEMBER_OF or _broken(sentence, noun_at, k):
        return False
    k += 1
    if k < len(words) and words[k] in _THE:
        k += 1
    if k >= len(words):
        return False
    s, e = sentence.spans[k]
    capital = sentence.text[s - sentence.start : e - sentence.start][:1].isupper()
    band = any(i == k for i, _n in found.get("perpetrators", []))
    named_band = lex.band.match_at(words, k) or profile.generic_name_words.match_at(words, k)
    return not (capital or band or named_band)


def _members_of_forces(
    sentence: Sentence,
    noun_at: int | None,
    found: dict[str, list[tuple[int, int]]],
    lex: NumberLexicon,
) -> bool:
    """'members' counts whoever they are members of: soldiers, police or special forces named
    in the same phrase ("40 members of the police intervention unit", "anggota pasukan khusus")
    make them the forces, not the attackers."""
    if noun_at is None or not lex.members.match_at(sentence.words, noun_at):
        return False
    end = noun_at + 1
    while end < len(sentence.words) and end - noun_at <= 7 and not _broken(sentence, end - 1, end):
        end += 1
    forces = [s for s, _n in found.get("security", [])]
    forces += [k for k in range(noun_at + 1, end) if lex.forces.match_at(sentence.words, k)]
    return any(noun_at < s < end for s in forces)


def _broken(sentence: Sentence, i: int, j: int) -> bool:
    """Punctuation stands between word i and word j."""
    return any(ch in ",;:.()[]!?" for ch in sentence.gap(i, j))


def _cue_inside(
    cue_hits: dict[str, list[tuple[int, int]]], cue: str | None, span: tuple[int, int]
) -> bool:
    """The fate that picked the attribute opens the words that single out the part ("four
    kidnappers who were killed", "yang tewas"): they count exactly the ones it befell."""
    return cue is not None and any(
        span[0] <= s < min(span[1], span[0] + 4) for s, _e in cue_hits.get(cue, [])
    )


def _whole_band_named(
    sentence: Sentence,
    mention: NumberMention,
    cue: str | None,
    cue_hits: dict[str, list[tuple[int, int]]],
    definite: PhraseSet,
) -> bool:
    """'stormed the building, killing the 40 gunmen', 'abatieron a los cuatro terroristas': a
    fate done to "the" so many attackers is done to all of them, so their number is the band's.
    ("The two gunmen killed were ..." may be two of more: the fate must come first.)"""
    if cue is None or not any(e <= mention.first for _s, e in cue_hits.get(cue, [])):
        return False
    return any(
        definite.match_at(sentence.words, k) == mention.first - k
        for k in range(max(0, mention.first - 2), mention.first)
    )


def _parts_listed_together(
    mentions: list[NumberMention],
    noun_of: list[tuple[str | None, str | None, int | None]],
    cue_hits: dict[str, list[tuple[int, int]]],
) -> list[NumberMention]:
    """'including 133 hostages and 40 gunmen': every part of the list is a part of the whole,
    not only the first one after the word that opens it."""
    joins = {s for s, _e in cue_hits.get("conjunction", [])}
    out = list(mentions)
    for k in range(1, len(out)):
        before, noun = out[k - 1], noun_of[k - 1][2]
        if not before.included or out[k].included:
            continue
        edge = noun if noun is not None else before.last - 1
        between = range(edge + 1, out[k].first)
        if len(between) == 1 and between[0] in joins:
            out[k] = replace(out[k], included=True)
    return out


def _sum_coordinated(
    drafts: list[Draft],
    listed: list[tuple[Draft, int, int]],
    sentence: Sentence,
    cue_hits: dict[str, list[tuple[int, int]]],
) -> list[Draft]:
    """'ten customers and eight staff were held': one count of 18, not rival counts 10 and 8."""
    joins = {s for s, _e in cue_hits.get("conjunction", [])}
    merged: list[Draft] = []
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
        if len(run) >= 3 and _apposed_total(run, sentence):
            # "five people, three workers and two customers": the five is the total, the rest
            # its breakdown; one count, not three
            for d, _, _ in run[1:]:
                d.attribute = ""
        elif len(run) >= 2:
            total = sum(float(d.value.low) for d, _, _ in run if isinstance(d.value, Count))
            first, last = run[0][0], run[-1][0]
            merged.append(
                Draft(
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


def _cues_of(
    cue_hits: dict[str, list[tuple[int, int]]],
    own_edge: int,
    mention: NumberMention,
    mentions: list[NumberMention],
) -> dict[str, list[tuple[int, int]]]:
    """The cues this number may take: a cue after it that leads straight into another number
    belongs to that one ("850 hostages, ending the lives of at least 170 people")."""
    # a part introduced by "including" shares the fate of its whole ("five died, including two")
    later = [
        m.first for m in mentions if m.first > own_edge and m is not mention and not m.included
    ]
    if not later:
        return cue_hits
    out: dict[str, list[tuple[int, int]]] = {}
    for name, hits in cue_hits.items():
        kept = []
        for s, e in hits:
            if s > own_edge and name != BREAKS:
                ahead = [f for f in later if f >= e]
                nearer = bool(ahead) and min(ahead) - e <= min(3, s - own_edge)
                # "kamen 14 Menschen ums Leben, 40 wurden verletzt": a comma ends the phrase
                if nearer and any(e - 1 <= b < min(ahead) for b, _ in cue_hits.get(BREAKS, [])):
                    nearer = False
                if nearer and not _cue_stays(cue_hits, e, min(ahead)):
                    continue
            kept.append((s, e))
        out[name] = kept
    return out


def _cue_stays(cue_hits: dict[str, list[tuple[int, int]]], cue_end: int, next_number: int) -> bool:
    """A cue that leads into the next number still belongs to this one when it is shared ("was
    killed along with two soldiers") or the next number is only coordinated with it, its own
    fate after it ("deux ont été tués et quatre arrêtés")."""
    if any(cue_end <= a < next_number for a, _ in cue_hits.get("along", [])):
        return True
    joins = {j for j, _ in cue_hits.get("conjunction", [])}
    return all(k in joins for k in range(cue_end, next_number))


def _fate_noun(cue_hits: dict[str, list[tuple[int, int]]], noun_at: int | None) -> str | None:
    """The word after a number is itself a fate ("334 morts", "17 muertos", "four arrested",
    "63 missing"): death, injury, arrest or disappearance."""
    if noun_at is None:
        return None
    for fate in ("death", "injury", "arrest", "missing"):
        if any(s <= noun_at < e for s, e in cue_hits.get(fate, [])):
            return fate
    return None


def _more_people(words: list[str], mention: NumberMention, others: frozenset[str]) -> bool:
    before = words[mention.first - 1] if mention.first > 0 else ""
    after = words[mention.last] if mention.last < len(words) else ""
    return before in others or after in others


def _amount(words: list[str], after: int, units: PhraseSet) -> bool:
    if after < len(words) and units.match_at(words, after):
        return True
    return after + 1 < len(words) and words[after] in _OF and bool(units.match_at(words, after + 1))


def _threatened(cue_hits: dict[str, list[tuple[int, int]]], cue: str, first: int) -> bool:
    """A threat or intention ("prepared to", "threatened to") stands right before the fate word
    nearest the number, or a court's sentence beside it: no one died."""
    fates = cue_hits.get(cue, [])
    if not fates:
        return False
    fate = min(fates, key=lambda h: abs(h[0] - first))
    if any(0 <= fate[0] - e <= 1 for _s, e in cue_hits.get("threat", [])):
        return True
    # "sentenced two men to death", "condenados a muerte", "zum Tode verurteilt": a sentence
    return any(0 <= fate[0] - e <= 4 or 0 <= s - fate[1] <= 1 for s, e in cue_hits.get("sentence", []))


def _apposed_total(run: list[tuple[Draft, int, int]], sentence: Sentence) -> bool:
    """The first count, set off by a comma, equals the sum of the ones after it."""
    head, rest = run[0], run[1:]
    if "," not in sentence.gap(head[2], rest[0][1]):
        return False
    values = [d.value.low for d, _, _ in run if isinstance(d.value, Count)]
    return len(values) == len(run) and values[0] == sum(values[1:])


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
    lex: NumberLexicon,
) -> list[Draft]:
    spec = profile.durations.get(unit)
    if spec is None or mention.value.kind == "relative" or _time_shift(sentence, mention, lex):
        return []
    hyphenated = (
        mention.last < len(sentence.words)
        and sentence.gap(mention.last - 1, mention.last).strip() == "-"
    )
    cue, distance = nearest_cue(cue_hits, ["duration"], mention.first, mention.last)
    # "a 126-day siege", "a two and a half day siege": the length of the event named after it
    unit_end = mention.last + 1
    if unit_end < len(sentence.words) and sentence.words[unit_end] in _OF | {"na"}:
        unit_end += 1  # "14 hours of siege", "14 ore di assedio", "tatlong araw na krisis"
    names_event = any(s == unit_end for s, _e in cue_hits.get("attack", []))
    if any(unit_end <= s <= unit_end + 1 for s, _e in cue_hits.get("talks", [])):
        return []  # "after two days of talks": the talks lasted, not the event
    if not hyphenated and not names_event and not (cue and distance <= 3):
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
    return [Draft(attribute, value, *span, sentence, {})]


def _time_shift(sentence: Sentence, mention: NumberMention, lex: NumberLexicon) -> bool:
    """'during the next 14 months', 'ocho meses antes', 'two days later': the number measures
    time from a moment of the story (the rest of the siege, a date before it), not the event."""
    words = sentence.words
    before = any(
        lex.shift_before.match_at(words, k) == mention.first - k
        for k in range(max(0, mention.first - 2), mention.first)
    )
    after_unit = mention.last + 1
    return before or (after_unit < len(words) and lex.shift_after.match_at(words, after_unit) > 0)
