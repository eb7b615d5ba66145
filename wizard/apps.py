from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WizardConfig(AppConfig):
    name = "wizard"
    verbose_name = _("Hiring wizard")

    def ready(self) -> None:
        from wizard import signals  # noqa: F401 - connects the receivers
