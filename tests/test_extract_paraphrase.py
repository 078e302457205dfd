"""Ways real articles state numbers and dates that a naive reader gets wrong.

Every sentence here is written for these tests (no third-party text)."""

from __future__ import annotations

import pytest

from extract_support import facts
from veracity.extract import load_profile


@pytest.fixture(scope="module")
def profile():
    return load_profile("attack")


def test_extract_numeric_date_is_a_date_and_never_a_count(profile):
    got = facts(profile, "Tudo começou no dia 5/8/2010, quando 33 mineiros ficaram presos na mina.", "pt")
    assert got["hostages.initial"] == [33]
    assert got["event.start_date"] == ["2010-08-05"]


def test_extract_ambiguous_english_numeric_date_is_skipped_not_counted(profile):
    got = facts(profile, "On 5/8/2010, 33 miners were trapped underground.")
    assert got["hostages.initial"] == [33]
    assert "event.start_date" not in got


def test_extract_unambiguous_us_date_is_read_month_first(profile):
    got = facts(profile, "The siege began on 12/15/2014 when a gunman took 18 people hostage.")
    assert got["event.start_date"] == ["2014-12-15"]


def test_extract_reference_marks_are_not_numbers(profile):
    got = facts(profile, "Casualties: 4 hostages killed[7][8]")
    assert got == {"deaths.hostages": [4]}


def test_extract_part_introduced_by_including_is_a_lower_bound(profile):
    got = facts(profile, "The rebels held their hostages, including 9 passengers, in a hangar.")
    assert got["hostages.initial"] == [{"low": 9, "high": None}]


def test_extract_including_a_named_category_keeps_its_exact_count(profile):
    got = facts(profile, "Five people died, including three hostages.")
    assert got["deaths.total"] == [5]
    assert got["deaths.hostages"] == [3]


def test_extract_total_followed_by_its_breakdown_counts_once(profile):
    got = facts(profile, "Sieben Personen, vier Arbeiter und drei Kunden, entkamen.", "de")
    assert got["other.escaped"] == [7]


def test_extract_escape_is_neither_release_nor_taking(profile):
    got = facts(profile, "During the siege four diplomats managed to escape through a window.")
    assert got["other.escaped"] == [4]
    assert "hostages.released" not in got and "hostages.initial" not in got


def test_extract_number_does_not_reach_past_the_next_number_for_its_noun(profile):
    got = facts(profile, "The squad was made of three Corsicans and five members of the cell.")
    assert got.get("perpetrator.count") == [5]


def test_extract_verb_after_a_number_is_not_a_noun(profile):
    got = facts(profile, "Otras once fueron liberadas por la tarde.", "es")
    assert not any(a.startswith("other.fueron") for a in got)


def test_extract_until_dates_the_end_even_after_an_earlier_assault(profile):
    text = "Aquel asalto abrió una crisis de los rehenes que duró hasta el 9 de marzo de 1988."
    got = facts(profile, text, "es")
    assert got.get("event.end_date") == ["1988-03-09"]
    assert "operation.date" not in got


def test_extract_approximate_range_keeps_its_bounds(profile):
    got = facts(profile, "The school was seized by about 20-30 armed rebels.")
    assert got["perpetrator.count"] == [{"low": 20, "high": 30}]


def test_extract_and_a_half_adds_half_a_unit(profile):
    got = facts(profile, "After a three-and-a-half day siege, soldiers stormed the depot.")
    assert got["event.duration_days"] == [3.5]


def test_extract_amounts_of_money_are_not_counts_or_durations(profile):
    got = facts(profile, "Ein Kellner, der im Monat 20.000 Rubel verdient, wurde Geisel.", "de")
    assert not any(a.startswith(("event.", "hostages.", "other.")) for a in got)


def test_extract_threat_to_kill_is_no_death_toll(profile):
    got = facts(profile, "Police faced 30 rebels who threatened to kill everyone inside.")
    assert "deaths.perpetrators" not in got and "deaths.total" not in got


