from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from tests.page_catalogue import SIGNED_OUT, every_page_type

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


URL_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "poster", "data", "xlink:href"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""")
HARMLESS_SCHEMES = ("data:", "mailto:", "tel:")


class _References(HTMLParser):
    """Every URL a document names: attributes, srcset candidates and CSS url()s."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name == "srcset":
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            elif name in URL_ATTRIBUTES:
                self.urls.append(value)
            elif name == "style":
                self._css(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)

    def _css(self, css: str) -> None:
        self.urls += CSS_URL.findall(css) + CSS_IMPORT.findall(css)


def foreign_references(html: str, origin: str = "http://testserver") -> list[str]:
    """The URLs in `html` that would load (or lead) anywhere but our own origin."""
    parser = _References()
    parser.feed(html)
    foreign = []
    for url in parser.urls:
        url = url.strip()
        if url.startswith(HARMLESS_SCHEMES) or url.startswith(origin + "/"):
            continue
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("//"):
            foreign.append(url)
    return foreign


@pytest.mark.parametrize(
    "html, foreign",
    [
        ('<script src="/static/app.js"></script><a href="#main">Skip</a>', []),
        ('<link rel="stylesheet" href="https://cdn.example/x.css">', ["https://cdn.example/x.css"]),
        ('<img srcset="/a.png 1x, //cdn.example/b.png 2x">', ["//cdn.example/b.png"]),
        (
            "<div style=\"background: url('https://x.example/i.png')\"></div>",
            ["https://x.example/i.png"],
        ),
        ("<style>@import 'https://fonts.example/f.css';</style>", ["https://fonts.example/f.css"]),
        ('<a href="http://testserver/r/abc/">Link</a><img src="data:image/png;base64,AA">', []),
    ],
)
def test_foreign_references_finds_every_kind_of_outside_url(html, foreign):
    """The checker itself: attributes, srcset, inline and <style> CSS, our origin allowed."""
    assert foreign_references(html) == foreign


@pytest.fixture
def pages(organisation, owner, staff):
    return every_page_type(organisation=organisation, owner=owner, staff=staff)


def test_no_page_of_any_type_points_outside_our_origin(pages, owner_client, staff_client):
    """No page loads (or links to) anything from another origin: the app works offline."""
    clients = {SIGNED_OUT: Client(), "owner": owner_client, "staff": staff_client}
    found = {}
    for visit in pages:
        response = clients[visit.persona].get(visit.path)
        assert response.status_code == visit.status, visit
        html = response.content.decode()
        assert "</html>" in html, visit  # the whole document, not a partial
        found[visit.name] = foreign_references(html)
    assert {name: urls for name, urls in found.items() if urls} == {}
    assert {visit.name for visit in pages} >= PAGE_TYPES


PAGE_TYPES = {
    "landing",
    "sign-in",
    "sign-up",
    "dashboard",
    "organisation",
    "members",
    "step-1",
    "report",
    "shared-report",
    "compare",
    "api-docs",
    "admin-list",
    "admin-change",
    "not-found",
}


def test_pages_load_the_vendored_htmx(client):
    """htmx comes from our own static files, not a CDN."""
    assert "/static/django_htmx/htmx-2.min.js" in client.get(reverse("landing")).content.decode()


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
