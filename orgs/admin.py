"""Organisations and their members in the admin. Membership changes made here go into the
audit log, as the same changes made in the app do."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, BaseModelForm, BaseModelFormSet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from audit.models import Action
from audit.services import audit_record
from orgs.models import Membership, Organisation
from orgs.services import is_last_owner


def _record_membership(
    request: HttpRequest, membership: Membership, action: Action, **details: Any
) -> None:
    audit_record(
        action=action,
        request=request,
        organisation=membership.organisation,
        target=membership.user.email,
        details={"via": "admin", "role": membership.role, **details},
    )


def _record_membership_save(
    request: HttpRequest, membership: Membership, form: BaseModelForm, *, change: bool
) -> None:
    if not change:
        _record_membership(request, membership, Action.MEMBER_ADDED)
    elif "user" in form.changed_data or "organisation" in form.changed_data:
        # Moving a membership to someone (or somewhere) else: one removed, one added.
        previous = Membership(
            user_id=form.initial.get("user", membership.user_id),
            organisation_id=form.initial.get("organisation", membership.organisation_id),
            role=form.initial.get("role", membership.role),
        )
        _record_membership(request, previous, Action.MEMBER_REMOVED)
        _record_membership(request, membership, Action.MEMBER_ADDED)
    elif "role" in form.changed_data:
        _record_membership(
            request,
            membership,
            Action.MEMBER_ROLE_CHANGED,
            **{"from": form.initial["role"], "to": membership.role},
        )


class MembershipInlineFormSet(BaseInlineFormSet):
    """The admin keeps the app's rule: an organisation always has an owner."""

    def clean(self) -> None:
        super().clean()
        owners = [
            form
            for form in self.forms
            if form.cleaned_data
            and not self._should_delete_form(form)
            and form.cleaned_data.get("role") == Membership.Role.OWNER
        ]
        if self.instance.pk and not owners:
            raise ValidationError(_("An organisation needs at least one owner."))


class MembershipInline(admin.TabularInline):
    model = Membership
    formset = MembershipInlineFormSet
    extra = 0
    fields = ("user", "role", "created")
    readonly_fields = ("created",)
    autocomplete_fields = ("user",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "headcount", "currency", "created")
    list_filter = ("currency",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    show_facets = admin.ShowFacets.NEVER
    inlines = (MembershipInline,)

    def save_formset(
        self, request: HttpRequest, form: BaseModelForm, formset: BaseModelFormSet, change: bool
    ) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is not Membership:
            return
        for membership in formset.new_objects:
            _record_membership(request, membership, Action.MEMBER_ADDED)
        for membership, _fields in formset.changed_objects:
            member_form = next(f for f in formset.forms if f.instance is membership)
            _record_membership_save(request, membership, member_form, change=True)
        for membership in formset.deleted_objects:
            _record_membership(request, membership, Action.MEMBER_REMOVED)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "created")
    list_filter = ("role",)
    search_fields = ("user__email", "organisation__name")
    list_select_related = ("user", "organisation")
    autocomplete_fields = ("user", "organisation")
    show_facets = admin.ShowFacets.NEVER

    actions = None  # no bulk delete: each removal is checked against the last-owner rule

    def get_readonly_fields(self, request: HttpRequest, obj: Membership | None = None) -> Any:
        # Moving a membership, or demoting the last owner, would bypass the owner rule;
        # roles change on the organisation's page (its members inline) instead.
        return ("user", "organisation", "role") if obj else ()

    def has_delete_permission(self, request: HttpRequest, obj: Membership | None = None) -> bool:
        if obj is not None and is_last_owner(obj):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(
        self, request: HttpRequest, obj: Membership, form: BaseModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        _record_membership_save(request, obj, form, change=change)

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        _record_membership(request, obj, Action.MEMBER_REMOVED)
        super().delete_model(request, obj)
