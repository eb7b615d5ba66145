"""Every page and partial carries the security headers, and its CSP has a nonce and
nothing unsafe. The URLs come from the resolver, filled as in the isolation matrix."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.urls import reverse

from tests.security.test_isolation_matrix import TABLE
from tests.security.url_catalogue import World, all_routes, request_and_undo

pytestmark = pytest.mark.django_db

TAG = re.compile(r"<[a-zA-Z][^>]*>")
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_ATTRIBUTE = re.compile(r"\s(on[a-z]+|style)\s*=", re.IGNORECASE)
NONCE = re.compile(r"'nonce-([^']+)'")


def csp_problems(response: Any) -> list[str]:
    """What is wrong with one response's headers (every response has a CSP)."""
    csp = response.get("Content-Security-Policy", "")
    problems = []
    if not csp:
        problems.append("no Content-Security-Policy")
    if "unsafe-inline" in csp or "unsafe-eval" in csp:
        problems.append(f"unsafe CSP: {csp}")
    return problems


def html_problems(response: Any) -> list[str]:
    """What is wrong with an HTML response: headers, the nonce, inline code.

    Django adds the nonce to the header only when the page uses it, so full pages (which
    load htmx with it) must have one; partials and empty redirects need none, but any
    inline script in them must still carry it.
    """
    csp = response["Content-Security-Policy"]
    directives = {}
    for part in filter(None, (part.strip() for part in csp.split(";"))):
        name, _, value = part.partition(" ")
        directives[name] = value
    nonce = NONCE.search(directives.get("script-src", ""))
    expected = {
        "X-Content-Type-Options": {"nosniff"},
        "Referrer-Policy": {"same-origin", "no-referrer"},
        "X-Frame-Options": {"DENY"},
        "Cross-Origin-Opener-Policy": {"same-origin"},
    }
    problems = [
        f"{header}: {response.get(header)!r}"
        for header, allowed in expected.items()
        if response.get(header) not in allowed
    ]
    html = response.content.decode()
    if nonce is None and "<html" in html:
        problems.append(f"a page without a nonce in script-src: {csp}")
    if directives.get("frame-ancestors") != "'none'":
        problems.append(f"frame-ancestors: {directives.get('frame-ancestors')!r}")
    for script in INLINE_SCRIPT.findall(html):
        if nonce is None or f'nonce="{nonce.group(1)}"' not in script:
            problems.append(f"inline script without the nonce: {script}")
    problems += [
        f"inline code the CSP blocks: {tag}"
        for tag in TAG.findall(html)
        if INLINE_ATTRIBUTE.search(tag)
    ]
    return problems


@pytest.fixture
def fast_pdfs(monkeypatch):
    monkeypatch.setattr("wizard.pdf_files.render_pdf", lambda html, **kwargs: b"%PDF-1.7 stub")


@pytest.mark.parametrize("persona", ["owner", "anonymous"])
def test_every_page_and_partial_has_the_security_headers(world: World, persona, fast_pdfs):
    """Pages (GET), partials (htmx GET and POST) and plain posts, as an owner and a visitor."""
    problems: list[str] = []
    pages = 0
    client = world.clients[persona]
    for route in all_routes():
        row = TABLE[route.name]
        url = world.url(route, row.kwargs, row.query)
        for method in ("GET", "HTMX_GET", "POST", "HTMX"):
            response, _ = request_and_undo(client, method, url)
            found = csp_problems(response)
            if response.get("Content-Type", "").startswith("text/html") and not found:
                found += html_problems(response)
                pages += b"<html" in response.content
            problems += [f"{route.name} {method} {response.status_code}: {p}" for p in found]
    assert problems == []
    assert pages > 10


def test_htmx_is_configured_to_need_neither_eval_nor_inline_styles(client):
    """The CSP allows neither, so htmx must be told not to use them."""
    html = client.get(reverse("landing")).content.decode()
    config = json.loads(re.search(r"name=\"htmx-config\" content='([^']+)'", html).group(1))
    assert config["allowEval"] is False
    assert config["includeIndicatorStyles"] is False
    assert config.get("allowScriptTags") is False
