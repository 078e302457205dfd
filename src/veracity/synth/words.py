"""Words the synthetic-corpus generator writes with: numbers, dates, countries, sites, group names.

Everything here is invented or general vocabulary (month names, number words, country names);
no sentence comes from a real article. One table per need, one column per language.
"""

from __future__ import annotations

import datetime as dt
import random

LANGUAGES = ("en", "id", "es", "pt", "fr", "de", "it")

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "pt": (
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "it": (
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
}

# --- numbers -------------------------------------------------------------------------------

_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ID_ONES = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
_ES_ONES = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
]
_ES_TENS = [
    "_",
    "_",
    "veinte",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
]
_PT_ONES = [
    "zero",
    "um",
    "dois",
    "três",
    "quatro",
    "cinco",
    "seis",
    "sete",
    "oito",
    "nove",
    "dez",
    "onze",
    "doze",
    "treze",
    "catorze",
    "quinze",
    "dezesseis",
    "dezessete",
    "dezoito",
    "dezenove",
]
_PT_TENS = [
    "_",
    "_",
    "vinte",
    "trinta",
    "quarenta",
    "cinquenta",
    "sessenta",
    "setenta",
    "oitenta",
    "noventa",
]
_FR_ONES = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_FR_TENS = ["_", "_", "vingt", "trente", "quarante", "cinquante", "soixante"]
_DE_ONES = [
    "null",
    "ein",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
]
_DE_TENS = [
    "_",
    "_",
    "zwanzig",
    "dreißig",
    "vierzig",
    "fünfzig",
    "sechzig",
    "siebzig",
    "achtzig",
    "neunzig",
]
_IT_ONES = [
    "zero",
    "uno",
    "due",
    "tre",
    "quattro",
    "cinque",
    "sei",
    "sette",
    "otto",
    "nove",
    "dieci",
    "undici",
    "dodici",
    "tredici",
    "quattordici",
    "quindici",
    "sedici",
    "diciassette",
    "diciotto",
    "diciannove",
]
_IT_TENS = [
    "_",
    "_",
    "venti",
    "trenta",
    "quaranta",
    "cinquanta",
    "sessanta",
    "settanta",
    "ottanta",
    "novanta",
]


def number_words(n: int, lang: str) -> str | None:
    """`n` (0-100) written in words, or None where the form would depend on the noun's gender."""
    if not 0 <= n <= 100:
        return None
    if lang in ("es", "pt", "fr", "it") and n % 10 == 1 and n != 11:
        return None  # "uno/un/una", "um/uma": the form agrees with the noun
    if lang == "pt" and n % 10 == 2 and n != 12:
        return None  # "dois/duas"
    return _WORDS[lang](n)


def _en(n: int) -> str:
    if n == 100:
        return "one hundred"
    if n < 20:
        return _EN_ONES[n]
    tens, ones = divmod(n, 10)
    return _EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else "")