def test_extract_headline_capitals_are_not_named_people(profile):
    got = facts(profile, "Harbour Hostage Drama: 12 Hostages Freed")
    assert got == {"hostages.rescued": [12]} or got == {"hostages.released": [12]}


def test_extract_fate_word_belongs_to_the_number_it_leads_into(profile):
    got = facts(profile, "La toma retuvo a 300 rehenes y terminó con la vida de 9 personas.", "es")
    assert got["hostages.initial"] == [300]
    assert got["deaths.total"] == [9]


def test_extract_fate_word_shared_along_with_the_next_number(profile):
    got = facts(profile, "The hostage Ana Ruiz was killed along with three policemen.")
    assert got["deaths.security"] == [3]
    assert got["deaths.hostages"] == [{"low": 1, "high": None}]


@pytest.mark.parametrize(
    ("language", "text", "attribute"),
    [
        ("it", "Nel blitz sono morti tre sequestratori.", "deaths.perpetrators"),
        ("es", "En el asalto murieron tres secuestradores.", "deaths.perpetrators"),
        ("pt", "No resgate morreram três sequestradores.", "deaths.perpetrators"),
        ("it", "Nel blitz sono morti tre sequestrati.", "deaths.hostages"),
    ],
)
def test_extract_kidnappers_are_not_the_kidnapped(profile, language, text, attribute):
    assert facts(profile, text, language) == {attribute: [3]}


def test_extract_after_so_many_hours_is_a_duration(profile):
    got = facts(profile, "Dopo 9 ore di assedio la polizia ha fatto irruzione.", "it")
    assert got["event.duration_hours"] == [9]


def test_extract_scaled_sums_of_money_are_no_counts(profile):
    got = facts(profile, "I rapitori chiedevano un riscatto di 4 milioni di euro.", "it")
    assert not any(a.startswith(("hostages.", "deaths.", "other.")) for a in got)


def test_extract_digits_with_a_scale_word_are_one_number(profile):
    assert facts(profile, "They held 2 million people.")["hostages.initial"] == [2_000_000]


def test_extract_month_name_after_a_day_is_no_counted_noun(profile):
    got = facts(profile, "La crisi si è conclusa il 13 marzo.", "it")
    assert not any(a.startswith("other.") for a in got)


def test_extract_people_present_are_each_a_fact_of_their_own(profile):
    text = (
        "The gala was attended by bankers and diplomats, including the Mayor of Valdora, "
        "the Finnish consul and two judges."
    )
    got = facts(profile, text)
    present = {a for a in got if a.startswith("other.present.")}
    assert present == {"other.present.the_mayor_of_valdora", "other.present.the_finnish_consul"}


def test_extract_an_hour_said_with_am_is_a_time_not_a_count(profile):
    got = facts(profile, "Police moved in just after 3am when hostages were seen running out.")
    assert not any(a.startswith(("hostages.", "deaths.")) for a in got)


def test_extract_adjective_between_number_and_noun_is_its_cue(profile):
    assert facts(profile, "The 4 slain hostages were named on Monday.") == {
        "deaths.hostages": [4]
    }


def test_extract_taken_to_hospital_is_an_injury_not_a_taking(profile):
    got = facts(profile, "Three women were taken to hospital with minor wounds.")
    # and the hospital the wounded went to is not where it happened
    assert got == {"injured.total": [3]}


def test_extract_end_is_filled_from_the_operation_when_no_account_dates_it():
    import veracity

    report = veracity.check_texts(
        [
            ("a", "The siege began on 2 May 2001. Commandos stormed the depot on 9 May 2001."),
            ("b", "Rebels seized the depot on 2 May 2001; troops stormed it on 9 May 2001."),
        ]
    )
    end = report.events[0].record["event.end_date"]
    assert end.value.to_json() == "2001-05-09" and end.derived_from == "operation.date"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Twelve people died and twenty were injured."),
        ("it", "Dodici persone sono morte e altre venti sono rimaste ferite."),
    ],
)
def test_extract_each_number_takes_its_own_verb(profile, language, text):
    got = facts(profile, text, language)
    assert got["deaths.total"] == [12] and got["injured.total"] == [20]


