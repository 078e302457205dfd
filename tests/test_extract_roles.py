"""Who is who: the group responsible, the attackers' leader, the place of the attack.

Each error class is tried in several of the profile's languages. Sentences, groups, people and
places are invented for these tests (no third-party text)."""

from __future__ import annotations

import pytest

import veracity
from extract_support import facts
from veracity.extract import load_profile


@pytest.fixture(scope="module")
def profile():
    return load_profile("attack")


def _group(profile, text, language):
    return facts(profile, text, language).get("perpetrator.group")


def _leader(profile, text, language):
    return facts(profile, text, language).get("perpetrator.leader")


def _site(profile, text, language):
    return facts(profile, text, language).get("location.site")


# ---------------------------------------------------------------- the group responsible


@pytest.mark.parametrize(
    ("language", "text", "group"),
    [
        ("en", "The militant group Sarvath claimed the bombing of the ferry in Valdora.", "Sarvath"),
        ("fr", "L'attentat contre le ferry a été revendiqué par Sarvath, le groupe djihadiste.",
         "Sarvath"),
        ("es", "Guerrilleros del K-44 tomaron el ferry de Valdora el lunes.", "K-44"),
        ("it", "Il traghetto è stato assaltato dai militanti della milizia islamista Sarvath.",
         "Sarvath"),
        ("id", "Kapal feri itu diserang oleh kelompok Sarvath pada hari Senin.", "Sarvath"),
        ("de", "Zu dem Anschlag auf die Fähre bekannte sich die Sarvath-Miliz.", "Sarvath"),
    ],
)
def test_roles_group_named_by_its_kind_its_members_or_its_claim(profile, language, text, group):
    assert _group(profile, text, language) == [group]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The 7th Infantry Regiment stormed the ferry after the gunmen of Sarvath seized it."),
        ("fr", "Le 2e régiment de parachutistes a donné l'assaut contre les preneurs d'otages "
               "de Sarvath."),
        ("es", "El Batallón de Infantería Nacional rodeó el ferry que los guerrilleros de Sarvath "
               "habían tomado."),
        ("de", "Das Fallschirmjäger-Regiment stürmte die Fähre, die Kämpfer der Sarvath-Miliz "
               "besetzt hatten."),
        ("it", "Il Reggimento Paracadutisti Nazionale ha fatto irruzione contro i militanti del "
               "gruppo Sarvath."),
    ],
)
def test_roles_group_is_never_the_unit_that_answered(profile, language, text):
    assert _group(profile, text, language) == ["Sarvath"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Gunmen attacked the Church of Saint Orrin and the Blue Lantern Club nightclub."),
        ("es", "Hombres armados atacaron la Iglesia de San Orrin y la discoteca Club Linterna."),
        ("fr", "Des hommes armés ont attaqué l'église Saint-Orrin et la discothèque Club Lanterne."),
        ("pt", "Homens armados atacaram a Igreja de São Orrin e a boate Clube Lanterna."),
        ("de", "Bewaffnete griffen die Kirche Sankt Orrin und den Nachtclub Blaue Laterne an."),
    ],
)
def test_roles_group_is_never_the_victim_institution(profile, language, text):
    assert _group(profile, text, language) is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Valdora Broadcasting Corporation reported that gunmen of Sarvath held the ferry, "
               "while Valdora United Football Club cancelled its match."),
        ("es", "Radio Valdora informó que los terroristas de Sarvath retenían el ferry; el Club "
               "de Fútbol Valdora suspendió su partido."),
        ("it", "Secondo Radio Televisione Valdora, i terroristi di Sarvath tenevano il traghetto; "
               "il Calcio Valdora ha rinviato la partita."),
        ("id", "Menurut Televisi Valdora, para teroris dari Sarvath menahan kapal feri itu."),
    ],
)
def test_roles_group_is_never_a_medium_or_a_club_named_in_passing(profile, language, text):
    assert _group(profile, text, language) == ["Sarvath"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The National Intelligence Agency said the Sarvath militants had planned the attack."),
        ("es", "La Secretaría de Inteligencia del Estado acusó a los militantes de Sarvath del "
               "ataque."),
        ("fr", "Le ministère de l'Intérieur a accusé les militants de Sarvath de l'attaque."),
        ("pt", "A Agência Nacional de Inteligência acusou os militantes de Sarvath pelo ataque."),
        ("tl", "Sinabi ng Pambansang Ahensya ng Intelihensiya na ang mga miyembro ng Sarvath ang "
               "sumalakay."),
    ],
)
def test_roles_group_is_never_a_government_agency(profile, language, text):
    assert _group(profile, text, language) == ["Sarvath"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The Colombian Army surrounded the embassy."),
        ("es", "El Ejército Nacional rodeó la embajada."),
        ("it", "L'Esercito Nazionale circondò l'ambasciata."),
        ("fr", "L'Armée française a encerclé l'ambassade."),
    ],
)
def test_roles_a_states_army_is_no_group(profile, language, text):
    assert _group(profile, text, language) is None


