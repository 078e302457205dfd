"""`agreed` means a second source states the value: a bound that only fails to contradict it
is no second witness. Sentences are written for these tests."""

from __future__ import annotations

import pytest

import veracity
from veracity.model import Claim
from veracity.resolve.record import reconcile
from veracity.values import Count

# (language, a loose or tight bound, the figure): the same attack told by two articles
_STORIES = {
    "en": ("On 3 May 2001 gunmen attacked the town. At least {n} gunmen were killed.",
           "On 3 May 2001 gunmen attacked the town. The army said 95 gunmen were killed."),
    "fr": ("Le 3 mai 2001, des hommes armés ont attaqué la ville. Au moins {n} assaillants "
           "ont été tués.",
           "Le 3 mai 2001, des hommes armés ont attaqué la ville. L'armée a indiqué que 95 "
           "assaillants ont été tués."),
    "de": ("Am 3. Mai 2001 griffen Bewaffnete die Stadt an. Mindestens {n} Angreifer wurden "
           "getötet.",
           "Am 3. Mai 2001 griffen Bewaffnete die Stadt an. Die Armee sagte, 95 Angreifer seien "
           "getötet worden."),
    "es": ("El 3 de mayo de 2001 hombres armados atacaron el pueblo. Al menos {n} atacantes "
           "murieron.",
           "El 3 de mayo de 2001 hombres armados atacaron el pueblo. El ejército dijo que 95 "
           "atacantes murieron."),
}


# "at least 40" says nothing of 95; "at least 90" nearly pins it down
@pytest.mark.parametrize(("bound", "status"), [(40, "single-source"), (90, "agreed")])
@pytest.mark.parametrize("language", sorted(_STORIES))
def test_agreement_only_a_bound_that_pins_the_figure_down_is_a_second_witness(
    language, bound, status
):
    told_as_bound, told_as_figure = _STORIES[language]
    report = veracity.check_texts([("a", told_as_bound.format(n=bound)), ("b", told_as_figure)])
    dead = report.events[0].record["deaths.perpetrators"]
    assert dead.value == Count.exact(95)
    assert dead.status == status


def _claim(doc: str, value: Count) -> Claim:
    return Claim(f"{doc}-1", doc, "perpetrator.count", value, "x", "x", 0, 1)


def test_agreement_a_narrow_range_witnesses_the_figure_at_its_end():
    claims = [_claim("a", Count(40, 50, "approximate")), _claim("b", Count.exact(40))]
    record = reconcile("e", claims, ["a", "b"], {}).record
    assert record["perpetrator.count"].status == "agreed"


def test_agreement_a_wide_range_is_no_witness_of_a_figure_inside_it():
    claims = [_claim("a", Count(200, 999, "vague")), _claim("b", Count.exact(300))]
    record = reconcile("e", claims, ["a", "b"], {}).record
    assert record["perpetrator.count"].status == "single-source"