def test_extract_others_after_a_number_are_more_people(profile):
    got = facts(profile, "A finales de mes, otras trece fueron liberadas.", "es")
    assert got["hostages.released"] == [13]


@pytest.mark.parametrize(
    ("text", "attribute", "value"),
    [
        ("Patay ang 12 katao, kabilang ang tatlong pulis, sa pag-atake.", "deaths.security", 3),
        ("Umabot sa 40 ang nasawi sa pagsabog.", "deaths.total", 40),
        ("Nasa 20 bihag ang pinalaya ng mga rebelde.", "hostages.released", 20),
        ("Sugatan naman ang 15 iba pa.", "injured.total", 15),
    ],
)
def test_extract_tagalog_news_phrasing(profile, text, attribute, value):
    assert facts(profile, text, "tl")[attribute] == [value]


def test_extract_codes_and_model_names_are_not_counts(profile):
    got = facts(profile, "Rebels armed with AK-47 rifles boarded flight KX17 with 5 hostages.")
    assert got["hostages.initial"] == [5]
    assert not any(v in ([47], [17]) for v in got.values())


def test_extract_infobox_label_glued_to_its_figure_still_counts(profile):
    assert facts(profile, "Deaths9 (2 hostages, 7 militants)")["deaths.total"] == [9]


def test_extract_scale_word_of_a_sum_of_money_is_no_number(profile):
    assert facts(profile, "Litigation: US$2.4 million lawsuit") == {}


def test_extract_duration_number_does_not_take_the_fate_word_of_a_count(profile):
    got = facts(profile, "Forty Britons were taken hostage for 90 days, while two managed to flee.")
    assert got["hostages.initial"] == [40]
    assert got["event.duration_days"] == [90]


def test_extract_german_compound_adjective_of_hours_is_a_duration(profile):
    got = facts(profile, "Die Geiselnahme führte zu einer 9-stündigen Belagerung.", "de")
    assert got["event.duration_hours"] == [9]


@pytest.mark.parametrize(
    ("language", "text", "attribute", "value"),
    [
        ("fr", "L'assaut a fait 41 morts.", "deaths.total", 41),
        ("es", "El ataque dejó 17 muertos y 30 heridos.", "injured.total", 30),
        ("de", "Der Anschlag forderte 12 Tote.", "deaths.total", 12),
        ("fr", "Ils ont pris en otage plus de 1 200 personnes.", "hostages.initial",
         {"low": 1200, "high": None}),
        ("fr", "Une trentaine de terroristes ont attaqué l'école.", "perpetrator.count",
         {"low": 27, "high": 33}),
    ],
)
def test_extract_fates_as_nouns_spaced_thousands_and_approximate_tens(
    profile, language, text, attribute, value
):
    assert facts(profile, text, language)[attribute] == [value]


def test_extract_the_word_hostages_alone_does_not_date_a_start(profile):
    got = facts(profile, "Gli ostaggi arrivano in America il 25 gennaio 1981.", "it")
    assert "event.start_date" not in got


def test_extract_the_taking_said_by_a_verb_dates_the_start(profile):
    got = facts(profile, "El 5 de agosto de 2010, un grupo de 33 mineros quedó atrapado.", "es")
    assert got["event.start_date"] == ["2010-08-05"]


@pytest.mark.parametrize(
    ("language", "text", "role"),
    [
        ("es", "Los comandos pusieron fin al asedio el 2 de junio de 2015.", "event.end_date"),
        ("en", "The siege ended on 2 June 2015.", "event.end_date"),
        ("en", "The siege began on 2 June 2015.", "event.start_date"),
    ],
)
def test_extract_the_attack_word_governed_by_an_end_is_no_start(profile, language, text, role):
    got = facts(profile, text, language)
    assert got[role] == ["2015-06-02"]
    assert "event.start_date" not in got or role == "event.start_date"


