"""Writes to assessments. Each takes the version the caller last saw and fails with
`StaleVersion` rather than overwrite a save it has not seen (a second tab, say)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User
from audit.models import Action
from audit.services import audit_record
from orgs.models import Membership, Organisation
from wizard.answers_draft import Draft, blank_answers, has_headcount
from wizard.models import Assessment
from wizard.pdf_files import pdf_render_later
from wizard.rules import plan_to_dict
from wizard.steps import STEP_COUNT, Step, StepForm
from wizard.team_summary import team_summary

GUEST_DRAFT_MAX_AGE = timedelta(days=30)


class StaleVersion(Exception):
    """The assessment was saved elsewhere since the caller loaded it. `conflicts` lists
    the answers of the step being saved that the other save holds differently."""

    def __init__(self, current: Assessment, conflicts: list[dict[str, str]] | None = None) -> None:
        super().__init__(f"assessment {current.code} is at version {current.version}")
        self.current = current
        self.conflicts = conflicts or []


class NotReady(Exception):
    """Finishing needs every step done (and, for a guest, a headcount)."""


def _write(assessment: Assessment, *, expected_version: int, **changes: Any) -> Assessment:
    """Compare-and-swap: update only if nobody saved since `expected_version`."""
    changes["version"] = expected_version + 1
    changes["updated"] = timezone.now()
    updated = Assessment.objects.filter(pk=assessment.pk, version=expected_version).update(
        **changes
    )
    if not updated:
        raise StaleVersion(Assessment.objects.select_related("organisation").get(pk=assessment.pk))
    for field, value in changes.items():
        setattr(assessment, field, value)
    return assessment


def assessment_start(
    *, organisation: Organisation | None = None, user: User | None = None
) -> Assessment:
    """A new draft: in `organisation`, or a guest's (organisation None)."""
    headcount = organisation.headcount if organisation else None
    return Assessment.objects.create(
        organisation=organisation,
        created_by=user if user and user.is_authenticated else None,
        answers=blank_answers(headcount),
    )


def _record_completion(assessment: Assessment, actor: User | None) -> Assessment:
    audit_record(
        action=Action.ASSESSMENT_COMPLETED,
        actor=actor,
        organisation=assessment.organisation,
        target=str(assessment.code),
        details={"rules_version": assessment.rules_version, "team": assessment.team_summary},
    )
    # The report is final now: its PDF is rendered once, by the worker, ready for download.
    pdf_render_later(assessment=assessment)
    return assessment


def _completion(draft: Draft) -> dict[str, Any]:
    """The plan snapshot with its rules version, and the columns lists filter on."""
    if not draft.headcount_known:
        raise NotReady
    plan = plan_to_dict(draft.plan)
    return {
        "status": Assessment.Status.COMPLETE,
        "plan": plan,
        "rules_version": plan["rules_version"],
        "maturity_level": plan["maturity"]["level"],
        "stage": plan["stage"],
        "team_summary": team_summary(plan["team"]),
        "completed": timezone.now(),
    }


def assessment_save_step(
    *,
    assessment: Assessment,
    step: Step,
    form: StepForm,
    expected_version: int,
    advance: bool,
    finish: bool = False,
    actor: User | None = None,
) -> tuple[Assessment, Draft]:
    """Write one step's valid form into the draft; with `advance`, the step counts as
    done; with `finish` (the last step), the plan is computed and stored in the same write.

    Returns the saved assessment and the draft written (whose `plan` is made at most once,
    for the snapshot or the preview). Raises StaleVersion, with the differing answers, if
    someone else saved this step differently since `expected_version`.
    """
    draft = step.draft(assessment, form)
    changes: dict[str, Any] = {
        "answers": draft.answers,
        "path_descriptions": draft.descriptions,
    }
    if advance:
        changes["furthest_step"] = max(assessment.furthest_step, step.number + 1)
    if finish:
        changes.update(_completion(draft))
    try:
        saved = _write(assessment, expected_version=expected_version, **changes)
    except StaleVersion as stale:
        # A save that only repeats what is already saved (a retry, a restored tab) takes
        # nothing from anyone: write it on top instead of calling it a conflict.
        conflicts = step.conflicts(stale.current, form)
        if conflicts or stale.current.is_complete:
            raise StaleVersion(stale.current, conflicts) from None
        return assessment_save_step(
            assessment=stale.current,
            step=step,
            form=form,
            expected_version=stale.current.version,
            advance=advance,
            finish=finish,
            actor=actor,
        )
    return (_record_completion(saved, actor) if finish else saved), draft


