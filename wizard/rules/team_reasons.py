"""Why the team is what it is: reasons for the T rules, naming the numbers."""

from __future__ import annotations

from typing import Final

from wizard.rules.limits import Level
from wizard.rules.reason_text import (
    And,
    Count,
    Name,
    Phrase,
    Reason,
    Then,
    Word,
    level_phrase,
    phrase,
    reason,
)
from wizard.rules.stage import Stage, stage_band
from wizard.rules.team import (
    AI_BANDS,
    AI_ENGINEERS_PER_AI_INFRA,
    AI_PER_ML_ENGINEER,
    LEVEL_ML_CAPS,
    ML_ENGINEERS_PER_ML_INFRA,
    STAGE_ML_CAPS,
    Staffing,
)

_LIFT_STAGE_CAP: Final[dict[Stage, str]] = {
    "startup": "T1.lift.startup",
    "growth": "T1.lift.growth",
    "enterprise": "T1.lift.enterprise",
}
_LIFT_LEVEL_CAP: Final[dict[Level, str]] = {
    1: "T1.lift.production",
    2: "T1.lift.production",
    3: "T1.lift.optimisation",
}


def _ml_reasons(staffing: Staffing, stage: Stage, level: Level) -> list[Reason]:
    justified = len(staffing.justified_paths)
    ml = staffing.team.ml_engineers
    if justified == 0:
        return [reason("T1.none")]
    paths = phrase(
        "T1.justifies" if justified == 1 else "T1.justify", paths=Count(justified, "path")
    )
    stage_cap, level_cap = STAGE_ML_CAPS[stage], LEVEL_ML_CAPS[level]
    if ml == justified:
        return [
            reason(
                "T1.allowed",
                paths=paths,
                stage=Word(stage),
                stage_cap=stage_cap,
                level=level_phrase(level),
                level_cap=level_cap,
                hire=Count(ml, "ml_engineer"),
            )
        ]
    holder: Phrase
    if staffing.binding_cap == "level":
        holder = phrase("T1.level_limits", level=level_phrase(level), cap=level_cap)
        lift = phrase(_LIFT_LEVEL_CAP[level])
    else:
        if stage_cap == level_cap:
            holder = phrase(
                "T1.both_limit", stage=Word(stage), level=level_phrase(level), cap=stage_cap
            )
        else:
            holder = phrase("T1.stage_limits", stage=Word(stage), cap=stage_cap)
        lift = phrase(_LIFT_STAGE_CAP[stage])
    now = phrase("T1.none_now") if ml == 0 else phrase("T1.hire_now", hire=Count(ml, "ml_engineer"))
    reasons = [reason("T1.capped", paths=paths, holder=holder, now=now, lift=lift)]
    waiting = justified - ml
    if ml == 0:
        reasons.append(reason("T5.one_deferred" if justified == 1 else "T5.all_deferred"))
    else:
        staffed = And(tuple(Name(name) for name in staffing.justified_paths[:ml]))
        code = "T5.{}_staffed_{}".format(
            "one" if ml == 1 else "many", "one_waits" if waiting == 1 else "many_wait"
        )
        reasons.append(reason(code, staffed=staffed, waiting=Count(waiting, "path")))
    return reasons


def _ai_reason(staffing: Staffing, stage: Stage, path_count: int) -> Reason:
    low, high = AI_BANDS[stage]
    team = staffing.team
    ml = team.ml_engineers
    for_ml = AI_PER_ML_ENGINEER * ml
    needed = max(path_count, for_ml)
    start = {"hire": Count(team.ai_engineers, "ai_engineer"), "stage": Word(stage)}
    start |= {"low": low, "high": high}
    if needed <= low:
        backing = (
            phrase("T2.no_ml_to_back")
            if ml == 0
            else phrase("T2.ml_to_back", ml=Count(ml, "ml_engineer"), per=AI_PER_ML_ENGINEER)
        )
        found = reason(
            "T2.bottom", **start, paths=Count(path_count, "critical_path"), backing=backing
        )
    else:
        driver = (
            phrase("T2.per_path", paths=path_count)
            if path_count >= for_ml
            else phrase("T2.per_ml", per=AI_PER_ML_ENGINEER, needed=for_ml)
        )
        if needed <= high:
            found = reason("T2.driven", **start, driver=driver, count=team.ai_engineers)
        else:
            found = reason("T2.capped", **start, driver=driver, needed=needed)
    if ml:
        return reason("T2.ratio", reason=found, per=AI_PER_ML_ENGINEER)
    return found


def _applied_reason(staffing: Staffing) -> Reason:
    return reason("T4.applied" if staffing.team.applied_ai_engineers else "T4.none")


def _infra_reason(staffing: Staffing, stage: Stage, level: Level) -> Reason:
    if stage != "enterprise":
        return reason("T3.not_enterprise", band=stage_band("enterprise"))
    if level < 3:
        return reason("T3.below_production", level=level_phrase(level))
    team = staffing.team
    ai_part = phrase(
        "T3.ai_part",
        people=Count(team.ai_infra_engineers, "ai_infrastructure_engineer"),
        per=AI_ENGINEERS_PER_AI_INFRA,
        ai=team.ai_engineers,
    )
    if team.ml_infra_engineers == 0:
        ml_part = phrase("T3.no_ml_part")
    else:
        ml_part = phrase(
            "T3.ml_part_one" if team.ml_engineers == 1 else "T3.ml_part_many",
            people=Count(team.ml_infra_engineers, "ml_infrastructure_engineer"),
            per=ML_ENGINEERS_PER_ML_INFRA,
            ml=team.ml_engineers,
        )
    return reason("T3.hire", ai_part=ai_part, ml_part=ml_part)


def _order_reason(staffing: Staffing) -> Reason:
    team = staffing.team
    groups: list[Phrase | Count] = []
    if team.applied_ai_engineers:
        groups.append(phrase("T6.applied"))
    others = team.ai_engineers - team.applied_ai_engineers
    if others:
        noun = "other_ai_engineer" if team.applied_ai_engineers else "ai_engineer"
        groups.append(Count(others, noun))
    if team.ml_engineers:
        groups.append(Count(team.ml_engineers, "ml_engineer"))
    if team.ai_infra_engineers:
        groups.append(Count(team.ai_infra_engineers, "ai_infrastructure_engineer"))
    if team.ml_infra_engineers:
        groups.append(Count(team.ml_infra_engineers, "ml_infrastructure_engineer"))
    return reason("T6.deferred" if staffing.deferred else "T6", groups=Then(tuple(groups)))


def team_reasons(staffing: Staffing, stage: Stage, level: Level, path_count: int) -> list[Reason]:
    """Why each count in the team is what it is, in the order of the T rules."""
    return [
        *_ml_reasons(staffing, stage, level),
        _ai_reason(staffing, stage, path_count),
        _infra_reason(staffing, stage, level),
        _applied_reason(staffing),
        _order_reason(staffing),
    ]
