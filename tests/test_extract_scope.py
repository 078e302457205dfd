"""Claims anchored to the event the articles are about: the dates and figures of another event
an article mentions (an earlier attack, a later trial) are background, never this event's; an
end before the start is never in the record, and no duration is ever negative.

The sentences are written for these tests (no third-party text)."""

from __future__ import annotations

import pytest
from tests.extract_support import facts

from veracity.extract import load_profile
from veracity.extract.scope import BACKGROUND, event_window, is_background, scope_claims
from veracity.model import Claim, Document
from veracity.pipeline import check_documents
from veracity.resolve.record import reconcile
from veracity.values import Count, DateValue

# the event: a hotel siege in March 2011; each telling also recalls an attack of 2007 or 2008
TELLINGS = {
    "en": "Gunmen stormed the Larkspur Hotel in Tarvik on 3 March 2011 and took 40 guests "
    "hostage. Police ended the siege on 5 March 2011. Five hostages were killed. "
    "In June 2007 the same group attacked a bus depot, killing 19 people.",
    "es": "El 3 de marzo de 2011, unos pistoleros asaltaron el hotel Larkspur de Tarvik y tomaron "
    "como rehenes a 40 huéspedes. La policía puso fin al asedio el 5 de marzo de 2011. Murieron "
    "cinco rehenes. El 14 de mayo de 2008, el mismo grupo atacó un mercado y murieron 23 personas.",
    "fr": "Le 3 mars 2011, des hommes armés ont attaqué l'hôtel Larkspur à Tarvik et ont pris 40 "
    "clients en otage. La police a mis fin au siège le 5 mars 2011. Cinq otages ont été tués. En "
    "juin 2007, le même groupe avait attaqué une gare routière, faisant 19 morts.",
    "de": "Am 3. März 2011 stürmten Bewaffnete das Hotel Larkspur in Tarvik und nahmen 40 Gäste "
    "als Geiseln. Die Polizei beendete die Belagerung am 5. März 2011. Fünf Geiseln wurden "
    "getötet. Im Juni 2007 hatte dieselbe Gruppe einen Busbahnhof angegriffen, dabei starben 19 "
    "Menschen.",
    "id": "Pada 3 Maret 2011, sekelompok pria bersenjata menyerbu Hotel Larkspur di Tarvik dan "
    "menyandera 40 tamu. Polisi mengakhiri pengepungan pada 5 Maret 2011. Lima sandera tewas. "
    "Pada Juni 2007, kelompok yang sama menyerang sebuah terminal bus dan menewaskan 19 orang.",
}
OTHER_EVENT = {19.0, 23.0}


@pytest.fixture(scope="module")
def report():
    docs = [Document(id=f"{k:02d}_{lang}", text=t, language=lang)
            for k, (lang, t) in enumerate(TELLINGS.items())]
    return check_documents(docs, profile=load_profile("attack"))


def test_scope_another_events_toll_is_background_in_every_language(report):
    tolls = [c for c in report.claims
             if c.attribute == "deaths.total" and c.value.to_json() in OTHER_EVENT]
    assert {c.document[3:] for c in tolls} == set(TELLINGS)
    for claim in tolls:
        assert is_background(claim), claim
        assert report.verdicts.get(claim.id, "uncorroborated") == "uncorroborated"
        assert claim.confidence < 0.1


def test_scope_another_events_dates_stay_out_of_the_record(report):
    record = report.events[0].record
    assert record["event.start_date"].value.to_json() == "2011-03-03"
    assert record["event.end_date"].value.to_json() == "2011-03-05"
    assert record.get("deaths.total") is None or record["deaths.total"].value.to_json() not in (
        OTHER_EVENT
    )
    for claim in report.claims:
        if isinstance(claim.value, DateValue) and claim.value.year in (2007, 2008):
            assert is_background(claim), claim
            assert report.verdicts.get(claim.id, "uncorroborated") != "contradicted"


def _claim(doc: str, attribute: str, value, **qualifiers: str) -> Claim:
    return Claim(f"{doc}#{attribute}#{value}", doc, attribute, value, "", "", 0, 0,
                 qualifiers=qualifiers)


