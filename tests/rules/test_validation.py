"""validate_answers: strict types, ranges and names, with every error at its field path."""

from __future__ import annotations

import json
from typing import Any

import pytest

from wizard.rules import AnswersInvalid, CriticalPath, answers_to_dict, validate_answers

BASE_PATH = {"name": "Churn prediction", "kind": "predictive"}
HEADCOUNT = "Expected a whole number from 1 to 10,000,000."
COUNT = "Expected a whole number from 0 to 1,000,000."
IMPACT = "Expected a number from 0 to 1,000,000,000,000."
LABELLED = "Expected a whole number from 0 to 1,000,000,000,000."
MONTHS = "Expected a number from 1 to 36."
COST = "Expected a number greater than 0 and at most 1,000,000,000."
HORIZON = "Expected a number from 1 to 10."
MONTHS_TO_HIRE = "Expected a number from 1 to 12."
HIRES = "Expected a whole number from 1 to 100."
LEVEL = "Expected null or a whole number from 1 to 4."
BOOLEAN = "Expected true or false"
KINDS = "Expected one of: predictive, generative, agentic, vision_audio."


def raw_with(field: str, value: object) -> dict[str, Any]:
    """Minimal valid answers with one dotted field set; paths use critical_paths.0."""
    raw: dict[str, Any] = {"organisation": {"headcount": 60}, "critical_paths": [dict(BASE_PATH)]}
    section, _, name = field.partition(".")
    if section == "critical_paths":
        raw["critical_paths"][0][name.removeprefix("0.")] = value
    else:
        raw.setdefault(section, {})[name] = value
    return raw


def errors_of(raw: object) -> dict[str, list[str]]:
    with pytest.raises(AnswersInvalid) as caught:
        validate_answers(raw)
    return caught.value.errors


