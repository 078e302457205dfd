"""Names and free text: the group, leader, operation, places, site, demands, occasion."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache

from veracity.extract.drafts import Draft
from veracity.extract.lexicon import MultiMatcher, PhraseSet, Profile, fold_word, number_lexicon
from veracity.extract.names import (
    NameMention,
    acronym_of,
    cities_in,
    countries_in,
    operation_names,
    organisation_mentions,
    place_roles,
)
from veracity.extract.roles import (
    RoleWords,
    attacker_names,
    group_roles,
    leader_roles,
    not_a_group,
    role_words,
    site_context,
    site_matcher,
    tokens,
    word_cases,
)
from veracity.extract.text import Sentence
from veracity.model import Document
from veracity.values import Name, Text


def leader_claims(
    sentence: Sentence,
    profile: Profile,
    cue_hits: dict[str, list[tuple[int, int]]],
    limit: int,
    language: str = "en",
    cases: tuple[frozenset[str], frozenset[str] | None] = (frozenset(), None),
) -> list[Draft]:
    """The attackers' leader a leader's word names (`roles.leader_roles`); `cases` are the
    document's `roles.word_cases`."""
    return [
        Draft("perpetrator.leader", Name(p.text), p.start, p.end, sentence, {})
        for p in leader_roles(sentence, profile, language, cue_hits, limit, cases)
    ]


# a list item that opens with its own naming words: "among them the President's brother"
_NAMING_LEAD = r"^(?:among them|among whom|including|such as|entre ellos|termasuk|darunter|tra cui)\s+"


def attendee_claims(
    sentence: Sentence, cue_hits: dict[str, list[tuple[int, int]]], limit: int
) -> list[Draft]:
    """Who was there, person by person: "attended by officials, including the Foreign
    Minister" gives `other.present.foreign_minister`. Each person is a fact of its own, so one
    account naming somebody no other names stays uncorroborated instead of outvoting a rival.
    """
    attendance = [h for h in cue_hits.get("attendance", []) if h[0] < limit]
    naming = [h for h in cue_hits.get("naming", []) if h[0] < limit]
    if not attendance or not naming:
        return []
    after = [n for n in naming if n[0] >= attendance[0][0]]
    if not after:
        return []
    first = after[0][1]
    if first >= min(limit, len(sentence.words)):
        return []
    start_char = sentence.spans[first][0]
    end_of_clause = re.search(r"[.;:!?()\n]", sentence.text[start_char - sentence.start :])
    stop = start_char + (end_of_clause.start() if end_of_clause else len(sentence.text))
    out: list[Draft] = []
    offset = start_char
    listed = sentence.text[start_char - sentence.start : stop - sentence.start]
    # items are separated by commas, and by "and" before a new phrase ("and two judges"); not
    # inside a name's own list ("the ambassadors of Japan and Bolivia")
    for item in re.split(r",|\s+(?:and|y|dan|e|et|und|at)\s+(?=[a-z\d])", listed):
        phrase = re.sub(_NAMING_LEAD, "", item.strip(), flags=re.IGNORECASE).strip()
        found = sentence.text.find(phrase, offset - sentence.start) if phrase else -1
        if found < 0:
            continue
        at = found + sentence.start
        offset = at + len(phrase)
        if not re.search(r"\b[A-ZÁÉÍÓÚ]", phrase):
            continue  # "prominent guests": a kind of people, not somebody
        key = "_".join(re.findall(r"\w+", fold_word(phrase)))[:60]
        out.append(Draft(f"other.present.{key}", Text(phrase), at, at + len(phrase), sentence, {}))
    return out


def text_attribute_claims(
    attribute: str,
    cue: str,
    sentence: Sentence,
    cue_hits: dict[str, list[tuple[int, int]]],
    limit: int,
    hostage_words: PhraseSet | None = None,
) -> list[Draft]:
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
    fates = [h for name in ("death", "injury") for h in cue_hits.get(name, [])]
    if cue == "demand" and any(first <= s_ < end_word for s_, _e in fates):
        return []  # "der Anschlag forderte 12 Tote": it claimed lives, it demanded nothing
    if cue == "demand" and hostage_words is not None:
        words = [fold_word(w) for w in re.findall(r"\w+", phrase)]
        if any(hostage_words.match_at(words, k) for k in range(len(words))):
            return []  # "ended with the release of the hostages": an outcome, not a demand
    return [Draft(attribute, Text(phrase), start_char, start_char + len(phrase), sentence, {})]


