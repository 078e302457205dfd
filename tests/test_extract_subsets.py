"""A number that counts a part of a group is never the group's total: "four of the younger
kidnappers", "two gunmen who tried to flee", "three groups, each with four gunmen". A fate said
of the part is at least that many ("4+"), never exactly the total.

The sentences are written for these tests (no third-party text)."""

from __future__ import annotations

import pytest
from tests.extract_support import facts

from veracity.extract import load_profile

PROFILE = load_profile("attack")

# (language, sentence, the part's size): the part is no count of attackers
PARTS = [
    # a comparative or superlative singles the part out
    ("en", "Four younger kidnappers tried to give themselves up.", 4),
    ("id", "Empat penculik yang lebih muda mencoba menyerahkan senjata.", 4),
    ("es", "Cuatro secuestradores más jóvenes intentaron rendirse.", 4),
    ("fr", "Les quatre ravisseurs les plus jeunes ont voulu se rendre.", 4),
    ("de", "Vier jüngere Entführer wollten aufgeben.", 4),
    ("it", "Quattro rapitori più giovani hanno cercato di arrendersi.", 4),
    ("pt", "Quatro sequestradores mais novos tentaram se render.", 4),
    ("ru", "Четверо самых молодых похитителей пытались сдаться.", 4),
    ("tl", "Apat na mas batang kidnaper ang gustong sumuko.", 4),
    # "N of the ..."
    ("en", "Three of the rebels were questioned for hours.", 3),
    ("es", "Tres de los guerrilleros se quedaron en la cocina.", 3),
    ("id", "Dua dari para penculik berjaga di pintu.", 2),
    ("ru", "Трое из боевиков охраняли вход.", 3),
    # a relative clause with no comma: the ones who did something the band did not all do
    ("en", "Two gunmen who tried to flee through the kitchen were caught.", 2),
    ("id", "Dua penculik yang mencoba kabur lewat dapur ditangkap.", 2),
    ("es", "Dos pistoleros que intentaron huir por la cocina fueron detenidos.", 2),
    ("fr", "Deux assaillants qui voulaient fuir par la cuisine ont été arrêtés.", 2),
    ("it", "Due terroristi che tentavano la fuga dalla cucina sono stati arrestati.", 2),
    ("pt", "Dois atacantes que tentaram fugir pela cozinha foram detidos.", 2),
    # a distributive: a number per part
    ("en", "They came in three groups, each with four gunmen.", 4),
    ("es", "Llegaron en tres grupos, cada uno con cuatro guerrilleros.", 4),
    ("fr", "Ils sont arrivés en trois groupes de chacun quatre assaillants.", 4),
    ("de", "Sie kamen in drei Gruppen mit jeweils vier Bewaffneten.", 4),
    ("id", "Mereka datang dalam tiga kelompok, masing masing empat pria bersenjata.", 4),
]


@pytest.mark.parametrize(("language", "sentence", "part"), PARTS)
def test_subset_a_part_is_never_the_count_of_attackers(language, sentence, part):
    found = facts(PROFILE, sentence, language)
    assert part not in found.get("perpetrator.count", []), found


# the fate of a part: at least that many, which agrees with any larger total
FATES = [
    ("en", "Four of the younger kidnappers were later killed by soldiers.", "deaths.perpetrators"),
    ("es", "Tres de los secuestradores fueron detenidos.", "perpetrator.arrested"),
    ("fr", "Trois des ravisseurs ont été tués.", "deaths.perpetrators"),
    ("ru", "Трое из похитителей были убиты.", "deaths.perpetrators"),
    ("en", "Two rebels who tried to flee were shot dead.", "deaths.perpetrators"),
    ("pt", "Dois atacantes que tentaram fugir foram detidos.", "perpetrator.arrested"),
]


@pytest.mark.parametrize(("language", "sentence", "attribute"), FATES)
def test_subset_the_fate_of_a_part_is_a_lower_bound(language, sentence, attribute):
    values = facts(PROFILE, sentence, language).get(attribute)
    assert values and all(isinstance(v, dict) and v["high"] is None for v in values), values


# the whole band, with a relative clause that says what the band did, keeps its count
WHOLES = [
    ("en", "Fourteen militants who seized the embassy took 72 hostages.", 14),
    ("es", "Catorce guerrilleros que asaltaron la embajada tomaron 72 rehenes.", 14),
    ("de", "Zwölf Bewaffnete, die das Hotel stürmten, nahmen 40 Geiseln.", 12),
    ("id", "Lima belas teroris yang membajak pesawat itu menyandera 48 penumpang.", 15),
    ("en", "Each of the 12 gunmen carried a rifle when they stormed the bank.", 12),
    ("fr", "Les 14 militants, qui appartenaient à une aile radicale, ont attaqué la banque.", 14),
]


@pytest.mark.parametrize(("language", "sentence", "band"), WHOLES)
def test_subset_the_whole_band_keeps_its_count(language, sentence, band):
    assert band in facts(PROFILE, sentence, language).get("perpetrator.count", [])


def test_subset_the_seeds_charge_no_one_with_the_younger_kidnappers(seeds_report):
    # the Indonesian telling says four of the younger kidnappers tried to surrender; no source
    # is charged with four attackers in all
    wrong = [c for c in seeds_report.claims
             if c.attribute == "perpetrator.count" and c.value.to_json() == 4]
    assert wrong == []
    contradicted = [c for c in seeds_report.claims
                    if seeds_report.verdicts.get(c.id) == "contradicted"
                    and c.document.startswith(("000", "001"))]
    assert all(c.attribute != "perpetrator.count" for c in contradicted), contradicted
