"""Rules T1 to T6: the team to hire now, deferred hires and the hiring order."""

from __future__ import annotations

from typing import Any

import pytest

from wizard.rules import make_plan
from wizard.rules.team import ai_engineer_count, infra_counts

from .builders import ENTERPRISE, GROWTH, STARTUP, answers, justified_paths, path


@pytest.mark.parametrize(
    ("headcount", "level", "justified", "ml", "trigger"),
    [
        pytest.param(STARTUP, 4, 2, 0, "reach 20 people", id="startup-stage-cap-smaller"),
        pytest.param(STARTUP, 1, 1, 0, "reach 20 people", id="startup-caps-equal-at-0"),
        pytest.param(GROWTH, 1, 1, 0, "reach production (level 3)", id="growth-level-1"),
        pytest.param(GROWTH, 2, 1, 0, "reach production (level 3)", id="growth-level-2"),
        pytest.param(GROWTH, 3, 2, 1, "reach 100 people", id="growth-caps-equal-at-1"),
        pytest.param(GROWTH, 4, 3, 1, "reach 100 people", id="growth-stage-cap-smaller"),
        pytest.param(ENTERPRISE, 2, 1, 0, "reach production (level 3)", id="enterprise-level-2"),
        pytest.param(
            ENTERPRISE, 3, 2, 1, "reach optimisation (level 4)", id="enterprise-level-cap-smaller"
        ),
        pytest.param(
            ENTERPRISE, 4, 5, 3, "queue behind higher-value paths", id="enterprise-caps-equal-at-3"
        ),
    ],
)
def test_ml_engineers_are_capped_and_the_rest_deferred_with_the_binding_trigger(
    headcount: int, level: int, justified: int, ml: int, trigger: str
) -> None:
    """T1 and T5: ML = min(justified, caps); each other path waits with one trigger."""
    plan = make_plan(answers(headcount, level, justified_paths(justified)))  # type: ignore[arg-type]
    assert plan.team.ml_engineers == ml
    assert [hire.trigger for hire in plan.deferred] == [trigger] * (justified - ml)
    assert {hire.role for hire in plan.deferred} == {"ml_engineer"}
    assert "T5" in plan.rules


def test_every_justified_path_is_staffed_when_the_caps_allow() -> None:
    """T1: two justified paths at enterprise level 4 give two ML engineers and no deferral."""
    plan = make_plan(answers(ENTERPRISE, 4, justified_paths(2)))
    assert plan.team.ml_engineers == 2
    assert plan.deferred == ()


def test_no_justified_path_means_no_ml_engineer_and_no_t5() -> None:
    """T1 gives 0 ML engineers, and T5 does not fire, when nothing is custom ML."""
    plan = make_plan(answers(ENTERPRISE, 4, (path(labelled_examples=10),)))
    assert plan.team.ml_engineers == 0
    assert plan.deferred == ()
    assert "T5" not in plan.rules


def test_justified_paths_are_ranked_by_net_value_and_ties_keep_input_order() -> None:
    """T5: the highest net value is staffed first; equal net values stay in input order."""
    paths = (
        path("A", annual_impact=300_000),
        path("B", annual_impact=500_000),
        path("C", annual_impact=300_000),
        path("D", annual_impact=500_000),
        path("E", labelled_examples=10),
    )
    plan = make_plan(answers(ENTERPRISE, 3, paths))
    assert plan.team.ml_engineers == 1
    assert [hire.path for hire in plan.deferred] == ["D", "A", "C"]
    assert any("\u2018B\u2019 is staffed now" in reason for reason in plan.reasons)


@pytest.mark.parametrize(
    ("stage", "paths", "ml", "ai"),
    [
        ("startup", 0, 0, 1),
        ("startup", 2, 0, 2),
        ("startup", 5, 0, 2),
        ("growth", 0, 0, 3),
        ("growth", 4, 0, 4),
        ("growth", 9, 0, 5),
        ("growth", 0, 1, 3),
        ("enterprise", 0, 0, 8),
        ("enterprise", 10, 0, 10),
        ("enterprise", 20, 0, 12),
        ("enterprise", 0, 3, 9),
        ("enterprise", 11, 3, 11),
    ],
)
def test_ai_engineers_cover_paths_and_the_ratio_within_the_stage_band(
    stage: str, paths: int, ml: int, ai: int
) -> None:
    """T2: clamp(max(low, paths, 3 x ML), low, high) with the stage's band."""
    assert ai_engineer_count(stage, paths, ml) == ai  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("stage", "level", "ai", "ml", "infra"),
    [
        ("enterprise", 3, 9, 0, (1, 0)),
        ("enterprise", 3, 10, 0, (2, 0)),
        ("enterprise", 4, 9, 1, (1, 1)),
        ("enterprise", 4, 9, 2, (1, 1)),
        ("enterprise", 4, 9, 3, (1, 2)),
        ("enterprise", 4, 12, 3, (2, 2)),
        ("enterprise", 2, 12, 0, (0, 0)),
        ("growth", 4, 5, 1, (0, 0)),
        ("startup", 4, 2, 0, (0, 0)),
    ],
)
def test_infrastructure_only_at_enterprise_scale_in_production(
    stage: str, level: int, ai: int, ml: int, infra: tuple[int, int]
) -> None:
    """T3: (AI-infra, ML-infra) is (0, 0) unless enterprise and level 3 or more."""
    assert infra_counts(stage, level, ai, ml) == infra  # type: ignore[arg-type]


