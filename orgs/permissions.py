"""The one place that decides who may see or change an organisation and its members.

Outsiders get 404, never 403, so they cannot learn that something exists. Members who
may only read (viewers) get 403 on writes: they know it exists, they may not change it.
Access to assessments is decided in wizard/access.py, on top of these checks.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.validators import slug_re
from django.http import Http404, HttpRequest
from django.utils import timezone

from orgs.link_tokens import token_hash
from orgs.models import Invitation, Membership, Organisation

WRITE_ROLES = frozenset({Membership.Role.OWNER, Membership.Role.EDITOR})
# Respondents joined to answer one round: the organisation's pages are not theirs to see.
ORGANISATION_ROLES = frozenset(set(Membership.Role) - {Membership.Role.RESPONDENT})


def membership_for(request: HttpRequest, organisation: Organisation) -> Membership | None:
    if not request.user.is_authenticated:
        return None
    return Membership.objects.filter(
        user=request.user, organisation=organisation, role__in=ORGANISATION_ROLES
    ).first()


def get_organisation_for_user(request: HttpRequest, slug: str) -> tuple[Organisation, Membership]:
    """The organisation and the user's membership of it; 404 for anyone else."""
    # A slug can come from a form field, not only a URL pattern: anything that is not one
    # names no organisation (and PostgreSQL refuses some text, a NUL byte, outright).
    if not request.user.is_authenticated or not slug_re.match(slug):
        raise Http404
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=request.user, organisation__slug=slug, role__in=ORGANISATION_ROLES)
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
