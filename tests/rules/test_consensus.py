"""Consensus of several respondents' answers: table tests and properties."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.rules import answers_to_dict, validate_answers
from wizard.rules.consensus import consensus_of
from wizard.rules.plan_impact import plan_impact

BASE = {"organisation": {"headcount": 150}, "assumptions": {"horizon_years": 3}}


def answers(
    pilots: int = 2,
    production: int = 1,
    paths: list[dict[str, Any]] | None = None,
    **maturity: Any,
) -> dict[str, Any]:
    """A respondent's answers, written out in full as the app stores them."""
    raw = {
        **BASE,
        "maturity": {"working_pilots": pilots, "systems_in_production": production, **maturity},
        "critical_paths": paths if paths is not None else [churn()],
    }
    full = answers_to_dict(validate_answers(raw))
    return {"maturity": full["maturity"], "critical_paths": full["critical_paths"]}


def churn(name: str = "Churn prediction", **fields: Any) -> dict[str, Any]:
    return {
        "name": name,
        "kind": "predictive",
        "annual_impact": 250_000,
        "labelled_examples": 50_000,
        "months_to_build": 4,
        **fields,
    }


def field(result, path: str | None, name: str):
    return next(f for f in result.fields if f.path == path and f.field == name)


@pytest.mark.parametrize(
    "values, consensus, low, high, disagreement",
    [
        ([3], 3, 3, 3, False),
        ([1, 2], 1, 1, 2, False),  # whole numbers take the lower median
        ([1, 2, 3], 2, 1, 3, True),  # 3 is more than twice 1
        ([2, 4, 4], 4, 2, 4, False),  # exactly twice is not a disagreement
        ([0, 0, 1], 0, 0, 1, True),  # anything is more than twice nothing
        ([0, 0], 0, 0, 0, False),
        ([5, 1, 9, 7], 5, 1, 9, True),
    ],
)
def test_number_consensus_is_the_median_and_flags_a_more_than_twofold_spread(
    values, consensus, low, high, disagreement
):
    """Whole-number fields: lower median, lowest and highest, and the 2x flag."""
    result = consensus_of({f"r{i}": answers(pilots=v) for i, v in enumerate(values)})
    pilots = field(result, None, "working_pilots")
    assert (pilots.consensus, pilots.low, pilots.high, pilots.disagreement) == (
        consensus,
        low,
        high,
        disagreement,
    )


def test_a_money_field_takes_the_true_median():
    """Amounts may be fractional: the median of two is their mean."""
    result = consensus_of(
        {
            "a": answers(paths=[churn(annual_impact=100_000)]),
            "b": answers(paths=[churn(annual_impact=300_000)]),
        }
    )
    impact = field(result, "churn prediction", "annual_impact")
    assert impact.consensus == 200_000
    assert impact.disagreement  # 300,000 is more than twice 100,000


@pytest.mark.parametrize(
    "levels, consensus, tied, disagreement",
    [
        ([None, None], None, (), False),
        ([3, 3, 2], 3, (), True),
        ([2, 3], 2, (2, 3), True),
        ([3, None, 2, None], None, (), True),
        ([3, 2, 2, 3], 2, (2, 3), True),
    ],
)
def test_choice_consensus_is_the_most_common_answer_with_ties_shown(
    levels, consensus, tied, disagreement
):
    """Most common answer; a tie is listed, and broken in a fixed order, not by who spoke."""
    result = consensus_of({f"r{i}": answers(declared_level=v) for i, v in enumerate(levels)})
    level = field(result, None, "declared_level")
    assert (level.consensus, level.tied, level.disagreement) == (consensus, tied, disagreement)


def test_paths_match_by_name_ignoring_case_and_a_path_named_by_some_is_flagged():
    """Differently cased names are one path; a path named by one of three is flagged."""
    result = consensus_of(
        {
            "ann": answers(paths=[churn("Churn prediction")]),
            "ben": answers(paths=[churn("churn prediction "), churn("Fraud")]),
            "cat": answers(paths=[churn("Churn prediction")]),
        }
    )
    by_key = {p.key: p for p in result.paths}
    assert set(by_key) == {"churn prediction", "fraud"}
    assert by_key["churn prediction"].name == "Churn prediction"
    assert not by_key["churn prediction"].disagreement
    assert by_key["fraud"].named_by == ("ben",)
    assert by_key["fraud"].not_named_by == ("ann", "cat")
    assert by_key["fraud"].disagreement and not by_key["fraud"].included
    assert [p["name"] for p in result.answers()["critical_paths"]] == ["Churn prediction"]


