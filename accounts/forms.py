"""The sign-up and sign-in forms; the password forms are Django's own."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordMixin
from django.template import loader
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.mail import send_email
from accounts.models import User, normalise_email
from accounts.validators import reject_control_characters
from orgs.models import CURRENCIES, Organisation
from wizard.money_format import describe_range
from wizard.rules.limits import HEADCOUNT

# One message for every way a headcount can be wrong, so "abc", 0 and 10,000,001 all say
# what is accepted; the bounds come from the framework's limits, not from here.
HEADCOUNT_MESSAGE = format_lazy(_("Enter {range}."), range=lazy(describe_range, str)(HEADCOUNT))


class SignUpForm(SetPasswordMixin, forms.Form):
    """Everything needed to open an account and its organisation, on one screen.

    Someone invited into an organisation (`invited`) is asked for an email address and a
    password only: they join that organisation and open none of their own. A guest whose
    draft already gives the headcount (`draft_headcount`) is not asked for it again.
    """

    email = forms.EmailField(
        label=_("Email address"),
        max_length=User._meta.get_field("email").max_length,
        help_text=_(
            "You sign in with this. We email you a link to confirm it, and otherwise only "
            "to reset your password."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    organisation_name = forms.CharField(
        label=_("Organisation name"),
        max_length=Organisation._meta.get_field("name").max_length,
        validators=[reject_control_characters],
        help_text=_("The company you are planning to hire for."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    headcount = forms.IntegerField(
        label=_("How many people work there?"),
        min_value=HEADCOUNT.minimum,
        max_value=HEADCOUNT.maximum,
        help_text=_(
            "Everyone on the payroll today, not only engineers. Headcount sets the stage "
            "your company is at, and the stage decides how large a team the plan suggests."
        ),
        error_messages={
            "invalid": HEADCOUNT_MESSAGE,
            "min_value": HEADCOUNT_MESSAGE,
            "max_value": HEADCOUNT_MESSAGE,
        },
        widget=forms.NumberInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    currency = forms.ChoiceField(
        label=_("Currency"),
        choices=CURRENCIES,
        initial="GBP",
        # A select always sends a value; a bare POST without one gets the default.
        required=False,
        widget=forms.Select(attrs={"autocomplete": "off"}),
        help_text=_(
            "The plan's costs are shown in it. Amounts are not converted; an owner can "
            "change it later."
        ),
    )

    def __init__(
        self,
        *args: Any,
        invited: bool = False,
        invited_email: str = "",
        draft_headcount: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.draft_headcount = None if invited else draft_headcount
        if invited:
            del self.fields["organisation_name"], self.fields["headcount"]
            del self.fields["currency"]
            self.fields["email"].initial = invited_email
        elif draft_headcount is not None:
            del self.fields["headcount"]

    def clean_currency(self) -> str:
        return self.cleaned_data.get("currency") or "GBP"

    def clean_email(self) -> str:
        # Whether the address has an account is not said here: the email sent to it says.
        return normalise_email(self.cleaned_data["email"])

    def organisation_headcount(self) -> int | None:
        """The organisation's headcount: as typed, or as given in the guest's draft."""
        return self.cleaned_data.get("headcount", self.draft_headcount)

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        # The would-be user lets the similarity validator compare the password with the email.
        candidate = User(email=cleaned_data.get("email") or "")
        self.validate_password_for_user(candidate, password_field_name="password")  # noqa: S106
        return cleaned_data


class EmailAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, asking for the email address that is the username."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "That email address and password do not match an account. Check both and try "
            "again, or reset your password."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.label = _("Email address")
        username.widget = forms.EmailInput(
            attrs={
                **username.widget.attrs,
                "autocomplete": "email",
                "autocapitalize": "none",
                "autofocus": True,
            }
        )


class EmailPasswordResetForm(PasswordResetForm):
    """Django's reset request form, worded like the rest of the account screens."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=User._meta.get_field("email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        """Rendered here, sent by the worker: the request never waits on the mail server."""
        send_email(
            subject=loader.render_to_string(subject_template_name, context),
            body=loader.render_to_string(email_template_name, context),
            to=to_email,
        )


class ResendConfirmationForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=User._meta.get_field("email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
