"""The organisation's home page: its assessments, newest first.

It lives on the wizard's side because its body is the wizard's list; the organisation
checks come from orgs, so orgs never needs to know about assessments.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from orgs.forms import CurrencyForm
from orgs.models import Membership
from orgs.permissions import WRITE_ROLES, get_organisation_for_user
from voices.reviews import REVIEWED_CHOICES, with_reviewed
from wizard.selectors import assessments_for_organisation
from wizard.steps import STEP_COUNT

ASSESSMENTS_PER_PAGE = 20


@login_required
@require_GET
def organisation_home(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, membership = get_organisation_for_user(request, slug)
    reviewed = request.GET.get("reviewed", "")
    reviewed = reviewed if reviewed in REVIEWED_CHOICES else ""
    assessments = with_reviewed(assessments_for_organisation(organisation), reviewed)
    page = Paginator(assessments, ASSESSMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "orgs/home.html",
        {
            "organisation": organisation,
            "membership": membership,
            "can_write": membership.role in WRITE_ROLES,
            "can_delete": membership.role == Membership.Role.OWNER,
            "page": page,
            "step_count": STEP_COUNT,
            "reviewed": reviewed,
            "currency_form": CurrencyForm(initial={"currency": organisation.currency})
            if membership.role == Membership.Role.OWNER
            else None,
        },
    )
