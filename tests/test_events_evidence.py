"""What keeps events apart and what brings a report to its event: the day and the country
together, the year of a whole group (dated to a month or a day), small groups of strays, names
in noun-capitalising languages. Every article here was written for these tests."""

from __future__ import annotations

import datetime as dt

import numpy as np
import scipy.sparse as sp

from veracity.events.cluster import (
    ClusterSettings,
    DateCheck,
    attach_strays,
    build_index,
    cluster_edges,
    cluster_events,
    date_checks,
)
from veracity.events.features import (
    CAPITALISED_NOUN_SCALE,
    WEIGHTS,
    YEAR_MIN,
    features,
    hashed,
    published_features,
)
from veracity.model import Document


def test_event_features_day_and_country_make_one_feature():
    right_town = features("Gunmen seized a bank in Lyon, France, on 10 September 2022.", "en")
    wrong_town = features("Des hommes armés ont pris une banque à Dijon (France) le 10/09/2022.", "fr")
    shared = {f for f in set(right_town) & set(wrong_town) if f.startswith("x")}
    assert shared and all("2022-09-10" in f for f in shared)
    other_day = features("Gunmen seized a bank in Lyon, France, on 11 September 2022.", "en")
    assert not {f for f in set(right_town) & set(other_day) if f.startswith("x")}


def test_event_features_day_and_place_need_a_day():
    found = features("Gunmen seized a bank in Lyon, France, in September 2022.", "en")
    assert not any(f.startswith("x") for f in found)


def _years(rows: list[list[int]]) -> sp.csr_matrix:
    """Items x years, from the years each item gives."""
    cells = [(i, y - YEAR_MIN) for i, years in enumerate(rows) for y in years]
    r, c = zip(*cells, strict=True)
    return sp.csr_matrix((np.ones(len(cells)), (r, c)), shape=(len(rows), 400))


def _two_linked_pairs(second_year: int) -> np.ndarray:
    # items 0-1 and 2-3 are two tight pairs; every cross pair is alike too
    pairs = np.array([[0, 1], [2, 3], [0, 2], [0, 3], [1, 2], [1, 3]])
    scores = np.array([0.9, 0.9, 0.5, 0.5, 0.5, 0.5])
    years = DateCheck(_years([[1990], [1990], [second_year], [second_year]]), 0.25, 1)
    return cluster_edges(4, pairs, scores, 0.12, "centroid", [years])


def test_event_features_a_toll_in_a_country_and_year_makes_one_feature():
    # The town and the day differ (one report has both wrong); the toll, the country and
    # the year agree across languages.
    english = features("Gunmen held 214 people at a hotel in Lyon, France, on 3 May 2011.", "en")
    spanish = features(
        "Un comando retuvo a 214 personas en un hotel de Dijon, Francia, el 4 de mayo de 2011.",
        "es",
    )
    shared = {f for f in set(english) & set(spanish) if f.startswith("z")}
    assert shared and all(f.startswith("z2011 ") and f.endswith(" n214") for f in shared)
    other_toll = features("Gunmen held 215 people at a hotel in Lyon, France, on 3 May 2011.", "en")
    assert not {f for f in set(english) & set(other_toll) if f.startswith("z")}


def test_event_features_a_toll_in_a_month_makes_one_feature_without_a_place():
    # An invented town no gazetteer knows: the toll and the month still meet.
    english = features("Gunmen held 214 people in Verodask in May 2011.", "en")
    german = features("Bewaffnete hielten im Mai 2011 in Verodask 214 Menschen fest.", "de")
    shared = {f for f in set(english) & set(german) if f.startswith("u")}
    assert shared == {"u2011-05 n214"}


def test_event_features_small_numbers_and_long_histories_make_no_toll_feature():
    small = features("Gunmen held 7 people at a hotel in Lyon, France, in May 2011.", "en")
    assert not any(f[0] in "zu" for f in small)
    history = features(
        "In Lyon, France, 214 people were held in 1990; the town saw more sieges in 1995, "
        "2001 and 2011.",
        "en",
    )
    assert not any(f.startswith("z") for f in history)



def test_event_features_name_and_toll_meet_in_the_week_both_reports_came_out():
    # One report misdates the siege by a year and misnames nothing else; both came out in
    # the same week, so the group, the town and the toll still meet.
    right = features(
        "The Verodask Front held 214 people in Lyon on 3 May 2011.", "en", "2011-05-05"
    )
    misdated = features(
        "El Frente Verodask retuvo a 214 personas en Lyon el 3 de mayo de 2010.", "es",
        "2011-05-06",
    )
    shared = {f for f in set(right) & set(misdated) if f[0] in "vt"}
    assert "t2011-18 n214" in shared
    assert any(f.startswith("v2011-18 ") and f.endswith("verodask") for f in shared)
    weeks_later = features(
        "The Verodask Front held 214 people in Lyon on 3 May 2011.", "en", "2011-06-20"
    )
    assert not {f for f in set(right) & set(weeks_later) if f[0] in "vt"}


