"""What the consensus view shows: the closed round's answers side by side, read once,
reduced by the engine's consensus module, and the plan run on each voice."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from voices.models import Respondent, Round
from voices.rounds import base_answers
from wizard import labels
from wizard.forms import MaturityForm, PathForm, RoiForm
from wizard.rules.consensus import (
    Consensus,
    FieldConsensus,
    consensus_of,
    path_key,
    resolve,
)
from wizard.rules.plan_impact import PlanImpact, RespondentImpact, plan_impact
from wizard.steps.base import shown

_FORM_FIELDS = {**MaturityForm.base_fields, **PathForm.base_fields, **RoiForm.base_fields}
_CHOICE_LABELS: dict[str, Any] = {
    "kind": labels.KINDS,
    "maintenance": labels.MAINTENANCE,
    "foundation_model_adequate": labels.ADEQUACY,
    "declared_level": labels.NUMBERED_LEVELS,
}


def field_label(name: str) -> str:
    if name == "included":
        return _("Named as a critical path")
    field = _FORM_FIELDS.get(name)
    return str(field.label) if field is not None else name


def value_label(name: str, value: Any) -> str:
    """An answer as a person reads it."""
    if value is None:
        return _("not declared") if name == "declared_level" else "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if name in _CHOICE_LABELS:
        return labels.label(_CHOICE_LABELS[name], value)
    return str(shown(value))


def encode(value: Any) -> str:
    return json.dumps(value)


@dataclass
class Cell:
    respondent: str
    value: Any
    shown: str
    note: dict[str, str] | None
    differs: bool  # from the consensus


@dataclass
class Row:
    index: int
    field: FieldConsensus
    label: str
    cells: list[Cell | None]
    consensus: str
    spread: str
    tied: list[str]
    options: list[tuple[str, str]]  # (encoded value, shown) the organiser may pick
    picked: str  # the encoded pick, or "" for the consensus
    path_name: str = ""


def submitted_respondents(round_: Round) -> list[Respondent]:
    """The answers that came in, with their people: one query."""
    return list(
        round_.respondents.filter(submitted__isnull=False)
        .select_related("user")
        .order_by("email", "id")
    )


def _picks(round_: Round, consensus: Consensus) -> dict[tuple[str | None, str], Any]:
    """The organiser's stored picks, keeping only those that still name a field and a
    value someone gave (merges may have moved the paths since)."""
    stored = round_.picks if isinstance(round_.picks, list) else []
    fields = {(f.path, f.field): f for f in consensus.fields}
    paths = {p.key for p in consensus.paths}
    picks: dict[tuple[str | None, str], Any] = {}
    for item in stored:
        if not (isinstance(item, list) and len(item) == 3):
            continue
        path, name, value = item
        if name == "included":
            valid = path in paths and isinstance(value, bool)
        else:
            valid = (path, name) in fields and value in dict(fields[(path, name)].answers).values()
        if valid:
            picks[(path, name)] = value
    return picks


@dataclass
class ConsensusPage:
    respondents: list[Respondent]
    names: dict[str, str]  # consensus label (email) → how the page names them
    consensus: Consensus
    impact: PlanImpact
    picks: dict[tuple[str | None, str], Any]
    rows: list[Row]
    merges: dict[str, str]

    def answers(self) -> dict[str, Any]:
        return self.consensus.answers(self.picks)

    def descriptions(self) -> list[str]:
        """Each kept path's description: the first one a respondent gave, by respondent."""
        found: dict[str, str] = {}
        for respondent in self.respondents:
            for path, text in zip(
                respondent.answers.get("critical_paths", []),
                respondent.path_descriptions,
                strict=False,
            ):
                key = resolve(path_key(path["name"]), self.merges)
                if text and key not in found:
                    found[key] = text
        return [found.get(path_key(p["name"]), "") for p in self.answers()["critical_paths"]]

    def sentences(self, impact: RespondentImpact) -> list[str]:
        """In plain words: does this voice change the plan, and which answer does it."""
        who = self.names[impact.respondent]
        if not impact.changes_plan:
            return [_("%(who)s's answers give the same plan.") % {"who": who}]
        said = []
        if impact.team_differs:
            ours = self.impact.plan.team
            changes = [
                _("%(role)s: %(theirs)s rather than %(ours)s")
                % {"role": label, "theirs": count, "ours": labels.team_count(ours, key)}
                for key, label, count in labels.team_rows(impact.team)
                if count != labels.team_count(ours, key)
            ]
            said.append(
                _("%(who)s's answers would give a different team (%(changes)s).")
                % {"who": who, "changes": "; ".join(changes)}
            )
        for difference in impact.verdicts:
            said.append(
                _("On %(path)s: %(theirs)s rather than %(ours)s.")
                % {
                    "path": difference.path,
                    "theirs": labels.label(labels.VERDICTS, difference.theirs)
                    if difference.theirs
                    else _("not a critical path"),
                    "ours": labels.label(labels.VERDICTS, difference.consensus)
                    if difference.consensus
                    else _("not a critical path"),
                }
            )
        if impact.decisive:
            for answer in impact.decisive:
                place = f"{answer.path}, " if answer.path else ""
                said.append(
                    _(
                        "The answer that makes the difference: %(field)s, "
                        "%(theirs)s rather than %(ours)s."
                    )
                    % {
                        "field": place + field_label(answer.field),
                        "theirs": value_label(answer.field, answer.theirs),
                        "ours": value_label(answer.field, answer.consensus),
                    }
                )
        else:
            said.append(_("No single answer does it alone: it is their answers taken together."))
        return said

    def summaries(self) -> list[tuple[RespondentImpact, list[str]]]:
        return [(impact, self.sentences(impact)) for impact in self.impact.respondents]


