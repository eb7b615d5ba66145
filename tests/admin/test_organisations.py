"""Organisations with their members, and memberships, in the admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from orgs.models import Membership
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def inline_data(organisation, rows, initial):
    data = {
        "name": organisation.name,
        "slug": organisation.slug,
        "headcount": organisation.headcount,
        "currency": organisation.currency,
        "memberships-TOTAL_FORMS": len(rows),
        "memberships-INITIAL_FORMS": initial,
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
    }
    for i, row in enumerate(rows):
        data.update({f"memberships-{i}-{key}": value for key, value in row.items()})
        data[f"memberships-{i}-organisation"] = organisation.pk
    return data


def test_organisation_page_lists_its_members(reviewer_client, owner, organisation):
    """The organisation's page shows its members inline."""
    url = reverse("admin:orgs_organisation_change", args=[organisation.pk])
    response = reviewer_client.get(url)
    assert response.status_code == 200
    assert "alice@example.com" in response.content.decode()


def test_users_are_found_by_autocomplete_when_adding_a_member(staff_client, owner):
    """The member field searches users by email instead of listing every one."""
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "orgs", "model_name": "membership", "field_name": "user", "term": "alic"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["alice@example.com"]


def test_members_added_changed_and_removed_inline_are_audited(staff_client, owner, organisation):
    """Adding, re-roling and removing members on the organisation page each leave an event."""
    membership = Membership.objects.get(user=owner)
    bob = UserFactory(email="bob@example.com")
    url = reverse("admin:orgs_organisation_change", args=[organisation.pk])
    rows = [
        {"id": membership.pk, "user": owner.pk, "role": "owner"},
        {"user": bob.pk, "role": "viewer"},
    ]
    assert staff_client.post(url, inline_data(organisation, rows, 1)).status_code == 302
    bob_membership = Membership.objects.get(user=bob)
    rows = [
        {"id": membership.pk, "user": owner.pk, "role": "owner"},
        {"id": bob_membership.pk, "user": bob.pk, "role": "editor"},
    ]
    assert staff_client.post(url, inline_data(organisation, rows, 2)).status_code == 302
    rows[1]["DELETE"] = "on"
    assert staff_client.post(url, inline_data(organisation, rows, 2)).status_code == 302

    member_events = AuditEvent.objects.filter(action__startswith="member.").order_by("id")
    events = list(member_events.values_list("action", "target", "details"))
    assert [(action, target) for action, target, _details in events] == [
        ("member.added", "bob@example.com"),
        ("member.role_changed", "bob@example.com"),
        ("member.removed", "bob@example.com"),
    ]
    assert events[1][2] == {"via": "admin", "role": "editor", "from": "viewer", "to": "editor"}
    assert all(event.organisation == organisation for event in member_events)


def test_membership_list_searches_by_email_and_organisation(reviewer_client, owner):
    """Memberships are found by the member's email or the organisation's name."""
    url = reverse("admin:orgs_membership_changelist")
    assert list(reviewer_client.get(url, {"q": "alice"}).context["cl"].result_list) == [
        Membership.objects.get(user=owner)
    ]
    assert not reviewer_client.get(url, {"q": "nobody"}).context["cl"].result_list


def test_the_admin_cannot_leave_an_organisation_without_an_owner(staff_client, owner, organisation):
    """Demoting or removing the last owner on the organisation page is refused."""
    membership = Membership.objects.get(user=owner)
    url = reverse("admin:orgs_organisation_change", args=[organisation.pk])
    demote = inline_data(
        organisation, [{"id": membership.pk, "user": owner.pk, "role": "viewer"}], 1
    )
    response = staff_client.post(url, demote)
    assert response.status_code == 200
    assert "An organisation needs at least one owner." in response.content.decode()
    remove = inline_data(
        organisation, [{"id": membership.pk, "user": owner.pk, "role": "owner", "DELETE": "on"}], 1
    )
    staff_client.post(url, remove)
    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.OWNER


def test_the_last_owners_membership_cannot_be_deleted_on_its_own_page(staff_client, owner):
    """The membership page offers no delete for the last owner, and its role is read-only."""
    membership = Membership.objects.get(user=owner)
    url = reverse("admin:orgs_membership_delete", args=[membership.pk])
    assert staff_client.post(url, {"post": "yes"}).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()
