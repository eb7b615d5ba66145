"""Inviting people into an organisation by link or email, and accepting."""

from __future__ import annotations

import re
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.models import Action, AuditEvent
from orgs import services
from orgs.link_tokens import token_hash
from orgs.models import Invitation, Membership, Organisation
from tests.conftest import client_for
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver/invite/([\w-]+)/")


def invite(client, organisation, *, follow=True, **data):
    return client.post(
        reverse("member-invite", args=[organisation.slug]),
        {"role": "viewer", **data},
        follow=follow,
    )


def token_from(response) -> str:
    return LINK.search(response.content.decode()).group(1)


@pytest.fixture
def token(owner_client, organisation):
    return token_from(invite(owner_client, organisation))


def test_creating_an_invitation_redirects_and_the_link_is_shown_once(owner_client, organisation):
    """The POST answers with a redirect to the members page (a refresh cannot post it
    again); that page shows the new link, and the next one does not."""
    members = reverse("members", args=[organisation.slug])
    response = invite(owner_client, organisation, follow=False)
    assert response.status_code == 302 and response["Location"] == members
    shown = owner_client.get(members)
    token = token_from(shown)
    assert len(token) >= 43
    assert "only time the link is shown" in shown.content.decode()
    again = owner_client.get(members).content.decode()
    assert token not in again
    assert "Link only: anyone with the link" in again
    assert Invitation.objects.count() == 1


def test_a_link_only_invitation_is_labelled_as_such(owner_client, organisation, token):
    """Without an address, the owner and the invitee are both told anyone with it can join."""
    html = owner_client.get(reverse("members", args=[organisation.slug])).content.decode()
    assert "Link only" in html
    invitee_page = Client().get(reverse("invite", args=[token])).content.decode()
    assert "Link-only invitation" in invitee_page


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
    invitee = client_for(UserFactory(email="dana@example.com", email_confirmed_at=timezone.now()))
    invitee.post(reverse("invite", args=[token]))
    assert Membership.objects.filter(user__email="dana@example.com").exists()


@pytest.mark.parametrize(
    "failure",
    [
        smtplib.SMTPServerDisconnected("gone"),
        ConnectionRefusedError(),
        ValueError("newline"),
    ],
    ids=["smtp", "refused", "bad-header"],
)
def test_a_mail_failure_still_leaves_a_usable_invitation_and_the_link(
    owner_client, organisation, monkeypatch, failure
):
    """Whatever stops the email, the owner is told to pass the link on, and it works."""

    def refuse(**kwargs):
        raise failure

    monkeypatch.setattr(services, "send_email", refuse)
    response = invite(owner_client, organisation, email="dana@example.com")
    assert response.status_code == 200
    assert "We could not email dana@example.com" in response.content.decode()
    token = token_from(response)
    dana = UserFactory(email="dana@example.com", email_confirmed_at=timezone.now())
    client_for(dana).post(reverse("invite", args=[token]))
    assert Membership.objects.filter(user=dana, organisation=organisation).exists()


def test_an_organisation_name_with_a_line_break_cannot_break_the_email(owner_client, organisation):
    """A name stored before names were checked, holding CR/LF, still gives one subject line
    and a sent invitation, never a 500."""
    Organisation.objects.filter(pk=organisation.pk).update(name="Evil\r\nBcc: x@example.com")
    response = invite(owner_client, organisation, email="dana@example.com")
    assert response.status_code == 200
    [message] = mail.outbox
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.message()["Bcc"] is None
    assert "We are emailing the link to dana@example.com" in response.content.decode()


def test_withdrawing_an_invitation_is_audited(owner_client, owner, organisation, token):
    """The withdrawal writes an audit row naming who withdrew which invitation."""
    invitation = Invitation.objects.get()
    owner_client.post(reverse("invitation-withdraw", args=[organisation.slug, invitation.pk]))
    event = AuditEvent.objects.get(action=Action.INVITATION_REVOKED)
    assert event.actor == owner and event.organisation == organisation
    assert event.details == {"role": "viewer", "invitation": invitation.pk}
    assert event.ip_address == "127.0.0.1"


@pytest.fixture
def addressed(owner_client, organisation) -> str:
    """The token of an invitation emailed to dana@example.com."""
    return token_from(invite(owner_client, organisation, email="dana@example.com"))