def test_ten_paths_at_enterprise_give_ten_ai_engineers_and_two_ai_infra() -> None:
    """T2 and T3 through the plan: 10 paths lift AI to 10, which needs 2 AI-infra engineers."""
    paths = tuple(path(f"Path {index}", labelled_examples=10) for index in range(10))
    plan = make_plan(answers(ENTERPRISE, 3, paths))
    assert (plan.team.ai_engineers, plan.team.ai_infra_engineers) == (10, 2)
    assert plan.team.ml_infra_engineers == 0
    assert "T3" in plan.rules


def test_no_infrastructure_means_no_t3() -> None:
    """T3 is not reported when both infrastructure counts are 0."""
    plan = make_plan(answers(ENTERPRISE, 2, justified_paths(2)))
    assert (plan.team.ai_infra_engineers, plan.team.ml_infra_engineers) == (0, 0)
    assert "T3" not in plan.rules


@pytest.mark.parametrize(
    ("fields", "applied"),
    [
        pytest.param({}, 1, id="custom-ml"),
        pytest.param({"labelled_examples": 10, "foundation_model_adequate": "no"}, 1, id="gather"),
        pytest.param({"labelled_examples": 10}, 0, id="foundation-model-only"),
    ],
)
def test_an_applied_ai_engineer_when_a_path_needs_judgement(
    fields: dict[str, Any], applied: int
) -> None:
    """T4: one applied AI engineer, inside the AI count, for custom ML or data gathering."""
    plan = make_plan(answers(GROWTH, 2, (path(**fields),)))
    assert plan.team.applied_ai_engineers == applied
    assert plan.team.ai_engineers == 3
    assert ("T4" in plan.rules) == bool(applied)
    assert plan.hiring_order.count("applied_ai_engineer") == applied


def test_hiring_order_runs_applied_then_ai_then_ml_then_infrastructure() -> None:
    """T6: applied AI engineer, AI engineers, ML engineers, AI infra, then ML infra."""
    plan = make_plan(answers(ENTERPRISE, 4, justified_paths(3)))
    assert plan.hiring_order == (
        "applied_ai_engineer",
        *["ai_engineer"] * 8,
        *["ml_engineer"] * 3,
        "ai_infra_engineer",
        *["ml_infra_engineer"] * 2,
    )


def test_deferred_hires_are_not_in_the_hiring_order() -> None:
    """T6: deferred ML hires wait; they are listed in `deferred` only."""
    plan = make_plan(answers(STARTUP, 4, justified_paths(2)))
    assert plan.hiring_order == ("applied_ai_engineer", "ai_engineer")
    assert len(plan.deferred) == 2


@pytest.mark.parametrize(
    ("headcount", "level", "needle"),
    [
        (STARTUP, 4, "Reaching 20 people"),
        (GROWTH, 4, "Reaching 100 people"),
        (GROWTH, 2, "Reaching production (level 3)"),
        (ENTERPRISE, 3, "Reaching optimisation (level 4)"),
        (ENTERPRISE, 4, "queue behind higher-value ones"),
    ],
)
def test_team_reasons_say_which_cap_held_ml_back_and_what_lifts_it(
    headcount: int, level: int, needle: str
) -> None:
    """The reasons name the binding cap and what would lift it."""
    plan = make_plan(answers(headcount, level, justified_paths(5)))  # type: ignore[arg-type]
    assert any(needle in reason for reason in plan.reasons)


def test_team_reasons_explain_ai_count_and_infrastructure() -> None:
    """The reasons give the stage's AI band, the path count and the infra counts."""
    plan = make_plan(answers(ENTERPRISE, 4, justified_paths(3)))
    text = " ".join(plan.reasons)
    assert "Hire 9 AI engineers: the enterprise stage calls for 8 to 12" in text
    assert "1 AI infrastructure engineer" in text
    assert "2 ML infrastructure engineers" in text
    assert "applied AI engineer" in text


@pytest.mark.parametrize(
    ("paths", "rules"),
    [
        pytest.param((), ("M1", "S1", "T1", "T2", "T6"), id="no-paths"),
        pytest.param(
            (
                path("custom"),
                path(
                    "thin",
                    annual_impact=143_999,
                    foundation_model_adequate="yes",
                    months_to_build=12,
                    maintenance="low",
                ),
                path("loss", annual_impact=0),
                path("few", labelled_examples=1),
            ),
            ("M1", "S1", "V1", "V2", "V3", "V4", "T1", "T2", "T4", "T5", "T6"),
            id="every-verdict-rule",
        ),
    ],
)
def test_plan_rules_list_what_fired_in_framework_order(
    paths: tuple[object, ...], rules: tuple[str, ...]
) -> None:
    """The plan's rules are in the order M, S, V, T, each once, only if they fired.

    The C, Q and F rules of 2026.2 follow them (tests/rules/test_roadmap.py).
    """
    plan = make_plan(answers(GROWTH, None, paths, assumptions=None))  # type: ignore[arg-type]
    assert tuple(rule for rule in plan.rules if rule[0] in "MSVT") == rules
    assert plan.rules[: len(rules)] == rules
