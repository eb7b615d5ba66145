"""One page of every type the product serves, with who opens it: the pages that the
outside-assets test (tests/test_pages.py) and the accessibility test (tests/browser/
test_axe.py) walk. Add a page type here and both check it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.test import Client
from django.urls import reverse

from accounts.models import User
from orgs.models import Membership, Organisation
from tests.factories import EXAMPLE_ANSWERS, MembershipFactory, complete_assessment
from wizard.answers_draft import normalised
from wizard.models import Assessment
from wizard.report.share_links import share_link_create

SIGNED_OUT = "anonymous"
STEP_LINK = re.compile(r'href="(/a/[0-9a-f-]{36}/[a-z-]+/)"')


@dataclass(frozen=True)
class Visit:
    """One page: its name, its path, who opens it and the status it answers. `kind` groups
    pages of one type (every step is of kind "step")."""

    name: str
    path: str
    persona: str = SIGNED_OUT  # "owner", "staff" or SIGNED_OUT
    status: int = 200
    kind: str = ""

    @property
    def type(self) -> str:
        return self.kind or self.name


def step_paths(client: Client, draft: Assessment) -> list[str]:
    """Every step of a draft that has reached the last one, in order, read from the step
    the draft resumes at and its progress links (so no step is named here)."""
    response = client.get(reverse("assessment", args=[draft.code]))
    assert response.status_code == 302, response.status_code
    current = response["Location"]
    html = client.get(current).content.decode()
    others = STEP_LINK.findall(html)
    assert others, "the last step links to no earlier step"
    return [*dict.fromkeys(others), current]


def every_page_type(*, organisation: Organisation, owner: User, staff: User) -> list[Visit]:
    """Make what the pages need (a second organisation for the dashboard's choice, two
    finished assessments, a draft at the last step, a share link) and list the pages."""
    MembershipFactory(user=owner, role=Membership.Role.VIEWER, organisation__name="Southwind")
    earlier = complete_assessment(organisation)
    complete = complete_assessment(organisation)
    draft = Assessment.objects.create(
        organisation=organisation,
        created_by=owner,
        answers=normalised(EXAMPLE_ANSWERS),
        path_descriptions=["Who is about to leave", "Replies to common questions"],
        furthest_step=4,
    )
    _link, token = share_link_create(assessment=complete, user=owner, expires_in_days=30)
    owner_client = Client()
    owner_client.force_login(owner)
    steps = [
        Visit(f"step-{number}", path, "owner", kind="step")
        for number, path in enumerate(step_paths(owner_client, draft), start=1)
    ]
    slug = organisation.slug
    return [
        Visit("landing", reverse("landing")),
        Visit("sign-in", reverse("login")),
        Visit("sign-up", reverse("signup")),
        Visit("dashboard", reverse("dashboard"), "owner"),
        Visit("organisation", reverse("organisation", args=[slug]), "owner"),
        Visit("members", reverse("members", args=[slug]), "owner"),
        *steps,
        Visit("report", reverse("report", args=[complete.code]), "owner"),
        Visit("shared-report", reverse("shared-report", args=[token])),
        Visit(
            "compare",
            f"{reverse('compare', args=[slug])}?a={earlier.code}&b={complete.code}",
            "owner",
        ),
        Visit("api-docs", reverse("api-docs")),
        Visit("admin-list", reverse("admin:wizard_assessment_changelist"), "staff"),
        Visit(
            "admin-change", reverse("admin:wizard_assessment_change", args=[complete.pk]), "staff"
        ),
        Visit("not-found", "/no-such-page/", status=404),
    ]
