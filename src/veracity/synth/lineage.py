"""Generated lineage test corpora: copies, edits, partial pastes and template translations.

Everything is made at run time from articles the caller passes in (the benchmark reads them from
../shared) or, for scale tests, from random words; nothing here contains article text.

How "translations" are made, honestly: there is no translation model. `template_translate`
rewrites a text into another language's conventions with a small word table (function words and
frequent news words), turns every other word into a deterministic pseudo-word (so the copy shares
no wording with its source), writes dates in the target language's order and month names, swaps
thousand separators, spells some small numbers as words, translates a few country names and moves
a leading time phrase to the end of some sentences. The result keeps the names and figures of the
source in nearly the same order, which is what a real translation keeps too, but its grammar is
not the target language's. Real translations are tested separately (the seeds pair).
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from veracity.lineage.fingerprints import lexicon
from veracity.lineage.text import fold
from veracity.model import Document, Relation

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“(A-ZÀ-Ý0-9])")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w]|[.,]\d)")

# Target-language words for frequent English words; the rest become pseudo-words.
_WORDS = {
    "id": {
        "the": "",
        "a": "sebuah",
        "an": "sebuah",
        "of": "dari",
        "in": "di",
        "on": "pada",
        "and": "dan",
        "to": "ke",
        "was": "adalah",
        "were": "adalah",
        "is": "adalah",
        "by": "oleh",
        "with": "dengan",
        "for": "untuk",
        "at": "di",
        "from": "dari",
        "people": "orang",
        "hostages": "sandera",
        "hostage": "sandera",
        "killed": "tewas",
        "police": "polisi",
        "government": "pemerintah",
        "president": "presiden",
        "embassy": "kedutaan",
        "days": "hari",
        "day": "hari",
        "after": "setelah",
        "before": "sebelum",
        "they": "mereka",
        "he": "dia",
        "she": "dia",
        "who": "yang",
        "which": "yang",
        "that": "bahwa",
        "were taken": "diambil",
        "soldiers": "tentara",
        "army": "tentara",
        "military": "militer",
        "rescue": "penyelamatan",
        "attack": "serangan",
    },
    "es": {
        "de": "de",
        "the": "el",
        "a": "un",
        "an": "un",
        "of": "de",
        "in": "en",
        "on": "el",
        "and": "y",
        "to": "a",
        "was": "fue",
        "were": "fueron",
        "is": "es",
        "by": "por",
        "with": "con",
        "for": "para",
        "at": "en",
        "from": "desde",
        "people": "personas",
        "hostages": "rehenes",
        "hostage": "rehén",
        "killed": "muertos",
        "police": "policía",
        "government": "gobierno",
        "president": "presidente",
        "embassy": "embajada",
        "days": "días",
        "day": "día",
        "after": "después",
        "before": "antes",
        "they": "ellos",
        "he": "él",
        "she": "ella",
        "who": "quien",
        "which": "que",
        "that": "que",
        "soldiers": "soldados",
        "military": "militares",
        "rescue": "rescate",
        "attack": "ataque",
    },
    "en": {
        "el": "the",
        "la": "the",
        "los": "the",
        "las": "the",
        "de": "of",
        "del": "of the",
        "en": "in",
        "y": "and",
        "que": "that",
        "un": "a",
        "una": "a",
        "por": "by",
        "con": "with",
        "para": "for",
        "fue": "was",
        "fueron": "were",
        "es": "is",
        "rehenes": "hostages",
        "personas": "people",
        "gobierno": "government",
        "presidente": "president",
        "días": "days",
        "después": "after",
        "mineros": "miners",
        "der": "the",
        "die": "the",
        "das": "the",
        "und": "and",
        "mit": "with",
        "von": "of",
        "yang": "who",
        "dan": "and",
        "di": "in",
        "dari": "from",
        "sandera": "hostages",
    },
}
_MONTHS = {
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
    "en": "January February March April May June July August September October November December",
}
_COUNTRIES = {
    "id": {
        "Japan": "Jepang",
        "Japanese": "Jepang",
        "Germany": "Jerman",
        "Egypt": "Mesir",
        "Netherlands": "Belanda",
        "Russia": "Rusia",
        "Russian": "Rusia",
    },
    "es": {
        "Japan": "Japón",
        "Japanese": "japonesa",
        "Germany": "Alemania",
        "Egypt": "Egipto",
        "Russia": "Rusia",
        "Russian": "rusas",
        "Spain": "España",
    },
    "en": {
        "Alemania": "Germany",
        "Egipto": "Egypt",
        "Rusia": "Russia",
        "Japón": "Japan",
        "Estados": "States",
        "Unidos": "United",
    },
}
# Grouping and decimal marks of the target language.
_THOUSANDS = {"id": ".", "es": ".", "en": ","}
_TIME_PHRASE = re.compile(r"^(On|In|At|El|En|Pada|Am)\s+([^,]{3,40}),\s+(.+?)([.!?])$")
_LETTERS = "bcdfgklmnprstv"
_VOWELS = "aeiou"


def sentences(text: str) -> list[str]:
    """Sentences of a text, paragraph breaks kept as their own items ("\\n\\n")."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = para.strip()
        if para:
            out.extend(s for s in _SENTENCE.split(para) if s.strip())
            out.append("\n")
    return out[:-1] if out else out


