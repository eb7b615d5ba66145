from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from orgs.models import Membership
from orgs.permissions import WRITE_ROLES, get_organisation_for_user
from wizard.selectors import assessments_for_organisation

ASSESSMENTS_PER_PAGE = 20


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """Where signing in leads: the user's organisation, or a choice of them."""
    memberships = list(
        Membership.objects.filter(user=request.user)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    if len(memberships) == 1:
        return redirect("organisation", slug=memberships[0].organisation.slug)
    return render(request, "orgs/choose.html", {"memberships": memberships})


@login_required
@require_GET
def organisation_home(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, membership = get_organisation_for_user(request, slug)
    page = Paginator(assessments_for_organisation(organisation), ASSESSMENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "orgs/home.html",
        {
            "organisation": organisation,
            "membership": membership,
            "can_write": membership.role in WRITE_ROLES,
            "can_delete": membership.role == Membership.Role.OWNER,
            "page": page,
        },
    )
