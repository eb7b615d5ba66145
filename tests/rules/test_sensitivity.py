"""Rules F1 to F3: what would change the plan, checked against the rules run again."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings

from wizard.rules import Answers, Organisation, Team, make_plan
from wizard.rules.economics import assess_path

from .builders import ENTERPRISE, GROWTH, STARTUP, answers, justified_paths, path
from .strategies import answers as any_answers

PROPERTIES = settings(max_examples=150, deadline=None)
# path(): 250,000 a year, 4 months to build at 200,000: build 66,666.67, upkeep 26,666.67,
# 2.67 years in use, so break-even B = 51,666.67 and the V3 line T = 76,666.67.
B, T = 51_666.67, 76_666.67


def changes(plan_answers: Answers) -> list[tuple[str, int]]:
    sensitivity = make_plan(plan_answers).sensitivity
    assert sensitivity is not None
    return [(change.change, change.to) for change in sensitivity.plan]


@pytest.mark.parametrize(
    ("plan_answers", "expected"),
    [
        pytest.param(answers(STARTUP, 2), [("headcount", 20)], id="startup-looks-up-only"),
        pytest.param(
            answers(GROWTH, 2, (path(),)),
            [("headcount", 100), ("headcount", 19), ("declared_level", 3)],
            id="framework-example",
        ),
        pytest.param(answers(ENTERPRISE, 4), [("headcount", 99)], id="enterprise-looks-down"),
        pytest.param(answers(GROWTH, 2), [("headcount", 100), ("headcount", 19)], id="no-paths"),
        pytest.param(
            answers(GROWTH, 3, justified_paths(2)),
            [("headcount", 100), ("headcount", 19)],
            id="level-4-changes-nothing-at-growth",
        ),
        pytest.param(
            answers(ENTERPRISE, 3, justified_paths(2)),
            [("headcount", 99), ("declared_level", 4)],
            id="level-4-lifts-the-level-cap",
        ),
        pytest.param(
            answers(GROWTH, 1, justified_paths(1)),
            [("headcount", 100), ("headcount", 19)],
            id="same-team-and-same-trigger-at-level-2",
        ),
        pytest.param(
            answers(STARTUP, 1, justified_paths(1)),
            [("headcount", 20)],
            id="startup-cap-holds-at-any-level",
        ),
    ],
)
def test_plan_changes_f1_and_f2(plan_answers: Answers, expected: list[tuple[str, int]]) -> None:
    """F1 looks one stage either way, F2 one level up; listed only when the plan changes."""
    assert changes(plan_answers) == expected


def test_framework_example_changes_carry_the_other_team() -> None:
    plan = make_plan(answers(GROWTH, 2, (path(),)))
    assert plan.sensitivity is not None
    up, down, level = plan.sensitivity.plan
    assert up.team == Team(8, 1, 0, 0, 0) and up.deferred is None
    assert down.team == Team(1, 1, 0, 0, 0) and down.deferred is None
    assert level.team == Team(3, 1, 1, 0, 0) and level.deferred == ()
    assert plan.rules[-3:] == ("F1", "F2", "F3")
    text = " ".join(plan.reasons)
    assert (
        "At 100 people, 40 more than today, the enterprise stage applies and the team would "
        "be 8 AI engineers (1 of them applied)." in text
    )
    assert "At 19 people, 41 fewer than today, the startup stage applies" in text
    assert "At level 3 (Production), one level higher, the team would be 3 AI engineers" in text


def test_level_4_has_no_f2() -> None:
    plan = make_plan(answers(ENTERPRISE, 4, justified_paths(5)))
    assert "F2" not in plan.rules
    assert plan.sensitivity is not None
    assert all(change.change == "headcount" for change in plan.sensitivity.plan)


@pytest.mark.parametrize(
    ("the_path", "flip"),
    [
        pytest.param(path(), ("annual_impact", B, "foundation_model"), id="v4-below-break-even"),
        pytest.param(
            path(foundation_model_adequate="yes"),
            ("annual_impact", T, "foundation_model"),
            id="v4-below-the-v3-line",
        ),
        pytest.param(
            path(foundation_model_adequate="yes", needs_explainability=True),
            ("annual_impact", B, "foundation_model"),
            id="v4-explained-so-no-v3",
        ),
        pytest.param(
            path(annual_impact=40_000), ("annual_impact", B, "custom_ml"), id="v2-above-break-even"
        ),
        pytest.param(
            path(annual_impact=60_000, foundation_model_adequate="yes"),
            ("annual_impact", T, "custom_ml"),
            id="v3-above-the-v3-line",
        ),
        pytest.param(
            path(labelled_examples=500, foundation_model_adequate="no"),
            ("labelled_examples", 10_000, "custom_ml"),
            id="v1-gather-data-becomes-custom",
        ),
        pytest.param(
            path(labelled_examples=500, annual_impact=0, foundation_model_adequate="no"),
            ("labelled_examples", 10_000, "foundation_model"),
            id="v1-gather-data-becomes-foundation",
        ),
        pytest.param(
            path(labelled_examples=9_999), ("labelled_examples", 10_000, "custom_ml"), id="v1-fm"
        ),
        pytest.param(path(labelled_examples=0, annual_impact=0), None, id="v1-stays-fm"),
        pytest.param(path(months_to_build=36), None, id="no-years-in-use"),
    ],
)
def test_path_flips_f3(the_path: object, flip: tuple[str, float, str] | None) -> None:
    """F3: the nearest answer at which one path's verdict turns, or nothing."""
    plan = make_plan(answers(GROWTH, 2, (the_path,)))  # type: ignore[arg-type]
    assert plan.sensitivity is not None
    flips = plan.sensitivity.paths
    if flip is None:
        assert flips == ()
        assert "F3" not in plan.rules
        return
    (found,) = flips
    assert (found.name, found.field, found.verdict) == ("Churn prediction", flip[0], flip[2])
    assert found.at == pytest.approx(flip[1], abs=0.01)
    assert "F3" in plan.rules


