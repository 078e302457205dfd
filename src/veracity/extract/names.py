"""Names in text: organisations and their acronyms, operations, leaders, places and sites."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from veracity.extract.lexicon import PhraseSet, Profile, fold_word
from veracity.extract.places import city_names, country_code, country_names, inflected_bases

_CAP_RUN = re.compile(
    r"(?:[A-ZÁÉÍÓÚÀÂÊÔÃÕÇÑÜÖÄА-ЯЁ][\w'’\-]*\.?)(?:[ \t]+(?:(?:[A-ZÁÉÍÓÚÀÂÊÔÃÕÇÑÜÖÄА-ЯЁ][\w'’\-]*)|(?:%s)))*"
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9\-]{1,7}\b")
# an acronym written as a word, as some presses do ("Aqmi", "Aqpa")
_WORD_ACRONYM = re.compile(r"[A-Z][a-z]{2,5}")


@dataclass(frozen=True, slots=True)
class NameMention:
    text: str
    start: int  # absolute offsets
    end: int


@lru_cache(maxsize=8)
def _run_pattern(connectors: frozenset[str]) -> re.Pattern[str]:
    joiners = "|".join(re.escape(c) for c in sorted(connectors, key=len, reverse=True))
    return re.compile(_CAP_RUN.pattern % joiners)


def capitalised_runs(text: str, offset: int, connectors: frozenset[str]) -> list[NameMention]:
    """Runs of capitalised words joined by lower-case connectors ("Chavín de Huántar")."""
    return list(_capitalised_runs(text, offset, connectors))


@lru_cache(maxsize=256)
def _capitalised_runs(
    text: str, offset: int, connectors: frozenset[str]
) -> tuple[NameMention, ...]:
    pattern = _run_pattern(connectors)
    out: list[NameMention] = []
    for m in pattern.finditer(text):
        raw = m.group()
        # a run never ends on a connector or a stray full stop
        while True:
            trimmed = re.sub(r"[ \t]+\S+$", "", raw)
            last = raw[len(trimmed) :].strip()
            if trimmed == raw or last.lower() not in connectors:
                break
            raw = trimmed
        raw = raw.rstrip(".'’")
        if raw.lower() in connectors or not raw:
            continue
        out.append(NameMention(raw, offset + m.start(), offset + m.start() + len(raw)))
    return tuple(out)


def acronym_of(acronym: str, name: str, connectors: frozenset[str]) -> bool:
    """'MRTA' abbreviates 'Movimiento Revolucionario Túpac Amaru' (connectors may be skipped);
    'AQIM' 'Al-Qaeda in the Islamic Maghreb' and 'AQMI' 'Al-Qaïda au Maghreb islamique' (short
    function words may be skipped, every longer word gives its initial, in order)."""
    letters = acronym.replace("-", "").upper()
    if len(letters) < 2:
        return False
    words = [w for w in re.split(r"[\s\-–—'’]+", fold_word(name)) if w]
    initials = "".join(w[0] for w in words).upper()
    strict = "".join(w[0] for w in words if w not in connectors).upper()
    return letters in (initials, strict) or _initials_skipping_short(letters, words)


def _initials_skipping_short(letters: str, words: list[str]) -> bool:
    """The letters are the initials of the words, in order, where a word of three letters or
    fewer may give none; the first word always gives its initial."""
    if not words or not letters or words[0][:1].upper() != letters[0]:
        return False

    def match(i: int, k: int) -> bool:
        if k == len(letters):
            return all(len(w) <= 3 for w in words[i:])
        if i == len(words):
            return False
        w = words[i]
        if w[:1].upper() == letters[k] and match(i + 1, k + 1):
            return True
        return len(w) <= 3 and match(i + 1, k)

    return len(words) <= 12 and match(0, 0)


def organisation_mentions(
    text: str, offset: int, profile: Profile, language: str
) -> list[NameMention]:
    heads = profile.organisation_heads.get(language) or profile.organisation_heads["en"]
    heads_en = profile.organisation_heads["en"]
    out: list[NameMention] = []
    for run in capitalised_runs(text, offset, profile.connectors):
        if language == "de":
            run = _after_last_connector_noun(run, heads, profile.connectors)
        words = [fold_word(w) for w in re.findall(r"\w+", run.text)]
        if (
            any(h.match_at(words, i) for i in range(len(words)) for h in (heads, heads_en))
            and len(words) >= 2
        ):
            out.append(run)
    for m in _ACRONYM.finditer(text):
        if 2 <= len(m.group().replace("-", "")) <= 7 and not m.group().isdigit():
            out.append(NameMention(m.group(), offset + m.start(), offset + m.end()))
    return out


def _after_last_connector_noun(
    run: NameMention, heads: PhraseSet, connectors: frozenset[str]
) -> NameMention:
    """German capitalises every noun: 'Bewaffnete der Brigade Rote Morgenröte' names the brigade."""
    tokens = run.text.split(" ")
    for k, token in enumerate(tokens[:-1]):
        tail = [fold_word(t) for t in tokens[k + 1 :]]
        head = [fold_word(t) for t in tokens[:k]]
        if any(heads.match_at(head, i) for i in range(len(head))):
            break  # "Volksfront zur Befreiung Palästinas": the name opens with its head
        if token.lower() in connectors and heads.match_at(tail, 0):
            text = " ".join(tokens[k + 1 :])
            return NameMention(text, run.end - len(text), run.end)
    return run


def alias_pairs(text: str, connectors: frozenset[str]) -> list[tuple[str, str]]:
    """'Full Name (ACR)' and 'ACR (Full Name)': each pair names one thing."""
    pairs: list[tuple[str, str]] = []
    for m in re.finditer(r"\(\s*\*?([^()\n]{2,90}?)\*?\s*\)", text):
        # the 90 characters before, within the line (searching back no further than those: a
        # search to the start of a long line for every bracket would be quadratic)
        window = max(0, m.start() - 90)
        line_start = text.rfind("\n", window, m.start()) + 1
        before = text[max(line_start, window) : m.start()]
        before = re.split(r"[()]", before)[-1].rstrip()
        if len(before) < 2:
            continue
        # an infobox label glued to the name ("PerpetratorsTúpac Amaru ...") is not part of it
        left = re.sub(r"^.*[a-zà-ÿ](?=[A-ZÀ-Þ][a-zà-ÿ])", "", before).strip(" *,")
        right = m.group(1).strip(" *,")
        for acr, full in ((right, left), (left, right)):
            words = acr.split()
            if not words:
                continue
            acr_word = words[-1]
            if not _ACRONYM.fullmatch(acr_word) and not _WORD_ACRONYM.fullmatch(acr_word):
                continue
            # the full name is the tail of the other side that the acronym abbreviates
            tail_words = full.split()
            for k in range(max(0, len(tail_words) - 12), len(tail_words)):
                if tail_words[k].lower() in connectors or not tail_words[k][:1].isupper():
                    continue  # "of the Popular Front ...": a name starts with a capital
                candidate = " ".join(tail_words[k:])
                if acronym_of(acr_word, candidate, connectors):
                    pairs.append((acr_word, candidate))
                    break
            else:
                if not _ACRONYM.fullmatch(acr_word):
                    continue  # "Aqmi" is an acronym only when it spells the name out
                caps = capitalised_runs(full, 0, connectors)
                if (
                    caps
                    and len(caps[-1].text.split()) >= 2
                    and full.rstrip().endswith(caps[-1].text)
                ):
                    pairs.append((acr_word, caps[-1].text))
    return pairs


def operation_names(text: str, offset: int, profile: Profile, language: str) -> list[NameMention]:
    """'Operation Chavín de Huántar', 'lors de l'opération Porte de Fer': the name after the word."""
    words_sets = [profile.operation_words.get(language), profile.operation_words["en"]]
    out: list[NameMention] = []
    covered = 0  # "Operation Operation Dawn": a cue word inside a name already read is the name
    for m in re.finditer(r"[^\W\d_]+", text):
        folded = [fold_word(m.group())]
        if offset + m.start() < covered or not any(
            ws and ws.match_at(folded, 0) for ws in words_sets
        ):
            continue
        rest = text[m.end() :]
        gap = re.match(r"[ \t]*[«\"“'‘*]?[ \t]*", rest)
        skip = gap.end() if gap else 0
        quoted = re.match(r"[ \t]*([«\"“])([^»\"”\n]{2,60})[»\"”]", rest)
        if quoted and quoted.group(2)[:1].isupper():
            # «Железные ворота», "Porta di ferro": a quoted name is whole, whatever its case
            start = offset + m.end() + quoted.start(2)
            out.append(NameMention(quoted.group(2), start, start + len(quoted.group(2))))
            covered = start + len(quoted.group(2))
            continue
        runs = capitalised_runs(rest[skip : skip + 80], offset + m.end() + skip, profile.connectors)
        if runs and runs[0].start == offset + m.end() + skip:
            run = runs[0]  # the name with single spaces; its span keeps the text's own spacing
            out.append(NameMention(" ".join(run.text.split()), run.start, run.end))
            covered = run.end
    return out


