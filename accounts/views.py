"""Sign-up and address confirmation are ours; signing in and out and the password screens
are Django's views."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import RedirectURLMixin
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import Resolver404, resolve
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.generic.edit import FormView

from accounts.confirmation import confirmation_for
from accounts.forms import ResendConfirmationForm, SignUpForm
from accounts.services import (
    account_sign_up,
    confirmation_resend,
    confirmation_send,
    email_confirm,
)
from orgs.models import Invitation
from orgs.permissions import get_open_invitation
from wizard.access import guest_draft_codes
from wizard.answers_draft import has_headcount
from wizard.models import Assessment
from wizard.rate_limit import over_limit
from wizard.services import guest_drafts_claim

# Sign-ups and confirmation emails one client may ask for in a minute: enough for typos,
# too few to use the form to send mail to strangers or to sweep for addresses.
SIGN_UPS_PER_MINUTE = 5
CONFIRMATIONS_PER_MINUTE = 3
# Where "check your email" finds the address it names and the page to go back to.
SIGN_UP_SENT_SESSION_KEY = "sign_up_sent"
# The login backend to name: django-axes adds a second one, which signs nobody in.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def safe_next(request: HttpRequest, url: str) -> str:
    """`url` if it leads to a page of this site, else ""."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def invitation_in(next_url: str) -> Invitation | None:
    """The open invitation a `next` URL leads to, if it leads to one."""
    try:
        match = resolve(urlsplit(next_url).path)
    except Resolver404:
        return None
    if match.url_name != "invite":
        return None
    try:
        return get_open_invitation(match.kwargs["token"])
    except Http404:
        return None


def _draft_headcount(request: HttpRequest) -> int | None:
    """The headcount a guest already gave in their latest draft, if they gave one."""
    drafts = Assessment.objects.filter(
        code__in=guest_draft_codes(request), organisation__isnull=True
    ).order_by("-updated")
    for draft in drafts:
        if has_headcount(draft.answers):
            return int(draft.answers["organisation"]["headcount"])
    return None


@method_decorator(
    [login_not_required, sensitive_post_parameters("password"), csrf_protect, never_cache],
    name="dispatch",
)
class SignUpView(RedirectURLMixin, FormView):
    """Open an account (and its organisation, unless invited into one), then ask the
    person to confirm their address; the confirmation link leads to a safe `next`."""

    form_class = SignUpForm
    template_name = "accounts/signup.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return redirect(settings.LOGIN_REDIRECT_URL)
        self.invitation = invitation_in(self.get_redirect_url())
        self.draft_codes = guest_draft_codes(request)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Every attempt counts, valid or not, so the form cannot be used to probe at speed.
        if over_limit(request, scope="signup", per_minute=SIGN_UPS_PER_MINUTE):
            form = self.get_form()
            form.add_error(
                None, _("Too many sign-ups from your network. Wait a minute and try again.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        invitation = self.invitation
        return {
            **super().get_form_kwargs(),
            "invited": invitation is not None,
            "invited_email": invitation.email if invitation else "",
            "draft_headcount": None if invitation else _draft_headcount(self.request),
        }

    def get_default_redirect_url(self) -> str:
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Like LoginView: the template carries a safe `next` through the POST.
        return super().get_context_data(
            **kwargs,
            **{self.redirect_field_name: self.get_redirect_url()},
            invitation=self.invitation,
            keeps_draft=bool(self.draft_codes) and self.invitation is None,
        )

    def form_valid(self, form: SignUpForm) -> HttpResponse:
        data = form.cleaned_data
        next_url = self.get_redirect_url()
        # A new address and a taken one are answered alike: the email says which it was.
        account_sign_up(
            email=data["email"],
            password=data["password"],
            organisation_name=data.get("organisation_name", ""),
            headcount=form.organisation_headcount(),
            currency=data.get("currency", "GBP"),
            next_url=next_url,
            draft_codes=[] if self.invitation else self.draft_codes,
            absolute_url=self.request.build_absolute_uri,
        )
        self.request.session[SIGN_UP_SENT_SESSION_KEY] = {"email": data["email"], "next": next_url}
        return redirect("signup-sent")


@login_not_required
@never_cache
@require_http_methods(["GET"])
def sign_up_sent(request: HttpRequest) -> HttpResponse:
    """ "Check your email": the one answer to every sign-up."""
    sent = request.session.get(SIGN_UP_SENT_SESSION_KEY) or {}
    context = {
        "email": sent.get("email", ""),
        "next": safe_next(request, sent.get("next", "")),
        "form": ResendConfirmationForm(initial={"email": sent.get("email", "")}),
    }
    return render(request, "accounts/signup_sent.html", context)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm an address from the emailed link: a page with a button (GET), so a mail
    scanner that opens links does not use it up, then confirm and sign in (POST)."""
    confirmation = confirmation_for(token)
    if confirmation is None:
        return render(request, "accounts/confirm.html", {"confirmation": None}, status=404)
    if request.method == "GET":
        return render(request, "accounts/confirm.html", {"confirmation": confirmation})
    user = email_confirm(user=confirmation.user)
    login(request, user, backend=MODEL_BACKEND)
    # The drafts named in the link follow the account even into another browser.
    guest_drafts_claim(user=user, codes=confirmation.draft_codes)
    messages.success(request, _("Your email address is confirmed. Welcome to Hireframe."))
    return HttpResponseRedirect(
        safe_next(request, confirmation.next_url) or resolve_url(settings.LOGIN_REDIRECT_URL)
    )


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def confirm_resend(request: HttpRequest) -> HttpResponse:
    """Ask for a new confirmation link: for your own address when signed in, else for the
    address typed. The answer is the same whether or not the address has an account."""
    user = request.user if request.user.is_authenticated else None
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next", ""))
    form = ResendConfirmationForm(request.POST or None) if user is None else None
    if request.method == "POST":
        if over_limit(request, scope="confirm", per_minute=CONFIRMATIONS_PER_MINUTE):
            messages.error(request, _("Too many requests. Wait a minute and try again."))
            return _resend_page(request, form, next_url, status=429)
        if user is not None:
            confirmation_send(user=user, absolute_url=request.build_absolute_uri, next_url=next_url)
        elif form is not None and form.is_valid():
            confirmation_resend(
                email=form.cleaned_data["email"], absolute_url=request.build_absolute_uri
            )
        else:
            return _resend_page(request, form, next_url, status=422)
        if user is not None:
            sent = _("We have sent a new link to %(email)s.") % {"email": user.email}
        else:
            sent = _(
                "If an account with that address is waiting to be confirmed, a new link is "
                "on its way. It can take a few minutes to arrive."
            )
        messages.success(request, sent)
        return redirect(next_url or "confirm-resend")
    return _resend_page(request, form, next_url)


def _resend_page(
    request: HttpRequest, form: ResendConfirmationForm | None, next_url: str, *, status: int = 200
) -> HttpResponse:
    return render(
        request, "accounts/confirm_resend.html", {"form": form, "next": next_url}, status=status
    )
