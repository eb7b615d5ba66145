"""The one place that decides who may see or change what.

Outsiders get 404, never 403, so they cannot learn that something exists. Members who
may only read (viewers) get 403 on writes: they know it exists, they may not change it.
A guest's draft belongs to the browser session that started it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from orgs.models import Membership, Organisation
from wizard.models import Assessment

GUEST_DRAFTS_SESSION_KEY = "guest_drafts"
WRITE_ROLES = frozenset({Membership.Role.OWNER, Membership.Role.EDITOR})


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


def membership_for(request: HttpRequest, organisation: Organisation) -> Membership | None:
    if not request.user.is_authenticated:
        return None
    return Membership.objects.filter(user=request.user, organisation=organisation).first()


def get_organisation_for_user(request: HttpRequest, slug: str) -> tuple[Organisation, Membership]:
    """The organisation and the user's membership of it; 404 for anyone else."""
    if not request.user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=request.user, organisation__slug=slug)
        .first()
    )
    if membership is None:
        raise Http404
    return membership.organisation, membership


def require_owner(membership: Membership) -> None:
    if membership.role != Membership.Role.OWNER:
        raise PermissionDenied


def require_writer(membership: Membership) -> None:
    if membership.role not in WRITE_ROLES:
        raise PermissionDenied


def get_assessment_for_user(request: HttpRequest, code: object, *, write: bool = False) -> Access:
    """The assessment with this code if the user may see it (404 otherwise); with
    `write`, 403 for members who may only read."""
    try:
        assessment = Assessment.objects.select_related("organisation").get(code=code)
    except (Assessment.DoesNotExist, ValueError):
        raise Http404 from None
    if assessment.organisation_id is None:
        if str(assessment.code) not in guest_draft_codes(request):
            raise Http404
        return Access(assessment, role=None)
    if not request.user.is_authenticated:
        raise Http404
    role = (
        Membership.objects.filter(user=request.user, organisation_id=assessment.organisation_id)
        .values_list("role", flat=True)
        .first()
    )
    if role is None:
        raise Http404
    access = Access(assessment, role=role)
    if write and not access.can_write:
        raise PermissionDenied
    return access