def person_after(
    text: str, offset: int, cue_end: int, connectors: frozenset[str], heads: PhraseSet | None = None
) -> NameMention | None:
    """The first multi-word capitalised name within a few words after a cue that is not an
    organisation's (one with an organisation's head word: "... of the Revolutionary Guard
    Corps" is a title, not a person)."""
    window = text[cue_end - offset : cue_end - offset + 80]
    for run in capitalised_runs(window, cue_end, connectors):
        words = [fold_word(w) for w in re.findall(r"\w+", run.text)]
        if heads is not None and any(heads.match_at(words, i) for i in range(len(words))):
            continue
        if len(words) >= 2:
            return run
    return None


def countries_in(
    text: str,
    language: str,
    owners: PhraseSet | None = None,
    links: frozenset[str] = frozenset(),
) -> Counter[str]:
    """Countries named in the text, weighted: after a city and comma (3), after 'in' (2), else 1.

    A country named as the owner of a place (`owners`: "the embassy of Chile", "Kedutaan Besar
    Jepang") is not where the story happens: an embassy stands in another country."""
    names = country_names(language)
    counts: Counter[str] = Counter()
    for m in _PLACE_RUN.finditer(text):
        english, at = None, m.start()
        run = m.group().replace("’", "'")
        for candidate, _whole in place_candidates(m.group(), 3):
            english = names.get(fold_word(candidate))
            if english is not None:
                # where the name itself begins: "Embajada de Israel" names an owner
                at = m.start() + max(run.find(candidate), 0)
                break
        if english is None:
            first = fold_word(m.group().split()[0])
            for base in inflected_bases(first):
                english = english or names.get(base)
        if english is None:
            continue
        before = text[max(0, at - 25) : at]
        if owners is not None and _owned(before, owners, links):
            continue
        weight = 1
        if re.search(r"[A-Z][\w\-]+,\s*$", before):
            weight = 3
        elif re.search(r"\b(in|di|en|em|à|au|nel|im|in the|sa)\s+$", before, re.IGNORECASE):
            weight = 2
        counts[english] += weight
    return counts


