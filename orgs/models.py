from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.validators import reject_control_characters

# The currencies a manager is likely to budget in; amounts are never converted, only labelled.
CURRENCIES = [
    ("GBP", _("Pound sterling (GBP)")),
    ("EUR", _("Euro (EUR)")),
    ("USD", _("US dollar (USD)")),
    ("AUD", _("Australian dollar (AUD)")),
    ("CAD", _("Canadian dollar (CAD)")),
    ("CHF", _("Swiss franc (CHF)")),
    ("DKK", _("Danish krone (DKK)")),
    ("INR", _("Indian rupee (INR)")),
    ("JPY", _("Japanese yen (JPY)")),
    ("NOK", _("Norwegian krone (NOK)")),
    ("NZD", _("New Zealand dollar (NZD)")),
    ("SEK", _("Swedish krona (SEK)")),
    ("SGD", _("Singapore dollar (SGD)")),
]


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=120, validators=[reject_control_characters])
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    headcount = models.PositiveIntegerField(
        _("headcount"),
        validators=[MinValueValidator(1), MaxValueValidator(10_000_000)],
        help_text=_("How many people work in the organisation today."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="GBP")
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        EDITOR = "editor", _("Editor")
        VIEWER = "viewer", _("Viewer")
        # Asked to answer a round on one assessment: sees that and its report, nothing else.
        RESPONDENT = "respondent", _("Respondent")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    created = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} ({self.get_role_display()})"


class Invitation(models.Model):
    """An owner's invitation to join an organisation with a given role.

    The link carries a random token; only its SHA-256 is stored, so a copy of the database
    cannot be used to join. An invitation works once, until it expires or is revoked.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(
        _("email address"),
        blank=True,
        help_text=_("Where the link was emailed; empty when the owner shared the link."),
    )
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.EDITOR
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    expires = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        # Outside the f-string, where gettext's extractor can see it.
        invitee = self.email or _("link")
        return f"{invitee} · {self.organisation} ({self.get_role_display()})"