def _id(n: int) -> str:
    if n == 100:
        return "seratus"
    if n < 10:
        return _ID_ONES[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return f"{_ID_ONES[n - 10]} belas"
    tens, ones = divmod(n, 10)
    return f"{_ID_ONES[tens]} puluh" + (f" {_ID_ONES[ones]}" if ones else "")


def _es(n: int) -> str:
    if n == 100:
        return "cien"
    if n < 30:
        return _ES_ONES[n]
    tens, ones = divmod(n, 10)
    return _ES_TENS[tens] + (f" y {_ES_ONES[ones]}" if ones else "")


def _pt(n: int) -> str:
    if n == 100:
        return "cem"
    if n < 20:
        return _PT_ONES[n]
    tens, ones = divmod(n, 10)
    return _PT_TENS[tens] + (f" e {_PT_ONES[ones]}" if ones else "")


def _fr(n: int) -> str:
    if n == 100:
        return "cent"
    if n < 20:
        return _FR_ONES[n]
    if n < 70:
        tens, ones = divmod(n, 10)
        if ones == 0:
            return _FR_TENS[tens]
        return _FR_TENS[tens] + (" et un" if ones == 1 else f"-{_FR_ONES[ones]}")
    if n < 80:
        return "soixante" + (" et onze" if n == 71 else f"-{_FR_ONES[n - 60]}")
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + _FR_ONES[n - 80]


def _de(n: int) -> str:
    if n == 100:
        return "hundert"
    if n < 20:
        return _DE_ONES[n]
    tens, ones = divmod(n, 10)
    if ones == 0:
        return _DE_TENS[tens]
    return f"{_DE_ONES[ones]}und{_DE_TENS[tens]}"


def _it(n: int) -> str:
    if n == 100:
        return "cento"
    if n < 20:
        return _IT_ONES[n]
    tens, ones = divmod(n, 10)
    if ones == 0:
        return _IT_TENS[tens]
    stem = _IT_TENS[tens]
    if ones in (1, 8):  # "ventuno", "trentotto": the vowel drops before a vowel
        stem = stem[:-1]
    unit = "tré" if ones == 3 else _IT_ONES[ones]
    return stem + unit


_WORDS = {"en": _en, "id": _id, "es": _es, "pt": _pt, "fr": _fr, "de": _de, "it": _it}


def digits(n: int, lang: str) -> str:
    """`n` in digits with the language's thousands separator (1,200 / 1.200 / 1 200)."""
    if n < 1000:
        return str(n)
    grouped = f"{n:,}"
    if lang == "en":
        return grouped
    if lang == "fr":
        return grouped.replace(",", "\u202f")
    return grouped.replace(",", ".")


# Vague quantities: (phrase before a noun, low, high). "dozens of" = 24-99, "hundreds of" = 200-999.
VAGUE: dict[str, dict[str, str]] = {
    "dozens": {
        "en": "dozens of",
        "id": "puluhan",
        "es": "decenas de",
        "pt": "dezenas de",
        "fr": "des dizaines de",
        "de": "Dutzende",
        "it": "decine di",
    },
    "hundreds": {
        "en": "hundreds of",
        "id": "ratusan",
        "es": "cientos de",
        "pt": "centenas de",
        "fr": "des centaines de",
        "de": "Hunderte",
        "it": "centinaia di",
    },
}
VAGUE_RANGES = {"dozens": (24, 99), "hundreds": (200, 999)}
ABOUT: dict[str, tuple[str, ...]] = {
    "en": ("about", "some", "around", "roughly"),
    "id": ("sekitar", "kurang lebih"),
    "es": ("alrededor de", "cerca de", "aproximadamente"),
    "pt": ("cerca de", "aproximadamente"),
    "fr": ("environ", "près de"),
    "de": ("etwa", "rund", "ungefähr"),
    "it": ("circa", "quasi"),
}
MORE_THAN = {
    "en": "more than",
    "id": "lebih dari",
    "es": "más de",
    "pt": "mais de",
    "fr": "plus de",
    "de": "mehr als",
    "it": "più di",
}

# --- dates ---------------------------------------------------------------------------------


def format_date(day: dt.date, precision: int, lang: str, rng: random.Random) -> str:
    """A date as a writer in `lang` would put it: precision 3 = day, 2 = month, 1 = year."""
    month = MONTHS[lang][day.month - 1]
    if precision == 1:
        return str(day.year)
    if precision == 2:
        return {"es": f"{month} de {day.year}", "pt": f"{month} de {day.year}"}.get(
            lang, f"{month} {day.year}"
        )
    d, m, y = day.day, day.month, day.year
    choices = {
        "en": (
            f"{d} {month} {y}",
            f"{month} {d}, {y}",
            f"{month[:3]}. {d}, {y}" if len(month) > 4 else f"{month} {d}, {y}",
        ),
        "id": (f"{d} {month} {y}", f"{d} {month} {y}", f"{d}/{m}/{y}"),
        "es": (f"{d} de {month} de {y}", f"{d} de {month} de {y}", f"{d}/{m}/{y}"),
        "pt": (f"{d} de {month} de {y}", f"{d} de {month} de {y}", f"{d}/{m:02d}/{y}"),
        "fr": (f"{'1er' if d == 1 else d} {month} {y}", f"{d} {month} {y}", f"{d:02d}/{m:02d}/{y}"),
        "de": (f"{d}. {month} {y}", f"{d}. {month} {y}", f"{d}.{m}.{y}"),
        "it": (f"{'1º' if d == 1 else d} {month} {y}", f"{d} {month} {y}", f"{d}/{m}/{y}"),
    }[lang]
    return rng.choice(choices)


# The preposition a date takes, by precision (1 year, 2 month, 3 day): "on 17 May", "in May".
DATE_PREP: dict[str, tuple[str, str, str]] = {
    "en": ("in", "in", "on"),
    "id": ("pada tahun", "pada bulan", "pada"),
    "es": ("en", "en", "el"),
    "pt": ("em", "em", "em"),
    "fr": ("en", "en", "le"),
    "de": ("im Jahr", "im", "am"),
    "it": ("nel", "nel", "il"),
}

# --- durations -----------------------------------------------------------------------------

DAYS = {
    "en": ("day", "days"),
    "id": ("hari", "hari"),
    "es": ("día", "días"),
    "pt": ("dia", "dias"),
    "fr": ("jour", "jours"),
    "de": ("Tag", "Tage"),
    "it": ("giorno", "giorni"),
}
MINUTES = {
    "en": "minutes",
    "id": "menit",
    "es": "minutos",
    "pt": "minutos",
    "fr": "minutes",
    "de": "Minuten",
    "it": "minuti",
}

# --- countries (real) ----------------------------------------------------------------------

COUNTRIES: tuple[tuple[str, ...], ...] = (
    # en, id, es, pt, fr, de, it
    ("Peru", "Peru", "Perú", "Peru", "Pérou", "Peru", "Perù"),
    ("Chile", "Chili", "Chile", "Chile", "Chili", "Chile", "Cile"),
    ("Brazil", "Brasil", "Brasil", "Brasil", "Brésil", "Brasilien", "Brasile"),
    ("Argentina", "Argentina", "Argentina", "Argentina", "Argentine", "Argentinien", "Argentina"),
    ("Colombia", "Kolombia", "Colombia", "Colômbia", "Colombie", "Kolumbien", "Colombia"),
    ("Mexico", "Meksiko", "México", "México", "Mexique", "Mexiko", "Messico"),
    ("Spain", "Spanyol", "España", "Espanha", "Espagne", "Spanien", "Spagna"),
    ("France", "Prancis", "Francia", "França", "France", "Frankreich", "Francia"),
    ("Germany", "Jerman", "Alemania", "Alemanha", "Allemagne", "Deutschland", "Germania"),
    ("Italy", "Italia", "Italia", "Itália", "Italie", "Italien", "Italia"),
    ("Indonesia", "Indonesia", "Indonesia", "Indonésia", "Indonésie", "Indonesien", "Indonesia"),
    (
        "Philippines",
        "Filipina",
        "Filipinas",
        "Filipinas",
        "Philippines",
        "Philippinen",
        "Filippine",
    ),
    ("India", "India", "India", "Índia", "Inde", "Indien", "India"),
    ("Pakistan", "Pakistan", "Pakistán", "Paquistão", "Pakistan", "Pakistan", "Pakistan"),
    ("Nigeria", "Nigeria", "Nigeria", "Nigéria", "Nigeria", "Nigeria", "Nigeria"),
    ("Kenya", "Kenya", "Kenia", "Quénia", "Kenya", "Kenia", "Kenya"),
    ("Egypt", "Mesir", "Egipto", "Egito", "Égypte", "Ägypten", "Egitto"),
    ("Turkey", "Turki", "Turquía", "Turquia", "Turquie", "Türkei", "Turchia"),
    ("Russia", "Rusia", "Rusia", "Rússia", "Russie", "Russland", "Russia"),
    ("Greece", "Yunani", "Grecia", "Grécia", "Grèce", "Griechenland", "Grecia"),
    ("Morocco", "Maroko", "Marruecos", "Marrocos", "Maroc", "Marokko", "Marocco"),
    ("Mali", "Mali", "Malí", "Mali", "Mali", "Mali", "Mali"),
    ("Thailand", "Thailand", "Tailandia", "Tailândia", "Thaïlande", "Thailand", "Thailandia"),
    ("Australia", "Australia", "Australia", "Austrália", "Australie", "Australien", "Australia"),
    ("Lebanon", "Lebanon", "Líbano", "Líbano", "Liban", "Libanon", "Libano"),
    ("Sweden", "Swedia", "Suecia", "Suécia", "Suède", "Schweden", "Svezia"),
)


def country_name(index: int, lang: str) -> str:
    return COUNTRIES[index][LANGUAGES.index(lang)]


# --- invented proper names -----------------------------------------------------------------

_ONSETS = (
    "b",
    "c",
    "d",
    "f",
    "g",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "br",
    "tr",
    "dr",
    "st",
    "gr",
    "ch",
    "kr",
    "pl",
    "sv",
)
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "o", "ia", "ei")
_CODAS = ("", "", "", "n", "r", "l", "s", "sk", "nt", "rd", "m", "x", "th")


