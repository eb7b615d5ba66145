"""Pages, exports and partials holding an organisation's data are sent with
`Cache-Control: private, no-store`; public pages and static files are not."""

from __future__ import annotations

import pytest

from config.cache_policy import ASSET_VIEWS
from tests.security.test_isolation_matrix import TABLE
from tests.security.url_catalogue import World, all_routes, request_and_undo

pytestmark = pytest.mark.django_db


def _directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def _is_private(response) -> bool:
    return {"private", "no-store"} <= _directives(response)


@pytest.fixture
def fast_pdfs(monkeypatch):
    monkeypatch.setattr(
        "wizard.report.views.render_pdf", lambda html, **kwargs: b"%PDF-1.7 stub", raising=False
    )


# (persona, URL name, whether the answer must be private)
CASES = [
    ("owner", "dashboard", True),
    ("owner", "organisation", True),
    ("owner", "members", True),
    ("owner", "report", True),
    ("owner", "report-pdf", True),
    ("owner", "report-json", True),
    ("owner", "report-csv", True),
    ("owner", "report-roadmap-csv", True),
    ("owner", "step", True),
    ("owner", "compare", True),
    ("owner", "landing", True),  # the header names the signed-in user
    ("anonymous", "shared-report", True),
    ("anonymous", "shared-report-pdf", True),
    ("anonymous", "invite", True),
    ("anonymous", "password_reset_confirm", True),
    ("anonymous", "landing", False),
    ("anonymous", "api-docs", False),
    ("anonymous", "favicon", False),
    ("owner", "favicon", False),  # an icon, whoever asks
    ("anonymous", "login", True),  # Django's own never_cache, kept
    ("anonymous", "signup", True),  # the same
    ("anonymous", "password_reset_done", False),
]


@pytest.mark.parametrize(("persona", "name", "private"), CASES)
def test_cache_control_by_page(world: World, fast_pdfs, persona, name, private):
    """Each page in the table is private exactly when it says so."""
    route = next(route for route in all_routes() if route.name == name)
    row = TABLE[name]
    response, _ = request_and_undo(
        world.clients[persona], "GET", world.url(route, row.kwargs, row.query)
    )
    assert response.status_code in (200, 302), response.status_code
    assert _is_private(response) is private, response.get("Cache-Control")


def test_every_page_a_member_gets_is_private(world: World, fast_pdfs):
    """Whatever the URL, a signed-in member's answer (page, partial, export) is private."""
    public = []
    for route in all_routes():
        row = TABLE[route.name]
        url = world.url(route, row.kwargs, row.query)
        for method in ("GET", "HTMX"):
            response, _ = request_and_undo(world.clients["owner"], method, url)
            if route.name not in ASSET_VIEWS and not _is_private(response):
                public.append(f"{route.name} {method} {response.status_code}")
    assert public == []


def test_static_files_and_unknown_pages_stay_cacheable(client):
    """Nothing of anyone's is in a stylesheet or a visitor's 404 page."""
    stylesheet = client.get("/static/css/hireframe.css")
    assert stylesheet.status_code == 200
    assert not _is_private(stylesheet)
    assert not _is_private(client.get("/no-such-page/"))