def operation_claims(
    sentence: Sentence, profile: Profile, language: str, limit: int
) -> list[Draft]:
    limit_char = sentence.spans[limit][0] if limit < len(sentence.spans) else sentence.end
    return [
        Draft("operation.name", Name(m.text), m.start, m.end, sentence, {})
        for m in operation_names(sentence.text, sentence.start, profile, language)
        if m.start < limit_char
    ]


def document_level_claims(
    document: Document,
    sentences: list[Sentence],
    profile: Profile,
    language: str,
    aliases: list[tuple[str, str]],
    has_leader: bool = True,
) -> list[Draft]:
    """Attributes a document states by what it names most: the group, the country, city, site;
    and, when no sentence names the attackers' leader, the one attacker it names."""
    out: list[Draft] = []
    text = document.text
    by_offset = {s.start: s for s in sentences}
    starts = sorted(by_offset)

    def sentence_at(offset: int) -> Sentence:
        import bisect

        k = max(0, bisect.bisect_right(starts, offset) - 1)
        return by_offset[starts[k]]

    group = _likely_group(text, sentences, aliases, profile, language, sentence_at)
    if group is not None:
        out.append(
            Draft(
                "perpetrator.group",
                Name(group.text),
                group.start,
                group.end,
                sentence_at(group.start),
                {},
            )
        )
    if not has_leader and language in profile.languages:
        attacker = _named_attacker(sentences, profile, language)
        if attacker is not None:
            out.append(
                Draft(
                    "perpetrator.leader",
                    Name(attacker.text),
                    attacker.start,
                    attacker.end,
                    sentence_at(attacker.start),
                    {},
                )
            )
    countries = countries_in(text, language, profile.sites.get("embassy"), profile.connectors)
    country = countries.most_common(1)[0][0] if countries else None
    if country:
        pos = _find_name(text, country, language)
        if pos is not None:
            out.append(
                Draft("location.country", Name(country), pos[0], pos[1], sentence_at(pos[0]), {})
            )
    cities = cities_in(text, country, place_roles(profile, language))
    if cities:
        city = cities.most_common(1)[0][0]
        pos = _find_name(text, city, language)
        if pos is not None:
            out.append(Draft("location.city", Name(city), pos[0], pos[1], sentence_at(pos[0]), {}))
    site = _site(document, sentences, profile, language)
    if site is not None:
        kind, start, end, sentence = site
        out.append(
            Draft(
                "location.site",
                Name(text[start:end], group=f"site:{kind}"),
                start,
                end,
                sentence,
                {},
            )
        )
    return out


def _named_attacker(
    sentences: list[Sentence], profile: Profile, language: str
) -> NameMention | None:
    """The person the document names as the attacker most often (first mention shown)."""
    counts: Counter[str] = Counter()
    first: dict[str, NameMention] = {}
    cases = word_cases("\n".join(s.text for s in sentences))
    for sentence in sentences:
        for person in attacker_names(sentence, profile, language, cases):
            key = fold_word(person.text)
            counts[key] += 1
            first.setdefault(key, person)
    if not counts:
        return None
    return first[counts.most_common(1)[0][0]]