# ---------------------------------------------------------------- the leader


@pytest.mark.parametrize(
    ("language", "text", "leader"),
    [
        ("en", "The hostage-takers, led by Tomas Arkady Vell, demanded a plane.", "Tomas Arkady Vell"),
        ("es", "El jefe del comando, Tomas Arkady Vell, exigió un avión.", "Tomas Arkady Vell"),
        ("fr", "Le chef des preneurs d'otages, Tomas Arkady Vell, a exigé un avion.",
         "Tomas Arkady Vell"),
        ("id", "Tomas Arkady Vell adalah pemimpin kelompok penyandera itu.", "Tomas Arkady Vell"),
        ("tl", "Si Tomas Arkady Vell, ang pinuno ng mga rebelde, ay humingi ng eroplano.",
         "Tomas Arkady Vell"),
    ],
)
def test_roles_leader_is_on_the_attackers_side(profile, language, text, leader):
    assert _leader(profile, text, language) == [leader]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Prime Minister Aldo Rennick, leader of the governing coalition, condemned the attack."),
        ("es", "El presidente Aldo Rennick, líder del país vecino, condenó el ataque."),
        ("id", "Pemerintah Valdora yang dipimpin Perdana Menteri Aldo Rennick mengecam serangan itu."),
        ("de", "Die Regierung unter Führung von Kanzler Aldo Rennick verurteilte den Angriff."),
        ("it", "Il presidente Aldo Rennick, capo dello Stato vicino, ha condannato l'attacco."),
    ],
)
def test_roles_leader_is_never_a_politician_who_commented(profile, language, text):
    assert _leader(profile, text, language) is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Colonel Ruben Osk, commander of the commandos, died in the assault on the gunmen."),
        ("fr", "Le commandant des policiers, Ruben Osk, est mort pendant l'assaut."),
        ("es", "Los soldados, al mando del coronel Ruben Osk, asaltaron el edificio."),
        ("id", "Pasukan komando di bawah pimpinan Kolonel Ruben Osk menyerbu gedung itu."),
        ("de", "Das Flugzeug wurde von einer Besatzung unter Flugkapitän Ruben Osk geflogen, "
               "angeführt von Kapitän Ruben Osk."),
    ],
)
def test_roles_leader_is_never_an_officer_of_the_forces_or_a_crew(profile, language, text):
    assert _leader(profile, text, language) is None


@pytest.mark.parametrize(
    ("language", "text", "leader"),
    [
        ("en", "The gunman, Piet Varlo Denn, opened fire on the market in Valdora.", "Piet Varlo Denn"),
        ("fr", "Un terroriste du nom de Piet Varlo Denn a ouvert le feu sur le marché.",
         "Piet Varlo Denn"),
        ("pt", "Doze pessoas foram assassinadas no mercado por Piet Varlo Denn.", "Piet Varlo Denn"),
        ("it", "L'attentatore Piet Varlo Denn ha aperto il fuoco sul mercato.", "Piet Varlo Denn"),
    ],
)
def test_roles_a_lone_attacker_named_as_such_is_the_leader(profile, language, text, leader):
    assert _leader(profile, text, language) == [leader]


# ---------------------------------------------------------------- the site


