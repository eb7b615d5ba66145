"""The organisation's forms: inviting someone, changing a member's role, its currency."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import normalise_email
from orgs.models import CURRENCIES, Membership

ROLE_HELP = _(
    "Owners manage members and can delete assessments; editors start and change "
    "assessments; viewers read them."
)


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        help_text=_(
            "We email the link there, and only an account with that address can accept it. "
            "Leave it empty for a link-only invitation that anyone with the link can accept."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.EDITOR,
        help_text=ROLE_HELP,
    )

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class CurrencyForm(forms.Form):
    currency = forms.ChoiceField(
        label=_("Currency"),
        choices=CURRENCIES,
        help_text=_("Reports show their costs in it. Amounts are labelled, never converted."),
    )
