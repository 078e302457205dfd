"""Simple, independent spellers of whole numbers, the reference the number parser must agree with.

Written from each language's rules, not from the parser's tables, so that a table gap shows up.
"""

from __future__ import annotations

_EN_SMALL = [
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


def spell_en(n: int) -> str:
    if n < 20:
        return _EN_SMALL[n]
    if n < 100:
        return _EN_TENS[n // 10] + ("" if n % 10 == 0 else "-" + _EN_SMALL[n % 10])
    if n < 1000:
        rest = n % 100
        return _EN_SMALL[n // 100] + " hundred" + ("" if rest == 0 else " and " + spell_en(rest))
    if n < 1_000_000:
        rest = n % 1000
        return spell_en(n // 1000) + " thousand" + ("" if rest == 0 else " " + spell_en(rest))
    rest = n % 1_000_000
    return spell_en(n // 1_000_000) + " million" + ("" if rest == 0 else " " + spell_en(rest))


_ES_SMALL = [
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
    "_",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
]
_ES_HUNDREDS = [
    "_",
    "ciento",
    "doscientos",
    "trescientos",
    "cuatrocientos",
    "quinientos",
    "seiscientos",
    "setecientos",
    "ochocientos",
    "novecientos",
]


def spell_es(n: int) -> str:
    if n < 30:
        return _ES_SMALL[n]
    if n < 100:
        return _ES_TENS[n // 10] + ("" if n % 10 == 0 else " y " + _ES_SMALL[n % 10])
    if n == 100:
        return "cien"
    if n < 1000:
        return _ES_HUNDREDS[n // 100] + ("" if n % 100 == 0 else " " + spell_es(n % 100))
    if n < 1_000_000:
        head = "mil" if n // 1000 == 1 else spell_es(n // 1000) + " mil"
        return head + ("" if n % 1000 == 0 else " " + spell_es(n % 1000))
    head = "un millón" if n // 1_000_000 == 1 else spell_es(n // 1_000_000) + " millones"
    return head + ("" if n % 1_000_000 == 0 else " " + spell_es(n % 1_000_000))


_ID_UNITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def spell_id(n: int) -> str:
    if n < 10:
        return _ID_UNITS[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return _ID_UNITS[n - 10] + " belas"
    if n < 100:
        return _ID_UNITS[n // 10] + " puluh" + ("" if n % 10 == 0 else " " + _ID_UNITS[n % 10])
    if n < 1000:
        head = "seratus" if n // 100 == 1 else _ID_UNITS[n // 100] + " ratus"
        return head + ("" if n % 100 == 0 else " " + spell_id(n % 100))
    if n < 1_000_000:
        head = "seribu" if n // 1000 == 1 else spell_id(n // 1000) + " ribu"
        return head + ("" if n % 1000 == 0 else " " + spell_id(n % 1000))
    head = spell_id(n // 1_000_000) + " juta"
    return head + ("" if n % 1_000_000 == 0 else " " + spell_id(n % 1_000_000))


SPELLERS = {"en": spell_en, "es": spell_es, "id": spell_id}
# Sentences that put a count before a plural noun, with no cue words that could be read as numbers.
FRAMES = {
    "en": "Officials said {} people were held inside.",
    "es": "Las autoridades dijeron que {} personas fueron retenidas.",
    "id": "Pejabat mengatakan {} orang ditahan di dalam.",
    "de": "Die Behörden sagten, {} Menschen wurden festgehalten.",
    "fr": "Les autorités ont déclaré que {} personnes étaient retenues.",
}