@pytest.mark.parametrize(
    ("language", "text", "site"),
    [
        ("en", "Gunmen seized the Orla Grand Hotel. The wounded were taken to Saint Brede Hospital.",
         "Orla Grand Hotel"),
        ("es", "Hombres armados tomaron el hotel Orla. Los heridos fueron trasladados al Hospital "
               "San Brede.", "hotel Orla"),
        ("fr", "Des hommes armés ont pris l'hôtel Orla. Les blessés ont été évacués vers l'hôpital "
               "Saint-Brède.", "hôtel Orla"),
        ("de", "Bewaffnete besetzten das Hotel Orla. Die Verletzten wurden ins Krankenhaus Sankt "
               "Brede gebracht.", "Hotel Orla"),
        ("id", "Pria bersenjata menyerbu hotel Orla. Korban luka dibawa ke Rumah Sakit Santo Brede.",
         "hotel Orla"),
    ],
)
def test_roles_site_is_not_the_hospital_the_wounded_went_to(profile, language, text, site):
    assert _site(profile, text, language) == [site]


@pytest.mark.parametrize(
    ("language", "text", "site"),
    [
        ("en", "Gunmen stormed the Kessel Museum and took 30 people hostage. Relatives may call "
               "the consulate of Norway.", "Kessel Museum"),
        ("es", "Hombres armados asaltaron el museo Kessel y tomaron 30 rehenes. Los familiares "
               "pueden llamar al consulado de Noruega.", "museo Kessel"),
        ("it", "Uomini armati hanno assaltato il museo Kessel e preso 30 ostaggi. I parenti possono "
               "chiamare il consolato di Norvegia.", "museo Kessel"),
        ("pt", "Homens armados atacaram o museu Kessel e fizeram 30 reféns. Os parentes podem "
               "ligar para o consulado da Noruega.", "museu Kessel"),
    ],
)
def test_roles_site_is_not_a_consulate_named_as_background(profile, language, text, site):
    assert _site(profile, text, language) == [site]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Gunmen took 30 people hostage on the ship."),
        ("es", "Los secuestradores tomaron el avión con 30 pasajeros."),
        ("fr", "Des hommes armés ont attaqué l'école et pris 30 otages."),
        ("de", "Bewaffnete stürmten die Schule und nahmen 30 Geiseln."),
        ("it", "Uomini armati hanno dirottato l'aereo con 30 passeggeri."),
        ("id", "Pria bersenjata menyerbu sekolah dan menyandera 30 orang."),
    ],
)
def test_roles_a_bare_common_noun_is_no_site(profile, language, text):
    assert _site(profile, text, language) is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Gunmen hijacked an Airbus A320 of Valdora Air with 30 passengers."),
        ("fr", "Des pirates ont détourné un avion Boeing 737 avec 30 passagers."),
        ("es", "Los secuestradores tomaron el avión Airbus A320 con 30 pasajeros."),
        ("de", "Entführer brachten das Flugzeug vom Typ Boeing 737 in ihre Gewalt."),
    ],
)
def test_roles_a_vehicles_make_is_not_its_name(profile, language, text):
    assert _site(profile, text, language) is None


# ---------------------------------------------------------------- the reader's language


def test_roles_record_shows_a_group_as_the_readers_sources_write_it():
    report = veracity.check_texts(
        [
            ("a", "Le 3 mai 2001, des membres du Front de Libération de Valdora ont pris le ferry."),
            ("b", "Le 3 mai 2001, le Front de Libération de Valdora a pris le ferry et 40 otages."),
            ("c", "On 3 May 2001 members of the Valdora Liberation Front seized the ferry."),
        ]
    )
    group = report.events[0].record["perpetrator.group"]
    assert group.value.to_json() == "Valdora Liberation Front"
    assert "Front de Libération de Valdora" in group.aliases
    entry = report.to_dict()["events"][0]["record"]["perpetrator.group"]
    assert "Front de Libération de Valdora" in entry["aliases"]


