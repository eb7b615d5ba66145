"""Every error status a browser can meet shows a page in the product's style, never a
blank page or Django's plain one; a bookmarked or refreshed /start/ goes to the Start
button."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import AssessmentFactory, MembershipFactory

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def assert_product_page(response, status: int, heading: str) -> None:
    html = response.content.decode()
    assert response.status_code == status
    assert 'class="container error-page"' in html
    assert "/static/css/hireframe.css" in html
    assert heading in html


@pytest.fixture
def viewer_and_draft(viewer_client, organisation):
    """The shared viewer persona's client, and a draft of their organisation."""
    return viewer_client, AssessmentFactory(organisation=organisation)


@pytest.mark.parametrize("signed_in", [False, True])
def test_opening_start_goes_to_the_start_button(client, signed_in):
    """GET /start/ (a bookmark, a refresh) is not a blank 405 but the landing page's Start."""
    if signed_in:
        client.force_login(MembershipFactory().user)
    response = client.get(reverse("start"), **BROWSER)
    assert response.status_code == 302
    assert response["Location"] == reverse("landing") + "#start"


def test_opening_a_form_target_shows_the_405_page(viewer_and_draft):
    """A browser opening a POST-only URL gets the product's page; the Allow header stays."""
    client, assessment = viewer_and_draft
    response = client.get(reverse("assessment-copy", args=[assessment.code]), **BROWSER)
    assert_product_page(response, 405, "This address is not a page to open")
    assert response["Allow"] == "POST"
    assert "nonce-" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "headers", [{}, {"HTTP_ACCEPT": "application/json"}, {**BROWSER, "HTTP_HX_REQUEST": "true"}]
)
def test_scripts_still_get_the_bare_405(client, headers):
    """The API and htmx do not ask for a page, so they get the plain answer."""
    response = client.get(reverse("api-plan"), **headers)
    assert response.status_code == 405
    assert response.content == b""


def test_a_viewer_opening_a_write_url_gets_the_403_page(viewer_and_draft):
    """Deleting needs an owner: a viewer is told so in the product's page, not 'Forbidden'."""
    client, assessment = viewer_and_draft
    response = client.get(reverse("assessment-delete", args=[assessment.code]))
    assert_product_page(response, 403, "You cannot do that here")
    assert "An owner can change your role" in response.content.decode()


def test_a_form_failing_its_csrf_check_gets_the_403_page():
    """An expired form (no CSRF cookie) is explained, with the product's header and footer."""
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x"})
    assert_product_page(response, 403, "The form could not be sent")


def test_a_request_for_an_unknown_host_gets_the_400_page(client):
    """A Host header that is not ours is refused with the product's page, not a 500."""
    response = client.get(reverse("landing"), HTTP_HOST="attacker.example")
    assert_product_page(response, 400, "We could not read that request")


def test_an_unknown_page_gets_the_404_page(client):
    assert_product_page(client.get("/no-such-page/"), 404, "We could not find that page")


@pytest.mark.urls("tests.error_pages.urls")
def test_a_bug_gets_the_500_page():
    """An unexpected error shows the product's own page, which needs no request to render."""
    response = Client(raise_request_exception=False).get("/fails/")
    assert_product_page(response, 500, "Something went wrong on our side")
