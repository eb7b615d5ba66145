"""Rules D1 to D4: the article's decision tree, shown as a cross-check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wizard.rules.answers import Answers
from wizard.rules.economics import MIN_LABELLED_EXAMPLES, PathResult
from wizard.rules.reason_text import Reason, reason
from wizard.rules.stage import Stage


@dataclass(frozen=True, slots=True)
class DecisionTree:
    """The four questions of the tree and their answers."""

    d1_gain_pays_off: bool
    d2_integrate_and_ship: bool
    d3_agentic: bool
    d4_resources_for_custom_ml: bool

    @property
    def then_ml_engineer(self) -> bool:
        """Whether the tree goes on to an ML engineer after the AI engineer."""
        return self.d1_gain_pays_off and self.d4_resources_for_custom_ml

    @property
    def answer(self) -> str:
        """The tree's answer in words; it always starts with an AI engineer."""
        if self.then_ml_engineer:
            return "an AI engineer first, then an ML engineer"
        return "an AI engineer first"

    def reason(self) -> Reason:
        """The cross-check as a reason for the report."""
        return reason("D.then_ml" if self.then_ml_engineer else "D.ai_first")


def walk_decision_tree(
    answers: Answers, path_results: Sequence[PathResult], stage: Stage
) -> DecisionTree:
    """Answer D1 to D4 from the answers and the path verdicts."""
    return DecisionTree(
        d1_gain_pays_off=any(result.verdict == "custom_ml" for result in path_results),
        d2_integrate_and_ship=(
            answers.priorities.ship_quickly or answers.priorities.integrate_existing_systems
        ),
        d3_agentic=any(path.kind == "agentic" for path in answers.critical_paths),
        d4_resources_for_custom_ml=stage != "startup"
        and any(path.labelled_examples >= MIN_LABELLED_EXAMPLES for path in answers.critical_paths),
    )