def assessment_finish(
    *, assessment: Assessment, expected_version: int, actor: User | None = None
) -> Assessment:
    """Compute the plan, keep it as a snapshot with its rules version, mark complete."""
    if assessment.furthest_step <= STEP_COUNT:
        raise NotReady
    completion = _completion(Draft(assessment.answers, assessment.path_descriptions))
    saved = _write(assessment, expected_version=expected_version, **completion)
    return _record_completion(saved, actor)


def assessment_copy(*, assessment: Assessment, user: User | None) -> Assessment:
    """A new draft with the same answers, every step reachable, to re-assess from; a
    guest's copy (user None) is a guest draft like its original."""
    return Assessment.objects.create(
        organisation=assessment.organisation,
        created_by=user,
        answers=assessment.answers,
        path_descriptions=assessment.path_descriptions,
        furthest_step=STEP_COUNT,
        copied_from=assessment,
    )


@transaction.atomic
@transaction.atomic
def assessment_delete(
    *,
    assessment: Assessment,
    actor: User,
    request: HttpRequest | None = None,
    via: str = "",
) -> None:
    """Delete an assessment and record who did it (and from where: `via` "admin")."""
    details = {"status": assessment.status, "created": assessment.created.isoformat()}
    if via:
        details["via"] = via
    audit_record(
        action=Action.ASSESSMENT_DELETED,
        actor=actor,
        organisation=assessment.organisation,
        target=str(assessment.code),
        details=details,
        request=request,
    )
    assessment.delete()


def default_organisation_for(user: User) -> Organisation | None:
    """Where a user's new and claimed drafts go: the first organisation they can edit."""
    membership = (
        Membership.objects.filter(
            user=user, role__in=[Membership.Role.OWNER, Membership.Role.EDITOR]
        )
        .select_related("organisation")
        .order_by("created", "id")
        .first()
    )
    return membership.organisation if membership else None


@transaction.atomic
def guest_drafts_claim(*, user: User, codes: list[str]) -> int:
    """Move a guest's drafts into the user's organisation, keeping every answer."""
    organisation = default_organisation_for(user)
    if organisation is None or not codes:
        return 0
    drafts = Assessment.objects.select_for_update().filter(
        code__in=codes, organisation__isnull=True
    )
    claimed = 0
    for draft in drafts:
        answers = dict(draft.answers)
        if not has_headcount(answers):
            answers["organisation"] = {"headcount": organisation.headcount}
        # The version stays: the answers a tab is editing are untouched, so a tab left
        # open while its owner signs up elsewhere keeps saving without a false conflict.
        Assessment.objects.filter(pk=draft.pk).update(
            organisation=organisation, created_by=user, answers=answers, updated=timezone.now()
        )
        claimed += 1
    return claimed


def guest_drafts_purge(*, now: Any = None) -> int:
    """Delete guests' drafts untouched for 30 days; signed-in users' drafts stay."""
    cutoff = (now or timezone.now()) - GUEST_DRAFT_MAX_AGE
    deleted, _ = Assessment.objects.filter(organisation__isnull=True, updated__lt=cutoff).delete()
    return deleted


def assessment_from_what_if(
    *, assessment: Assessment, answers: dict[str, Any], user: User
) -> Assessment:
    """Keep a what-if as a new, finished assessment beside the one it came from."""
    draft = Draft(answers, list(assessment.path_descriptions))
    new = Assessment.objects.create(
        organisation=assessment.organisation,
        created_by=user,
        title=assessment.title,
        answers=draft.answers,
        path_descriptions=draft.descriptions,
        furthest_step=STEP_COUNT + 1,
        copied_from=assessment,
    )
    saved = _write(new, expected_version=new.version, **_completion(draft))
    return _record_completion(saved, user)
