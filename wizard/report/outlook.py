"""The report's money, time and "what would change" parts, read from the stored `Plan`.

Rules 2026.2 put the team's yearly cost, a roadmap by quarter and the changes the plan
hangs on into the plan (docs/rules.md, C, Q and F). This module only words and lays them
out: every number comes from the engine's snapshot. A plan stored under 2026.1 has none of
them, and `outlook` says so instead of recomputing anything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wizard.money_format import money_for_people
from wizard.money_format import number as reader_number
from wizard.rules import PathFlip, Plan, PlanChange, RoadmapQuarter, Team
from wizard.rules.stage import stage_for


def _role_count(role: str, number: int) -> str:
    phrases = {
        "applied_ai_engineer": ngettext(
            "%(n)s applied AI engineer", "%(n)s applied AI engineers", number
        ),
        "ai_engineer": ngettext("%(n)s AI engineer", "%(n)s AI engineers", number),
        "ml_engineer": ngettext("%(n)s ML engineer", "%(n)s ML engineers", number),
        "ai_infra_engineer": ngettext(
            "%(n)s AI infrastructure engineer", "%(n)s AI infrastructure engineers", number
        ),
        "ml_infra_engineer": ngettext(
            "%(n)s ML infrastructure engineer", "%(n)s ML infrastructure engineers", number
        ),
    }
    return phrases[role] % {"n": number}


def _listing(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def roles_in_words(roles: Sequence[str]) -> str:
    """Roles in hiring order, repeats counted: "1 applied AI engineer and 2 AI engineers"."""
    groups: list[tuple[str, int]] = []
    for role in roles:
        if groups and groups[-1][0] == role:
            groups[-1] = (role, groups[-1][1] + 1)
        else:
            groups.append((role, 1))
    return _listing([_role_count(role, number) for role, number in groups])


def team_in_words(team: Team) -> str:
    """A team for a sentence: "8 AI engineers (1 of them applied) and 1 ML engineer"."""
    ai = _role_count("ai_engineer", team.ai_engineers)
    if team.applied_ai_engineers and team.applied_ai_engineers == team.ai_engineers:
        ai = _role_count("applied_ai_engineer", team.ai_engineers)
    elif team.applied_ai_engineers:
        ai = _("%(ai)s (%(n)s of them applied)") % {"ai": ai, "n": team.applied_ai_engineers}
    parts = [ai]
    for role, number in (
        ("ml_engineer", team.ml_engineers),
        ("ai_infra_engineer", team.ai_infra_engineers),
        ("ml_infra_engineer", team.ml_infra_engineers),
    ):
        if number:
            parts.append(_role_count(role, number))
    return _listing(parts)


def headline(plan: Plan, currency: str) -> str | None:
    """What the team costs a year and when it is all in place, for under the title."""
    if plan.team_cost_per_year is None or plan.in_place_quarter is None:
        return None
    return _("%(cost)s a year, the whole team in place by quarter %(quarter)s") % {
        "cost": money_for_people(plan.team_cost_per_year, currency),
        "quarter": plan.in_place_quarter,
    }


def _plan_change(change: PlanChange, headcount: int | None) -> str:
    team = team_in_words(change.team)
    if change.change == "headcount":
        stage = {
            "startup": _("the startup model"),
            "growth": _("the growth model"),
            "enterprise": _("the enterprise model"),
        }[stage_for(change.to)]
        if headcount is None:
            return _("At %(to)s people, %(stage)s applies: %(team)s.") % {
                "to": reader_number(change.to, 0),
                "stage": stage,
                "team": team,
            }
        gap = change.to - headcount
        template = (
            _("At %(to)s people, %(gap)s more than today, %(stage)s applies: %(team)s.")
            if gap > 0
            else _("At %(to)s people, %(gap)s fewer than today, %(stage)s applies: %(team)s.")
        )
        return template % {
            "to": reader_number(change.to, 0),
            "gap": reader_number(abs(gap), 0),
            "stage": stage,
            "team": team,
        }
    waiting = len(change.deferred or ())
    hires = (
        _("nothing left waiting")
        if not waiting
        else ngettext("%(n)s hire still waiting", "%(n)s hires still waiting", waiting)
        % {"n": waiting}
    )
    return _("At maturity level %(level)s, one level up: %(team)s, with %(hires)s.") % {
        "level": change.to,
        "team": team,
        "hires": hires,
    }


def _path_flip(flip: PathFlip, impact: float | None, currency: str) -> str:
    if flip.field == "labelled_examples":
        if flip.verdict == "custom_ml":
            return _(
                "%(name)s: with %(at)s labelled examples, a custom model would be worth building."
            ) % {"name": flip.name, "at": reader_number(int(flip.at), 0)}
        if flip.verdict == "foundation_model":
            return _(
                "%(name)s: with %(at)s labelled examples, a foundation model would be the answer."
            ) % {"name": flip.name, "at": reader_number(int(flip.at), 0)}
        return _("%(name)s: with %(at)s labelled examples, gather more data first.") % {
            "name": flip.name,
            "at": reader_number(int(flip.at), 0),
        }
    values = {"name": flip.name, "at": money_for_people(flip.at, currency)}
    if flip.verdict == "foundation_model":
        text = _("%(name)s: below %(at)s a year of value, a foundation model is the better bet.")
    else:
        text = _("%(name)s: above %(at)s a year of value, a custom model would pay its way.")
    text = text % values
    if impact is not None:
        text += " " + _("Today's answer: %(impact)s.") % {
            "impact": money_for_people(impact, currency)
        }
    return text


def what_would_change(
    plan: Plan, headcount: int | None, impacts: Mapping[str, float], currency: str
) -> list[str]:
    """F1 to F3 in plain words, each with its number (empty before 2026.2)."""
    if plan.sensitivity is None:
        return []
    return [
        *(_plan_change(change, headcount) for change in plan.sensitivity.plan),
        *(_path_flip(flip, impacts.get(flip.name), currency) for flip in plan.sensitivity.paths),
    ]


@dataclass(frozen=True)
class ChartColumn:
    """One quarter of the roadmap chart, in SVG units."""

    quarter: int
    x: int
    centre_x: int
    bar_y: int
    bar_height: int
    team_size: int
    cost: str
    opened: int
    started: int
    live: int


@dataclass(frozen=True)
class RoadmapRow:
    """One quarter in words, for the table, the phone list and the CSV."""

    quarter: int
    opened: str
    started: str
    live: str
    team_size: int
    cost_per_year: float


LABEL_WIDTH, COLUMN_WIDTH, BAR_TOP, BAR_HEIGHT = 132, 84, 34, 110


def roadmap_chart(roadmap: Sequence[RoadmapQuarter], currency: str) -> dict[str, Any]:
    """Bars of the team's size by quarter, its yearly cost above, openings, starts and
    models going live below; laid out for an inline SVG."""
    tallest = max((q.team_size for q in roadmap), default=0) or 1
    columns = []
    for index, q in enumerate(roadmap):
        height = round(BAR_HEIGHT * q.team_size / tallest)
        x = LABEL_WIDTH + index * COLUMN_WIDTH
        columns.append(
            ChartColumn(
                quarter=q.quarter,
                x=x + 10,
                centre_x=x + COLUMN_WIDTH // 2,
                bar_y=BAR_TOP + BAR_HEIGHT - height,
                bar_height=height,
                team_size=q.team_size,
                cost=money_for_people(q.cost_per_year, currency, about=False),
                opened=len(q.open),
                started=len(q.start),
                live=len(q.live),
            )
        )
    axis_y = BAR_TOP + BAR_HEIGHT
    return {
        "width": LABEL_WIDTH + COLUMN_WIDTH * len(columns) + 8,
        "height": axis_y + 112,
        "columns": columns,
        "bar_width": COLUMN_WIDTH - 20,
        "axis_y": axis_y,
        "quarter_y": axis_y + 20,
        "rows_y": (axis_y + 46, axis_y + 70, axis_y + 94),
        "label_x": LABEL_WIDTH - 10,
    }


def roadmap_rows(roadmap: Sequence[RoadmapQuarter]) -> list[RoadmapRow]:
    return [
        RoadmapRow(
            quarter=q.quarter,
            opened=roles_in_words(q.open),
            started=roles_in_words(q.start),
            live=_listing(list(q.live)),
            team_size=q.team_size,
            cost_per_year=q.cost_per_year,
        )
        for q in roadmap
    ]


def outlook(
    plan: Plan, headcount: int | None, answers: Mapping[str, Any], currency: str
) -> dict[str, Any]:
    """The report context for cost, roadmap and what would change; `predates` on 2026.1."""
    if plan.roadmap is None:
        return {"predates": True}
    impacts = {
        path.get("name", "").strip(): float(path.get("annual_impact", 0))
        for path in answers.get("critical_paths", [])
        if isinstance(path, dict)
    }
    return {
        "predates": False,
        "headline": headline(plan, currency),
        "chart": roadmap_chart(plan.roadmap, currency),
        "rows": roadmap_rows(plan.roadmap),
        "changes": what_would_change(plan, headcount, impacts, currency),
    }


ROADMAP_CSV_COLUMNS = (
    "quarter",
    "roles_opened",
    "people_starting",
    "models_going_live",
    "team_size",
    "cost_per_year",
)


def roadmap_csv(plan: Plan) -> str | None:
    """The roadmap as CSV, one row a quarter, exact cost; None for a plan without one."""
    if plan.roadmap is None:
        return None
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(ROADMAP_CSV_COLUMNS)
    for row in roadmap_rows(plan.roadmap):
        writer.writerow(
            [
                row.quarter,
                row.opened,
                row.started,
                # Path names are the organisation's text: never let a spreadsheet run one.
                f"'{row.live}" if row.live[:1] in ("=", "+", "-", "@") else row.live,
                row.team_size,
                f"{row.cost_per_year:.2f}",
            ]
        )
    return out.getvalue()
