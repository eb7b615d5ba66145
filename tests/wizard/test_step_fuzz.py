"""Hypothesis over every step form: whatever is posted, no server error and no bad data.

Each step gets 500 examples of arbitrary text, tricky numbers and tampered formset
management data, by plain post and by autosave.
"""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import PASSWORD, AssessmentFactory, MembershipFactory
from tests.wizard.helpers import HTMX
from wizard.answers_draft import is_engine_valid
from wizard.models import Assessment

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

EXAMPLES = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TRICKY = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "1",
        "36",
        "37",
        "4.0",
        "4.5",
        "1e3",
        "1e400",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "1,000",
        "1 000",
        "9" * 400,
        "٣",
        "\x00",
        "on",
        "true",
        "predictive",
        "agentic",
        "yes",
        "no",
        "partly",
        "low",
        "high",
        "medium",
        "10000",
        "10000000",
        "10000001",
        "abc",
        "<script>",
    ]
)
VALUES = st.one_of(
    TRICKY,
    st.text(max_size=40),
    st.integers(-(10**15), 10**15).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)

FIELDS = {
    "maturity": [
        "working_pilots",
        "systems_in_production",
        "optimising_at_scale",
        "declared_level",
    ],
    "hiring": [
        "headcount",
        "ship_quickly",
        "integrate_existing_systems",
        "ai_engineer_annual_cost",
        "infra_engineer_annual_cost",
        "months_to_hire",
        "hires_per_quarter",
    ],
}
ROW_FIELDS = {
    "paths": ["name", "kind", "description", "source", "DELETE"],
    "roi": [
        "annual_impact",
        "labelled_examples",
        "months_to_build",
        "maintenance",
        "foundation_model_adequate",
        "needs_explainability",
    ],
}


@pytest.fixture
def setup(db):
    membership = MembershipFactory(role="owner")
    client = Client()
    client.login(username=membership.user.email, password=PASSWORD)
    draft = AssessmentFactory(organisation=membership.organisation, furthest_step=4)
    return client, draft


def _post(client, draft: Assessment, slug: str, data: dict, autosave: bool, action: str):
    draft.refresh_from_db()
    payload = {"version": str(draft.version), "action": action, **data}
    url = f"/a/{draft.code}/{slug}/" + ("autosave/" if autosave else "")
    return client.post(url, payload, **(HTMX if autosave else {}))


def _check(response, draft: Assessment) -> None:
    assert response.status_code in (200, 302, 409, 422), response.status_code
    draft.refresh_from_db()
    assert is_engine_valid(draft.answers), draft.answers
    assert len(draft.path_descriptions) == len(draft.answers.get("critical_paths", []))


def _flat_data(slug: str):
    return st.fixed_dictionaries({}, optional={name: VALUES for name in FIELDS[slug]})


def _rows_data(slug: str):
    row = st.fixed_dictionaries({}, optional={name: VALUES for name in ROW_FIELDS[slug]})
    management = st.fixed_dictionaries(
        {
            f"{slug}-TOTAL_FORMS": st.one_of(st.integers(-2, 60).map(str), TRICKY),
            f"{slug}-INITIAL_FORMS": st.one_of(st.integers(-2, 60).map(str), TRICKY),
        }
    )

    def combine(parts):
        manage, rows = parts
        data = dict(manage)
        for i, values in enumerate(rows):
            data.update({f"{slug}-{i}-{key}": value for key, value in values.items()})
        return data

    return st.tuples(management, st.lists(row, max_size=6)).map(combine)


@EXAMPLES
@given(
    data=_flat_data("maturity"),
    autosave=st.booleans(),
    action=st.sampled_from(["save", "continue"]),
)
def test_maturity_form_never_fails(setup, data, autosave, action):
    """Step 1: any post is a page, a redirect or a 422, and the draft stays valid."""
    client, draft = setup
    _check(_post(client, draft, "maturity", data, autosave, action), draft)


@EXAMPLES
@given(
    data=_rows_data("paths"),
    autosave=st.booleans(),
    action=st.sampled_from(["save", "continue", "add", "remove-0", "remove-9", "remove-x"]),
)
def test_paths_form_never_fails(setup, data, autosave, action):
    """Step 2: rows, management data and buttons tampered with are still handled."""
    client, draft = setup
    _check(_post(client, draft, "paths", data, autosave, action), draft)


@EXAMPLES
@given(data=_rows_data("roi"), autosave=st.booleans(), action=st.sampled_from(["save", "continue"]))
def test_roi_form_never_fails(setup, data, autosave, action):
    """Step 3: any figures for any number of rows are handled."""
    client, draft = setup
    draft.answers = {
        **draft.answers,
        "critical_paths": [
            {
                "name": "A",
                "kind": "predictive",
                "annual_impact": 0,
                "labelled_examples": 0,
                "months_to_build": 6,
                "maintenance": "medium",
                "foundation_model_adequate": "partly",
                "needs_explainability": False,
            }
        ],
    }
    draft.path_descriptions = [""]
    draft.save()
    _check(_post(client, draft, "roi", data, autosave, action), draft)


@EXAMPLES
@given(data=_flat_data("hiring"), autosave=st.booleans())
def test_hiring_form_never_fails(setup, data, autosave):
    """Step 4: any post saves valid answers or explains, never half-saves."""
    client, draft = setup
    _check(_post(client, draft, "hiring", data, autosave, "save"), draft)
