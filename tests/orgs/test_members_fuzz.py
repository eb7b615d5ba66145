"""Hypothesis over the members page's forms and the invitation link: inviting, changing a
role, removing a member, and opening or accepting an invitation with any token. Whatever
is posted, the answer is a page, a redirect or a 404, and the organisation keeps an owner."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st

from orgs.models import Invitation, Membership
from tests.fuzzing import EXAMPLES, texts, undone

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

roles = st.one_of(texts, st.sampled_from([value for value, _label in Membership.Role.choices]))


def _one_owner_at_least(organisation) -> bool:
    return Membership.objects.filter(organisation=organisation, role=Membership.Role.OWNER).exists()


@EXAMPLES
@given(
    data=st.fixed_dictionaries({}, optional={"email": st.one_of(texts, st.emails()), "role": roles})
)
def test_any_invitation_post_invites_once_or_explains(owner_client, organisation, data):
    """A valid form makes one invitation and redirects (302); anything else is shown back
    (422)."""

    with undone():
        before = Invitation.objects.count()
        response = owner_client.post(reverse("member-invite", args=[organisation.slug]), data)
        assert response.status_code in (302, 422)
        event(f"status {response.status_code}")
        made = Invitation.objects.count() - before
        assert made == (1 if response.status_code == 302 else 0)
        if made:
            assert Invitation.objects.latest("pk").role == data["role"]


@EXAMPLES
@given(role=roles, whose=st.sampled_from(["owner", "editor", "viewer"]))
def test_any_role_post_sets_a_real_role_and_keeps_an_owner(
    owner_client, organisation, owner, editor, viewer, role, whose
):
    people = {"owner": owner, "editor": editor, "viewer": viewer}
    target = Membership.objects.get(user=people[whose], organisation=organisation)

    with undone():
        response = owner_client.post(
            reverse("member-role", args=[organisation.slug, target.pk]), {"role": role}
        )
        assert response.status_code == 302
        now = Membership.objects.get(pk=target.pk).role
        # A real role is set, except that the only owner stays one; anything else is ignored.
        expected = role if role in Membership.Role.values and whose != "owner" else whose
        assert now == expected
        assert _one_owner_at_least(organisation)


@EXAMPLES
@given(
    pk=st.one_of(st.integers(min_value=0, max_value=2**63), st.sampled_from(["owner", "editor"])),
    method=st.sampled_from(["get", "post"]),
)
def test_removing_any_member_number_is_a_page_a_redirect_or_not_found(
    owner_client, organisation, owner, editor, outsider, pk, method
):
    """The editor is asked about, then removed; the owner is sent to "leave"; any other
    number, another organisation's member among them, is not found."""
    mine = {
        name: Membership.objects.get(user=user, organisation=organisation).pk
        for name, user in (("owner", owner), ("editor", editor))
    }
    theirs = outsider.memberships.get().pk
    number = mine.get(pk, pk)
    with undone():
        url = reverse("member-remove", args=[organisation.slug, number])
        response = getattr(owner_client, method)(url)
        event(f"{method} {response.status_code}")
        if number == mine["editor"]:
            assert response.status_code == (200 if method == "get" else 302)
            removed = not Membership.objects.filter(pk=number).exists()
            assert removed == (method == "post")
        elif number == mine["owner"]:
            assert response.status_code == 302  # to the "leave" page
        else:
            assert response.status_code == 404
        assert Membership.objects.filter(pk=theirs).exists()
        assert _one_owner_at_least(organisation)


@EXAMPLES
@given(token=texts, method=st.sampled_from(["get", "post"]))
def test_any_invitation_token_is_not_found_and_joins_nobody(outsider_client, token, method):
    """A made-up invitation link is a 404, and nobody joins anything."""
    before = Membership.objects.count()
    response = getattr(outsider_client, method)(f"/invite/{quote(token, safe='')}/")
    assert response.status_code == 404
    assert Membership.objects.count() == before
