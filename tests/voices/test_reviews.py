"""Reviews: a second member signs off a finished assessment; the report, the dashboard and
the admin show it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from audit.models import Action, AuditEvent
from tests.factories import AssessmentFactory, complete_assessment
from voices.models import Review
from voices.reviews import ReviewRefused, review_mark
from wizard.models import Assessment

pytestmark = pytest.mark.django_db


def _finished_by(assessment: Assessment, user) -> Assessment:
    """Record `user` as the one who finished `assessment`, as the wizard's finish does."""
    AuditEvent.objects.filter(target=str(assessment.code)).update(actor=user)
    return assessment


def test_editor_marks_a_finished_assessment_reviewed_and_it_is_audited(
    organisation, owner, editor, editor_client
):
    """A member other than the finisher reviews: the report names them, the log records it."""
    assessment = _finished_by(complete_assessment(organisation), owner)
    url = reverse("assessment-review", args=[assessment.code])
    response = editor_client.post(url, {"comment": "Checked the churn numbers with finance."})
    assert response.status_code == 302
    review = Review.objects.get(assessment=assessment)
    assert review.reviewer == editor
    event = AuditEvent.objects.get(action=Action.ASSESSMENT_REVIEWED)
    assert event.actor == editor and event.target == str(assessment.code)
    page = editor_client.get(reverse("report", args=[assessment.code])).content.decode()
    assert "Reviewed by bob@example.com on" in page
    assert "Checked the churn numbers with finance." in page


def test_the_member_who_finished_it_cannot_review_it(organisation, owner, owner_client):
    """The finisher is told another member must review; nothing is stored."""
    assessment = _finished_by(complete_assessment(organisation), owner)
    url = reverse("assessment-review", args=[assessment.code])
    assert "another member has to review it" in owner_client.get(url).content.decode()
    response = owner_client.post(url, {"comment": "Looks right to me."})
    assert response.status_code == 422
    assert "another member has to review it" in response.content.decode()
    assert not Review.objects.exists()


def test_an_empty_comment_is_refused_by_the_field(organisation, editor_client):
    """The comment is required; the message sits by the field."""
    assessment = complete_assessment(organisation)
    response = editor_client.post(reverse("assessment-review", args=[assessment.code]), {})
    assert response.status_code == 422
    assert "Say in a line what you checked." in response.content.decode()


def test_a_second_review_is_refused(organisation, owner, editor):
    """One review per assessment: the second is refused with a reason, not a 500."""
    assessment = complete_assessment(organisation)
    review_mark(assessment=assessment, reviewer=editor, comment="First.")
    with pytest.raises(ReviewRefused):
        review_mark(assessment=assessment, reviewer=owner, comment="Second.")


def test_a_draft_cannot_be_reviewed(organisation, editor, editor_client):
    """Only finished assessments are reviewed: a draft's review page is not found."""
    draft = AssessmentFactory(organisation=organisation)
    assert editor_client.get(reverse("assessment-review", args=[draft.code])).status_code == 404
    with pytest.raises(ReviewRefused):
        review_mark(assessment=draft, reviewer=editor, comment="Too early.")


def test_the_dashboard_filters_by_reviewed_or_not(organisation, editor, owner_client):
    """?reviewed=yes lists only reviewed assessments, ?reviewed=no only the others."""
    reviewed = complete_assessment(organisation)
    pending = complete_assessment(organisation)
    review_mark(assessment=reviewed, reviewer=editor, comment="Fine.")
    url = reverse("organisation", args=[organisation.slug])

    def codes(query: str) -> set[str]:
        page = owner_client.get(url + query).context["page"]
        return {str(item.code) for item in page.object_list}

    assert codes("?reviewed=yes") == {str(reviewed.code)}
    assert codes("?reviewed=no") == {str(pending.code)}
    assert codes("") == {str(reviewed.code), str(pending.code)}
    assert codes("?reviewed=maybe") == {str(reviewed.code), str(pending.code)}


def test_the_admin_filters_by_reviewed_or_not(organisation, editor, staff_client):
    """The admin's assessment list has a reviewed filter."""
    reviewed = complete_assessment(organisation)
    pending = complete_assessment(organisation)
    review_mark(assessment=reviewed, reviewer=editor, comment="Fine.")
    url = reverse("admin:wizard_assessment_changelist")
    listed = {
        str(a.code) for a in staff_client.get(url + "?reviewed=yes").context["cl"].result_list
    }
    assert listed == {str(reviewed.code)}
    listed = {str(a.code) for a in staff_client.get(url + "?reviewed=no").context["cl"].result_list}
    assert listed == {str(pending.code)}
