"""The audit log in the admin: to read and search, never to change."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.models import Action, AuditEvent
from config.large_table_pagination import LargeTablePaginator


class ActionFilter(admin.SimpleListFilter):
    """The known actions, listed without a DISTINCT query over the whole log."""

    title = _("action")
    parameter_name = "action"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return list(Action.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("when", "action_label", "actor_email", "organisation", "target", "ip_address")
    list_filter = (ActionFilter, ("when", admin.DateFieldListFilter))
    search_fields = ("actor_email", "target")
    date_hierarchy = "when"
    list_select_related = ("organisation",)
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    paginator = LargeTablePaginator
    actions = None
    fields = (
        "when",
        "action_label",
        "actor",
        "actor_email",
        "organisation",
        "target",
        "details_pretty",
        "ip_address",
    )
    readonly_fields = fields

    @admin.display(description=_("action"), ordering="action")
    def action_label(self, event: AuditEvent) -> str:
        return event.get_action_display()

    @admin.display(description=_("details"))
    def details_pretty(self, event: AuditEvent) -> str:
        return format_html("<pre>{}</pre>", json.dumps(event.details, indent=2, ensure_ascii=False))

    # The log is a record: nobody adds, edits or removes entries, not even a superuser.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
