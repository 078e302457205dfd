"""The models that weigh claims and calibrate the record: fitted honestly, language-neutral,
and an undetermined value shown as such."""

from __future__ import annotations

import json

import numpy as np
import pytest

from veracity.assess import claim_features
from veracity.assess.logistic import LogisticModel, fit
from veracity.assess.models import Models, calibrate_record, shipped_models
from veracity.extract import extract_claims, load_profile
from veracity.model import Alternative, Claim, Document, Resolution
from veracity.report.contract import Event, Report
from veracity.values import Count

# One invented sentence, written in five languages: a toll of 12 at a market.
MARKET_TOLL = {
    "en": "Gunmen stormed the market in Quendar on Monday and killed 12 people.",
    "es": "Unos pistoleros irrumpieron en el mercado de Quendar el lunes y mataron a 12 personas.",
    "fr": "Des hommes armés ont donné l'assaut au marché de Quendar lundi et ont tué 12 personnes.",
    "id": "Orang bersenjata menyerbu pasar di Quendar pada hari Senin dan menewaskan 12 orang.",
    "de": "Bewaffnete stürmten am Montag den Markt in Quendar und töteten 12 Menschen.",
}


def test_logistic_fit_finds_the_signal_and_survives_json():
    rng = np.random.default_rng(3)
    x = np.column_stack([np.ones(400), rng.normal(size=400), rng.normal(size=400)])
    y = x[:, 1] + 0.3 * rng.normal(size=400) > 0
    model = fit(("bias", "signal", "noise"), x, y)
    assert abs(model.weights[1]) > 5 * abs(model.weights[2])
    p = model.probability(np.array([[1.0, 2.0, 0.0], [1.0, -2.0, 0.0]]))
    assert p[0] > 0.95 and p[1] < 0.05
    again = LogisticModel.from_json(json.loads(json.dumps(model.to_json())))
    assert np.allclose(again.probability(x), model.probability(x), atol=1e-4)


def test_logistic_fit_probabilities_match_frequencies_on_its_data():
    rng = np.random.default_rng(5)
    x = np.column_stack([np.ones(2000), rng.uniform(-2, 2, size=2000)])
    y = rng.uniform(size=2000) < 1 / (1 + np.exp(-x[:, 1]))
    p = fit(("bias", "x"), x, y).probability(x)
    for low in (0.1, 0.3, 0.5, 0.7):
        band = (p >= low) & (p < low + 0.2)
        assert abs(y[band].mean() - p[band].mean()) < 0.06


@pytest.mark.parametrize("language", sorted(MARKET_TOLL))
def test_claim_features_read_the_same_cues_in_every_language(language):
    profile = load_profile("attack")
    names = claim_features.feature_names(profile)
    reference = _toll_row("en", profile)
    row = _toll_row(language, profile)
    cues = [k for k, n in enumerate(names) if n.startswith("cue.")]
    assert row[names.index("cue.death")] == 1.0
    assert np.array_equal(row[cues], reference[cues])


def _toll_row(language: str, profile) -> np.ndarray:
    document = Document(language, MARKET_TOLL[language], language)
    claims = [c for c in extract_claims(document, profile).claims if c.attribute == "deaths.total"]
    assert [c.value for c in claims] == [Count.exact(12)]
    return claim_features.claim_features(claims, [document], {}, profile)[0]


def test_shipped_models_are_there_and_speak_the_profile():
    models = shipped_models()
    assert models.claim is not None and models.record is not None
    profile = load_profile("attack")
    assert set(models.claim.features) <= set(claim_features.feature_names(profile))
    assert 0.0 < models.abstain_below < 1.0


