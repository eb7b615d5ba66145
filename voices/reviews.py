"""Reviews: a second member reads a finished assessment and signs it off with a comment."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from accounts.models import User
from audit.models import Action, AuditEvent
from audit.services import audit_record
from voices.models import Review
from wizard.models import Assessment


class ReviewRefused(Exception):
    """The review cannot be recorded; the message says why, for the person who tried."""


def finished_by(assessment: Assessment) -> int | None:
    """The id of the user who finished the assessment, from the audit log (None when a
    visitor or a script finished it)."""
    return (
        AuditEvent.objects.filter(action=Action.ASSESSMENT_COMPLETED, target=str(assessment.code))
        .order_by("-when", "-id")
        .values_list("actor_id", flat=True)
        .first()
    )


def review_for(assessment: Assessment) -> Review | None:
    return Review.objects.filter(assessment=assessment).first()


REVIEWED_CHOICES = ("yes", "no")


def with_reviewed(queryset: QuerySet[Assessment], reviewed: str | None) -> QuerySet[Assessment]:
    """`queryset` with `is_reviewed` on each row, kept to reviewed ("yes") or not yet
    reviewed ("no") assessments; any other value keeps it whole."""
    queryset = queryset.annotate(
        is_reviewed=Exists(Review.objects.filter(assessment_id=OuterRef("pk")))
    )
    if reviewed == "yes":
        return queryset.filter(is_reviewed=True)
    if reviewed == "no":
        return queryset.filter(is_reviewed=False)
    return queryset


@transaction.atomic
def review_mark(
    *, assessment: Assessment, reviewer: User, comment: str, request: HttpRequest | None = None
) -> Review:
    """Record `reviewer`'s review of a finished assessment and audit it.

    Raises ReviewRefused for a draft, for the member who finished it, and when it has
    already been reviewed.
    """
    if not assessment.is_complete:
        raise ReviewRefused(_("Only a finished assessment can be reviewed."))
    if finished_by(assessment) == reviewer.pk:
        raise ReviewRefused(_("You finished this assessment, so another member has to review it."))
    try:
        with transaction.atomic():
            review = Review.objects.create(
                assessment=assessment,
                reviewer=reviewer,
                reviewer_name=reviewer.get_full_name(),
                comment=comment,
            )
    except IntegrityError:
        raise ReviewRefused(_("This assessment has already been reviewed.")) from None
    audit_record(
        action=Action.ASSESSMENT_REVIEWED,
        actor=reviewer,
        organisation=assessment.organisation,
        target=str(assessment.code),
        details={"comment_length": len(comment)},
        request=request,
    )
    return review
