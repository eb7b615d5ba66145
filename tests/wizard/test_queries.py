"""Wizard requests stay within 6 queries, however many assessments or paths there are."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import AssessmentFactory, complete_assessment
from tests.wizard.helpers import (
    hiring_data,
    maturity_data,
    paths_data,
    post_step,
    roi_data,
    step_url,
)

pytestmark = pytest.mark.django_db
MAX_QUERIES = 6


@pytest.fixture
def busy_draft(organisation, owner):
    """A draft with 50 paths in an organisation with 60 other assessments."""
    AssessmentFactory.create_batch(60, organisation=organisation)
    draft = AssessmentFactory(organisation=organisation, furthest_step=4)
    paths = [{"name": f"Path {i}", "kind": "predictive"} for i in range(50)]
    draft.answers = {
        **draft.answers,
        "critical_paths": [
            {
                **p,
                "annual_impact": 0,
                "labelled_examples": 0,
                "months_to_build": 6,
                "maintenance": "medium",
                "foundation_model_adequate": "partly",
                "needs_explainability": False,
            }
            for p in paths
        ],
    }
    draft.path_descriptions = [""] * 50
    draft.save()
    return draft


@pytest.mark.parametrize("slug", ["maturity", "paths", "roi", "hiring"])
def test_showing_a_step_is_cheap(owner_client, busy_draft, slug, django_assert_max_num_queries):
    """Opening any step, even with 50 paths, takes a handful of queries."""
    with django_assert_max_num_queries(MAX_QUERIES):
        assert owner_client.get(step_url(busy_draft, slug)).status_code == 200


def test_saving_a_step_is_cheap(owner_client, busy_draft, django_assert_max_num_queries):
    """A plain post of 50 paths' figures is one write plus the access checks."""
    data = roi_data(*[{"annual_impact": str(i)} for i in range(50)])
    busy_draft.refresh_from_db()
    with django_assert_max_num_queries(MAX_QUERIES):
        assert post_step(owner_client, busy_draft, "roi", data).status_code == 302


def test_autosave_is_cheap(owner_client, busy_draft, django_assert_max_num_queries):
    """An autosave of 50 paths stays within the budget."""
    rows = [{"name": f"Path {i}", "kind": "agentic", "source": str(i)} for i in range(50)]
    data = paths_data(*rows, initial=50)
    busy_draft.refresh_from_db()
    with django_assert_max_num_queries(MAX_QUERIES):
        assert (
            post_step(
                owner_client, busy_draft, "paths", data, autosave=True, action=None
            ).status_code
            == 200
        )


def test_finishing_is_cheap(owner_client, organisation, django_assert_max_num_queries):
    """Finishing computes and stores the plan in one write, plus the audit event.

    The budget has one query more than MAX_QUERIES for the test helper's own refresh.
    """
    draft = AssessmentFactory(organisation=organisation, furthest_step=4)
    post_step(owner_client, draft, "maturity", maturity_data())
    with django_assert_max_num_queries(MAX_QUERIES + 1):
        response = post_step(owner_client, draft, "hiring", hiring_data())
    assert response.status_code == 302


def test_the_dashboard_is_cheap_with_many_assessments(
    owner_client, organisation, django_assert_max_num_queries
):
    """Listing a page of assessments does not fetch each one's creator separately."""
    AssessmentFactory.create_batch(45, organisation=organisation)
    complete_assessment(organisation)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = owner_client.get(reverse("organisation", args=[organisation.slug]))
    assert response.status_code == 200
    assert "Page 1 of 3" in response.content.decode()