def _likely_group(
    text: str,
    sentences: list[Sentence],
    aliases: list[tuple[str, str]],
    profile: Profile,
    language: str,
    sentence_at: Callable[[int], Sentence],
) -> NameMention | None:
    """The armed group the document holds responsible.

    Names a sentence gives that role (`roles.group_roles`: "the militant group X", "members of
    X", "claimed by X") weigh most; an organisation's name (one with a head word: "... Front",
    "Brigada ...") counts three times beside the attackers or the attack, once elsewhere, and
    little in a sentence only of the forces that answered. Never a state's body or force, a
    victim institution, a medium, a company, a club, a country or a city (`roles.not_a_group`).
    An acronym counts only when the document ties it to such a name or gives it the role."""
    rw = role_words(profile.name, language)
    # each distinct expansion once, each name judged once: a long document repeats its pairs
    # and its names thousands of times
    expansions: dict[str, dict[str, None]] = {}
    for acronym, full in aliases:
        expansions.setdefault(fold_word(acronym), {})[full] = None
    judged: dict[str, bool] = {}

    def excluded(name: str) -> bool:
        if name not in judged:
            judged[name] = any(
                not_a_group(form, language, rw)
                for form in [name, *expansions.get(fold_word(name), {})]
            )
        return judged[name]

    scores: dict[str, float] = defaultdict(float)
    first: dict[str, NameMention] = {}
    roled: set[str] = set()
    common, proper = word_cases(text)
    common |= number_lexicon(language).words  # "Two FARC members were arrested."
    for sentence in sentences:
        for found in group_roles(sentence, profile, language, common, proper):
            name = found.mention.text
            if excluded(name):
                continue
            key = fold_word(name)
            scores[key] += found.weight
            roled.add(key)
            first.setdefault(key, found.mention)
    orgs = organisation_mentions(text, 0, profile, language)
    # each distinct full name once, and each acronym set against them once (a long document
    # repeats both thousands of times)
    full_names = list(dict.fromkeys(m.text for m in orgs if " " in m.text and not excluded(m.text)))
    abbreviates: dict[str, bool] = {}
    nouns = profile.noun_matcher(language)
    cues = profile.cue_matcher(language)
    for m in orgs:
        key = fold_word(m.text)
        if excluded(m.text) or _describes_the_event(m.text, cues, rw):
            continue
        if " " not in m.text and key not in roled:
            # a bare acronym ("URL", "CNN", "PK-GNJ") names the group only when the document
            # ties it to an organisation's name
            tied = [
                f
                for f in expansions.get(key, [])
                if not not_a_group(f, language, rw) and not _MODEL_CODE.search(f)
            ]
            if key not in abbreviates:
                abbreviates[key] = any(acronym_of(m.text, n, profile.connectors) for n in full_names)
            if not tied and not abbreviates[key]:
                continue
        sentence = sentence_at(m.start)
        found_nouns = nouns.find_all(sentence.words)
        found_cues = cues.find_all(sentence.words)
        beside = bool(found_nouns.get("perpetrators")) or bool(found_cues.get("attack"))
        answering = bool(found_nouns.get("security")) or bool(
            found_cues.get("rescue") or found_cues.get("operation")
        )
        scores[key] += 3 if beside else (0.5 if answering else 1)
        first.setdefault(key, m)
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], -first[k].start))
    # one passing mention of an organisation, in no sentence of the attack, names nobody's
    # role ("the Socialist Party said"): no claim
    return first[best] if scores[best] >= 2 else None


# a make's or a registration's code ("DC-9", "A300"): a parenthesised acronym beside one is
# a vehicle's, not an organisation's
_MODEL_CODE = re.compile(r"\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w]+(?:-[\w]+)*\b")


def _describes_the_event(name: str, cues: MultiMatcher, rw: RoleWords) -> bool:
    """A run that opens with the rescue or the operation describes the event ("Befreiung des
    Marktes": German capitalises every noun), unless that word is an organisation's head
    ("Comando ...")."""
    words = tokens(name)
    if not words or rw.heads.match_at(words, 0):
        return False
    found = cues.find_all(words)
    return any(i == 0 for cls in ("rescue", "release", "operation") for i, _n in found.get(cls, []))


def _find_name(text: str, english: str, language: str) -> tuple[int, int] | None:
    from veracity.extract.places import city_forms, country_names, inflected_bases

    forms = {english} | {k for k, v in country_names(language).items() if v == english}
    forms |= city_forms(english)  # "Milano" for Milan
    folded = _folded_with_origin(text)
    best: tuple[int, int] | None = None
    # the earliest mention of any form, in one pass (a large city has dozens of forms)
    m = _any_of(frozenset(fold_word(f) for f in forms)).search(folded.text)
    if m:
        best = (folded.origin(m.start()), folded.origin(m.end() - 1) + 1)
    if best is None:
        # a case ending the dictionary form lacks: "в Москве" for Moscow
        folded_forms = {fold_word(f) for f in forms}
        for m in re.finditer(r"[А-ЯЁ][а-яё\-]+", text):
            if folded_forms & set(inflected_bases(fold_word(m.group()))):
                return m.start(), m.end()
    return best


