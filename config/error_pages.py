"""The product's own page for a request made with a method a URL does not take.

Django answers a GET to a POST-only URL (a bookmarked or refreshed form target) with an
empty 405, which a browser shows as a blank page. Pages asked for by a browser get
templates/405.html instead; the status and the Allow header stay, and API clients and
htmx requests, which do not ask for HTML, still get the bare answer. The other error
statuses have their templates (400.html, 403.html, 404.html, 500.html, 403_csrf.html),
which Django's default handlers render.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def wants_a_page(request: HttpRequest) -> bool:
    """A browser navigating, not a script: it asks for HTML and is not htmx."""
    return "text/html" in request.headers.get("Accept", "") and not request.headers.get(
        "HX-Request"
    )


class MethodNotAllowedPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or response.content or not wants_a_page(request):
            return response
        page = render(request, "405.html", status=405)
        if "Allow" in response:
            page["Allow"] = response["Allow"]
        return page
