"""Password reset requests are throttled per address and per client, and the answer is
the same whether an email was sent or not."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from wizard import rate_limit

pytestmark = pytest.mark.django_db

MINUTE = 29_000_010  # a minute since the epoch that starts a 15-minute window


@pytest.fixture
def now(monkeypatch):
    """The limits' clock, at MINUTE; move it on with `now(minutes)`."""

    def set_to(minutes: int = 0) -> None:
        monkeypatch.setattr(rate_limit, "this_minute", lambda: MINUTE + minutes)

    set_to()
    return set_to


def ask(client, email: str):
    return client.post(reverse("password_reset"), {"email": email})


def test_five_rapid_requests_for_one_address_send_one_email(client, owner, now):
    """The first request sends the link; the next four, seconds later, send nothing."""
    responses = [ask(client, "alice@example.com") for _ in range(5)]
    assert len(mail.outbox) == 1
    assert {(r.status_code, r["Location"]) for r in responses} == {
        (302, reverse("password_reset_done"))
    }


def test_the_address_is_throttled_whoever_asks_and_however_it_is_spelt(owner, now):
    """Another client, or the address in capitals, is the same address."""
    ask(Client(REMOTE_ADDR="198.51.100.1"), "alice@example.com")
    ask(Client(REMOTE_ADDR="198.51.100.2"), " Alice@Example.COM ")
    assert len(mail.outbox) == 1


def test_another_email_goes_once_the_interval_is_over(client, owner, now, settings):
    settings.PASSWORD_RESET_EMAIL_MINUTES = 15
    ask(client, "alice@example.com")
    now(14)
    ask(client, "alice@example.com")
    assert len(mail.outbox) == 1
    now(15)
    ask(client, "alice@example.com")
    assert len(mail.outbox) == 2


def test_one_client_asking_for_many_addresses_is_limited(now, settings):
    """Past the per-client limit nothing is sent, for any address; other clients are unaffected."""
    settings.PASSWORD_RESET_RATE_LIMIT = 3
    emails = [UserFactory(email=f"user{n}@example.com").email for n in range(5)]
    client = Client(REMOTE_ADDR="203.0.113.9")
    responses = [ask(client, email) for email in emails[:4]]
    assert [m.to for m in mail.outbox] == [[email] for email in emails[:3]]
    assert {r["Location"] for r in responses} == {reverse("password_reset_done")}
    ask(Client(REMOTE_ADDR="198.51.100.7"), emails[4])
    assert mail.outbox[-1].to == [emails[4]]


def test_throttled_and_unknown_addresses_get_the_same_answer_as_a_sent_email(client, owner, now):
    """Nothing in the answer tells a sent email from a throttled or unknown address."""
    sent = ask(client, "alice@example.com")
    throttled = ask(client, "alice@example.com")
    unknown = ask(client, "nobody@example.com")
    answers = {(r.status_code, r["Location"], r.content) for r in (sent, throttled, unknown)}
    assert len(answers) == 1