def invent_word(rng: random.Random, syllables: int) -> str:
    """A pronounceable made-up proper name ("Corvallen", "Tessaro")."""
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)]
    return ("".join(parts) + rng.choice(_CODAS)).capitalize()


FIRST_NAMES = (
    "Tomas",
    "Rafael",
    "Amir",
    "Jonas",
    "Diego",
    "Karim",
    "Yusuf",
    "Marco",
    "Ivan",
    "Luca",
    "Omar",
    "Pavel",
    "Nikolai",
    "Andres",
    "Hassan",
    "Rudi",
    "Bayu",
    "Emil",
    "Sergio",
    "Farid",
    "Mateo",
    "Ilias",
    "Adnan",
    "Viktor",
    "Samuel",
    "Hugo",
    "Anton",
    "Kemal",
    "Julian",
    "Teodor",
    "Elena",
    "Marta",
    "Leila",
    "Nadia",
    "Sofia",
    "Irina",
    "Dewi",
    "Carla",
    "Amina",
    "Vera",
)

# --- sites ---------------------------------------------------------------------------------
# Per kind and language: (the site as subject or object, the site after "at/in").
# {n} is the site's invented proper name. The English subject form without article is canonical.
SITES: dict[str, dict[str, tuple[str, str]]] = {
    "hotel": {
        "en": ("the {n} Hotel", "at the {n} Hotel"),
        "id": ("Hotel {n}", "di Hotel {n}"),
        "es": ("el Hotel {n}", "en el Hotel {n}"),
        "pt": ("o Hotel {n}", "no Hotel {n}"),
        "fr": ("l'hôtel {n}", "à l'hôtel {n}"),
        "de": ("das Hotel {n}", "im Hotel {n}"),
        "it": ("l'hotel {n}", "all'hotel {n}"),
    },
    "theatre": {
        "en": ("the {n} Theatre", "at the {n} Theatre"),
        "id": ("Teater {n}", "di Teater {n}"),
        "es": ("el Teatro {n}", "en el Teatro {n}"),
        "pt": ("o Teatro {n}", "no Teatro {n}"),
        "fr": ("le théâtre {n}", "au théâtre {n}"),
        "de": ("das Theater {n}", "im Theater {n}"),
        "it": ("il teatro {n}", "al teatro {n}"),
    },
    "school": {
        "en": ("the {n} School", "at the {n} School"),
        "id": ("Sekolah {n}", "di Sekolah {n}"),
        "es": ("la Escuela {n}", "en la Escuela {n}"),
        "pt": ("a Escola {n}", "na Escola {n}"),
        "fr": ("l'école {n}", "à l'école {n}"),
        "de": ("die {n}-Schule", "in der {n}-Schule"),
        "it": ("la scuola {n}", "alla scuola {n}"),
    },
    "hospital": {
        "en": ("the {n} Hospital", "at the {n} Hospital"),
        "id": ("Rumah Sakit {n}", "di Rumah Sakit {n}"),
        "es": ("el Hospital {n}", "en el Hospital {n}"),
        "pt": ("o Hospital {n}", "no Hospital {n}"),
        "fr": ("l'hôpital {n}", "à l'hôpital {n}"),
        "de": ("das Krankenhaus {n}", "im Krankenhaus {n}"),
        "it": ("l'ospedale {n}", "all'ospedale {n}"),
    },
    "airport": {
        "en": ("{n} International Airport", "at {n} International Airport"),
        "id": ("Bandara Internasional {n}", "di Bandara Internasional {n}"),
        "es": ("el Aeropuerto Internacional {n}", "en el Aeropuerto Internacional {n}"),
        "pt": ("o Aeroporto Internacional {n}", "no Aeroporto Internacional {n}"),
        "fr": ("l'aéroport international {n}", "à l'aéroport international {n}"),
        "de": ("der Flughafen {n}", "am Flughafen {n}"),
        "it": ("l'aeroporto internazionale {n}", "all'aeroporto internazionale {n}"),
    },
    "bank": {
        "en": ("the {n} Bank", "at the {n} Bank"),
        "id": ("Bank {n}", "di Bank {n}"),
        "es": ("el Banco {n}", "en el Banco {n}"),
        "pt": ("o Banco {n}", "no Banco {n}"),
        "fr": ("la banque {n}", "à la banque {n}"),
        "de": ("die {n}-Bank", "in der {n}-Bank"),
        "it": ("la banca {n}", "alla banca {n}"),
    },
    "mall": {
        "en": ("the {n} shopping centre", "at the {n} shopping centre"),
        "id": ("pusat perbelanjaan {n}", "di pusat perbelanjaan {n}"),
        "es": ("el centro comercial {n}", "en el centro comercial {n}"),
        "pt": ("o centro comercial {n}", "no centro comercial {n}"),
        "fr": ("le centre commercial {n}", "au centre commercial {n}"),
        "de": ("das Einkaufszentrum {n}", "im Einkaufszentrum {n}"),
        "it": ("il centro commerciale {n}", "al centro commerciale {n}"),
    },
    "university": {
        "en": ("{n} University", "at {n} University"),
        "id": ("Universitas {n}", "di Universitas {n}"),
        "es": ("la Universidad {n}", "en la Universidad {n}"),
        "pt": ("a Universidade {n}", "na Universidade {n}"),
        "fr": ("l'université {n}", "à l'université {n}"),
        "de": ("die Universität {n}", "an der Universität {n}"),
        "it": ("l'università {n}", "all'università {n}"),
    },
    "stadium": {
        "en": ("the {n} Stadium", "at the {n} Stadium"),
        "id": ("Stadion {n}", "di Stadion {n}"),
        "es": ("el Estadio {n}", "en el Estadio {n}"),
        "pt": ("o Estádio {n}", "no Estádio {n}"),
        "fr": ("le stade {n}", "au stade {n}"),
        "de": ("das {n}-Stadion", "im {n}-Stadion"),
        "it": ("lo stadio {n}", "allo stadio {n}"),
    },
}


