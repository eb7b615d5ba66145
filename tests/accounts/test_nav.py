from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ACCOUNT_PAGES = [
    "signup",
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
]


def test_anonymous_visitor_is_offered_sign_in_and_sign_up(client):
    """The nav invites a visitor to sign in or to sign up, beside the usual links."""
    html = client.get(reverse("landing")).content.decode()
    assert f'href="{reverse("login")}?next=/"' in html
    assert f'href="{reverse("signup")}?next=/"' in html
    assert f'href="{reverse("api-docs")}"' in html
    assert f'action="{reverse("logout")}"' not in html


def test_signed_in_user_sees_who_they_are_and_can_sign_out(client, owner):
    """Once signed in, the nav names the user and signs out with a POST form."""
    client.force_login(owner)
    html = client.get(reverse("landing")).content.decode()
    assert owner.email in html
    assert re.search(rf'<form method="post" action="{reverse("logout")}">', html)
    assert f'href="{reverse("password_change")}"' in html
    assert f'href="{reverse("signup")}' not in html


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_every_account_page_has_a_title_and_a_heading(client, name):
    """Each account page names itself in the title bar and in one h1."""
    html = client.get(reverse(name)).content.decode()
    title = re.search(r"<title>(.*?) · Hireframe</title>", html)
    assert title and title.group(1).strip()
    assert html.count("<h1") == 1


def test_password_change_page_has_a_title_and_a_heading(client, owner):
    """The password change page, reached signed in, also names itself."""
    client.force_login(owner)
    for name in ("password_change", "password_change_done"):
        html = client.get(reverse(name)).content.decode()
        assert re.search(r"<title>\S.*? · Hireframe</title>", html)
        assert html.count("<h1") == 1


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_the_header_on_an_account_page_does_not_lead_back_to_it(client, name):
    """Signing in from the sign-in page (or any account screen) must not return there."""
    html = client.get(reverse(name)).content.decode()
    assert f'href="{reverse("login")}"' in html
    assert "?next=" + reverse(name) not in html


def test_the_header_keeps_the_query_of_the_page(client):
    """The whole address comes back, its query encoded so it stays one `next`."""
    html = client.get(reverse("api-docs") + "?a=1&b=2").content.decode()
    assert f'href="{reverse("signup")}?next=/api/%3Fa%3D1%26b%3D2"' in html


def test_an_error_page_does_not_repeat_its_address_in_the_header(client):
    """A 404 reads the same whatever was asked for (a guessed link says nothing back)."""
    html = client.get("/r/" + "A" * 43 + "/").content.decode()
    assert "A" * 43 not in html
    assert f'href="{reverse("signup")}"' in html
