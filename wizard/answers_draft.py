"""Draft answers as stored on an assessment: the engine's JSON contract, kept valid.

A guest's draft may not know the headcount until the last step, so validation fills in a
stand-in for it and takes it out again; everything else is always engine-valid.
"""

from __future__ import annotations

import copy
from typing import Any

from wizard.rules import Answers, AnswersInvalid, answers_to_dict, validate_answers

# Any valid headcount serves while the real one is unknown: only stage and team use it,
# and neither is shown before the headcount is asked for.
_STAND_IN_HEADCOUNT = 1


def has_headcount(answers: dict[str, Any]) -> bool:
    return "headcount" in answers.get("organisation", {})


def to_engine_answers(answers: dict[str, Any]) -> Answers:
    """The engine's Answers for a draft (with a stand-in headcount if it has none yet)."""
    raw = copy.deepcopy(answers)
    raw.setdefault("organisation", {}).setdefault("headcount", _STAND_IN_HEADCOUNT)
    return validate_answers(raw)


def normalised(answers: dict[str, Any]) -> dict[str, Any]:
    """`answers` validated and written out in full, defaults included.

    Raises AnswersInvalid if the engine rejects them: the forms share the engine's ranges,
    so that would be a bug, and it must stop the save rather than store bad data.
    """
    full = answers_to_dict(to_engine_answers(answers))
    if not has_headcount(answers):
        del full["organisation"]["headcount"]
    return full


def is_engine_valid(answers: dict[str, Any]) -> bool:
    try:
        to_engine_answers(answers)
    except AnswersInvalid:
        return False
    return True


def blank_answers(headcount: int | None) -> dict[str, Any]:
    return normalised({"organisation": {} if headcount is None else {"headcount": headcount}})
