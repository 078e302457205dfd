"""Places: the country by its everyday name in any language, the site by its own name.

Sentences are written for these tests (no third-party text)."""

from __future__ import annotations

import pytest

import veracity
from extract_support import facts as claims_of
from veracity.extract import load_profile


@pytest.fixture(scope="module")
def profile():
    return load_profile("attack")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Gunmen seized a school in Russia."),
        ("de", "Bewaffnete besetzten eine Schule in Russland."),
        ("es", "Hombres armados tomaron una escuela en Rusia."),
        ("id", "Pria bersenjata menyerbu sebuah sekolah di Rusia."),
    ],
)
def test_places_country_is_read_by_its_everyday_name(profile, language, text):
    assert claims_of(profile, text, language)["location.country"] == ["Russia"]


def test_places_site_prefers_the_mention_that_names_it(profile):
    text = (
        "Rebels stormed a theatre in Kazan. The Moscow theatre was not the target. "
        "Inside the Volga Star Theatre they held 90 people."
    )
    assert claims_of(profile, text)["location.site"] == ["Volga Star Theatre"]


def test_places_site_leaves_headline_words_out(profile):
    got = claims_of(profile, "Siege Ends With Four Dead After Police Storm Harbour Café")
    assert got["location.site"] == ["Harbour Café"]


def test_places_country_of_the_city_fills_a_country_no_article_names():
    report = veracity.check_texts(
        [
            ("a", "Gunmen seized a theatre in Moscow on 3 May 2001 and held 90 people."),
            ("b", "On 3 May 2001 rebels took 90 people hostage at a Moscow theatre."),
        ]
    )
    country = report.events[0].record["location.country"]
    assert country.value.to_json() == "Russia"
    assert country.derived_from == "location.city"


def test_places_record_shows_the_fuller_name_a_supporter_gives():
    report = veracity.check_texts(
        [
            ("a", "Gunmen seized the Kettle Airport in Valdora on 3 May 2001."),
            ("b", "On 3 May 2001 rebels stormed Kettle Airport and held 40 people."),
            ("c", "The Kettle International Airport was seized on 3 May 2001."),
        ]
    )
    site = report.events[0].record["location.site"].value
    assert site.canonical == "Kettle International Airport"


@pytest.mark.parametrize(
    ("language", "text", "site"),
    [
        ("en", "Gunmen stormed the Embassy of Norway in Valdora.", "Embassy of Norway"),
        ("en", "Students seized the U.S. embassy in Valdora.", "U.S. embassy"),
        ("es", "Los rebeldes tomaron la embajada de EE. UU. en Valdora.", "embajada de EE. UU."),
        ("it", "I ribelli hanno occupato l'ambasciata del Cile a Valdora.", "ambasciata del Cile"),
    ],
)
def test_places_site_keeps_the_country_it_belongs_to(profile, language, text, site):
    assert claims_of(profile, text, language)["location.site"] == [site]


def test_places_site_named_only_by_its_city_keeps_its_kind(profile):
    # no name of its own: the city's hotel, never the city alone (nor a bare "albergo")
    got = claims_of(profile, "Hanno preso 50 ostaggi in un albergo di Mumbai.", "it")
    assert got["location.site"] == ["albergo di Mumbai"]


def test_places_site_with_a_name_does_not_take_its_city():
    got = claims_of(load_profile("attack"), "Rebeldes ocuparon el teatro Kolos de Kazán.", "es")
    assert got["location.site"] == ["teatro Kolos"]


def test_places_record_names_the_site_rather_than_its_kind():
    report = veracity.check_texts(
        [
            ("a", "Gunmen seized the embassy on 3 May 2001 and held 40 people."),
            ("b", "On 3 May 2001 rebels stormed the embassy and held 40 people."),
            ("c", "The Embassy of Norway was seized on 3 May 2001; 40 people were held."),
        ]
    )
    site = report.events[0].record["location.site"].value
    assert site.canonical == "Embassy of Norway"


def test_places_record_takes_a_particle_for_no_fuller_name():
    report = veracity.check_texts(
        [
            ("a", "Rebeldes tomaron la mina Santa Rita el 3 de mayo de 2001."),
            ("b", "El 3 de mayo de 2001 rebeldes ocuparon la mina Santa Rita."),
            ("c", "A mina de Santa Rita foi ocupada em 3 de maio de 2001."),
        ],
        lang="es",  # the sources' own form (a reader of English gets "Santa Rita mine")
    )
    site = report.events[0].record["location.site"].value
    assert site.canonical == "mina Santa Rita"


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("The rebels' leader, Tomas Arkady Vell, set the terms.", ["Tomas Arkady Vell"]),
        ("Among the gunmen was Ivo Marr, later commander of the National Guard Corps.", None),
    ],
)
def test_names_leader_is_a_person_not_an_organisations_title(profile, text, leader):
    assert claims_of(profile, text).get("perpetrator.leader") == leader


