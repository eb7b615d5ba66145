"""Writes to accounts."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from accounts.models import User, normalise_email
from orgs.services import organisation_create


class EmailTaken(Exception):
    """An account with this email address already exists."""


@transaction.atomic
def account_sign_up(*, email: str, password: str, organisation_name: str, headcount: int) -> User:
    """Create a user and their organisation, with the user as its owner: both or neither.

    The arguments are expected to be validated already (SignUpForm checks the password
    against the validators and the headcount against its range). Raises EmailTaken if the
    email, in any case, belongs to an existing account, including one created by a
    concurrent sign-up between the form's check and this write.
    """
    email = normalise_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise EmailTaken(email)
    try:
        # A savepoint, so the unique constraint can fail without spoiling the outer block.
        with transaction.atomic():
            user = User.objects.create_user(email=email, password=password)
    except IntegrityError as error:
        raise EmailTaken(email) from error
    organisation_create(name=organisation_name, headcount=headcount, owner=user)
    return user