@lru_cache(maxsize=512)
def _any_of(forms: frozenset[str]) -> re.Pattern[str]:
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in ordered if f) + r")\b")


class _Folded:
    """A text folded (`fold_word` of every character, in order), with the offset in the text
    each folded character came from.

    Folding is a character map (one `str.translate`); most characters fold to one character,
    so the offsets are kept as a few shifts (where a character folded to none or to several),
    not as a list of one integer per character of a long document.
    """

    def __init__(self, text: str) -> None:
        table = {ord(ch): fold_word(ch) for ch in set(text)}
        self.text = text.translate({k: v for k, v in table.items() if v != chr(k)})
        odd = "".join(chr(k) for k, v in table.items() if len(v) != 1)
        self.starts: list[int] = [0]  # folded offset from which ...
        self.shifts: list[int] = [0]  # ... folded offset - text offset is this
        if not odd:
            return
        shift = 0
        for m in re.finditer("[" + re.escape(odd) + "]", text):
            i, k = m.start(), len(table[ord(m.group())])
            at = i + shift  # where its folding starts
            # its k folded characters all come from i; the text after it is shifted by k - 1
            for j in range(1, k):
                self._mark(at + j, shift + j)
            shift += k - 1
            if k == 0:
                self._mark(at, shift)

    def _mark(self, start: int, shift: int) -> None:
        if self.starts[-1] == start:
            self.shifts[-1] = shift
        else:
            self.starts.append(start)
            self.shifts.append(shift)

    def origin(self, offset: int) -> int:
        """The text offset the folded character at `offset` came from."""
        return offset - self.shifts[bisect.bisect_right(self.starts, offset) - 1]


@lru_cache(maxsize=2)
def _folded_with_origin(text: str) -> _Folded:
    """Cached: a document's country and its city are both looked up in the same folded text."""
    return _Folded(text)


def _site(
    document: Document, sentences: list[Sentence], profile: Profile, language: str
) -> tuple[str, int, int, Sentence] | None:
    """Where the attack happened: the kind of place the document's sentences of the attack
    name most (`roles.site_context`: a hospital the wounded went to, a consulate named as
    background weigh little or nothing), in its most specific mention.

    Only a mention with a name is a site: its own words ("the Dubrovka theatre", "mina San
    José", "Embassy of Japan"), else its city's ("the Bologna station", a weaker name). A bare
    common noun ("the school", "on the ship", "l'avion") names no place, and a vehicle's make
    or number ("Airbus A300") is not its name."""
    text = document.text
    weight: dict[str, float] = defaultdict(float)
    best: dict[str, tuple[float, float, int, int, Sentence]] = {}
    matcher = site_matcher(profile.name, language)
    ordinary = _ordinary_words(profile, language)
    vehicles = set(profile.raw.get("site_roles", {}).get("vehicles", []))
    common, _proper = word_cases(text)
    common |= number_lexicon(language).words  # "Drei Flugzeuge"
    for sentence in sentences:
        found = matcher.find_all(sentence.words)
        for kind, hits in found.items():
            if not hits:
                continue
            context = site_context(sentence, profile, language, kind)
            for i, n in hits:
                weight[kind] += context
                if context <= 0:
                    continue
                start, end = _named_span(text, sentence, i, n, ordinary)
                kind_span = (sentence.spans[i][0], sentence.spans[i + n - 1][1])
                quoted = _QUOTED_NAME.match(text, end, sentence.end)
                if quoted and quoted.group(1)[:1].isupper():
                    end = quoted.end()  # театр «Звезда Волги», le théâtre « Le Phare »
                quality = _name_quality(
                    text, start, end, kind_span, language, ordinary, common, kind in vehicles
                )
                if quality == 0:
                    of_city = _OF_NAME.match(text, end, sentence.end)
                    if of_city and _is_city(of_city.group(1)) and start == kind_span[0]:
                        end, quality = of_city.end(1), 0.5
                if quality == 0:
                    continue
                score = (quality, context)
                if kind not in best or score > best[kind][:2]:
                    best[kind] = (quality, context, start, end, sentence)
    if not best:
        return None
    kind = max(best, key=lambda k: (weight[k] * (1.0 if best[k][0] >= 1 else 0.5), best[k][0]))
    # a kind of place the document speaks of far more, but never by a name ("la stazione"),
    # is where it happened: a named place of another kind is then no answer ("treno Italicus")
    unnamed = [k for k in weight if k not in best and k not in vehicles]
    if unnamed and max(weight[k] for k in unnamed) > 2 * weight[kind]:
        return None
    _quality, _context, start, end, sentence = best[kind]
    return kind, start, end, sentence


