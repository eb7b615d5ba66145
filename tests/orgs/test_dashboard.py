"""The organisation dashboard: assessments, starting, and who sees what."""

from __future__ import annotations

import pytest
from django.urls import reverse

from orgs.models import Membership
from tests.conftest import client_for
from tests.factories import AssessmentFactory, MembershipFactory, complete_assessment
from wizard.models import Assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(request):
    def make(role):
        membership = MembershipFactory(role=role)
        return membership, client_for(membership.user)

    return make


def test_dashboard_sends_a_single_organisation_member_home(member):
    """With one organisation, /dashboard/ is that organisation's page."""
    membership, client = member(Membership.Role.EDITOR)
    response = client.get(reverse("dashboard"))
    assert response["Location"] == reverse("organisation", args=[membership.organisation.slug])


def test_dashboard_lets_a_member_of_several_choose(member):
    """With more than one organisation, the user picks."""
    membership, client = member(Membership.Role.EDITOR)
    MembershipFactory(user=membership.user, role=Membership.Role.VIEWER)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert "Your organisations" in response.content.decode()


def test_the_list_shows_status_level_stage_and_team(member):
    """Complete assessments show their level, stage and team; drafts their step."""
    membership, client = member(Membership.Role.OWNER)
    complete_assessment(membership.organisation)
    AssessmentFactory(organisation=membership.organisation, furthest_step=2)
    html = client.get(reverse("organisation", args=[membership.organisation.slug])).content.decode()
    assert (
        "Level 3" in html and "Enterprise" in html and "8 AI (1 applied) · 1 ML · 2 infra" in html
    )
    assert "Draft · step 2 of 4" in html


def test_an_empty_organisation_says_what_to_do_next(member):
    """No assessments yet: an empty state that invites the first one."""
    membership, client = member(Membership.Role.EDITOR)
    html = client.get(reverse("organisation", args=[membership.organisation.slug])).content.decode()
    assert "No assessments yet" in html and "Start a new assessment" in html


def test_viewers_see_no_start_or_delete_controls(member):
    """Controls a viewer cannot use are not offered."""
    membership, client = member(Membership.Role.VIEWER)
    complete_assessment(membership.organisation)
    html = client.get(reverse("organisation", args=[membership.organisation.slug])).content.decode()
    assert "Start a new assessment" not in html and ">Delete<" not in html


def test_starting_from_the_dashboard_creates_a_draft_in_that_organisation(member):
    """The start button names its organisation; the draft lands there with its headcount."""
    membership, client = member(Membership.Role.EDITOR)
    response = client.post(reverse("start"), {"organisation": membership.organisation.slug})
    draft = Assessment.objects.get()
    assert draft.organisation == membership.organisation
    assert draft.answers["organisation"]["headcount"] == membership.organisation.headcount
    assert response["Location"].endswith("/maturity/")


def test_a_viewer_cannot_start_in_their_organisation(member):
    """Starting is a write: 403 for viewers, and nothing is created."""
    membership, client = member(Membership.Role.VIEWER)
    assert (
        client.post(reverse("start"), {"organisation": membership.organisation.slug}).status_code
        == 403
    )
    assert not Assessment.objects.exists()


def test_it_checks_ownership(member):
    """Another organisation's page is a 404, not a 403."""
    _, client = member(Membership.Role.OWNER)
    other = MembershipFactory(role=Membership.Role.OWNER).organisation
    assert client.get(reverse("organisation", args=[other.slug])).status_code == 404
    assert client.post(reverse("start"), {"organisation": other.slug}).status_code == 404


def test_anonymous_visitors_are_asked_to_sign_in(client):
    """The dashboard needs an account."""
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
