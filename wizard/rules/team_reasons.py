"""Why the team is what it is: sentences for the T rules, naming the numbers."""

from __future__ import annotations

from typing import Final

from wizard.rules.limits import Level
from wizard.rules.maturity import describe_level
from wizard.rules.stage import STAGE_BANDS, Stage
from wizard.rules.team import (
    AI_BANDS,
    AI_ENGINEERS_PER_AI_INFRA,
    AI_PER_ML_ENGINEER,
    LEVEL_ML_CAPS,
    ML_ENGINEERS_PER_ML_INFRA,
    STAGE_ML_CAPS,
    Staffing,
)
from wizard.rules.wording import count, listing, quoted

_LIFT_STAGE_CAP: Final[dict[Stage, str]] = {
    "startup": "Reaching 20 people would lift the stage's limit.",
    "growth": "Reaching 100 people would lift the stage's limit.",
    "enterprise": "No stage allows more, so the other justified paths queue behind "
    "higher-value ones.",
}
_LIFT_LEVEL_CAP: Final[dict[Level, str]] = {
    1: "Reaching production (level 3) would lift the level's limit.",
    2: "Reaching production (level 3) would lift the level's limit.",
    3: "Reaching optimisation (level 4) would lift the level's limit.",
}


def _ml_reasons(staffing: Staffing, stage: Stage, level: Level) -> list[str]:
    justified = len(staffing.justified_paths)
    ml = staffing.team.ml_engineers
    if justified == 0:
        return ["No critical path justifies a custom model, so no ML engineer is needed now."]
    paths = f"{count(justified, 'path')} {'justifies' if justified == 1 else 'justify'}"
    stage_cap, level_cap = STAGE_ML_CAPS[stage], LEVEL_ML_CAPS[level]
    if ml == justified:
        return [
            f"{paths} a custom model, and both the {stage} stage (up to {stage_cap}) and "
            f"{describe_level(level)} (up to {level_cap}) allow for that, "
            f"so hire {count(ml, 'ML engineer')} now."
        ]
    if staffing.binding_cap == "level":
        holder = f"{describe_level(level)} limits ML engineers to {level_cap}"
        lift = _LIFT_LEVEL_CAP[level]
    else:
        if stage_cap == level_cap:
            holder = (
                f"both the {stage} stage and {describe_level(level)} "
                f"limit ML engineers to {stage_cap}"
            )
        else:
            holder = f"the {stage} stage limits ML engineers to {stage_cap}"
        lift = _LIFT_STAGE_CAP[stage]
    now = "so none is hired now" if ml == 0 else f"so hire {count(ml, 'ML engineer')} now"
    reasons = [f"{paths} a custom model, but {holder}, {now}. {lift}"]
    waiting = justified - ml
    if ml == 0:
        reasons.append(
            "The ML engineer for that path is a deferred hire, made when the limit lifts."
            if justified == 1
            else "The ML engineers for those paths are deferred hires, highest net value first."
        )
    else:
        staffed = listing([quoted(name) for name in staffing.justified_paths[:ml]])
        reasons.append(
            f"Ranked by net value, {staffed} {'is' if ml == 1 else 'are'} staffed now; "
            f"the other {count(waiting, 'path')} "
            f"{'waits as a deferred hire' if waiting == 1 else 'wait as deferred hires'}."
        )
    return reasons


def _ai_reason(staffing: Staffing, stage: Stage, path_count: int) -> str:
    low, high = AI_BANDS[stage]
    team = staffing.team
    ml = team.ml_engineers
    for_ml = AI_PER_ML_ENGINEER * ml
    needed = max(path_count, for_ml)
    hire = count(team.ai_engineers, "AI engineer")
    start = f"Hire {hire}: the {stage} stage calls for {low} to {high}"
    if needed <= low:
        backing = (
            "no ML engineer to back"
            if ml == 0
            else f"{count(ml, 'ML engineer')} to back with {AI_PER_ML_ENGINEER} each"
        )
        reason = (
            f"{start}, and with {count(path_count, 'critical path')} and {backing}, "
            "the bottom of that range is enough."
        )
    else:
        driver = (
            f"one per critical path ({path_count:,})"
            if path_count >= for_ml
            else f"{AI_PER_ML_ENGINEER} for each ML engineer ({for_ml})"
        )
        if needed <= high:
            reason = f"{start}, and {driver} takes it to {team.ai_engineers}."
        else:
            reason = f"{start}; {driver} would mean {needed:,}, so the plan stops at the top."
    if ml:
        reason += (
            f" That keeps at least {AI_PER_ML_ENGINEER} AI engineers for every ML engineer, "
            "and the AI engineers come first."
        )
    return reason


def _applied_reason(staffing: Staffing) -> str:
    if staffing.team.applied_ai_engineers:
        return (
            "One of the AI engineers should be an applied AI engineer, who can judge when "
            "a custom model is worth it: at least one path needs a custom model or more "
            "labelled data first."
        )
    return (
        "No path needs a custom model or more labelled data, so an applied AI engineer "
        "is not needed yet."
    )


def _infra_reason(staffing: Staffing, stage: Stage, level: Level) -> str:
    if stage != "enterprise":
        return (
            "No infrastructure engineers yet: they pay off at enterprise scale "
            f"({STAGE_BANDS['enterprise']}) with systems in production (level 3 or above)."
        )
    if level < 3:
        return (
            "No infrastructure engineers yet: the organisation is at enterprise scale but at "
            f"{describe_level(level)}, and they pay off once systems are in production "
            "(level 3 or above)."
        )
    team = staffing.team
    ai_part = (
        f"{count(team.ai_infra_engineers, 'AI infrastructure engineer')} (one looks after "
        f"up to {AI_ENGINEERS_PER_AI_INFRA} AI engineers, and there are {team.ai_engineers})"
    )
    if team.ml_infra_engineers == 0:
        ml_part = "no ML infrastructure engineer, as there is no ML engineer to support"
    else:
        ml_part = (
            f"{count(team.ml_infra_engineers, 'ML infrastructure engineer')} (one looks "
            f"after up to {ML_ENGINEERS_PER_ML_INFRA} ML engineers, and there "
            f"{'is' if team.ml_engineers == 1 else 'are'} {team.ml_engineers})"
        )
    return f"At enterprise scale with systems in production, hire {ai_part} and {ml_part}."


def _order_reason(staffing: Staffing) -> str:
    team = staffing.team
    groups = []
    if team.applied_ai_engineers:
        groups.append("the applied AI engineer")
    others = team.ai_engineers - team.applied_ai_engineers
    if others:
        noun = "other AI engineer" if team.applied_ai_engineers else "AI engineer"
        groups.append(count(others, noun))
    if team.ml_engineers:
        groups.append(count(team.ml_engineers, "ML engineer"))
    if team.ai_infra_engineers:
        groups.append(count(team.ai_infra_engineers, "AI infrastructure engineer"))
    if team.ml_infra_engineers:
        groups.append(count(team.ml_infra_engineers, "ML infrastructure engineer"))
    reason = "Start with " + ", then ".join(groups) + "."
    if staffing.deferred:
        reason += " Deferred hires come after, once their triggers are met."
    return reason


def team_reasons(staffing: Staffing, stage: Stage, level: Level, path_count: int) -> list[str]:
    """Why each count in the team is what it is, in the order of the T rules."""
    return [
        *_ml_reasons(staffing, stage, level),
        _ai_reason(staffing, stage, path_count),
        _infra_reason(staffing, stage, level),
        _applied_reason(staffing),
        _order_reason(staffing),
    ]
