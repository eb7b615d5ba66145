from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from voices.models import REVIEW_COMMENT_MAX


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Your comment"),
        max_length=REVIEW_COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you checked, and anything the team should know before acting on it."),
        error_messages={"required": _("Say in a line what you checked.")},
    )
