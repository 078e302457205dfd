"""Names shown in the reader's language: the group, site or operation as a source in that
language writes it, every other form kept as the record's aliases.

A record's name is one thing written many ways ("Groupe Islamique Armé", "Armed Islamic Group",
"GIA"; "embajada de Estados Unidos", "Embassy of the United States"). Resolution decides which
thing; this step decides how to write it for the reader: the form the reader's-language
sources use (their claims, or a "Full Name (ACR)" pair they state), else the acronym any
source gives (it reads the same in every language), else the form most sources use.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from veracity.model import Claim, Resolution
from veracity.values import Name, fold

NAMED = ("perpetrator.group", "perpetrator.leader", "location.site", "operation.name")


def _is_acronym(name: str) -> bool:
    letters = re.sub(r"[\s\-.]", "", name)
    return 2 <= len(letters) <= 8 and letters.upper() == letters and any(c.isalpha() for c in letters)


def in_reader_language(
    record: dict[str, Resolution],
    claims: Sequence[Claim],
    languages: dict[str, str],
    pairs: dict[str, list[tuple[str, str]]],
    reader: str = "en",
    attributes: Iterable[str] = NAMED,
    kind_words: frozenset[str] = frozenset(),
    kind_labels: dict[str, str] | None = None,
) -> dict[str, Resolution]:
    """The record with each name value written for a reader of `reader`, and its `aliases`.

    `claims`: the event's claims (names already linked into groups); `pairs`: per document,
    the (acronym, full name) pairs it states; `attributes`: those whose value is a name as the
    sources write it (a city or a country is shown by its gazetteer's English name already);
    `kind_words`: the folded words of the kinds of place ("airport", "aeropuerto"): a site's
    supporters share its kind, and only those that share a word of its own name besides are
    its aliases ("aeropuerto de Argel" is another airport than "Marignane airport");
    `kind_labels`: each kind of place in the reader's language ("station"): for a reader of
    English, a site no English source names is written as its own name and the kind
    ("Bologna station" for "stazione di Bologna", "gare de Bologne"), the sources' forms kept as
    aliases."""
    out = dict(record)
    wanted = set(attributes)
    for attribute, res in record.items():
        value = res.value
        if attribute not in wanted or not isinstance(value, Name):
            continue
        key = value.key()
        supporters = [
            c for c in claims if c.attribute == attribute and isinstance(c.value, Name)
            and c.value.key() == key
        ]
        if not supporters:
            continue
        # every form: the supporters' own words, and the pairs that name one of them
        forms: list[tuple[str, str]] = [(c.text.strip(), c.document) for c in supporters]
        forms = [(f, d) for f, d in forms if f]
        known = {fold(f) for f, _d in forms} | {fold(value.canonical)}
        for doc, doc_pairs in pairs.items():
            for acronym, full in doc_pairs:
                if fold(acronym) in known or fold(full) in known:
                    forms += [(acronym, doc), (full, doc)]
        chosen = _choose(forms, languages, reader, value.canonical)
        if chosen is None and value.group.startswith("site:") and kind_labels:
            chosen = _composed_site(
                forms, languages, reader, kind_labels.get(value.group.removeprefix("site:")),
                kind_words,
            )
        chosen = chosen or value.canonical
        aliases = _distinct(f for f, _d in forms if fold(f) != fold(chosen))
        if value.group.startswith("site:"):
            own = set(fold(chosen).split()) - kind_words
            aliases = [a for a in aliases if own & (set(fold(a).split()) - kind_words)]
        out[attribute] = replace(res, value=Name(chosen, value.group), aliases=tuple(aliases))
    return out


def _choose(
    forms: list[tuple[str, str]], languages: dict[str, str], reader: str, current: str
) -> str | None:
    """The form to show: the resolution's own when a reader's-language source writes it so;
    else the reader's-language form most used (the fullest of equals); else an acronym; else
    None (the resolution's own choice stands)."""
    own = Counter(f for f, d in forms if languages.get(d) == reader and not _is_acronym(f))
    if not own or any(fold(f) == fold(current) for f in own):
        acronyms = Counter(f for f, _d in forms if _is_acronym(f))
        if own or not acronyms or _is_acronym(current):
            return None
        return max(acronyms, key=lambda f: (acronyms[f], len(f)))
    return max(own, key=lambda f: (own[f], len(f)))


def _distinct(forms: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for f in forms:
        if fold(f) not in seen:
            seen.add(fold(f))
            out.append(f)
    return out


# the small words between a kind of place and its name ("stazione di Bologna", "Bahnhof von
# Bologna", "gare de Bologne"): neither the kind nor the name
_LINKS = frozenset(
    {"de", "di", "da", "del", "della", "des", "du", "do", "dos", "das", "von", "vom", "der",
     "of", "the", "la", "le", "el", "il", "lo", "l", "d", "ng", "sa", "ang"}
)


# "of the" before a plural: what follows is no place's name but part of one
_PLURAL_LINKS = frozenset({"des", "dos", "das", "degli", "delle", "dei", "los", "las"})


def _composed_site(
    forms: list[tuple[str, str]],
    languages: dict[str, str],
    reader: str,
    label: str | None,
    kind_words: frozenset[str],
) -> str | None:
    """A site written for a reader of English when no English source names it: the name the
    sources give it most (the capitalised words that are neither its kind nor a small word)
    and the kind in English ("Bologna station"). None when a reader's-language source writes
    it, when the reader is not English (word order and articles differ), or no name is given."""
    if reader != "en" or label is None or any(languages.get(d) == reader for _f, d in forms):
        return None
    names: Counter[str] = Counter()
    for form, _d in forms:
        words = re.findall(r"[^\W\d_][\w'’\-]*", form)
        if any(fold(w) in _PLURAL_LINKS for w in words):
            continue  # "promenade des Anglais": the words after "des" are part of the name
        own = [
            w for w in words
            if w[0].isupper() and fold(w) not in kind_words and fold(w) not in _LINKS
        ]
        if own and len(own) == len([w for w in words if fold(w) not in kind_words | _LINKS]):
            names[" ".join(own)] += 1
    if not names:
        return None
    by_fold: Counter[str] = Counter()
    for name, n in names.items():
        by_fold[fold(name)] += n
    best = max(by_fold, key=lambda f: (by_fold[f], -len(f)))
    written = max((n for n in names if fold(n) == best), key=lambda n: names[n])
    return f"{written} {label}"