def _owned(before: str, owners: PhraseSet, links: frozenset[str]) -> bool:
    """The text before a country ends with a place's kind word and only the profile's
    connectors after it ("the embassy of the", "la embajada de")."""
    words = [fold_word(w) for w in re.findall(r"[^\W\d_]+", before)][-4:]
    for k in range(len(words)):
        n = owners.match_at(words, k)
        if n and all(w in links for w in words[k + n :]):
            return True
    return False


_CAPITAL = "A-ZÁÉÍÓÚÀÂÊÔÃÕÇÑÜÖÄА-ЯЁ"
# the small words inside a place's name: "Rio de Janeiro", "Côte d'Ivoire", "Frankfurt am
# Main", "Trinidad and Tobago", "San José del Guaviare", "Costa do Marfim"
_PLACE_PARTICLES = r"(?:de|del|da|do|dos|das|di|du|des|la|le|el|al|am|an|on|and|y|e|es|of|the|d['’])"
_PLACE_RUN = re.compile(
    rf"[{_CAPITAL}][\w\-]+(?:(?:\s+{_PLACE_PARTICLES}\s*|\s+)[{_CAPITAL}][\w\-]+){{0,3}}"
)


def place_candidates(run: str, words: int) -> list[tuple[str, bool]]:
    """The names a capitalised run may hold, longest first, each with whether it stands whole.

    The run itself, then (as always) its first `words` capitalised words and its first word: a
    place inside a longer capitalised name ("Air France", "Indian Airlines") is not named. Where
    small words join the run ("Rio de Janeiro", "Côte d'Ivoire", "Attentat de Nice"), each
    stretch between them counts too, joined or alone; a stretch after a small word is said to
    stand inside a name ("Wellington Menezes de Oliveira" names a man, not the town)."""
    words_at = [(m.start(), m.end()) for m in re.finditer(rf"[{_CAPITAL}][\w\-]+", run)]
    # stretches: capitalised words with nothing but spaces between them
    stretches: list[list[tuple[int, int]]] = []
    for span in words_at:
        if stretches and not run[stretches[-1][-1][1] : span[0]].strip():
            stretches[-1].append(span)
        else:
            stretches.append([span])
    out: list[tuple[str, bool]] = []
    seen: set[str] = set()

    def add(text: str, whole: bool) -> None:
        text = text.replace("’", "'")
        if text not in seen:
            seen.add(text)
            out.append((text, whole))

    def plain_start(stretch: list[tuple[int, int]]) -> None:
        for k in (min(len(stretch), words), 1):
            add(run[stretch[0][0] : stretch[k - 1][1]], True)

    first = stretches[0]
    if len(stretches) == 1 and len(first) > words:
        plain_start(first)
        return out
    # stretches joined by small words, the most first
    for n in range(len(stretches), 1, -1):
        for a in range(len(stretches) - n + 1):
            add(run[stretches[a][0][0] : stretches[a + n - 1][-1][1]], a == 0)
        # a leading capitalised article or word stays off a joined name ("La Côte d'Ivoire")
        if len(first) > 1:
            add(run[first[1][0] : stretches[n - 1][-1][1]], True)
    plain_start(first)
    for stretch in stretches[1:]:
        add(run[stretch[0][0] : stretch[min(len(stretch), words) - 1][1]], False)
    return out


