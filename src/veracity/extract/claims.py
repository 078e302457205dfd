"""From a document to its claims: every profile attribute a sentence states, with its words."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from veracity.extract.counted_parts import mark_totals_that_count_their_part
from veracity.extract.counts import count_claims
from veracity.extract.date_roles import SeenDate, date_claims
from veracity.extract.drafts import BREAKS, Draft, Hits
from veracity.extract.hostage_roles import settle_held_throughout
from veracity.extract.lexicon import Profile, number_lexicon
from veracity.extract.lone import lone_actor_claims
from veracity.extract.named import (
    attendee_claims,
    document_level_claims,
    leader_claims,
    operation_claims,
    text_attribute_claims,
)
from veracity.extract.names import (
    alias_pairs,
)
from veracity.extract.roles import word_cases
from veracity.extract.scope import date_counts
from veracity.extract.single_victims import single_victim_claims
from veracity.extract.text import Sentence, split_sentences
from veracity.extract.zeros import keep_uncontradicted, outside_denials, zero_drafts
from veracity.model import Claim, Document

_REFERENCE_LINE = re.compile(r"^\s*(\d+\.\s*)?\^|^\s*\[\d+\]")


_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass
class DocumentClaims:
    claims: list[Claim]
    aliases: list[tuple[str, str]]  # (acronym, full name) pairs this document states


def extract_claims(document: Document, profile: Profile) -> DocumentClaims:
    original = document
    # web addresses carry numbers and names that are not claims ("...-1008652", "sydney-cafe");
    # blank them (same length, so every offset still points into the original text)
    document = replace(document, text=_URL.sub(lambda m: " " * len(m.group()), document.text))
    supported = document.language in profile.languages
    language = document.language if supported else "en"
    # dates need month names only, which dateparser has for many more languages than the
    # profile's cues; counts need the cues, so a language without them yields none (a number
    # next to words we cannot read says nothing)
    date_language = document.language or "en"
    sentences = split_sentences(document.text)
    cases = word_cases(document.text)  # which words are common, which names
    years = [int(y) for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", document.text)]
    default_year = Counter(years).most_common(1)[0][0] if years else None
    drafts: list[Draft] = []
    matcher = profile.cue_matcher(language)
    nouns = profile.nouns_for(language)
    noun_matcher = profile.noun_matcher(language)
    stated: set[str] = set()  # the attributes of drafts[:counted]
    zeros: list[Draft] = []  # counts of none, kept at the end unless the article contradicts them
    counted = 0
    # each sentence with its cue and noun matches as found (negated fates still in): the rules
    # that read the whole document afterwards look them up instead of matching again
    read: list[tuple[Sentence, Hits, Hits]] = []
    for sentence in sentences:
        all_hits = matcher.find_all(sentence.words)
        if _REFERENCE_LINE.match(sentence.text) or all_hits["reference"]:
            continue
        # what follows "second only to ..." is about the event compared with, not this one
        limit = all_hits["comparison"][0][0] if all_hits["comparison"] else len(sentence.words)
        cue_hits = {
            name: [(i, i + n) for i, n in hits if i < limit] for name, hits in all_hits.items()
        }
        # the fates as written, denied ones too: "no hostage was killed" is a count of none
        fates = {name: cue_hits.get(name, []) for name in ("death", "injury")}
        # a fate or an end that did not happen ("no hostages rescued") is no cue at all
        negations = [e for _s, e in cue_hits.get("negation", [])]
        for name in ("end", "release", "rescue", "death", "injury", "escape"):
            cue_hits[name] = [
                (s, e) for s, e in cue_hits.get(name, []) if not any(0 <= s - n <= 2 for n in negations)
            ]
        # "demanded the release of the prisoners held since ...": a release asked for is no end
        demands = [e for _s, e in cue_hits.get("demand", [])]
        cue_hits["end"] = [
            (s, e) for s, e in cue_hits.get("end", []) if not any(0 <= s - d <= 3 for d in demands)
        ]
        # words followed by a comma, semicolon or colon: a cue across one is weaker
        cue_hits[BREAKS] = [
            (i, i + 1)
            for i in range(len(sentence.words) - 1)
            if any(ch in ",;:" for ch in sentence.gap(i, i + 1))
        ]
        # the taking of hostages said by a verb ("seized", "fueron secuestrados", "ficaram
        # presos"), not by the word "hostages" itself: it can date the start
        noun_hits = noun_matcher.find_all(sentence.words)
        read.append((sentence, all_hits, noun_hits))
        # "preneurs d'otages", "Geiselnehmer", "hostage-takers": the attackers' noun holds a
        # word of taking, which says nothing of its own
        attacker_words = {
            k for i, n in noun_hits.get("perpetrators", []) for k in range(i, i + n)
        }
        cue_hits["taking"] = [
            (s, e) for s, e in cue_hits.get("taking", []) if not attacker_words & set(range(s, e))
        ]
        hostage_nouns: set[int] = set()
        for i, n in noun_hits.get("hostages", []):
            hostage_nouns.update(range(i, i + n))
        # soldiers, police, commandos named in the sentence: "police stormed ..." is a rescue
        cue_hits["forces"] = _not_a_squad(
            sentence,
            [(i, i + n) for i, n in noun_hits.get("security", [])],
            noun_hits,
            profile.connectors,
        )
        cue_hits["operation"] = _not_a_squad(
            sentence, cue_hits.get("operation", []), noun_hits, profile.connectors
        )
        cue_hits["taking_verb"] = [
            (s, e) for s, e in cue_hits.get("taking", []) if not hostage_nouns & set(range(s, e))
        ]
        taken: set[int] = set()
        seen: list[SeenDate] = []
        # "Movimiento 19 de abril", "the 26th of July Movement": a date inside a name
        cue_hits["name_head"] = [
            (i, i + n)
            for i in range(len(sentence.words))
            if (n := profile.generic_name_words.match_at(sentence.words, i))
            and sentence.text[sentence.spans[i][0] - sentence.start].isupper()
        ]
        drafts += date_claims(sentence, date_language, default_year, cue_hits, limit, taken, seen)
        if supported:
            counts = count_claims(
                sentence, language, profile, nouns, cue_hits, limit, taken, noun_hits
            )
            counts = outside_denials(counts, sentence, profile, language)
            date_counts(counts, sentence, seen)  # a figure of the 1992 attack is not this one's
            mark_totals_that_count_their_part(
                counts, sentence, noun_hits, number_lexicon(language).including, profile
            )
            drafts += counts
            found = zero_drafts(sentence, profile, language, fates, cue_hits, noun_hits, limit)
            date_counts(found, sentence, seen)
            zeros += found
        drafts += leader_claims(sentence, profile, cue_hits, limit, language, cases)
        drafts += attendee_claims(sentence, cue_hits, limit)
        # demands and occasion: only until the document has stated one (a set of the
        # attributes drafted so far, not a scan of every draft per sentence: that was
        # quadratic in the claims of a long document)
        stated.update(d.attribute for d in drafts[counted:])
        counted = len(drafts)
        for attribute, cue in (("demands", "demand"), ("occasion", "occasion")):
            if attribute not in stated:
                found = text_attribute_claims(
                    attribute, cue, sentence, cue_hits, limit, nouns.get("hostages")
                )
                drafts += found
                stated.update(d.attribute for d in found)
                counted = len(drafts)
        drafts += operation_claims(sentence, profile, language, limit)
    settle_held_throughout(drafts)
    aliases = alias_pairs(document.text, profile.connectors)
    if supported:
        drafts += lone_actor_claims(sentences, profile, language, drafts)
        drafts += single_victim_claims(read, profile, language, drafts)
        drafts += keep_uncontradicted(zeros, drafts, profile)
    drafts += document_level_claims(
        document, sentences, profile, language, aliases,
        has_leader=any(d.attribute == "perpetrator.leader" for d in drafts),
    )
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


def _not_a_squad(
    sentence: Sentence,
    hits: list[tuple[int, int]],
    noun_hits: dict[str, list[tuple[int, int]]],
    connectors: frozenset[str],
) -> list[tuple[int, int]]:
    """Drop the cues that name a squad of attackers ("un commando di sei uomini armati", "un
    comando terrorista", "a commando of gunmen": the squad word, then the attackers' noun
    straight after it or after one of the profile's connectors). In Romance languages a
    commando is any armed band, so the word is no operation against them, nor the forces of
    order."""
    attackers = [i for i, _n in noun_hits.get("perpetrators", [])]
    kept = []
    for s, e in hits:
        squad = False
        for a in attackers:
            between = sentence.words[e:a]
            if 0 <= a - e <= 3 and (not between or between[0] in connectors):
                squad = squad or not any(ch in sentence.gap(e - 1, a) for ch in ",;:.")
        if not squad:
            kept.append((s, e))
    return kept
