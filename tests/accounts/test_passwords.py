from __future__ import annotations

import re

import pytest
from django.contrib.auth import authenticate, get_user
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a quieter blue notebook"


def test_password_change_needs_sign_in(client):
    """A visitor who is not signed in is sent to sign in first, and back afterwards."""
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={reverse('password_change')}"


def test_password_change_sets_the_new_password_and_keeps_the_user_signed_in(client, owner):
    """With the current password right, the new one replaces it and the session survives."""
    client.force_login(owner)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == reverse("password_change_done")
    assert authenticate(username=owner.email, password=NEW_PASSWORD) == owner
    assert get_user(client) == owner


def test_password_change_refuses_a_wrong_current_password(client, owner):
    """The current password must be right before anything changes."""
    client.force_login(owner)
    response = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


def test_password_reset_emails_a_link_that_sets_a_new_password(client, owner):
    """The reset email reaches the account, and its link lets the user choose a new password."""
    response = client.post(reverse("password_reset"), {"email": "Alice@Example.com"})
    assert response.url == reverse("password_reset_done")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email]
    assert message.subject == "Reset your Hireframe password"
    link = re.search(r"https?://testserver(/\S+)", message.body).group(1)

    # Django swaps the token for a session marker, so the form lives at a second URL.
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.url == reverse("password_reset_complete")
    assert authenticate(username=owner.email, password=NEW_PASSWORD) == owner

    # The link works once.
    again = client.get(link, follow=True)
    assert not again.context["validlink"]
    assert "This link no longer works" in again.content.decode()


def test_password_reset_for_an_unknown_email_sends_nothing_and_says_the_same(client):
    """The reset page does not reveal whether an address has an account."""
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []
