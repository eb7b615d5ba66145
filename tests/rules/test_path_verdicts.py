"""Path economics and rules V1 to V4."""

from __future__ import annotations

import math
from typing import Any

import pytest

from wizard.rules import Assumptions, make_plan, plan_to_dict
from wizard.rules.economics import assess_path, path_economics
from wizard.rules.money import format_money, money_for_json, round_money

from .builders import answers, path

# With these, a 12-month, low-maintenance path costs exactly 120,000 to build
# and 24,000 a year to keep up, and is in use for exactly 2 years: every
# figure below is exact in floating point.
EXACT = Assumptions(ml_engineer_annual_cost=120_000, horizon_years=3)
EXACT_PATH: dict[str, Any] = {"months_to_build": 12, "maintenance": "low"}


def test_economics_follow_the_framework_formulas() -> None:
    """Build cost, maintenance, years in use, net value and break-even, unrounded."""
    economics = path_economics(path(), Assumptions())
    assert economics.build_cost == pytest.approx(200_000 * 4 / 12)
    assert economics.yearly_maintenance == pytest.approx(0.4 * 200_000 * 4 / 12)
    assert economics.years_in_use == pytest.approx(3 - 4 / 12)
    assert economics.net_value == pytest.approx(528_888.888_888, rel=1e-9)
    assert economics.break_even_annual_impact == pytest.approx(51_666.666_666, rel=1e-9)


def test_exact_figures_really_are_exact() -> None:
    """The exact fixture gives whole figures, so the boundary tests below are sound."""
    economics = path_economics(path(**EXACT_PATH, annual_impact=84_000), EXACT)
    assert (economics.build_cost, economics.yearly_maintenance) == (120_000.0, 24_000.0)
    assert (economics.years_in_use, economics.break_even_annual_impact) == (2.0, 84_000.0)
    assert economics.net_value == 0.0


@pytest.mark.parametrize(
    ("fields", "verdict", "rule"),
    [
        pytest.param({"labelled_examples": 9_999}, "foundation_model", "V1", id="9999-partly"),
        pytest.param(
            {"labelled_examples": 9_999, "foundation_model_adequate": "yes"},
            "foundation_model",
            "V1",
            id="9999-yes",
        ),
        pytest.param(
            {"labelled_examples": 9_999, "foundation_model_adequate": "no"},
            "gather_data",
            "V1",
            id="9999-no",
        ),
        pytest.param(
            {"labelled_examples": 0, "foundation_model_adequate": "no", "annual_impact": 10**12},
            "gather_data",
            "V1",
            id="v1-before-v2",
        ),
        pytest.param({"labelled_examples": 10_000}, "custom_ml", "V4", id="10000-enough"),
        pytest.param(
            {"annual_impact": 84_000, **EXACT_PATH}, "foundation_model", "V2", id="net-exactly-0"
        ),
        pytest.param(
            {"annual_impact": 84_000, "foundation_model_adequate": "no", **EXACT_PATH},
            "foundation_model",
            "V2",
            id="net-0-even-if-no-model-fits",
        ),
        pytest.param(
            {"annual_impact": 84_000.01, **EXACT_PATH}, "custom_ml", "V4", id="net-just-above-0"
        ),
        pytest.param(
            {"annual_impact": 143_999, "foundation_model_adequate": "yes", **EXACT_PATH},
            "foundation_model",
            "V3",
            id="thin-margin",
        ),
        pytest.param(
            {"annual_impact": 144_000, "foundation_model_adequate": "yes", **EXACT_PATH},
            "custom_ml",
            "V4",
            id="net-equals-build-cost",
        ),
        pytest.param(
            {
                "annual_impact": 143_999,
                "foundation_model_adequate": "yes",
                "needs_explainability": True,
                **EXACT_PATH,
            },
            "custom_ml",
            "V4",
            id="thin-margin-but-explainability",
        ),
        pytest.param(
            {"annual_impact": 143_999, "foundation_model_adequate": "partly", **EXACT_PATH},
            "custom_ml",
            "V4",
            id="thin-margin-model-only-partly-fits",
        ),
    ],
)
def test_verdict_is_decided_by_the_first_rule_that_applies(
    fields: dict[str, Any], verdict: str, rule: str
) -> None:
    """V1 to V4 in order, at every boundary of labelled data, net value and margin."""
    result = assess_path(path(**fields), EXACT)
    assert (result.verdict, result.rules) == (verdict, (rule,))