def site_forms(kind: str, name: str, lang: str) -> tuple[str, str, str]:
    """(subject form, object form, locative form) of a site in `lang`."""
    the, at = SITES[kind][lang]
    the, at = the.format(n=name), at.format(n=name)
    obj = "den " + the.removeprefix("der ") if the.startswith("der ") else the
    return the, obj, at


def site_canonical(kind: str, name: str) -> str:
    the = SITES[kind]["en"][0].format(n=name)
    return the.removeprefix("the ")


# --- group names ---------------------------------------------------------------------------
# Types, with grammatical gender where adjectives agree (m/f); all German ones are feminine so
# the adjective ending stays the same.
GROUP_TYPES: dict[str, dict[str, tuple[str, str]]] = {
    "front": {
        "en": ("Front", ""),
        "id": ("Front", ""),
        "es": ("Frente", "m"),
        "pt": ("Frente", "f"),
        "fr": ("Front", "m"),
        "de": ("Front", "f"),
        "it": ("Fronte", "m"),
    },
    "movement": {
        "en": ("Movement", ""),
        "id": ("Gerakan", ""),
        "es": ("Movimiento", "m"),
        "pt": ("Movimento", "m"),
        "fr": ("Mouvement", "m"),
        "de": ("Bewegung", "f"),
        "it": ("Movimento", "m"),
    },
    "army": {
        "en": ("Army", ""),
        "id": ("Tentara", ""),
        "es": ("Ejército", "m"),
        "pt": ("Exército", "m"),
        "fr": ("Armée", "f"),
        "de": ("Armee", "f"),
        "it": ("Esercito", "m"),
    },
    "alliance": {
        "en": ("Alliance", ""),
        "id": ("Aliansi", ""),
        "es": ("Alianza", "f"),
        "pt": ("Aliança", "f"),
        "fr": ("Alliance", "f"),
        "de": ("Allianz", "f"),
        "it": ("Alleanza", "f"),
    },
    "league": {
        "en": ("League", ""),
        "id": ("Liga", ""),
        "es": ("Liga", "f"),
        "pt": ("Liga", "f"),
        "fr": ("Ligue", "f"),
        "de": ("Liga", "f"),
        "it": ("Lega", "f"),
    },
}
GROUP_ADJECTIVES: dict[str, dict[str, tuple[str, str]]] = {
    # (masculine, feminine)
    "revolutionary": {
        "en": ("Revolutionary",) * 2,
        "id": ("Revolusioner",) * 2,
        "es": ("Revolucionario", "Revolucionaria"),
        "pt": ("Revolucionário", "Revolucionária"),
        "fr": ("Révolutionnaire",) * 2,
        "de": ("Revolutionäre",) * 2,
        "it": ("Rivoluzionario", "Rivoluzionaria"),
    },
    "national": {
        "en": ("National",) * 2,
        "id": ("Nasional",) * 2,
        "es": ("Nacional",) * 2,
        "pt": ("Nacional",) * 2,
        "fr": ("National", "Nationale"),
        "de": ("Nationale",) * 2,
        "it": ("Nazionale",) * 2,
    },
    "united": {
        "en": ("United",) * 2,
        "id": ("Bersatu",) * 2,
        "es": ("Unido", "Unida"),
        "pt": ("Unido", "Unida"),
        "fr": ("Uni", "Unie"),
        "de": ("Vereinigte",) * 2,
        "it": ("Unito", "Unita"),
    },
    "liberation": {},  # a phrase, not an adjective: see group_name
}
_LIBERATION = {
    "en": "{t} for the Liberation of {r}",
    "id": "{t} Pembebasan {r}",
    "es": "{t} de Liberación de {r}",
    "pt": "{t} de Libertação de {r}",
    "fr": "{t} de Libération de {r}",
    "de": "{t} zur Befreiung von {r}",
    "it": "{t} di Liberazione di {r}",
}
_ADJECTIVAL = {
    "en": "{a} {t} of {r}",
    "id": "{t} {a} {r}",
    "es": "{t} {a} de {r}",
    "pt": "{t} {a} de {r}",
    "fr": "{t} {a} de {r}",
    "de": "{a} {t} von {r}",
    "it": "{t} {a} di {r}",
}
# The article and "of the" before a group name, by gender.
_GROUP_THE = {
    "en": ("the ", "the "),
    "id": ("", ""),
    "es": ("el ", "la "),
    "pt": ("o ", "a "),
    "fr": ("le ", "la "),
    "de": ("die ", "die "),
    "it": ("il ", "la "),
}
_GROUP_OF = {
    "en": ("of the ", "of the "),
    "id": ("", ""),
    "es": ("del ", "de la "),
    "pt": ("do ", "da "),
    "fr": ("du ", "de la "),
    "de": ("der ", "der "),
    "it": ("del ", "della "),
}
_MINOR_WORDS = {"of", "for", "the", "de", "di", "del", "von", "zur"}


