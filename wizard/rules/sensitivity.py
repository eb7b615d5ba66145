"""Rules F1 to F3: the nearest changes of answers that would change the plan.

See docs/rules.md, "What would change the plan (F)".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from wizard.rules.answers import Answers, CriticalPath
from wizard.rules.economics import (
    MIN_LABELLED_EXAMPLES,
    PathResult,
    Verdict,
    verdict_on_economics,
)
from wizard.rules.limits import LEVELS, Level
from wizard.rules.reason_text import (
    And,
    Count,
    Money,
    Name,
    Phrase,
    Reason,
    Word,
    level_phrase,
    phrase,
    reason,
)
from wizard.rules.stage import ENTERPRISE_FROM, GROWTH_FROM, Stage, stage_for
from wizard.rules.team import DeferredHire, Staffing, Team, staff

PlanChangeField = Literal["headcount", "declared_level"]
PathFlipField = Literal["labelled_examples", "annual_impact"]


@dataclass(frozen=True, slots=True)
class PlanChange:
    """F1 or F2: the team (and, for F2, the deferred hires) at a changed answer.

    `deferred` is None for a headcount change (F1 compares the team only).
    """

    change: PlanChangeField
    to: int
    team: Team
    deferred: tuple[DeferredHire, ...] | None


@dataclass(frozen=True, slots=True)
class PathFlip:
    """F3: the value of one path's answer at which its verdict turns to `verdict`."""

    name: str
    field: PathFlipField
    at: float
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """What would change the plan: whole-plan changes, then per-path flips."""

    plan: tuple[PlanChange, ...]
    paths: tuple[PathFlip, ...]


def _team_at(staffing: Staffing, path_count: int, stage: Stage, level: Level) -> Staffing:
    # Path verdicts depend on neither headcount nor maturity, so the team rules run
    # again on the same ranked verdicts give the whole plan for F1 and F2.
    judgement = staffing.team.applied_ai_engineers > 0
    return staff(staffing.justified_paths, path_count, judgement, stage, level)


def headcount_changes(
    staffing: Staffing, path_count: int, headcount: int, level: Level
) -> tuple[PlanChange, ...]:
    """F1: the team at the next stage's first headcount and the previous stage's last."""
    stage = stage_for(headcount)
    candidates = []
    if stage != "enterprise":
        candidates.append(GROWTH_FROM if stage == "startup" else ENTERPRISE_FROM)
    if stage != "startup":
        candidates.append(GROWTH_FROM - 1 if stage == "growth" else ENTERPRISE_FROM - 1)
    changes = []
    for to in candidates:
        other = _team_at(staffing, path_count, stage_for(to), level).team
        if other != staffing.team:
            changes.append(PlanChange("headcount", to, other, None))
    return tuple(changes)


def level_change(
    staffing: Staffing, path_count: int, stage: Stage, level: Level
) -> PlanChange | None:
    """F2: the plan with the declared level one higher, when that changes who is hired."""
    if level >= 4:
        return None
    higher = LEVELS[level]  # LEVELS is 1-based in value, 0-based in index
    other = _team_at(staffing, path_count, stage, higher)
    if other.team == staffing.team and other.deferred == staffing.deferred:
        return None
    return PlanChange("declared_level", higher, other.team, other.deferred)


def path_flip(path: CriticalPath, result: PathResult) -> PathFlip | None:
    """F3: the nearest answer of one path at which its verdict turns, if there is one."""
    economics = result.economics
    if result.rules == ("V1",):
        # Economics do not depend on the examples: at 10,000, V2 to V4 decide instead.
        verdict, _ = verdict_on_economics(path, economics)
        if verdict == result.verdict:
            return None
        return PathFlip(path.name, "labelled_examples", MIN_LABELLED_EXAMPLES, verdict)
    years = economics.years_in_use
    if years <= 0 or economics.break_even_annual_impact is None:
        return None
    if path.foundation_model_adequate == "yes" and not path.needs_explainability:
        threshold = economics.yearly_maintenance + 2 * economics.build_cost / years
    else:
        threshold = economics.break_even_annual_impact
    other: Verdict = "foundation_model" if result.verdict == "custom_ml" else "custom_ml"
    return PathFlip(path.name, "annual_impact", threshold, other)


def assess_sensitivity(
    answers: Answers, paths: Sequence[PathResult], staffing: Staffing, level: Level
) -> tuple[Sensitivity, tuple[str, ...]]:
    """F1 to F3, and the rule ids of those that found a change."""
    headcount = answers.organisation.headcount
    changes = list(headcount_changes(staffing, len(paths), headcount, level))
    rules = ["F1"] if changes else []
    higher = level_change(staffing, len(paths), stage_for(headcount), level)
    if higher is not None:
        changes.append(higher)
        rules.append("F2")
    flips = tuple(
        flip
        for flip in (
            path_flip(path, result)
            for path, result in zip(answers.critical_paths, paths, strict=True)
        )
        if flip is not None
    )
    if flips:
        rules.append("F3")
    return Sensitivity(tuple(changes), flips), tuple(rules)


def describe_team(team: Team) -> And:
    """A team for a sentence: "8 AI engineers (1 of them applied) and 1 ML engineer"."""
    ai_count = Count(team.ai_engineers, "ai_engineer")
    ai: Phrase | Count = ai_count
    if team.applied_ai_engineers and team.ai_engineers > 1:
        ai = phrase("team.ai_applied_some", ai=ai_count, applied=team.applied_ai_engineers)
    elif team.applied_ai_engineers:
        ai = phrase("team.ai_applied_one", ai=ai_count)
    parts: list[Phrase | Count] = [ai]
    for number, noun in (
        (team.ml_engineers, "ml_engineer"),
        (team.ai_infra_engineers, "ai_infrastructure_engineer"),
        (team.ml_infra_engineers, "ml_infrastructure_engineer"),
    ):
        if number:
            parts.append(Count(number, noun))
    return And(tuple(parts))


def _change_reason(change: PlanChange, headcount: int) -> Reason:
    if change.change == "headcount":
        gap = change.to - headcount
        return reason(
            "F1.more" if gap > 0 else "F1.fewer",
            people=Count(change.to, "person"),
            gap=abs(gap),
            stage=Word(stage_for(change.to)),
            team=describe_team(change.team),
        )
    deferred = change.deferred or ()
    return reason(
        "F2",
        level=level_phrase(cast("Level", change.to)),
        team=describe_team(change.team),
        waiting=Count(len(deferred), "deferred_hire"),
    )


def _flip_reason(flip: PathFlip) -> Reason:
    name = Name(flip.name)
    verdict = Word(flip.verdict)
    if flip.field == "labelled_examples":
        return reason("F3.examples", name=name, examples=int(flip.at), verdict=verdict)
    code = "F3.below" if flip.verdict == "foundation_model" else "F3.above"
    return reason(code, name=name, at=Money(flip.at), verdict=verdict)


def sensitivity_reasons(sensitivity: Sensitivity, headcount: int) -> list[Reason]:
    """Each change that F1 to F3 found, in plain words with its number."""
    return [
        *(_change_reason(change, headcount) for change in sensitivity.plan),
        *(_flip_reason(flip) for flip in sensitivity.paths),
    ]
