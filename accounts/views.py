"""Sign-up is ours; signing in and out and the password screens are Django's views."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import RedirectURLMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic.edit import FormView

from accounts.forms import SignUpForm, email_taken_error
from accounts.services import EmailTaken, account_sign_up


@method_decorator(
    [login_not_required, sensitive_post_parameters("password"), csrf_protect, never_cache],
    name="dispatch",
)
class SignUpView(RedirectURLMixin, FormView):
    """Open an account and its organisation, sign in, then go to a safe `next` or home."""

    form_class = SignUpForm
    template_name = "accounts/signup.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return redirect(settings.LOGIN_REDIRECT_URL)
        return super().dispatch(request, *args, **kwargs)

    def get_default_redirect_url(self) -> str:
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Like LoginView: the template carries a safe `next` through the POST.
        return super().get_context_data(
            **kwargs, **{self.redirect_field_name: self.get_redirect_url()}
        )

    def form_valid(self, form: SignUpForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            user = account_sign_up(
                email=data["email"],
                password=data["password"],
                organisation_name=data["organisation_name"],
                headcount=data["headcount"],
            )
        except EmailTaken:
            form.add_error("email", email_taken_error())
            return self.form_invalid(form)
        # Named because django-axes adds a second backend, which does not sign anyone in.
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Welcome to Hireframe. Your account is ready."))
        return HttpResponseRedirect(self.get_success_url())
