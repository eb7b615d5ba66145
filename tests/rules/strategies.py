"""Hypothesis strategies for answers: valid raw JSON, and arbitrary JSON.

Shared with the web tests, which post the same raw dicts to the forms and API.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from wizard.rules import Answers, limits, validate_answers

# Values either side of every boundary the rules care about, mixed into the
# random draws so that the edges are tried often.
HEADCOUNT_EDGES = (1, 19, 20, 99, 100, 10_000_000)
LABELLED_EDGES = (0, 9_999, 10_000, 10**12)


def whole_numbers(low: int, high: int) -> st.SearchStrategy[int | float]:
    """Ints in [low, high], sometimes written as whole floats (4.0)."""
    return st.one_of(st.integers(low, high), st.integers(low, high).map(float))


def numbers(low: float, high: float, *, exclude_min: bool = False) -> st.SearchStrategy[float]:
    """Finite numbers in the range, as ints or floats."""
    first_int = int(low) + 1 if exclude_min else int(low)
    return st.one_of(
        st.integers(first_int, int(high)),
        st.floats(low, high, exclude_min=exclude_min, allow_nan=False, allow_infinity=False),
    )


def path_names() -> st.SearchStrategy[str]:
    """Valid path names, sometimes with spaces around them to be trimmed."""
    core = st.text(
        st.characters(exclude_categories=("Cc", "Cs")),
        min_size=1,
        max_size=limits.MAX_PATH_NAME_LENGTH,
    ).map(str.strip)
    return st.tuples(st.sampled_from(("", " ", "  ")), core.filter(bool)).map(
        lambda pair: f"{pair[0]}{pair[1]}{pair[0]}"
    )


def _optional_object(
    required: dict[str, st.SearchStrategy[Any]], optional: dict[str, st.SearchStrategy[Any]]
) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(required, optional=optional)


def raw_paths() -> st.SearchStrategy[dict[str, Any]]:
    """One valid raw critical path; optional fields are sometimes left out."""
    return _optional_object(
        {"name": path_names(), "kind": st.sampled_from(limits.KINDS)},
        {
            "annual_impact": st.one_of(
                numbers(0, 10**12), st.integers(0, 2_000_000), st.sampled_from((0, 10**12))
            ),
            "labelled_examples": st.one_of(
                whole_numbers(0, 10**12),
                st.integers(0, 200_000),
                st.sampled_from(LABELLED_EDGES),
            ),
            "months_to_build": st.one_of(numbers(1, 36), st.sampled_from((1, 12, 36))),
            "maintenance": st.sampled_from(limits.MAINTENANCE_LEVELS),
            "foundation_model_adequate": st.sampled_from(limits.FOUNDATION_MODEL_ADEQUACY),
            "needs_explainability": st.booleans(),
        },
    )


def raw_answers(max_paths: int = 8) -> st.SearchStrategy[dict[str, Any]]:
    """Valid raw answers, as a JSON body would carry them."""
    paths = st.lists(
        raw_paths(),
        max_size=max_paths,
        unique_by=lambda path: path["name"].strip().casefold(),
    )
    return _optional_object(
        {
            "organisation": st.fixed_dictionaries(
                {
                    "headcount": st.one_of(
                        whole_numbers(1, 10_000_000),
                        st.integers(1, 500),
                        st.sampled_from(HEADCOUNT_EDGES),
                    )
                }
            )
        },
        {
            "maturity": _optional_object(
                {},
                {
                    "working_pilots": st.one_of(whole_numbers(0, 1_000_000), st.integers(0, 3)),
                    "systems_in_production": st.one_of(
                        whole_numbers(0, 1_000_000), st.integers(0, 3)
                    ),
                    "optimising_at_scale": st.booleans(),
                    "declared_level": st.one_of(st.none(), whole_numbers(1, 4)),
                },
            ),
            "critical_paths": paths,
            "priorities": _optional_object(
                {},
                {"ship_quickly": st.booleans(), "integrate_existing_systems": st.booleans()},
            ),
            "assumptions": _optional_object(
                {},
                {
                    "ml_engineer_annual_cost": st.one_of(
                        numbers(0, 10**9, exclude_min=True), st.integers(50_000, 400_000)
                    ),
                    "horizon_years": numbers(1, 10),
                    "ai_engineer_annual_cost": st.one_of(
                        numbers(0, 10**9, exclude_min=True), st.integers(50_000, 400_000)
                    ),
                    "infra_engineer_annual_cost": st.one_of(
                        numbers(0, 10**9, exclude_min=True), st.integers(50_000, 400_000)
                    ),
                    "months_to_hire": st.one_of(numbers(1, 12), st.sampled_from((1, 3, 12))),
                    "hires_per_quarter": st.one_of(
                        whole_numbers(1, 100), st.integers(1, 4), st.sampled_from((1, 100))
                    ),
                },
            ),
        },
    )


def answers(max_paths: int = 8) -> st.SearchStrategy[Answers]:
    """Valid `Answers`, built through the validator like real input."""
    return raw_answers(max_paths).map(validate_answers)


def json_values(max_leaves: int = 30) -> st.SearchStrategy[Any]:
    """Any JSON value, including NaN, infinities, huge ints and odd text."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=10**300) | st.integers(max_value=-(10**300)),
        st.floats(),
        st.text(),
        st.sampled_from(("", " ", "\ud800", "\x00", "5", "true", "predictive")),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=6),
            st.dictionaries(st.text(max_size=12), children, max_size=6),
        ),
        max_leaves=max_leaves,
    )
