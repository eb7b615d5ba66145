from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_landing_page_explains_the_four_steps(client):
    """The landing page names each of the framework's four steps."""
    response = client.get(reverse("landing"))
    assert response.status_code == 200
    html = response.content.decode()
    for step in (
        "Where you are with AI",
        "Your critical paths",
        "Custom model or foundation model",
        "Whom to hire, and when",
    ):
        assert step in html


def test_pages_use_only_our_own_assets(client):
    """No page pulls a script or stylesheet from another origin (the app works offline)."""
    html = client.get(reverse("landing")).content.decode()
    assert "https://" not in html.split("<body")[0]
    assert "/static/django_htmx/htmx-2.min.js" in html


def test_unknown_page_gets_the_styled_404(client):
    """A missing page answers 404 with the product's own page, not Django's."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_responses_carry_a_content_security_policy_with_a_nonce(client):
    """Scripts run only from our origin or with the response's nonce."""
    response = client.get(reverse("landing"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
