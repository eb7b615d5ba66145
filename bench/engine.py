"""Engine speed: a 50-path plan, median and p99 over many runs (pure Python, no HTTP).

The plan has everything: every verdict, deferred hires, infrastructure, the team's cost,
a roadmap with models going live, and every change of F1 to F3.

.venv/bin/python -m bench.engine
"""

from __future__ import annotations

import json
import statistics
import time
from typing import Any

from wizard.rules import make_plan, plan_to_dict, validate_answers

KINDS = ("predictive", "generative", "agentic", "vision_audio")


def fifty_path_answers() -> dict[str, Any]:
    """A varied 50-path enterprise case that fires every rule but M2 (C, Q and F included)."""
    paths = [
        {
            "name": f"Path {i}",
            "kind": KINDS[i % 4],
            "annual_impact": 20_000 * (i % 13) + 5_000,
            "labelled_examples": (i % 7) * 4_000,
            "months_to_build": 1 + i % 12,
            "maintenance": ("low", "medium", "high")[i % 3],
            "foundation_model_adequate": ("yes", "partly", "no")[i % 3],
            "needs_explainability": i % 5 == 0,
        }
        for i in range(50)
    ]
    return {
        "organisation": {"headcount": 450},
        # Level 3: ML engineers are capped by the level, so F2 (level 4) changes the plan.
        "maturity": {"working_pilots": 4, "systems_in_production": 3, "optimising_at_scale": False},
        "critical_paths": paths,
        "priorities": {"ship_quickly": True},
        "assumptions": {
            "ml_engineer_annual_cost": 210_000,
            "horizon_years": 4,
            "ai_engineer_annual_cost": 175_000,
            "infra_engineer_annual_cost": 195_000,
            "months_to_hire": 2.5,
            "hires_per_quarter": 2,
        },
    }


def _time(fn, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        fn()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return samples


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 4),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1], 4),
        "runs": len(ordered),
    }


def run(runs: int = 5_000) -> dict[str, dict[str, float]]:
    raw = fifty_path_answers()
    document = json.dumps(raw)
    answers = validate_answers(raw)
    for _ in range(200):  # warm up
        plan_to_dict(make_plan(validate_answers(json.loads(document))))
    return {
        "make_plan (50 paths)": _summary(_time(lambda: make_plan(answers), runs)),
        "parse + validate + plan + serialise (50 paths)": _summary(
            _time(lambda: plan_to_dict(make_plan(validate_answers(json.loads(document)))), runs)
        ),
    }


def main() -> None:
    print(f"{'engine, one process':50} {'median':>10} {'p99':>10}")
    for name, figures in run().items():
        print(f"{name:50} {figures['median_ms']:>8.3f}ms {figures['p99_ms']:>8.3f}ms")
    plan = plan_to_dict(make_plan(validate_answers(fifty_path_answers())))
    print(f"rules fired: {' '.join(plan['rules'])}")
    sensitivity = plan["sensitivity"]
    print(
        f"roadmap: {len(plan['roadmap'])} quarters; sensitivity: {len(sensitivity['plan'])} "
        f"plan changes, {len(sensitivity['paths'])} path flips"
    )
    print("target: make_plan for 50 paths <= 1.5 ms median")


if __name__ == "__main__":
    main()
