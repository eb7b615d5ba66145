"""The words for the engine's values come from one module, and match what the engine names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import translation

from wizard import labels
from wizard.rules import limits
from wizard.rules.maturity import LEVEL_NAMES
from wizard.rules.team import LEVEL_TRIGGERS, STAGE_TRIGGERS, Team
from wizard.templatetags import hireframe

ROOT = Path(__file__).resolve().parents[2]


def test_level_names_are_the_engines_names():
    """In English each level reads exactly as the engine's reasons name it."""
    with translation.override("en"):
        assert {level: str(name) for level, name in labels.LEVELS.items()} == dict(LEVEL_NAMES)
        assert str(labels.NUMBERED_LEVELS[2]) == "2 · Pilot"


def test_every_value_the_engine_can_produce_has_a_label():
    """Kinds, upkeep, adequacy, stages, roles, verdicts and triggers are all covered."""
    assert set(labels.KINDS) == set(limits.KINDS) == {key for key, _ in labels.KIND_CHOICES}
    assert set(labels.MAINTENANCE) == set(limits.MAINTENANCE_LEVELS)
    assert set(labels.ADEQUACY) == set(limits.FOUNDATION_MODEL_ADEQUACY)
    assert set(labels.STAGES) == {"startup", "growth", "enterprise"}
    assert set(labels.VERDICTS) == {"custom_ml", "foundation_model", "gather_data"}
    assert set(labels.TEAM_COUNTS) == set(Team.__slots__)
    triggers = {*STAGE_TRIGGERS.values(), *LEVEL_TRIGGERS.values()}
    with translation.override("en"):
        assert {key: str(text) for key, text in labels.TRIGGERS.items()} == {t: t for t in triggers}


@pytest.mark.parametrize(
    ("filter_name", "value", "expected"),
    [
        ("role_label", "ml_infra_engineer", "ML infrastructure engineer"),
        ("verdict_label", "gather_data", "Gather data first"),
        ("verdict_label", None, ""),
        ("stage_label", "enterprise", "Enterprise"),
        ("kind_label", "vision_audio", "Vision or audio"),
        ("level_name", 4, "Optimisation"),
        ("numbered_level", 1, "1 · Exploration"),
        ("trigger_label", "reach 20 people", "reach 20 people"),
        ("maintenance_label", "high", "High"),
        ("adequacy_label", "partly", "Partly"),
        ("stage_label", "a-newer-stage", "a-newer-stage"),
    ],
)
def test_the_template_filters_read_the_labels(filter_name, value, expected):
    """Each filter gives the label, and an unknown value as it is."""
    with translation.override("en"):
        assert getattr(hireframe, filter_name)(value) == expected


def test_team_rows_read_a_plan_team_or_its_stored_dict():
    """The same rows from the engine's Team and from a stored snapshot's dict."""
    team = Team(5, 1, 2, 1, 1)
    stored = {key: getattr(team, key) for key in Team.__slots__}
    with translation.override("en"):
        assert hireframe.team_rows(team) == hireframe.team_rows(stored)
        assert [label for _key, label, _count in hireframe.team_rows(team, "all")] == [
            "AI engineers",
            "of which applied AI engineers",
            "ML engineers",
            "ML infrastructure engineers",
            "AI infrastructure engineers",
        ]


# Every label's English, and where outside wizard/labels.py it may still appear: as the
# sentence around a number ("including 2 applied AI engineers"), never as a definition.
LABELS_DEFINED_ONCE = [
    "ML infrastructure engineer",
    "AI infrastructure engineer",
    "Applied AI engineer",
    "Custom model",
    "Gather data first",
    "Vision or audio",
    "Exploration",
    "Optimisation",
]


@pytest.mark.parametrize("text", LABELS_DEFINED_ONCE)
def test_no_label_is_defined_twice(text):
    """Outside the labels module no Python or template defines a role, verdict, kind or
    level name again."""
    pattern = re.compile(r"""(_|translate |gettext\w*)\(?\s*["']""" + re.escape(text) + r"s?[\"']")
    offenders = []
    for folder in ("wizard", "templates", "orgs", "accounts", "audit"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in {".py", ".html", ".txt"} or path.name == "labels.py":
                continue
            if "migrations" in path.parts or "rules" in path.parts:
                continue
            if pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
