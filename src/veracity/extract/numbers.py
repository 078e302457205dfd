"""Numbers in running text: digits, spelled-out words, vague and approximate quantities.

Each mention keeps its character span and the modifiers that change its meaning: "about 70"
(a range), "hundreds" (vague), "more than 100" (a bound), "all 14", "all but one", "four of the".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from text_to_num import text2num

from veracity.extract.lexicon import NumberLexicon, number_lexicon
from veracity.extract.text import Sentence
from veracity.values import Count

_TEXT2NUM_LANGUAGES = {"en", "es", "pt", "fr", "de", "it"}
# Articles that double as "one": read as a number only when written as a digit.
_ARTICLES = {
    "un",
    "una",
    "une",
    "um",
    "uma",
    "ein",
    "eine",
    "einer",
    "einen",
    "einem",
    "a",
    "an",
    "uno",
    "unos",
    "unas",
    "uns",
    "umas",
    "des",
}
_MULTIPLIERS = {100.0, 1000.0, 1e6, 1e9}
_DIGITS = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,\u00a0\u202f]\d{3})+|\d+)(?![.,:]\d)(?!\d)")
# "1 100 personnes": thousands set apart by a plain space (French and others; not in English,
# where "in 2004 100 people" would be misread)
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3}(?: \d{3})+)(?![.,:]?\d)")
_RANGE_DASH = re.compile(r"^\s*[-–—]\s*$")
_UNIT_AFTER = re.compile(
    r"^\s*(%|°|′|″|'|\"|per\s?cent|prozent|por\s?ciento|persen)", re.IGNORECASE
)
# "12h30", "2 h 07": hours and minutes (French, Spanish, Italian clocks)
_CLOCK_BEFORE = re.compile(r"\d\s?[hH]\s?$")
_CLOCK_AFTER = re.compile(r"\s?[hH]\s?\d\d(?!\d)")
# an acronym, a space, then the number: a name ("GSG 9"), not a count
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z]{2,5} $")
_MONEY_BEFORE = re.compile(r"(\$|€|£|¥|US\$|USD|EUR|Rp\.?|R\$)\s*$")


@dataclass(frozen=True, slots=True)
class NumberMention:
    value: Count
    first: int  # index of the first word of the number (modifiers excluded)
    last: int  # index one past the number's last word
    start: int  # character span of the whole phrase (modifiers included)
    end: int
    all: bool = False  # "all 14 militants", "all hostages"
    all_but: bool = False  # "all but one of the militants"
    partitive: bool = False  # "four of the militants": a part, not the whole
    included: bool = False  # "including 12 crew members": a part of a group named before


def find_numbers(sentence: Sentence, language: str, taken: set[int]) -> list[NumberMention]:
    """Every number mention in the sentence; words whose index is in `taken` are skipped."""
    lex = number_lexicon(language)
    raw = _raw_numbers(sentence, language, lex, taken)
    mentions: list[NumberMention] = []
    consumed: set[int] = set()
    for first, last, value in raw:
        if first in consumed:
            continue
        mention = _with_modifiers(sentence, lex, raw, first, last, value, consumed)
        if mention is not None:
            mentions.append(mention)
    mentions.extend(_bare_all(sentence, lex, taken, mentions))
    return sorted(mentions, key=lambda m: m.first)


def _raw_numbers(
    sentence: Sentence, language: str, lex: NumberLexicon, taken: set[int]
) -> list[tuple[int, int, Count]]:
    found: dict[int, tuple[int, int, Count]] = {}
    text = sentence.text
    matches = list(_DIGITS.finditer(text))
    if language != "en":
        spaced = list(_SPACED_THOUSANDS.finditer(text))
        inside = [(m.start(), m.end()) for m in spaced]
        matches = spaced + [
            m for m in matches if not any(a <= m.start() < b for a, b in inside)
        ]
    for m in sorted(matches, key=lambda m: m.start()):
        start = sentence.start + m.start()
        first = sentence.word_index_at(start)
        if first >= len(sentence.words) or any(i in taken for i in range(first, first + 1)):
            continue
        # the number may span several word tokens ("1,000" is two)
        end = sentence.start + m.end()
        last = first
        while last < len(sentence.spans) and sentence.spans[last][0] < end:
            last += 1
        after = text[m.end() : m.end() + 12]
        before = text[max(0, m.start() - 5) : m.start()]
        if before.endswith("[") and after.startswith("]"):
            continue  # a reference mark: "45 killed[2]"
        if re.search(r"(?:\b[A-Z]{1,4}-?|[^\W\d_]-)$", before) or re.match(r"[^\W\d_]", after):
            continue  # part of a name or code: "AK-47", "MH17", "3G" (not a label: "Deaths17")
        if _UNIT_AFTER.match(after) or _MONEY_BEFORE.search(before):
            continue
        if re.fullmatch(r"1[89]\d\d|20\d\d", m.group()) and re.match(r"[-/.]\d\d?\b", after):
            continue  # "2024-10", "1994/12": a year and its month
        if re.search(r"(?<!\d)(1[89]\d\d|20\d\d)[-/.]$", before) and len(m.group()) <= 2:
            continue  # ... and the month after the year
        if _CLOCK_BEFORE.search(before) or _CLOCK_AFTER.match(after):
            continue  # a time of day: "12h30", "à 2 h 07"
        if _ACRONYM_BEFORE.search(text[max(0, m.start() - 7) : m.start()]) and len(m.group()) <= 3:
            continue  # a unit's or a model's name: "GSG 9", "MH 17"
        if (
            first > 0
            and sentence.words[first - 1] in lex.day_article
            and after.startswith(",")
            and 1 <= int(re.sub(r"\D", "", m.group()) or 0) <= 31
        ):
            continue  # "Le 6, un commando ...", "El 24, ...": the day of the month
        if _day_of_month(sentence, first, last, language, m.group()):
            continue  # "El 19 de abril", "am 5. Mai": a date whose year is nowhere said
        tail = re.match(r"[A-Za-zºª]+", after)
        if tail and (tail.group().lower() in lex.ordinal_suffix or tail.group() in "ºª"):
            continue
        if re.match(r"\.\s*[ºª]", after):
            continue
        digits = re.sub(r"\D", "", m.group())
        number = float(int(digits))
        if last < len(sentence.words) and sentence.words[last] in lex.scale:
            number *= lex.scale[sentence.words[last]]  # "5 milioni", "3 juta"
            last += 1
        found[first] = (first, last, Count.exact(number))
    i = 0
    words = sentence.words
    covered = {k for first, last, _ in found.values() for k in range(first, last)}
    while i < len(words):
        if i in covered or i in taken:
            i += 1
            continue
        vague = lex.vague_phrases.match_at(words, i)
        if vague:
            low, high = lex.vague[" ".join(words[i : i + vague])]
            found[i] = (i, i + vague, Count(low, high, "vague"))
            i += vague
            continue
        if words[i] in lex.scale and i > 0 and words[i - 1][-1:].isdigit():
            i += 1  # "US$1.8 million": the scale of a figure read (or refused) already
            continue
        j, value = _spelled_number(sentence, language, lex, i)
        if value is not None and j > i:
            found[i] = (i, j, Count.exact(value))
            i = j
            continue
        i += 1
    return [found[k] for k in sorted(found)]


def _day_of_month(sentence: Sentence, first: int, last: int, language: str, digits: str) -> bool:
    """The number is a day, a month name right after it ("19 de abril", "5. Mai", "3 March")."""
    from veracity.extract.dates import month_names

    if not digits.isdigit() or not 1 <= int(digits) <= 31:
        return False
    words = sentence.words
    k = last + 1 if last < len(words) and words[last] in _DAY_LINKS else last
    if k >= len(words) or words[k] not in month_names(language):
        return False
    # English months are written with a capital ("3 may" is not the 3rd of May)
    return language != "en" or _surface(sentence, k)[:1].isupper()


# words between a day and its month: "19 de abril", "3 of March", "ika-31 ng Disyembre"
_DAY_LINKS = frozenset({"de", "of", "ng", "di", "del"})


def _spelled_number(
    sentence: Sentence, language: str, lex: NumberLexicon, i: int
) -> tuple[int, float | None]:
    words = sentence.words
    # "a hundred", "un millón": the article is the number's "one" and part of its words
    if (
        words[i] in _ARTICLES
        and language in _TEXT2NUM_LANGUAGES
        and i + 1 < len(words)
        and _word_value(_surface(sentence, i + 1), language) in _MULTIPLIERS
    ):
        return _spelled_number(sentence, language, lex, i + 1)
    if words[i] in _ARTICLES or lex.conj.match_at(words, i) or words[i] in lex.ordinals:
        return i, None  # ("tercer piso": an ordinal text2num would read as three)
    if language in _TEXT2NUM_LANGUAGES:
        j = i
        while j < len(words):
            if _word_value(_surface(sentence, j), language) is not None or (
                j > i
                and lex.conj.match_at(words, j)
                and j + 1 < len(words)
                and _word_value(_surface(sentence, j + 1), language) is not None
            ):
                j += 1
            else:
                break
        if j == i:
            return i, None
        # the longest run text2num accepts: "cincuenta y cinco y noventa" is two numbers
        while j > i:
            phrase = sentence.text[
                sentence.spans[i][0] - sentence.start : sentence.spans[j - 1][1] - sentence.start
            ]
            try:
                return j, float(text2num(phrase, language))
            except (ValueError, IndexError):
                j -= 1
        return i, None
    if lex.grammar:
        return _grammar_number(words, lex.grammar, i)
    return i, None


def _surface(sentence: Sentence, i: int) -> str:
    s, e = sentence.spans[i]
    return sentence.text[s - sentence.start : e - sentence.start]


@lru_cache(maxsize=65536)
def _word_value(word: str, language: str) -> float | None:
    if word.isdigit() or len(word) < 2:
        return None
    try:
        return float(text2num(word, language))
    except (ValueError, IndexError):
        return None


def _grammar_number(words: list[str], grammar: dict[str, Any], i: int) -> tuple[int, float | None]:
    """Compose Indonesian- or Tagalog-style numerals: units, teens, tens and multipliers."""
    units: dict[str, int] = grammar.get("units", {})
    fused: dict[str, int] = grammar.get("fused", {})
    multipliers: dict[str, int] = grammar.get("multipliers", {})
    teen, tens = grammar.get("teen"), grammar.get("tens")
    teen_prefix = grammar.get("teen_prefix")
    total = chunk = small = 0
    j = i
    seen = False
    while j < len(words):
        w = words[j]
        if w not in units and w.endswith("ng") and w[:-2] in units:
            w = w[:-2]  # Tagalog ligature: "dalawang bihag"
        if w in units:
            small += units[w]
        elif teen and w == teen and seen:
            chunk += 10 + small
            small = 0
        elif tens and w == tens and seen:
            chunk += small * 10
            small = 0
        elif teen_prefix and w == teen_prefix:
            chunk += 10
        elif w in fused:
            value = fused[w]
            if value >= 1000:
                total += value
            elif value == 1 and j + 1 < len(words) and words[j + 1] in multipliers:
                small += 1
            else:
                chunk += value
        elif w in multipliers and seen:
            m = multipliers[w]
            if m >= 1000:
                total += max(chunk + small, 1) * m
                chunk = small = 0
            else:
                chunk += max(small, 1) * m
                small = 0
        elif seen and w == "t" and j + 1 < len(words):
            pass  # Tagalog "dalawampu't dalawa"
        else:
            break
        seen = True
        j += 1
    if not seen:
        return i, None
    return j, float(total + chunk + small)


def _with_modifiers(
    sentence: Sentence,
    lex: NumberLexicon,
    raw: list[tuple[int, int, Count]],
    first: int,
    last: int,
    value: Count,
    consumed: set[int],
) -> NumberMention | None:
    words = sentence.words
    consumed.add(first)
    # ages ("25-year-old", "de 20 años", "aged 34", "Tori Johnson, 34,") count nobody
    if last < len(words) and lex.age.match_at(words, last):
        return None
    if any(lex.age_before.match_at(words, k) == first - k for k in range(max(0, first - 3), first)):
        return None
    if _apposed_age(sentence, first, last, value):
        return None
    # "one of two hostages": the first number is a part of the second
    if (
        last + 1 < len(words)
        and words[last] in {"of", "dari", "de", "von", "di", "sur", "aus"}
        and any(r[0] == last + 1 for r in raw)
    ):
        value = Count(value.low, None, "bound")
    start_word = first
    end_word = last
    half = lex.half.match_at(words, last) if last < len(words) and value.is_point else 0
    if half:
        # "two and a half days": 2.5, and the words that say so are part of the number
        value = Count.exact(value.low + 0.5)
        end_word = last = last + half
    n = value.low
    count = value
    # a range "55 to 90", "55-90", "between 55 and 90"
    nxt = next((r for r in raw if r[0] >= last), None)
    if value.is_point and nxt is not None and nxt[2].is_point:
        gap_words = nxt[0] - last
        gap_text = sentence.gap(last - 1, nxt[0])
        if (gap_words == 0 and _RANGE_DASH.match(gap_text)) or (
            gap_words == 1 and lex.conj.match_at(words, last) == 1
        ):
            hi = nxt[2].low
            if hi > n:
                count = Count(n, hi, "approximate")
                end_word = nxt[1]
                consumed.add(nxt[0])
    # modifiers before the number: look back up to four words
    for back in range(1, 5):
        k = first - back
        if k < 0:
            break
        if lex.between.match_at(words, k) == back and count.high != count.low:
            start_word = k
            break
        if lex.all_but.match_at(words, k) == back:
            return NumberMention(
                count, first, end_word, *_span(sentence, k, end_word), all_but=True
            )
        if lex.approx.match_at(words, k) == back:
            start_word = k
            if count.high != count.low:
                break  # "about 40-50": the range already says how vague it is
            spread = max(1.0, round(n * 0.1))
            count = Count(max(0.0, n - spread), n + spread, "approximate")
            start_word = k
            break
        if lex.near.match_at(words, k) == back:
            count = Count(max(0.0, n - max(1.0, round(n * 0.1))), n, "approximate")
            start_word = k
            break
        if lex.lower.match_at(words, k) == back:
            count = Count(n, None, "bound")
            start_word = k
            break
        if lex.upper.match_at(words, k) == back:
            count = Count(0.0, n, "bound")
            start_word = k
            break
    is_all = any(lex.all_words.match_at(words, k) for k in range(max(0, first - 2), first))
    partitive = (
        count.is_point
        and end_word < len(words)
        and lex.partitive.match_at(words, end_word) > 0
        and not is_all
    )
    if partitive and count.is_point:
        count = Count(count.low, None, "bound")
    # "including 12 crew members", "dont les 12 membres d'équipage" (an article between),
    # "among them a French senator and three Americans" (the last of a list of parts)
    article = start_word > 0 and lex.definite.match_at(words, start_word - 1) == 1
    included = any(
        lex.including.match_at(words, k) in (start_word - k, start_word - k - article)
        and lex.including.match_at(words, k) > 0
        for k in range(max(0, start_word - 3), start_word)
    ) or _last_of_listed_parts(sentence, lex, start_word)
    return NumberMention(
        count,
        first,
        end_word,
        *_span(sentence, start_word, end_word),
        all=is_all,
        partitive=partitive,
        included=included,
    )


def _last_of_listed_parts(sentence: Sentence, lex: NumberLexicon, start_word: int) -> bool:
    """'including X and three Americans', 'entre ellos X y tres estadounidenses': the number
    closes a list opened by "including" a few words back, with no punctuation in between."""
    words = sentence.words
    if start_word < 2 or not lex.conj.match_at(words, start_word - 1):
        return False
    for k in range(max(0, start_word - 9), start_word - 2):
        n = lex.including.match_at(words, k)
        if n and not any(
            ch in sentence.gap(j, j + 1) for j in range(k, start_word - 1) for ch in ",;:()."
        ):
            return True
    return False


def _apposed_age(sentence: Sentence, first: int, last: int, value: Count) -> bool:
    """'Katrina Dawson, 38, a lawyer': a number set off by commas right after a name."""
    if first == 0 or last >= len(sentence.words) or not value.is_point or not 1 <= value.low <= 110:
        return False
    before = sentence.gap(first - 1, first)
    after = sentence.gap(last - 1, last)
    s, e = sentence.spans[first - 1]
    name_before = sentence.text[s - sentence.start : e - sentence.start][:1].isupper()
    return before.strip() == "," and after.strip().startswith(",") and name_before


def _bare_all(
    sentence: Sentence, lex: NumberLexicon, taken: set[int], mentions: list[NumberMention]
) -> list[NumberMention]:
    """'all hostages', 'all the militants': a quantity relative to the whole group."""
    out: list[NumberMention] = []
    covered = {i for m in mentions for i in range(m.first - 2, m.last)}
    words = sentence.words
    for k, n in lex.all_words.find(words):
        if k in taken or k in covered or k + n >= len(words):
            continue
        out.append(
            NumberMention(
                Count(0, None, "relative"), k + n, k + n, *_span(sentence, k, k + n), all=True
            )
        )
    return out


def _span(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    last = max(last, first + 1)
    return sentence.spans[first][0], sentence.spans[last - 1][1]