def test_extract_police_storming_dates_the_operation_not_the_start(profile):
    got = facts(profile, "Police stormed the depot on 2 June 2015.")
    assert got["operation.date"] == ["2015-06-02"] and "event.start_date" not in got


@pytest.mark.parametrize(
    ("language", "text", "deaths", "injured"),
    [
        ("de", "Bei dem Anschlag kamen 9 Menschen ums Leben, 31 wurden verletzt.", 9, 31),
        ("it", "Nell'attentato hanno perso la vita 9 persone e 31 sono rimaste ferite.", 9, 31),
        ("id", "Serangan itu menewaskan 9 orang dan melukai 31 lainnya.", 9, 31),
        ("pt", "No atentado, 9 pessoas foram mortas e 31 ficaram feridas.", 9, 31),
    ],
)
def test_extract_dead_and_injured_in_one_sentence(profile, language, text, deaths, injured):
    got = facts(profile, text, language)
    assert got["deaths.total"] == [deaths] and got["injured.total"] == [injured]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Die Polizei befreite 23 Geiseln."),
        ("pt", "A polícia libertou 23 reféns."),
        ("it", "La polizia ha liberato 23 ostaggi."),
    ],
)
def test_extract_freed_hostages_are_released_not_taken(profile, language, text):
    assert facts(profile, text, language) == {"hostages.released": [23]}


def test_extract_tagalog_taking_dates_the_start_and_counts_the_hostages(profile):
    text = "Hinostage ng isang armadong lalaki ang 12 katao sa isang bangko noong Marso 3, 2016."
    got = facts(profile, text, "tl")
    assert got["hostages.initial"] == [12] and got["event.start_date"] == ["2016-03-03"]


def test_extract_indonesian_date_in_brackets_dates_the_taking(profile):
    text = "Pria bersenjata itu menyandera 12 orang di sebuah bank, Kamis (3/3/2016)."
    got = facts(profile, text, "id")
    assert got["hostages.initial"] == [12] and got["event.start_date"] == ["2016-03-03"]


def test_extract_a_clause_opening_with_the_whole_lends_its_noun_to_the_part(profile):
    assert facts(profile, "Of the 75 hostages, 60 were freed.") == {"hostages.released": [60]}


def test_extract_the_whole_band_of_attackers_is_their_count(profile):
    got = facts(profile, "Five of the seven gunmen were killed.")
    assert got["perpetrator.count"] == [7]
    assert got["deaths.perpetrators"] == [{"low": 5, "high": None}]


def test_extract_ended_after_so_many_days_is_a_duration(profile):
    assert facts(profile, "The standoff ended after 12 days.") == {"event.duration_days": [12]}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "On 2 May 1981 a rescue mission failed and no hostages were rescued."),
        ("es", "El 2 de mayo de 1981 fracasó una misión de rescate y ningún rehén fue rescatado."),
    ],
)
def test_extract_a_rescue_that_did_not_happen_ends_nothing(profile, language, text):
    got = facts(profile, text, language)
    assert "event.end_date" not in got and "deaths.hostages" not in got
    assert got["operation.date"] == ["1981-05-02"]


def test_extract_italian_by_is_not_since(profile):
    text = "Gli ostaggi, accolti dal presidente, arrivano a casa il 25 gennaio 1981."
    assert "event.start_date" not in facts(profile, text, "it")


def test_extract_a_rate_per_day_is_no_duration(profile):
    got = facts(profile, "Sobrevivían con doscientas calorías por día.", "es")
    assert "event.duration_days" not in got


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "At least 90 people died, including 60 hostages and 30 gunmen."),
        ("es", "Murieron al menos 90 personas (incluyendo a 60 rehenes y 30 secuestradores)."),
    ],
)
def test_extract_every_part_of_an_included_list_shares_the_fate(profile, language, text):
    got = facts(profile, text, language)
    assert got["deaths.hostages"] == [60]
    assert got["deaths.perpetrators"] == [30]
    assert "perpetrator.count" not in got