def group_name(kind: str, adjective: str, region: str, lang: str) -> str:
    word, gender = GROUP_TYPES[kind][lang]
    if adjective == "liberation":
        return _LIBERATION[lang].format(t=word, r=region)
    adj = GROUP_ADJECTIVES[adjective][lang][1 if gender == "f" else 0]
    return _ADJECTIVAL[lang].format(a=adj, t=word, r=region)


def acronym(name: str) -> str:
    """Initials of a name's significant words ("Frente Revolucionario de Tarvo" -> "FRT")."""
    return "".join(w[0].upper() for w in name.split() if w.lower() not in _MINOR_WORDS)


def group_articles(kind: str, lang: str) -> tuple[str, str]:
    """(article, "of the") before the group's name in `lang`, elided where French and Italian
    elide before a vowel."""
    word, gender = GROUP_TYPES[kind][lang]
    f = 1 if gender == "f" else 0
    the, of = _GROUP_THE[lang][f], _GROUP_OF[lang][f]
    if word[0] in "AEIOUÉ" and lang in ("fr", "it"):
        the = "l'"
        of = {"fr": "de l'", "it": "dell'"}[lang]
    return the, of


OPERATION = {
    "en": "Operation {w}",
    "id": "Operasi {w}",
    "es": "Operación {w}",
    "pt": "Operação {w}",
    "fr": "opération {w}",
    "de": "Operation {w}",
    "it": "Operazione {w}",
}

# Publisher names: (pattern, language). {w} is an invented word.
PUBLISHER_PATTERNS: dict[str, tuple[str, ...]] = {
    "en": ("The {w} Times", "{w} Daily News", "The {w} Herald", "{w} Post"),
    "id": ("Harian {w}", "Kabar {w}", "{w} Pos"),
    "es": ("El Diario de {w}", "La Voz de {w}", "Noticias {w}"),
    "pt": ("Jornal de {w}", "Folha de {w}", "Correio {w}"),
    "fr": ("Le Courrier de {w}", "La Dépêche de {w}", "{w} Matin"),
    "de": ("{w}er Zeitung", "{w}er Rundschau", "{w} Kurier"),
    "it": ("Il Corriere di {w}", "La Gazzetta di {w}", "{w} Notizie"),
}
