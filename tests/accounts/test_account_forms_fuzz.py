"""Hypothesis over the account forms Django's own views serve: sign-in, password change,
password reset and the reset link. Whatever is posted, the answer is a page or a redirect,
and a password changes only when the form was right."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import event, example, given
from hypothesis import strategies as st

from accounts.models import User, normalise_email
from tests.factories import PASSWORD
from tests.fuzzing import EXAMPLES, texts, undone

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

NEW_PASSWORD = "a new and rather long passphrase"
# Any text, mixed with the values that make a form valid, so both branches are taken.
emails = st.one_of(texts, st.emails(), st.just("alice@example.com"), st.just("ALICE@example.com"))
passwords = st.one_of(texts, st.just(PASSWORD), st.just(NEW_PASSWORD), st.just(""))


def _posts(**fields: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, str]]:
    """Some, all or none of the fields: a missing field is as likely as a wrong one."""
    return st.fixed_dictionaries({}, optional=fields)


@pytest.fixture
def alice(owner: User) -> User:
    return owner


def _assert_set_only_on_redirect(user: User, response, data: dict[str, str]) -> None:
    """Redirected: the password is the new one, typed twice alike. Otherwise: unchanged."""
    assert response.status_code in (200, 302)
    event(f"status {response.status_code}")
    user = User.objects.get(pk=user.pk)
    if response.status_code == 302:
        assert data["new_password1"] == data["new_password2"]
        assert user.check_password(data["new_password1"])
    else:
        assert user.check_password(PASSWORD)


@pytest.mark.parametrize("form", ["login", "admin:login"])
@EXAMPLES
@given(data=_posts(username=emails, password=passwords))
@example(data={"username": "alice\x00@example.com", "password": "x"})
def test_any_sign_in_post_gets_a_page_or_a_redirect(alice, form, data, settings):
    """The site's sign-in and the admin's, with the lockout on as in production (it
    records what was typed). Alice is not staff, so the admin never lets her in."""
    settings.AXES_ENABLED = True
    with undone():
        client = Client()
        response = client.post(reverse(form), data)
        assert response.status_code in (200, 302)
        signed_in = "_auth_user_id" in client.session
        event(f"signed in: {signed_in}")
        assert signed_in == (response.status_code == 302)
        if signed_in:
            assert form == "login"
            assert data.get("password") == PASSWORD
            assert normalise_email(data.get("username", "")) == "alice@example.com"


@EXAMPLES
@given(data=_posts(old_password=passwords, new_password1=passwords, new_password2=passwords))
def test_any_password_change_post_changes_it_only_when_right(alice, data):
    """Only the right old password and a good new one typed twice change it."""
    with undone():
        client = Client()
        client.force_login(User.objects.get(pk=alice.pk))  # as stored: examples are undone
        response = client.post(reverse("password_change"), data)
        assert response.status_code == 200 or response["Location"] == reverse(
            "password_change_done"
        )
        _assert_set_only_on_redirect(alice, response, data)
        if response.status_code == 302:
            assert data["old_password"] == PASSWORD


@EXAMPLES
@given(data=_posts(email=emails))
def test_any_password_reset_request_gets_a_page_or_a_redirect(alice, data):
    """Known or not, a valid address gets the same "sent" redirect; only Alice's gets mail."""
    mail.outbox.clear()
    with undone():
        # The email is queued when the request's work commits; `undone` never commits, so
        # run what was queued on commit here, as a real commit would.
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = Client().post(reverse("password_reset"), data)
        assert response.status_code in (200, 302)
        hers = normalise_email(data.get("email", "")) == "alice@example.com"
        assert [message.to for message in mail.outbox] == (
            [["alice@example.com"]] if hers and response.status_code == 302 else []
        )


@EXAMPLES
@given(uid=texts, token=texts)
def test_any_reset_link_gets_a_page_or_a_redirect(alice, uid, token):
    """A made-up link is told it is invalid; it never errors and changes nothing."""
    path = f"/accounts/password/reset/{quote(uid, safe='')}/{quote(token, safe='')}/"
    response = Client().get(path)
    assert response.status_code in (200, 302, 404)
    assert User.objects.get(pk=alice.pk).check_password(PASSWORD)


@EXAMPLES
@given(data=_posts(new_password1=passwords, new_password2=passwords))
def test_any_new_password_on_a_real_reset_link_is_set_only_when_right(alice, data):
    """On a genuine link, only a good new password typed twice is set."""
    with undone():
        client = Client()
        uid = urlsafe_base64_encode(force_bytes(alice.pk))
        token = default_token_generator.make_token(alice)
        link = client.get(reverse("password_reset_confirm", args=[uid, token]))
        assert link.status_code == 302  # to the same page without the token in the address
        response = client.post(link["Location"], data)
        assert response.status_code in (200, 302)
        _assert_set_only_on_redirect(alice, response, data)
