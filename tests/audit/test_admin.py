"""The audit log in the admin can be read, filtered and searched, and nothing else."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import Action
from audit.services import audit_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:audit_auditevent_changelist")


@pytest.fixture
def superuser_client(db):
    client = Client()
    client.force_login(UserFactory(email="root@example.com", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def events(owner, organisation):
    return {
        "created": audit_record(
            action=Action.SHARE_LINK_CREATED, actor=owner, organisation=organisation, target="a1"
        ),
        "failed": audit_record(action=Action.LOGIN_FAILED, details={"email": "x@example.com"}),
    }


def test_the_log_lists_filters_and_searches(superuser_client, events):
    """Filter by action or date, search by actor email or target, drill down by date."""

    def listed(query):
        response = superuser_client.get(CHANGELIST, query)
        assert response.status_code == 200
        return {e for e in response.context["cl"].result_list if e.action != "login.succeeded"}

    assert listed({}) == set(events.values())
    assert listed({"action": "share_link.created"}) == {events["created"]}
    assert listed({"q": "alice@"}) == {events["created"]}
    assert listed({"q": "a1"}) == {events["created"]}
    when = events["failed"].when
    assert listed({"when__year": when.year, "when__month": when.month}) == set(events.values())
    assert "Share link created" in superuser_client.get(CHANGELIST).content.decode()


def test_nobody_can_add_change_or_delete_events(superuser_client, events):
    """Not even a superuser: the add, change and delete views refuse, and no form is shown."""
    event = events["created"]
    change = reverse("admin:audit_auditevent_change", args=[event.pk])
    assert superuser_client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert superuser_client.post(change, {"target": "edited"}).status_code == 403
    delete = reverse("admin:audit_auditevent_delete", args=[event.pk])
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
    page = superuser_client.get(change)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    event.refresh_from_db()
    assert event.target == "a1"
    list_page = superuser_client.get(CHANGELIST)
    assert "action_form" not in list_page.context or list_page.context["action_form"] is None