# a body that judged the attack is named after "by", as an attacker would be: a commission or
# a committee is no person
@pytest.mark.parametrize(("language", "text"), [
    ("en", "This attack has been called a massacre by Inter-American Commission on Human Rights."),
    ("es", "Este ataque fue calificado de masacre por la Comisión Interamericana de Derechos "
           "Humanos."),
    ("fr", "Cette attaque a été qualifiée de massacre par la Commission Interaméricaine des "
           "Droits de l'Homme."),
    ("it", "Questo attacco è stato definito un massacro dalla Commissione Interamericana dei "
           "Diritti Umani."),
    ("pt", "Este ataque foi chamado de massacre pela Comissão Interamericana de Direitos "
           "Humanos."),
])
def test_names_a_commission_that_judged_the_attack_is_no_leader(profile, language, text):
    assert "perpetrator.leader" not in claims_of(profile, text, language)


@pytest.mark.parametrize(
    ("language", "text", "city"),
    [
        ("it", "Il 3 maggio 2001 un commando ha preso 40 ostaggi in una banca di Milano.", "Milan"),
        ("tl", "Binihag ng mga armadong lalaki ang 40 katao sa isang bangko sa Maynila.", "Manila"),
        ("de", "Bewaffnete nahmen am 3. Mai 2001 in Wien 40 Geiseln.", "Vienna"),
    ],
)
def test_places_a_large_city_is_known_by_its_name_in_the_articles_language(
    profile, language, text, city
):
    assert claims_of(profile, text, language)["location.city"] == [city]


def test_places_an_embassy_owner_is_not_where_it_happened():
    report = veracity.check_texts(
        [
            ("a", "Il 4 marzo 2003 sei uomini armati hanno occupato l'ambasciata del Cile a Roma."),
            ("b", "On 4 March 2003 six gunmen seized the embassy of Chile in Rome."),
        ]
    )
    record = report.events[0].record
    assert record["location.city"].value.to_json() == "Rome"
    assert record["location.country"].value.to_json() == "Italy"


def test_places_a_russian_city_is_found_through_its_case_ending(profile):
    got = claims_of(profile, "3 мая 2001 года боевики захватили банк в Москве.", "ru")
    assert got["location.city"] == ["Moscow"]


def test_names_a_quoted_operation_name_is_whole_whatever_its_case(profile):
    got = claims_of(profile, "Солдаты начали операцию «Железные ворота» 7 мая 2003 года.", "ru")
    assert got["operation.name"] == ["Железные ворота"]


# places whose names hold small words, and towns that are only part of a longer name
@pytest.mark.parametrize(("language", "text"), [
    ("pt", "Um homem armado invadiu uma escola no Rio de Janeiro. O Rio de Janeiro está de luto."),
    ("es", "Un hombre armado entró en una escuela de Río de Janeiro; Río de Janeiro llora."),
    ("fr", "Un homme armé est entré dans une école de Rio de Janeiro. Rio de Janeiro pleure."),
    ("en", "A gunman entered a school in Rio de Janeiro. Rio de Janeiro mourns."),
])
def test_places_a_city_whose_name_holds_a_small_word_is_read_whole(language, text):
    from veracity.extract.names import cities_in

    assert cities_in(text, "Brazil").most_common(1)[0][0] == "Rio de Janeiro"


def test_places_a_town_inside_a_persons_name_counts_less_than_the_city():
    from veracity.extract.names import cities_in

    text = "The gunman, Tarcisio Melo de Oliveira, entered a school in Rio de Janeiro."
    found = cities_in(text, "Brazil")
    assert found.most_common(1)[0][0] == "Rio de Janeiro"
    assert found["Oliveira"] * 2 == found["Rio de Janeiro"]  # the surname counts half


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Des hommes armés ont attaqué une plage en Côte d'Ivoire. La Côte d’Ivoire pleure."),
    ("en", "Gunmen attacked a beach in Côte d'Ivoire, the Côte d’Ivoire government said."),
])
def test_places_a_country_whose_name_holds_a_small_word_is_read_whole(language, text):
    from veracity.extract.names import countries_in

    assert countries_in(text, language).most_common(1)[0][0] == "Côte d’Ivoire"


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The Air France flight was hijacked in Algiers."),
    ("fr", "Le vol Air France a été détourné à Alger."),
])
def test_places_a_country_inside_a_longer_name_is_not_named(language, text):
    from veracity.extract.names import countries_in

    assert "France" not in countries_in(text, language)


