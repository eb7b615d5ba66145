"""Views that answer a whole page or an htmx partial at one URL say so with
`Vary: HX-Request`, so no cache (the browser's back button included) serves one for the
other."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import AssessmentFactory, complete_assessment
from wizard.report.share_links import share_link_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(organisation, owner):
    draft = AssessmentFactory(organisation=organisation, created_by=owner)
    complete = complete_assessment(organisation)
    link, _token = share_link_create(assessment=complete, user=owner, expires_in_days=30)
    return {
        # (method, URL, data): every view that reads request.htmx to choose what to draw.
        "step (GET)": ("get", reverse("step", args=[draft.code, "maturity"]), {}),
        "step (POST)": ("post", reverse("step", args=[draft.code, "maturity"]), {}),
        "what-if": ("post", reverse("what-if", args=[complete.code]), {}),
        "share-create": (
            "post",
            reverse("share-create", args=[complete.code]),
            {"expires_in_days": "7"},
        ),
        "share-revoke": ("post", reverse("share-revoke", args=[complete.code, link.pk]), {}),
    }


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "partial"])
def test_views_that_answer_a_page_or_a_partial_vary_on_hx_request(owner_client, urls, htmx):
    """Each such view sends Vary: HX-Request on both kinds of answer."""
    headers = {"HX-Request": "true"} if htmx else {}
    missing = {}
    for name, (method, url, data) in urls.items():
        response = getattr(owner_client, method)(url, data, headers=headers)
        assert response.status_code < 500, (name, response.status_code)
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
        if "hx-request" not in vary:
            missing[name] = response.get("Vary")
    assert missing == {}