# a place this size is seldom a common word that happens to be some town's name
_TOWN_OF_NOTE = 100_000


@dataclass(frozen=True, slots=True)
class PlaceRoles:
    """The words before a city that give it a role other than the event's place, in one
    language (the profile's `[places]` tables): a reference point, a destination, another
    place's office, a street or gate, a vehicle's name."""

    roles: tuple[tuple[str, PhraseSet], ...]
    fillers: frozenset[str]


# how many filler words may stand between a role's phrase and the city
_ROLE_GAP = {"reference": 5, "destination": 3, "institution": 3, "quarter": 1, "vehicle": 0}
# what a city in a role counts (a name standing whole counts 4): a reference point a little,
# since a place in the open may be known only by the town it is near; the others nothing
_ROLE_WEIGHT = {"reference": 1}
_OPEN_QUOTES = "„“\"«‹"
_CLOSE_QUOTES = "“”\"»›"


def place_roles(profile: Profile, language: str) -> PlaceRoles:
    """The profile's `[places]` tables in `language` (English where it has none)."""
    return _place_roles(profile.name, language)


@lru_cache(maxsize=32)
def _place_roles(profile_name: str, language: str) -> PlaceRoles:
    from veracity.extract.lexicon import load_profile

    profile = load_profile(profile_name)
    tables = profile.raw.get("places", {})
    roles: list[tuple[str, PhraseSet]] = []
    for role in _ROLE_GAP:
        table = tables.get(role, {})
        words = list(table.get(language) or table.get("en") or []) + list(table.get("all", []))
        if role == "vehicle":
            for kind in profile.raw.get("site_roles", {}).get("vehicles", []):
                kinds = profile.raw.get("sites", {}).get(kind, {})
                words += list(kinds.get(language) or kinds.get("en") or [])
        if words:
            roles.append((role, PhraseSet.build(words)))
    fillers = frozenset(fold_word(w) for w in tables.get("reference", {}).get("filler", []))
    return PlaceRoles(tuple(roles), fillers)