def test_roles_record_shows_an_acronym_when_no_source_writes_the_readers_language():
    report = veracity.check_texts(
        [
            ("a", "Le 3 mai 2001, des membres du Front de Libération de Valdora (FLV) ont pris le "
                  "ferry."),
            ("b", "Le 3 mai 2001, le Front de Libération de Valdora a pris le ferry et 40 otages."),
        ]
    )
    assert report.events[0].record["perpetrator.group"].value.to_json() == "FLV"
    french = veracity.check_texts(
        [
            ("a", "Le 3 mai 2001, des membres du Front de Libération de Valdora (FLV) ont pris le "
                  "ferry."),
            ("b", "Le 3 mai 2001, le Front de Libération de Valdora a pris le ferry et 40 otages."),
        ],
        lang="fr",
    )
    assert french.events[0].record["perpetrator.group"].value.to_json() == (
        "Front de Libération de Valdora"
    )


@pytest.mark.parametrize(
    ("language", "text", "site"),
    [
        ("ru", "Боевики захватили театр «Звезда Волги» в Казани и взяли 90 заложников.",
         "театр «Звезда Волги»"),
        ("fr", "Des hommes armés ont pris le théâtre « Le Phare » et 90 otages.",
         "théâtre « Le Phare »"),
        ("de", "Bewaffnete besetzten das Hotel „Seeblick“ und nahmen 40 Geiseln.",
         "Hotel „Seeblick“"),
    ],
)
def test_roles_site_named_in_quotes(profile, language, text, site):
    assert _site(profile, text, language) == [site]


def test_roles_russian_group_and_leader(profile):
    got = facts(
        profile,
        "Ответственность за захват школы взяла на себя группировка «Северный Рассвет». "
        "Боевиков возглавлял Аслан Варгов, сообщили в полиции.",
        "ru",
    )
    assert got["perpetrator.group"] == ["Северный Рассвет"]
    assert got["perpetrator.leader"] == ["Аслан Варгов"]


def test_roles_a_sites_aliases_are_forms_of_its_own_name():
    report = veracity.check_texts(
        [
            ("a", "On 3 May 2001 gunmen seized the Kettle Airport and held 40 people."),
            ("b", "Le 3 mai 2001, des hommes armés ont pris l'aéroport Kettle et 40 otages."),
            ("c", "El 3 de mayo de 2001 los pistoleros tomaron el aeropuerto Brena con 40 rehenes."),
        ]
    )
    site = report.events[0].record["location.site"]
    assert site.value.to_json() == "Kettle Airport"
    assert "aéroport Kettle" in site.aliases
    assert not any("Brena" in a for a in site.aliases)


# a group word, a comma, then "was X": X is someone from the group of the sentence's subject,
# not an armed group ("of the group of the fittest, the first up was X")
@pytest.mark.parametrize(("language", "text"), [
    ("es", "El primero en subir, del grupo de los más fuertes, fue Tomás Arvelo, que llegó "
           "arriba a medianoche."),
    ("pt", "O primeiro a subir, do grupo dos mais fortes, foi Tomás Arvelo, que chegou à "
           "superfície à meia-noite."),
    ("en", "The first to come up, from the group of the strongest, was Tomas Arvelo, who "
           "reached the surface at midnight."),
    ("it", "Il primo a risalire, del gruppo dei più forti, fu Tomas Arvelo, arrivato in "
           "superficie a mezzanotte."),
])
def test_roles_a_person_after_a_comma_and_was_is_no_group(profile, language, text):
    assert _group(profile, text, language) is None


@pytest.mark.parametrize("adjective", ["Iranian-born", "Vienna-based", "Dawla-inspired"])
def test_roles_a_name_made_an_adjective_before_the_gunman_is_no_group(profile, adjective):
    text = f"The {adjective} gunman took 17 people hostage in a cafe on 3 May 2001."
    assert _group(profile, text, "en") is None


# two people named together as the leaders: the first one named is the leader stated
@pytest.mark.parametrize(("language", "text"), [
    ("it", "Le indagini portano ai NAR e ai suoi leader Livio Marchetti e Anna Corsi."),
    ("es", "El comando estaba encabezado por Livio Marchetti y Anna Corsi."),
    ("fr", "Le commando était dirigé par Livio Marchetti et Anna Corsi."),
    ("pt", "O comando era liderado por Livio Marchetti e Anna Corsi."),
])
def test_roles_two_leaders_named_together_give_the_first(profile, language, text):
    assert _leader(profile, text, language) == ["Livio Marchetti"]
