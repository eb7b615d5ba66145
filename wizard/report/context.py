"""Everything the report shows, read from an assessment's stored plan snapshot and answers.

Nothing here decides a verdict, a headcount or a rule: the snapshot the engine made when the
assessment was finished is read back as the engine's own `Plan` (`plan_from_dict`), so a
later change to the rules never alters an old report and every page reads the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from voices.report_summary import for_report
from wizard import labels
from wizard.models import Assessment
from wizard.report.outlook import outlook
from wizard.rules import Plan, plan_from_dict
from wizard.rules.economics import PathResult
from wizard.rules.team import Team

NEXT_LEVEL = {
    1: _("Get one pilot working with real users or real data; that is level 2."),
    2: _("Put one system into production and support it there; that is level 3."),
    3: _("Measure and tune your production systems continuously, at scale; that is level 4."),
    4: _("This is the top level. Keep tuning, and revisit the plan when your paths change."),
}

# The decision tree's questions, each with the engine's answer to it.
DECISION_QUESTIONS = (
    (
        "D1",
        "d1_gain_pays_off",
        _("Is there a predictive task where a 2–3 % accuracy gain pays off?"),
    ),
    ("D2", "d2_integrate_and_ship", _("Must AI fit into existing processes and ship quickly?")),
    ("D3", "d3_agentic", _("Are you building agentic or multi-step workflows?")),
    (
        "D4",
        "d4_resources_for_custom_ml",
        _("Do you have the data, time and resources for custom ML?"),
    ),
)

ROLE_GUIDE = {
    "applied_ai_engineer": {
        "title": labels.ROLES["applied_ai_engineer"],
        "owns": _(
            "The judgement call on each path: whether a custom model is worth building, and how a model fits the system around it."
        ),
        "skills": [
            _("everything an AI engineer brings"),
            _("enough ML to read an evaluation and question a dataset"),
            _("weighing build cost against value"),
        ],
    },
    "ai_engineer": {
        "title": labels.ROLES["ai_engineer"],
        "owns": _(
            "Systems built on foundation models, end to end: connecting them to your tools and data, prompts and agents, reliability, cost and latency, and safe releases."
        ),
        "skills": [
            _("software design and APIs"),
            _("integration with existing systems"),
            _("working with foundation models and their limits"),
            _("monitoring and graceful failure"),
            _("shipping in small steps"),
        ],
    },
    "ml_engineer": {
        "title": labels.ROLES["ml_engineer"],
        "owns": _(
            "The accuracy of a model for one predictive task: features, training, evaluation and retraining as the data drifts."
        ),
        "skills": [
            _("statistics and experiment design"),
            _("ML frameworks"),
            _("feature engineering"),
            _("patience with long tuning cycles"),
            _("knowledge of the task's domain"),
        ],
    },
    "ml_infra_engineer": {
        "title": labels.ROLES["ml_infra_engineer"],
        "owns": _(
            "The platform ML engineers stand on: training pipelines, experiment tracking, model deployment and monitoring."
        ),
        "skills": [
            _("data pipelines"),
            _("compute and scheduling"),
            _("model serving"),
            _("automation of retraining"),
        ],
    },
    "ai_infra_engineer": {
        "title": labels.ROLES["ai_infra_engineer"],
        "owns": _(
            "Shared access to foundation models: gateways, rate limits, spend, evaluation and observability for every AI team."
        ),
        "skills": [
            _("cloud and network operations"),
            _("cost control"),
            _("observability"),
            _("security and access control"),
        ],
    },
}

SPLIT_OF_WORK = [
    (
        labels.ROLES["ai_engineer"],
        _("frames the business problem and decides whether a custom model is needed"),
    ),
    (
        labels.ROLES["ml_engineer"],
        _("checks the data can support the model, then builds and validates it"),
    ),
    (
        labels.ROLES["ml_engineer"],
        _("hands over a clear interface and documents what the model cannot do"),
    ),
    (labels.ROLES["ai_engineer"], _("builds it into the product and runs it in production")),
    (
        _("Both"),
        _("watch it live: the AI engineer owns the outcome, the ML engineer improves the model"),
    ),
]


@dataclass(frozen=True)
class DiagramBox:
    x: int
    y: int
    width: int
    height: int
    label: str
    count: int
    note: str = ""
    dashed: bool = False

    @property
    def centre_x(self) -> int:
        return self.x + self.width // 2

    @property
    def bottom(self) -> int:
        return self.y + self.height


def diagram(team: Team, deferred: int) -> dict[str, Any]:
    """Boxes and connectors of the team chart, laid out for an SVG 720 units wide."""
    width, box_w, box_h, gap = 720, 160, 86, 16
    counts = {key: getattr(team, key) for key in labels.TEAM_GROUPS}
    root = DiagramBox(
        (width - 260) // 2, 10, 260, 64, str(_("AI and ML team, hired now")), sum(counts.values())
    )
    row_y = root.bottom + 56
    children = []
    for i, key in enumerate(labels.TEAM_GROUPS):
        note = ""
        if key == "ai_engineers" and team.applied_ai_engineers:
            note = str(_("incl. %(n)s applied") % {"n": team.applied_ai_engineers})
        if key == "ml_engineers" and deferred:
            note = str(_("+%(n)s later") % {"n": deferred})
        x = i * (box_w + gap) + (width - 4 * box_w - 3 * gap) // 2
        label = str(labels.TEAM_GROUPS_SHORT[key])
        children.append(
            DiagramBox(x, row_y, box_w, box_h, label, counts[key], note, dashed=counts[key] == 0)
        )
    bus_y = root.bottom + 28
    return {
        "width": width,
        "height": row_y + box_h + 10,
        "root": root,
        "children": children,
        "bus_y": bus_y,
        "bus_left": children[0].centre_x,
        "bus_right": children[-1].centre_x,
    }


def hiring_steps(order: tuple[str, ...]) -> list[tuple[str, int]]:
    """The hiring order with repeats grouped: applied AI engineer, then 7 AI engineers…"""
    steps: list[tuple[str, int]] = []
    for role in order:
        if steps and steps[-1][0] == role:
            steps[-1] = (role, steps[-1][1] + 1)
        else:
            steps.append((role, 1))
    return steps


@dataclass(frozen=True)
class ReportPath:
    """One row of the path table: the engine's result beside the answers that went in."""

    result: PathResult
    inputs: dict[str, Any]
    description: str


