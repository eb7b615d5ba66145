"""The report's small forms: a share link's expiry, and the confirmation before revoking."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wizard.field_rendering import RenderedForm
from wizard.report.share_links import EXPIRY_CHOICES_DAYS

NEVER = "never"
EXPIRY_LABELS = {
    7: _("in 7 days"),
    30: _("in 30 days"),
    90: _("in 90 days"),
    None: _("never"),
}


def _days(value: str) -> int | None:
    return None if value == NEVER else int(value)


class ShareLinkForm(RenderedForm):
    """How long a new link lives: one of the offered expiries, nothing else."""

    expires_in_days = forms.TypedChoiceField(
        label=_("Link expires"),
        choices=[
            (NEVER if days is None else str(days), EXPIRY_LABELS[days])
            for days in EXPIRY_CHOICES_DAYS
        ],
        coerce=_days,
        initial="30",
        error_messages={"invalid_choice": _("Choose one of the offered expiries.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "share-%s")
        super().__init__(*args, **kwargs)


class RevokeForm(forms.Form):
    """Set only by the confirmation step (or by a script that asked first): a revoke
    posted without it shows the confirmation instead of revoking."""

    confirmed = forms.BooleanField(required=True)
