"""Membership changes reach the audit log."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from orgs import services
from orgs.models import Membership
from tests.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(monkeypatch) -> list[dict[str, Any]]:
    """Every call the member services make to the hook, instead of writing them."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(services, "audit_record", lambda **kwargs: calls.append(kwargs))
    return calls


def test_inviting_accepting_changing_and_removing_are_recorded(
    recorded, owner_client, owner, editor, organisation
):
    """Each member action records its name, actor, organisation and target, never a token."""
    response = owner_client.post(
        reverse("member-invite", args=[organisation.slug]),
        {"role": "viewer", "email": "dana@example.com"},
        follow=True,
    )
    token = response.content.decode().split("/invite/")[1].split("/")[0]
    dana = UserFactory(email="dana@example.com", email_confirmed_at=timezone.now())
    client_for(dana).post(reverse("invite", args=[token]))
    editor_membership = editor.memberships.get()
    owner_client.post(
        reverse("member-role", args=[organisation.slug, editor_membership.pk]), {"role": "owner"}
    )
    owner_client.post(reverse("member-remove", args=[organisation.slug, editor_membership.pk]))
    owner_client.post(reverse("member-invite", args=[organisation.slug]), {"role": "editor"})
    link_only = organisation.invitations.get(email="")
    owner_client.post(reverse("invitation-withdraw", args=[organisation.slug, link_only.pk]))

    summary = [(c["action"], c["actor"], c["organisation"], c["target"]) for c in recorded]
    assert summary == [
        ("member.invited", owner, organisation, "dana@example.com"),
        ("member.added", dana, organisation, "dana@example.com"),
        ("member.role_changed", owner, organisation, editor.email),
        ("member.removed", owner, organisation, editor.email),
        ("member.invited", owner, organisation, ""),
        ("invitation.revoked", owner, organisation, ""),
    ]
    assert recorded[2]["details"] == {"from": "editor", "to": "owner"}
    assert all(token not in repr(call["details"]) for call in recorded)
    assert all(call["request"] is not None for call in recorded)


def test_refused_changes_record_nothing(recorded, owner, organisation):
    """A change refused because of the last-owner rule leaves no audit event."""
    membership = owner.memberships.get()
    with pytest.raises(services.LastOwner):
        services.membership_set_role(membership=membership, role="viewer", actor=owner)
    with pytest.raises(services.LastOwner):
        services.membership_remove(membership=membership, actor=owner)
    assert recorded == []
    assert membership.role == Membership.Role.OWNER


def test_the_audit_log_gets_the_member_events(owner_client, editor, organisation):
    """End to end: a role change appears in the audit app's log."""
    from audit.models import AuditEvent

    membership = editor.memberships.get()
    owner_client.post(
        reverse("member-role", args=[organisation.slug, membership.pk]), {"role": "viewer"}
    )
    event = AuditEvent.objects.get(action="member.role_changed")
    assert event.organisation == organisation and event.target == editor.email