def _spread(field: FieldConsensus) -> str:
    if field.kind == "number":
        if field.low == field.high:
            return value_label(field.field, field.low)
        return f"{value_label(field.field, field.low)} – {value_label(field.field, field.high)}"
    counts: dict[str, int] = {}
    for _label, value in field.answers:
        shown_value = value_label(field.field, value)
        counts[shown_value] = counts.get(shown_value, 0) + 1
    return ", ".join(f"{value} × {count}" for value, count in counts.items())


def consensus_page(round_: Round, respondents: list[Respondent] | None = None) -> ConsensusPage:
    """The closed round's consensus page, from the answers that came in."""
    respondents = submitted_respondents(round_) if respondents is None else respondents
    voices = {r.email: r.answers for r in respondents}
    merges = round_.merges if isinstance(round_.merges, dict) else {}
    consensus = consensus_of(voices, merges)
    picks = _picks(round_, consensus)
    impact = plan_impact(consensus, base_answers(round_.assessment), picks)
    notes = {r.email: r.notes for r in respondents}
    names = {p.key: p.name for p in consensus.paths}
    rows = []
    for index, field in enumerate(consensus.fields):
        note_key = field_note_key(field.path, field.field)
        current = picks.get((field.path, field.field), field.consensus)
        given = dict(field.answers)
        # One cell per respondent, in the columns' order (None: they did not name the path).
        cells = [
            Cell(
                respondent=r.email,
                value=given[r.email],
                shown=value_label(field.field, given[r.email]),
                note=notes[r.email].get(note_key),
                differs=given[r.email] != field.consensus,
            )
            if r.email in given
            else None
            for r in respondents
        ]
        options = []
        for value in dict.fromkeys(value for _label, value in field.answers):
            options.append((encode(value), value_label(field.field, value)))
        rows.append(
            Row(
                index=index,
                field=field,
                label=field_label(field.field),
                cells=cells,
                consensus=value_label(field.field, field.consensus),
                spread=_spread(field),
                tied=[value_label(field.field, v) for v in field.tied],
                options=options,
                picked=encode(current) if (field.path, field.field) in picks else "",
                path_name=names.get(field.path, "") if field.path else "",
            )
        )
    return ConsensusPage(
        respondents=respondents,
        names={r.email: r.label for r in respondents},
        consensus=consensus,
        impact=impact,
        picks=picks,
        rows=rows,
        merges={path_key(k): v for k, v in merges.items()},
    )


def field_note_key(path: str | None, field: str) -> str:
    """Where a note on one answer is kept: by the path's key and the field."""
    return f"{path}|{field}" if path is not None else f"maturity|{field}"
