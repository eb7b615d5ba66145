from __future__ import annotations

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
LOGOUT = reverse("logout")


def test_sign_in_asks_for_an_email_address(client):
    """The username field is an email field, labelled and autocompleted as one."""
    response = client.get(LOGIN)
    field = response.context["form"].fields["username"]
    assert field.label == "Email address"
    assert field.widget.input_type == "email"
    assert field.widget.attrs["autocomplete"] == "email"
    assert response.context["form"].fields["password"].widget.attrs["autocomplete"] == (
        "current-password"
    )


def test_sign_in_page_offers_sign_up_and_a_forgotten_password_link(client):
    """From the sign-in page you can reach sign-up and the password reset."""
    html = client.get(LOGIN).content.decode()
    assert f'href="{reverse("signup")}"' in html
    assert f'href="{reverse("password_reset")}"' in html
    assert "Forgotten your password?" in html


def test_sign_in_works_with_the_email_in_upper_case(client, owner):
    """The email is matched whatever its case."""
    response = client.post(LOGIN, {"username": "ALICE@Example.COM", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/"
    assert get_user(client) == owner


def test_wrong_password_is_refused_without_signing_in(client, owner):
    """A wrong password re-shows the form with our message and leaves the visitor anonymous."""
    response = client.post(LOGIN, {"username": owner.email, "password": "not the password"})
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert not get_user(client).is_authenticated


def test_sign_in_follows_a_safe_next(client, owner):
    """A `next` on our own site is carried through the form and followed."""
    page = client.get(LOGIN, {"next": "/api/"})
    assert 'name="next" value="/api/"' in page.content.decode()
    response = client.post(LOGIN, {"username": owner.email, "password": PASSWORD, "next": "/api/"})
    assert response.url == "/api/"


def test_sign_in_ignores_an_off_site_next(client, owner):
    """A `next` on another site is dropped in favour of the usual landing page."""
    response = client.post(
        LOGIN,
        {"username": owner.email, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.url == "/"


def test_sign_out_is_refused_over_get(client, owner):
    """A link (or an image tag on another site) cannot sign anyone out."""
    client.force_login(owner)
    response = client.get(LOGOUT)
    assert response.status_code == 405
    assert get_user(client) == owner


def test_sign_out_over_post_signs_out_and_goes_to_the_landing_page(client, owner):
    """Signing out ends the session and lands on the landing page."""
    client.force_login(owner)
    response = client.post(LOGOUT)
    assert response.status_code == 302
    assert response.url == reverse("landing")
    assert not get_user(client).is_authenticated