def test_scope_window_holds_a_long_crisis_and_refuses_years_before():
    # a crisis that began in November and ended fourteen months later, told by three articles
    docs = [Document(id=d, text="1979 1979 1981", language="en") for d in "abc"]
    claims = [_claim(d, "event.start_date", DateValue(1979, 11, 4)) for d in "abc"]
    claims += [_claim("a", "event.end_date", DateValue(1981, 1, 20)),
               _claim("b", "event.start_date", DateValue(1977, 5)),
               _claim("c", "deaths.total", Count.exact(9), when="1977")]
    window = event_window(claims, docs)
    assert window is not None and window.holds(DateValue(1981, 1, 20))
    scoped = {(c.document, c.attribute, c.value.to_json()): c for c in scope_claims(claims, docs)}
    assert not is_background(scoped[("a", "event.end_date", "1981-01-20")])
    assert scoped[("b", "event.start_date", "1977-05")].qualifiers[BACKGROUND]
    assert is_background(scoped[("c", "deaths.total", 9)])


def test_scope_a_day_whose_year_was_assumed_takes_the_events_year():
    # an article written years later: "on 5 March" read with the year it mentions most
    docs = [Document(id=d, text="2011 2011", language="en") for d in "ab"]
    claims = [_claim(d, "event.start_date", DateValue(2011, 3, 3)) for d in "ab"]
    claims.append(_claim("b", "event.end_date", DateValue(2016, 3, 5), year="assumed"))
    scoped = scope_claims(claims, docs)
    end = next(c for c in scoped if c.attribute == "event.end_date")
    assert end.value == DateValue(2011, 3, 5) and not is_background(end)


def test_scope_a_figure_takes_the_date_its_sentence_gives_it():
    profile = load_profile("attack")
    from veracity.extract import extract_claims

    text = ("Mines there have a grim record, with as many as 43 deaths in 2008. "
            "Desde 2005, la fiscalía investiga; murieron 12 personas en el asalto.")
    found = extract_claims(Document(id="t", text=text, language="en"), profile).claims
    by_value = {c.value.to_json(): c for c in found if c.attribute == "deaths.total"}
    assert by_value[43].qualifiers.get("when") == "2008"
    es = extract_claims(Document(id="e", text=text.split(". ")[1], language="es"), profile).claims
    # "desde 2005" measures from another moment: it dates nothing else in the sentence
    assert all("when" not in c.qualifiers for c in es if c.attribute == "deaths.total")


def test_sanity_an_end_before_the_start_never_enters_the_record():
    claims = [_claim(d, "event.start_date", DateValue(1990, 6, 20)) for d in "abc"]
    claims += [_claim("d", "event.end_date", DateValue(1990, 6, 2))]
    out = reconcile("e1", claims, list("abcd"), {})
    assert "event.end_date" not in out.record
    assert "event.duration_days" not in out.record
    end = next(c for c in out.claims if c.attribute == "event.end_date")
    assert out.verdicts.get(end.id, "uncorroborated") != "contradicted"
    for check in out.checks:
        assert not (isinstance(check.get("computed"), (int, float)) and check["computed"] < 0)


# another attack the article recalls, with no date: its figures are not this event's
RECALLED = [
    ("en", "Gunmen took 40 hostages at the bank; another attack by the group had killed 23 "
     "people.", 23),
    ("es", "Los pistoleros tomaron 40 rehenes en el banco; otro atentado del grupo había "
     "dejado 23 muertos.", 23),
    ("fr", "Les assaillants ont pris 40 otages à la banque ; un autre attentat du groupe avait "
     "fait 23 morts.", 23),
    ("de", "Die Täter nahmen 40 Geiseln in der Bank; bei einem früheren Anschlag der Gruppe "
     "starben 23 Menschen.", 23),
    ("it", "I terroristi hanno preso 40 ostaggi nella banca; un altro attentato del gruppo "
     "aveva causato 23 morti.", 23),
    ("id", "Para pelaku menyandera 40 orang di bank; serangan lain kelompok itu menewaskan 23 "
     "orang.", 23),
]


@pytest.mark.parametrize(("language", "sentence", "toll"), RECALLED)
def test_scope_another_attack_recalled_lends_no_figure(language, sentence, toll):
    found = facts(load_profile("attack"), sentence, language)
    assert found.get("hostages.initial") == [40], found
    assert all(toll not in values for values in found.values()), found


# a date inside a name, a release only demanded, a day of the month: no date of this event
NOT_DATES = [
    ("es", "El asalto lo hizo el Movimiento 19 de abril contra el palacio el 6 de noviembre "
     "de 1985.", "1985-04-19"),
    ("it", "L'assalto fu compiuto dal Movimento 19 aprile il 6 novembre 1985.", "1985-04-19"),
    ("en", "The hijackers demanded the release of prisoners jailed since the riots of 2 May "
     "1981.", "1981-05-02"),
    ("id", "Para pembajak menuntut pembebasan tahanan dari kerusuhan 2 Mei 1981.", "1981-05-02"),
]


