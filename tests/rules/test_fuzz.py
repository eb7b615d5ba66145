"""validate_answers never raises anything but AnswersInvalid, whatever JSON it gets."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.rules import AnswersInvalid, make_plan, plan_to_dict, validate_answers

from .strategies import json_values, raw_answers

FUZZ_SETTINGS = settings(
    max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# Mutations of valid answers cost more to generate; fewer still cover every field.
MUTATION_SETTINGS = settings(FUZZ_SETTINGS, max_examples=300)


def check_outcome(raw: object) -> None:
    """Either valid answers that plan cleanly, or well-formed field errors."""
    try:
        answers = validate_answers(raw)
    except AnswersInvalid as invalid:
        errors = invalid.errors
        assert isinstance(errors, dict)
        assert errors
        for path, messages in errors.items():
            assert isinstance(path, str)
            assert path
            path.encode("utf-8")  # printable whatever the input keys were
            assert isinstance(messages, list)
            assert messages
            assert all(isinstance(message, str) and message for message in messages)
        json.dumps(errors, allow_nan=False)
    else:
        json.dumps(plan_to_dict(make_plan(answers)), allow_nan=False)


def locations(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a raw answers dict where a value could be replaced."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(locations(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(locations(child, (*prefix, index)))
    return found


def replaced(raw: dict[str, Any], where: tuple[Any, ...], new: object) -> dict[str, Any]:
    result = copy.deepcopy(raw)
    holder: Any = result
    for step in where[:-1]:
        holder = holder[step]
    holder[where[-1]] = new
    return result


@FUZZ_SETTINGS
@given(json_values())
def test_any_json_value_is_answers_or_field_errors(raw: object) -> None:
    """Arbitrary JSON never makes the validator raise anything but AnswersInvalid."""
    check_outcome(raw)


@FUZZ_SETTINGS
@given(st.dictionaries(st.sampled_from(["organisation", "maturity", "critical_paths",
                                        "priorities", "assumptions", "other"]),
                       json_values(max_leaves=12), max_size=6))  # fmt: skip
def test_any_json_under_the_known_top_level_keys_is_handled(raw: dict[str, Any]) -> None:
    """Arbitrary JSON in each object's place gives answers or field errors."""
    check_outcome(raw)


@MUTATION_SETTINGS
@given(raw_answers(max_paths=4), st.data())
def test_valid_answers_with_one_value_replaced_are_handled(
    raw: dict[str, Any], data: st.DataObject
) -> None:
    """Replacing any one value of valid answers with arbitrary JSON never crashes."""
    where = data.draw(st.sampled_from(locations(raw)))
    check_outcome(replaced(raw, where, data.draw(json_values(max_leaves=10))))


@MUTATION_SETTINGS
@given(raw_answers(max_paths=4), st.data())
def test_valid_answers_with_an_extra_key_are_rejected_at_that_key(
    raw: dict[str, Any], data: st.DataObject
) -> None:
    """An unknown key added to any object is reported at its own path."""
    objects = [where for where in [(), *locations(raw)] if _at(raw, where).__class__ is dict]
    where = data.draw(st.sampled_from(objects))
    key = data.draw(st.text(max_size=8).filter(lambda text: text not in _at(raw, where)))
    changed = copy.deepcopy(raw)
    _at(changed, where)[key] = data.draw(json_values(max_leaves=5))
    try:
        validate_answers(changed)
    except AnswersInvalid:
        return
    raise AssertionError("an unknown key was accepted")


def _at(raw: Any, where: tuple[Any, ...]) -> Any:
    for step in where:
        raw = raw[step]
    return raw