def test_event_features_no_publication_day_no_week_pairs():
    found = features("The Verodask Front held 214 people in Lyon on 3 May 2011.", "en")
    assert not any(f[0] in "vtp" for f in found)


def test_event_features_reports_out_within_seven_days_share_a_week_and_eight_apart_need_not():
    first_day = dt.date(2019, 12, 2)
    days = [first_day + dt.timedelta(days=offset) for offset in range(420)]
    weeks = {day: set(published_features(day.isoformat())) for day in days}
    for day in days[:-8]:
        for gap in range(8):
            assert weeks[day] & weeks[day + dt.timedelta(days=gap)], (day, gap)
    assert any(not weeks[day] & weeks[day + dt.timedelta(days=8)] for day in days[:-8])


def test_event_features_a_country_in_a_week_is_never_taken_for_a_common_word():
    found = features("Gunmen seized a bank in Lyon, France.", "en", "2022-09-12")
    parents = hashed(found)[3]
    countries = {i for i, f in enumerate(found) if f[0] == "v" and " r" in f}
    towns = {i for i, f in enumerate(found) if f[0] == "v" and " g" in f}
    assert countries and towns
    checked = {position for position, _ in parents}
    assert towns <= checked and not countries & checked


def test_events_groups_years_apart_never_merge():
    labels = _two_linked_pairs(1995)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]


def test_events_groups_a_year_apart_may_merge():
    # a siege over New Year: early reports give one year, late reports the next
    assert len(set(_two_linked_pairs(1991).tolist())) == 1


def test_events_group_without_a_year_is_not_kept_apart():
    pairs = np.array([[0, 1], [2, 3], [0, 2], [1, 3]])
    scores = np.array([0.9, 0.9, 0.5, 0.5])
    years = DateCheck(_years([[1990], [1990], [], []]), 0.25, 1)
    assert len(set(cluster_edges(4, pairs, scores, 0.12, "centroid", [years]).tolist())) == 1


def test_events_small_group_joins_its_clear_closest_group_together():
    labels = np.array([0, 0, 0, 3, 3, 3, 6, 6])  # two groups and a pair left apart
    pairs = np.array([[0, 6], [1, 7], [3, 6]])
    scores = np.array([0.2, 0.15, 0.05])
    moved = attach_strays(labels, pairs, scores, ClusterSettings(stray_size=2))
    assert moved.tolist() == [0, 0, 0, 3, 3, 3, 0, 0]


def test_events_stray_does_not_join_a_group_of_other_years():
    labels = np.array([0, 0, 0, 3, 3, 3, 6])
    pairs = np.array([[0, 6], [1, 6]])
    scores = np.array([0.2, 0.15])
    years = DateCheck(_years([[1980]] * 3 + [[2001]] * 3 + [[2001]]), 0.25, 1)
    kept = attach_strays(labels, pairs, scores, ClusterSettings(), [years])
    assert kept[6] == 6
    years = DateCheck(_years([[2001]] * 3 + [[1980]] * 3 + [[2001]]), 0.25, 1)
    assert attach_strays(labels, pairs, scores, ClusterSettings(), [years])[6] == 0


def _two_pairs_months_apart(cross_score: float) -> np.ndarray:
    # months as ordinals: items 0-1 report March, items 2-3 June of the same year
    pairs = np.array([[0, 1], [2, 3], [0, 2], [0, 3], [1, 2], [1, 3]])
    scores = np.array([0.9, 0.9, cross_score, cross_score, cross_score, cross_score])
    months = DateCheck(_years([[2000], [2000], [2003], [2003]]), 0.25, 1, penalty=0.7)
    return cluster_edges(4, pairs, scores, 0.12, "centroid", [months])


def test_events_groups_months_apart_merge_only_when_much_alike():
    # two crises in one town three months apart share the town and the year: kept apart
    assert len(set(_two_pairs_months_apart(0.16).tolist())) == 2
    # the start and the end of one long siege share much more: merged despite the months
    assert len(set(_two_pairs_months_apart(0.5).tolist())) == 1