@pytest.mark.parametrize(("language", "sentence", "date"), NOT_DATES)
def test_scope_names_and_demands_date_nothing(language, sentence, date):
    found = facts(load_profile("attack"), sentence, language)
    assert date not in found.get("event.end_date", []) + found.get("event.start_date", []), found


@pytest.mark.parametrize(("language", "sentence"), [
    ("es", "El 19 de abril los guerrilleros tomaron el palacio."),
    ("fr", "Le 19 avril, les rebelles ont pris le palais."),
    ("pt", "No dia 19 de abril os guerrilheiros tomaram o palácio."),
    ("en", "On 19 April the rebels seized the palace."),
])
def test_scope_a_day_of_the_month_counts_no_one(language, sentence):
    found = facts(load_profile("attack"), sentence, language)
    assert 19 not in found.get("perpetrator.count", []), found


def test_sanity_a_value_that_cannot_be_is_rejected_before_resolution():
    docs = [Document(id=d, text="2011", language="en") for d in "ab"]
    claims = [_claim("a", "deaths.total", Count.exact(12)),
              _claim("b", "deaths.total", Count(-3, -3, "exact")),
              _claim("b", "hostages.initial", Count(90, 40, "approximate"))]
    scoped = {c.document + c.attribute: c for c in scope_claims(claims, docs)}
    assert not is_background(scoped["adeaths.total"])
    assert is_background(scoped["bdeaths.total"]) and is_background(scoped["bhostages.initial"])


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "A six-month-old baby was among the hostages."),
    ("es", "Un bebé de seis meses de edad estaba entre los rehenes."),
    ("pt", "Um bebê de seis meses de idade estava entre os reféns."),
    ("de", "Ein sechs Monate altes Baby war unter den Geiseln."),
    ("it", "Dalla data 2024-10 il bilancio è di 84 morti."),
])
def test_sanity_an_age_or_a_year_month_is_no_duration_and_no_toll(language, sentence):
    found = facts(load_profile("attack"), sentence, language)
    assert "event.duration_days" not in found, found
    assert all(v not in (6, 10, 2024) for vs in found.values() for v in vs), found


# an end, but of something else: a curfew, a shop's reopening, a trial; the sentence never says
# it is the attack, the siege or the captivity that ended
ENDS_OF_SOMETHING_ELSE = [
    ("en", "The governor said a curfew would hold in the province until 16 April 2015."),
    ("fr", "Le magasin a rouvert ses portes fin mars 2015, après les travaux."),
    ("es", "El toque de queda seguirá vigente hasta el 16 de abril de 2015."),
    ("de", "Die Ausgangssperre gilt bis zum 16. April 2015."),
    ("it", "Il coprifuoco resterà in vigore fino al 16 aprile 2015."),
]


@pytest.mark.parametrize(("language", "sentence"), ENDS_OF_SOMETHING_ELSE)
def test_scope_an_end_of_something_else_dates_no_end_of_the_event(language, sentence):
    found = facts(load_profile("attack"), sentence, language)
    assert "event.end_date" not in found, found


ENDS_OF_THE_SIEGE = [
    ("en", "The siege ended on 16 April 2015 when the last hostages were freed."),
    ("fr", "La prise d'otages a pris fin le 16 avril 2015."),
    ("es", "El asedio terminó el 16 de abril de 2015 con la liberación de los rehenes."),
    ("de", "Die Geiselnahme endete am 16. April 2015."),
]


@pytest.mark.parametrize(("language", "sentence"), ENDS_OF_THE_SIEGE)
def test_scope_an_end_the_sentence_gives_the_siege_is_the_events_end(language, sentence):
    found = facts(load_profile("attack"), sentence, language)
    assert found.get("event.end_date") == ["2015-04-16"], found


def _one_day_record(extra: list[Claim]):
    claims = [_claim(d, "event.start_date", DateValue(2016, 7, 14)) for d in "abc"] + extra
    return reconcile("e1", claims, list("abcd"), {})


