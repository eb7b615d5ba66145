"""Short ways to build answers for the rule tables."""

from __future__ import annotations

from typing import Any

from wizard.rules import (
    Answers,
    Assumptions,
    CriticalPath,
    Kind,
    Level,
    Maturity,
    Organisation,
    Priorities,
)

# Headcounts that sit well inside each stage.
STARTUP, GROWTH, ENTERPRISE = 10, 60, 500


def path(name: str = "Churn prediction", **fields: Any) -> CriticalPath:
    """A path that justifies a custom model (V4) unless `fields` say otherwise."""
    values: dict[str, Any] = {
        "kind": "predictive",
        "annual_impact": 250_000,
        "labelled_examples": 50_000,
        "months_to_build": 4,
        "maintenance": "medium",
        "foundation_model_adequate": "partly",
        "needs_explainability": False,
    }
    values.update(fields)
    return CriticalPath(name=name, **values)


def justified_paths(count: int, kind: Kind = "predictive") -> tuple[CriticalPath, ...]:
    """`count` custom-model paths, each worth less than the one before."""
    return tuple(
        path(f"Path {index}", kind=kind, annual_impact=500_000 - index * 1_000)
        for index in range(count)
    )


def answers(
    headcount: int = GROWTH,
    level: Level | None = None,
    paths: tuple[CriticalPath, ...] = (),
    *,
    maturity: Maturity | None = None,
    priorities: Priorities | None = None,
    assumptions: Assumptions | None = None,
) -> Answers:
    """Answers with a declared `level` (M2) or the given maturity evidence."""
    return Answers(
        organisation=Organisation(headcount=headcount),
        maturity=maturity or Maturity(declared_level=level),
        critical_paths=paths,
        priorities=priorities or Priorities(),
        assumptions=assumptions or Assumptions(),
    )
