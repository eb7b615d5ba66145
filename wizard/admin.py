"""Past assessments in the admin, for the reviewer: find, open the report, export.

Built to stay fast on a million rows: no full COUNT (LargeTablePaginator), filters with
fixed choices (no DISTINCT scan to list them), search resolved against the small
organisation and user tables first, sorting only by `created` (indexed as
docs/admin-scale.md recommends), and no date hierarchy (its list of years is a DISTINCT
over the whole table). docs/admin-scale.md has the figures.
"""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import Iterator
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from audit.models import Action
from audit.services import audit_record
from config.large_table_pagination import LargeTablePaginator
from orgs.models import Organisation
from voices.admin import ReviewedFilter
from wizard import labels
from wizard.models import Assessment
from wizard.report.context import report_context
from wizard.services import assessment_delete

# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Beyond this many matching organisations or users, the search lets the database join.
SEARCH_ID_LIMIT = 500


class MaturityLevelFilter(admin.SimpleListFilter):
    title = _("maturity level")
    parameter_name = "maturity_level"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return labels.LEVEL_CHOICES

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(maturity_level=int(value))
        return queryset


class StageFilter(admin.SimpleListFilter):
    title = _("stage")
    parameter_name = "stage"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return list(labels.STAGES.items())

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(stage=self.value()) if self.value() else queryset


class AssessmentChangeList(ChangeList):
    def get_queryset(self, request: HttpRequest, exclude_parameters: Any = None) -> QuerySet:
        # The list shows none of the JSON columns; leave them (often kilobytes) unread.
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.defer("answers", "plan", "path_descriptions")


def _pretty_json(value: Any) -> str:
    if value in (None, {}, []):
        return "—"
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _Echo:
    """A file-like object csv.writer can write to; each write returns the line."""

    def write(self, value: str) -> str:
        return value


def assessment_csv_lines(queryset: QuerySet) -> Iterator[str]:
    """The CSV export, one line at a time, reading the database in chunks.

    Labels are translated now, in the request's language: the lines are produced later,
    while the response streams."""
    writer = csv.writer(_Echo())
    statuses = {value: str(label) for value, label in Assessment.Status.choices}
    stages = {value: str(label) for value, label in labels.STAGES.items()}
    header = writer.writerow(
        [
            gettext("Code"),
            gettext("Organisation"),
            gettext("Status"),
            gettext("Maturity level"),
            gettext("Stage"),
            *[str(label) for label in labels.TEAM_COUNTS.values()],
            gettext("Created (UTC)"),
            gettext("Completed (UTC)"),
            gettext("Created by"),
        ]
    )
    rows = queryset.order_by("-created", "-id").values_list(
        "code",
        "organisation__name",
        "status",
        "maturity_level",
        "stage",
        *[f"plan__team__{key}" for key in labels.TEAM_COUNTS],
        "created",
        "completed",
        "created_by__email",
    )

    def lines() -> Iterator[str]:
        yield header
        for code, organisation, status, level, stage, *rest in rows.iterator(chunk_size=2000):
            *team, created, completed, creator = rest
            cells = (
                str(code),
                organisation,
                statuses.get(status, status),
                level,
                stages.get(stage, stage),
                *team,
                _utc(created),
                _utc(completed),
                creator,
            )
            yield writer.writerow([_csv_cell(value) for value in cells])

    return lines()


def _utc(moment: Any) -> str:
    return moment.astimezone(timezone.UTC).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


