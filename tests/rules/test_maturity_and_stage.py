"""Rules M1, M2 and S1: the maturity level and the stage."""

from __future__ import annotations

import pytest

from wizard.rules import Maturity, make_plan
from wizard.rules.maturity import assess_maturity
from wizard.rules.stage import stage_for

from .builders import answers


@pytest.mark.parametrize(
    ("pilots", "systems", "optimising", "level"),
    [
        (0, 0, False, 1),
        (0, 0, True, 1),
        (1, 0, False, 2),
        (5, 0, True, 2),
        (0, 1, False, 3),
        (4, 2, False, 3),
        (0, 1, True, 4),
        (3, 2, True, 4),
    ],
)
def test_m1_computes_the_level_from_the_evidence(
    pilots: int, systems: int, optimising: bool, level: int
) -> None:
    """M1: production with optimisation is 4, production 3, pilots 2, else 1."""
    assessment = assess_maturity(Maturity(pilots, systems, optimising))
    assert (assessment.level, assessment.computed_level) == (level, level)
    assert assessment.declared_level is None
    assert assessment.rules == ("M1",)
    assert not assessment.disagreement


@pytest.mark.parametrize(
    ("level", "name"),
    [(1, "Exploration"), (2, "Pilot"), (3, "Production"), (4, "Optimisation")],
)
def test_each_level_has_its_name(level: int, name: str) -> None:
    """The plan names the level it uses."""
    assert assess_maturity(Maturity(declared_level=level)).name == name  # type: ignore[arg-type]


def test_m2_a_declared_level_that_differs_is_used_and_noted() -> None:
    """M2: the declared level wins, both are reported, and the reasons say they differ."""
    assessment = assess_maturity(Maturity(working_pilots=0, declared_level=3))
    assert (assessment.level, assessment.computed_level, assessment.declared_level) == (3, 1, 3)
    assert assessment.rules == ("M1", "M2")
    assert assessment.disagreement
    assert "level 3 (Production)" in assessment.reasons[1]
    assert "level 1 (Exploration)" in assessment.reasons[1]
    assert "differs" in assessment.reasons[1]


def test_m2_a_declared_level_that_agrees_is_not_a_disagreement() -> None:
    """M2: declaring the computed level fires M2 but reports no disagreement."""
    assessment = assess_maturity(Maturity(working_pilots=1, declared_level=2))
    assert (assessment.level, assessment.computed_level) == (2, 2)
    assert assessment.rules == ("M1", "M2")
    assert not assessment.disagreement
    assert "agree" in assessment.reasons[1]


def test_optimising_without_production_is_explained() -> None:
    """The reasons say optimising at scale counts only with a system in production."""
    assessment = assess_maturity(Maturity(working_pilots=2, optimising_at_scale=True))
    assert assessment.level == 2
    assert "only once a system is in production" in assessment.reasons[0]


def test_plan_reports_m2_only_when_a_level_is_declared() -> None:
    """M2 is in the plan's rules exactly when `declared_level` is given."""
    assert "M2" not in make_plan(answers(level=None)).rules
    assert make_plan(answers(level=4)).rules[:3] == ("M1", "M2", "S1")


@pytest.mark.parametrize(
    ("headcount", "stage"),
    [
        (1, "startup"),
        (19, "startup"),
        (20, "growth"),
        (99, "growth"),
        (100, "enterprise"),
        (10_000_000, "enterprise"),
    ],
)
def test_s1_stage_bands_are_half_open(headcount: int, stage: str) -> None:
    """S1: startup below 20 people, growth from 20 to 99, enterprise from 100."""
    assert stage_for(headcount) == stage
    plan = make_plan(answers(headcount=headcount))
    assert plan.stage == stage
    assert "S1" in plan.rules


def test_stage_reason_names_the_headcount_with_separators() -> None:
    """The stage reason gives the headcount formatted for people."""
    plan = make_plan(answers(headcount=1_500))
    assert any("1,500 people" in reason and "enterprise" in reason for reason in plan.reasons)
