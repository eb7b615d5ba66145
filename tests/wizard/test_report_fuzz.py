"""Hypothesis over the report's forms: what-if and share links. No server errors and no
rows written by what-if, whatever is posted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import PASSWORD, MembershipFactory, complete_assessment
from tests.fuzzing import undone
from wizard.models import Assessment, ShareLink

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

DAY = timedelta(days=1)

EXAMPLES = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**13), 10**13).map(str),
    st.sampled_from(["", "1e400", "nan", "-1", "0", "1", "4", "never", "7", "30", "x"]),
)
WHAT_IF_FIELDS = [
    "headcount",
    "level",
    "ml_engineer_annual_cost",
    "horizon_years",
    "impact_0",
    "examples_0",
    "impact_1",
    "examples_1",
    "impact_9",
    "action",
]


@pytest.fixture
def setup(db):
    membership = MembershipFactory(role="owner")
    client = Client()
    client.login(username=membership.user.email, password=PASSWORD)
    return client, complete_assessment(membership.organisation)


@EXAMPLES
@given(
    data=st.fixed_dictionaries({}, optional={name: VALUES for name in WHAT_IF_FIELDS}),
    htmx=st.booleans(),
)
def test_what_if_never_fails_and_saves_only_on_request(setup, data, htmx):
    """Any what-if post is a page, a partial or a redirect; rows appear only when asked."""
    client, assessment = setup
    before = Assessment.objects.count()
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(reverse("what-if", args=[assessment.code]), data, **headers)
    assert response.status_code in (200, 302)
    created = Assessment.objects.count() - before
    assert created == 0 or (data.get("action") == "save" and created == 1)


@EXAMPLES
@given(expiry=VALUES)
def test_share_link_creation_never_fails(setup, expiry):
    """Any expiry value makes a link with one of the offered expiries, or none and says
    why by the field; never an error."""
    client, assessment = setup
    # Undone after each example: otherwise every answer lists every link made before it.
    with undone():
        response = client.post(
            reverse("share-create", args=[assessment.code]), {"expires_in_days": expiry}
        )
        assert response.status_code == 200
        link = ShareLink.objects.filter(assessment=assessment).first()
        if link is None:
            assert 'id="share-expires_in_days_error"' in response.content.decode()
        else:
            days = None if link.expires is None else round((link.expires - link.created) / DAY)
            assert days in (7, 30, 90, None)