def join(parts: Sequence[str]) -> str:
    text = ""
    for part in parts:
        if part == "\n":
            text = text.rstrip() + "\n"
        else:
            text += part + " "
    return text.strip()


def edit_numbers(text: str, rng: random.Random, share: float = 0.5) -> str:
    """Change about `share` of the numbers (not the years) by 5-30 %: a copy that got figures
    wrong or updated them, as wire copies often do."""

    def repl(m: re.Match[str]) -> str:
        raw = m.group()
        value = int(raw.replace(",", ""))
        if 1900 <= value <= 2100 or rng.random() > share or value < 3:
            return raw
        delta = max(1, round(value * rng.uniform(0.05, 0.3)))
        new = value + delta if rng.random() < 0.5 else max(1, value - delta)
        return f"{new:,}" if "," in raw else str(new)

    return _NUMBER.sub(repl, text)


def drop_and_reorder(text: str, rng: random.Random, drop: float = 0.2, swaps: int = 2) -> str:
    """Drop about `drop` of the sentences and swap a few neighbouring ones."""
    parts = sentences(text)
    kept = [p for p in parts if p == "\n" or rng.random() >= drop]
    idx = [i for i, p in enumerate(kept) if p != "\n"]
    for _ in range(swaps):
        if len(idx) < 3:
            break
        k = rng.randrange(len(idx) - 1)
        i, j = idx[k], idx[k + 1]
        kept[i], kept[j] = kept[j], kept[i]
    return join(kept)


def partial_copy(source: str, host: str, rng: random.Random, share: float = 0.4) -> str:
    """Paste a run of about `share` of the source's sentences into the middle of a host text."""
    src = [p for p in sentences(source) if p != "\n"]
    n = max(3, round(len(src) * share))
    start = rng.randrange(max(1, len(src) - n + 1))
    block = src[start : start + n]
    host_parts = sentences(host)
    cut = rng.randrange(1, max(2, len(host_parts)))
    return join([*host_parts[:cut], "\n", *block, "\n", *host_parts[cut:]])


