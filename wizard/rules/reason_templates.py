"""The English templates of the engine's reasons: one per code, with the nouns that are
counted and the words of a fixed vocabulary they use (see `reason_text.py` for how a
reason is worded from them).

The templates are marked with `gettext_noop` and `ngettext` below, plain functions named so
that Django's makemessages (and the catalogue test) find them: nothing here imports Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final


def gettext_noop(message: str) -> str:
    """Marks an English template for the catalogue; returns it unchanged."""
    return message


def ngettext(singular: str, plural: str, number: int) -> tuple[str, str]:
    """Marks a count's singular and plural for the catalogue (the number is a dummy)."""
    return singular, plural


# (singular, plural, none): "%(n)s" is the number, written for the reader's language.
NOUNS: Final[Mapping[str, tuple[str, str, str]]] = {
    "labelled_example": (
        *ngettext("%(n)s labelled example", "%(n)s labelled examples", 1),
        gettext_noop("no labelled examples"),
    ),
    "year": (*ngettext("%(n)s year", "%(n)s years", 1), gettext_noop("no years")),
    "month": (*ngettext("%(n)s month", "%(n)s months", 1), gettext_noop("no months")),
    "path": (*ngettext("%(n)s path", "%(n)s paths", 1), gettext_noop("no paths")),
    "critical_path": (
        *ngettext("%(n)s critical path", "%(n)s critical paths", 1),
        gettext_noop("no critical paths"),
    ),
    "person": (*ngettext("%(n)s person", "%(n)s people", 1), gettext_noop("no people")),
    "system": (*ngettext("%(n)s system", "%(n)s systems", 1), gettext_noop("no systems")),
    "working_pilot": (
        *ngettext("%(n)s working pilot", "%(n)s working pilots", 1),
        gettext_noop("no working pilots"),
    ),
    "role": (*ngettext("%(n)s role", "%(n)s roles", 1), gettext_noop("no roles")),
    "ai_engineer": (
        *ngettext("%(n)s AI engineer", "%(n)s AI engineers", 1),
        gettext_noop("no AI engineers"),
    ),
    "other_ai_engineer": (
        *ngettext("%(n)s other AI engineer", "%(n)s other AI engineers", 1),
        gettext_noop("no other AI engineers"),
    ),
    "ml_engineer": (
        *ngettext("%(n)s ML engineer", "%(n)s ML engineers", 1),
        gettext_noop("no ML engineers"),
    ),
    "infrastructure_engineer": (
        *ngettext("%(n)s infrastructure engineer", "%(n)s infrastructure engineers", 1),
        gettext_noop("no infrastructure engineers"),
    ),
    "ai_infrastructure_engineer": (
        *ngettext("%(n)s AI infrastructure engineer", "%(n)s AI infrastructure engineers", 1),
        gettext_noop("no AI infrastructure engineers"),
    ),
    "ml_infrastructure_engineer": (
        *ngettext("%(n)s ML infrastructure engineer", "%(n)s ML infrastructure engineers", 1),
        gettext_noop("no ML infrastructure engineers"),
    ),
    "deferred_hire": (
        *ngettext("%(n)s deferred hire", "%(n)s deferred hires", 1),
        gettext_noop("no deferred hires"),
    ),
}

WORDS: Final[Mapping[str, str]] = {
    "startup": gettext_noop("startup"),
    "growth": gettext_noop("growth"),
    "enterprise": gettext_noop("enterprise"),
    "low": gettext_noop("low"),
    "medium": gettext_noop("medium"),
    "high": gettext_noop("high"),
    "level_1": gettext_noop("Exploration"),
    "level_2": gettext_noop("Pilot"),
    "level_3": gettext_noop("Production"),
    "level_4": gettext_noop("Optimisation"),
    "custom_ml": gettext_noop("a custom model"),
    "foundation_model": gettext_noop("a foundation model"),
    "gather_data": gettext_noop("gathering more labelled data first"),
}

