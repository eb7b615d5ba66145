from __future__ import annotations

import pytest
from django.core import mail

from accounts import services
from accounts.models import User
from accounts.services import account_sign_up
from orgs.models import Membership, Organisation
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def absolute(path: str) -> str:
    return f"https://hireframe.example{path}"


def sign_up(**overrides: object) -> User | None:
    arguments = {
        "email": "Dana@Example.com",
        "password": PASSWORD,
        "organisation_name": "Northwind Freight",
        "headcount": 250,
        "absolute_url": absolute,
        **overrides,
    }
    return account_sign_up(**arguments)


def test_account_sign_up_makes_the_user_owner_of_a_new_organisation():
    """The new user owns the new organisation, and their email is stored in lower case."""
    user = sign_up()
    assert user.email == "dana@example.com"
    assert user.email_confirmed_at is None
    assert Membership.objects.get(user=user, role=Membership.Role.OWNER).organisation.name == (
        "Northwind Freight"
    )


def test_account_sign_up_emails_a_confirmation_link():
    """The new address gets one email with an absolute confirmation link."""
    sign_up()
    [message] = mail.outbox
    assert message.to == ["dana@example.com"]
    assert "https://hireframe.example/accounts/confirm/" in message.body


def test_account_sign_up_without_an_organisation_name_opens_no_organisation():
    """An invitee's account belongs to no organisation until they accept."""
    user = sign_up(organisation_name="", headcount=None)
    assert user is not None
    assert not Organisation.objects.exists() and not Membership.objects.exists()


def test_a_taken_address_in_any_case_creates_nothing_and_tells_its_owner():
    """A taken address returns None, creates nothing, and emails the owner the way in."""
    UserFactory(email="dana@example.com")
    assert sign_up(email="DANA@EXAMPLE.COM") is None
    assert User.objects.count() == 1
    assert not Organisation.objects.exists()
    [message] = mail.outbox
    assert message.to == ["dana@example.com"]
    assert "already have an account" in message.body
    assert "https://hireframe.example/accounts/password/reset/" in message.body


def test_account_sign_up_leaves_no_user_behind_when_the_organisation_fails(monkeypatch):
    """The user and the organisation are written together or not at all."""

    def fail(**kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "organisation_create", fail)
    with pytest.raises(RuntimeError):
        sign_up()
    assert not User.objects.exists()


def test_a_mail_server_failure_keeps_the_account(monkeypatch):
    """If the confirmation cannot be sent, the account stays and a new link can be asked."""

    def refuse(**kwargs: object) -> None:
        raise OSError("connection refused")

    monkeypatch.setattr(services, "send_email", refuse)
    assert sign_up() is not None
    assert User.objects.filter(email="dana@example.com").exists()