def stored_plan(assessment: Assessment) -> Plan:
    """The plan the engine made when `assessment` was finished, as the engine's `Plan`:
    what every page and export reads, rather than the stored JSON."""
    return plan_from_dict(assessment.plan)


def report_context(assessment: Assessment) -> dict[str, Any]:
    plan = stored_plan(assessment)
    answers = assessment.answers
    path_inputs = answers.get("critical_paths", [])
    descriptions = assessment.path_descriptions
    paths = [
        ReportPath(
            result=result,
            inputs=path_inputs[i] if i < len(path_inputs) else {},
            description=descriptions[i] if i < len(descriptions) else "",
        )
        for i, result in enumerate(plan.paths)
    ]
    roles_in_plan = [role for role in ROLE_GUIDE if role in plan.hiring_order]
    if plan.deferred and "ml_engineer" not in roles_in_plan:
        roles_in_plan.append("ml_engineer")
    tree = plan.decision_tree
    currency = assessment.organisation.currency if assessment.organisation else "GBP"
    return {
        "plan": plan,
        "answers": answers,
        "currency": currency,
        "first_hire": plan.hiring_order[0] if plan.hiring_order else None,
        "hiring_steps": hiring_steps(plan.hiring_order),
        "diagram": diagram(plan.team, len(plan.deferred)),
        "maturity_evidence": answers.get("maturity", {}),
        "next_step": NEXT_LEVEL[plan.maturity.level],
        "paths": paths,
        "decision_tree": [
            (rule, question, getattr(tree, field)) for rule, field, question in DECISION_QUESTIONS
        ],
        "role_guide": [(role, ROLE_GUIDE[role]) for role in roles_in_plan],
        "split_of_work": SPLIT_OF_WORK,
        "assumptions": {**answers.get("assumptions", {}), **answers.get("priorities", {})},
        "headcount": answers.get("organisation", {}).get("headcount"),
        **for_report(assessment),  # its review, and what a round of answers said
        "outlook": outlook(
            plan, answers.get("organisation", {}).get("headcount"), answers, currency
        ),
    }
