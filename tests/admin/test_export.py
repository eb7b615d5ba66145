"""The admin's "Export selected as CSV" action."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.http import StreamingHttpResponse
from django.urls import reverse

from audit.models import AuditEvent
from tests.factories import AssessmentFactory, OrganisationFactory, complete_assessment
from wizard.models import Assessment

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:wizard_assessment_changelist")
HEADER = [
    "Code",
    "Organisation",
    "Status",
    "Maturity level",
    "Stage",
    "AI engineers",
    "of which applied AI engineers",
    "ML engineers",
    "ML infrastructure engineers",
    "AI infrastructure engineers",
    "Created (UTC)",
    "Completed (UTC)",
    "Created by",
]


def export(client, assessments=(), query="", **extra):
    data = {"action": "export_csv", ACTION_CHECKBOX_NAME: [a.pk for a in assessments], **extra}
    response = client.post(f"{CHANGELIST}{query}", data)
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode()
    return response, list(csv.reader(io.StringIO(text)))


@pytest.fixture
def finished(organisation, owner):
    assessment = complete_assessment(organisation)
    Assessment.objects.filter(pk=assessment.pk).update(created_by=owner)
    assessment.refresh_from_db()
    return assessment


def test_export_has_one_row_per_selected_assessment_with_the_team_from_the_plan(
    reviewer_client, finished
):
    """Each row carries the organisation, status, level, stage, team counts, dates, creator."""
    AssessmentFactory(organisation=finished.organisation)  # not selected
    response, rows = export(reviewer_client, [finished])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="hireframe-assessments-'
    )
    assert rows[0] == HEADER
    team = finished.plan["team"]
    assert rows[1:] == [
        [
            str(finished.code),
            "Northwind",
            "Complete",
            "3",
            "Enterprise",
            str(team["ai_engineers"]),
            str(team["applied_ai_engineers"]),
            str(team["ml_engineers"]),
            str(team["ml_infra_engineers"]),
            str(team["ai_infra_engineers"]),
            finished.created.strftime("%Y-%m-%d %H:%M:%S"),
            finished.completed.strftime("%Y-%m-%d %H:%M:%S"),
            "alice@example.com",
        ]
    ]


def test_drafts_export_with_empty_result_columns(reviewer_client):
    """A guest's draft has no organisation, plan or creator: those cells are empty."""
    draft = AssessmentFactory(organisation=None)
    _response, rows = export(reviewer_client, [draft])
    assert rows[1] == [
        str(draft.code),
        "",
        "Draft",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        rows[1][10],
        "",
        "",
    ]


def test_export_of_all_matching_follows_the_filters(reviewer_client, finished):
    """ "Select all" exports every assessment the filters match, not just the page."""
    AssessmentFactory(organisation=finished.organisation)
    _response, rows = export(
        reviewer_client, [finished], query="?status__exact=complete", select_across="1"
    )
    assert [row[0] for row in rows[1:]] == [str(finished.code)]


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_defused(reviewer_client):
    """An organisation named like a formula is exported as text."""
    draft = AssessmentFactory(organisation=OrganisationFactory(name='=HYPERLINK("x")'))
    _response, rows = export(reviewer_client, [draft])
    assert rows[1][1] == '\'=HYPERLINK("x")'


def test_export_is_audited(reviewer_client, finished):
    """Who exported, how many, and with which filters goes into the audit log."""
    export(reviewer_client, [finished], query="?stage=enterprise")
    event = AuditEvent.objects.get(action="assessments.exported")
    assert event.actor_email == "rita@example.com"
    assert event.details == {"format": "csv", "selection": 1, "filters": "stage=enterprise"}


def test_members_who_are_not_staff_cannot_export(owner_client, finished):
    """The export is behind the admin's sign-in like the rest of it."""
    response = owner_client.post(
        CHANGELIST, {"action": "export_csv", ACTION_CHECKBOX_NAME: [finished.pk]}
    )
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action="assessments.exported").exists()
