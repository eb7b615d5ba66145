"""Draft answers as stored on an assessment: the engine's JSON contract, kept valid.

A guest's draft may not know the headcount until the last step, so validation fills in a
stand-in for it and takes it out again; everything else is always engine-valid.
"""

from __future__ import annotations

import copy
from typing import Any

from wizard.rules import Answers, AnswersInvalid, Plan, answers_to_dict, make_plan, validate_answers

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


def _written_out(answers: dict[str, Any], engine_answers: Answers) -> dict[str, Any]:
    full = answers_to_dict(engine_answers)
    if not has_headcount(answers):
        del full["organisation"]["headcount"]
    return full


def normalised(answers: dict[str, Any]) -> dict[str, Any]:
    """`answers` validated and written out in full, defaults included.

    Raises AnswersInvalid if the engine rejects them: the forms share the engine's ranges,
    so that would be a bug, and it must stop the save rather than store bad data.
    """
    return _written_out(answers, to_engine_answers(answers))


class Draft:
    """Draft answers (and the paths' descriptions) about to be stored, checked by the
    engine once; the plan is made from that check, once, and only if something asks.

    Raises AnswersInvalid as `normalised` does.
    """

    def __init__(self, answers: dict[str, Any], descriptions: list[str]) -> None:
        self.engine_answers = to_engine_answers(answers)
        self.answers = _written_out(answers, self.engine_answers)
        self.descriptions = descriptions
        self.headcount_known = has_headcount(answers)
        self._plan: Plan | None = None

    @property
    def plan(self) -> Plan:
        if self._plan is None:
            self._plan = make_plan(self.engine_answers)
        return self._plan

    @classmethod
    def saved(cls, answers: dict[str, Any]) -> Draft | None:
        """The draft for answers already stored, or None if the engine now refuses them."""
        try:
            return cls(answers, [])
        except AnswersInvalid:
            return None


def is_engine_valid(answers: dict[str, Any]) -> bool:
    try:
        to_engine_answers(answers)
    except AnswersInvalid:
        return False
    return True


def blank_answers(headcount: int | None) -> dict[str, Any]:
    return normalised({"organisation": {} if headcount is None else {"headcount": headcount}})
