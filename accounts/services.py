"""Writes to accounts: signing up and confirming an email address."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.confirmation import CONFIRMATION_MAX_AGE, confirmation_token
from accounts.mail import send_email
from accounts.models import User, normalise_email
from orgs.services import organisation_create

logger = logging.getLogger(__name__)


class EmailTaken(Exception):
    """An account with this email address already exists."""


def account_sign_up(
    *,
    email: str,
    password: str,
    absolute_url: Callable[[str], str],
    organisation_name: str = "",
    headcount: int | None = None,
    currency: str = "GBP",
    next_url: str = "",
    draft_codes: Sequence[str] = (),
) -> User | None:
    """Open an account, and an organisation it owns when `organisation_name` is given,
    then email the address a link that confirms it and signs in.

    If the address, in any case, already has an account, nothing is created and that
    account's owner is emailed instead (returns None). The caller answers both the same
    way, so sign-up never tells anyone which addresses have accounts. Someone invited into
    an organisation signs up without one (`organisation_name` empty).

    The arguments are expected to be validated already. `absolute_url` turns a path into
    the link to put in the email.
    """
    email = normalise_email(email)
    try:
        user = _create_account(
            email=email,
            password=password,
            organisation_name=organisation_name,
            headcount=headcount,
            currency=currency,
        )
    except EmailTaken:
        # Hash the password anyway, so a taken address takes as long to answer as a new one.
        make_password(password)
        _send(
            email,
            _("Your Hireframe account"),
            "accounts/email_account_exists.txt",
            {
                "sign_in_link": absolute_url(reverse("login")),
                "reset_link": absolute_url(reverse("password_reset")),
            },
        )
        return None
    confirmation_send(
        user=user, absolute_url=absolute_url, next_url=next_url, draft_codes=draft_codes
    )
    return user


@transaction.atomic
def _create_account(
    *, email: str, password: str, organisation_name: str, headcount: int | None, currency: str
) -> User:
    """The user and, if named, their organisation: both or neither."""
    if User.objects.filter(email__iexact=email).exists():
        raise EmailTaken(email)
    try:
        # A savepoint, so the unique constraint can fail without spoiling the outer block;
        # it catches a concurrent sign-up between the check above and this write.
        with transaction.atomic():
            user = User.objects.create_user(email=email, password=password)
    except IntegrityError as error:
        raise EmailTaken(email) from error
    if organisation_name:
        if headcount is None:
            raise ValueError("An organisation needs a headcount.")
        organisation_create(
            name=organisation_name, headcount=headcount, owner=user, currency=currency
        )
    return user


def confirmation_send(
    *,
    user: User,
    absolute_url: Callable[[str], str],
    next_url: str = "",
    draft_codes: Sequence[str] = (),
) -> None:
    """Email `user` a fresh link that confirms their address (nothing if it already is)."""
    if user.email_confirmed:
        return
    token = confirmation_token(user, next_url=next_url, draft_codes=draft_codes)
    _send(
        user.email,
        _("Confirm your email address for Hireframe"),
        "accounts/email_confirm.txt",
        {
            "link": absolute_url(reverse("confirm-email", args=[token])),
            "expires": timezone.now() + CONFIRMATION_MAX_AGE,
        },
    )


def confirmation_resend(*, email: str, absolute_url: Callable[[str], str]) -> None:
    """Send a new confirmation link if `email` belongs to an account waiting for one.

    Says nothing either way: the caller answers the same whoever the address belongs to.
    """
    user = User.objects.filter(
        email=normalise_email(email), email_confirmed_at__isnull=True, is_active=True
    ).first()
    if user is not None:
        confirmation_send(user=user, absolute_url=absolute_url)


@transaction.atomic
def email_confirm(*, user: User) -> User:
    """Record that the owner of `user`'s address has confirmed it."""
    User.objects.filter(pk=user.pk, email_confirmed_at__isnull=True).update(
        email_confirmed_at=timezone.now()
    )
    user.refresh_from_db(fields=["email_confirmed_at"])
    return user


def _send(to: str, subject: str, template: str, context: dict[str, object]) -> None:
    # Sent after the account is committed. A mail server that fails is logged; the person
    # can ask for the link again from the "check your email" page.
    body = render_to_string(template, context)
    try:
        send_email(subject=subject, body=body, to=to)
    except Exception:
        logger.exception("Could not send %s", template)
