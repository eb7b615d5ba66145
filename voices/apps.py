from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoicesConfig(AppConfig):
    """Several voices on one assessment: rounds of answers, their consensus, and reviews."""

    name = "voices"
    verbose_name = _("Rounds and reviews")
