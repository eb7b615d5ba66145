"""Confirming an email address: the link sent at sign-up, and asking for a new one."""

from __future__ import annotations

import re
import time

import pytest
from django.contrib.auth import get_user
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts import views
from accounts.confirmation import CONFIRMATION_MAX_AGE, confirmation_token
from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

RESEND = reverse("confirm-resend")


def confirm_path(body: str) -> str:
    return re.search(r"http://testserver(/accounts/confirm/[^/\s]+/)", body).group(1)


@pytest.fixture
def dana(db) -> User:
    return UserFactory(email="dana@example.com")


def link_for(user: User, **kwargs) -> str:
    return reverse("confirm-email", args=[confirmation_token(user, **kwargs)])


def test_opening_the_link_asks_first_and_the_button_confirms_and_signs_in(client, dana):
    """GET shows a button and changes nothing (a mail scanner may open links); POST
    confirms the address, signs the person in and goes on."""
    url = link_for(dana, next_url="/api/")
    page = client.get(url)
    assert page.status_code == 200 and "Confirm and sign in" in page.content.decode()
    dana.refresh_from_db()
    assert dana.email_confirmed_at is None
    response = client.post(url)
    assert response.url == "/api/"
    dana.refresh_from_db()
    assert dana.email_confirmed_at is not None
    assert get_user(client) == dana


def test_a_link_works_once(client, dana):
    """Once the address is confirmed, the same link is a 404 page offering a new link."""
    url = link_for(dana)
    client.post(url)
    again = Client().post(url)
    assert again.status_code == 404
    assert RESEND in again.content.decode()


def test_a_forged_or_altered_link_does_not_work(client, dana):
    """A token that was not signed by us, or was changed, opens nothing."""
    token = confirmation_token(dana)
    for bad in (token[:-2] + "xx", "made-up", token.replace(":", ".", 1)):
        assert client.post(reverse("confirm-email", args=[bad])).status_code == 404
    dana.refresh_from_db()
    assert dana.email_confirmed_at is None


def test_a_link_expires(client, dana, monkeypatch):
    """After CONFIRMATION_MAX_AGE the link no longer works."""
    url = link_for(dana)
    later = time.time() + CONFIRMATION_MAX_AGE.total_seconds() + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.post(url).status_code == 404


def test_a_link_for_an_address_since_changed_does_not_work(client, dana):
    """The link confirms the address it was sent to, not whatever the account has now."""
    url = link_for(dana)
    dana.email = "other@example.com"
    dana.save()
    assert client.post(url).status_code == 404


def test_anyone_can_ask_for_a_new_link_and_gets_the_same_answer(client, dana):
    """A new link goes to an unconfirmed account's address; for an unknown address nothing
    is sent, and the answer is the same."""
    known = client.post(RESEND, {"email": "DANA@example.com"})
    unknown = Client().post(RESEND, {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    [message] = mail.outbox
    assert message.to == ["dana@example.com"]
    assert client.post(confirm_path(message.body)).status_code == 302


def test_a_signed_in_person_asks_for_a_link_to_their_own_address(client, dana):
    """Signed in, the page has no address field: the link goes to the account's address
    and leads back to a safe `next`."""
    client.force_login(dana)
    assert client.get(RESEND).context["form"] is None
    response = client.post(RESEND, {"next": "/api/", "email": "someone@example.com"})
    assert response.url == "/api/"
    [message] = mail.outbox
    assert message.to == ["dana@example.com"]
    assert Client().post(confirm_path(message.body)).url == "/api/"


def test_a_bad_address_is_refused_at_the_field(client):
    """A malformed address is a message by the field, not an error page."""
    response = client.post(RESEND, {"email": "not an address"})
    assert response.status_code == 422
    assert response.context["form"].errors["email"]


def test_asking_for_links_is_limited_per_client(client, dana, monkeypatch):
    """Past CONFIRMATIONS_PER_MINUTE, a 429 with a message and no email."""
    monkeypatch.setattr(views, "CONFIRMATIONS_PER_MINUTE", 1)
    client.post(RESEND, {"email": dana.email})
    response = client.post(RESEND, {"email": dana.email})
    assert response.status_code == 429
    assert len(mail.outbox) == 1


def test_an_unconfirmed_account_can_still_sign_in_with_its_password(client, dana):
    """Confirming is needed to accept an invitation sent to the address, not to sign in."""
    assert client.login(username=dana.email, password=PASSWORD)
