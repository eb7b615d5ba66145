"""Rule S1: the organisation's stage, from its headcount."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from wizard.rules.reason_text import Count, Phrase, Reason, Word, phrase, reason

Stage = Literal["startup", "growth", "enterprise"]

STAGES: Final[tuple[Stage, ...]] = ("startup", "growth", "enterprise")
# Half-open bands: growth starts at 20 people, enterprise at 100.
GROWTH_FROM: Final = 20
ENTERPRISE_FROM: Final = 100

STAGE_BANDS: Final[Mapping[Stage, str]] = {
    "startup": f"fewer than {GROWTH_FROM} people",
    "growth": f"{GROWTH_FROM} to {ENTERPRISE_FROM - 1} people",
    "enterprise": f"{ENTERPRISE_FROM} people or more",
}


def stage_for(headcount: int) -> Stage:
    """S1: startup below 20 people, growth from 20 to 99, enterprise from 100."""
    if headcount < GROWTH_FROM:
        return "startup"
    if headcount < ENTERPRISE_FROM:
        return "growth"
    return "enterprise"


def stage_band(stage: Stage) -> Phrase:
    """The stage's band of headcounts, as a phrase: "20 to 99 people"."""
    if stage == "startup":
        return phrase("band.startup", **{"from": GROWTH_FROM})
    if stage == "growth":
        return phrase("band.growth", **{"from": GROWTH_FROM, "to": ENTERPRISE_FROM - 1})
    return phrase("band.enterprise", **{"from": ENTERPRISE_FROM})


def stage_reason(headcount: int, stage: Stage) -> Reason:
    """Why the organisation is at `stage`."""
    return reason(
        "S1", people=Count(headcount, "person"), stage=Word(stage), band=stage_band(stage)
    )
