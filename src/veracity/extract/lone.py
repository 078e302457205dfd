"""A lone attacker: an article that names the attacker only in the singular ("the gunman", "le
tireur", "o atirador") and gives no number says there was one; his own death told after him
("the gunman ... killed himself") is one attacker dead, and so is a suicide the article tells
with no noun before it ("cornered, he killed himself").

Only where the article states no count of attackers itself, and never when it shows more than
one anywhere (a plural noun, accomplices, brothers): a story about a band often follows one of
its members for a paragraph."""

from __future__ import annotations

from veracity.extract.drafts import Draft
from veracity.extract.lexicon import Profile, table_phrases
from veracity.extract.text import Sentence
from veracity.values import Count

# how far after the attacker's mention his own death may be told ("the gunman, who had ...,
# was shot dead")
_DEATH_REACH = 12


def lone_actor_claims(
    sentences: list[Sentence], profile: Profile, language: str, drafts: list[Draft]
) -> list[Draft]:
    """perpetrator.count 1 (and deaths.perpetrators 1 when his death is told) for a document
    whose attacker is only ever singular; `drafts`: what the document already states."""
    if "lone_actor" not in profile.raw:
        return []
    stated = {d.attribute for d in drafts}
    counts = {d.value for d in drafts if d.attribute == "perpetrator.count"}
    if counts - {Count.exact(1)}:
        return []  # the article counts the attackers, and not as one
    singular = table_phrases(profile.name, "lone_actor", "singular", language)
    plural = table_phrases(profile.name, "lone_actor", "plural", language)
    own_death = table_phrases(profile.name, "lone_actor", "own_death", language)
    suicide = table_phrases(profile.name, "lone_actor", "suicide", language)
    first: tuple[Sentence, int, int] | None = None
    death: tuple[Sentence, int, int] | None = None
    took_own_life = False
    for sentence in sentences:
        if plural.find(sentence.words):
            return []
        if death is None:
            took_his_life = suicide.find(sentence.words)
            if took_his_life:
                death = (sentence, *took_his_life[0])
                took_own_life = True
        for i, n in singular.find(sentence.words):
            first = first or (sentence, i, n)
            if death is None:
                for j, m in own_death.find(sentence.words):
                    if i + n <= j <= i + n + _DEATH_REACH:
                        death = (sentence, j, m)
                        break
    out = []
    if first is not None and "perpetrator.count" not in stated:
        out.append(_draft("perpetrator.count", first, _SINGULAR))
    # a suicide needs no noun before it: in an article that never shows more than one
    # attacker, the one who took his own life ("cornered by a policeman, he killed himself")
    # is the attacker; another death only counts told after "the gunman"
    if death is not None and "deaths.perpetrators" not in stated:
        out.append(_draft("deaths.perpetrators", death, _SUICIDE if took_own_life else _SINGULAR))
    return out


_SINGULAR = "the attacker named only in the singular"
_SUICIDE = "a suicide in an article that never shows more than one attacker"


def _draft(attribute: str, at: tuple[Sentence, int, int], why: str) -> Draft:
    sentence, i, n = at
    start, end = sentence.spans[i][0], sentence.spans[i + n - 1][1]
    return Draft(attribute, Count.exact(1), start, end, sentence, {"inferred": why})
