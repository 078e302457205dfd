"""Publisher reliability across events: a publisher that errs on many events counts less
everywhere, including on an event where it is one of only two witnesses."""

from __future__ import annotations

import pytest

from veracity.assess.models import Models
from veracity.model import Document
from veracity.pipeline import _profile, check_documents

SITES = ["Harbour Hotel", "Central Bank", "Grand Theatre", "Royal School", "North Station",
         "City Museum", "Union Bank", "Palace Hotel", "Metro Theatre", "Lake School",
         "River Station", "Old Museum"]
CITIES = ["Velmora", "Castrino", "Bellhaven", "Dunmere", "Ostravik", "Marlowe", "Quenton",
          "Sarnova", "Tulberg", "Wexhall", "Yarrowby", "Zelmont"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
GOOD = ["Morning Ledger", "Evening Courier", "Daily Beacon"]
BAD = "Rumour Weekly"


# each publisher words its reports its own way and in its own order of facts, so that no
# article looks like a copy or a close rewrite of another
STYLES = {
    GOOD[0]: "Gunmen stormed the {site} in {city} on {date} and took {n} people hostage. "
             "Police said {d} hostages were killed before the siege ended.",
    GOOD[1]: "{d} hostages died, police in {city} confirmed on Tuesday. Armed men had held "
             "{n} people hostage inside the {site} since {date}.",
    GOOD[2]: "On {date}, attackers entered a building. They held {n} hostages; by the end "
             "{d} of the hostages had been killed. The {site} of {city} stays closed.",
    BAD: "A witness claimed that at least {d} hostages were killed in {city}. Sources say "
         "{n} people were taken hostage on {date} when a gang occupied the {site}.",
}


def _article(doc_id: str, source: str, k: int, hostages: int, killed: int) -> Document:
    date = f"{3 + k} {MONTHS[k % 12]} {1990 + k}"
    body = STYLES[source].format(site=SITES[k], city=CITIES[k], date=date, n=hostages, d=killed)
    text = f"Hostage siege\n\n{body}"
    return Document(id=doc_id, text=text, language="en", title=text.split("\n")[0],
                    source=source)


def _corpus(named: bool) -> list[Document]:
    docs = []
    # eleven events every publisher reports; the bad one gets the counts wrong each time
    for k in range(11):
        truth, killed = 40 + 7 * k, 2 + k
        for g, name in enumerate(GOOD):
            docs.append(_article(f"e{k}-g{g}", name, k, truth, killed))
        docs.append(_article(f"e{k}-bad", BAD, k, truth + 30, killed + 5))
    # one event only a good publisher and the bad one report: they disagree
    docs.append(_article("probe-good", GOOD[0], 11, 85, 6))
    docs.append(_article("probe-bad", BAD, 11, 120, 9))
    if not named:
        docs = [Document(d.id, d.text, d.language, title=d.title) for d in docs]
    return docs


def _probe_record(named: bool, models: Models | None = None):
    report = check_documents(
        _corpus(named), profile=_profile("attack"), events="cluster", models=models
    )
    probe = [e for e in report.events if "probe-good" in e.documents]
    assert len(probe) == 1 and set(probe[0].documents) == {"probe-good", "probe-bad"}
    return report, probe[0].record


def test_engine_publishers_bad_publisher_loses_weight_everywhere():
    report, record = _probe_record(named=True)
    # learnt on the other events: the bad publisher is the least reliable
    assert report.sources[BAD] < min(report.sources[g] for g in GOOD) - 0.1
    # one witness against one, yet the value of the publisher that proved itself wins clearly
    for attribute, right in (("hostages.initial", 85), ("deaths.hostages", 6)):
        resolution = record[attribute]
        assert resolution.value.to_json() == right
        assert resolution.confidence > 1.3 * resolution.alternatives[0].confidence
    # an article is weighed as its publisher
    assert report.reliability["probe-bad"] == pytest.approx(report.sources[BAD])
    data = report.to_dict()
    rows = {s["source"]: s for s in data["sources"]}
    assert rows[BAD]["documents"] == 12 and rows[GOOD[0]]["documents"] == 12
    assert rows[BAD]["reliability"] == round(report.sources[BAD], 3)


def test_engine_publishers_without_names_each_event_stands_alone():
    # the two articles are worded differently, which extraction confidence may weigh; without
    # it, only publishers could tell them apart, and none is named
    report, record = _probe_record(named=False, models=Models.none())
    # one witness against one: nothing tells them apart inside the event
    resolution = record["hostages.initial"]
    assert resolution.status == "disputed"
    assert resolution.confidence == resolution.alternatives[0].confidence
    assert report.sources == {} and report.to_dict()["sources"] == []