def _ids_matching_every_word(queryset: QuerySet, lookup: str, words: list[str]) -> Any:
    """The ids of the (small) table's rows matching every word: a list the database looks
    up by index, or, when there are very many, a subquery."""
    matching = queryset.order_by()
    for word in words:
        matching = matching.filter(**{lookup: word})
    matching = matching.values_list("pk", flat=True)
    ids = list(matching[: SEARCH_ID_LIMIT + 1])
    return matching if len(ids) > SEARCH_ID_LIMIT else ids


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    # Few, narrow columns, so the list fits 1280 px: the title names the organisation.
    list_display = (
        "__str__",
        "status",
        "level_label",
        "stage_label",
        "team_summary",
        "creator_email",
        "created",
        "report_link",
    )
    list_filter = (
        "status",
        MaturityLevelFilter,
        StageFilter,
        ReviewedFilter,
        ("created", admin.DateFieldListFilter),
    )
    list_select_related = ("organisation", "created_by")
    # Only `created` has an index to sort a million rows by.
    sortable_by = ("created",)
    search_fields = ("organisation__name", "created_by__email")
    search_help_text = _("An organisation's name, the creator's email, or an assessment's code.")
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    paginator = LargeTablePaginator
    actions = ("export_csv",)
    fieldsets = (
        (
            None,
            {"fields": ("code", "title", "organisation", "created_by", "status", "report_link")},
        ),
        (
            _("Result"),
            {
                "fields": (
                    "level_label",
                    "stage_label",
                    "team_summary",
                    "rules_version",
                    "completed",
                )
            },
        ),
        (_("Progress"), {"fields": ("furthest_step", "version", "copied_from", "created")}),
        (_("Plan snapshot"), {"fields": ("plan_pretty",), "classes": ("collapse",)}),
        (_("Answers"), {"fields": ("answers_pretty",), "classes": ("collapse",)}),
    )
    readonly_fields = (
        "code",
        "title",
        "organisation",
        "created_by",
        "status",
        "report_link",
        "level_label",
        "stage_label",
        "team_summary",
        "rules_version",
        "completed",
        "furthest_step",
        "version",
        "copied_from",
        "created",
        "plan_pretty",
        "answers_pretty",
    )

    # --- Permissions: assessments are made by the wizard and read here ------------------
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_actions(
        self, request: HttpRequest, action_location: ActionLocation = ActionLocation.CHANGE_LIST
    ) -> dict[str, Any]:
        actions = super().get_actions(request, action_location=action_location)
        # Its confirmation page gathers every related object of the selection in memory,
        # which a "select all" across a large table turns into minutes; delete one at a time.
        actions.pop("delete_selected", None)
        return actions

    def delete_model(self, request: HttpRequest, obj: Assessment) -> None:
        assessment_delete(assessment=obj, actor=request.user, request=request, via="admin")

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        # Bulk delete is off (see get_actions); should it be offered, each row still goes
        # through the service and its audit row.
        for assessment in queryset.select_related("organisation"):
            self.delete_model(request, assessment)

    # --- The list -------------------------------------------------------------------------
    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return AssessmentChangeList

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        """Assessments whose organisation's name, or whose creator's email, contains every
        word; a whole UUID finds that one assessment. The matching organisations and users
        are found first, in their small tables, so the big one is read by index instead
        of joined row by row (docs/admin-scale.md)."""
        term = search_term.strip()
        if not term:
            return queryset, False
        try:
            return queryset.filter(code=uuid.UUID(term)), False
        except ValueError:
            pass
        words = [
            unescape_string_literal(bit) if bit[0] in "\"'" and bit[0] == bit[-1] else bit
            for bit in smart_split(term)
        ]
        organisations = _ids_matching_every_word(Organisation.objects, "name__icontains", words)
        users = _ids_matching_every_word(User.objects, "email__icontains", words)
        return queryset.filter(
            Q(organisation_id__in=organisations) | Q(created_by_id__in=users)
        ), False

    @admin.display(description=_("maturity level"))
    def level_label(self, assessment: Assessment) -> str:
        return labels.label(labels.NUMBERED_LEVELS, assessment.maturity_level) or "—"

    @admin.display(description=_("stage"))
    def stage_label(self, assessment: Assessment) -> str:
        return labels.label(labels.STAGES, assessment.stage) or "—"

    @admin.display(description=_("created by"))
    def creator_email(self, assessment: Assessment) -> str:
        return assessment.created_by.email if assessment.created_by else ""

    @admin.display(description=_("report"))
    def report_link(self, assessment: Assessment) -> str:
        if not assessment.is_complete:
            return "—"
        url = reverse("admin:wizard_assessment_report", args=[assessment.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Open the report"))

    @admin.display(description=_("plan snapshot"))
    def plan_pretty(self, assessment: Assessment) -> str:
        return _pretty_json(assessment.plan)

    @admin.display(description=_("answers"))
    def answers_pretty(self, assessment: Assessment) -> str:
        return _pretty_json(
            {**assessment.answers, "path_descriptions": assessment.path_descriptions}
        )

    # --- Export ---------------------------------------------------------------------------
    @admin.action(description=_("Export selected as CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> StreamingHttpResponse:
        """Streamed, so exporting every matching row holds only a chunk in memory."""
        selected = request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME)
        across = request.POST.get("select_across") == "1"
        audit_record(
            action=Action.ASSESSMENTS_EXPORTED,
            request=request,
            details={
                "format": "csv",
                "selection": "all matching" if across else len(selected),
                "filters": request.GET.urlencode(),
            },
        )
        response = StreamingHttpResponse(
            assessment_csv_lines(queryset), content_type="text/csv; charset=utf-8"
        )
        filename = f"hireframe-assessments-{timezone.now():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    # --- The report, for staff who are not members ----------------------------------------
    def get_urls(self) -> list[Any]:
        report = path(
            "<path:object_id>/report/",
            self.admin_site.admin_view(self.report_view),
            name="wizard_assessment_report",
        )
        return [report, *super().get_urls()]

    def report_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The member's report page, as staff see it: same template, no member controls."""
        assessment = self.get_object(request, unquote(object_id))
        if assessment is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, assessment):
            raise PermissionDenied
        if not assessment.is_complete:
            messages.info(request, gettext("This assessment is a draft: it has no report yet."))
            return redirect("admin:wizard_assessment_change", assessment.pk)
        context = {
            **report_context(assessment),
            "assessment": assessment,
            "access": None,
            "admin_preview": True,
        }
        return render(request, "wizard/report.html", context)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("organisation", "created_by")
