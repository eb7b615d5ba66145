"""Reads for the members page."""

from __future__ import annotations

from django.db.models import Case, QuerySet, Value, When
from django.utils import timezone

from orgs.models import Invitation, Membership, Organisation


def members_of(organisation: Organisation) -> QuerySet[Membership]:
    """Everyone in the organisation: owners, then editors, then viewers, each by email."""
    rank = Case(
        When(role=Membership.Role.OWNER, then=Value(0)),
        When(role=Membership.Role.EDITOR, then=Value(1)),
        default=Value(2),
    )
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by(rank, "user__email")
    )


def open_invitations_of(organisation: Organisation) -> QuerySet[Invitation]:
    """Invitations that can still be accepted, newest first."""
    return Invitation.objects.filter(
        organisation=organisation,
        accepted_at__isnull=True,
        revoked=False,
        expires__gt=timezone.now(),
    ).select_related("created_by")
