"""Would anyone's answers change the plan? Checked against the rules worked by hand.

Northwind here has 150 people (enterprise) with one system in production (level 3), and
one path, churn prediction: 50,000 labelled examples and a large impact, so custom ML.
By hand (docs/rules.md): T1 ML engineers = min(1 justified, enterprise cap 3, level-3 cap 1)
= 1; T2 AI engineers = clamp(max(8, 1, 3), 8, 12) = 8; T3 one AI- and one ML-infrastructure
engineer; T4 one applied AI engineer.
"""

from __future__ import annotations

from tests.rules.test_consensus import BASE, answers, churn
from wizard.rules.consensus import consensus_of
from wizard.rules.plan_impact import Decisive, VerdictDifference, plan_impact
from wizard.rules.team import Team

CONSENSUS_TEAM = Team(
    ai_engineers=8,
    applied_ai_engineers=1,
    ml_engineers=1,
    ml_infra_engineers=1,
    ai_infra_engineers=1,
)


def test_the_consensus_plan_is_the_one_worked_by_hand():
    result = plan_impact(consensus_of({"ann": answers(), "ben": answers()}), BASE)
    assert result.plan.team == CONSENSUS_TEAM
    assert [p.verdict for p in result.plan.paths] == ["custom_ml"]
    assert not result.anyone_changes_plan


def test_too_few_labelled_examples_in_one_answer_changes_the_verdict_and_the_team():
    """Cat says 5,000 examples: V1 gives a foundation model, so no ML engineer (T1 = 0),
    no ML-infrastructure engineer (T3) and no applied AI engineer (T4); her examples
    answer alone makes the difference."""
    round_ = consensus_of(
        {
            "ann": answers(),
            "ben": answers(),
            "cat": answers(paths=[churn(labelled_examples=5_000)]),
        }
    )
    result = plan_impact(round_, BASE)
    ann, ben, cat = result.respondents
    assert not ann.changes_plan and not ben.changes_plan
    assert cat.team == Team(
        ai_engineers=8,
        applied_ai_engineers=0,
        ml_engineers=0,
        ml_infra_engineers=0,
        ai_infra_engineers=1,
    )
    assert cat.team_differs
    assert cat.verdicts == (VerdictDifference("Churn prediction", "custom_ml", "foundation_model"),)
    assert cat.decisive == (Decisive("Churn prediction", "labelled_examples", 5_000, 50_000),)


def test_a_difference_that_changes_nothing_is_not_called_decisive():
    """Ben counts 6 pilots rather than 2: the level is set by production, so same plan."""
    result = plan_impact(consensus_of({"ann": answers(), "ben": answers(pilots=6)}), BASE)
    assert not result.anyone_changes_plan


def test_no_system_in_production_lowers_the_level_and_takes_the_ml_engineer_away():
    """Without a system in production the level is 2 (M1), whose cap is 0 ML engineers
    (T1), and T3 gives no infrastructure below level 3."""
    round_ = consensus_of({"ann": answers(), "ben": answers(), "cat": answers(production=0)})
    cat = plan_impact(round_, BASE).respondents[2]
    assert cat.team.ml_engineers == 0
    assert cat.team.ml_infra_engineers == 0 and cat.team.ai_infra_engineers == 0
    assert cat.verdicts == ()  # the path's verdict does not depend on the level
    assert cat.decisive == (Decisive(None, "systems_in_production", 0, 1),)


def test_a_path_named_by_one_respondent_shows_as_missing_from_the_consensus():
    """Cat alone names "Fraud" (custom ML): in her plan it is a second justified path,
    but the level-3 cap keeps one ML engineer, so only the verdict list differs; naming
    the path is what makes the difference."""
    round_ = consensus_of(
        {
            "ann": answers(),
            "ben": answers(),
            "cat": answers(paths=[churn(), churn("Fraud")]),
        }
    )
    cat = plan_impact(round_, BASE).respondents[2]
    assert not cat.team_differs
    assert cat.verdicts == (VerdictDifference("Fraud", None, "custom_ml"),)
    assert cat.decisive == (Decisive("Fraud", "included", True, False),)


def test_answers_that_matter_only_together_are_called_combined():
    """Two small differences that each keep custom ML, but together tip it: the impact
    falls and the build takes longer; neither alone flips the verdict."""
    # Net value (docs/rules.md): c = 200,000, H = 3. With m = 4: build 66,667, upkeep
    # 26,667, years 2.667: at impact 60,000 net = 33,333 x 2.667 - 66,667 = 22,222 > 0.
    # With m = 12: build 200,000, upkeep 80,000, years 2: at 250,000 net = 140,000 > 0.
    # With both (impact 60,000, 12 months): (60,000 - 80,000) x 2 - 200,000 < 0: V2.
    round_ = consensus_of(
        {
            "ann": answers(),
            "ben": answers(),
            "cat": answers(paths=[churn(annual_impact=60_000, months_to_build=12)]),
        }
    )
    cat = plan_impact(round_, BASE).respondents[2]
    assert cat.verdicts == (VerdictDifference("Churn prediction", "custom_ml", "foundation_model"),)
    assert cat.combined and cat.decisive == ()
