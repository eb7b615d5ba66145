"""The Hireframe framework engine: answers in, hiring plan out.

Pure Python with no Django, database or I/O, so the web wizard, the JSON API,
the `plan` command and the tests all apply exactly the same rules
(docs/rules.md).

    answers = validate_answers(raw_json_value)   # or raises AnswersInvalid
    plan = make_plan(answers)
    payload = plan_to_dict(plan)
"""

from __future__ import annotations

from wizard.rules import limits
from wizard.rules.answers import (
    Answers,
    Assumptions,
    CriticalPath,
    Maturity,
    Organisation,
    Priorities,
)
from wizard.rules.decision_tree import DecisionTree
from wizard.rules.economics import PathEconomics, PathResult, Verdict
from wizard.rules.limits import (
    FOUNDATION_MODEL_ADEQUACY,
    KINDS,
    LEVELS,
    MAINTENANCE_LEVELS,
    MAX_CRITICAL_PATHS,
    MAX_PATH_NAME_LENGTH,
    Adequacy,
    Kind,
    Level,
    Maintenance,
    NumberRange,
)
from wizard.rules.maturity import LEVEL_NAMES, MaturityAssessment
from wizard.rules.plan import RULES_VERSION, Plan, make_plan
from wizard.rules.roadmap import RoadmapQuarter
from wizard.rules.sensitivity import PathFlip, PlanChange, Sensitivity
from wizard.rules.serialise import answers_to_dict, plan_from_dict, plan_to_dict
from wizard.rules.stage import STAGES, Stage
from wizard.rules.team import DeferredHire, Role, Team
from wizard.rules.validation import AnswersInvalid, validate_answers

__all__ = [
    "FOUNDATION_MODEL_ADEQUACY",
    "KINDS",
    "LEVELS",
    "LEVEL_NAMES",
    "MAINTENANCE_LEVELS",
    "MAX_CRITICAL_PATHS",
    "MAX_PATH_NAME_LENGTH",
    "RULES_VERSION",
    "STAGES",
    "Adequacy",
    "Answers",
    "AnswersInvalid",
    "Assumptions",
    "CriticalPath",
    "DecisionTree",
    "DeferredHire",
    "Kind",
    "Level",
    "Maintenance",
    "Maturity",
    "MaturityAssessment",
    "NumberRange",
    "Organisation",
    "PathEconomics",
    "PathFlip",
    "PathResult",
    "Plan",
    "PlanChange",
    "Priorities",
    "RoadmapQuarter",
    "Role",
    "Sensitivity",
    "Stage",
    "Team",
    "Verdict",
    "answers_to_dict",
    "limits",
    "make_plan",
    "plan_from_dict",
    "plan_to_dict",
    "validate_answers",
]
