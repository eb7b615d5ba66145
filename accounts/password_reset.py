"""Asking for a password reset, throttled so that the form cannot be used to flood an
inbox or to send mail on someone's behalf at the app's expense.

One address gets at most one reset email per `PASSWORD_RESET_EMAIL_MINUTES`, and one
client may ask `PASSWORD_RESET_RATE_LIMIT` times a minute, for any addresses. Past either,
nothing is sent, and the answer is the same "check your inbox" page as ever: whether an
address has an account, or was asked for a moment ago, is not told to whoever asks.
The counts are the shared rate-limit table's (wizard/rate_limit.py), so every worker and
every instance counts against the same limits.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import PasswordResetView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from accounts.forms import EmailPasswordResetForm
from accounts.models import normalise_email
from wizard.rate_limit import over_budget, over_limit


def reset_email_allowed(request: HttpRequest, email: str) -> bool:
    """Count one request by this client for this address; whether to send the email."""
    if over_limit(request, scope="password-reset", per_minute=settings.PASSWORD_RESET_RATE_LIMIT):
        return False
    # Hashed, so the rate-limit table holds no addresses.
    digest = hashlib.sha256(normalise_email(email).encode()).hexdigest()[:32]
    return not over_budget(
        f"password-reset-email:{digest}",
        limit=1,
        minutes=settings.PASSWORD_RESET_EMAIL_MINUTES,
    )


class ThrottledPasswordResetView(PasswordResetView):
    form_class = EmailPasswordResetForm

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        if reset_email_allowed(self.request, form.cleaned_data["email"]):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())
