"""audit_record: one event per call, with the actor, organisation and address it is given."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from audit.models import Action, AuditEvent
from audit.services import audit_record

pytestmark = pytest.mark.django_db


def request_from(address="203.0.113.7", user=None, **meta):
    request = RequestFactory().get("/", REMOTE_ADDR=address, **meta)
    request.user = user or AnonymousUser()
    return request


def test_the_request_gives_the_actor_their_email_and_the_address(owner, organisation):
    """From a view, the signed-in user is the actor and the client's address is kept."""
    event = audit_record(
        action=Action.SHARE_LINK_CREATED,
        request=request_from(user=owner),
        organisation=organisation,
        target="3f1c…",
        details={"expires": None},
    )
    event.refresh_from_db()
    assert event.actor == owner
    assert event.actor_email == "alice@example.com"
    assert event.organisation == organisation
    assert event.ip_address == "203.0.113.7"
    assert (event.action, event.target, event.details) == (
        "share_link.created",
        "3f1c…",
        {"expires": None},
    )


def test_an_explicit_actor_wins_over_the_request(owner, db):
    """A job acting for someone names them; the request's user does not override it."""
    bob = type(owner).objects.create_user("bob@example.com")
    event = audit_record(action=Action.MEMBER_REMOVED, actor=bob, request=request_from(user=owner))
    assert event.actor == bob


def test_anonymous_visitors_are_recorded_without_an_actor(db):
    """A shared report read by someone signed out has no actor and no email."""
    event = audit_record(action=Action.SHARE_LINK_VIEWED, request=request_from())
    assert event.actor is None
    assert event.actor_email == ""
    assert event.details == {}


def test_without_a_request_there_is_no_address(owner):
    """A management command has no client address to record."""
    assert audit_record(action=Action.ASSESSMENT_DELETED, actor=owner).ip_address is None


@pytest.mark.parametrize("action", ["share_link.revokd", "share_link.revoked"])
def test_an_action_that_is_not_an_action_member_is_refused(owner, action):
    """A string, a typo or even a known action's value, fails loudly: writes name the enum."""
    with pytest.raises(TypeError, match=action.replace(".", r"\.")):
        audit_record(action=action, actor=owner)
    assert not AuditEvent.objects.exists()


def test_the_actor_email_survives_the_user(owner):
    """Deleting the user keeps their events, still naming them by email."""
    event = audit_record(action=Action.LOGIN_SUCCEEDED, actor=owner)
    owner.delete()
    event.refresh_from_db()
    assert event.actor is None
    assert event.actor_email == "alice@example.com"
