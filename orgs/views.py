"""The organisation's pages: the dashboard and the members page (its home, the list of
assessments, is the wizard's: wizard/organisation_page.py).

Every access decision is made in orgs/permissions.py; every write in orgs/services.py.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from orgs.forms import CurrencyForm, InvitationForm, RoleForm
from orgs.models import Invitation, Membership, Organisation
from orgs.permissions import (
    ORGANISATION_ROLES,
    can_manage_members,
    get_invitation_for_owner,
    get_member_for_owner,
    get_open_invitation,
    get_organisation_for_owner,
    get_organisation_for_user,
    membership_for,
)
from orgs.selectors import members_of, open_invitations_of
from orgs.services import (
    AddressUnconfirmed,
    AlreadyMember,
    InvitationClosed,
    LastOwner,
    NewInvitation,
    NotTheInvitee,
    acceptance_problem,
    invitation_accept,
    invitation_create,
    invitation_revoke,
    is_last_owner,
    membership_remove,
    membership_set_role,
    organisation_set_currency,
)


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """Where signing in leads: the user's organisation, or a choice of them."""
    memberships = list(
        Membership.objects.filter(user=request.user, role__in=ORGANISATION_ROLES)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    if not memberships and request.user.memberships.exists():
        # Only a respondent somewhere: their page is the rounds they were asked to answer.
        return redirect("rounds-mine")
    if len(memberships) == 1:
        return redirect("organisation", slug=memberships[0].organisation.slug)
    return render(request, "orgs/choose.html", {"memberships": memberships})


# An organisation always keeps an owner, who can invite people and manage roles.
LAST_OWNER_DEMOTE = gettext_lazy(
    "%(person)s is the only owner, so their role cannot change. Make someone else an owner first."
)
LAST_OWNER_REMOVE = gettext_lazy(
    "%(person)s is the only owner and cannot be removed. Make someone else an owner first."
)
LAST_OWNER_LEAVE = gettext_lazy(
    "You are the only owner, so you cannot leave yet. Make someone else an owner first."
)
LAST_OWNER_DEMOTE_SELF = gettext_lazy(
    "You are the only owner, so your role cannot change. Make someone else an owner first."
)
# The link of an invitation just made, kept until the members page shows it, once: the
# page that answers the POST is a redirect, so a refresh cannot invite twice.
NEW_INVITATION_SESSION_KEY = "new_invitation"


def _pop_new_invitation(request: HttpRequest, organisation: Organisation) -> NewInvitation | None:
    kept = request.session.pop(NEW_INVITATION_SESSION_KEY, None)
    if not kept:
        return None
    invitation = Invitation.objects.filter(pk=kept["pk"], organisation=organisation).first()
    if invitation is None:
        return None
    return NewInvitation(invitation=invitation, link=kept["link"], emailed=kept["emailed"])


def _members_page(
    request: HttpRequest,
    organisation: Organisation,
    membership: Membership,
    *,
    invite_form: InvitationForm | None = None,
    status: int = 200,
) -> HttpResponse:
    manage = can_manage_members(membership)
    context: dict[str, Any] = {
        "organisation": organisation,
        "membership": membership,
        "can_manage": manage,
        "members": members_of(organisation),
        "roles": Membership.Role.choices,
        "new_invitation": _pop_new_invitation(request, organisation) if manage else None,
        # The only owner can neither change their role nor leave: neither is offered.
        "sole_owner": is_last_owner(membership),
    }
    if manage:
        context["invite_form"] = invite_form or InvitationForm()
        context["invitations"] = open_invitations_of(organisation)
    return render(request, "orgs/members.html", context, status=status)


@login_required
@require_GET
def members(request: HttpRequest, slug: str) -> HttpResponse:
    organisation, membership = get_organisation_for_user(request, slug)
    return _members_page(request, organisation, membership)


@login_required
@require_POST
def member_invite(request: HttpRequest, slug: str) -> HttpResponse:
    """Create an invitation, then redirect to the members page, which shows its link once."""
    organisation, membership = get_organisation_for_owner(request, slug)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return _members_page(request, organisation, membership, invite_form=form, status=422)
    new = invitation_create(
        organisation=organisation,
        role=form.cleaned_data["role"],
        email=form.cleaned_data["email"],
        created_by=request.user,
        link_for=lambda token: request.build_absolute_uri(reverse("invite", args=[token])),
        request=request,
    )
    request.session[NEW_INVITATION_SESSION_KEY] = {
        "pk": new.invitation.pk,
        "link": new.link,
        "emailed": new.emailed,
    }
    return redirect("members", slug=slug)


@login_required
@require_POST
def organisation_currency(request: HttpRequest, slug: str) -> HttpResponse:
    """An owner changes the currency the organisation's reports are shown in."""
    organisation, _membership = get_organisation_for_owner(request, slug)
    form = CurrencyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the currencies offered."))
        return redirect("organisation", slug=slug)
    organisation_set_currency(
        organisation=organisation,
        currency=form.cleaned_data["currency"],
        actor=request.user,
        request=request,
    )
    messages.success(
        request,
        _("Reports are now shown in %(currency)s.")
        % {"currency": organisation.get_currency_display()},
    )
    return redirect("organisation", slug=slug)


@login_required
@require_POST
def member_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    acting, target = get_member_for_owner(request, slug, pk)
    yourself = target.pk == acting.pk
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose owner, editor or viewer."))
        return redirect("members", slug=slug)
    try:
        membership_set_role(
            membership=target, role=form.cleaned_data["role"], actor=request.user, request=request
        )
    except LastOwner:
        if yourself:
            messages.error(request, LAST_OWNER_DEMOTE_SELF)
        else:
            messages.error(request, LAST_OWNER_DEMOTE % {"person": target.user.email})
    else:
        role = target.get_role_display()
        if yourself:
            messages.success(request, _("Your role is now %(role)s.") % {"role": role})
        else:
            messages.success(
                request,
                _("%(person)s's role is now %(role)s.")
                % {"person": target.user.email, "role": role},
            )
    return redirect("members", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Ask first (GET), then take the member out of the organisation (POST)."""
    acting, target = get_member_for_owner(request, slug, pk)
    if target.pk == acting.pk:
        return redirect("organisation-leave", slug=slug)
    if request.method == "GET":
        return render(request, "orgs/member_remove.html", {"target": target})
    try:
        membership_remove(membership=target, actor=request.user, request=request)
    except LastOwner:
        messages.error(request, LAST_OWNER_REMOVE % {"person": target.user.email})
    else:
        messages.success(
            request,
            _("%(person)s no longer has access to %(organisation)s.")
            % {"person": target.user.email, "organisation": target.organisation.name},
        )
    return redirect("members", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_leave(request: HttpRequest, slug: str) -> HttpResponse:
    """Any member may leave, except the last owner."""
    organisation, membership = get_organisation_for_user(request, slug)
    if request.method == "GET":
        context = {"membership": membership, "sole_owner": is_last_owner(membership)}
        return render(request, "orgs/leave.html", context)
    try:
        membership_remove(membership=membership, actor=request.user, request=request)
    except LastOwner:
        messages.error(request, LAST_OWNER_LEAVE)
        return redirect("members", slug=slug)
    messages.success(request, _("You have left %(name)s.") % {"name": organisation.name})
    return redirect("dashboard")


@login_required
@require_POST
def invitation_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    invitation, _membership = get_invitation_for_owner(request, slug, pk)
    invitation_revoke(invitation=invitation, actor=request.user, request=request)
    messages.success(request, _("The invitation was withdrawn; its link no longer works."))
    return redirect("members", slug=slug)


@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee's page: sign in or sign up first, then join with one button.

    Joining is a POST, so a link or an image on another site cannot add a signed-in
    visitor to an organisation without their say.
    """
    invitation = get_open_invitation(token)
    if request.method == "GET":
        problem = None
        if request.user.is_authenticated:
            problem = acceptance_problem(invitation, request.user)
        context = {
            "invitation": invitation,
            "already_member": membership_for(request, invitation.organisation) is not None,
            "not_the_invitee": problem is NotTheInvitee,
            "unconfirmed": problem is AddressUnconfirmed,
        }
        return render(request, "orgs/invite.html", context)
    if not request.user.is_authenticated:
        return redirect_to_login(request.path)
    organisation = invitation.organisation
    try:
        invitation_accept(invitation=invitation, user=request.user, request=request)
    except AlreadyMember:
        messages.info(
            request, _("You are already a member of %(name)s.") % {"name": organisation.name}
        )
    except (NotTheInvitee, AddressUnconfirmed):
        # The page explains what to do (sign in as the invitee, or confirm the address).
        return redirect("invite", token=token)
    except InvitationClosed:
        raise Http404 from None
    else:
        messages.success(request, _("Welcome to %(name)s.") % {"name": organisation.name})
    if invitation.role == Membership.Role.RESPONDENT:
        return redirect("rounds-mine")  # the round they were asked to answer
    return redirect("organisation", slug=organisation.slug)
