"""Writes to organisations, their memberships and invitations."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.mail import send_email
from accounts.models import User, normalise_email
from audit.models import Action
from audit.services import audit_record
from orgs.link_tokens import new_token, token_hash
from orgs.models import Invitation, Membership, Organisation

logger = logging.getLogger(__name__)

INVITATION_LIFETIME = timedelta(days=7)


class LastOwner(Exception):
    """The change would leave the organisation without an owner."""


class AlreadyMember(Exception):
    """The user already belongs to the organisation the invitation is for."""

    def __init__(self, membership: Membership) -> None:
        super().__init__(f"{membership.user} is already a member of {membership.organisation}")
        self.membership = membership


class InvitationClosed(Exception):
    """The invitation was used, revoked or expired while the invitee was looking at it."""


class NotTheInvitee(Exception):
    """The invitation was sent to an address, and this account has another one."""


class AddressUnconfirmed(Exception):
    """The invitation was sent to this account's address, which is not confirmed yet."""


@dataclass(frozen=True)
class NewInvitation:
    invitation: Invitation
    link: str  # the only copy of the token: shown to the owner once, never stored
    emailed: bool


def _unique_slug(name: str) -> str:
    base = slugify(name)[:120] or "organisation"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def organisation_create(
    *, name: str, headcount: int, owner: User, currency: str = "GBP"
) -> Organisation:
    """Create an organisation with `owner` as its first owner."""
    organisation = Organisation.objects.create(
        name=name, slug=_unique_slug(name), headcount=headcount, currency=currency
    )
    Membership.objects.create(user=owner, organisation=organisation, role=Membership.Role.OWNER)
    return organisation


def _lock_organisation(organisation: Organisation) -> None:
    # One writer at a time changes an organisation's members, so two owners demoting
    # each other at the same moment cannot both see "another owner is left".
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()


def is_last_owner(membership: Membership) -> bool:
    if membership.role != Membership.Role.OWNER:
        return False
    owners = Membership.objects.filter(
        organisation_id=membership.organisation_id, role=Membership.Role.OWNER
    )
    return not owners.exclude(pk=membership.pk).exists()


def invitation_create(
    *,
    organisation: Organisation,
    role: str,
    created_by: User,
    link_for: Callable[[str], str],
    email: str = "",
    request: HttpRequest | None = None,
) -> NewInvitation:
    """Invite someone into `organisation` with `role`, by a link and, given `email`, by mail.

    Given `email`, only an account with that address, once confirmed, can accept; without
    one, anyone holding the link can. `link_for` turns the token into the absolute URL of
    the invitation page. The token is returned inside that link and stored only as a hash.
    The invitation is committed before the email is queued for the worker (which retries
    while the mail server is away); a failure to queue it is logged and reported as
    `emailed=False`: the invitation stays usable and the owner has the link to pass on.
    """
    token = new_token()
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            token_hash=token_hash(token),
            created_by=created_by,
            expires=timezone.now() + INVITATION_LIFETIME,
        )
        audit_record(
            action=Action.MEMBER_INVITED,
            actor=created_by,
            organisation=organisation,
            target=email,
            details={"role": role, "invitation": invitation.pk, "by_email": bool(email)},
            request=request,
        )
    link = link_for(token)
    # Queued after the commit: the worker must find the invitation it is about.
    emailed = bool(email) and _send_invitation(invitation, link)
    return NewInvitation(invitation=invitation, link=link, emailed=emailed)


def _send_invitation(invitation: Invitation, link: str) -> bool:
    context = {
        "invitation": invitation,
        "organisation": invitation.organisation,
        "inviter": invitation.created_by.get_full_name() if invitation.created_by else "",
        "role": invitation.get_role_display(),
        "link": link,
    }
    subject = _("Join %(organisation)s on Hireframe") % {
        "organisation": invitation.organisation.name
    }
    # Queued for the worker, which retries while the mail server is away; what fails
    # here already (a template, the queue itself) is logged and reported as not emailed.
    try:
        body = render_to_string("orgs/invitation_email.txt", context)
        send_email(subject=subject, body=body, to=invitation.email)
    except Exception:
        # Whatever went wrong, the invitation is made: say so.
        logger.exception("Could not email invitation %s", invitation.pk)
        return False
    return True


