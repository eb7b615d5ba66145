"""Rules T1 to T6: whom to hire now, in what order, and what waits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from wizard.rules.economics import PathResult
from wizard.rules.limits import Level
from wizard.rules.stage import Stage

Role = Literal[
    "applied_ai_engineer", "ai_engineer", "ml_engineer", "ai_infra_engineer", "ml_infra_engineer"
]
CapSource = Literal["stage", "level"]

STAGE_ML_CAPS: Final[Mapping[Stage, int]] = {"startup": 0, "growth": 1, "enterprise": 3}
LEVEL_ML_CAPS: Final[Mapping[Level, int]] = {1: 0, 2: 0, 3: 1, 4: 3}
AI_BANDS: Final[Mapping[Stage, tuple[int, int]]] = {
    "startup": (1, 2),
    "growth": (3, 5),
    "enterprise": (8, 12),
}
AI_PER_ML_ENGINEER: Final = 3
# T3: one AI-infra engineer looks after up to this many AI engineers.
AI_ENGINEERS_PER_AI_INFRA: Final = 9
# T3: one ML-infra engineer looks after up to this many ML engineers.
ML_ENGINEERS_PER_ML_INFRA: Final = 2
INFRA_FROM_LEVEL: Final[Level] = 3

STAGE_TRIGGERS: Final[Mapping[Stage, str]] = {
    "startup": "reach 20 people",
    "growth": "reach 100 people",
    "enterprise": "queue behind higher-value paths",
}
# No level 4 entry: its cap (3) is never below a stage cap, so the stage's
# trigger always applies there.
LEVEL_TRIGGERS: Final[Mapping[Level, str]] = {
    1: "reach production (level 3)",
    2: "reach production (level 3)",
    3: "reach optimisation (level 4)",
}


@dataclass(frozen=True, slots=True)
class Team:
    """Whom to hire now. Applied AI engineers are counted inside `ai_engineers`."""

    ai_engineers: int
    applied_ai_engineers: int
    ml_engineers: int
    ml_infra_engineers: int
    ai_infra_engineers: int


@dataclass(frozen=True, slots=True)
class DeferredHire:
    """An ML-engineer hire for a justified path that waits for its trigger."""

    role: Literal["ml_engineer"]
    path: str
    trigger: str


@dataclass(frozen=True, slots=True)
class Staffing:
    """The team, which custom-model paths it staffs now, and what waits."""

    team: Team
    justified_paths: tuple[str, ...]  # custom_ml paths, ranked by net value
    deferred: tuple[DeferredHire, ...]
    hiring_order: tuple[Role, ...]
    binding_cap: CapSource  # the cap that limits ML engineers (stage when equal)
    rules: tuple[str, ...]


def binding_cap(stage: Stage, level: Level) -> CapSource:
    """Which cap holds ML engineers back; the stage's when the caps are equal."""
    return "stage" if STAGE_ML_CAPS[stage] <= LEVEL_ML_CAPS[level] else "level"


def trigger_for(stage: Stage, level: Level) -> str:
    """T5: what would let a deferred ML-engineer hire go ahead."""
    if binding_cap(stage, level) == "stage":
        return STAGE_TRIGGERS[stage]
    return LEVEL_TRIGGERS[level]


def ai_engineer_count(stage: Stage, path_count: int, ml_engineers: int) -> int:
    """T2: at least one per path and three per ML engineer, within the stage's band."""
    low, high = AI_BANDS[stage]
    return min(high, max(low, path_count, AI_PER_ML_ENGINEER * ml_engineers))


def infra_counts(stage: Stage, level: Level, ai: int, ml: int) -> tuple[int, int]:
    """T3: (AI-infra, ML-infra) engineers; none below enterprise scale in production."""
    if stage != "enterprise" or level < INFRA_FROM_LEVEL:
        return 0, 0
    ai_infra = 1 if ai <= AI_ENGINEERS_PER_AI_INFRA else 2
    if ml == 0:
        ml_infra = 0
    elif ml <= ML_ENGINEERS_PER_ML_INFRA:
        ml_infra = 1
    else:
        ml_infra = 2
    return ai_infra, ml_infra


def hiring_order(team: Team) -> tuple[Role, ...]:
    """T6: AI engineers (applied first), then ML, then infrastructure.

    AI infrastructure comes before ML infrastructure because it serves the
    larger AI group. Deferred hires are not in the order: they wait.
    """
    roles: list[Role] = []
    roles += ["applied_ai_engineer"] * team.applied_ai_engineers
    roles += ["ai_engineer"] * (team.ai_engineers - team.applied_ai_engineers)
    roles += ["ml_engineer"] * team.ml_engineers
    roles += ["ai_infra_engineer"] * team.ai_infra_engineers
    roles += ["ml_infra_engineer"] * team.ml_infra_engineers
    return tuple(roles)


def staff(
    justified: Sequence[str],
    path_count: int,
    needs_judgement: bool,
    stage: Stage,
    level: Level,
) -> Staffing:
    """T1 to T6 from the ranked custom-model paths; F1 and F2 call it at other answers."""
    ml = min(len(justified), STAGE_ML_CAPS[stage], LEVEL_ML_CAPS[level])
    ai = ai_engineer_count(stage, path_count, ml)
    ai_infra, ml_infra = infra_counts(stage, level, ai, ml)
    team = Team(
        ai_engineers=ai,
        applied_ai_engineers=1 if needs_judgement else 0,
        ml_engineers=ml,
        ml_infra_engineers=ml_infra,
        ai_infra_engineers=ai_infra,
    )
    trigger = trigger_for(stage, level)
    deferred = tuple(DeferredHire("ml_engineer", name, trigger) for name in justified[ml:])
    rules = ["T1", "T2"]
    if ai_infra or ml_infra:
        rules.append("T3")
    if team.applied_ai_engineers:
        rules.append("T4")
    if justified:
        rules.append("T5")
    rules.append("T6")
    return Staffing(
        team=team,
        justified_paths=tuple(justified),
        deferred=deferred,
        hiring_order=hiring_order(team),
        binding_cap=binding_cap(stage, level),
        rules=tuple(rules),
    )


def needs_judgement(paths: Sequence[PathResult]) -> bool:
    """T4: whether any path needs someone to judge custom ML (custom_ml or gather_data)."""
    return any(path.verdict in ("custom_ml", "gather_data") for path in paths)


def plan_team(paths: Sequence[PathResult], stage: Stage, level: Level) -> Staffing:
    """Apply T1 to T6 to the path verdicts at the given stage and level."""
    # sorted() is stable, even in reverse, so equal net values keep input order.
    justified = sorted(
        (path for path in paths if path.verdict == "custom_ml"),
        key=lambda path: path.economics.net_value,
        reverse=True,
    )
    names = [path.name for path in justified]
    return staff(names, len(paths), needs_judgement(paths), stage, level)