# One English template per code; "%(key)s" are the parameters, "%%" a percent sign.
TEMPLATES: Final[Mapping[str, str]] = {
    # Parts that several reasons share.
    "level": gettext_noop("level %(level)s (%(name)s)"),
    "band.startup": gettext_noop("fewer than %(from)s people"),
    "band.growth": gettext_noop("%(from)s to %(to)s people"),
    "band.enterprise": gettext_noop("%(from)s people or more"),
    "cost_each": gettext_noop("%(people)s at %(cost)s"),
    # M: maturity.
    "M1.optimising": gettext_noop(
        "With %(systems)s in production and optimisation at scale under way, the answers "
        "point to %(level)s."
    ),
    "M1.production": gettext_noop(
        "With %(systems)s in production, the answers point to %(level)s."
    ),
    "M1.pilot": gettext_noop(
        "With %(pilots)s and nothing in production yet, the answers point to %(level)s."
    ),
    "M1.exploration": gettext_noop(
        "With no working pilots and nothing in production, the answers point to %(level)s."
    ),
    "M1.not_yet_optimising": gettext_noop(
        "%(evidence)s Optimising at scale counts only once a system is in production."
    ),
    "M2.agree": gettext_noop("You declared %(level)s too, so the two agree."),
    "M2.differ": gettext_noop(
        "You declared %(declared)s, which differs from the %(computed)s the answers point "
        "to; the plan uses the level you declared, so check which one is right."
    ),
    # S: stage.
    "S1": gettext_noop("With %(people)s, the organisation is at the %(stage)s stage (%(band)s)."),
    # V: a path's verdict, and its costs.
    "V1.gather": gettext_noop(
        "%(name)s has %(examples)s, short of the %(minimum)s a custom model needs, and no "
        "foundation model does the job well enough, so gather more labelled data before "
        "deciding."
    ),
    "V1.foundation": gettext_noop(
        "%(name)s has %(examples)s, short of the %(minimum)s a custom model needs; a "
        "foundation model does the job, so start with one."
    ),
    "V1.partly": gettext_noop(
        "%(name)s has %(examples)s, short of the %(minimum)s a custom model needs; a "
        "foundation model partly does the job, so start with one."
    ),
    "V2.never": gettext_noop(
        "Building %(name)s takes %(months)s, leaving no time in use within the "
        "%(horizon)s-year horizon, so a custom model could never pay back its build cost of "
        "%(build)s: use a foundation model."
    ),
    "V2": gettext_noop(
        "Over %(in_use)s in use, a custom model for %(name)s would bring a net value of "
        "%(net)s after its build cost of %(build)s; at an annual impact of %(impact)s it "
        "does not pay for itself, so use a foundation model."
    ),
    "V3": gettext_noop(
        "A foundation model already does the job for %(name)s and no one needs the model "
        "explained, while the net value of a custom model, %(net)s, is less than its build "
        "cost of %(build)s: too thin a margin to be worth it."
    ),
    "V4": gettext_noop(
        "%(name)s has %(examples)s and a custom model would bring a net value of %(net)s "
        "over %(in_use)s in use, against a build cost of %(build)s, so it is worth building."
    ),
    "V4.explained": gettext_noop(
        "%(name)s has %(examples)s and a custom model would bring a net value of %(net)s "
        "over %(in_use)s in use, against a build cost of %(build)s, so it is worth building. "
        "A foundation model would do the job, but a regulator or auditor needs the model "
        "explained."
    ),
    "V4.margin": gettext_noop(
        "%(name)s has %(examples)s and a custom model would bring a net value of %(net)s "
        "over %(in_use)s in use, against a build cost of %(build)s, so it is worth building. "
        "A foundation model would do the job, but the net value is at least the build cost, "
        "a wide enough margin."
    ),
    "V.cost": gettext_noop(
        "Building it takes %(months)s of an ML engineer at %(cost)s a year, so it costs "
        "%(build)s, then %(upkeep)s a year to keep up (%(maintenance)s maintenance)."
    ),
    "V.break_even": gettext_noop(
        "It breaks even at an annual impact of %(break_even)s; the answers give %(impact)s."
    ),
    # T: the team.
    "T1.none": gettext_noop(
        "No critical path justifies a custom model, so no ML engineer is needed now."
    ),
    "T1.justifies": gettext_noop("%(paths)s justifies"),
    "T1.justify": gettext_noop("%(paths)s justify"),
    "T1.allowed": gettext_noop(
        "%(paths)s a custom model, and both the %(stage)s stage (up to %(stage_cap)s) and "
        "%(level)s (up to %(level_cap)s) allow for that, so hire %(hire)s now."
    ),
    "T1.capped": gettext_noop("%(paths)s a custom model, but %(holder)s, %(now)s. %(lift)s"),
    "T1.level_limits": gettext_noop("%(level)s limits ML engineers to %(cap)s"),
    "T1.both_limit": gettext_noop(
        "both the %(stage)s stage and %(level)s limit ML engineers to %(cap)s"
    ),
    "T1.stage_limits": gettext_noop("the %(stage)s stage limits ML engineers to %(cap)s"),
    "T1.none_now": gettext_noop("so none is hired now"),
    "T1.hire_now": gettext_noop("so hire %(hire)s now"),
    "T1.lift.startup": gettext_noop("Reaching 20 people would lift the stage's limit."),
    "T1.lift.growth": gettext_noop("Reaching 100 people would lift the stage's limit."),
    "T1.lift.enterprise": gettext_noop(
        "No stage allows more, so the other justified paths queue behind higher-value ones."
    ),
    "T1.lift.production": gettext_noop(
        "Reaching production (level 3) would lift the level's limit."
    ),
    "T1.lift.optimisation": gettext_noop(
        "Reaching optimisation (level 4) would lift the level's limit."
    ),
    "T5.one_deferred": gettext_noop(
        "The ML engineer for that path is a deferred hire, made when the limit lifts."
    ),
    "T5.all_deferred": gettext_noop(
        "The ML engineers for those paths are deferred hires, highest net value first."
    ),
    "T5.one_staffed_one_waits": gettext_noop(
        "Ranked by net value, %(staffed)s is staffed now; the other %(waiting)s waits as a "
        "deferred hire."
    ),
    "T5.one_staffed_many_wait": gettext_noop(
        "Ranked by net value, %(staffed)s is staffed now; the other %(waiting)s wait as "
        "deferred hires."
    ),
    "T5.many_staffed_one_waits": gettext_noop(
        "Ranked by net value, %(staffed)s are staffed now; the other %(waiting)s waits as a "
        "deferred hire."
    ),
    "T5.many_staffed_many_wait": gettext_noop(
        "Ranked by net value, %(staffed)s are staffed now; the other %(waiting)s wait as "
        "deferred hires."
    ),
    "T2.bottom": gettext_noop(
        "Hire %(hire)s: the %(stage)s stage calls for %(low)s to %(high)s, and with "
        "%(paths)s and %(backing)s, the bottom of that range is enough."
    ),
    "T2.no_ml_to_back": gettext_noop("no ML engineer to back"),
    "T2.ml_to_back": gettext_noop("%(ml)s to back with %(per)s each"),
    "T2.driven": gettext_noop(
        "Hire %(hire)s: the %(stage)s stage calls for %(low)s to %(high)s, and %(driver)s "
        "takes it to %(count)s."
    ),
    "T2.capped": gettext_noop(
        "Hire %(hire)s: the %(stage)s stage calls for %(low)s to %(high)s; %(driver)s would "
        "mean %(needed)s, so the plan stops at the top."
    ),
    "T2.per_path": gettext_noop("one per critical path (%(paths)s)"),
    "T2.per_ml": gettext_noop("%(per)s for each ML engineer (%(needed)s)"),
    "T2.ratio": gettext_noop(
        "%(reason)s That keeps at least %(per)s AI engineers for every ML engineer, and the "
        "AI engineers come first."
    ),
    "T3.not_enterprise": gettext_noop(
        "No infrastructure engineers yet: they pay off at enterprise scale (%(band)s) with "
        "systems in production (level 3 or above)."
    ),
    "T3.below_production": gettext_noop(
        "No infrastructure engineers yet: the organisation is at enterprise scale but at "
        "%(level)s, and they pay off once systems are in production (level 3 or above)."
    ),
    "T3.hire": gettext_noop(
        "At enterprise scale with systems in production, hire %(ai_part)s and %(ml_part)s."
    ),
    "T3.ai_part": gettext_noop(
        "%(people)s (one looks after up to %(per)s AI engineers, and there are %(ai)s)"
    ),
    "T3.no_ml_part": gettext_noop(
        "no ML infrastructure engineer, as there is no ML engineer to support"
    ),
    "T3.ml_part_one": gettext_noop(
        "%(people)s (one looks after up to %(per)s ML engineers, and there is %(ml)s)"
    ),
    "T3.ml_part_many": gettext_noop(
        "%(people)s (one looks after up to %(per)s ML engineers, and there are %(ml)s)"
    ),
    "T4.applied": gettext_noop(
        "One of the AI engineers should be an applied AI engineer, who can judge when a "
        "custom model is worth it: at least one path needs a custom model or more labelled "
        "data first."
    ),
    "T4.none": gettext_noop(
        "No path needs a custom model or more labelled data, so an applied AI engineer is "
        "not needed yet."
    ),
    "T6": gettext_noop("Start with %(groups)s."),
    "T6.deferred": gettext_noop(
        "Start with %(groups)s. Deferred hires come after, once their triggers are met."
    ),
    "T6.applied": gettext_noop("the applied AI engineer"),
    # C: cost.
    "C1": gettext_noop("The team hired now costs %(total)s a year: %(parts)s a year each."),
    "C1.deferred": gettext_noop(
        "The team hired now costs %(total)s a year: %(parts)s a year each. Deferred hires "
        "are not counted until their triggers are met."
    ),
    # Q: roadmap.
    "Q1": gettext_noop(
        "Roles open in the hiring order, at most %(per_quarter)s a quarter, so the last one "
        "opens in quarter %(quarter)s."
    ),
    "Q2": gettext_noop(
        "Each person starts %(months)s after their role opens, so the whole team is in "
        "place by quarter %(quarter)s."
    ),
    "Q3": gettext_noop(
        "ML engineer roles open from quarter %(quarter)s, once the first AI engineer has "
        "started: AI engineers come first."
    ),
    "Q4": gettext_noop(
        "Infrastructure roles open from quarter %(quarter)s, once the last AI engineer has "
        "started, so there is an AI team for them to support."
    ),
    "Q5": gettext_noop(
        "The custom model for %(name)s goes live in quarter %(quarter)s, %(months)s after "
        "its ML engineer starts."
    ),
    "Q6.one": gettext_noop("The roadmap covers quarter 1."),
    "Q6.one_deferred": gettext_noop(
        "The roadmap covers quarter 1. Deferred hires are not on it: they wait for their triggers."
    ),
    "Q6": gettext_noop("The roadmap covers quarters 1 to %(last)s."),
    "Q6.deferred": gettext_noop(
        "The roadmap covers quarters 1 to %(last)s. Deferred hires are not on it: they wait "
        "for their triggers."
    ),
    # F: what would change the plan.
    "F1.more": gettext_noop(
        "At %(people)s, %(gap)s more than today, the %(stage)s stage applies and the team "
        "would be %(team)s."
    ),
    "F1.fewer": gettext_noop(
        "At %(people)s, %(gap)s fewer than today, the %(stage)s stage applies and the team "
        "would be %(team)s."
    ),
    "F2": gettext_noop(
        "At %(level)s, one level higher, the team would be %(team)s, with %(waiting)s."
    ),
    "F3.examples": gettext_noop(
        "%(name)s: with %(examples)s labelled examples, the verdict would be %(verdict)s."
    ),
    "F3.below": gettext_noop(
        "%(name)s: below an annual impact of %(at)s, %(verdict)s is the better choice."
    ),
    "F3.above": gettext_noop(
        "%(name)s: above an annual impact of %(at)s, %(verdict)s would pay its way."
    ),
    "team.ai_applied_one": gettext_noop("%(ai)s (applied)"),
    "team.ai_applied_some": gettext_noop("%(ai)s (%(applied)s of them applied)"),
    # D: the decision tree.
    "D.ai_first": gettext_noop(
        "As a cross-check, the decision tree says: hire an AI engineer first."
    ),
    "D.then_ml": gettext_noop(
        "As a cross-check, the decision tree says: hire an AI engineer first, then an ML engineer."
    ),
}
