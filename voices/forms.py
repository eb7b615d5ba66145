from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
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


MAX_EMAILS = 20


class RoundStartForm(forms.Form):
    """Whom to ask: members of the organisation, and people by email address."""

    members = forms.MultipleChoiceField(
        label=_("Members of the organisation"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    emails = forms.CharField(
        label=_("Others, by email address"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One address a line (or separated by commas). They are invited to join as "
            "respondents: they can answer this round and read its report, nothing else."
        ),
    )

    def __init__(self, *args: Any, members: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [(str(pk), label) for pk, label in members]

    def clean_emails(self) -> list[str]:
        raw = self.cleaned_data["emails"].replace(",", "\n")
        emails = [line.strip() for line in raw.splitlines() if line.strip()]
        if len(emails) > MAX_EMAILS:
            raise forms.ValidationError(
                _("Ask at most %(count)s people by email at once.") % {"count": MAX_EMAILS}
            )
        bad = []
        for email in emails:
            try:
                validate_email(email)
            except ValidationError:
                bad.append(email)
        if bad:
            raise forms.ValidationError(
                _("These are not email addresses: %(bad)s") % {"bad": ", ".join(bad)}
            )
        return emails

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("members") and not data.get("emails") and not self.errors:
            raise forms.ValidationError(_("Choose at least one member or give an address."))
        return data
