"""The viewer's language and time zone, for every page.

Language: Django's LocaleMiddleware reads the language cookie (set by the footer's
switcher) or the browser's Accept-Language; a signed-in user's saved choice wins over
both, so it follows them to any browser. Time zone: the browser's, which a small script
(static/js/time-zone.js) puts in a cookie; times are never shown in the server's zone.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import check_for_language
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

TIME_ZONE_COOKIE = "hireframe_tz"
_LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)


def supported_language(code: str | None) -> str | None:
    """`code` when it is one of the site's languages, else None."""
    if code and code in _LANGUAGE_CODES and check_for_language(code):
        return code
    return None


def viewer_time_zone(name: str | None) -> zoneinfo.ZoneInfo | None:
    """The IANA zone called `name`, or None for anything that is not one."""
    if not name or len(name) > 64:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


class ViewerLocaleMiddleware:
    """Below authentication: the signed-in user's language, and the browser's time zone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = getattr(request, "user", None)
        language = supported_language(getattr(user, "language", "")) if user else None
        if language and user.is_authenticated:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        zone = viewer_time_zone(request.COOKIES.get(TIME_ZONE_COOKIE))
        if zone is not None:
            timezone.activate(zone)
        else:
            timezone.deactivate()
        return self.get_response(request)


@require_POST
def language_choose(request: HttpRequest) -> HttpResponse:
    """Django's `set_language` (the cookie and the redirect back), and for a signed-in
    user the choice saved on the account, so every browser they sign in from follows it."""
    response = set_language(request)
    language = supported_language(request.POST.get("language"))
    user: Any = request.user
    if language and user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return response


def remember_language_on_sign_in(
    sender: object, request: HttpRequest | None, user: Any, **kwargs: object
) -> None:
    """A guest who chose a language before signing up or in keeps it on the account, if
    the account has none yet (connected to `user_logged_in`)."""
    if request is None or getattr(user, "language", None) != "":
        return
    chosen = supported_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    if chosen:
        user.language = chosen
        user.save(update_fields=["language"])
