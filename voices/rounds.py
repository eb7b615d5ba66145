"""Writes to rounds of answers: start, answer, remind, close, reconcile and take the
consensus into the draft. Each is audited with `audit.models.Action`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.mail import send_email
from accounts.models import User, normalise_email
from audit.models import Action
from audit.services import audit_record
from orgs.models import Membership
from orgs.services import invitation_create
from voices.models import Respondent, Round
from wizard.answers_draft import Draft, normalised
from wizard.models import Assessment
from wizard.steps import Step, StepForm

# The steps a respondent answers: maturity, critical paths and the ROI questions.
RESPONDENT_STEP_COUNT = 3
# What the respondents are not asked, taken from the organiser's draft for their previews.
BASE_KEYS = ("organisation", "priorities", "assumptions")


class RoundRefused(Exception):
    """The round cannot do that now; the message says why."""


class StaleResponse(Exception):
    """The respondent's answers were saved elsewhere (another tab) since the page loaded."""

    def __init__(self, current: Respondent, conflicts: list[dict[str, str]]) -> None:
        super().__init__(f"respondent {current.code} is at version {current.version}")
        self.current = current
        self.conflicts = conflicts


def base_answers(assessment: Assessment) -> dict[str, Any]:
    """The organiser's answers the respondents are not asked (headcount, priorities,
    assumptions): the ground every respondent's and the consensus plan stand on."""
    return {key: assessment.answers[key] for key in BASE_KEYS if key in assessment.answers}


def open_round(assessment: Assessment) -> Round | None:
    return assessment.rounds.filter(closed__isnull=True).first()


def latest_round(assessment: Assessment) -> Round | None:
    return assessment.rounds.order_by("-created", "-id").first()


def _invite_mail(respondent: Respondent, link: str, organiser: User, *, reminder: bool) -> None:
    assessment = respondent.round.assessment
    context = {
        "organisation": assessment.organisation.name,
        "organiser": organiser.get_full_name(),
        "link": link,
        "reminder": reminder,
    }
    subject = (
        _("Reminder: your answers for %(organisation)s's hiring plan")
        if reminder
        else _("%(organiser)s asks for your answers on a hiring plan")
    ) % context
    send_email(
        subject=subject, body=render_to_string("voices/email/ask.txt", context), to=respondent.email
    )


@transaction.atomic
def round_start(
    *,
    assessment: Assessment,
    organiser: User,
    members: Iterable[User] = (),
    emails: Iterable[str] = (),
    link_for: Callable[[Respondent], str],
    invitation_link_for: Callable[[str], str],
    request: HttpRequest | None = None,
) -> Round:
    """Ask `members` and the people at `emails` to answer steps 1 to 3 of a draft.

    Members are emailed a link to their answers; an address that is no member's gets an
    invitation to join as a respondent. Raises RoundRefused for a finished assessment, a
    draft with a round open already, or nobody to ask.
    """
    if assessment.is_complete or assessment.organisation is None:
        raise RoundRefused(_("Only an organisation's draft can have a round of answers."))
    if open_round(assessment) is not None:
        raise RoundRefused(_("This draft already has a round open."))
    organisation = assessment.organisation
    people: dict[str, User | None] = {user.email: user for user in members}
    for email in emails:
        address = normalise_email(email)
        if address and address not in people:
            member = User.objects.filter(
                email=address, memberships__organisation=organisation
            ).first()
            people[address] = member
    people.pop(organiser.email, None)
    if not people:
        raise RoundRefused(_("Ask at least one person other than yourself."))
    round_ = Round.objects.create(assessment=assessment, created_by=organiser)
    blank = normalised(base_answers(assessment))
    respondents = [
        Respondent.objects.create(round=round_, user=user, email=email, answers=blank)
        for email, user in sorted(people.items())
    ]
    for respondent in respondents:
        if respondent.user_id is None:
            invitation_create(
                organisation=organisation,
                role=Membership.Role.RESPONDENT,
                created_by=organiser,
                link_for=invitation_link_for,
                email=respondent.email,
                request=request,
            )
        else:
            _invite_mail(respondent, link_for(respondent), organiser, reminder=False)
    audit_record(
        action=Action.ROUND_STARTED,
        actor=organiser,
        organisation=organisation,
        target=str(assessment.code),
        details={"round": str(round_.code), "respondents": len(respondents)},
        request=request,
    )
    return round_


def respondent_claim(*, respondent: Respondent, user: User) -> Respondent:
    """Link someone invited by email to their answers once they have joined."""
    if respondent.user_id is None:
        Respondent.objects.filter(pk=respondent.pk, user__isnull=True).update(user=user)
        respondent.user = user
    return respondent


