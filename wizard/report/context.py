"""Everything the report shows, read from an assessment's stored plan snapshot and answers.

Nothing here decides a verdict or a headcount: those come from the snapshot the engine
made when the assessment was finished, so a later change to the rules never alters an
old report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from wizard.models import Assessment

TEAM_ROLES = (
    ("ai_engineers", _("AI engineers")),
    ("ml_engineers", _("ML engineers")),
    ("ml_infra_engineers", _("ML infrastructure engineers")),
    ("ai_infra_engineers", _("AI infrastructure engineers")),
)

# Shorter names that fit the chart's boxes.
DIAGRAM_LABELS = (
    ("ai_engineers", _("AI engineers")),
    ("ml_engineers", _("ML engineers")),
    ("ml_infra_engineers", _("ML infrastructure")),
    ("ai_infra_engineers", _("AI infrastructure")),
)

NEXT_LEVEL = {
    1: _("Get one pilot working with real users or real data; that is level 2."),
    2: _("Put one system into production and support it there; that is level 3."),
    3: _("Measure and tune your production systems continuously, at scale; that is level 4."),
    4: _("This is the top level. Keep tuning, and revisit the plan when your paths change."),
}

DECISION_QUESTIONS = (
    ("D1", _("Is there a predictive task where a 2–3 % accuracy gain pays off?")),
    ("D2", _("Must AI fit into existing processes and ship quickly?")),
    ("D3", _("Are you building agentic or multi-step workflows?")),
    ("D4", _("Do you have the data, time and resources for custom ML?")),
)

ROLE_GUIDE = {
    "applied_ai_engineer": {
        "title": _("Applied AI engineer"),
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
        "title": _("AI engineer"),
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
        "title": _("ML engineer"),
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
        "title": _("ML infrastructure engineer"),
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
        "title": _("AI infrastructure engineer"),
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
        _("AI engineer"),
        _("frames the business problem and decides whether a custom model is needed"),
    ),
    (_("ML engineer"), _("checks the data can support the model, then builds and validates it")),
    (_("ML engineer"), _("hands over a clear interface and documents what the model cannot do")),
    (_("AI engineer"), _("builds it into the product and runs it in production")),
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


def diagram(team: dict[str, int], deferred: int) -> dict[str, Any]:
    """Boxes and connectors of the team chart, laid out for an SVG 720 units wide."""
    width, box_w, box_h, gap = 720, 160, 86, 16
    total = (
        team["ai_engineers"]
        + team["ml_engineers"]
        + team["ml_infra_engineers"]
        + team["ai_infra_engineers"]
    )
    root = DiagramBox((width - 260) // 2, 10, 260, 64, str(_("AI and ML team, hired now")), total)
    row_y = root.bottom + 56
    children = []
    for i, (key, label) in enumerate(DIAGRAM_LABELS):
        note = ""
        if key == "ai_engineers" and team["applied_ai_engineers"]:
            note = str(_("incl. %(n)s applied") % {"n": team["applied_ai_engineers"]})
        if key == "ml_engineers" and deferred:
            note = str(_("+%(n)s later") % {"n": deferred})
        x = i * (box_w + gap) + (width - 4 * box_w - 3 * gap) // 2
        children.append(
            DiagramBox(x, row_y, box_w, box_h, str(label), team[key], note, dashed=team[key] == 0)
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


def hiring_steps(order: list[str]) -> list[tuple[str, int]]:
    """The hiring order with repeats grouped: applied AI engineer, then 7 AI engineers…"""
    steps: list[tuple[str, int]] = []
    for role in order:
        if steps and steps[-1][0] == role:
            steps[-1] = (role, steps[-1][1] + 1)
        else:
            steps.append((role, 1))
    return steps


def report_context(assessment: Assessment) -> dict[str, Any]:
    plan: dict[str, Any] = assessment.plan or {}
    answers = assessment.answers
    team = plan["team"]
    path_inputs = answers.get("critical_paths", [])
    descriptions = assessment.path_descriptions
    paths = [
        {
            **result,
            "inputs": path_inputs[i] if i < len(path_inputs) else {},
            "description": descriptions[i] if i < len(descriptions) else "",
        }
        for i, result in enumerate(plan["paths"])
    ]
    roles_in_plan = [role for role in ROLE_GUIDE if role in plan["hiring_order"]]
    if plan["deferred"] and "ml_engineer" not in roles_in_plan:
        roles_in_plan.append("ml_engineer")
    tree = plan["decision_tree"]
    return {
        "plan": plan,
        "answers": answers,
        "currency": assessment.organisation.currency if assessment.organisation else "GBP",
        "team_rows": [(label, team[key]) for key, label in TEAM_ROLES],
        "first_hire": plan["hiring_order"][0] if plan["hiring_order"] else None,
        "hiring_steps": hiring_steps(plan["hiring_order"]),
        "diagram": diagram(team, len(plan["deferred"])),
        "maturity": {
            **plan["maturity"],
            "evidence": answers.get("maturity", {}),
            "next_step": NEXT_LEVEL[plan["maturity"]["level"]],
            "disagreement": plan["maturity"]["declared_level"]
            not in (None, plan["maturity"]["computed_level"]),
        },
        "paths": paths,
        "decision_tree": [(rule, question, tree[rule]) for rule, question in DECISION_QUESTIONS],
        "ml_branch": tree["D1"] and tree["D4"],
        "role_guide": [(role, ROLE_GUIDE[role]) for role in roles_in_plan],
        "split_of_work": SPLIT_OF_WORK,
        "assumptions": {**answers.get("assumptions", {}), **answers.get("priorities", {})},
        "headcount": answers.get("organisation", {}).get("headcount"),
    }
