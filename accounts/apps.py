from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from accounts.middleware import note_sign_in

        user_logged_in.connect(note_sign_in, dispatch_uid="accounts.note_sign_in")

        from config.viewer_locale import remember_language_on_sign_in

        user_logged_in.connect(
            remember_language_on_sign_in, dispatch_uid="accounts.remember_language"
        )
