from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from accounts.forms import EmailAuthenticationForm
from accounts.password_reset import ThrottledPasswordResetView
from accounts.views import SignUpView, confirm_email, confirm_resend, sign_up_sent

urlpatterns = [
    path("signup/", SignUpView.as_view(), name="signup"),
    path("signup/sent/", sign_up_sent, name="signup-sent"),
    path("confirm/", confirm_resend, name="confirm-resend"),
    path("confirm/<str:token>/", confirm_email, name="confirm-email"),
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=EmailAuthenticationForm),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
