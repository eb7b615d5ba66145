"""The words people read for the engine's values: roles, team counts, verdicts, stages,
kinds of work, maturity levels, hiring triggers, upkeep and foundation-model adequacy.

Each is defined here once, translated lazily, and used by the templates (through the
`hireframe` filters), the forms, the admin, the exports and the what-if panel. The engine
names things in English for its reasons; where it does (level names, triggers), the words
here are those names marked for translation, and a test keeps the two in step.

Low in the stack: this module imports nothing of the project's, only Django's translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

ROLES: Final[Mapping[str, Promise]] = {
    "applied_ai_engineer": _("Applied AI engineer"),
    "ai_engineer": _("AI engineer"),
    "ml_engineer": _("ML engineer"),
    "ml_infra_engineer": _("ML infrastructure engineer"),
    "ai_infra_engineer": _("AI infrastructure engineer"),
}

# The plan's team counts, in the order every table lists them.
TEAM_COUNTS: Final[Mapping[str, Promise]] = {
    "ai_engineers": _("AI engineers"),
    "applied_ai_engineers": _("of which applied AI engineers"),
    "ml_engineers": _("ML engineers"),
    "ml_infra_engineers": _("ML infrastructure engineers"),
    "ai_infra_engineers": _("AI infrastructure engineers"),
}
# The four groups a team is drawn as (applied AI engineers are inside the first).
TEAM_GROUPS: Final[tuple[str, ...]] = (
    "ai_engineers",
    "ml_engineers",
    "ml_infra_engineers",
    "ai_infra_engineers",
)
# Shorter names that fit the team chart's boxes.
TEAM_GROUPS_SHORT: Final[Mapping[str, Promise]] = {
    "ai_engineers": _("AI engineers"),
    "ml_engineers": _("ML engineers"),
    "ml_infra_engineers": _("ML infrastructure"),
    "ai_infra_engineers": _("AI infrastructure"),
}

VERDICTS: Final[Mapping[str, Promise]] = {
    "custom_ml": _("Custom model"),
    "foundation_model": _("Foundation model"),
    "gather_data": _("Gather data first"),
}

STAGES: Final[Mapping[str, Promise]] = {
    "startup": _("Startup"),
    "growth": _("Growth"),
    "enterprise": _("Enterprise"),
}

# Kinds of work: a short name for tables, a longer one that explains it for the forms.
KINDS: Final[Mapping[str, Promise]] = {
    "predictive": _("Predictive"),
    "generative": _("Generative"),
    "agentic": _("Agentic"),
    "vision_audio": _("Vision or audio"),
}
KIND_CHOICES: Final[list[tuple[str, Promise]]] = [
    ("predictive", _("Predictive: forecasts, scores, classifications")),
    ("generative", _("Generative: drafting text, summaries, answers")),
    ("agentic", _("Agentic: multi-step work that acts in other systems")),
    ("vision_audio", _("Vision or audio: images, video, speech")),
]

MAINTENANCE: Final[Mapping[str, Promise]] = {
    "low": _("Low"),
    "medium": _("Medium"),
    "high": _("High"),
}
MAINTENANCE_CHOICES: Final[list[tuple[str, Promise]]] = [
    ("low", _("Low: stable data, occasional retraining")),
    ("medium", _("Medium: regular monitoring and retraining")),
    ("high", _("High: fast-moving data, frequent retraining")),
]

ADEQUACY: Final[Mapping[str, Promise]] = {
    "yes": _("Yes"),
    "partly": _("Partly"),
    "no": _("No"),
}
ADEQUACY_CHOICES: Final[list[tuple[str, Promise]]] = [
    ("yes", _("Yes, it already does the job well enough")),
    ("partly", _("Partly, with gaps we would need to close")),
    ("no", _("No, it cannot do this job")),
]

# The engine's `LEVEL_NAMES`, marked for translation.
LEVELS: Final[Mapping[int, Promise]] = {
    1: _("Exploration"),
    2: _("Pilot"),
    3: _("Production"),
    4: _("Optimisation"),
}
# "2 · Pilot": a level with its number, for choices, filters and tables.
NUMBERED_LEVELS: Final[Mapping[int, Any]] = {
    level: format_lazy("{} · {}", level, name) for level, name in LEVELS.items()
}
LEVEL_CHOICES: Final[list[tuple[str, Any]]] = [
    (str(level), label) for level, label in NUMBERED_LEVELS.items()
]

# What a deferred ML-engineer hire waits for (the engine's T5 triggers), as a phrase that
# follows "An ML engineer for <path>:".
TRIGGERS: Final[Mapping[str, Promise]] = {
    "reach 20 people": _("reach 20 people"),
    "reach 100 people": _("reach 100 people"),
    "queue behind higher-value paths": _("queue behind higher-value paths"),
    "reach production (level 3)": _("reach production (level 3)"),
    "reach optimisation (level 4)": _("reach optimisation (level 4)"),
}


def label(labels: Mapping[Any, Any], value: Any) -> str:
    """The label of `value`, or the value itself when it has none (a newer rules version
    may name something this release does not know)."""
    if value is None:
        return ""
    return str(labels.get(value, value))


def team_count(team: Any, key: str) -> int:
    """One count of a plan's team, whether the team is the engine's `Team` or its stored
    dict."""
    return team[key] if isinstance(team, Mapping) else getattr(team, key)


def team_rows(team: Any, keys: tuple[str, ...] | None = None) -> list[tuple[str, str, int]]:
    """(key, label, count) for each count of `team`, in the order tables list them."""
    return [(key, str(TEAM_COUNTS[key]), team_count(team, key)) for key in (keys or TEAM_COUNTS)]