def _pseudo(word: str, target: str) -> str:
    """A deterministic made-up word standing for the translation of `word`."""
    seed = sum((i + 1) * ord(c) for i, c in enumerate(fold(word) + target))
    rng = random.Random(seed)
    syllables = max(1, min(4, len(word) // 3))
    made = "".join(rng.choice(_LETTERS) + rng.choice(_VOWELS) for _ in range(syllables))
    return made


_DATE_DMY = re.compile(r"\b(\d{1,2})(?:\.)?\s+(?:de\s+)?([A-Za-zÀ-ÿ]+)\.?,?\s+(?:de\s+)?(\d{4})\b")
_DATE_DM = re.compile(r"\b(\d{1,2})\s+(?:de\s+)?([a-zà-ÿ]+)\b(?!\s+(?:de\s+)?\d)")
_DATE_MDY = re.compile(r"\b([A-Za-zÀ-ÿ]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def _rewrite_dates(text: str, target: str) -> str:
    months = lexicon().months
    names = _MONTHS[target].split()

    def out(day: str, month: int, year: str) -> str:
        if target == "en":
            return f"{names[month - 1]} {int(day)}, {year}"
        if target == "es":
            return f"{int(day)} de {names[month - 1]} de {year}"
        return f"{int(day)} {names[month - 1]} {year}"

    def dmy(m: re.Match[str]) -> str:
        month = months.get(fold(m.group(2)))
        return out(m.group(1), month, m.group(3)) if month else m.group()

    def mdy(m: re.Match[str]) -> str:
        month = months.get(fold(m.group(1)))
        return out(m.group(2), month, m.group(3)) if month else m.group()

    def dm(m: re.Match[str]) -> str:
        month = months.get(fold(m.group(2)))
        if not month or len(m.group(2)) < 4:
            return m.group()
        return (
            f"{names[month - 1]} {int(m.group(1))}"
            if target == "en"
            else (
                f"{int(m.group(1))} de {names[month - 1]}"
                if target == "es"
                else f"{int(m.group(1))} {names[month - 1]}"
            )
        )

    text = _DATE_DMY.sub(dmy, _DATE_MDY.sub(mdy, text))
    return _DATE_DM.sub(dm, text)


def _rewrite_number(raw: str, target: str, rng: random.Random) -> str:
    value = int(re.sub(r"[.,]", "", raw))
    words = {v: w for w, v in lexicon().numbers.get(target, {}).items()}
    if value in words and rng.random() < 0.3:
        return words[value]
    if value >= 1000 and not 1900 <= value <= 2100:
        return f"{value:,}".replace(",", _THOUSANDS[target])
    return raw


def _move_time_phrase(sentence: str) -> str:
    """ "On 17 June, X happened." -> "X happened on 17 June." """
    m = _TIME_PHRASE.match(sentence)
    if not m:
        return sentence
    rest = m.group(3)
    return f"{rest[:1].upper()}{rest[1:]} {m.group(1).lower()} {m.group(2)}{m.group(4)}"


def _translate_sentence(sentence: str, source_words: dict[str, str], target: str) -> str:
    countries = _COUNTRIES[target]

    def word(m: re.Match[str]) -> str:
        w = m.group()
        if w in countries:
            return countries[w]
        if w[0].isupper() and (w.isupper() or m.start() > 0):
            return w  # names stay
        key = w.lower()
        if key in source_words:
            return source_words[key]
        if fold(key) in lexicon().months or fold(key) in lexicon().numbers.get(target, {}):
            return w  # month names and number words were already written in the target language
        made = _pseudo(key, target)
        return made.capitalize() if w[0].isupper() else made

    return re.sub(r"[^\W\d_]+", word, sentence)


def template_translate(text: str, target: str, rng: random.Random) -> str:
    """A word-template "translation" of `text` into `target` (see the module note)."""
    table = _WORDS[target]
    # leading time phrases move first, so that the dates inside them are rewritten whole
    text = join([p if p == "\n" else _move_time_phrase(p) for p in sentences(text)])
    text = _rewrite_dates(text, target)
    numbers_done = re.sub(
        r"(?<![\w.,])\d{1,3}(?:[.,]\d{3})+(?![\w]|[.,]\d)|(?<![\w.,:])\d+(?![\w.,:]\d|\w)",
        lambda m: _rewrite_number(m.group(), target, rng),
        text,
    )
    parts = [
        p if p == "\n" else _translate_sentence(p, table, target) for p in sentences(numbers_done)
    ]
    text = re.sub(r"  +", " ", join(parts))
    # a dropped article can leave a sentence starting in lower case
    return re.sub(r"(^|[.!?]\s+|\n)([a-zà-ÿ])", lambda m: m.group(1) + m.group(2).upper(), text)


@dataclass(frozen=True, slots=True)
class GeneratedLink:
    document: str
    of: str
    relation: Relation


@dataclass
class GeneratedCorpus:
    documents: list[Document]
    links: list[GeneratedLink]


_TARGETS = {"en": ("id", "es"), "es": ("en",), "de": ("en",), "id": ("en",), "pt": ("en",)}


def derive_corpus(
    originals: Sequence[Document],
    seed: int = 1,
    kinds: Sequence[str] = ("edit", "reorder", "partial", "translate"),
) -> GeneratedCorpus:
    """The originals plus, for each, one document of every kind derived from it."""
    rng = random.Random(seed)
    docs = list(originals)
    links: list[GeneratedLink] = []
    by_lang: dict[str, list[Document]] = {}
    for doc in originals:
        by_lang.setdefault(doc.language, []).append(doc)

    def add(base: Document, kind: str, text: str, language: str, relation: Relation) -> str:
        new_id = f"gen/{kind}/{base.id}"
        docs.append(Document(new_id, text, language, title=base.title))
        links.append(GeneratedLink(new_id, base.id, relation))
        return new_id

    for base in originals:
        if "edit" in kinds:
            add(base, "edit", edit_numbers(base.text, rng), base.language, "near-duplicate")
        if "reorder" in kinds:
            text = edit_numbers(drop_and_reorder(base.text, rng), rng, share=0.2)
            add(base, "reorder", text, base.language, "near-duplicate")
        if "partial" in kinds:
            hosts = [d for d in by_lang.get(base.language, []) if d.id != base.id]
            if hosts:
                host = rng.choice(hosts)
                host_half = join(sentences(host.text)[: max(4, len(sentences(host.text)) // 2)])
                new_id = add(
                    base,
                    "partial",
                    partial_copy(base.text, host_half, rng),
                    base.language,
                    "derived",
                )
                links.append(GeneratedLink(new_id, host.id, "derived"))
        if "translate" in kinds and base.language in _TARGETS:
            target = rng.choice(_TARGETS[base.language])
            text = template_translate(base.text, target, rng)
            add(base, "translate", text, target, "translation")
    return GeneratedCorpus(docs, links)


def _pseudo_words(text: str, language: str) -> str:
    """Every lower-case word replaced by its pseudo-word; names and figures kept."""

    def repl(m: re.Match[str]) -> str:
        word = m.group()
        return word if word[0].isupper() else _pseudo(word, language)

    return re.sub(r"[^\W\d_]+", repl, text)


def random_corpus(n: int, seed: int = 1, vocabulary: Sequence[str] = ()) -> GeneratedCorpus:
    """`n` short documents of random words in families: scale tests, not realism.

    About a third of the base documents get one to three derived documents (edited copy,
    reordered copy, partial paste into another base, template translation).
    """
    rng = random.Random(seed)
    vocab = list(vocabulary) or [
        "".join(rng.choice(_LETTERS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 4)))
        for _ in range(20_000)
    ]
    # cumulative weights once: random.choices would otherwise re-add 20,000 weights per call
    cum_weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(vocab))))
    names = [w.capitalize() for w in rng.sample(vocab, min(2000, len(vocab)))]
    languages = ("en", "es", "id")
    docs: list[Document] = []
    links: list[GeneratedLink] = []

    def base_text() -> str:
        out = []
        for _ in range(rng.randint(6, 12)):
            words = rng.choices(vocab, cum_weights=cum_weights, k=rng.randint(10, 20))
            for _ in range(rng.randint(1, 3)):
                pos = rng.randrange(1, len(words))
                words[pos] = (
                    rng.choice(names)
                    if rng.random() < 0.6
                    else str(rng.choice([rng.randint(2, 999), rng.randint(1900, 2030)]))
                )
            out.append(" ".join(words).capitalize() + ".")
        return " ".join(out)

    while len(docs) < n:
        doc = Document(f"r{len(docs)}", base_text(), rng.choice(languages))
        docs.append(doc)
        if rng.random() < 0.33:
            for _ in range(rng.randint(1, 3)):
                if len(docs) >= n:
                    break
                kind = rng.choice(("edit", "reorder", "partial", "translate"))
                new_id = f"r{len(docs)}"
                relation: Relation = "near-duplicate"
                language = doc.language
                if kind == "edit":
                    text = edit_numbers(doc.text, rng)
                elif kind == "reorder":
                    text = drop_and_reorder(doc.text, rng)
                elif kind == "partial":
                    text = partial_copy(doc.text, base_text(), rng)
                    relation = "derived"
                else:
                    language = rng.choice([x for x in languages if x != doc.language])
                    text = _pseudo_words(doc.text, language)
                    relation = "translation"
                docs.append(Document(new_id, text, language))
                links.append(GeneratedLink(new_id, doc.id, relation))
    return GeneratedCorpus(docs, links)