def test_a_path_named_by_half_the_respondents_stays_in():
    result = consensus_of(
        {"a": answers(paths=[churn("A"), churn("B")]), "b": answers(paths=[churn("A")])}
    )
    assert [p["name"] for p in result.answers()["critical_paths"]] == ["A", "B"]


def test_the_organiser_merges_two_names_into_one_path():
    """A merge folds "Churn" into "Churn prediction": one path, both answers beside it."""
    respondents = {
        "a": answers(paths=[churn("Churn", annual_impact=100_000)]),
        "b": answers(paths=[churn("Churn prediction", annual_impact=150_000)]),
    }
    assert len(consensus_of(respondents).paths) == 2
    merged = consensus_of(respondents, merges={"churn": "Churn prediction"})
    assert [(p.name, p.named_by) for p in merged.paths] == [("Churn prediction", ("a", "b"))]
    impact = field(merged, "churn prediction", "annual_impact")
    assert impact.answers == (("a", 100_000), ("b", 150_000))


def test_merges_that_form_a_cycle_do_not_loop():
    result = consensus_of(
        {"a": answers(paths=[churn("X")]), "b": answers(paths=[churn("Y")])},
        merges={"x": "y", "y": "x"},
    )
    assert len(result.paths) == 1


def test_picks_override_single_fields_and_paths():
    """The organiser's picks replace the consensus of one field, or leave a path out."""
    result = consensus_of({"a": answers(pilots=1), "b": answers(pilots=5)})
    picked = result.answers({(None, "working_pilots"): 5, ("churn prediction", "included"): False})
    assert picked["maturity"]["working_pilots"] == 5
    assert picked["critical_paths"] == []


def test_a_consensus_needs_someone():
    with pytest.raises(ValueError):
        consensus_of({})


# --- properties ---------------------------------------------------------------------------

KINDS = st.sampled_from(("predictive", "generative", "agentic", "vision_audio"))
respondent_answers = st.builds(
    answers,
    pilots=st.integers(0, 20),
    production=st.integers(0, 5),
    paths=st.lists(
        st.builds(
            churn,
            name=st.sampled_from(("Churn prediction", "churn PREDICTION", "Fraud", "Search")),
            kind=KINDS,
            annual_impact=st.integers(0, 2_000_000),
            labelled_examples=st.sampled_from((0, 9_999, 10_000, 200_000)),
            months_to_build=st.integers(1, 36),
            maintenance=st.sampled_from(("low", "medium", "high")),
        ),
        max_size=3,
        unique_by=lambda p: p["name"].casefold(),
    ),
    declared_level=st.sampled_from((None, 1, 2, 3, 4)),
)
PROPERTIES = settings(max_examples=60, deadline=None)


@PROPERTIES
@given(respondent_answers, st.integers(1, 4))
def test_the_consensus_of_identical_answers_is_those_answers(one, count):
    result = consensus_of({f"r{i}": copy.deepcopy(one) for i in range(count)})
    assert result.answers() == _by_consensus_order(one, result)
    assert result.disagreements == ()


@PROPERTIES
@given(respondent_answers)
def test_a_single_respondent_is_the_consensus(one):
    result = consensus_of({"only": one})
    assert result.answers() == _by_consensus_order(one, result)
    impact = plan_impact(result, BASE)
    assert not impact.anyone_changes_plan


@PROPERTIES
@given(st.lists(respondent_answers, min_size=1, max_size=4), st.randoms())
def test_the_order_of_respondents_never_matters(many, random):
    labelled = {f"r{i}": a for i, a in enumerate(many)}
    shuffled_labels = list(labelled)
    random.shuffle(shuffled_labels)
    shuffled = {label: labelled[label] for label in shuffled_labels}
    assert consensus_of(labelled) == consensus_of(shuffled)
    assert plan_impact(consensus_of(labelled), BASE) == plan_impact(consensus_of(shuffled), BASE)


def _by_consensus_order(one: dict[str, Any], result) -> dict[str, Any]:
    """`one` with its paths in the consensus's order (most named first, then by name)."""
    order = [p.key for p in result.paths]
    paths = sorted(one["critical_paths"], key=lambda p: order.index(p["name"].strip().casefold()))
    return {"maturity": one["maturity"], "critical_paths": paths}
