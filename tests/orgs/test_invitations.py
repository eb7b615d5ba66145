"""Inviting people into an organisation by link or email, and accepting."""

from __future__ import annotations

import re
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from django.utils import timezone

from orgs.link_tokens import token_hash
from orgs.models import Invitation, Membership
from tests.factories import PASSWORD, UserFactory
from tests.wizard.conftest import client_for

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver/invite/([\w-]+)/")


def invite(client, organisation, **data):
    return client.post(
        reverse("member-invite", args=[organisation.slug]), {"role": "viewer", **data}
    )


def token_from(response) -> str:
    return LINK.search(response.content.decode()).group(1)


@pytest.fixture
def token(owner_client, organisation):
    return token_from(invite(owner_client, organisation))


def test_an_owner_gets_a_link_shown_once(owner_client, organisation):
    """The new link is on the page that answers the invitation, and not on the next one."""
    response = invite(owner_client, organisation)
    assert response.status_code == 200
    token = token_from(response)
    assert len(token) >= 43
    page = owner_client.get(reverse("members", args=[organisation.slug])).content.decode()
    assert token not in page
    assert "Shared link" in page


def test_only_the_hash_of_the_token_is_stored(owner_client, organisation, owner):
    """The database holds the SHA-256 of the token, never the token itself."""
    token = token_from(invite(owner_client, organisation))
    invitation = Invitation.objects.get()
    assert invitation.token_hash == token_hash(token) != token
    assert invitation.role == Membership.Role.VIEWER and invitation.created_by == owner
    assert token not in str(Invitation.objects.values().get())


def test_a_link_expires_after_seven_days(owner_client, organisation):
    """Invitations last a week."""
    invite(owner_client, organisation)
    invitation = Invitation.objects.get()
    assert invitation.expires - invitation.created == pytest.approx(
        timedelta(days=7), abs=timedelta(seconds=5)
    )


def test_an_emailed_invitation_goes_through_the_mailer(owner_client, organisation):
    """With an address, the same link is emailed there, and the page says so."""
    response = invite(owner_client, organisation, email="Dana@Example.com")
    token = token_from(response)
    assert "We are emailing the link to dana@example.com" in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["dana@example.com"]
    assert "Northwind" in message.subject
    assert f"http://testserver/invite/{token}/" in message.body
    assert "Viewer" in message.body


def test_a_mail_server_failure_still_leaves_the_link(owner_client, organisation, monkeypatch):
    """A mail server that refuses does not fail the request: the link is shown, it still
    works, and the worker retries the email."""
    attempts = []

    def refuse(self, messages):
        attempts.append(messages)
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    response = invite(owner_client, organisation, email="dana@example.com")
    assert response.status_code == 200
    token = token_from(response)
    assert len(attempts) > 1  # retried (inline in tests: every attempt at once)
    invitee = client_for(UserFactory(email="dana@example.com"))
    invitee.post(reverse("invite", args=[token]))
    assert Membership.objects.filter(user__email="dana@example.com").exists()


def test_a_bad_email_or_role_is_refused(owner_client, organisation):
    """The form says what is wrong and nothing is created."""
    response = invite(owner_client, organisation, email="not an email", role="admin")
    assert response.status_code == 422
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("persona", ["editor_client", "viewer_client"])
def test_only_owners_invite(request, persona, organisation):
    """Editors and viewers get 403 and no invitation is made."""
    client = request.getfixturevalue(persona)
    assert invite(client, organisation).status_code == 403
    assert not Invitation.objects.exists()


def test_it_checks_ownership(outsider_client, owner_client, organisation, outsider):
    """Another organisation's owner cannot invite into it or withdraw its invitations."""
    assert invite(outsider_client, organisation).status_code == 404
    invite(owner_client, organisation)
    invitation = Invitation.objects.get()
    own_slug = outsider.memberships.get().organisation.slug
    for slug in (organisation.slug, own_slug):
        url = reverse("invitation-withdraw", args=[slug, invitation.pk])
        assert outsider_client.post(url).status_code == 404
    invitation.refresh_from_db()
    assert not invitation.revoked


