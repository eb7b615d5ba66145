"""The respondent role: answer what they were asked and read its report, nothing else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from orgs.models import Membership
from tests.conftest import client_for
from tests.factories import MembershipFactory, complete_assessment
from tests.security.url_catalogue import all_routes
from voices.models import Respondent, Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def dana(organisation):
    """Joined Northwind by an invitation as a respondent."""
    return MembershipFactory(
        organisation=organisation, role=Membership.Role.RESPONDENT, user__email="dana@example.com"
    ).user


@pytest.fixture
def asked(organisation, owner, dana):
    """A finished assessment whose round asked Dana."""
    assessment = complete_assessment(organisation)
    round_ = Round.objects.create(assessment=assessment, created_by=owner)
    Respondent.objects.create(round=round_, user=dana, email=dana.email)
    return assessment


def test_a_respondent_reads_the_report_they_answered_for_and_nothing_else(
    organisation, asked, dana
):
    other = complete_assessment(organisation)
    client = client_for(dana)
    assert client.get(reverse("report", args=[asked.code])).status_code == 200
    assert client.get(reverse("report", args=[other.code])).status_code == 404
    assert client.get(reverse("organisation", args=[organisation.slug])).status_code == 404
    assert client.get(reverse("members", args=[organisation.slug])).status_code == 404
    assert client.get(reverse("assessment-review", args=[asked.code])).status_code == 403


def test_a_respondent_is_sent_from_the_dashboard_to_their_rounds(asked, dana):
    client = client_for(dana)
    response = client.get(reverse("dashboard"))
    assert response.headers["Location"] == reverse("rounds-mine")
    assert str(asked.organisation.name) in client.get(reverse("rounds-mine")).content.decode()


def test_someone_invited_by_address_finds_their_answers_once_they_join(
    organisation, owner, dana, draft_with_invitee
):
    """The answers waiting under Dana's address become hers when she opens them."""
    respondent = draft_with_invitee
    client = client_for(dana)
    response = client.get(reverse("respond", args=[respondent.code]))
    assert response.status_code == 302
    respondent.refresh_from_db()
    assert respondent.user == dana


@pytest.fixture
def draft_with_invitee(organisation, owner):
    from tests.factories import AssessmentFactory

    round_ = Round.objects.create(
        assessment=AssessmentFactory(organisation=organisation), created_by=owner
    )
    return Respondent.objects.create(round=round_, email="dana@example.com")


def test_a_respondent_reaches_no_other_url_of_the_organisation(organisation, asked, dana):
    """Every URL naming something of Northwind's, bar their own report, is closed to them."""
    from tests.security.test_isolation_matrix import TABLE

    client = client_for(dana)
    values = {
        "code": asked.code,
        "slug": organisation.slug,
        "pk": Membership.objects.get(user=dana).pk,
        "link_id": 1,
        "uidb64": "MQ",
        "token": "x",
    }
    allowed = {"report", "report-pdf", "report-json", "report-csv", "report-roadmap-csv"}
    opened = []
    for route in all_routes():
        row = TABLE.get(route.name)
        if not route.kwargs or (row is not None and row.open_to_all) or route.name in allowed:
            continue
        if route.name.startswith("respond") or route.name in {"what-if"}:
            continue  # their own answers (none here), and a what-if that saves nothing
        kwargs = {name: values.get(name, "maturity") for name in route.kwargs}
        url = reverse(route.name, kwargs=kwargs)
        status = client.get(url).status_code
        if status < 300:
            opened.append(f"{route.name}: {status}")
    assert opened == []