def test_net_value_equal_to_build_cost_is_not_a_thin_margin() -> None:
    """V3 compares with a strict <, so net value equal to build cost stays custom ML."""
    thin = path(annual_impact=144_000, foundation_model_adequate="yes", **EXACT_PATH)
    result = assess_path(thin, EXACT)
    assert result.economics.net_value == result.economics.build_cost == 120_000.0


@pytest.mark.parametrize(
    ("months", "horizon"), [(36, 3), (30, 2), (12, 1)], ids=["36m-3y", "30m-2y", "12m-1y"]
)
def test_a_build_that_fills_the_horizon_never_pays_back(months: int, horizon: int) -> None:
    """No years in use: break-even is None, net value is minus the build cost, and V2 fires."""
    assumptions = Assumptions(ml_engineer_annual_cost=120_000, horizon_years=horizon)
    result = assess_path(path(months_to_build=months, annual_impact=10**12), assumptions)
    economics = result.economics
    assert economics.years_in_use == 0
    assert economics.break_even_annual_impact is None
    assert economics.net_value == -economics.build_cost
    assert (result.verdict, result.rules) == ("foundation_model", ("V2",))
    plan = make_plan(answers(paths=(path(months_to_build=months),), assumptions=assumptions))
    assert plan_to_dict(plan)["paths"][0]["break_even_annual_impact"] is None


def test_v1_reason_names_the_shortfall_in_labelled_examples() -> None:
    """The reason says how many labelled examples there are and how many are needed."""
    result = assess_path(path(labelled_examples=4_000), EXACT)
    assert "4,000 labelled examples" in result.reasons[0]
    assert "10,000" in result.reasons[0]


def test_v2_reason_names_the_net_value_and_years_in_use() -> None:
    """The reason gives the net value over the years in use against the build cost."""
    result = assess_path(path(annual_impact=50_000, **EXACT_PATH), EXACT)
    assert result.rules == ("V2",)
    assert "2 years in use" in result.reasons[0]
    assert "-68,000" in result.reasons[0]
    assert "120,000" in result.reasons[0]


def test_path_reasons_give_costs_and_break_even() -> None:
    """Every path explains its build cost, upkeep and break-even impact."""
    reasons = assess_path(path(), Assumptions()).reasons
    assert any("66,666.67" in reason and "26,666.67" in reason for reason in reasons)
    assert any("51,666.67" in reason for reason in reasons)


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        (2.675, "2.68"),
        (0.005, "0.01"),
        (-0.005, "-0.01"),
        (1.004999, "1.00"),
        (66666.666, "66666.67"),
    ],
)
def test_money_rounds_half_up_from_the_shortest_repr(value: float, rounded: str) -> None:
    """Money is rounded to the cent, half up, as the number is written."""
    assert str(round_money(value)) == rounded


def test_money_never_becomes_minus_zero_or_overflows() -> None:
    """Tiny negatives round to 0.0, and break-even figures near 10**25 keep their cents."""
    assert math.copysign(1, money_for_json(-0.001)) == 1
    assert money_for_json(9.007199254740992e24) == 9.007199254740992e24


@pytest.mark.parametrize(
    ("value", "text"), [(200_000.0, "200,000"), (66_666.666, "66,666.67"), (-0.5, "-0.50")]
)
def test_money_in_sentences_is_whole_where_exact(value: float, text: str) -> None:
    """Sentences show money with separators, and without cents when it is whole."""
    assert format_money(value) == text