def test_an_addressed_invitation_refuses_another_account(addressed, organisation):
    """Someone signed in with another address is told whom it is for and cannot join."""
    erin = UserFactory(email="erin@example.com", email_confirmed_at=timezone.now())
    client = client_for(erin)
    url = reverse("invite", args=[addressed])
    html = client.get(url).content.decode()
    assert "this invitation is for dana@example.com" in html
    assert "Join Northwind</button>" not in html
    assert client.post(url)["Location"] == url
    assert not Membership.objects.filter(user=erin).exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_addressed_invitation_waits_for_the_address_to_be_confirmed(addressed, organisation):
    """The invitee's own account, unconfirmed, is asked to confirm first and cannot join;
    the page offers a new confirmation link that comes back to the invitation."""
    dana = UserFactory(email="dana@example.com")
    client = client_for(dana)
    url = reverse("invite", args=[addressed])
    html = client.get(url).content.decode()
    assert "Confirm your address first" in html
    client.post(url)
    assert not Membership.objects.filter(user=dana).exists()
    mail.outbox.clear()
    assert client.post(reverse("confirm-resend"), {"next": url})["Location"] == url
    assert client.post(confirm_path(mail.outbox[0]))["Location"] == url
    client.post(url)
    assert Membership.objects.filter(user=dana, organisation=organisation).exists()


def test_a_confirmed_invitee_joins_whatever_the_case_of_the_address(owner_client, organisation):
    """Addresses are compared without regard to case."""
    token = token_from(invite(owner_client, organisation, email="Dana@Example.COM"))
    dana = UserFactory(email="dana@example.com", email_confirmed_at=timezone.now())
    client_for(dana).post(reverse("invite", args=[token]))
    assert Membership.objects.filter(user=dana, organisation=organisation).exists()


def test_the_service_refuses_the_wrong_or_an_unconfirmed_account(owner, organisation):
    """The rule is the service's, so no other caller can skip it."""
    new = services.invitation_create(
        organisation=organisation,
        role="viewer",
        created_by=owner,
        email="dana@example.com",
        link_for=lambda token: token,
    )
    with pytest.raises(services.NotTheInvitee):
        services.invitation_accept(invitation=new.invitation, user=UserFactory())
    with pytest.raises(services.AddressUnconfirmed):
        services.invitation_accept(
            invitation=new.invitation, user=UserFactory(email="dana@example.com")
        )


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


def confirm_path(message) -> str:
    return re.search(r"http://testserver(/accounts/confirm/[^/\s]+/)", message.body).group(1)


def test_a_new_person_signs_up_without_an_organisation_and_joins_the_inviting_one(
    client, token, organisation
):
    """Signing up from an invitation asks only for an email address and a password, opens
    no organisation, and the confirmation link leads back to the invitation to join."""
    url = reverse("invite", args=[token])
    signup = f"{reverse('signup')}?next={url}"
    page = client.get(signup)
    assert list(page.context["form"].fields) == ["email", "password"]
    assert "Create your account to join Northwind" in page.content.decode()
    response = client.post(signup, {"email": "erin@example.com", "password": PASSWORD, "next": url})
    assert response["Location"] == reverse("signup-sent")
    erin = User.objects.get(email="erin@example.com")
    assert not erin.memberships.exists()
    assert Organisation.objects.count() == 1
    confirm_message = mail.outbox[-1]
    assert client.post(confirm_path(confirm_message))["Location"] == url
    client.post(url)
    assert [m.organisation for m in erin.memberships.all()] == [organisation]
    assert Organisation.objects.count() == 1


def test_an_addressed_invitee_signs_up_confirms_and_joins(client, owner_client, organisation):
    """Invited by email: the sign-up form starts with that address; once it is confirmed,
    the invitation is accepted."""
    token = token_from(invite(owner_client, organisation, email="erin@example.com"))
    url = reverse("invite", args=[token])
    signup = f"{reverse('signup')}?next={url}"
    assert client.get(signup).context["form"]["email"].value() == "erin@example.com"
    client.post(signup, {"email": "Erin@Example.com", "password": PASSWORD, "next": url})
    client.post(confirm_path(mail.outbox[-1]))
    assert client.post(url)["Location"] == reverse("organisation", args=[organisation.slug])
    assert Membership.objects.filter(user__email="erin@example.com").count() == 1


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
