"""What the report says about a round: who answered, whether anyone's answers would
change the plan (and which answer), and the notes appendix unless the organiser hid it."""

from __future__ import annotations

from typing import Any

from django.db.models import Subquery

from voices.consensus_page import consensus_page, field_label, submitted_respondents
from voices.models import Round
from voices.notes import round_notes
from wizard.models import Assessment


def _applied_rounds(assessment: Assessment) -> Any:
    return Round.objects.filter(assessment=assessment, applied__isnull=False).order_by(
        "-applied", "-id"
    )


def for_report(assessment: Assessment) -> dict[str, Any]:
    """The review and the round summary for the report, in one query when there is no
    round (the usual case): the review comes with the id of the last applied round."""
    row = (
        Assessment.objects.filter(pk=assessment.pk)
        .select_related("review")
        .annotate(last_round=Subquery(_applied_rounds(assessment).values("pk")[:1]))
        .only("pk", "review")
        .first()
    )
    review = getattr(row, "review", None) if row is not None else None
    summary = None
    if row is not None and row.last_round is not None:
        summary = round_report(assessment)
    return {"review": review, "round_report": summary}


def round_report(assessment: Assessment) -> dict[str, Any] | None:
    """The last round whose consensus went into this assessment, for the report; None
    when its answers came from one person."""
    round_ = _applied_rounds(assessment).first()
    if round_ is None:
        return None
    respondents = submitted_respondents(round_)
    if not respondents:
        return None
    page = consensus_page(round_, respondents)
    return {
        "round": round_,
        "names": [r.label for r in respondents],
        "anyone_changes_plan": page.impact.anyone_changes_plan,
        "summaries": page.summaries(),
        "notes": [] if round_.notes_hidden else round_notes(round_, respondents),
    }


def round_export(assessment: Assessment) -> dict[str, Any] | None:
    """The round's part of the JSON export: who answered, whose answers change the plan,
    and the notes (unless hidden)."""
    summary = round_report(assessment)
    if summary is None:
        return None
    return {
        "respondents": [
            {
                "name": name,
                "changes_plan": impact.changes_plan,
                "what_changes": sentences,
            }
            for name, (impact, sentences) in zip(
                summary["names"], summary["summaries"], strict=True
            )
        ],
        "notes": [
            {"by": row.who, "answer": row.answer, "note": row.note, "link": row.link}
            for row in summary["notes"]
        ],
    }


def path_notes(assessment: Assessment) -> dict[str, str]:
    """The notes on each path's answers, one text per path name (key), for the CSV."""
    round_ = _applied_rounds(assessment).first()
    if round_ is None or round_.notes_hidden:
        return {}
    found: dict[str, list[str]] = {}
    owners: list[tuple[str, dict[str, Any]]] = [("", round_.notes)]
    owners += [(r.label, r.notes) for r in submitted_respondents(round_)]
    for who, notes in owners:
        for key, value in sorted(notes.items()):
            place, _sep, name = key.partition("|")
            if place == "maturity":
                continue
            text = f"{who + ', ' if who else ''}{field_label(name)}: {value['note']}"
            if value.get("link"):
                text += f" <{value['link']}>"
            found.setdefault(place, []).append(text)
    return {place: "; ".join(texts) for place, texts in found.items()}
