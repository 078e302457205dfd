"""Event clustering: real articles of every event folder, invented events, roundups, look-backs,
scale-free rules."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from veracity.events.cluster import ClusterSettings, build_index, cluster_events
from veracity.events.features import features
from veracity.events.metrics import pairwise_score
from veracity.model import Document
from veracity.synth.corpus import generate_corpus

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from real_mix import SHARED, load_real_mix, shared_available

# Two invented events, written for these tests, each told in three languages.
HOTEL_SIEGE = {
    "siege-en": (
        "en",
        "Gunmen of the Red Lantern Brigade (RLB) took over the Corvanta Hotel in "
        "Mirelos on 3 March 2011 and held 41 guests. Their leader, Tavo Rensik, "
        "asked for a plane. Police commandos ended the stand-off nine days later.",
    ),
    "siege-es": (
        "es",
        "Un comando de la Brigada Linterna Roja (RLB) ocupó el Hotel Corvanta de "
        "Mirelos el 3 de marzo de 2011 y retuvo a 41 huéspedes. Su jefe, Tavo "
        "Rensik, exigía un avión. La policía puso fin al asedio el 12 de marzo.",
    ),
    "siege-de": (
        "de",
        "Bewaffnete der RLB besetzten am 3. März 2011 das Hotel Corvanta in "
        "Mirelos und hielten 41 Gäste fest. Anführer Tavo Rensik verlangte ein "
        "Flugzeug. Nach neun Tagen stürmte die Polizei das Gebäude.",
    ),
}
MARKET_BOMB = {
    "bomb-en": (
        "en",
        "A bomb tore through the Trellis Market in Quendar on 19 August 2016, "
        "killing 12 shoppers and injuring 57. Investigators named Ilsa Varn as the "
        "main suspect.",
    ),
    "bomb-fr": (
        "fr",
        "Une bombe a explosé au marché Trellis de Quendar le 19 août 2016 : 12 "
        "morts et 57 blessés. Les enquêteurs soupçonnent Ilsa Varn.",
    ),
    "bomb-id": (
        "id",
        "Sebuah bom meledak di Pasar Trellis, Quendar, pada 19 Agustus 2016. "
        "Sebanyak 12 orang tewas dan 57 orang luka-luka. Polisi memburu Ilsa Varn.",
    ),
}
ROUNDUP = (
    "en",
    "Quendar remembers: three years after the Trellis Market bomb of 19 August 2016, "
    "which killed 12 and wounded 57, the trial of Ilsa Varn opened this week.\n\n"
    "The same court heard last month how the Red Lantern Brigade seized the Corvanta "
    "Hotel in Mirelos on 3 March 2011, holding 41 guests until police stormed the "
    "building. Tavo Rensik, who led the gunmen, is still at large.",
)


def _documents(*groups: dict[str, tuple[str, str]]) -> list[Document]:
    return [
        Document(id=doc_id, text=text, language=lang)
        for group in groups
        for doc_id, (lang, text) in group.items()
    ]


def _cluster_of(clusters, doc_id):
    return [set(c.documents) for c in clusters if doc_id in c.documents]


@pytest.mark.skipif(not shared_available(), reason="../shared (real articles) is not available")
def test_events_real_mix_pairwise_f1_at_least_0_95():
    documents, truth = load_real_mix()
    folders = [p for p in (SHARED / "data" / "events").iterdir() if p.is_dir()]
    assert len({t[0] for t in truth.values()}) == len(folders) + 1  # and the seeds
    clusters = cluster_events(documents)
    score = pairwise_score([c.documents for c in clusters], truth)
    assert score.f1 >= 0.95, score


def test_events_two_invented_events_are_not_merged():
    clusters = cluster_events(_documents(HOTEL_SIEGE, MARKET_BOMB))
    assert {frozenset(c.documents) for c in clusters} == {
        frozenset(HOTEL_SIEGE),
        frozenset(MARKET_BOMB),
    }


def test_events_roundup_article_belongs_to_both_events():
    documents = _documents(HOTEL_SIEGE, MARKET_BOMB)
    documents.append(Document(id="roundup", text=ROUNDUP[1], language=ROUNDUP[0]))
    clusters = cluster_events(documents)
    holding = _cluster_of(clusters, "roundup")
    assert len(holding) == 2
    assert any(set(HOTEL_SIEGE) <= c for c in holding)
    assert any(set(MARKET_BOMB) <= c for c in holding)
    assert all(not (set(HOTEL_SIEGE) & c and set(MARKET_BOMB) & c) for c in holding)


# A report of the hotel siege, and its translation, that recall in a paragraph of their own an
# older, unrelated event no other document reports.
LOOK_BACK = {
    "recall-en": (
        "en",
        "Nine days of fear in Mirelos: on 3 March 2011 the Red Lantern Brigade seized the "
        "Corvanta Hotel and held 41 guests until commandos stormed it. Tavo Rensik, who led "
        "the gunmen, is still at large.\n\n"
        "Years before, in July 1998, a storm had sunk the ferry Halvard off Pessoro Point; the "
        "harbour master Ilvo Darrasch counted 230 passengers saved by fishing boats that night.",
    ),
    "recall-pt": (
        "pt",
        "Nove dias de medo em Mirelos: em 3 de março de 2011 a Brigada Lanterna Vermelha tomou "
        "o Hotel Corvanta e manteve 41 hóspedes até o assalto dos comandos. Tavo Rensik, que "
        "chefiava o grupo, continua foragido.\n\n"
        "Anos antes, em julho de 1998, uma tempestade afundou a balsa Halvard ao largo da Ponta "
        "Pessoro; o capitão do porto Ilvo Darrasch contou 230 passageiros salvos por barcos de "
        "pesca naquela noite.",
    ),
}


def test_events_a_report_recalling_an_older_event_is_clustered_whole():
    # Each look-back looks mixed (two paragraphs unlike each other, years apart), but only
    # its own event is told by other documents: no roundup, and the translation pair is not
    # shown in a second event made of their recollections.
    documents = _documents(HOTEL_SIEGE, LOOK_BACK)
    assert {documents[d].id for d in build_index(documents, ClusterSettings()).mixed} == set(
        LOOK_BACK
    )
    clusters = cluster_events(documents)
    assert [(set(c.documents), c.secondary) for c in clusters] == [
        (set(HOTEL_SIEGE) | set(LOOK_BACK), ())
    ]


def test_events_a_roundup_does_not_tie_its_two_events_whatever_else_is_fed():
    # the look-backs (not roundups) and the roundup (which is one) in one feed
    documents = _documents(HOTEL_SIEGE, MARKET_BOMB, LOOK_BACK)
    documents.append(Document(id="roundup", text=ROUNDUP[1], language=ROUNDUP[0]))
    clusters = cluster_events(documents)
    assert {frozenset(c.documents) for c in clusters} == {
        frozenset(set(HOTEL_SIEGE) | set(LOOK_BACK) | {"roundup"}),
        frozenset(set(MARKET_BOMB) | {"roundup"}),
    }
    assert sum("roundup" in c.secondary for c in clusters) == 1


def test_events_generated_corpus_pairwise_f1_at_least_0_9():
    corpus = generate_corpus(250, seed=101)
    articles = list(corpus.articles())
    clusters = cluster_events(a.to_document() for a in articles)
    score = pairwise_score([c.documents for c in clusters], {a.id: a.events for a in articles})
    assert score.f1 >= 0.9, score


def test_events_same_partition_whatever_the_input_order():
    articles = list(generate_corpus(60, seed=5).articles())
    forward = cluster_events([a.to_document() for a in articles])
    backward = cluster_events([a.to_document() for a in reversed(articles)])
    assert {frozenset(c.documents) for c in forward} == {frozenset(c.documents) for c in backward}


def test_events_no_documents_no_clusters():
    assert cluster_events([]) == []


def test_events_one_document_is_its_own_event():
    clusters = cluster_events([Document(id="only", text="A quiet day in Mirelos.", language="en")])
    assert [c.documents for c in clusters] == [("only",)]


@pytest.mark.parametrize(
    "written",
    [
        "on 17 December 1996",
        "on December 17, 1996",
        "el 17 de diciembre de 1996",
        "am 17. Dezember 1996",
        "pada 17 Desember 1996",
        "le 17 décembre 1996",
        "il 17 dicembre 1996",
        "em 17 de dezembro de 1996",
        "on 17/12/1996",
        "am 17.12.1996",
        "23. децембра 1996. 17. децембра 1996.",
    ],
)
def test_event_features_read_dates_in_every_language(written):
    assert "d1996-12-17" in features(f"The siege began {written} at noon.")


def test_event_features_fold_accents_and_keep_acronyms():
    found = features("Los rehenes del MRTA salieron de Túpac y de Tupac.")
    assert "ctupac" in found and "aMRTA" in found
    assert "crehenes" not in found  # a lowercase word is not a name


def test_event_metrics_count_pairs_of_a_roundup_in_both_events():
    truth = {"a": ("x",), "b": ("x",), "c": ("y",), "r": ("x", "y")}
    perfect = pairwise_score([["a", "b", "r"], ["c", "r"]], truth)
    assert (perfect.precision, perfect.recall) == (1.0, 1.0)
    merged = pairwise_score([["a", "b", "c", "r"]], truth)
    assert merged.true_pairs == 4 and merged.predicted_pairs == 6 and merged.correct_pairs == 4


# Two invented events on one day, in two towns, each told twice: sharing the date is not enough.
SAME_DAY = {
    "dam-en": ("en", "The Lake Orvel dam near Tessaly gave way on 9 May 2013; 14 people drowned "
                     "and the Kessan Water Board blamed the rain."),
    "dam-es": ("es", "La presa del lago Orvel, cerca de Tessaly, cedió el 9 de mayo de 2013: 14 "
                     "personas se ahogaron."),
    "fire-en": ("en", "Fire swept through the Banvo textile works in Quarrow on 9 May 2013, "
                      "killing 31 workers."),
    "fire-fr": ("fr", "Un incendie a ravagé l'usine textile Banvo de Quarrow le 9 mai 2013 : 31 "
                      "ouvriers sont morts."),
}


def test_events_sharing_only_a_date_do_not_link_two_events():
    clusters = cluster_events(_documents(SAME_DAY))
    assert {frozenset(c.documents) for c in clusters} == {
        frozenset({"dam-en", "dam-es"}),
        frozenset({"fire-en", "fire-fr"}),
    }


def test_events_score_of_a_pair_sharing_only_dates_is_zero():
    from veracity.events.cluster import ClusterSettings, build_index, score_pairs

    documents = [
        Document(id="a", text="The siege ended on 2 June 1999 after 40 hours.", language="en"),
        Document(id="b", text="El asedio terminó el 2 de junio de 1999.", language="es"),
        Document(id="c", text="The siege in Tessaly ended on 2 June 1999.", language="en"),
        Document(id="d", text="El asedio de Tessaly terminó el 2 de junio de 1999.", language="es"),
    ]
    settings = ClusterSettings()
    index = build_index(documents, settings)
    scores = score_pairs(index, np.array([[0, 1], [2, 3]]), settings)
    assert scores[0] == 0.0 and scores[1] > 0.0


def test_events_stray_joins_the_group_it_is_clearly_closest_to():
    from veracity.events.cluster import ClusterSettings, attach_strays

    labels = np.array([0, 0, 0, 3, 3, 3, 6])  # two groups and one article left alone
    pairs = np.array([[0, 6], [1, 6], [3, 6]])
    scores = np.array([0.2, 0.15, 0.05])
    moved = attach_strays(labels, pairs, scores, ClusterSettings())
    assert moved.tolist() == [0, 0, 0, 3, 3, 3, 0]
    tie = attach_strays(labels, pairs, np.array([0.1, 0.0, 0.1]), ClusterSettings())
    assert tie[6] == 6  # as close to both groups: left alone


def test_synth_events_share_city_and_month_in_a_large_corpus():
    corpus = generate_corpus(4000, seed=3)
    seen: dict[tuple[str, str], int] = {}
    for event in corpus.events():
        key = (event.truth["location.city"], event.truth["event.start_date"][:7])
        seen[key] = seen.get(key, 0) + 1
    assert max(seen.values()) >= 2  # several crises in one city within a month exist


def test_events_roundup_is_shown_in_both_events_with_the_reason():
    from veracity.extract import load_profile
    from veracity.pipeline import check_documents
    from veracity.report.text_report import render_text

    documents = _documents(HOTEL_SIEGE, MARKET_BOMB)
    documents.append(Document(id="roundup", text=ROUNDUP[1], language=ROUNDUP[0]))
    report = check_documents(documents, profile=load_profile("attack"), events="cluster")
    data = report.to_dict()
    entry = next(d for d in data["documents"] if d["id"] == "roundup")
    assert len(entry["events"]) == 2
    passing = [p for e in data["events"] for p in e.get("in_passing", [])]
    assert [p["document"] for p in passing] == ["roundup"]
    assert "roundup" in passing[0]["reason"] and entry["events"][0] in passing[0]["reason"]
    # documents in one event carry no list of events
    assert all("events" not in d for d in data["documents"] if d["id"] != "roundup")
    assert "in passing: roundup" in render_text(data)
