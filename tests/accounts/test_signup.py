from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts import services, views
from accounts.models import User
from orgs.models import Membership, Organisation
from tests.factories import PASSWORD, UserFactory
from wizard.rules.limits import HEADCOUNT

pytestmark = pytest.mark.django_db

SIGN_UP = reverse("signup")


def sign_up_data(**overrides: str) -> dict[str, str]:
    return {
        "email": "Dana@Example.com",
        "password": PASSWORD,
        "organisation_name": "Northwind Freight",
        "headcount": "250",
        **overrides,
    }


def test_sign_up_asks_for_everything_on_one_screen(client):
    """One page asks for email, password, organisation name and headcount, each labelled."""
    response = client.get(SIGN_UP)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields) == ["email", "password", "organisation_name", "headcount", "currency"]
    assert all(field.label for field in form.fields.values())
    autocomplete = {
        name: field.widget.attrs.get("autocomplete") for name, field in form.fields.items()
    }
    assert autocomplete == {
        "email": "email",
        "password": "new-password",
        "organisation_name": "organization",
        "headcount": "off",
        "currency": "off",
    }
    assert "stage" in str(form.fields["headcount"].help_text)


def test_sign_up_creates_the_user_and_an_organisation_they_own_and_asks_to_confirm(client):
    """A valid sign-up makes the user, the organisation and an owner membership, emails a
    confirmation link and answers "check your email"; nobody is signed in yet."""
    response = client.post(SIGN_UP, sign_up_data())
    assert response.status_code == 302
    assert response.url == reverse("signup-sent")
    user = User.objects.get()
    assert user.email == "dana@example.com"
    assert user.check_password(PASSWORD)
    membership = Membership.objects.get(user=user)
    assert membership.role == Membership.Role.OWNER
    assert membership.organisation.name == "Northwind Freight"
    assert membership.organisation.headcount == 250
    assert not get_user(client).is_authenticated
    assert "dana@example.com" in client.get(response.url).content.decode()
    [message] = mail.outbox
    assert message.to == ["dana@example.com"]


def _answer(client, data):
    response = client.post(SIGN_UP, data)
    page = client.get(response.url)
    return response.status_code, response.url, page.content.decode()


def _without_tokens(html: str) -> str:
    return re.sub(r'(?:value|nonce)="[\w-]+"|"X-CSRFToken": "[\w-]+"', "", html)


def test_a_taken_address_gets_the_same_answer_as_a_new_one(client):
    """Sign-up never says whether an address has an account: the answer (status, where it
    leads, the page there) is the same; only the email sent to the address differs."""
    UserFactory(email="dana@example.com")
    taken = _answer(client, sign_up_data(email="DANA@example.COM"))
    new = _answer(Client(), sign_up_data(email="erin@example.com"))
    assert taken[:2] == new[:2]
    assert _without_tokens(taken[2]).replace("dana@example.com", "X") == _without_tokens(
        new[2]
    ).replace("erin@example.com", "X")
    assert "already exists" not in taken[2]
    assert User.objects.count() == 2
    assert Organisation.objects.count() == 1
    exists, confirm = mail.outbox
    assert exists.to == ["dana@example.com"] and "already have an account" in exists.body
    assert confirm.to == ["erin@example.com"] and "/accounts/confirm/" in confirm.body


def test_sign_ups_are_limited_per_client(client, monkeypatch):
    """After SIGN_UPS_PER_MINUTE attempts in a minute, the next is refused with 429 and a
    message, and creates nothing and sends nothing; another client is not affected."""
    monkeypatch.setattr(views, "SIGN_UPS_PER_MINUTE", 2)
    for n in range(2):
        assert client.post(SIGN_UP, sign_up_data(email=f"p{n}@example.com")).status_code == 302
    response = client.post(SIGN_UP, sign_up_data(email="late@example.com"))
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()
    assert not User.objects.filter(email="late@example.com").exists()
    assert len(mail.outbox) == 2
    assert Client(REMOTE_ADDR="203.0.113.7").post(SIGN_UP, sign_up_data()).status_code == 302


@pytest.mark.parametrize("name", ["Evil\r\nBcc: victim@example.com", "Tab\tbed", "Nul\x00"])
def test_an_organisation_name_with_control_characters_is_refused_at_the_field(client, name):
    """CR, LF, tabs and other control characters in the name are refused with a message by
    the field, and nothing is created."""
    response = client.post(SIGN_UP, sign_up_data(organisation_name=name))
    assert response.status_code == 200
    assert "line breaks" in " ".join(response.context["form"].errors["organisation_name"])
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "password",
    ["password", "12345678", "Tr0ub4d", "dana@example.com"],
    ids=["common", "numeric", "short", "like-the-email"],
)
def test_weak_password_is_refused(client, password):
    """Django's password validators run on sign-up, and nothing is created."""
    response = client.post(SIGN_UP, sign_up_data(password=password))
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert not User.objects.exists()


@pytest.mark.parametrize("headcount", ["0", "10000001", "abc", "2.5", "-1"])
def test_headcount_outside_the_range_is_refused_with_the_range(client, headcount):
    """A headcount that is not a whole number from 1 to 10,000,000 says what is accepted."""
    response = client.post(SIGN_UP, sign_up_data(headcount=headcount))
    assert response.status_code == 200
    assert response.context["form"].errors["headcount"] == [f"Enter {HEADCOUNT.describe()}."]
    assert not User.objects.exists()


@pytest.mark.parametrize("headcount", [HEADCOUNT.minimum, HEADCOUNT.maximum])
def test_headcount_at_either_bound_is_accepted(client, headcount):
    """The bounds of the headcount range are themselves allowed."""
    response = client.post(SIGN_UP, sign_up_data(headcount=str(headcount)))
    assert response.status_code == 302
    assert Organisation.objects.get().headcount == headcount


def confirm_path(body: str) -> str:
    return re.search(r"http://testserver(/accounts/confirm/[^/\s]+/)", body).group(1)


def test_safe_next_is_carried_through_the_form_and_the_confirmation(client):
    """A `next` on our own site survives the form and is where confirming leads."""
    page = client.get(SIGN_UP, {"next": "/api/"})
    assert 'name="next" value="/api/"' in page.content.decode()
    client.post(SIGN_UP, sign_up_data(next="/api/"))
    response = client.post(confirm_path(mail.outbox[0].body))
    assert response.url == "/api/"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_off_site_next_is_ignored(client, next_url):
    """A `next` pointing to another site is dropped in favour of the usual landing page."""
    response = client.post(f"{SIGN_UP}?next={next_url}", sign_up_data())
    assert response.status_code == 302
    response = client.post(confirm_path(mail.outbox[0].body))
    assert response.url == "/"


def test_signed_in_user_opening_sign_up_goes_home(client, owner):
    """Someone already signed in is sent on instead of being offered a second account."""
    client.force_login(owner)
    response = client.get(SIGN_UP)
    assert response.status_code == 302
    assert response.url == "/"


def test_email_taken_between_the_check_and_the_write_gets_the_same_answer(client, monkeypatch):
    """If another sign-up takes the address after the check, the unique constraint catches
    it: nothing is created, and the answer is still "check your email"."""
    UserFactory(email="dana@example.com")
    monkeypatch.setattr(services.User.objects, "filter", lambda **kw: User.objects.none())
    response = client.post(SIGN_UP, sign_up_data())
    assert response.url == reverse("signup-sent")
    assert User.objects.count() == 1
    assert not Organisation.objects.exists()
