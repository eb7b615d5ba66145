"""One step POST (a page post or an autosave) validates its answers once and runs the
engine at most once, whatever it answers with."""

from __future__ import annotations

import sys
from collections import Counter
from contextlib import contextmanager
from unittest import mock

import pytest

from tests.wizard.helpers import hiring_data, maturity_data, paths_data, post_step, roi_data
from wizard.rules import make_plan, validate_answers
from wizard.steps import Step

pytestmark = pytest.mark.django_db


@contextmanager
def counting_engine_calls():
    """Count calls of make_plan and validate_answers from every wizard module that uses them."""
    calls: Counter[str] = Counter()

    def counted(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)

        return wrapper

    patches = []
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("wizard.") or module_name.startswith("wizard.rules"):
            continue
        for name, function in (("make_plan", make_plan), ("validate_answers", validate_answers)):
            if getattr(module, name, None) is function:
                patches.append(mock.patch.object(module, name, counted(name, function)))
    for patch in patches:
        patch.start()
    try:
        yield calls
    finally:
        for patch in patches:
            patch.stop()


def _draft_at_step(draft, step: int):
    draft.furthest_step = step
    draft.answers = {
        **draft.answers,
        "critical_paths": [
            {"name": "Churn", "kind": "predictive", "annual_impact": 250000},
        ],
    }
    draft.path_descriptions = [""]
    draft.save()
    return draft


POSTS = [
    ("maturity", maturity_data(working_pilots="2"), {"autosave": True, "action": None}, 200),
    ("maturity", maturity_data(working_pilots="-1"), {"autosave": True, "action": None}, 422),
    ("maturity", maturity_data(working_pilots="2"), {}, 302),
    ("maturity", maturity_data(working_pilots="2"), {"htmx": True}, 200),
    ("maturity", maturity_data(working_pilots="x"), {}, 200),
    (
        "paths",
        paths_data({"name": "Churn", "kind": "predictive", "source": "0"}, initial=1),
        {"action": "add"},
        200,
    ),
    (
        "paths",
        paths_data({"name": "Churn", "kind": "agentic", "source": "0"}, initial=1),
        {"autosave": True, "action": None},
        200,
    ),
    ("roi", roi_data({"annual_impact": "300000"}), {"autosave": True, "action": None}, 200),
    ("roi", roi_data({"annual_impact": "300000"}), {"htmx": True}, 200),
    ("hiring", hiring_data(), {}, 302),
    ("hiring", hiring_data(headcount="0"), {"autosave": True, "action": None}, 422),
]


@pytest.mark.parametrize(("slug", "data", "how", "status"), POSTS)
def test_a_step_post_validates_once_and_runs_the_engine_at_most_once(
    owner_client, draft, slug, data, how, status
):
    """Each kind of step POST checks the answers once and plans them at most once."""
    _draft_at_step(draft, 4)
    draft.refresh_from_db()
    with counting_engine_calls() as calls:
        response = post_step(owner_client, draft, slug, data, **how)
    assert response.status_code == status
    assert calls["make_plan"] <= 1, calls
    assert calls["validate_answers"] <= 1, calls


def test_a_stale_autosave_compares_the_answers_once(owner_client, draft):
    """A refused stale save works out the differing answers in one place, once."""
    _draft_at_step(draft, 4)
    opened_at = draft.version
    post_step(
        owner_client,
        draft,
        "maturity",
        maturity_data(working_pilots="5"),
        autosave=True,
        action=None,
    )
    with mock.patch.object(
        Step, "conflicts", autospec=True, side_effect=Step.conflicts
    ) as compared:
        response = post_step(
            owner_client,
            draft,
            "maturity",
            maturity_data(working_pilots="9"),
            autosave=True,
            action=None,
            version=opened_at,
        )
    assert response.status_code == 409
    assert "<td>5</td><td>9</td>" in response.content.decode()
    assert compared.call_count == 1