# an article that names its city but never its country: the country is the one its cities of
# some size belong to, and the city named most there wins over the capital named once
@pytest.mark.parametrize(("language", "text", "city"), [
    ("fr", "Un camion a foncé sur la foule à Lyon. À Lyon, les secours sont arrivés. "
           "Le parquet de Paris a ouvert une enquête.", "Lyon"),
    ("de", "Ein Mann hat in Hamburg auf Passanten geschossen. In Hamburg herrscht Trauer. "
           "Die Regierung in Berlin äußerte sich.", "Hamburg"),
    ("it", "Un uomo armato ha aperto il fuoco a Torino. Torino è in lutto. "
           "Il governo a Roma ha convocato una riunione.", "Turin"),
    ("es", "Un hombre armado disparó en Sevilla. Sevilla está de luto. "
           "El gobierno en Madrid condenó el ataque.", "Sevilla"),
])
def test_places_a_city_beats_the_capital_when_no_country_is_named(language, text, city):
    from veracity.extract.names import cities_in

    assert cities_in(text, None).most_common(1)[0][0] == city


def test_places_a_town_named_once_is_no_city_when_no_country_is_named():
    from veracity.extract.names import cities_in

    # "Essen" (food) is also a German city's name: said once, with no country, it is a word
    assert cities_in("Nach dem Essen gingen die Geiseln schlafen.", None) == {}
    assert cities_in("Bewaffnete nahmen in Essen Geiseln. Man trauert in Essen.", None)["Essen"] > 0


# The city's role: a reference point, a destination, another place's prosecutor, a street named
# after a town, a vehicle's name is not where the event happened (`names.city_role`).


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Gunmen attacked a school in Meaux, France. The town lies 40 km east of Paris, "
            "and the road near Paris was closed.",
        ),
        (
            "fr",
            "Des hommes armés ont attaqué une école à Meaux, en France. La ville se trouve à "
            "une quarantaine de kilomètres de la capitale Paris, près de Paris.",
        ),
        (
            "es",
            "Hombres armados atacaron una escuela en Meaux, Francia, a 40 kilómetros al este "
            "de París; la carretera cerca de París fue cerrada.",
        ),
        (
            "de",
            "Bewaffnete griffen eine Schule in Meaux in Frankreich an, 40 Kilometer östlich "
            "von Paris; die Straße nahe Paris wurde gesperrt.",
        ),
        (
            "it",
            "Uomini armati hanno attaccato una scuola a Meaux, in Francia, a 40 chilometri "
            "da Parigi; la strada vicino a Parigi è stata chiusa.",
        ),
        (
            "id",
            "Pria bersenjata menyerang sebuah sekolah di Meaux, Prancis, 40 km dari Paris; "
            "jalan dekat Paris ditutup.",
        ),
    ],
)
def test_places_city_a_distance_is_measured_from_is_not_the_place(profile, language, text):
    assert claims_of(profile, text, language)["location.city"] == ["Meaux"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Gunmen seized a mine 30 km from Copiapó, Chile."),
        ("fr", "Des hommes armés ont pris une mine près de Copiapó, au Chili."),
        ("es", "Hombres armados tomaron una mina cerca de Copiapó, en Chile."),
        ("de", "Bewaffnete besetzten ein Bergwerk nahe Copiapó in Chile."),
    ],
)
def test_places_city_near_the_place_stays_when_no_other_is_named(profile, language, text):
    assert claims_of(profile, text, language)["location.city"] == ["Copiapó"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Gunmen attacked a market in Lens, France. The wounded were evacuated to Lille; "
            "ten more were airlifted to Lille.",
        ),
        (
            "fr",
            "Des hommes armés ont attaqué un marché à Lens, en France. Les blessés ont été "
            "évacués vers Lille; dix autres évacués vers Lille.",
        ),
        (
            "es",
            "Hombres armados atacaron un mercado en Lens, Francia. Los heridos fueron "
            "evacuados a Lille y otros diez trasladados a Lille.",
        ),
        (
            "pt",
            "Homens armados atacaram um mercado em Lens, França. Os feridos foram evacuados "
            "para Lille e outros dez levados para Lille.",
        ),
    ],
)
def test_places_city_the_wounded_were_taken_to_is_not_the_place(profile, language, text):
    assert claims_of(profile, text, language)["location.city"] == ["Lens"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "A truck drove into a crowd in Toulon, France. The prosecutor of Paris took the "
            "case; the prosecutors in Paris named the driver.",
        ),
        (
            "fr",
            "Un camion a foncé sur la foule à Toulon, en France. Le parquet de Paris est "
            "saisi; le procureur de Paris a parlé.",
        ),
        (
            "es",
            "Un camión arrolló a la multitud en Toulon, Francia. La fiscalía de París abrió "
            "una causa; el fiscal de París habló.",
        ),
        (
            "it",
            "Un camion ha travolto la folla a Toulon, in Francia. La procura di Parigi ha "
            "aperto un'inchiesta; il procuratore di Parigi ha parlato.",
        ),
    ],
)
def test_places_city_of_a_prosecutor_is_not_the_place(profile, language, text):
    assert claims_of(profile, text, language)["location.city"] == ["Toulon"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Un homme armé a pris des otages dans une épicerie de Paris, en France, porte de "
            "Vincennes. L'assaut a été donné porte de Vincennes, rue de Vincennes.",
        ),
        (
            "es",
            "Un hombre armado tomó rehenes en una tienda de Madrid, España, en la calle de "
            "Burgos; la policía cerró la avenida de Burgos y la carretera de Burgos.",
        ),
        (
            "pt",
            "Um homem armado fez reféns numa loja em Lisboa, Portugal, na rua de Coimbra; a "
            "polícia fechou a estrada de Coimbra e a rua de Coimbra.",
        ),
        (
            "it",
            "Un uomo armato ha preso ostaggi in un negozio a Milano, in Italia, in via "
            "Bergamo; la polizia ha chiuso viale Bergamo e via Bergamo.",
        ),
    ],
)
def test_places_town_a_street_is_named_after_is_not_the_place(profile, language, text):
    city = {"fr": "Paris", "es": "Madrid", "pt": "Lisbon", "it": "Milan"}[language]
    assert claims_of(profile, text, language)["location.city"] == [city]