def acceptance_problem(invitation: Invitation, user: User) -> type[Exception] | None:
    """Why `user` may not accept `invitation` (NotTheInvitee, AddressUnconfirmed), or None.

    A link-only invitation (no address) is open to any account.
    """
    if not invitation.email:
        return None
    if normalise_email(user.email) != normalise_email(invitation.email):
        return NotTheInvitee
    if user.email_confirmed_at is None:
        return AddressUnconfirmed
    return None


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user: User, request: HttpRequest | None = None
) -> Membership:
    """Make `user` a member with the invitation's role and use the invitation up.

    Raises AlreadyMember, NotTheInvitee or AddressUnconfirmed (the invitation stays open
    for each), or InvitationClosed.
    """
    _lock_organisation(invitation.organisation)
    current = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked=False, expires__gt=timezone.now()
    ).first()
    if current is None:
        raise InvitationClosed
    existing = Membership.objects.filter(user=user, organisation=invitation.organisation).first()
    if existing is not None:
        raise AlreadyMember(existing)
    problem = acceptance_problem(current, user)
    if problem is not None:
        raise problem
    membership = Membership.objects.create(
        user=user, organisation=invitation.organisation, role=current.role
    )
    current.accepted_at = timezone.now()
    current.save(update_fields=["accepted_at"])
    audit_record(
        action=Action.MEMBER_ADDED,
        actor=user,
        organisation=invitation.organisation,
        target=user.email,
        details={"role": current.role, "invitation": current.pk},
        request=request,
    )
    return membership


@transaction.atomic
def invitation_revoke(
    *, invitation: Invitation, actor: User, request: HttpRequest | None = None
) -> Invitation:
    """Stop an unused invitation's link from working."""
    invitation.revoked = True
    invitation.save(update_fields=["revoked"])
    audit_record(
        action=Action.INVITATION_REVOKED,
        actor=actor,
        organisation=invitation.organisation,
        target=invitation.email,
        details={"role": invitation.role, "invitation": invitation.pk},
        request=request,
    )
    return invitation


@transaction.atomic
def organisation_set_currency(
    *, organisation: Organisation, currency: str, actor: User, request: HttpRequest | None = None
) -> Organisation:
    """Show the organisation's money in another currency from now on (amounts are labelled,
    never converted), and note who changed it."""
    _lock_organisation(organisation)
    organisation.refresh_from_db(fields=["currency"])
    if organisation.currency == currency:
        return organisation
    previous = organisation.currency
    organisation.currency = currency
    organisation.save(update_fields=["currency"])
    audit_record(
        action=Action.CURRENCY_CHANGED,
        actor=actor,
        organisation=organisation,
        target=organisation.name,
        details={"from": previous, "to": currency},
        request=request,
    )
    return organisation


@transaction.atomic
def membership_set_role(
    *, membership: Membership, role: str, actor: User, request: HttpRequest | None = None
) -> Membership:
    """Give a member another role. Raises LastOwner rather than demote the only owner."""
    _lock_organisation(membership.organisation)
    membership.refresh_from_db(fields=["role"])
    if membership.role == role:
        return membership
    if role != Membership.Role.OWNER and is_last_owner(membership):
        raise LastOwner
    previous = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    audit_record(
        action=Action.MEMBER_ROLE_CHANGED,
        actor=actor,
        organisation=membership.organisation,
        target=membership.user.email,
        details={"from": previous, "to": role},
        request=request,
    )
    return membership


@transaction.atomic
def membership_remove(
    *, membership: Membership, actor: User, request: HttpRequest | None = None
) -> None:
    """Take a member out of the organisation: an owner removing them, or leaving.

    Raises LastOwner rather than leave the organisation without an owner. Assessments the
    member started stay with the organisation.
    """
    _lock_organisation(membership.organisation)
    membership.refresh_from_db(fields=["role"])
    if is_last_owner(membership):
        raise LastOwner
    left = membership.user_id == actor.pk
    audit_record(
        action=Action.MEMBER_REMOVED,
        actor=actor,
        organisation=membership.organisation,
        target=membership.user.email,
        details={"role": membership.role, "left": left},
        request=request,
    )
    membership.delete()
