"""Rules D1 to D4: the decision tree shown as a cross-check."""

from __future__ import annotations

import pytest

from wizard.rules import Priorities, make_plan, plan_to_dict

from .builders import GROWTH, STARTUP, answers, path


@pytest.mark.parametrize(
    ("paths", "d1"),
    [
        pytest.param((), False, id="no-paths"),
        pytest.param((path(labelled_examples=10),), False, id="foundation-model-only"),
        pytest.param((path(labelled_examples=10), path("B")), True, id="one-custom-ml"),
    ],
)
def test_d1_is_yes_when_any_path_justifies_custom_ml(paths: tuple[object, ...], d1: bool) -> None:
    """D1: a predictive task where a 2-3 % gain pays off means justified >= 1."""
    plan = make_plan(answers(GROWTH, 3, paths))  # type: ignore[arg-type]
    assert plan.decision_tree.d1_gain_pays_off is d1


@pytest.mark.parametrize(
    ("ship", "integrate", "d2"),
    [(False, False, False), (True, False, True), (False, True, True), (True, True, True)],
)
def test_d2_is_yes_when_either_priority_is_set(ship: bool, integrate: bool, d2: bool) -> None:
    """D2: shipping quickly or integrating existing systems."""
    plan = make_plan(answers(priorities=Priorities(ship, integrate)))
    assert plan.decision_tree.d2_integrate_and_ship is d2


@pytest.mark.parametrize(
    ("kinds", "d3"),
    [((), False), (("predictive", "generative", "vision_audio"), False), (("agentic",), True)],
)
def test_d3_is_yes_when_any_path_is_agentic(kinds: tuple[str, ...], d3: bool) -> None:
    """D3: agentic or multi-step workflows."""
    paths = tuple(path(f"Path {index}", kind=kind) for index, kind in enumerate(kinds))
    assert make_plan(answers(paths=paths)).decision_tree.d3_agentic is d3


@pytest.mark.parametrize(
    ("headcount", "labelled", "d4"),
    [
        (STARTUP, 50_000, False),
        (19, 10_000, False),
        (20, 10_000, True),
        (GROWTH, 9_999, False),
        (GROWTH, 10_000, True),
    ],
)
def test_d4_is_yes_with_enough_data_beyond_the_startup_stage(
    headcount: int, labelled: int, d4: bool
) -> None:
    """D4: some path has 10,000 labelled examples and the stage is not startup."""
    plan = make_plan(answers(headcount, paths=(path(labelled_examples=labelled),)))
    assert plan.decision_tree.d4_resources_for_custom_ml is d4


def test_d4_ignores_the_verdict() -> None:
    """D4 counts labelled examples even on a path whose verdict is a foundation model."""
    plan = make_plan(answers(GROWTH, paths=(path(annual_impact=0),)))
    assert plan.paths[0].verdict == "foundation_model"
    assert plan.decision_tree.d4_resources_for_custom_ml


@pytest.mark.parametrize(
    ("headcount", "paths", "answer"),
    [
        (GROWTH, (path(),), "an AI engineer first, then an ML engineer"),
        (STARTUP, (path(),), "an AI engineer first"),
        (GROWTH, (path(annual_impact=0),), "an AI engineer first"),
    ],
)
def test_tree_adds_an_ml_engineer_only_when_d1_and_d4(
    headcount: int, paths: tuple[object, ...], answer: str
) -> None:
    """The tree always starts with an AI engineer; then ML only when D1 and D4 hold."""
    plan = make_plan(answers(headcount, paths=paths))  # type: ignore[arg-type]
    assert plan.decision_tree.answer == answer
    assert plan.reasons[-1].endswith(f"hire {answer}.")


def test_d_rules_are_in_the_tree_not_in_the_rules_list() -> None:
    """D rules are reported under decision_tree with keys D1 to D4, not in `rules`."""
    payload = plan_to_dict(make_plan(answers(paths=(path(),))))
    assert list(payload["decision_tree"]) == ["D1", "D2", "D3", "D4"]
    assert not any(rule.startswith("D") for rule in payload["rules"])
