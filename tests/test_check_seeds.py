"""The user's own sample: five accounts of the Lima embassy crisis, two with planted errors."""

from __future__ import annotations

import pytest

from veracity.values import Count, DateValue, Name


def _doc(report, prefix: str) -> str:
    return next(d.id for d in report.documents if d.id.startswith(prefix))


def _record(report):
    return report.events[0].record


@pytest.mark.parametrize(
    ("attribute", "expected"),
    [
        ("event.start_date", "1996-12-17"),
        ("event.end_date", "1997-04-22"),
        ("event.duration_days", 126),
        ("location.city", "Lima"),
        ("location.country", "Peru"),
        ("perpetrator.count", 14),
        ("perpetrator.leader", "Néstor Cerpa Cartolini"),
        ("hostages.initial", 610),
        ("hostages.final", 72),
        ("deaths.hostages", 1),
        ("deaths.security", 2),
        ("deaths.perpetrators", 14),
        ("deaths.total", 17),
        ("injured.total", 8),
        ("operation.date", "1997-04-22"),
    ],
)
def test_check_seeds_record_is_right(seeds_report, attribute, expected):
    assert _record(seeds_report)[attribute].value.to_json() == expected


def test_check_seeds_group_site_and_operation_are_named(seeds_report):
    record = _record(seeds_report)
    group = record["perpetrator.group"].value
    assert (
        isinstance(group, Name) and "tupac amaru" in group.key()
    ) or "Túpac Amaru" in group.canonical
    assert "embassy" in record["location.site"].value.canonical.lower()
    assert "Chav" in record["operation.name"].value.canonical


def test_check_seeds_every_planted_error_is_contradicted(seeds_report):
    r = seeds_report
    d002, d003 = _doc(r, "002"), _doc(r, "003")
    wanted = {
        (d003, "event.start_date", "1997-12"),
        (d002, "hostages.initial", 72),
        (d003, "hostages.initial", 70),
        (d002, "deaths.hostages", 0),
        (d003, "deaths.perpetrators", 13),
    }
    found = {(c.document, c.attribute, _plain(c.value.to_json())) for c in r.claims}
    assert wanted <= found, wanted - found
    for claim in r.claims:
        if (claim.document, claim.attribute, _plain(claim.value.to_json())) in wanted:
            assert r.verdicts[claim.id] == "contradicted", claim


def _plain(value):
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


def test_check_seeds_finds_only_the_translation_pair(seeds_report):
    links = [(link.document[:3], link.of[:3], link.relation) for link in seeds_report.lineage]
    assert links == [("000", "001", "translation")]


def test_check_seeds_reliable_sources_outrank_the_careless_ones(seeds_report):
    rel = {k[:3]: v for k, v in seeds_report.reliability.items()}
    assert min(rel["001"], rel["004"]) > max(rel["002"], rel["003"])


def test_check_seeds_translation_does_not_corroborate_its_original(seeds_report):
    r = seeds_report
    d001 = _doc(r, "001")
    # only 001 and its Indonesian translation state the final hostage count
    final = [c for c in r.claims if c.document == d001 and c.attribute == "hostages.final"]
    assert final and all(r.verdicts[c.id] == "uncorroborated" for c in final)


def test_check_seeds_vote_cannot_decide_what_reliability_decides(shared, seeds_report):
    """One document, one vote: 'one hostage died' against 'all were rescued' is a tie; weighing
    each source by its record on the other facts breaks it the right way."""
    import veracity

    vote = veracity.check([shared / "seeds"], resolver="vote").events[0].record["deaths.hostages"]
    assert vote.alternatives and vote.confidence == vote.alternatives[0].confidence
    ours = seeds_report.events[0].record["deaths.hostages"]
    assert ours.value.to_json() == 1 and ours.confidence > ours.alternatives[0].confidence


def test_check_seeds_claims_keep_quote_and_offsets(seeds_report):
    texts = {d.id: d.text for d in seeds_report.documents}
    for claim in seeds_report.claims:
        assert texts[claim.document][claim.start : claim.end] == claim.text
        assert claim.text in claim.quote or claim.quote in texts[claim.document]


def test_check_seeds_facts_are_checked_against_each_other(seeds_report):
    checks = {c["check"]: c["result"] for c in seeds_report.events[0].checks}
    assert checks["end_date - start_date = duration_days"] == "consistent"
    assert checks["deaths.total = sum of categories"] == "consistent"


def test_values_month_agrees_with_a_day_inside_it():
    from veracity.values import compatibility

    assert compatibility(DateValue(1996, 12), DateValue(1996, 12, 17)) == 1.0
    assert compatibility(DateValue(1997, 12), DateValue(1996, 12, 17)) == 0.0
    assert compatibility(Count(200, 999, "vague"), Count.exact(610)) == 1.0
    assert compatibility(Count(200, 999, "vague"), Count.exact(72)) == 0.0


def test_check_mixed_events_are_told_apart(shared):
    """Seeds and the five dev events in one run: one event per folder, none merged or split."""
    import veracity

    folders = [
        shared / "seeds",
        *sorted(p for p in (shared / "data" / "events").iterdir() if p.is_dir()),
    ]
    files = [f for folder in folders for f in sorted(folder.glob("*.txt"))]
    report = veracity.check(files, events="cluster")
    found = sorted(sorted(e.documents) for e in report.events)
    expected = sorted(sorted(f.stem for f in folder.glob("*.txt")) for folder in folders)
    assert found == expected
    claim_events = {report.event_of_claim[c.id] for c in report.claims}
    assert claim_events == {e.id for e in report.events}