def test_events_german_name_written_in_other_languages_weighs_as_a_name():
    documents = [
        Document(id="de", text="Anführer Kavo Drelstin verlangte in Korrigan ein Flugzeug.", language="de"),
        Document(id="en", text="Their leader, Kavo Drelstin, asked for a plane.", language="en"),
        Document(id="de2", text="Die Verhandlungen in Korrigan scheiterten.", language="de"),
    ]
    index = build_index(documents, ClusterSettings())

    def type_weight(row: int, feature: str) -> float:
        key = hashed({feature: 1.0})[0][0]
        column = int(np.searchsorted(index.vocabulary, key))
        assert index.vocabulary[column] == key
        return float(index.type_weights[row, column])

    # "Drelstin" in the German article is the name the English report gives: a full name
    assert np.isclose(type_weight(0, "cdrelstin"), WEIGHTS["c"])
    # "Korrigan", capitalised in German articles only, keeps the weight of a German noun
    assert np.isclose(type_weight(0, "ckorrigan"), WEIGHTS["c"] * CAPITALISED_NOUN_SCALE)


def test_events_closeness_of_a_paragraph_is_its_cosine_to_the_others_centroid():
    # The sparse sum must give what the plain dense formula gives.
    from veracity.events.cluster import _closeness

    texts = [
        "Gunmen held 214 people at the Orvalen Hotel in Lyon, France, on 3 May 2011.",
        "The siege of the Orvalen Hotel in Lyon began on 3 May 2011; 214 were held.",
        "Police freed the 214 hostages of the Orvalen Hotel in Lyon after three days.",
        "A bus was seized near Quito, Ecuador, on 9 June 2004 by the Trevask group.",
    ]
    docs = [Document(id=f"d{k}", text=t, language="en") for k, t in enumerate(texts)]
    index = build_index(docs, ClusterSettings())
    dense = index.matrix.toarray()
    for doc, rows in ((0, [0, 1, 2]), (1, [0, 1, 2, 3]), (3, [1, 3])):
        centroid = dense[[r for r in rows if r != doc]].sum(axis=0)
        expected = float(dense[doc] @ centroid) / float(np.linalg.norm(centroid))
        assert abs(_closeness(index, doc, rows) - expected) < 1e-6  # float32 cells


# An invented siege, its reports, two look-backs that name only the year a group was founded,
# and two reports of a second siege at the same place, dated years later.
OPERA_SIEGE = [
    ("op-en", "en", "Gunmen of the Velmor Front stormed the Quillan Opera in Tessaly on 14 March "
     "2011 and held 88 people in the hall."),
    ("op-es", "es", "Un comando del Frente Velmor asaltó la Ópera Quillan de Tessaly el 14 de "
     "marzo de 2011 y retuvo a 88 personas."),
    ("op-fr", "fr", "Le Front Velmor a pris d'assaut l'Opéra Quillan de Tessaly le 14 mars 2011 "
     "et y a retenu 88 personnes."),
]
OPERA_LOOK_BACK = [
    ("back-en", "en", "Founded in 2004, the Velmor Front is remembered for its siege of the "
     "Quillan Opera in Tessaly, where its gunmen held 88 people."),
    ("back-de", "de", "Die 2004 gegründete Velmor-Front ist für die Geiselnahme in der "
     "Quillan-Oper von Tessaly bekannt: 88 Menschen wurden festgehalten."),
]
OPERA_AGAIN = [
    ("again-en", "en", "Gunmen of the Velmor Front stormed the Quillan Opera in Tessaly again on "
     "2 June 2019 and held 88 people in the hall."),
    ("again-it", "it", "Il Fronte Velmor ha di nuovo assaltato l'Opera Quillan di Tessaly il 2 "
     "giugno 2019, con 88 persone in ostaggio."),
]


def _texts(*rows: tuple[str, str, str]) -> list[Document]:
    return [Document(id=doc_id, text=text, language=lang) for doc_id, lang, text in rows]


def test_events_year_check_reads_years_dated_to_a_month_or_day_only():
    index = build_index(_texts(*OPERA_SIEGE, *OPERA_LOOK_BACK), ClusterSettings())
    years = date_checks(index, ClusterSettings())[0].values
    given = [sorted(YEAR_MIN + int(c) for c in years[row].indices) for row in range(5)]
    assert given == [[2011], [2011], [2011], [], []]  # "founded in 2004" dates no event


def test_events_year_check_reads_a_bare_year_of_the_publication():
    # "in 2019" in a report out in 2019 dates its event; in a piece out years later it is the
    # year an anniversary recalls, and a report with no publication day counts no bare year
    text = "The Velmor Front stormed the Quillan Opera in Tessaly in 2019 and held 88 people."
    documents = [
        Document(id=name, text=text, language="en", published=published)
        for name, published in (("fresh", "2019-06-03"), ("later", "2029-06-02"), ("undated", None))
    ]
    index = build_index(documents, ClusterSettings())
    years = date_checks(index, ClusterSettings())[0].values
    given = [sorted(YEAR_MIN + int(c) for c in years[row].indices) for row in range(3)]
    assert given == [[2019], [], []]


