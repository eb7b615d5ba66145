"""The members page: who sees it, changing roles, removing people and leaving."""

from __future__ import annotations

import pytest
from django.urls import reverse

from orgs.models import Membership
from tests.conftest import client_for
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def members_url(organisation) -> str:
    return reverse("members", args=[organisation.slug])


def membership_of(user) -> Membership:
    return user.memberships.get()


def set_role(client, membership: Membership, role: str):
    url = reverse("member-role", args=[membership.organisation.slug, membership.pk])
    return client.post(url, {"role": role}, follow=True)


def test_the_dashboard_links_to_the_members_page(viewer_client, organisation):
    """Every member finds the members page from the organisation's page."""
    html = viewer_client.get(reverse("organisation", args=[organisation.slug])).content.decode()
    assert f'href="{members_url(organisation)}"' in html


def test_every_member_sees_the_list_without_controls(viewer_client, organisation, owner, editor):
    """A viewer sees who is in the organisation and with which role, but no controls."""
    html = viewer_client.get(members_url(organisation)).content.decode()
    assert owner.email in html and editor.email in html and "Editor" in html
    assert "Change role" not in html and "Invite someone" not in html and ">Remove<" not in html


def test_owners_see_the_controls(owner_client, organisation, editor):
    """An owner can change roles, remove others and invite."""
    html = owner_client.get(members_url(organisation)).content.decode()
    assert "Change role" in html and "Invite someone" in html
    assert reverse("member-remove", args=[organisation.slug, membership_of(editor).pk]) in html


def test_it_checks_ownership(outsider_client, organisation, editor):
    """Outsiders get 404 on every members URL, and nothing changes."""
    membership = membership_of(editor)
    slug = organisation.slug
    assert outsider_client.get(members_url(organisation)).status_code == 404
    assert set_role(outsider_client, membership, "owner").status_code == 404
    remove = reverse("member-remove", args=[slug, membership.pk])
    assert outsider_client.post(remove).status_code == 404
    assert outsider_client.post(reverse("organisation-leave", args=[slug])).status_code == 404
    membership.refresh_from_db()
    assert membership.role == Membership.Role.EDITOR


def test_a_membership_of_another_organisation_is_not_found(owner_client, organisation):
    """An owner cannot reach another organisation's members through their own address."""
    stranger = MembershipFactory(role=Membership.Role.VIEWER)
    url = reverse("member-role", args=[organisation.slug, stranger.pk])
    assert owner_client.post(url, {"role": "owner"}).status_code == 404
    stranger.refresh_from_db()
    assert stranger.role == Membership.Role.VIEWER


def test_anonymous_visitors_are_asked_to_sign_in(client, organisation):
    """The members page needs an account."""
    response = client.get(members_url(organisation))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_owners_change_a_role(owner_client, editor):
    """The role form changes the member's role and says so."""
    membership = membership_of(editor)
    response = set_role(owner_client, membership, "viewer")
    membership.refresh_from_db()
    assert membership.role == Membership.Role.VIEWER
    assert "role is now Viewer" in response.content.decode()


@pytest.mark.parametrize("persona", ["editor", "viewer"])
def test_only_owners_change_roles_or_remove(request, persona, owner, organisation):
    """Editors and viewers get 403 on owner-only writes, even to promote themselves."""
    user = request.getfixturevalue(persona)
    client = client_for(user)
    target = membership_of(owner)
    assert set_role(client, target, "viewer").status_code == 403
    assert set_role(client, membership_of(user), "owner").status_code == 403
    remove = reverse("member-remove", args=[organisation.slug, target.pk])
    assert client.post(remove).status_code == 403
    assert Membership.objects.filter(role=Membership.Role.OWNER).get() == target
    assert membership_of(user).role == persona


def test_an_unknown_role_is_refused(owner_client, editor):
    """Only owner, editor and viewer exist."""
    membership = membership_of(editor)
    response = set_role(owner_client, membership, "admin")
    assert "Choose owner, editor or viewer" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Membership.Role.EDITOR


def test_the_last_owner_cannot_be_demoted(owner_client, owner):
    """Demoting the only owner is refused with a message saying what to do."""
    membership = membership_of(owner)
    response = set_role(owner_client, membership, "editor")
    assert "You are the only owner, so your role cannot change" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Membership.Role.OWNER


