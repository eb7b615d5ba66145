"""How django-axes sees our sign-in: whose attempts to count, from where, and what a
locked-out visitor is shown. Named in settings (AXES_*_CALLABLE)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.models import normalise_email


def attempted_email(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The email typed into the sign-in form, in the one case accounts are stored in, so
    "Alice@Example.com" and "alice@example.com" count towards the same limit."""
    field = settings.AXES_USERNAME_FORM_FIELD
    raw = (credentials or {}).get(field)
    if raw is None and request is not None:
        raw = request.POST.get(field, "")
    return normalise_email(str(raw or ""))[:254]


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The calm page for too many wrong passwords, answered with 429."""
    cool_off = settings.AXES_COOLOFF_TIME
    context = {"minutes": int(cool_off.total_seconds() // 60)}
    return render(request, "axes/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