def test_sanity_an_attack_with_no_end_length_or_captives_ended_the_day_it_began():
    out = _one_day_record([_claim("a", "deaths.total", Count.exact(12))])
    end = out.record["event.end_date"]
    assert end.value == DateValue(2016, 7, 14)
    assert end.derived_from and not end.supported_by
    assert out.record["event.duration_days"].value == Count.exact(0)


def test_sanity_an_attack_over_within_hours_ended_the_day_it_began():
    out = _one_day_record([_claim("a", "event.duration_hours", Count.exact(9)),
                           _claim("b", "hostages.initial", Count.exact(170))])
    assert out.record["event.end_date"].value == DateValue(2016, 7, 14)


@pytest.mark.parametrize("extra", [
    [_claim("d", "hostages.initial", Count.exact(40))],  # captives may be held for days
    [_claim("d", "event.duration_hours", Count.exact(30))],  # more than a day
    [_claim("d", "event.duration_days", Count.exact(3))],  # a length in days, no end
    [_claim("d", "event.end_date", DateValue(2016, 7, 2))],  # an end put before the start
])
def test_sanity_no_end_is_inferred_where_a_report_suggests_a_longer_event(extra):
    out = _one_day_record(extra)
    end = out.record.get("event.end_date")
    assert end is None or end.value != DateValue(2016, 7, 14)


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The police chief said a curfew would hold in the province until 16 April 2015."),
    ("en", "On 17 April 2015 the group released the names of the three gunmen who attacked."),
    ("es", "El 17 de abril de 2015 el grupo liberó los nombres de los atacantes."),
    ("fr", "Le 17 avril 2015, le groupe a libéré une vidéo de l'attaque."),
])
def test_scope_a_release_or_a_curfew_ends_nothing_without_captives(language, sentence):
    found = facts(load_profile("attack"), sentence, language)
    assert "event.end_date" not in found, found


@pytest.mark.parametrize(("language", "carried_out", "killed", "attribute"), [
    ("en", "In May 2003 the rebels executed a raid on the depot with 12 fighters.",
     "Two hostages were executed by the rebels.", "deaths.hostages"),
    ("fr", "En mai 2003, les rebelles ont exécuté un raid contre le dépôt avec 12 combattants.",
     "Deux otages ont été exécutés par les rebelles.", "deaths.hostages"),
])
def test_an_operation_carried_out_is_no_killing(language, carried_out, killed, attribute):
    profile = load_profile("attack")
    assert not any(a.startswith("deaths") for a in facts(profile, carried_out, language))
    assert facts(profile, killed, language).get(attribute) == [2]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "On 9 May 2014, the gunman, armed with two rifles, entered and attacked the bank."),
    ("fr", "Le 9 mai 2014, le tireur, armé de deux fusils, est entré et a attaqué la banque."),
    ("es", "El 9 de mayo de 2014, el tirador, armado con dos fusiles, entró y atacó el banco."),
    ("it", "Il 9 maggio 2014 il tiratore, armato di due fucili, è entrato e ha assaltato la banca."),
])
def test_scope_a_verb_after_and_still_dates_the_attack(language, sentence):
    found = facts(load_profile("attack"), sentence, language)
    assert found.get("event.start_date") == ["2014-05-09"], found


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "On 27 May, after two days of talks, the government sent negotiators to the airport."),
    ("fr", "Le 27 mai, après deux jours de discussions, le gouvernement a envoyé des négociateurs."),
    ("es", "El 27 de mayo, tras dos días de negociaciones, el gobierno envió a sus negociadores."),
    ("de", "Am 27. Mai, nach zwei Tagen Verhandlungen, schickte die Regierung Unterhändler."),
    ("it", "Il 27 maggio, dopo due giorni di trattative, il governo inviò i negoziatori."),
])
def test_the_length_of_the_talks_is_not_the_events(language, sentence):
    found = facts(load_profile("attack"), sentence, language)
    assert "event.duration_days" not in found, found


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The hostages were freed after two days of siege."),
    ("fr", "Les otages ont été libérés après deux jours de siège."),
    ("es", "Los rehenes fueron liberados tras dos días de asedio."),
])
def test_the_length_of_the_siege_is_the_events(language, sentence):
    found = facts(load_profile("attack"), sentence, language)
    assert found.get("event.duration_days") == [2], found


def test_sanity_more_than_some_hours_is_no_proof_of_one_day():
    out = _one_day_record([_claim("a", "event.duration_hours", Count(16, None, "bound")),
                           _claim("b", "hostages.initial", Count.exact(170))])
    assert "event.end_date" not in out.record
