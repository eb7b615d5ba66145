"""Would anyone's answers change the plan? The engine run on each respondent's own answers
and on the consensus, compared: the team, and the verdict on each path.

For a respondent whose answers give a different plan, each answer where they differ from
the consensus is tried alone in the consensus; those that change the plan by themselves
are the ones "that make the difference". When none does alone, it is their answers taken
together (`combined`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wizard.rules.consensus import Consensus, path_key
from wizard.rules.economics import assess_path
from wizard.rules.plan import Plan, make_plan
from wizard.rules.team import Team
from wizard.rules.validation import validate_answers

Picks = Mapping[tuple[str | None, str], Any]


@dataclass(frozen=True, slots=True)
class VerdictDifference:
    """A path whose verdict differs; None where the path is not in that plan at all."""

    path: str
    consensus: str | None
    theirs: str | None


@dataclass(frozen=True, slots=True)
class Decisive:
    """One answer that, put alone in place of the consensus, changes the plan.

    `field` "included" means naming the path (value True) or not (False)."""

    path: str | None  # the path's name; None for a maturity answer
    field: str
    theirs: Any
    consensus: Any


@dataclass(frozen=True, slots=True)
class RespondentImpact:
    respondent: str
    team: Team
    team_differs: bool
    verdicts: tuple[VerdictDifference, ...]
    decisive: tuple[Decisive, ...]

    @property
    def changes_plan(self) -> bool:
        return self.team_differs or bool(self.verdicts)

    @property
    def combined(self) -> bool:
        """The plan differs, but only their answers together make it differ."""
        return self.changes_plan and not self.decisive


@dataclass(frozen=True, slots=True)
class PlanImpact:
    plan: Plan  # the consensus plan (with the organiser's picks)
    respondents: tuple[RespondentImpact, ...]

    @property
    def anyone_changes_plan(self) -> bool:
        return any(r.changes_plan for r in self.respondents)


def _plan(base: Mapping[str, Any], steps: Mapping[str, Any]) -> Plan:
    return make_plan(validate_answers({**base, **steps}))


def _verdicts(plan: Plan) -> dict[str, tuple[str, str]]:
    return {path_key(p.name): (p.name, p.verdict) for p in plan.paths}


def _differences(consensus_plan: Plan, other: Plan) -> tuple[VerdictDifference, ...]:
    ours, theirs = _verdicts(consensus_plan), _verdicts(other)
    differences = []
    for key in sorted(set(ours) | set(theirs)):
        name = (ours.get(key) or theirs[key])[0]
        mine = ours[key][1] if key in ours else None
        other_verdict = theirs[key][1] if key in theirs else None
        if mine != other_verdict:
            differences.append(VerdictDifference(name, mine, other_verdict))
    return tuple(differences)


def _changes(consensus_plan: Plan, other: Plan) -> bool:
    return other.team != consensus_plan.team or bool(_differences(consensus_plan, other))


def _path_verdict(path: Mapping[str, Any], base: Mapping[str, Any]) -> str:
    """One path's verdict alone: it depends on the path and the assumptions only."""
    answers = validate_answers(
        {
            "organisation": {"headcount": 1},
            "critical_paths": [dict(path)],
            "assumptions": base.get("assumptions", {}),
        }
    )
    return assess_path(answers.critical_paths[0], answers.assumptions).verdict


def _decisive(
    consensus: Consensus,
    label: str,
    base: Mapping[str, Any],
    picks: Picks,
    consensus_plan: Plan,
    included: Mapping[str, bool],
) -> tuple[Decisive, ...]:
    found = []
    names = {p.key: p.name for p in consensus.paths}
    own = consensus.respondent_paths[label]
    kept = {path["name"]: path for path in consensus.answers(picks)["critical_paths"]}
    verdicts = {path_key(p.name): p.verdict for p in consensus_plan.paths}
    for presence in consensus.paths:
        named = presence.key in own
        if named != included[presence.key]:
            # A path in one plan and not the other is a difference in its verdicts already.
            found.append(Decisive(presence.name, "included", named, included[presence.key]))
    for f in consensus.fields:
        if f.path is not None and (f.path not in own or not included[f.path]):
            continue  # a path they did not name, or that is left out, has no answer to try
        current = picks.get((f.path, f.field), f.consensus)
        theirs = own[f.path][f.field] if f.path is not None else f.value_of(label)
        if theirs == current:
            continue
        if f.path is not None:
            # One path's answer changes that path's result only, and the team follows
            # from the verdicts: the plan changes exactly when this path's verdict does.
            trial_path = {**kept[names[f.path]], f.field: theirs}
            if _path_verdict(trial_path, base) != verdicts[f.path]:
                found.append(Decisive(names[f.path], f.field, theirs, current))
            continue
        trial = {**picks, (f.path, f.field): theirs}
        if _changes(consensus_plan, _plan(base, consensus.answers(trial))):
            found.append(Decisive(None, f.field, theirs, current))
    return tuple(found)


def plan_impact(
    consensus: Consensus, base: Mapping[str, Any], picks: Picks | None = None
) -> PlanImpact:
    """Run the engine on the consensus (with `picks`) and on each respondent's answers.

    `base` holds the answers the respondents were not asked (the organisation, the
    priorities and the assumptions); each respondent's maturity and paths go on top.
    Raises AnswersInvalid when the answers put together are not valid.
    """
    picks = dict(picks or {})
    consensus_plan = _plan(base, consensus.answers(picks))
    included = {p.key: bool(picks.get((p.key, "included"), p.included)) for p in consensus.paths}
    impacts = []
    for label in consensus.respondents:
        maturity = {f.field: f.value_of(label) for f in consensus.maturity}
        paths = list(consensus.respondent_paths[label].values())
        theirs = _plan(base, {"maturity": maturity, "critical_paths": paths})
        team_differs = theirs.team != consensus_plan.team
        verdicts = _differences(consensus_plan, theirs)
        decisive: tuple[Decisive, ...] = ()
        if team_differs or verdicts:
            decisive = _decisive(consensus, label, base, picks, consensus_plan, included)
        impacts.append(RespondentImpact(label, theirs.team, team_differs, verdicts, decisive))
    return PlanImpact(plan=consensus_plan, respondents=tuple(impacts))