def not_(message: str, what: str) -> str:
    return f"{message[:-1]}, not {what}."


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation.headcount", True, not_(HEADCOUNT, "true or false")),
        ("organisation.headcount", 4.5, not_(HEADCOUNT, "a fraction")),
        ("organisation.headcount", "5", not_(HEADCOUNT, "text")),
        ("organisation.headcount", None, not_(HEADCOUNT, "null")),
        ("organisation.headcount", [60], not_(HEADCOUNT, "a list")),
        ("organisation.headcount", 0, HEADCOUNT),
        ("organisation.headcount", 10_000_001, HEADCOUNT),
        ("organisation.headcount", 10**400, HEADCOUNT),
        ("organisation.headcount", -(10**400), HEADCOUNT),
        ("organisation.headcount", 1e300, HEADCOUNT),
        ("organisation.headcount", float("nan"), not_(HEADCOUNT, "NaN or infinity")),
        ("organisation.headcount", float("inf"), not_(HEADCOUNT, "NaN or infinity")),
        ("organisation.headcount", float("-inf"), not_(HEADCOUNT, "NaN or infinity")),
        ("maturity.working_pilots", -1, COUNT),
        ("maturity.systems_in_production", 1_000_001, COUNT),
        ("maturity.systems_in_production", False, not_(COUNT, "true or false")),
        ("maturity.optimising_at_scale", 1, f"{BOOLEAN}, not a number."),
        ("maturity.optimising_at_scale", "true", f"{BOOLEAN}, not text."),
        ("maturity.optimising_at_scale", None, f"{BOOLEAN}, not null."),
        ("maturity.declared_level", 0, LEVEL),
        ("maturity.declared_level", 5, LEVEL),
        ("maturity.declared_level", 2.5, not_(LEVEL, "a fraction")),
        ("maturity.declared_level", "3", not_(LEVEL, "text")),
        ("maturity.declared_level", True, not_(LEVEL, "true or false")),
        ("critical_paths.0.kind", "Predictive", KINDS),
        ("critical_paths.0.kind", None, KINDS),
        ("critical_paths.0.annual_impact", -0.01, IMPACT),
        ("critical_paths.0.annual_impact", 10**12 + 1, IMPACT),
        ("critical_paths.0.annual_impact", 10**400, IMPACT),
        ("critical_paths.0.annual_impact", True, not_(IMPACT, "true or false")),
        ("critical_paths.0.annual_impact", "250000", not_(IMPACT, "text")),
        ("critical_paths.0.annual_impact", float("nan"), not_(IMPACT, "NaN or infinity")),
        ("critical_paths.0.labelled_examples", 9_999.5, not_(LABELLED, "a fraction")),
        ("critical_paths.0.labelled_examples", -1, LABELLED),
        ("critical_paths.0.months_to_build", 0.99, MONTHS),
        ("critical_paths.0.months_to_build", 36.01, MONTHS),
        ("critical_paths.0.months_to_build", None, not_(MONTHS, "null")),
        ("critical_paths.0.maintenance", "extreme", "Expected one of: low, medium, high."),
        ("critical_paths.0.foundation_model_adequate", True, "Expected one of: yes, partly, no."),
        ("critical_paths.0.needs_explainability", 0, f"{BOOLEAN}, not a number."),
        ("priorities.ship_quickly", "yes", f"{BOOLEAN}, not text."),
        ("priorities.integrate_existing_systems", None, f"{BOOLEAN}, not null."),
        ("assumptions.ml_engineer_annual_cost", 0, COST),
        ("assumptions.ml_engineer_annual_cost", 0.0, COST),
        ("assumptions.ml_engineer_annual_cost", -1, COST),
        ("assumptions.ml_engineer_annual_cost", 1e9 + 1, COST),
        ("assumptions.horizon_years", 0.5, HORIZON),
        ("assumptions.horizon_years", 11, HORIZON),
        ("assumptions.horizon_years", float("-inf"), not_(HORIZON, "NaN or infinity")),
        ("assumptions.ai_engineer_annual_cost", 0, COST),
        ("assumptions.ai_engineer_annual_cost", 1e9 + 1, COST),
        ("assumptions.ai_engineer_annual_cost", "180000", not_(COST, "text")),
        ("assumptions.infra_engineer_annual_cost", -5, COST),
        ("assumptions.infra_engineer_annual_cost", True, not_(COST, "true or false")),
        ("assumptions.infra_engineer_annual_cost", float("nan"), not_(COST, "NaN or infinity")),
        ("assumptions.months_to_hire", 0.5, MONTHS_TO_HIRE),
        ("assumptions.months_to_hire", 12.5, MONTHS_TO_HIRE),
        ("assumptions.months_to_hire", None, not_(MONTHS_TO_HIRE, "null")),
        ("assumptions.hires_per_quarter", 0, HIRES),
        ("assumptions.hires_per_quarter", 101, HIRES),
        ("assumptions.hires_per_quarter", 2.5, not_(HIRES, "a fraction")),
        ("assumptions.hires_per_quarter", "3", not_(HIRES, "text")),
    ],
)
def test_bad_value_is_rejected_at_its_field_with_what_was_expected(
    field: str, value: object, message: str
) -> None:
    """A wrong type or out-of-range value gives exactly one error, at its dotted path."""
    assert errors_of(raw_with(field, value)) == {field: [message]}


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("organisation.headcount", 4.0, 4),
        ("organisation.headcount", 1, 1),
        ("organisation.headcount", 10_000_000, 10_000_000),
        ("maturity.declared_level", None, None),
        ("maturity.declared_level", 4.0, 4),
        ("critical_paths.0.labelled_examples", 10_000.0, 10_000),
        ("critical_paths.0.annual_impact", 0, 0),
        ("critical_paths.0.annual_impact", 10**12, 10**12),
        ("critical_paths.0.months_to_build", 1, 1),
        ("critical_paths.0.months_to_build", 4.5, 4.5),
        ("critical_paths.0.months_to_build", 36, 36),
        ("assumptions.ml_engineer_annual_cost", 1e-9, 1e-9),
        ("assumptions.ml_engineer_annual_cost", 10**9, 10**9),
        ("assumptions.horizon_years", 1, 1),
        ("assumptions.horizon_years", 10.0, 10.0),
        ("assumptions.ai_engineer_annual_cost", 1e-9, 1e-9),
        ("assumptions.infra_engineer_annual_cost", 10**9, 10**9),
        ("assumptions.months_to_hire", 1, 1),
        ("assumptions.months_to_hire", 12, 12),
        ("assumptions.months_to_hire", 2.5, 2.5),
        ("assumptions.hires_per_quarter", 1, 1),
        ("assumptions.hires_per_quarter", 100.0, 100),
    ],
)
def test_edge_values_are_accepted(field: str, value: object, stored: object) -> None:
    """Inclusive bounds, whole floats for integers and the exclusive cost minimum."""
    answers = validate_answers(raw_with(field, value))
    section, _, name = field.partition(".")
    if section == "critical_paths":
        holder: object = answers.critical_paths[0]
        name = name.removeprefix("0.")
    else:
        holder = getattr(answers, section)
    assert getattr(holder, name) == stored
    assert type(getattr(holder, name)) is type(stored)


