from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservabilityConfig(AppConfig):
    name = "observability"
    verbose_name = _("Metrics and logs")

    def ready(self) -> None:
        from observability import metrics

        metrics.connect_task_signals()
