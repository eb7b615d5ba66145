"""Signing out a signed-in session that has been left unattended."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

LAST_ACTIVITY_KEY = "last_activity"
# Saving the session on every request would be a database write per click; a minute's
# precision is plenty for a timeout counted in hours.
TOUCH_EVERY = 60


def note_activity(request: HttpRequest) -> None:
    """Record that the signed-in user did something now."""
    request.session[LAST_ACTIVITY_KEY] = int(time.time())


def note_sign_in(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """Signing in counts as activity (connected to `user_logged_in` in apps.py), so the
    first page after it need not save the session again."""
    if request is not None and hasattr(request, "session"):
        note_activity(request)


class IdleTimeoutMiddleware:
    """After SESSION_IDLE_TIMEOUT seconds without a request, sign the user out and send
    them to sign in again, then back where they were.

    Only signed-in sessions are affected: a guest's drafts live in their session, and
    nobody else can reach them, so a guest's session simply lasts SESSION_COOKIE_AGE.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        timeout = settings.SESSION_IDLE_TIMEOUT
        if timeout and request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - last > timeout:
                return self._sign_out(request)
            if last is None or now - last >= TOUCH_EVERY:
                note_activity(request)
        return self.get_response(request)

    def _sign_out(self, request: HttpRequest) -> HttpResponse:
        logout(request)
        messages.info(
            request,
            _("You were signed out because the page was left unattended. Sign in to carry on."),
        )
        if request.headers.get("HX-Request") == "true":
            # htmx would swap the sign-in page into part of the page: send the browser there.
            current = urlsplit(request.headers.get("HX-Current-URL", ""))
            if not current.path:
                return HttpResponseClientRedirect(resolve_url(settings.LOGIN_URL))
            next_url = current.path + (f"?{current.query}" if current.query else "")
            return HttpResponseClientRedirect(redirect_to_login(next_url).url)
        login_url = resolve_url(settings.LOGIN_URL)
        if request.method in ("GET", "HEAD") and request.path != login_url:
            return redirect_to_login(request.get_full_path())
        # A form post cannot be replayed after signing in; start again from the dashboard.
        return redirect(login_url)