_QUOTED_NAME = re.compile(r"[ \t]*[«\"“„]\s*([^»\"”“\n]{2,60}?)\s*[»\"”“]")


def _name_quality(
    text: str,
    start: int,
    end: int,
    kind_span: tuple[int, int],
    language: str,
    ordinary: Callable[[str], bool],
    common: frozenset[str],
    vehicle: bool,
) -> float:
    """How well a mention names its place: 1 and more with words of its own (0.1 a word), 0.5
    with its city or country only, 0 with none: the kind word, another kind's word ("edificio
    del Parlamento"), articles, a demonstrative ("Esta mezquita"), words of the story, words
    the text writes in lower case elsewhere; for a vehicle, its make, model or operator
    ("Airbus A300", "avión de Air France")."""
    from veracity.extract.places import city_names, country_names

    cities, countries = city_names(), country_names(language)
    rw = role_words("attack", language) if vehicle else None
    kinds = site_matcher("attack", language)
    own = places = 0
    for m in re.finditer(_NAME_WORD, text[start:end]):
        at = start + m.start()
        if kind_span[0] <= at < kind_span[1]:
            continue
        word = m.group()
        folded = fold_word(word)
        if (
            folded in _ARTICLES
            or folded in _DETERMINERS
            or ordinary(word)
            or folded in common
            or folded in _LABELS
            or any(kinds.find_all(tokens(word)).values())
        ):
            continue
        if vehicle and (
            re.search(r"\d", word)
            or re.match(r"[\s\-–]*\S*\d", text[start + m.end() : start + m.end() + 12])
            or (rw is not None and _any_phrase(rw.not_group, tokens(word)))
        ):
            continue  # "Airbus A300", "Boeing 737", "DC-9", "Air France": a make or a line
        if folded in cities or folded in countries:
            places += 1
            continue
        own += 1
    if own:
        return 1.0 + 0.1 * own
    return 0.5 if places else 0.0


def _any_phrase(phrases: PhraseSet, words: list[str]) -> bool:
    return any(phrases.match_at(words, i) for i in range(len(words)))


# the labels of an infobox's place fields, in the profile's languages
_LABELS = frozenset(
    {"target", "location", "place", "site", "lugar", "local", "lieu", "ort", "luogo", "lokasi",
     "tempat", "lokasyon", "sitio", "objetivo", "ziel", "obiettivo", "sasaran", "type", "typ",
     "tipo", "jenis", "name", "nombre", "nome", "nom", "nama", "pangalan", "posto", "origen",
     "origem", "origine", "herkunft", "destino", "destination", "tujuan"}
)
_ARTICLES = frozenset({"the", "la", "el", "le", "die", "der", "das", "il", "o", "a", "los", "les"})
# demonstratives that open a sentence ("Esta mezquita", "Diese Schule"): no name
_DETERMINERS = frozenset(
    {"this", "that", "these", "those", "an", "esta", "este", "estas", "estos", "esa", "ese",
     "aquel", "aquella", "essa", "esse", "isto", "cette", "ce", "cet", "ces", "diese", "dieser",
     "dieses", "jene", "questa", "questo", "quella", "quello", "ini", "itu", "ito", "iyon",
     "ang", "un", "une", "una", "uno", "ein", "eine", "einem", "einer", "nella", "nel", "dans",
     "in", "im", "en", "em", "na", "no", "di", "sa"}
)
_CAPITALISED = r"[A-ZÁÉÍÓÚÀÂÊÔÃÕÇÑÜÖÄА-ЯЁ][\w\-]+"
# a name word, or an abbreviation written with full stops ("U.S.", "EE. UU.")
_NAME_WORD = rf"(?:(?:[A-Z]{{1,2}}\.[ ]?)+[A-Z]{{1,2}}\.|{_CAPITALISED})"
# "Embassy of Japan", "embajada de los Estados Unidos", "teatro della Scala": the name a site
# takes after its kind word, through the languages' "of" (and an article)
_OF_NAME = re.compile(
    r"[ \t]+(?:of|de|do|da|dos|das|du|des|di|del|della|dello|dei|von|der|ng)"
    r"(?:[ \t]+(?:the|la|las|los|el|le|les|l'|lo|il|gli|o|os|a|as))?[ \t]*"
    rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})"
)