def respondent_save_step(
    *,
    respondent: Respondent,
    step: Step,
    form: StepForm,
    expected_version: int,
    advance: bool,
) -> tuple[Respondent, Draft]:
    """Write one step's valid form into a respondent's own answers, as the wizard writes
    a draft's; with `advance` on the last of their steps, the answers are submitted.

    Raises RoundRefused once the round is closed or the answers are submitted, and
    StaleResponse when another tab saved this step differently since `expected_version`.
    """
    if not respondent.round.is_open or respondent.is_complete:
        raise RoundRefused(_("These answers are in: the round no longer takes changes."))
    draft = step.draft(respondent, form)
    now = timezone.now()
    changes: dict[str, Any] = {
        "answers": draft.answers,
        "path_descriptions": draft.descriptions,
        "version": expected_version + 1,
        "started": respondent.started or now,
    }
    if advance:
        changes["furthest_step"] = max(respondent.furthest_step, step.number + 1)
        if step.number >= RESPONDENT_STEP_COUNT:
            changes["submitted"] = now
    updated = Respondent.objects.filter(pk=respondent.pk, version=expected_version).update(
        **changes
    )
    if not updated:
        current = Respondent.objects.select_related("round__assessment__organisation").get(
            pk=respondent.pk
        )
        conflicts = step.conflicts(current, form)
        if conflicts or current.is_complete:
            raise StaleResponse(current, conflicts)
        return respondent_save_step(
            respondent=current,
            step=step,
            form=form,
            expected_version=current.version,
            advance=advance,
        )
    for name, value in changes.items():
        setattr(respondent, name, value)
    if "submitted" in changes:
        audit_record(
            action=Action.ROUND_SUBMITTED,
            actor=respondent.user,
            organisation=respondent.organisation,
            target=str(respondent.round.assessment.code),
            details={"round": str(respondent.round.code)},
        )
    return respondent, draft


def round_remind(
    *,
    round_: Round,
    actor: User,
    link_for: Callable[[Respondent], str],
    request: HttpRequest | None = None,
) -> int:
    """Email a reminder to everyone who has not submitted yet; returns how many."""
    if not round_.is_open:
        raise RoundRefused(_("The round is closed."))
    waiting = list(round_.respondents.filter(submitted__isnull=True))
    now = timezone.now()
    for respondent in waiting:
        _invite_mail(respondent, link_for(respondent), actor, reminder=True)
    round_.respondents.filter(pk__in=[r.pk for r in waiting]).update(reminded=now)
    audit_record(
        action=Action.ROUND_REMINDED,
        actor=actor,
        organisation=round_.assessment.organisation,
        target=str(round_.assessment.code),
        details={"round": str(round_.code), "reminded": len(waiting)},
        request=request,
    )
    return len(waiting)


def round_close(*, round_: Round, actor: User, request: HttpRequest | None = None) -> Round:
    """Close the round with the answers that came in (submitted ones only)."""
    if not round_.is_open:
        raise RoundRefused(_("The round is closed already."))
    if not round_.respondents.filter(submitted__isnull=False).exists():
        raise RoundRefused(_("Nobody has submitted answers yet: wait, or remind them."))
    round_.closed = timezone.now()
    round_.save(update_fields=["closed"])
    audit_record(
        action=Action.ROUND_CLOSED,
        actor=actor,
        organisation=round_.assessment.organisation,
        target=str(round_.assessment.code),
        details={"round": str(round_.code)},
        request=request,
    )
    return round_


def round_reconcile(
    *,
    round_: Round,
    merges: dict[str, str],
    picks: dict[str, Any],
    notes_hidden: bool | None = None,
) -> Round:
    """Keep the organiser's merges of path names and picks of single answers."""
    if round_.is_open:
        raise RoundRefused(_("Close the round before reconciling its answers."))
    round_.merges = merges
    round_.picks = picks
    fields = ["merges", "picks"]
    if notes_hidden is not None:
        round_.notes_hidden = notes_hidden
        fields.append("notes_hidden")
    round_.save(update_fields=fields)
    return round_


@transaction.atomic
def round_apply(
    *,
    round_: Round,
    answers: dict[str, Any],
    descriptions: list[str],
    actor: User,
    request: HttpRequest | None = None,
) -> Assessment:
    """Write the reconciled maturity and paths into the draft; the organiser then goes
    on from the ROI step. Checked by the engine like every draft."""
    assessment = Assessment.objects.select_for_update().get(pk=round_.assessment_id)
    if round_.is_open or assessment.is_complete:
        raise RoundRefused(_("The consensus can be taken only from a closed round into a draft."))
    draft = Draft({**assessment.answers, **answers}, descriptions)
    Assessment.objects.filter(pk=assessment.pk).update(
        answers=draft.answers,
        path_descriptions=draft.descriptions,
        furthest_step=max(assessment.furthest_step, RESPONDENT_STEP_COUNT),
        version=assessment.version + 1,
        updated=timezone.now(),
    )
    round_.applied = timezone.now()
    round_.save(update_fields=["applied"])
    audit_record(
        action=Action.ROUND_RECONCILED,
        actor=actor,
        organisation=assessment.organisation,
        target=str(assessment.code),
        details={"round": str(round_.code), "paths": len(draft.answers["critical_paths"])},
        request=request,
    )
    assessment.refresh_from_db()
    return assessment