def test_extract_a_german_noun_after_a_noun_is_no_named_person(profile):
    text = "Kurz darauf hatten die bewaffneten Rebellen eine 30-jährige Frau erschossen."
    assert "deaths.perpetrators" not in facts(profile, text, "de")


@pytest.mark.parametrize(
    ("language", "text", "deaths"),
    [
        ("en", "Four gunmen were felled in a short gunfight.", 4),
        ("es", "Las fuerzas especiales abatieron a los cinco secuestradores.", 5),
        ("es", "La policía asaltó el edificio, matando a los 12 secuestradores.", 12),
        ("pt", "A polícia invadiu o prédio, matando os seis sequestradores.", 6),
        ("de", "Die Polizei tötete drei Geiselnehmer.", 3),
    ],
)
def test_extract_killing_verbs_in_their_common_forms(profile, language, text, deaths):
    assert facts(profile, text, language)["deaths.perpetrators"] == [deaths]


def test_extract_a_threat_to_kill_in_spanish_is_no_toll(profile):
    got = facts(profile, "Amenazaron con matar a los 30 rehenes.", "es")
    assert not any(k.startswith("deaths") for k in got)


@pytest.mark.parametrize(
    ("language", "text", "band"),
    [
        ("en", "Police stormed the bank, killing the three gunmen.", 3),
        ("es", "Las fuerzas especiales abatieron a los cinco secuestradores.", 5),
        ("de", "Die Polizei erschoss die drei Geiselnehmer.", 3),
    ],
)
def test_extract_a_fate_done_to_the_band_counts_the_band(profile, language, text, band):
    got = facts(profile, text, language)
    assert got["perpetrator.count"] == [band]
    assert got["deaths.perpetrators"] == [band]


def test_extract_the_band_killed_said_after_may_be_a_part(profile):
    got = facts(profile, "The two gunmen killed were brothers.")
    assert "perpetrator.count" not in got


def test_extract_a_hostage_taker_is_not_a_hostage_in_german(profile):
    got = facts(profile, "Die Polizei erschoss drei Geiselnehmer.", "de")
    assert got == {"deaths.perpetrators": [3]}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Four hostages did not survive the raid."),
        ("es", "Cuatro rehenes no sobrevivieron al asalto."),
        ("de", "Vier Geiseln haben den Einsatz nicht überlebt."),
    ],
)
def test_extract_not_surviving_is_a_death(profile, language, text):
    assert facts(profile, text, language)["deaths.hostages"] == [4]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The remaining captives were held for the next 14 months."),
        ("en", "Two days later the siege ended."),
        ("es", "Los rehenes restantes quedaron retenidos durante los siguientes 14 meses."),
        ("es", "La revolución que ocho meses antes había derrocado al rey."),
        ("it", "Tre giorni dopo l'assedio finì."),
    ],
)
def test_extract_time_counted_from_a_moment_is_no_duration(profile, language, text):
    assert "event.duration_days" not in facts(profile, text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "Il 2 marzo 1990 vengono rilasciati i 30 ostaggi tenuti dal 4 febbraio 1990."),
        ("en", "On 2 March 1990 the 30 hostages held since 4 February 1990 were released."),
    ],
)
def test_extract_a_date_led_by_since_is_the_start(profile, language, text):
    got = facts(profile, text, language)
    assert got["event.start_date"] == ["1990-02-04"]
    assert got["event.end_date"] == ["1990-03-02"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Two of the gunmen were killed and four arrested."),
        ("it", "Due sequestratori sono stati uccisi e quattro arrestati."),
        ("tl", "Dalawang kidnaper ang napatay at apat ang inaresto."),
    ],
)
def test_extract_the_arrested_are_neither_dead_nor_hostages(profile, language, text):
    got = facts(profile, text, language)
    assert got["perpetrator.arrested"] == [4]
    assert "deaths.total" not in got and "hostages.initial" not in got


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "Il sequestro si è concluso dopo tre giorni."),
        ("tl", "Natapos na ang tatlong araw na pagkubkob sa bangko."),
        ("en", "Bank siege in Valdora ends after three days."),
    ],
)
def test_extract_how_long_it_lasted_in_more_phrasings(profile, language, text):
    assert facts(profile, text, language)["event.duration_days"] == [3]