def city_role(text: str, start: int, end: int, roles: PlaceRoles) -> str | None:
    """The role the words just before a city at text[start:end] give it, if any: "40 km from",
    "near", "evacuated to", "the court of", "porte de", "the plane", or quotation marks."""
    before = text[max(0, start - 100) : start]
    after = text[end : end + 2].lstrip()
    if before.rstrip().endswith("(") and before.rstrip()[:-1].rstrip().endswith(text[start:end]):
        return "repeat"  # "Landshut (Landshut)": one name glossed, not named twice
    if before.rstrip()[-1:] in _OPEN_QUOTES and after[:1] in _CLOSE_QUOTES:
        return "vehicle"
    before = re.split(r"[.;:!?()\[\],\n]", before)[-1]
    words = [fold_word(w) for w in re.findall(r"[^\W_]+", before)]
    for role, phrases in roles.roles:
        gap = _ROLE_GAP[role]
        for k in range(len(words) - 1, max(-1, len(words) - 9), -1):
            n = phrases.match_at(words, k)
            if not n or k + n > len(words):
                continue
            between = words[k + n :]
            if role == "vehicle":
                fits = all(any(c.isdigit() for c in w) for w in between)
            else:
                fits = len(between) <= gap and all(w in roles.fillers for w in between)
            if fits:
                return role
    return None


def _city_entry(folded: str) -> tuple[str, str, int] | None:
    """The gazetteer's city by a folded name, written with a hyphen or a space either way
    ("Grand Bassam", "Grand-Bassam"), or by a Russian case form's base."""
    cities = city_names()
    entry = cities.get(folded)
    if entry is None and " " in folded:
        entry = cities.get(folded.replace(" ", "-"))
    if entry is None and "-" in folded:
        entry = cities.get(folded.replace("-", " "))
    for base in inflected_bases(folded) if entry is None else ():
        entry = entry or cities.get(base)
    return entry


def cities_in(text: str, country: str | None, roles: PlaceRoles | None = None) -> Counter[str]:
    """Cities named in the text: those of `country` count, a town inside a longer name half.

    With no country named, the country is the one whose cities of some size the text names most
    (a French article on Nice seldom says "France"); a big city elsewhere then counts too, a
    small town never, since a common word may be one. With `roles`, a city the words before it
    give another role ("40 km from X", "evacuated to X", "the plane X": `city_role`) counts
    for nothing."""
    mentions: list[tuple[str, str, int, int]] = []  # name, country code, population, count
    for m in _PLACE_RUN.finditer(text):
        run = m.group().replace("’", "'")
        for candidate, whole in place_candidates(m.group(), 2):
            folded = fold_word(candidate)
            entry = _city_entry(folded)
            if entry is None:
                continue
            # a name standing whole counts 4, inside a longer name 2, as a reference point 1
            weight = 4 if whole else 2
            if roles is not None:
                at = m.start() + max(run.find(candidate), 0)
                role = city_role(text, at, at + len(candidate), roles)
                if role is not None:
                    weight = _ROLE_WEIGHT.get(role, 0)
            if weight:
                name, cc, population = entry
                mentions.append((name, cc, population, weight))
            break
    code = country_code(country) if country else None
    inferred = code is None
    if inferred:
        by_country: Counter[str] = Counter()
        for _name, cc, population, n in mentions:
            if population >= _TOWN_OF_NOTE:
                by_country[cc] += n
        code = by_country.most_common(1)[0][0] if by_country else None
    counts: Counter[str] = Counter()
    big: set[str] = set()
    for name, cc, population, n in mentions:
        if population >= 1_000_000:
            big.add(name)
        if cc == code and (population >= _TOWN_OF_NOTE or not inferred):
            counts[name] += 2 * n
        elif inferred and population >= 1_000_000:
            counts[name] += n
    if inferred:
        # a country no one names rests on its cities alone: a town said once may be a word
        # ("Essen") or a first name ("George"); one said twice is a place
        counts = Counter({name: n for name, n in counts.items() if n >= 16 or name in big})
    return counts
