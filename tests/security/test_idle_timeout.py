"""A signed-in session left alone for SESSION_IDLE_TIMEOUT seconds is signed out; a guest's
session, which holds their drafts, is not."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from accounts.middleware import LAST_ACTIVITY_KEY
from orgs.models import Membership
from tests.conftest import client_for
from tests.factories import MembershipFactory
from wizard.models import Assessment

pytestmark = pytest.mark.django_db

HOUR = 60 * 60


@pytest.fixture
def membership(db):
    return MembershipFactory(role=Membership.Role.OWNER)


@pytest.fixture
def signed_in(membership):
    return client_for(membership.user)


def idle_for(client, seconds: int) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()


def home(membership) -> str:
    return reverse("organisation", args=[membership.organisation.slug])


def test_the_default_is_eight_hours(settings):
    """Unless configured otherwise, the timeout is a working day."""
    assert settings.SESSION_IDLE_TIMEOUT == 8 * HOUR


def test_signing_in_starts_the_clock(signed_in):
    """The sign-in itself counts as activity."""
    assert abs(signed_in.session[LAST_ACTIVITY_KEY] - time.time()) < 5


def test_an_idle_session_is_signed_out_and_sent_to_sign_in(signed_in, membership):
    """After the timeout, the next page signs the user out and asks them to sign in again,
    coming back to where they were."""
    idle_for(signed_in, 8 * HOUR + 1)
    response = signed_in.get(home(membership))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={home(membership)}"
    assert not get_user(signed_in).is_authenticated
    page = signed_in.get(response["Location"]).content.decode()
    assert "You were signed out because the page was left unattended" in page


def test_activity_keeps_the_session_alive(signed_in, membership):
    """A request inside the timeout works and restarts the clock."""
    idle_for(signed_in, 8 * HOUR - 60)
    assert signed_in.get(home(membership)).status_code == 200
    assert abs(signed_in.session[LAST_ACTIVITY_KEY] - time.time()) < 5
    assert get_user(signed_in).is_authenticated


def test_an_idle_htmx_request_sends_the_whole_page_to_sign_in(signed_in, membership):
    """An autosave after the timeout redirects the browser, not a fragment of the page."""
    draft = Assessment.objects.create(organisation=membership.organisation)
    idle_for(signed_in, 8 * HOUR + 1)
    step = reverse("step", args=[draft.code, "maturity"])
    response = signed_in.post(
        reverse("autosave", args=[draft.code, "maturity"]),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=f"http://testserver{step}",
    )
    assert response["HX-Redirect"] == f"{reverse('login')}?next={step}"
    assert not get_user(signed_in).is_authenticated


def test_an_idle_form_post_goes_to_sign_in(signed_in, membership):
    """A plain form post after the timeout cannot be replayed; it leads to sign-in."""
    idle_for(signed_in, 8 * HOUR + 1)
    response = signed_in.post(reverse("start"))
    assert response["Location"] == reverse("login")
    assert not Assessment.objects.exists()


def test_guests_keep_their_drafts_however_long_they_pause(client):
    """Guests are never signed out: their draft is still theirs after a long pause."""
    client.post(reverse("start"))
    draft = Assessment.objects.get()
    idle_for(client, 30 * 24 * HOUR)
    assert client.get(reverse("step", args=[draft.code, "maturity"])).status_code == 200


def test_a_timeout_of_zero_never_signs_anyone_out(signed_in, membership, settings):
    """SESSION_IDLE_TIMEOUT=0 switches the idle sign-out off."""
    settings.SESSION_IDLE_TIMEOUT = 0
    idle_for(signed_in, 365 * 24 * HOUR)
    assert signed_in.get(home(membership)).status_code == 200