def test_events_reports_naming_only_another_bare_year_join_their_event():
    clusters = cluster_events(_texts(*OPERA_SIEGE, *OPERA_LOOK_BACK))
    assert [set(c.documents) for c in clusters] == [
        {doc_id for doc_id, _, _ in OPERA_SIEGE + OPERA_LOOK_BACK}
    ]


def test_events_reports_dated_years_apart_stay_apart():
    clusters = cluster_events(_texts(*OPERA_SIEGE, *OPERA_AGAIN))
    assert {frozenset(c.documents) for c in clusters} == {
        frozenset(doc_id for doc_id, _, _ in OPERA_SIEGE),
        frozenset(doc_id for doc_id, _, _ in OPERA_AGAIN),
    }


def _partition(labels: np.ndarray) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for item, label in enumerate(labels.tolist()):
        groups.setdefault(label, set()).add(item)
    return {frozenset(g) for g in groups.values()}


# two tight groups (0-2 and 3-4) barely alike, and an item 5 close to both
_RESUME_PAIRS = np.array([[0, 1], [1, 2], [0, 2], [3, 4], [2, 3], [0, 5], [1, 5], [3, 5], [4, 5]])
_RESUME_SCORES = np.array([0.8, 0.7, 0.6, 0.9, 0.05, 0.5, 0.4, 0.5, 0.45])


def test_events_agglomeration_resumed_with_a_new_item_ends_as_one_run_does():
    without = ~(_RESUME_PAIRS == 5).any(axis=1)
    first = cluster_edges(6, _RESUME_PAIRS[without], _RESUME_SCORES[without], 0.12)
    assert _partition(first) == {frozenset({0, 1, 2}), frozenset({3, 4}), frozenset({5})}
    # nothing new: nothing changes
    again = cluster_edges(6, _RESUME_PAIRS[without], _RESUME_SCORES[without], 0.12, start=first)
    assert _partition(again) == _partition(first)
    resumed = cluster_edges(6, _RESUME_PAIRS, _RESUME_SCORES, 0.12, start=first)
    assert _partition(resumed) == _partition(cluster_edges(6, _RESUME_PAIRS, _RESUME_SCORES, 0.12))


def test_events_agglomeration_resumed_keeps_the_years_of_its_groups():
    years = DateCheck(_years([[2000], [2000], [2000], [1990], [1990], [2000]]), 0.25, 1)
    without = ~(_RESUME_PAIRS == 5).any(axis=1)
    first = cluster_edges(6, _RESUME_PAIRS[without], _RESUME_SCORES[without], 0.12, dates=[years])
    resumed = cluster_edges(6, _RESUME_PAIRS, _RESUME_SCORES, 0.12, dates=[years], start=first)
    assert _partition(resumed) == {frozenset({0, 1, 2, 5}), frozenset({3, 4})}


# A second siege at the Opera, two reports; three of a bus seized in Ecuador years before; and a
# roundup of the siege whose second paragraph recalls the bus briefly (no names, the month).
QUITO_BUS = [
    ("bus-en", "en", "Gunmen of the Drossel Army seized a bus carrying 31 pilgrims near Quito, "
     "Ecuador, on 9 June 2004 and drove it to the Narvaleta pass."),
    ("bus-es", "es", "Hombres armados del Ejército Drossel secuestraron un autobús con 31 "
     "peregrinos cerca de Quito, Ecuador, el 9 de junio de 2004, y lo llevaron al paso de "
     "Narvaleta."),
    ("bus-fr", "fr", "Des hommes armés de l'Armée Drossel ont détourné un bus de 31 pèlerins près "
     "de Quito, en Équateur, le 9 juin 2004, jusqu'au col de Narvaleta."),
]
OPERA_AND_BUS = (
    "round-en",
    "en",
    "Gunmen of the Velmor Front stormed the Quillan Opera in Tessaly again on 2 June 2019 and "
    "held 88 people in the hall for a night before the police went in.\n\n"
    "Fifteen years ago, in June 2004, gunmen had seized a bus of 31 pilgrims in Ecuador and held "
    "them for days in the mountains far from any road.",
)


def test_events_roundup_recalling_an_event_briefly_joins_it_when_the_years_agree():
    # the recollection shares less with the bus reports than a report would, but it is as close
    # to them as two groups must be to merge and dates the bus to its year: it tells of it
    clusters = cluster_events(_texts(*OPERA_AGAIN, *QUITO_BUS, OPERA_AND_BUS))
    assert {(frozenset(c.documents), c.secondary) for c in clusters} == {
        (frozenset({"again-en", "again-it", "round-en"}), ()),
        (frozenset({"bus-en", "bus-es", "bus-fr", "round-en"}), ("round-en",)),
    }
