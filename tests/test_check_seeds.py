"""The user's own sample: five accounts of the Lima embassy crisis, two with planted errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

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
    # stated in the report as well, not left undetermined
    assert seeds_report.to_dict()["events"][0]["record"][attribute]["value"] == expected


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


def test_check_seeds_attendee_named_by_one_careless_account_is_never_supported(seeds_report):
    # 002 alone puts a head of government at the reception; no other account names him, so the
    # claim is shown, from its source, and never counted as corroborated
    careless = _doc(seeds_report, "002")
    present = [
        c
        for c in seeds_report.claims
        if c.document == careless and c.attribute.startswith("other.present.")
    ]
    assert any("Minister" in str(c.value.to_json()) for c in present)
    verdicts = {seeds_report.verdicts[c.id] for c in present}
    assert verdicts <= {"uncorroborated", "contradicted"}


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
    """Seeds and every dev event in one run: pairwise F1 of the events at least 0.95."""
    from itertools import combinations

    import veracity

    folders = [
        shared / "seeds",
        *sorted(p for p in (shared / "data" / "events").iterdir() if p.is_dir()),
    ]
    files = [f for folder in folders for f in sorted(folder.glob("*.txt"))]
    report = veracity.check(files, events="cluster")
    # two folders may hold the same file name: the report tells them apart by the folder
    truth = {d.id: Path(d.path).parent.name for d in report.documents}

    def pairs(groups):
        return {frozenset(p) for g in groups for p in combinations(sorted(g), 2)}

    found = pairs(e.documents for e in report.events)
    gold = pairs([[d for d, g in truth.items() if g == name] for name in set(truth.values())])
    precision = len(found & gold) / len(found)
    recall = len(found & gold) / len(gold)
    assert 2 * precision * recall / (precision + recall) >= 0.95, (precision, recall)
    assert {report.event_of_claim[c.id] for c in report.claims} <= {e.id for e in report.events}


def test_check_one_documents_figures_hold_together():
    # "at least 40" and "some 45" (41-49) from one account back only 41-49 in the claim table
    from veracity.model import Claim
    from veracity.resolve.record import _narrowed_by_document

    def claim(k: str, doc: str, value: Count) -> Claim:
        return Claim(k, doc, "deaths.hostages", value, "", "", 0, 0)

    claims = [
        claim("a1", "a", Count(40, None, "bound")),
        claim("a2", "a", Count(41, 49, "approximate")),
        claim("b1", "b", Count.exact(60)),
    ]
    narrowed = _narrowed_by_document(claims)
    assert narrowed == {"a1": Count(41, 49, "approximate")}


_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def _article_sets() -> list[str]:
    """"seeds" and the name of every development event folder (none without ../shared)."""
    events = _SHARED / "data" / "events"
    if not (_SHARED / "seeds").is_dir() or not events.is_dir():
        return []
    return ["seeds", *sorted(p.name for p in events.iterdir() if p.is_dir())]


def _articles(shared: Path, name: str) -> list[Path]:
    folder = shared / "seeds" if name == "seeds" else shared / "data" / "events" / name
    return sorted(folder.glob("*.txt"))  # the articles, not the curators' notes beside them


def _feed(path: Path, files: list[Path], **extra: list[str]) -> Path:
    rows = [
        {"id": f.stem, "text": f.read_text(encoding="utf-8")}
        | {field: values[k] for field, values in extra.items()}
        for k, f in enumerate(files)
    ]
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    return path


def _events(report) -> list[dict]:
    return report.to_dict()["events"]


@pytest.mark.slow
@pytest.mark.parametrize("name", _article_sets())
def test_check_same_articles_as_folder_or_feed_give_the_same_events_and_record(
    shared, tmp_path, name
):
    """A folder is one event; a JSONL feed is clustered: one event too, with the same record."""
    import veracity

    files = _articles(shared, name)
    folder = tmp_path / name
    folder.mkdir()
    for f in files:
        shutil.copyfile(f, folder / f.name)
    as_folder = _events(veracity.check([folder]))
    as_feed = _events(veracity.check([_feed(tmp_path / "feed.jsonl", files)]))
    assert len(as_feed) == 1
    assert as_feed == as_folder


def test_check_seeds_in_any_form_are_one_event(shared, tmp_path):
    """Parquet, uploaded texts, and a feed that names publishers and days: one event of all
    five, the same record where nothing else differs."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    import veracity

    files = _articles(shared, "seeds")
    as_folder = _events(veracity.check([shared / "seeds"]))
    table = pa.Table.from_pylist(
        [{"id": f.stem, "text": f.read_text(encoding="utf-8")} for f in files]
    )
    pq.write_table(table, tmp_path / "seeds.parquet")
    assert _events(veracity.check([tmp_path / "seeds.parquet"])) == as_folder
    uploaded = veracity.check_texts([(f.stem, f.read_text(encoding="utf-8")) for f in files])
    assert [e["record"] for e in _events(uploaded)] == [e["record"] for e in as_folder]
    days = ["1996-12-18", "1997-04-23", "2016-12-17", "2021-04-22", "2022-11-09"]
    sources = ["Harian Ardi", "Lima Letters", "Siege Stories", "World Briefs", "Reference Desk"]
    for extra in ({"published": days}, {"published": days, "source": sources}):
        feed = _feed(tmp_path / "dated.jsonl", files, **extra)
        events = _events(veracity.check([feed]))
        assert [sorted(e["documents"]) for e in events] == [[f.stem for f in files]], extra
