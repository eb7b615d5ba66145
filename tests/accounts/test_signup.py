from __future__ import annotations

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from accounts.forms import SignUpForm
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
    assert list(form.fields) == ["email", "password", "organisation_name", "headcount"]
    assert all(field.label for field in form.fields.values())
    autocomplete = {
        name: field.widget.attrs.get("autocomplete") for name, field in form.fields.items()
    }
    assert autocomplete == {
        "email": "email",
        "password": "new-password",
        "organisation_name": "organization",
        "headcount": "off",
    }
    assert "stage" in str(form.fields["headcount"].help_text)


def test_sign_up_creates_the_user_and_an_organisation_they_own_and_signs_them_in(client):
    """A valid sign-up makes the user, the organisation and an owner membership, and logs in."""
    response = client.post(SIGN_UP, sign_up_data())
    assert response.status_code == 302
    assert response.url == "/"
    user = User.objects.get()
    assert user.email == "dana@example.com"
    assert user.check_password(PASSWORD)
    membership = Membership.objects.get(user=user)
    assert membership.role == Membership.Role.OWNER
    assert membership.organisation.name == "Northwind Freight"
    assert membership.organisation.headcount == 250
    assert get_user(client) == user


def test_email_taken_in_another_case_is_refused_with_a_way_to_sign_in(client):
    """An email already used, in any case, is refused with a link to the sign-in page."""
    UserFactory(email="dana@example.com")
    response = client.post(SIGN_UP, sign_up_data(email="DANA@example.COM"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "An account with this email already exists." in html
    assert f'<a href="{reverse("login")}">Sign in instead?</a>' in html
    assert User.objects.count() == 1
    assert not Organisation.objects.exists()


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


def test_safe_next_is_carried_through_the_form_and_followed(client):
    """A `next` on our own site survives the form and is where sign-up lands."""
    page = client.get(SIGN_UP, {"next": "/api/"})
    assert 'name="next" value="/api/"' in page.content.decode()
    response = client.post(SIGN_UP, sign_up_data(next="/api/"))
    assert response.url == "/api/"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_off_site_next_is_ignored(client, next_url):
    """A `next` pointing to another site is dropped in favour of the usual landing page."""
    response = client.post(f"{SIGN_UP}?next={next_url}", sign_up_data())
    assert response.status_code == 302
    assert response.url == "/"


def test_signed_in_user_opening_sign_up_goes_home(client, owner):
    """Someone already signed in is sent on instead of being offered a second account."""
    client.force_login(owner)
    response = client.get(SIGN_UP)
    assert response.status_code == 302
    assert response.url == "/"


def test_email_taken_between_the_check_and_the_write_is_refused_calmly(client, monkeypatch):
    """If another sign-up takes the email after the form's check, the form says so."""
    UserFactory(email="dana@example.com")
    monkeypatch.setattr(SignUpForm, "clean_email", lambda form: form.cleaned_data["email"])
    response = client.post(SIGN_UP, sign_up_data())
    assert response.status_code == 200
    assert "An account with this email already exists." in response.content.decode()
    assert not Organisation.objects.exists()