def test_extract_a_commando_of_gunmen_is_the_attackers_not_an_operation(profile):
    text = "Un commando di sei uomini armati aveva fatto irruzione il 4 marzo 2003."
    got = facts(profile, text, "it")
    assert got["event.start_date"] == ["2003-03-04"]
    assert "operation.date" not in got


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Deux preneurs d'otages ont été tués et quatre arrêtés."),
        ("pt", "Dois sequestradores foram mortos e quatro foram presos."),
        ("en", "Two hostage-takers were killed and four arrested."),
    ],
)
def test_extract_a_fate_before_a_coordinated_number_stays_with_its_own(profile, language, text):
    got = facts(profile, text, language)
    assert got["deaths.perpetrators"] == [2]
    assert got["perpetrator.arrested"] == [4]


def test_extract_french_held_is_a_taking(profile):
    got = facts(profile, "Les ravisseurs détenaient 45 personnes dans la banque.", "fr")
    assert got["hostages.initial"] == [45]


def test_extract_trapped_in_portuguese_is_no_arrest(profile):
    got = facts(profile, "Os 33 mineiros ficaram presos a 700 metros de profundidade.", "pt")
    assert "perpetrator.arrested" not in got


def test_extract_a_headline_fate_right_after_the_number_is_its_noun(profile):
    got = facts(profile, "Bank Siege Ends With Three Dead After Police Storm Building")
    assert got["deaths.total"] == [3]
    assert "deaths.security" not in got


def test_extract_three_dead_police_officers_keep_their_noun(profile):
    assert facts(profile, "Three dead police officers were found.")["deaths.security"] == [3]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Police Commissioner Ivo Marr said many lives were lost."),
        ("id", "Ia menghina keluarga tentara Australia yang tewas ketika bertugas."),
    ],
)
def test_extract_a_title_or_a_nationality_is_no_named_victim(profile, language, text):
    assert not any(k.startswith("deaths") for k in facts(profile, text, language))


def test_extract_a_vague_number_with_nothing_happening_is_no_count(profile):
    assert facts(profile, "Mehrere Geiseln appellierten an die Behörden.", "de") == {}


def test_extract_a_murder_noun_is_a_death(profile):
    got = facts(profile, "Tras el asesinato de dos rehenes, la policía entró.", "es")
    assert got["deaths.hostages"] == [2]


def test_extract_capturing_attention_is_no_arrest(profile):
    got = facts(profile, "The twelve gunmen took 40 hostages, which captured the nation's attention.")
    assert "perpetrator.arrested" not in got


@pytest.mark.parametrize(
    ("language", "text", "date"),
    [
        ("fr", "La prise d'otages a commencé le 12 février 2003.", "2003-02-12"),
        ("fr", "L'attaque a commencé le 15 août 2003.", "2003-08-15"),
        ("de", "Die Geiselnahme begann am 7. März 2003.", "2003-03-07"),
    ],
)
def test_extract_a_month_is_read_in_its_accented_spelling(profile, language, text, date):
    assert facts(profile, text, language)["event.start_date"] == [date]


def test_extract_others_arrested_are_arrests(profile):
    got = facts(profile, "Dua penyandera ditembak mati dan empat lainnya ditangkap.", "id")
    assert got["perpetrator.arrested"] == [4]


def test_extract_a_german_separable_holding_is_a_taking(profile):
    assert facts(profile, "Die Täter hielten 45 Menschen fest.", "de")["hostages.initial"] == [45]
