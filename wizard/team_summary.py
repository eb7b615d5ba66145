"""A one-line summary of a plan's team, for lists: "4 AI (1 applied) · 1 ML · 2 infra"."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def team_summary(team: dict[str, Any]) -> str:
    parts = [_("%(n)s AI") % {"n": team["ai_engineers"]}]
    if team["applied_ai_engineers"]:
        parts[0] += _(" (%(n)s applied)") % {"n": team["applied_ai_engineers"]}
    if team["ml_engineers"]:
        parts.append(_("%(n)s ML") % {"n": team["ml_engineers"]})
    infra = team["ml_infra_engineers"] + team["ai_infra_engineers"]
    if infra:
        parts.append(_("%(n)s infra") % {"n": infra})
    return " · ".join(parts)