def test_missing_fields_take_the_framework_defaults() -> None:
    """Only headcount and each path's name and kind are required."""
    answers = validate_answers({"organisation": {"headcount": 5}, "critical_paths": [BASE_PATH]})
    assert answers.critical_paths == (CriticalPath("Churn prediction", "predictive"),)
    assert answers_to_dict(answers) == {
        "organisation": {"headcount": 5},
        "maturity": {
            "working_pilots": 0,
            "systems_in_production": 0,
            "optimising_at_scale": False,
            "declared_level": None,
        },
        "critical_paths": [
            {
                "name": "Churn prediction",
                "kind": "predictive",
                "annual_impact": 0,
                "labelled_examples": 0,
                "months_to_build": 6,
                "maintenance": "medium",
                "foundation_model_adequate": "partly",
                "needs_explainability": False,
            }
        ],
        "priorities": {"ship_quickly": False, "integrate_existing_systems": False},
        "assumptions": {
            "ml_engineer_annual_cost": 200_000,
            "horizon_years": 3,
            "ai_engineer_annual_cost": 180_000,
            "infra_engineer_annual_cost": 190_000,
            "months_to_hire": 3,
            "hires_per_quarter": 3,
        },
    }


@pytest.mark.parametrize(
    ("name", "stored"),
    [("  Churn  ", "Churn"), ("x" * 120, "x" * 120), (" " + "x" * 120 + "\n", "x" * 120)],
)
def test_path_names_are_trimmed_and_may_be_120_characters(name: str, stored: str) -> None:
    """Names are stored trimmed; the 120-character limit applies after trimming."""
    answers = validate_answers(raw_with("critical_paths.0.name", name))
    assert answers.critical_paths[0].name == stored


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Expected a name; this one is empty once spaces are trimmed."),
        ("   ", "Expected a name; this one is empty once spaces are trimmed."),
        ("x" * 121, "Expected a name of at most 120 characters; this one has 121."),
        ("a\tb", "Expected a name without control characters such as tabs or line breaks."),
        ("a\x00b", "Expected a name without control characters such as tabs or line breaks."),
        ("a\x7fb", "Expected a name without control characters such as tabs or line breaks."),
        ("a\ud800b", "Expected a name without control characters such as tabs or line breaks."),
        (5, "Expected a name of 1 to 120 characters, without control characters, not a number."),
        (None, "Expected a name of 1 to 120 characters, without control characters, not null."),
    ],
)
def test_bad_path_names_are_rejected(name: object, message: str) -> None:
    """Names must be text, non-empty once trimmed, short and free of control characters."""
    assert errors_of(raw_with("critical_paths.0.name", name)) == {
        "critical_paths.0.name": [message]
    }