@pytest.mark.parametrize(
    ("language", "text", "city"),
    [
        ("fr", "Une bombe a explosé dans la gare de Bologne, en Italie, puis gare de Bologne.", "Bologna"),
        ("en", "A bomb went off in the station of Lyon, France, near the Lyon market.", "Lyon"),
    ],
)
def test_places_a_towns_own_station_is_in_the_town(profile, language, text, city):
    assert claims_of(profile, text, language)["location.city"] == [city]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Four gunmen hijacked the plane Augsburg in Germany. The Augsburg landed in "
            "Munich, where the crew of the plane Augsburg was freed.",
        ),
        (
            "de",
            "Vier Bewaffnete entführten das Flugzeug Augsburg in Deutschland. Später landete "
            "die Augsburg in München; an Bord der Augsburg wurde die Crew befreit.",
        ),
        (
            "it",
            "Quattro uomini armati dirottarono l'aereo Augsburg in Germania. Il dirottamento "
            "di Augsburg finì a Monaco di Baviera, dove l'aereo Augsburg atterrò.",
        ),
        (
            "es",
            "Cuatro hombres armados secuestraron el avión Augsburg en Alemania. El avión "
            "Augsburg aterrizó en Múnich, y a bordo del Augsburg liberaron a la tripulación.",
        ),
    ],
)
def test_places_city_a_vehicle_is_named_after_is_not_the_place(profile, language, text):
    assert claims_of(profile, text, language)["location.city"] == ["Munich"]


def test_places_city_in_quotation_marks_is_a_name():
    from veracity.extract.names import cities_in, place_roles

    text = 'Gunmen took the ship "Genoa" near Tunisia and held it in Tunis. The „Genoa“ sank.'
    roles = place_roles(load_profile("attack"), "en")
    assert cities_in(text, "Tunisia", roles).most_common(1)[0][0] == "Tunis"
    assert "Genoa" not in cities_in(text, None, roles)
    assert "Genoa" in cities_in(text, None)


def test_places_city_written_with_a_space_for_its_hyphen():
    from veracity.extract.names import cities_in

    assert cities_in("Gunmen attacked the beach of Grand Bassam.", "Côte d’Ivoire") == {
        "Grand-Bassam": 4 * 2
    }