def test_record_below_the_bar_is_undetermined_with_its_candidates():
    profile = load_profile("attack")
    doubtful = LogisticModel(("bias",), np.array([-3.0]), np.zeros(1), np.ones(1))
    models = Models(None, doubtful, 0.4)
    claims = [
        Claim("a1", "a", "deaths.total", Count.exact(12), "12", "12", 0, 2),
        Claim("b1", "b", "deaths.total", Count.exact(21), "21", "21", 0, 2),
    ]
    record = {
        "deaths.total": Resolution(
            "e1", "deaths.total", Count.exact(12), 0.6, "disputed", ("a",),
            (Alternative(Count.exact(21), 0.4, ("b",)),),
        )
    }
    verdicts = {"a1": "supported", "b1": "contradicted"}
    documents = [Document("a", "12", "en"), Document("b", "21", "en")]
    out = calibrate_record(record, claims, verdicts, {}, documents, profile, models)
    assert out["deaths.total"].status == "undetermined"
    assert out["deaths.total"].confidence == pytest.approx(1 / (1 + np.exp(3.0)), abs=1e-3)
    assert verdicts["b1"] == "uncorroborated"  # nothing is established to contradict it
    report = Report("attack", "default", documents, [], [Event("e1", "t", ["a", "b"], out)],
                    claims, verdicts, {"a1": "e1", "b1": "e1"}, {"a": 0.5, "b": 0.5})
    entry = report.to_dict()["events"][0]["record"]["deaths.total"]  # type: ignore[index]
    assert entry["value"] is None and entry["status"] == "undetermined"
    assert [a["value"] for a in entry["alternatives"]] == [12, 21]


def test_two_single_witnesses_that_disagree_leave_the_value_undetermined():
    from veracity.pipeline import check_documents

    reports = [
        # the two reports alike but for the figure: no wording makes one the likelier
        Document("a", "Armed men took 41 people hostage at the Corvanta Hotel in Mirelos on "
                 "3 March 2011.", "en"),
        Document("b", "Armed men took 63 people hostage at the Corvanta Hotel in Mirelos on "
                 "3 March 2011.", "en"),
    ]
    report = check_documents(reports, profile=load_profile("attack"))
    entry = report.to_dict()["events"][0]["record"]["hostages.initial"]  # type: ignore[index]
    assert entry["status"] == "undetermined" and entry["value"] is None
    assert sorted(a["value"] for a in entry["alternatives"]) == [41, 63]
    # what both agree on is stated
    record = report.to_dict()["events"][0]["record"]  # type: ignore[index]
    assert record["event.start_date"]["value"] == "2011-03-03"
    assert record["location.site"]["value"] == "Corvanta Hotel"


def _sure_record(value: int, rival: int):
    """A record of `value` whose rival the resolver weighed nearly as much (0.48 vs 0.52),
    calibrated by a model that is sure of every value (so only the tie rule can abstain)."""
    profile = load_profile("attack")
    sure = LogisticModel(("bias",), np.array([3.0]), np.zeros(1), np.ones(1))
    claims = [
        Claim("a1", "a", "hostages.initial", Count.exact(value), "", "", 0, 2),
        Claim("b1", "b", "hostages.initial", Count.exact(rival), "", "", 0, 2),
    ]
    record = {
        "hostages.initial": Resolution(
            "e1", "hostages.initial", Count.exact(value), 0.52, "disputed", ("a",),
            (Alternative(Count.exact(rival), 0.48, ("b",)),),
        )
    }
    documents = [Document("a", "", "en"), Document("b", "", "en")]
    out = calibrate_record(record, claims, {}, {}, documents, profile, Models(None, sure, 0.5))
    return out["hostages.initial"]


def test_a_rival_nearly_as_strong_is_a_tie_the_record_does_not_break():
    assert _sure_record(41, 63).status == "undetermined"


def test_a_large_figure_within_a_tenth_is_the_same_count_and_no_tie():
    res = _sure_record(227, 229)  # two reports of one plane's passengers
    assert res.status == "disputed" and res.value == Count.exact(227)
    assert res.confidence == pytest.approx(1 / (1 + np.exp(-3.0)), abs=1e-3)
    # the rival keeps the resolver's ratio, and value and rivals never exceed 1 together
    assert res.confidence + sum(a.confidence for a in res.alternatives) <= 1.0 + 1e-9