@pytest.mark.parametrize(("first", "second"), [("Churn", " churn "), ("STRASSE", "straße")])
def test_duplicate_names_are_caught_ignoring_case_on_the_later_path(
    first: str, second: str
) -> None:
    """Names are compared case-insensitively (casefold); the later one gets the error."""
    raw = {
        "organisation": {"headcount": 5},
        "critical_paths": [
            {"name": first, "kind": "agentic"},
            {"name": "Other", "kind": "agentic"},
            {"name": second, "kind": "agentic"},
        ],
    }
    errors = errors_of(raw)
    assert list(errors) == ["critical_paths.2.name"]
    assert "critical path 1 already has it" in errors["critical_paths.2.name"][0]


@pytest.mark.parametrize(
    ("raw", "errors"),
    [
        pytest.param(
            {"organisation": {"headcount": 5}, "colour": "red"},
            {"colour": ["Unknown field; expected one of: organisation, maturity, critical_paths, "
                        "priorities, assumptions."]},
            id="top",
        ),
        pytest.param(
            {"organisation": {"headcount": 5, "size": 5}},
            {"organisation.size": ["Unknown field; expected one of: headcount."]},
            id="organisation",
        ),
        pytest.param(
            {"organisation": {"headcount": 5}, "maturity": {"level": 2}},
            {"maturity.level": ["Unknown field; expected one of: working_pilots, "
                                "systems_in_production, optimising_at_scale, declared_level."]},
            id="maturity",
        ),
        pytest.param(
            {"organisation": {"headcount": 5}, "critical_paths": [{**BASE_PATH, "roi": 1}]},
            {"critical_paths.0.roi": ["Unknown field; expected one of: name, kind, "
             "annual_impact, labelled_examples, months_to_build, maintenance, "
             "foundation_model_adequate, needs_explainability."]},
            id="path",
        ),
        pytest.param(
            {"organisation": {"headcount": 5}, "priorities": {"speed": True}},
            {"priorities.speed": ["Unknown field; expected one of: ship_quickly, "
                                  "integrate_existing_systems."]},
            id="priorities",
        ),
        pytest.param(
            {"organisation": {"headcount": 5}, "assumptions": {"currency": "GBP"}},
            {"assumptions.currency": ["Unknown field; expected one of: "
                                      "ml_engineer_annual_cost, horizon_years, "
                                      "ai_engineer_annual_cost, infra_engineer_annual_cost, "
                                      "months_to_hire, hires_per_quarter."]},
            id="assumptions",
        ),
    ],
)  # fmt: skip
def test_unknown_keys_are_rejected_at_their_own_path(
    raw: dict[str, Any], errors: dict[str, list[str]]
) -> None:
    """Every object takes only the framework's keys; an unknown one is named in the path."""
    assert errors_of(raw) == errors


OK = {"organisation": {"headcount": 5}}
NOT_ANSWERS = "Expected the answers as an object, not {}."
REQUIRED_HEADCOUNT = f"This field is required. {HEADCOUNT}"
NOT_PATHS = "Expected a list of up to 50 critical paths, not {}."
NAME = "Expected a name of 1 to 120 characters, without control characters."


@pytest.mark.parametrize(
    ("raw", "errors"),
    [
        (None, {"__all__": [NOT_ANSWERS.format("null")]}),
        ([], {"__all__": [NOT_ANSWERS.format("a list")]}),
        ("{}", {"__all__": [NOT_ANSWERS.format("text")]}),
        (7, {"__all__": [NOT_ANSWERS.format("a number")]}),
        ({}, {"organisation.headcount": [REQUIRED_HEADCOUNT]}),
        ({"organisation": {}}, {"organisation.headcount": [REQUIRED_HEADCOUNT]}),
        ({"organisation": []}, {"organisation": ["Expected an object, not a list."]}),
        ({"organisation": None}, {"organisation": ["Expected an object, not null."]}),
        ({**OK, "maturity": "L2"}, {"maturity": ["Expected an object, not text."]}),
        ({**OK, "priorities": None}, {"priorities": ["Expected an object, not null."]}),
        ({**OK, "critical_paths": {}}, {"critical_paths": [NOT_PATHS.format("an object")]}),
        ({**OK, "critical_paths": None}, {"critical_paths": [NOT_PATHS.format("null")]}),
        (
            {**OK, "critical_paths": [5]},
            {"critical_paths.0": ["Expected an object, not a number."]},
        ),
        (
            {**OK, "critical_paths": [{}]},
            {
                "critical_paths.0.name": [f"This field is required. {NAME}"],
                "critical_paths.0.kind": [f"This field is required. {KINDS}"],
            },
        ),
        (
            {"organisation": {"headcount": 5, 1: 2}},
            {"organisation": ["Expected field names to be text."]},
        ),
    ],
)
def test_wrong_shapes_are_reported_where_they_occur(raw: object, errors: dict[str, Any]) -> None:
    """Non-objects, missing required fields and wrong containers each get one clear error."""
    assert errors_of(raw) == errors


