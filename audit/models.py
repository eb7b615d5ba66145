"""The audit log: who did what, to what, when and from where. Rows are only ever added."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    """Every action the log knows. `audit_record` refuses any other, so a typo fails loudly.

    Not the field's `choices`: adding an action here needs no migration.
    """

    SHARE_LINK_CREATED = "share_link.created", _("Share link created")
    SHARE_LINK_REVOKED = "share_link.revoked", _("Share link revoked")
    SHARE_LINK_VIEWED = "share_link.viewed", _("Shared report viewed")
    MEMBER_INVITED = "member.invited", _("Member invited")
    INVITATION_REVOKED = "invitation.revoked", _("Invitation withdrawn")
    MEMBER_ADDED = "member.added", _("Member added")
    MEMBER_REMOVED = "member.removed", _("Member removed")
    MEMBER_ROLE_CHANGED = "member.role_changed", _("Member's role changed")
    CURRENCY_CHANGED = "organisation.currency_changed", _("Currency changed")
    ASSESSMENT_COMPLETED = "assessment.completed", _("Assessment completed")
    ASSESSMENT_DELETED = "assessment.deleted", _("Assessment deleted")
    ASSESSMENT_REVIEWED = "assessment.reviewed", _("Assessment reviewed")
    ROUND_STARTED = "round.started", _("Round of answers started")
    ROUND_REMINDED = "round.reminded", _("Respondents reminded")
    ROUND_SUBMITTED = "round.submitted", _("Round answers submitted")
    ROUND_CLOSED = "round.closed", _("Round of answers closed")
    ROUND_RECONCILED = "round.reconciled", _("Round's consensus taken")
    ASSESSMENTS_EXPORTED = "assessments.exported", _("Assessments exported")
    LOGIN_SUCCEEDED = "login.succeeded", _("Signed in")
    LOGIN_FAILED = "login.failed", _("Failed sign-in")


class AuditEvent(models.Model):
    # Stored in UTC (USE_TZ); shown in TIME_ZONE.
    when = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
        help_text=_("Empty for anonymous visitors, and once the user is deleted."),
    )
    # Copied at the time, so the log still names the person after the account is gone.
    actor_email = models.EmailField(_("actor's email"), blank=True)
    action = models.CharField(_("action"), max_length=40)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("organisation"),
        db_index=False,  # audit_org_when starts with it
    )
    target = models.CharField(
        _("target"),
        max_length=200,
        blank=True,
        help_text=_("What the action was done to, e.g. an assessment's code."),
    )
    details = models.JSONField(_("details"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-when", "-id"]
        indexes = [
            models.Index(fields=["action", "-when"], name="audit_action_when"),
            models.Index(fields=["organisation", "-when"], name="audit_org_when"),
        ]

    def __str__(self) -> str:
        # Outside the f-string, where gettext's extractor can see it.
        actor = self.actor_email or _("anonymous")
        return f"{self.get_action_display()} · {actor}"

    def get_action_display(self) -> str:
        try:
            return str(Action(self.action).label)
        except ValueError:
            return self.action
