"""Language-neutral fingerprints: the same facts give the same tokens in every language."""

from __future__ import annotations

from veracity.lineage.align import align
from veracity.lineage.fingerprints import fingerprint, name_key


def _tokens(text: str, language: str) -> tuple[str, ...]:
    return fingerprint(text, language).tokens


def test_fingerprints_dates_are_year_month_day_in_every_language() -> None:
    expected = ("n2019", "m11", "n3")
    assert _tokens("It began on November 3, 2019 at dawn.", "en") == expected
    assert _tokens("Dimulai pada 3 November 2019 pagi.", "id") == expected
    assert _tokens("Empezó el 3 de noviembre de 2019.", "es") == expected
    assert _tokens("Es begann am 3. November 2019.", "de") == expected
    assert _tokens("Report of 03/11/2019 only.", "en") == expected


def test_fingerprints_times_and_separators_are_normalised() -> None:
    assert _tokens("at 4:10 pm with 1,500 men", "en") == ("t16:10", "n1500")
    assert _tokens("pukul 16.10 dengan 1.500 orang", "id") == ("t16:10", "n1500")
    assert _tokens("a las 16.10 con 1.500 hombres y 2,5 toneladas", "es") == (
        "t16:10",
        "n1500",
        "n2.5",
    )


def test_fingerprints_an_hour_with_am_or_pm_is_a_time() -> None:
    assert _tokens("took off at 8pm, landed at 10 am", "en") == ("t20:00", "t10:00")
    assert _tokens("decollò alle 20:00", "it") == ("t20:00",)
    assert _tokens("from 12am to 12 pm", "en") == ("t0:00", "t12:00")
    assert _tokens("8 men and 10 women", "en") == ("n8", "n10")


def test_fingerprints_number_words_count_in_their_language_only() -> None:
    assert _tokens("empat belas orang", "id") == ("n14",)
    assert _tokens("fourteen people", "en") == ("n14",)
    # "once" is eleven in Spanish, an ordinary word in English
    assert _tokens("once upon a time", "en") == ()
    assert _tokens("once personas", "es") == ("n11",)


def test_fingerprints_names_skip_sentence_initial_common_words() -> None:
    tokens = _tokens("The mayor met Ilse Drummond. Later the mayor left.", "en")
    assert tokens == (f"p{name_key('ilse')}", f"p{name_key('drummond')}")


def test_fingerprints_transliterated_names_share_a_key() -> None:
    assert name_key("teheran") == name_key("tehran")
    assert name_key("dubrowka") == name_key("dubrovka")


def test_fingerprints_citation_marks_and_urls_are_ignored() -> None:
    assert _tokens("He left in 1999.[12] See https://example.org/2004/05", "en") == ("n1999",)


def test_fingerprints_map_coordinates_are_not_a_run_of_numbers() -> None:
    for written in (
        "Site 47° 12′ 30.5″ N 8° 31′ 10″ E / 47.20847, 8.51944 in 1999.",
        "Site 47°12′30″N 8°31′10″E / 47.2085°N 8.5194°E / 47.20847; 8.51944 in 1999.",
        "Site 47° 12′ 30″ nord, 8° 31′ 10″ est in 1999.",
    ):
        assert _tokens(written, "en") == ("n1999",), written
    assert _tokens("It was 25 °C, 5.3 km away, at 2,5 m.", "en") == ("n25", "n5.3", "n2.5")


def test_fingerprints_alignment_prefers_same_order_over_same_facts() -> None:
    facts = "Anna Berg came on 2 May 2001 with 45 men, 12 trucks and 300 rifles to Tarvos."
    same_order = "Datang 2 Mei 2001: Anna Berg, 45 orang, 12 truk, 300 senapan, ke Tarvos."
    shuffled = "To Tarvos, 300 rifles; 12 trucks came; 45 men; Anna Berg arrived; 2 May 2001."
    a = fingerprint(facts, "en")
    faithful = align(a, fingerprint(same_order, "id"))
    scrambled = align(a, fingerprint(shuffled, "en"))
    assert faithful.longest > scrambled.longest
    assert faithful.coverage > scrambled.coverage


def test_fingerprints_alignment_a_run_must_cover_about_as_much_text_in_both() -> None:
    # one English sentence with the facts that an Indonesian text spreads over three paragraphs
    # of prose: the same facts in the same order, but not a translation of that sentence
    summary = (
        "On 3 May 2004, 14 miners aged 19 to 52 were trapped and 9 injured at the Tarvos pit of "
        "Anna Berg."
    )
    spread = (
        "Pada 3 Mei 2004, 14 penambang terjebak di bawah tanah. Usia mereka antara 19 dan 52 "
        "tahun, dan keluarga menunggu kabar sepanjang malam di depan gerbang yang dijaga ketat "
        "oleh polisi setempat.\n\nHujan turun tanpa henti selama beberapa hari sehingga jalan "
        "menuju lokasi berubah menjadi lumpur dan truk bantuan hanya bisa bergerak sangat pelan. "
        "Sembilan orang luka-luka.\n\nWarga desa membawa makanan dan selimut untuk para relawan "
        "yang bekerja bergantian siang dan malam, sementara para insinyur memeriksa dinding "
        "terowongan yang retak di banyak tempat. Tambang Tarvos milik Anna Berg."
    )
    translated = (
        "Pada 3 Mei 2004, 14 penambang berusia 19 sampai 52 tahun terjebak dan 9 luka-luka di "
        "tambang Tarvos milik Anna Berg."
    )
    a = fingerprint(summary, "en")
    assert fingerprint(spread, "id").tokens == a.tokens
    assert align(a, fingerprint(spread, "id")).longest == 0
    assert align(a, fingerprint(translated, "id")).longest == a.n_facts


def test_fingerprints_a_year_written_with_a_thousands_separator_does_not_fail() -> None:
    # "1.240" after a month reads as a year in the date's place: its value, not its text
    assert fingerprint("Liberados el 3 de marzo 1.240 rehenes.", "es").tokens[:3] == (
        "n1240",
        "m3",
        "n3",
    )
