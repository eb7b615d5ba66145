"""The report's cost, roadmap and "what would change" parts, worded from the stored plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rules.builders import ENTERPRISE, GROWTH, answers, justified_paths, path
from tests.rules.test_example_plan import EXAMPLE_ANSWERS
from wizard.report.outlook import (
    headline,
    money_for_people,
    outlook,
    roadmap_chart,
    roadmap_rows,
    roles_in_words,
    team_in_words,
    what_would_change,
)
from wizard.rules import Team, make_plan, plan_from_dict, plan_to_dict, validate_answers

SNAPSHOT_2026_1 = Path(__file__).parents[1] / "rules" / "snapshots" / "plan-2026.1-example.json"


def stored(plan_answers):
    """A plan as the report reads it: through the stored JSON, rounded."""
    return plan_from_dict(json.loads(json.dumps(plan_to_dict(make_plan(plan_answers)))))


@pytest.mark.parametrize(
    ("value", "currency", "text"),
    [
        (66_666.67, "GBP", "about £67k"),
        (540_000, "GBP", "£540k"),
        (1_250_000, "EUR", "€1.25M"),
        (51_666.67, "CHF", "about CHF\xa052k"),
        (-57_777.78, "GBP", "about −£58k"),
    ],
)
def test_money_for_people_is_rounded_and_says_about(value, currency, text):
    assert money_for_people(value, currency) == text


def test_headline_says_cost_and_when_the_team_is_in_place():
    plan = stored(validate_answers(EXAMPLE_ANSWERS))
    assert headline(plan, "GBP") == "£540k a year, the whole team in place by quarter 2"


def test_headline_of_a_2026_1_plan_is_none_and_outlook_says_it_predates():
    plan = plan_from_dict(json.loads(SNAPSHOT_2026_1.read_text()))
    assert headline(plan, "GBP") is None
    assert outlook(plan, 60, {}, "GBP") == {"predates": True}


def test_what_would_change_in_plain_words_with_numbers():
    """F1, F2 and F3 of the example, each a sentence a board can read."""
    plan = stored(validate_answers(EXAMPLE_ANSWERS))
    impacts = {"Churn prediction": 250_000.0}
    assert what_would_change(plan, 60, impacts, "GBP") == [
        "At 100 people, 40 more than today, the enterprise model applies: "
        "8 AI engineers (1 of them applied).",
        "At 19 people, 41 fewer than today, the startup model applies: 1 applied AI engineer.",
        "At maturity level 3, one level up: 3 AI engineers (1 of them applied) and "
        "1 ML engineer, with nothing left waiting.",
        "Churn prediction: below about £52k a year of value, a foundation model is the "
        "better bet. Today's answer: £250k.",
    ]


def test_flips_the_other_way_and_on_labelled_examples():
    plan = stored(
        answers(
            GROWTH,
            2,
            (
                path("Invoices", annual_impact=40_000),
                path("Photos", labelled_examples=500, foundation_model_adequate="no"),
            ),
        )
    )
    changes = what_would_change(plan, None, {}, "EUR")
    assert (
        "Invoices: above about €52k a year of value, a custom model would pay its way." in changes
    )
    assert (
        "Photos: with 10,000 labelled examples, a custom model would be worth building." in changes
    )
    assert changes[0].startswith("At 100 people, the enterprise model applies: 8 AI engineers")


def test_roles_and_teams_in_words():
    assert roles_in_words(("applied_ai_engineer", "ai_engineer", "ai_engineer")) == (
        "1 applied AI engineer and 2 AI engineers"
    )
    assert roles_in_words(()) == ""
    assert team_in_words(Team(9, 1, 3, 2, 1)) == (
        "9 AI engineers (1 of them applied), 3 ML engineers, 1 AI infrastructure engineer "
        "and 2 ML infrastructure engineers"
    )


def test_roadmap_rows_and_chart_follow_the_plan():
    plan = stored(answers(ENTERPRISE, 4, justified_paths(3)))
    assert plan.roadmap is not None
    rows = roadmap_rows(plan.roadmap)
    assert [row.quarter for row in rows] == [q.quarter for q in plan.roadmap]
    assert rows[0].opened == "1 applied AI engineer and 2 AI engineers"
    assert rows[-1].cost_per_year == plan.team_cost_per_year
    assert rows[-1].live == "Path 0, Path 1 and Path 2"
    chart = roadmap_chart(plan.roadmap, "GBP")
    columns = chart["columns"]
    assert len(columns) == len(plan.roadmap)
    # The tallest bar is the last, full height; an empty quarter has no bar.
    assert columns[-1].bar_height == max(column.bar_height for column in columns) == 110
    assert columns[0].bar_height == 0
    assert columns[-1].cost == "£2.79M"
    assert all(column.x + chart["bar_width"] <= chart["width"] for column in columns)
