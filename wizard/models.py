from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orgs.models import Organisation


class Assessment(models.Model):
    """One run of the four-step framework for an organisation (or a guest's draft).

    `answers` always holds answers in the engine's JSON contract that pass
    `validate_answers`, except that a guest's draft may lack the headcount until step 4.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        COMPLETE = "complete", _("Complete")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="assessments",
        null=True,
        blank=True,
        help_text=_("Empty while the draft belongs to a guest who has not signed up yet."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessments",
    )
    title = models.CharField(_("title"), max_length=120, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # One line per critical path describing the process, in the order of answers' paths.
    path_descriptions = models.JSONField(_("path descriptions"), default=list, blank=True)
    furthest_step = models.PositiveSmallIntegerField(
        _("furthest step reached"), default=1, help_text=_("1 to 4; 5 once every step is done.")
    )
    # Optimistic locking: every save must name the version it started from.
    version = models.PositiveIntegerField(_("version"), default=1)
    plan = models.JSONField(_("plan snapshot"), null=True, blank=True)
    rules_version = models.CharField(_("rules version"), max_length=20, blank=True)
    # Copied from the plan on completion, for the dashboard and the admin's filters.
    maturity_level = models.PositiveSmallIntegerField(_("maturity level"), null=True, blank=True)
    stage = models.CharField(_("stage"), max_length=12, blank=True)
    team_summary = models.CharField(_("team"), max_length=200, blank=True)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    completed = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-created", "-id"]
        indexes = [
            # The admin's unfiltered, newest-first list and its date filter (docs/admin-scale.md).
            models.Index(fields=["-created", "-id"], name="assessment_created"),
            models.Index(fields=["organisation", "-created"], name="assessment_org_created"),
            models.Index(fields=["status", "-created"], name="assessment_status_created"),
            models.Index(fields=["maturity_level", "-created"], name="assessment_level_created"),
            models.Index(fields=["stage", "-created"], name="assessment_stage_created"),
            # The guest clean-up looks for old drafts without an organisation.
            models.Index(
                fields=["updated"],
                condition=models.Q(organisation__isnull=True),
                name="assessment_guest_updated",
            ),
        ]

    def __str__(self) -> str:
        if self.title:
            return self.title
        # The organisation and the date: what tells one assessment from another in a list.
        who = self.organisation.name if self.organisation_id else _("Guest draft")
        return f"{who} – {self.created.date():%Y-%m-%d}"

    @property
    def is_complete(self) -> bool:
        return self.status == self.Status.COMPLETE

    @property
    def current_step(self) -> int:
        """The number of the step a draft resumes at: the furthest reached, at most the last."""
        # The steps (forms and all) are registered above the models: import them late.
        from wizard.steps import current_step

        return current_step(self).number

    @property
    def is_guest_draft(self) -> bool:
        return self.organisation_id is None


class ShareLink(models.Model):
    """A read-only link to one report. Only the token's SHA-256 is stored: the link itself
    is shown once, when it is made, and cannot be recovered from the database."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="share_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    expires = models.DateTimeField(
        _("expires"), null=True, blank=True, help_text=_("Empty: never.")
    )
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)
    views = models.PositiveIntegerField(_("views"), default=0)
    last_viewed = models.DateTimeField(_("last viewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return _("Share link %(id)s of %(assessment)s") % {
            "id": self.pk,
            "assessment": self.assessment_id,
        }

    def is_live(self, now: Any) -> bool:
        return self.revoked is None and (self.expires is None or self.expires > now)


class RequestCount(models.Model):
    """How many requests one client made in one minute, for a rate limit
    (wizard/rate_limit.py). Kept in the database every instance shares; rows of past
    minutes are deleted as new minutes begin."""

    key = models.CharField(max_length=200)  # the limit's scope and the client's address
    minute = models.BigIntegerField()  # minutes since the Unix epoch
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "minute"], name="one_count_per_client_minute")
        ]
        indexes = [models.Index(fields=["minute"], name="request_count_minute")]

    def __str__(self) -> str:
        return f"{self.key} @ {self.minute}: {self.count}"
