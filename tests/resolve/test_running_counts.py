"""Tolls that grow: with publication dates the latest figure of a running count outranks the
earlier ones, a lower bound is no rival, and the record keeps the count's history."""

from __future__ import annotations

import json

from veracity.codec import resolution_from_text, resolution_to_text
from veracity.model import Claim
from veracity.resolve.record import reconcile
from veracity.values import Count


def _claim(key: str, doc: str, value: Count, attribute: str = "deaths.total") -> Claim:
    return Claim(key, doc, attribute, value, "x", "x", 0, 1)


def _rising() -> list[Claim]:
    # two documents on the first day, one on each of the next two
    return [
        _claim("a", "a", Count.exact(39)),
        _claim("b", "b", Count.exact(39)),
        _claim("c", "c", Count.exact(59)),
        _claim("d", "d", Count.exact(71)),
    ]


DAYS = {"a": "2015-11-20", "b": "2015-11-20T18:30:00+01:00", "c": "2015-11-21", "d": "2015-11-22"}


def test_running_count_latest_figure_outranks_earlier_ones():
    outcome = reconcile("e", _rising(), ["a", "b", "c", "d"], {}, published=DAYS)
    deaths = outcome.record["deaths.total"]
    assert deaths.value == Count.exact(71)
    # the earlier figures are the count as it stood, not rivals, and not contradicted
    assert deaths.alternatives == ()
    assert {outcome.verdicts[k] for k in "abc"} == {"uncorroborated"}


def test_running_count_history_in_order_of_publication():
    outcome = reconcile("e", _rising(), ["a", "b", "c", "d"], {}, published=DAYS)
    history = outcome.record["deaths.total"].history
    assert [(h.value.low, h.documents) for h in history] == [
        (39, ("a",)),
        (39, ("b",)),
        (59, ("c",)),
        (71, ("d",)),
    ]
    assert [h.published for h in history] == [DAYS[k] for k in "abcd"]
    # and it survives the store's encoding
    res = outcome.record["deaths.total"]
    assert resolution_from_text("e", "deaths.total", resolution_to_text(res)) == res


def test_running_count_without_dates_is_a_plain_contest():
    # the same figures from undated documents: two say 39, and nothing says which came last
    outcome = reconcile("e", _rising(), ["a", "b", "c", "d"], {})
    deaths = outcome.record["deaths.total"]
    assert deaths.value == Count.exact(39)
    assert deaths.history == ()
    assert outcome.verdicts["d"] == "contradicted"


def test_running_count_later_smaller_figure_does_not_overtake():
    # a lower figure published later is a rival (a correction, or an error), not the new count
    claims = [
        _claim("a", "a", Count.exact(71)),
        _claim("b", "b", Count.exact(71)),
        _claim("c", "c", Count.exact(39)),
    ]
    days = {"a": "2015-11-20", "b": "2015-11-20", "c": "2015-11-22"}
    outcome = reconcile("e", claims, ["a", "b", "c"], {}, published=days)
    deaths = outcome.record["deaths.total"]
    assert deaths.value == Count.exact(71)
    assert [a.value for a in deaths.alternatives] == [Count.exact(39)]
    assert outcome.verdicts["c"] == "contradicted"


def test_running_count_at_least_is_no_rival_of_a_larger_figure():
    # "at least 39" from two documents and 71 from one: the bound backs 71, it does not oppose it
    claims = [
        _claim("a", "a", Count(39, None, "bound")),
        _claim("b", "b", Count(39, None, "bound")),
        _claim("c", "c", Count.exact(71)),
    ]
    outcome = reconcile("e", claims, ["a", "b", "c"], {})
    deaths = outcome.record["deaths.total"]
    assert deaths.value == Count.exact(71)
    assert deaths.alternatives == ()
    assert outcome.verdicts["a"] != "contradicted" and outcome.verdicts["b"] != "contradicted"
    assert set(deaths.supported_by) == {"a", "b", "c"}


def test_running_count_only_for_counts_that_grow():
    # hostages taken at the start do not grow: a later larger figure is a rival as before
    claims = [
        _claim("a", "a", Count.exact(39), "hostages.initial"),
        _claim("b", "b", Count.exact(39), "hostages.initial"),
        _claim("c", "c", Count.exact(71), "hostages.initial"),
    ]
    days = {"a": "2015-11-20", "b": "2015-11-20", "c": "2015-11-22"}
    outcome = reconcile("e", claims, ["a", "b", "c"], {}, published=days)
    assert outcome.record["hostages.initial"].value == Count.exact(39)
    assert outcome.record["hostages.initial"].history == ()


def test_running_count_history_in_the_json_report(tmp_path):
    import veracity

    feed = tmp_path / "feed.jsonl"
    texts = [
        ("a", "2015-11-20", "Gunmen stormed a hotel in Bamako on Friday. At least 19 people were killed, police said."),
        ("b", "2015-11-21", "Gunmen stormed a hotel in Bamako on Friday. The attack killed 20 people, officials said."),
        ("c", "2015-11-22", "Gunmen stormed a hotel in Bamako on Friday. The attack killed 22 people, officials said."),
    ]
    feed.write_text(
        "\n".join(json.dumps({"id": i, "text": t, "published": p}) for i, p, t in texts) + "\n"
    )
    checked = veracity.check([feed], events="one")
    report = checked.to_dict()
    record = report["events"][0]["record"]  # type: ignore[index]
    deaths = record["deaths.total"]
    assert deaths["value"] == 22
    assert [h["published"] for h in deaths["history"]] == ["2015-11-20", "2015-11-21", "2015-11-22"]
    assert [h["documents"] for h in deaths["history"]] == [["a"], ["b"], ["c"]]
    # and the text report shows it
    from veracity.report.text_report import render_text

    assert "as reported: ≥19 (2015-11-20) -> 20 (2015-11-21) -> 22 (2015-11-22)" in render_text(
        report
    )
