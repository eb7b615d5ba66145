from __future__ import annotations

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
