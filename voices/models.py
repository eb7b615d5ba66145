from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wizard.models import Assessment

REVIEW_COMMENT_MAX = 2000


class Review(models.Model):
    """A second member's sign-off on a finished assessment: who read it, when, and what
    they made of it. One per assessment; the one who finished it cannot review it."""

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="review")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    # Copied at the time, so the report still names the reviewer once the account is gone.
    reviewer_name = models.CharField(_("reviewer's name"), max_length=200)
    comment = models.TextField(_("comment"), max_length=REVIEW_COMMENT_MAX)
    created = models.DateTimeField(_("reviewed"), auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.reviewer_name} · {self.assessment_id}"


class Round(models.Model):
    """A round of answers on a draft: colleagues answer steps 1 to 3 on their own.

    While it is open, each respondent sees only their own answers. Once the organiser
    closes it, the consensus view shows them all; `merges` (path key → the name it is
    the same path as) and `picks` (field id → value) are the organiser's reconciling.
    """

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="rounds")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(_("started"), auto_now_add=True)
    closed = models.DateTimeField(_("closed"), null=True, blank=True)
    applied = models.DateTimeField(_("consensus taken"), null=True, blank=True)
    merges = models.JSONField(_("merged paths"), default=dict, blank=True)
    picks = models.JSONField(_("picked answers"), default=list, blank=True)
    # The organiser's own notes on answers, by field id: {"note": …, "link": …}.
    notes = models.JSONField(_("notes"), default=dict, blank=True)
    notes_hidden = models.BooleanField(
        _("notes hidden from the report"),
        default=False,
        help_text=_("Hide the notes appendix from the report, shared report and PDF."),
    )

    class Meta:
        verbose_name = _("round of answers")
        verbose_name_plural = _("rounds of answers")
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment"],
                condition=models.Q(closed__isnull=True),
                name="one_open_round_per_assessment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment} · {self.created:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.closed is None


class Respondent(models.Model):
    """One person asked to answer a round, and their answers, kept apart from everyone
    else's in the engine's answers contract (with the organiser's headcount, priorities
    and assumptions, so the live preview can plan them).

    Duck-types the parts of an Assessment the wizard's steps read (`answers`,
    `path_descriptions`, `furthest_step`, `version`, `organisation`), so the same step
    classes build and write its forms."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="respondents")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rounds_asked",
        help_text=_("Empty until someone invited by email joins."),
    )
    email = models.EmailField(_("email address"))
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    path_descriptions = models.JSONField(_("path descriptions"), default=list, blank=True)
    furthest_step = models.PositiveSmallIntegerField(default=1)
    version = models.PositiveIntegerField(default=1)
    # Notes on answers, by field id: {"note": …, "link": …}.
    notes = models.JSONField(_("notes"), default=dict, blank=True)
    started = models.DateTimeField(_("started"), null=True, blank=True)
    submitted = models.DateTimeField(_("submitted"), null=True, blank=True)
    reminded = models.DateTimeField(_("last reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        ordering = ["email", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "email"], name="one_respondent_per_email")
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def organisation(self) -> Any:
        return self.round.assessment.organisation

    @property
    def is_complete(self) -> bool:
        return self.submitted is not None

    @property
    def is_guest_draft(self) -> bool:
        return False

    @property
    def label(self) -> str:
        """How the consensus view names them."""
        return self.user.get_full_name() if self.user_id else self.email
