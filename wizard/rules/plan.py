"""The plan: every rule applied to one set of answers (`make_plan`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from wizard.rules.answers import Answers
from wizard.rules.cost import cost_reason, team_cost_per_year
from wizard.rules.decision_tree import DecisionTree, walk_decision_tree
from wizard.rules.economics import PathResult, assess_path
from wizard.rules.maturity import MaturityAssessment, assess_maturity
from wizard.rules.reason_text import Reason, english
from wizard.rules.roadmap import RoadmapQuarter, plan_roadmap, roadmap_reasons
from wizard.rules.sensitivity import Sensitivity, assess_sensitivity, sensitivity_reasons
from wizard.rules.stage import Stage, stage_for, stage_reason
from wizard.rules.team import DeferredHire, Role, Team, plan_team
from wizard.rules.team_reasons import team_reasons

RULES_VERSION: Final = "2026.2"

# The order rule ids are reported in, the order the rules build on each other;
# D rules live in the decision tree.
RULE_ORDER: Final = (
    "M1", "M2", "S1", "V1", "V2", "V3", "V4", "T1", "T2", "T3", "T4", "T5", "T6",
    "C1", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "F1", "F2", "F3",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Plan:
    """Whom to hire now and why; see `plan_to_dict` for its JSON form.

    The last three fields are new in rules 2026.2; they are None on a plan
    read back from a 2026.1 snapshot, which never had them.
    """

    rules_version: str
    maturity: MaturityAssessment
    stage: Stage
    paths: tuple[PathResult, ...]
    team: Team
    deferred: tuple[DeferredHire, ...]
    hiring_order: tuple[Role, ...]
    decision_tree: DecisionTree
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    team_cost_per_year: float | None = None
    roadmap: tuple[RoadmapQuarter, ...] | None = None
    sensitivity: Sensitivity | None = None
    # `reasons` as codes and parameters (docs/rules.md, "Reasons as data"); empty on a plan
    # read back from a snapshot saved before they were kept.
    reason_codes: tuple[Reason, ...] = ()

    @property
    def in_place_quarter(self) -> int | None:
        """The quarter by whose end everyone hired now has started (None before 2026.2)."""
        if self.roadmap is None:
            return None
        return max((q.quarter for q in self.roadmap if q.start), default=None)


def make_plan(answers: Answers) -> Plan:
    """Apply the framework's rules to valid answers.

    A pure function: the same answers always give the same plan, and nothing
    is read or written.
    """
    maturity = assess_maturity(answers.maturity)
    stage = stage_for(answers.organisation.headcount)
    paths = tuple(assess_path(path, answers.assumptions) for path in answers.critical_paths)
    staffing = plan_team(paths, stage, maturity.level)
    tree = walk_decision_tree(answers, paths, stage)
    assumptions = answers.assumptions
    by_name = {path.name: path for path in answers.critical_paths}
    staffed = [by_name[name] for name in staffing.justified_paths[: staffing.team.ml_engineers]]
    roadmap = plan_roadmap(staffing.hiring_order, staffed, assumptions)
    sensitivity, sensitivity_rules = assess_sensitivity(answers, paths, staffing, maturity.level)
    fired = {*maturity.rules, "S1", *staffing.rules, "C1", *roadmap.rules, *sensitivity_rules}
    fired.update(rule for path in paths for rule in path.rules)
    has_deferred = bool(staffing.deferred)
    coded = (
        *maturity.reason_codes,
        stage_reason(answers.organisation.headcount, stage),
        *team_reasons(staffing, stage, maturity.level, len(paths)),
        cost_reason(staffing.team, assumptions, has_deferred),
        *roadmap_reasons(roadmap, assumptions, has_deferred),
        *sensitivity_reasons(sensitivity, answers.organisation.headcount),
        tree.reason(),
    )
    return Plan(
        rules_version=RULES_VERSION,
        maturity=maturity,
        stage=stage,
        paths=paths,
        team=staffing.team,
        deferred=staffing.deferred,
        hiring_order=staffing.hiring_order,
        decision_tree=tree,
        rules=tuple(rule for rule in RULE_ORDER if rule in fired),
        reasons=tuple(english(item) for item in coded),
        team_cost_per_year=team_cost_per_year(staffing.team, assumptions),
        roadmap=roadmap.quarters,
        sensitivity=sensitivity,
        reason_codes=coded,
    )
