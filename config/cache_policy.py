"""Responses that hold an organisation's data are kept out of shared and browser caches.

A proxy, a CDN or the browser's back-forward cache must not keep a copy of a report, an
export or a member list: the next person at a shared computer, or behind the same proxy,
would see it. So every response to a signed-in user, and every response of a view that is
not one of the few public ones, is sent with `Cache-Control: private, no-store`. The
public pages (the landing page, the API docs, the account forms) and static files stay
cacheable. A view that is added later is private until it is listed here as public.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

# Views that show a visitor nothing of anyone's: the same page for everybody.
PUBLIC_VIEWS = frozenset(
    {
        "landing",
        "api-docs",
        "api-plan",
        "login",
        "logout",
        "signup",
        "password_reset",
        "password_reset_done",
        "password_reset_complete",
    }
)


# Files served by a view, the same for everybody whoever is signed in.
ASSET_VIEWS = frozenset({"favicon"})


def holds_private_data(request: HttpRequest) -> bool:
    """Whether the answer to this request may hold an organisation's or a user's data."""
    match = request.resolver_match
    if match is not None and match.view_name in ASSET_VIEWS:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    # A URL that matched nothing is a 404 page, the same for everybody.
    return match is not None and match.view_name not in PUBLIC_VIEWS


class PrivateCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if holds_private_data(request):
            patch_cache_control(response, private=True, no_store=True)
        return response
