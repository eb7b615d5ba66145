"""Who may see or change an assessment, built on the organisation checks in orgs.

Outsiders get 404, never 403, so they cannot learn that an assessment exists. Members who
may only read (viewers) get 403 on writes. A guest's draft belongs to the browser session
that started it: the session keeps the codes of the drafts it started.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpRequest

from orgs.models import Membership
from orgs.permissions import WRITE_ROLES
from wizard.models import Assessment

GUEST_DRAFTS_SESSION_KEY = "guest_drafts"


@dataclass(frozen=True)
class Access:
    """What the current user may do with one assessment."""

    assessment: Assessment
    role: str | None  # None for a guest's own draft

    @property
    def can_write(self) -> bool:
        return self.role is None or self.role in WRITE_ROLES

    @property
    def can_delete(self) -> bool:
        return self.role == Membership.Role.OWNER


def guest_draft_codes(request: HttpRequest) -> list[str]:
    return list(request.session.get(GUEST_DRAFTS_SESSION_KEY, []))


def remember_guest_draft(request: HttpRequest, assessment: Assessment) -> None:
    codes = guest_draft_codes(request)
    request.session[GUEST_DRAFTS_SESSION_KEY] = [*codes, str(assessment.code)]


def _asked(request: HttpRequest, assessment: Assessment) -> bool:
    """A respondent reads one thing of the organisation's: the report of an assessment
    they were asked to answer a round on, once it is finished."""
    from voices.models import Respondent  # voices builds on the wizard's models

    return (
        assessment.is_complete
        and Respondent.objects.filter(round__assessment=assessment, user=request.user).exists()
    )


def get_assessment_for_user(request: HttpRequest, code: object, *, write: bool = False) -> Access:
    """The assessment with this code if the user may see it (404 otherwise); with
    `write`, 403 for members who may only read."""
    assessments = Assessment.objects.select_related("organisation")
    if request.user.is_authenticated:
        # The user's role in the assessment's organisation comes with it: one query, not two,
        # on every page and every autosave.
        assessments = assessments.annotate(
            member_role=Subquery(
                Membership.objects.filter(
                    user=request.user, organisation_id=OuterRef("organisation_id")
                ).values("role")[:1]
            )
        )
    try:
        assessment = assessments.get(code=code)
    except (Assessment.DoesNotExist, ValueError):
        raise Http404 from None
    if assessment.organisation_id is None:
        if str(assessment.code) not in guest_draft_codes(request):
            raise Http404
        return Access(assessment, role=None)
    role = getattr(assessment, "member_role", None)
    if role is None or (role == Membership.Role.RESPONDENT and not _asked(request, assessment)):
        raise Http404
    access = Access(assessment, role=role)
    if write and not access.can_write:
        raise PermissionDenied
    return access
