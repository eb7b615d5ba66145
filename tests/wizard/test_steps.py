"""The steps come from one registry: their numbers, the count shown, the last step's
button and the path limit all follow from it and from the engine's limits."""

from __future__ import annotations

import re
from pathlib import Path
from unittest import mock

import pytest

from tests.wizard.helpers import step_url
from wizard.rules import limits
from wizard.steps import STEP_COUNT, STEPS, step_after, step_before, step_for_slug

ROOT = Path(__file__).resolve().parents[2]
# A branch on a step's name or number, or a step count written out.
BRANCHING = re.compile(
    r"slug\s*==|==\s*['\"](maturity|paths|roi|hiring)['\"]|step(\.number)?\s*==\s*\d|of 4\b"
)


def test_steps_are_numbered_in_the_order_they_are_registered():
    """Each step's number is its place in the registry, and only the last one finishes."""
    assert [step.number for step in STEPS] == list(range(1, STEP_COUNT + 1))
    assert [step.is_last for step in STEPS] == [False] * (STEP_COUNT - 1) + [True]
    assert step_before(STEPS[0]) is None and step_after(STEPS[-1]) is None
    assert all(step_for_slug(step.slug) is step for step in STEPS)


def test_no_module_or_template_branches_on_a_step():
    """Nothing outside the step classes decides by a step's name or number, nor writes
    the step count out."""
    files = [
        *(ROOT / "wizard").glob("*.py"),
        *(ROOT / "wizard" / "steps").glob("*.py"),
        *(ROOT / "wizard" / "report").glob("*.py"),
        *(ROOT / "templates").rglob("*.html"),
    ]
    offending = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if BRANCHING.search(line)
    ]
    assert offending == []


@pytest.mark.django_db
def test_the_step_count_shown_comes_from_the_registry(owner_client, draft):
    """The eyebrow counts the registered steps; the last step's button finishes."""
    draft.furthest_step = STEP_COUNT
    draft.save()
    first = owner_client.get(step_url(draft, STEPS[0].slug)).content.decode()
    last = owner_client.get(step_url(draft, STEPS[-1].slug)).content.decode()
    assert f"Step 1 of {STEP_COUNT}" in first and "Save and continue" in first
    assert f"Step {STEP_COUNT} of {STEP_COUNT}" in last and "Finish and see the plan" in last


@pytest.mark.django_db
def test_the_path_limit_comes_from_the_engine(owner_client, draft):
    """With the engine's limit reached, step 2 offers no "Add a path" and says the limit."""
    draft.furthest_step = 2
    draft.answers = {
        **draft.answers,
        "critical_paths": [{"name": "A", "kind": "predictive"}, {"name": "B", "kind": "agentic"}],
    }
    draft.path_descriptions = ["", ""]
    draft.save()
    with mock.patch.object(limits, "MAX_CRITICAL_PATHS", 2):
        html = owner_client.get(step_url(draft, "paths")).content.decode()
    assert 'value="add"' not in html
    assert "you can add up to 2." in html
    html = owner_client.get(step_url(draft, "paths")).content.decode()
    assert 'value="add"' in html