def test_a_signed_in_invitee_joins_with_the_invited_role(token, organisation):
    """Opening the link shows whom they join and as what; the button makes them a member."""
    dana = UserFactory(email="dana@example.com")
    client = client_for(dana)
    url = reverse("invite", args=[token])
    page = client.get(url)
    assert page.status_code == 200 and "Join Northwind" in page.content.decode()
    assert not Membership.objects.filter(user=dana).exists()
    response = client.post(url)
    assert response["Location"] == reverse("organisation", args=[organisation.slug])
    assert Membership.objects.get(user=dana, organisation=organisation).role == "viewer"
    assert Invitation.objects.get().accepted_at is not None


def test_an_anonymous_invitee_signs_in_and_comes_back(client, token, organisation):
    """Without an account session, the page offers sign-in and sign-up that return to it."""
    url = reverse("invite", args=[token])
    html = client.get(url).content.decode()
    assert f"{reverse('login')}?next={url}" in html
    assert f"{reverse('signup')}?next={url}" in html
    assert client.post(url)["Location"] == f"{reverse('login')}?next={url}"
    dana = UserFactory(email="dana@example.com")
    signed_in = client.post(
        reverse("login"), {"username": dana.email, "password": PASSWORD, "next": url}
    )
    assert signed_in["Location"] == url
    client.post(url)
    assert Membership.objects.filter(user=dana, organisation=organisation).exists()


def test_a_new_person_signs_up_and_comes_back(client, token, organisation):
    """Signing up from the invitation returns to it, ready to join."""
    url = reverse("invite", args=[token])
    response = client.post(
        f"{reverse('signup')}?next={url}",
        {
            "email": "erin@example.com",
            "password": PASSWORD,
            "organisation_name": "Erin's company",
            "headcount": "10",
            "next": url,
        },
    )
    assert response["Location"] == url
    client.post(url)
    assert Membership.objects.get(user__email="erin@example.com", organisation=organisation)


def _use(invitation: Invitation) -> None:
    invitation.accepted_at = timezone.now()
    invitation.save()


def _expire(invitation: Invitation) -> None:
    invitation.expires = timezone.now() - timedelta(seconds=1)
    invitation.save()


def _revoke(invitation: Invitation) -> None:
    invitation.revoked = True
    invitation.save()


@pytest.mark.parametrize("spoil", [_use, _expire, _revoke, None])
def test_used_expired_revoked_and_unknown_links_are_the_same_404(
    client, owner_client, token, spoil
):
    """Whatever is wrong with a link, the invitee, signed in or not, sees the same 404."""
    if spoil is None:
        token = token[:-4] + "AAAA"
    else:
        spoil(Invitation.objects.get())
    url = reverse("invite", args=[token])
    dana = client_for(UserFactory())
    for visitor in (client, dana, owner_client):
        assert visitor.get(url).status_code == 404
        assert visitor.post(url).status_code == 404
    assert Membership.objects.count() == 1


def test_a_link_works_once(token, organisation):
    """The second person to use a link gets 404."""
    url = reverse("invite", args=[token])
    first, second = client_for(UserFactory()), client_for(UserFactory())
    assert first.post(url).status_code == 302
    assert second.post(url).status_code == 404
    assert organisation.memberships.count() == 2


def test_a_member_keeps_their_role_and_the_link_stays_open(token, viewer, organisation):
    """An existing member opening a link is told so; their role and the link are untouched."""
    client = client_for(viewer)
    url = reverse("invite", args=[token])
    assert "already a member" in client.get(url).content.decode()
    client.post(url)
    assert viewer.memberships.get().role == Membership.Role.VIEWER
    assert Invitation.objects.get().accepted_at is None


def test_owners_withdraw_an_invitation(owner_client, token, organisation):
    """A withdrawn link stops working at once."""
    invitation = Invitation.objects.get()
    response = owner_client.post(
        reverse("invitation-withdraw", args=[organisation.slug, invitation.pk])
    )
    assert response["Location"] == reverse("members", args=[organisation.slug])
    assert client_for(UserFactory()).get(reverse("invite", args=[token])).status_code == 404


def test_editors_cannot_withdraw(editor_client, token, organisation):
    """Withdrawing is an owner's write: 403 for editors, and the link still works."""
    invitation = Invitation.objects.get()
    url = reverse("invitation-withdraw", args=[organisation.slug, invitation.pk])
    assert editor_client.post(url).status_code == 403
    invitation.refresh_from_db()
    assert not invitation.revoked