def _named_span(
    text: str, sentence: Sentence, i: int, n: int, ordinary: Callable[[str], bool]
) -> tuple[int, int]:
    """The kind word with the capitalised words around it ("Japanese Embassy", "Teatro
    Dubrovka"); a headline's capitals ("Police Storm Café", "Hostage Case") are not a name."""
    start, end = sentence.spans[i][0], sentence.spans[i + n - 1][1]
    while True:
        m = re.search(rf"({_NAME_WORD})\s+$", text[max(sentence.start, start - 30) : start])
        if not m or m.group(1).lower() in _ARTICLES or ordinary(m.group(1)):
            break
        start -= len(m.group(0))
    kind_start = sentence.spans[i][0]
    while len(text[kind_start:end].split()) < 4:
        m = re.match(rf"[ \t]+({_CAPITALISED})\b", text[end : sentence.end])
        if not m or ordinary(m.group(1)):
            break
        end += m.end()
    kind_end = sentence.spans[i + n - 1][1]
    # "the embassy of Japan" says which embassy; "the Dubrovka theatre of Moscow" has its
    # name already, and the city after it is where it stands
    unnamed = not re.search(_NAME_WORD, text[start:kind_start] + " " + text[kind_end:end])
    of_name = _OF_NAME.match(text, end, sentence.end) if unnamed else None
    if (
        of_name
        and not any(ordinary(w) for w in of_name.group(1).split())
        and not _is_city(of_name.group(1))
    ):
        end = of_name.end(1)
    # an infobox label glued to the name: "TargetJapanese embassy", "Lugar Teatro Dubrovka"
    glued = re.match(r"[A-Z][a-z]+(?=[A-Z][a-z])", text[start:end])
    if glued:
        start += glued.end()
    first = text[start:end].split(" ", 1)
    if len(first) == 2 and fold_word(first[0]) in _LABELS:
        start += len(first[0]) + 1
    return start, end


def _is_city(name: str) -> bool:
    """"un albergo di Mumbai" is a hotel in Mumbai: a city after "of" is where the site
    stands, not its name (a country is whose it is: "the embassy of Japan")."""
    from veracity.extract.places import city_names

    return fold_word(name) in city_names()


def own_name_words(span: str) -> int:
    """How many words of a site's mention name it rather than its city or country, whatever
    the mention's language: "Embassy of Japan" 1, "Moscow theatre" 0."""
    from veracity.extract.places import city_names, country_names

    cities, countries = city_names(), country_names("en")
    return sum(
        1
        for word in re.findall(_NAME_WORD, span)
        if fold_word(word) not in cities and fold_word(word) not in countries
    )


def _ordinary_words(profile: Profile, language: str) -> Callable[[str], bool]:
    """Is a capitalised word just a word of the story (a cue or a counted noun, in this
    language or English), not part of a place's name?"""
    sets = [*profile.cues_for(language).values(), *profile.nouns_for(language).values()]
    if language != "en":
        sets += [*profile.cues_for("en").values(), *profile.nouns_for("en").values()]

    def ordinary(word: str) -> bool:
        folded = [fold_word(word)]
        return any(p.match_at(folded, 0) for p in sets)

    return ordinary