def test_an_owner_can_step_down_once_there_is_another(owner_client, owner, editor):
    """With a second owner, the first may become an editor; then the second is the last."""
    set_role(owner_client, membership_of(editor), "owner")
    set_role(owner_client, membership_of(owner), "editor")
    assert membership_of(owner).role == Membership.Role.EDITOR
    editor_client = client_for(editor)
    set_role(editor_client, membership_of(editor), "viewer")
    assert membership_of(editor).role == Membership.Role.OWNER


def test_owners_remove_a_member_after_confirming(owner_client, organisation, editor):
    """The owner is asked first (GET); the POST removes the membership, not the user."""
    url = reverse("member-remove", args=[organisation.slug, membership_of(editor).pk])
    assert "Remove bob@example.com?" in owner_client.get(url).content.decode()
    assert editor.memberships.exists()
    response = owner_client.post(url, follow=True)
    assert "no longer has access" in response.content.decode()
    assert not editor.memberships.exists()
    assert type(editor).objects.filter(pk=editor.pk).exists()


def test_an_owner_removing_themselves_is_asked_to_leave_instead(owner_client, owner, organisation):
    """Removing yourself is leaving: the remove URL sends the owner to the leave page."""
    url = reverse("member-remove", args=[organisation.slug, membership_of(owner).pk])
    response = owner_client.post(url)
    assert response["Location"] == reverse("organisation-leave", args=[organisation.slug])
    assert owner.memberships.exists()


def test_the_last_owner_cannot_be_removed_or_leave(owner_client, owner, organisation):
    """The only owner's leaving is refused with a message; the membership stays."""
    response = owner_client.post(
        reverse("organisation-leave", args=[organisation.slug]), follow=True
    )
    assert "You are the only owner" in response.content.decode()
    assert membership_of(owner).role == Membership.Role.OWNER


@pytest.mark.parametrize("persona", ["viewer", "editor"])
def test_members_may_leave(request, persona, organisation, owner):
    """Leaving asks first, then removes the membership and goes to the dashboard."""
    user = request.getfixturevalue(persona)
    client = client_for(user)
    url = reverse("organisation-leave", args=[organisation.slug])
    assert "Leave Northwind?" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"] == reverse("dashboard")
    assert not user.memberships.exists()
    assert client.get(reverse("organisation", args=[organisation.slug])).status_code == 404


def test_an_owner_may_leave_when_another_owner_remains(owner_client, owner, editor, organisation):
    """With a second owner, the first can leave."""
    set_role(owner_client, membership_of(editor), "owner")
    owner_client.post(reverse("organisation-leave", args=[organisation.slug]))
    assert not owner.memberships.exists()
    assert organisation.memberships.filter(role=Membership.Role.OWNER).count() == 1


def test_the_sole_owner_is_offered_neither_change_role_nor_leave(owner_client, owner, organisation):
    """Both could only fail: the page says why instead of offering them."""
    html = owner_client.get(members_url(organisation)).content.decode()
    own = reverse("member-role", args=[organisation.slug, membership_of(owner).pk])
    assert own not in html
    assert "Change role" not in html
    assert reverse("organisation-leave", args=[organisation.slug]) not in html
    assert "You are the only owner of Northwind" in html
    leave = owner_client.get(reverse("organisation-leave", args=[organisation.slug]))
    assert "<form" not in leave.content.decode().split("<main")[1]
    assert "You are the only owner" in leave.content.decode()


def test_the_sole_owner_may_still_change_others_roles(owner_client, organisation, editor):
    """Only the sole owner's own row loses the control."""
    html = owner_client.get(members_url(organisation)).content.decode()
    assert reverse("member-role", args=[organisation.slug, membership_of(editor).pk]) in html
    assert html.count("Change role") == 1


def test_with_two_owners_each_is_offered_change_role_and_leave(owner_client, organisation, editor):
    """Once another owner exists, stepping down and leaving are offered again."""
    set_role(owner_client, membership_of(editor), "owner")
    html = owner_client.get(members_url(organisation)).content.decode()
    assert html.count("Change role") == 2
    assert reverse("organisation-leave", args=[organisation.slug]) in html


def test_messages_about_your_own_role_say_your_role(owner_client, owner, editor):
    """Refusing or making a change to your own role speaks to you, not of a third person."""
    refused = set_role(owner_client, membership_of(owner), "editor").content.decode()
    assert "your role cannot change" in refused and "their role" not in refused
    set_role(owner_client, membership_of(editor), "owner")
    done = set_role(owner_client, membership_of(owner), "viewer").content.decode()
    assert "Your role is now Viewer." in done
