"""One victim told without a number: a hostage, a passenger or a member of a hijacked plane's
crew named in the singular ("the pilot was shot dead", "un otage a été tué", "asesinaron al
piloto", "der Flugkapitän wurde ermordet", "il pilota ... furono uccisi") is at least one
hostage killed: a bound, since the article may tell of more deaths in words we do not count.

Only in an article that gives no count of hostages killed itself, and that is about hostages at
all (a hostage noun or a taking somewhere: "a passenger was killed" in a train bombing is no
hostage). Not a death threatened ("threatened to kill a passenger"), denied ("the pilot was not
hurt") nor a member of the forces ("the captain of the police unit was killed")."""

from __future__ import annotations

from collections.abc import Sequence

from veracity.extract.drafts import Draft, Hits
from veracity.extract.lexicon import Profile, table_phrases
from veracity.extract.text import Sentence
from veracity.values import Count

# how far after the victim its death may be told ("the pilot, who had ..., was shot dead"),
# and how far before it ("the hijackers then shot dead the captain")
_AFTER = 10
_BEFORE = 4
# how near before a death its threat or its denial must be
_THREAT_REACH = 4
_NEGATION_REACH = 2
# how near after the victim a member of the forces makes it theirs ("the captain of the unit")
_FORCES_REACH = 3




def single_victim_claims(
    read: Sequence[tuple[Sentence, Hits, Hits]], profile: Profile, language: str, drafts: list[Draft]
) -> list[Draft]:
    """deaths.hostages 1+ for the first single victim's death told in the document; `read`: each
    sentence with its cue and noun matches (word index, length), as the extraction found them;
    `drafts`: what the document already states."""
    if "single_victim" not in profile.raw:
        return []
    if any(
        d.attribute == "deaths.hostages" and isinstance(d.value, Count) and d.value.low > 0
        for d in drafts
    ):
        return []  # the article counts them itself
    victims = table_phrases(profile.name, "single_victim", "singular", language)
    deaths = table_phrases(profile.name, "single_victim", "death", language)
    compounds = table_phrases(profile.name, "single_victim", "compound", language)
    hijack = table_phrases(profile.name, "single_victim", "context", language)
    about_hostages = False
    found: Draft | None = None
    for sentence, hits, noun_hits in read:
        words = sentence.words
        about_hostages = about_hostages or bool(
            noun_hits.get("hostages") or hits.get("taking") or hijack.find(words)
        )
        if found is not None:
            continue
        death = [(s, s + n) for s, n in hits.get("death", []) + deaths.find(words)]
        if not death:
            continue
        threats = [s + n for s, n in hits.get("threat", [])]
        negations = [s + n for s, n in hits.get("negation", [])]
        forces = [s for s, _n in noun_hits.get("security", [])]
        told = [
            (s, e)
            for s, e in death
            if not any(0 <= s - t <= _THREAT_REACH for t in threats)
            and not any(0 <= s - t <= _NEGATION_REACH for t in negations)
        ]
        for i, n in victims.find(words):
            if any(
                0 <= f - (i + n) < _FORCES_REACH and not sentence.gap(i + n - 1, i + n).strip()
                for f in forces
            ):
                continue
            if i + n < len(words) and compounds.match_at(words, i + n):
                continue  # "the hostage crisis", "the hostage-takers"
            if any(
                i + n <= s <= i + n + _AFTER or 0 <= i - e <= _BEFORE for s, e in told
            ):
                found = _draft(sentence, i, n)
                break
    return [found] if found is not None and about_hostages else []


_WHY = "one hostage, passenger or crew member told killed in the singular"


def _draft(sentence: Sentence, i: int, n: int) -> Draft:
    start, end = sentence.spans[i][0], sentence.spans[i + n - 1][1]
    return Draft("deaths.hostages", Count(1, None, "bound"), start, end, sentence, {"inferred": _WHY})
