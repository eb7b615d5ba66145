"""The one place that decides who may see or change what.

Outsiders get 404, never 403, so they cannot learn that something exists. Members who
may only read (viewers) get 403 on writes: they know it exists, they may not change it.
A guest's draft belongs to the browser session that started it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.core.validators import slug_re
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpRequest
from django.utils import timezone

from orgs.link_tokens import token_hash
from orgs.models import Invitation, Membership, Organisation
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
    # A slug can come from a form field, not only a URL pattern: anything that is not one
    # names no organisation (and PostgreSQL refuses some text, a NUL byte, outright).
    if not request.user.is_authenticated or not slug_re.match(slug):
        raise Http404
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=request.user, organisation__slug=slug)
        .first()
    )
    if membership is None:
        raise Http404
    return membership.organisation, membership


def require_writer(membership: Membership) -> None:
    if membership.role not in WRITE_ROLES:
        raise PermissionDenied


def can_manage_members(membership: Membership) -> bool:
    """Inviting, changing roles and removing people is the owners' job."""
    return membership.role == Membership.Role.OWNER


def get_organisation_for_owner(request: HttpRequest, slug: str) -> tuple[Organisation, Membership]:
    """Like `get_organisation_for_user`, and 403 for members who are not owners."""
    organisation, membership = get_organisation_for_user(request, slug)
    if not can_manage_members(membership):
        raise PermissionDenied
    return organisation, membership


def get_member_for_owner(request: HttpRequest, slug: str, pk: int) -> tuple[Membership, Membership]:
    """The owner's own membership and the one they want to change, in that order.

    404 for outsiders and for a membership of another organisation; 403 for non-owners.
    """
    organisation, acting = get_organisation_for_owner(request, slug)
    target = (
        Membership.objects.select_related("user", "organisation")
        .filter(pk=pk, organisation=organisation)
        .first()
    )
    if target is None:
        raise Http404
    return acting, target


def get_invitation_for_owner(
    request: HttpRequest, slug: str, pk: int
) -> tuple[Invitation, Membership]:
    """An invitation of the owner's organisation; 404 for outsiders, 403 for non-owners."""
    organisation, membership = get_organisation_for_owner(request, slug)
    invitation = Invitation.objects.filter(pk=pk, organisation=organisation).first()
    if invitation is None:
        raise Http404
    return invitation, membership


def get_open_invitation(token: str) -> Invitation:
    """The invitation this link's token opens, if it can still be used.

    Unknown, expired, used and revoked tokens all give the same 404, so a link says
    nothing about why it does not work to someone who should not have it.
    """
    invitation = (
        Invitation.objects.select_related("organisation", "created_by")
        .filter(
            token_hash=token_hash(token),
            accepted_at__isnull=True,
            revoked=False,
            expires__gt=timezone.now(),
        )
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


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
    if role is None:
        raise Http404
    access = Access(assessment, role=role)
    if write and not access.can_write:
        raise PermissionDenied
    return access
