from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from voices.models import Review
from voices.reviews import with_reviewed


class ReviewedFilter(admin.SimpleListFilter):
    """The assessments a second member has reviewed, or not yet."""

    title = _("reviewed")
    parameter_name = "reviewed"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("Reviewed")), ("no", _("Not reviewed"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        return with_reviewed(queryset, value) if value in ("yes", "no") else queryset


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("assessment", "reviewer_name", "created")
    list_select_related = ("assessment__organisation",)
    readonly_fields = ("assessment", "reviewer", "reviewer_name", "comment", "created")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
