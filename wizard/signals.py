"""Signing up or signing in takes a guest's drafts along into the user's organisation."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from wizard.access import GUEST_DRAFTS_SESSION_KEY, guest_draft_codes
from wizard.services import guest_drafts_claim


@receiver(user_logged_in, dispatch_uid="wizard.claim_guest_drafts")
def claim_guest_drafts(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    codes = guest_draft_codes(request)
    if codes and guest_drafts_claim(user=user, codes=codes):
        request.session.pop(GUEST_DRAFTS_SESSION_KEY, None)