def test_flip_reasons_are_plain_words_with_the_number() -> None:
    plan = make_plan(
        answers(
            GROWTH,
            2,
            (
                path(),
                path("Invoices", annual_impact=40_000),
                path("Photos", labelled_examples=500, foundation_model_adequate="no"),
            ),
        )
    )
    text = " ".join(plan.reasons)
    assert (
        "\u2018Churn prediction\u2019: below an annual impact of 51,666.67, a foundation model "
        "is the better choice." in text
    )
    assert (
        "\u2018Invoices\u2019: above an annual impact of 51,666.67, a custom model would pay "
        "its way." in text
    )
    assert (
        "\u2018Photos\u2019: with 10,000 labelled examples, the verdict would be a custom model."
        in text
    )


# Hypothesis: every change listed is what the rules give when run again.


@PROPERTIES
@given(any_answers(max_paths=6))
def test_plan_changes_are_the_plan_run_again(answers: Answers) -> None:
    plan = make_plan(answers)
    assert plan.sensitivity is not None
    for change in plan.sensitivity.plan:
        if change.change == "headcount":
            changed = dataclasses.replace(answers, organisation=Organisation(change.to))
        else:
            maturity = dataclasses.replace(answers.maturity, declared_level=change.to)
            changed = dataclasses.replace(answers, maturity=maturity)
        again = make_plan(changed)
        assert again.team == change.team
        assert again.team != plan.team or again.deferred != plan.deferred
        if change.deferred is not None:
            assert again.deferred == change.deferred
    headcounts = [c.to for c in plan.sensitivity.plan if c.change == "headcount"]
    expected = {"startup": [20], "growth": [100, 19], "enterprise": [99]}[plan.stage]
    assert headcounts == expected  # every neighbouring stage has another AI band


@PROPERTIES
@given(any_answers(max_paths=6))
def test_path_flips_turn_the_verdict_just_past_the_line(answers: Answers) -> None:
    plan = make_plan(answers)
    assert plan.sensitivity is not None
    by_name = {path.name: path for path in answers.critical_paths}
    current = {result.name: result.verdict for result in plan.paths}
    for flip in plan.sensitivity.paths:
        assert flip.verdict != current[flip.name]
        the_path = by_name[flip.name]
        if flip.field == "labelled_examples":
            moved = dataclasses.replace(the_path, labelled_examples=int(flip.at))
        else:
            nudge = max(abs(flip.at) * 1e-9, 1e-6)
            past = flip.at + nudge if flip.verdict == "custom_ml" else flip.at - nudge
            if not 0 <= past <= 10**12:
                continue
            moved = dataclasses.replace(the_path, annual_impact=past)
        assert assess_path(moved, answers.assumptions).verdict == flip.verdict
