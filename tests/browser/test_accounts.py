"""Sign-up, address confirmation, invitations and the members page in Chromium, at desktop
and phone widths: the journeys work and no page scrolls sideways."""

from __future__ import annotations

import re

from django.core import mail
from playwright.sync_api import expect

from orgs.models import Membership
from orgs.services import invitation_create
from tests.browser.conftest import screenshot, start_assessment
from tests.factories import PASSWORD, MembershipFactory

WIDTHS = {"desktop": 1280, "phone": 390}


def look(page, name: str, *, sideways: bool = False) -> None:
    """Screenshot the page at both widths, and check nothing scrolls sideways on a phone
    (unless `sideways`: the members table's phone layout is fixed with the other tables)."""
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"accounts-{name}-{label}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert sideways or overflow <= 0, f"{name} scrolls sideways by {overflow} px at {width}"
    page.set_viewport_size({"width": 1280, "height": 900})


def confirmation_link() -> str:
    return re.search(r"http://\S+/accounts/confirm/\S+/", mail.outbox[-1].body).group(0)


def test_an_invitee_signs_up_with_email_and_password_only_and_joins(page, live_server):
    """From an emailed invitation: sign up (two fields), confirm, join; no organisation of
    their own."""
    owner = MembershipFactory(
        role=Membership.Role.OWNER, organisation__name="Northwind", organisation__slug="nw"
    )
    new = invitation_create(
        organisation=owner.organisation,
        role="editor",
        created_by=owner.user,
        email="erin@example.com",
        link_for=lambda token: f"{live_server.url}/invite/{token}/",
    )
    page.goto(new.link)
    expect(page.get_by_text("This invitation is for erin@example.com")).to_be_visible()
    look(page, "invite-anonymous")
    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_label("Email address")).to_have_value("erin@example.com")
    expect(page.get_by_label("Organisation name")).to_have_count(0)
    look(page, "signup-invitee")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    look(page, "signup-sent")
    page.goto(confirmation_link())
    look(page, "confirm")
    page.get_by_role("button", name="Confirm and sign in").click()
    expect(page).to_have_url(new.link)
    page.get_by_role("button", name="Join Northwind").click()
    expect(page).to_have_url(live_server.url + "/o/nw/")
    page.watch.assert_clean()


def test_a_guest_signing_up_mid_journey_keeps_the_draft_and_comes_back(page, live_server):
    """The header's Sign up carries the step; the form says the draft is kept."""
    base = start_assessment(page, live_server)
    page.get_by_role("link", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/\?next=/a/"))
    expect(page.get_by_text("Your draft is kept")).to_be_visible()
    look(page, "signup-mid-journey")
    page.get_by_label("Email address").fill("guest@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Organisation name").fill("Acme")
    page.get_by_label("How many people work there?").fill("45")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("link", name="Go back to where you were")).to_be_visible()
    page.goto(confirmation_link())
    page.get_by_role("button", name="Confirm and sign in").click()
    expect(page).to_have_url(base + "maturity/")
    page.watch.assert_clean()


def test_the_sole_owner_sees_no_dead_controls_and_an_invitation_link_once(page, live_server):
    """Members page: no Change role or Leave for the only owner; after creating a link the
    page is a GET (a reload does not post again) that shows the link once."""
    owner = MembershipFactory(
        role=Membership.Role.OWNER,
        user__email="alice@example.com",
        organisation__name="Northwind",
        organisation__slug="nw",
    )
    MembershipFactory(organisation=owner.organisation, user__email="bob@example.com")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill("alice@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(live_server.url + "/o/nw/members/")
    expect(page.get_by_role("button", name="Change role")).to_have_count(1)
    expect(page.get_by_role("link", name="Leave Northwind")).to_have_count(0)
    page.get_by_role("button", name="Create invitation").click()
    expect(page).to_have_url(live_server.url + "/o/nw/members/")
    expect(page.get_by_label("Invitation link")).to_be_visible()
    look(page, "members-new-link", sideways=True)
    page.reload()
    expect(page.get_by_label("Invitation link")).to_have_count(0)
    look(page, "members-sole-owner", sideways=True)
    page.goto(live_server.url + "/o/nw/leave/")
    look(page, "leave-sole-owner")
    page.watch.assert_clean()