def test_more_than_50_paths_is_one_list_error_and_items_are_not_read() -> None:
    """51 paths, however bad, give only the list-level error."""
    raw = {"organisation": {"headcount": 5}, "critical_paths": [{"bad": float("nan")}] * 51}
    assert errors_of(raw) == {
        "critical_paths": ["Expected a list of up to 50 critical paths; this one has 51."]
    }


def test_fifty_paths_are_accepted() -> None:
    """50 paths with distinct names are within the limit."""
    paths = [{"name": f"Path {index}", "kind": "predictive"} for index in range(50)]
    answers = validate_answers({"organisation": {"headcount": 5}, "critical_paths": paths})
    assert len(answers.critical_paths) == 50


def test_all_errors_are_collected_at_once() -> None:
    """Errors in several objects and paths are all reported, in reading order."""
    raw = {
        "organisation": {"headcount": 0},
        "maturity": {"working_pilots": "two", "optimising_at_scale": "no"},
        "critical_paths": [BASE_PATH, {"name": "", "kind": "x", "months_to_build": 99}],
        "assumptions": {"horizon_years": 0},
        "extra": 1,
    }
    assert list(errors_of(raw)) == [
        "extra",
        "organisation.headcount",
        "maturity.working_pilots",
        "maturity.optimising_at_scale",
        "critical_paths.1.name",
        "critical_paths.1.kind",
        "critical_paths.1.months_to_build",
        "assumptions.horizon_years",
    ]


def test_many_unknown_keys_are_summarised() -> None:
    """Thousands of unknown keys give 20 errors and a summary, not one error each."""
    raw: dict[str, Any] = {"organisation": {"headcount": 5}}
    raw["maturity"] = {f"key{index}": index for index in range(5_000)}
    errors = errors_of(raw)
    assert len(errors) == 21
    assert errors["maturity"] == [
        "4,980 more unknown fields; expected only: working_pilots, systems_in_production, "
        "optimising_at_scale, declared_level."
    ]


def test_unknown_keys_are_made_printable_in_error_paths() -> None:
    """A key with control characters or surrogates yields a path that encodes as UTF-8."""
    errors = errors_of({"organisation": {"headcount": 5}, "a\ud800\x00" + "b" * 100: 1})
    (path,) = errors
    path.encode("utf-8")
    assert len(path) <= 61
    assert path.startswith("a\ufffd\ufffdb")


def test_deeply_nested_values_are_a_type_error_without_recursion() -> None:
    """A value nested 100,000 deep where a number belongs is just the wrong type."""
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    raw = {"organisation": {"headcount": deep}, "maturity": {"extra": deep}}
    assert errors_of(raw) == {
        "organisation.headcount": [not_(HEADCOUNT, "a list")],
        "maturity.extra": [
            "Unknown field; expected one of: working_pilots, systems_in_production, "
            "optimising_at_scale, declared_level."
        ],
    }


def test_answers_invalid_is_a_value_error_with_json_ready_errors() -> None:
    """The exception carries a dict of str to list of str that serialises to JSON."""
    with pytest.raises(ValueError, match="not valid") as caught:
        validate_answers({"organisation": {"headcount": "lots"}})
    assert isinstance(caught.value, AnswersInvalid)
    assert json.loads(json.dumps(caught.value.errors)) == caught.value.errors
