"""django-axes on the sign-in form and the admin's: five wrong passwords for one email
from one address pause that pair for 15 minutes, with a calm 429 page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
ADMIN_LOGIN = reverse("admin:login")


@pytest.fixture(autouse=True)
def axes_on(settings):
    """The suite runs with axes off (see conftest.py); these tests are about it."""
    settings.AXES_ENABLED = True


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.com")


def sign_in(client, email: str, password: str, *, address: str = "203.0.113.5", url=LOGIN):
    return client.post(url, {"username": email, "password": password}, REMOTE_ADDR=address)


def fail(client, times: int, email: str = "alice@example.com", **kwargs):
    return [sign_in(client, email, "wrong password", **kwargs).status_code for _ in range(times)]


def test_the_email_form_signs_in_with_axes_on(client, alice):
    """Axes' backend sits in front of ours without getting in the way of a right password."""
    response = sign_in(client, "Alice@Example.com", PASSWORD)
    assert response.status_code == 302
    assert get_user(client) == alice


def test_the_fifth_wrong_password_locks_out_with_429(client, alice):
    """Four failures re-show the form; the fifth, and a right password after it, get 429."""
    assert fail(client, 5) == [200, 200, 200, 200, 429]
    response = sign_in(client, alice.email, PASSWORD)
    assert response.status_code == 429
    assert not get_user(client).is_authenticated


def test_the_lockout_page_is_calm_and_ours(client, alice):
    """The page says what happened and for how long, in the product's layout and headers."""
    fail(client, 4)
    response = sign_in(client, alice.email, "wrong again")
    html = response.content.decode()
    assert "Too many sign-in attempts" in html and "15 minutes" in html
    assert reverse("password_reset") in html and "Hireframe" in html
    assert "nonce-" in response["Content-Security-Policy"]


def test_the_lock_is_per_email_and_address(client, alice):
    """The same email from another address, and another email from this one, still work."""
    bob = UserFactory(email="bob@example.com")
    fail(client, 5)
    assert sign_in(client, alice.email, PASSWORD, address="198.51.100.7").status_code == 302
    client.logout()
    assert sign_in(client, bob.email, PASSWORD).status_code == 302


def test_the_case_of_the_email_does_not_buy_more_attempts(client, alice):
    """ALICE@ and alice@ are one account, so they share one count."""
    fail(client, 2, "ALICE@example.com")
    fail(client, 2, "alice@EXAMPLE.com")
    assert fail(client, 1) == [429]


def test_the_lock_lifts_after_fifteen_minutes(client, alice):
    """Once the cool-off has passed, the right password works again."""
    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, alice.email, PASSWORD).status_code == 302


def test_signing_in_resets_the_count(client, alice):
    """A successful sign-in forgives earlier mistakes."""
    fail(client, 4)
    assert sign_in(client, alice.email, PASSWORD).status_code == 302
    client.logout()
    assert fail(client, 4) == [200, 200, 200, 200]


def test_the_admin_login_is_protected_too(client):
    """The admin's sign-in form counts towards the same limit and shows the same page."""
    UserFactory(email="staff@example.com", is_staff=True)
    statuses = fail(client, 5, "staff@example.com", url=ADMIN_LOGIN)
    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in(client, "staff@example.com", PASSWORD, url=ADMIN_LOGIN).status_code == 429


def test_behind_a_proxy_the_address_it_appended_counts(client, alice, settings):
    """Through the trusted proxy, the last forwarded address counts; a forged first one
    rotated on every try does not help."""
    settings.BEHIND_PROXY = True
    for n in range(5):
        client.post(
            LOGIN,
            {"username": alice.email, "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.9",
        )
    response = client.post(
        LOGIN,
        {"username": alice.email, "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.9",
    )
    assert response.status_code == 429


def test_a_forwarded_header_from_an_untrusted_peer_does_not_lift_the_lockout(
    client, alice, settings
):
    """A client connecting directly cannot pose as a new address with each try."""
    settings.BEHIND_PROXY = True
    for n in range(5):
        client.post(
            LOGIN,
            {"username": alice.email, "password": "wrong"},
            REMOTE_ADDR="198.51.100.20",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    response = client.post(
        LOGIN,
        {"username": alice.email, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.20",
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert response.status_code == 429
