from __future__ import annotations

import pytest

from accounts import services
from accounts.models import User
from accounts.services import EmailTaken, account_sign_up
from orgs.models import Membership, Organisation
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_up(**overrides: object) -> User:
    arguments = {
        "email": "Dana@Example.com",
        "password": PASSWORD,
        "organisation_name": "Northwind Freight",
        "headcount": 250,
        **overrides,
    }
    return account_sign_up(**arguments)


def test_account_sign_up_makes_the_user_owner_of_a_new_organisation():
    """The new user owns the new organisation, and their email is stored in lower case."""
    user = sign_up()
    assert user.email == "dana@example.com"
    assert Membership.objects.get(user=user, role=Membership.Role.OWNER).organisation.name == (
        "Northwind Freight"
    )


def test_account_sign_up_refuses_an_email_in_use_in_any_case():
    """An existing account's email, in another case, raises EmailTaken and creates nothing."""
    UserFactory(email="dana@example.com")
    with pytest.raises(EmailTaken):
        sign_up(email="DANA@EXAMPLE.COM")
    assert User.objects.count() == 1
    assert not Organisation.objects.exists()


def test_account_sign_up_leaves_no_user_behind_when_the_organisation_fails(monkeypatch):
    """The user and the organisation are written together or not at all."""

    def fail(**kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "organisation_create", fail)
    with pytest.raises(RuntimeError):
        sign_up()
    assert not User.objects.exists()
