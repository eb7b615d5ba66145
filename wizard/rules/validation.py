"""Raw JSON-like answers in, valid `Answers` out, or every problem at once.

`validate_answers` is the one gate between untrusted input and the engine: the
web forms, the JSON API and the `plan` command all go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from wizard.rules import limits
from wizard.rules.answers import (
    Answers,
    Assumptions,
    CriticalPath,
    Maturity,
    Organisation,
    Priorities,
)
from wizard.rules.field_checks import (
    NAME_EXPECTED,
    Rejected,
    check_boolean,
    check_choice,
    check_integer,
    check_name,
    check_number,
    choices_message,
    expectation,
    kind_of,
    name_key,
    printable_key,
)
from wizard.rules.limits import Level, NumberRange

ROOT: Final = "__all__"

TOP_FIELDS: Final = ("organisation", "maturity", "critical_paths", "priorities", "assumptions")
ORGANISATION_FIELDS: Final = ("headcount",)
MATURITY_FIELDS: Final = (
    "working_pilots",
    "systems_in_production",
    "optimising_at_scale",
    "declared_level",
)
PATH_FIELDS: Final = (
    "name",
    "kind",
    "annual_impact",
    "labelled_examples",
    "months_to_build",
    "maintenance",
    "foundation_model_adequate",
    "needs_explainability",
)
PRIORITIES_FIELDS: Final = ("ship_quickly", "integrate_existing_systems")
ASSUMPTIONS_FIELDS: Final = (
    "ml_engineer_annual_cost",
    "horizon_years",
    "ai_engineer_annual_cost",
    "infra_engineer_annual_cost",
    "months_to_hire",
    "hires_per_quarter",
)

# A body stuffed with thousands of unknown keys gets a summary, not an error
# per key, so the error report stays small whatever the input.
_MAX_UNKNOWN_KEYS_REPORTED: Final = 20

_LEVELS_BY_NUMBER: Final[Mapping[int, Level]] = {level: level for level in limits.LEVELS}


class AnswersInvalid(ValueError):
    """Raised by `validate_answers`; `errors` maps field paths to messages.

    Paths are dotted (`critical_paths.2.labelled_examples`); problems with the
    input as a whole are under `"__all__"`.
    """

    def __init__(self, errors: dict[str, list[str]]) -> None:
        count = len(errors)
        super().__init__(f"The answers are not valid ({count} field{'s' * (count != 1)}).")
        self.errors = errors


class _Errors:
    def __init__(self) -> None:
        self.by_path: dict[str, list[str]] = {}

    def add(self, path: str, message: str) -> None:
        messages = self.by_path.setdefault(path or ROOT, [])
        if message not in messages:
            messages.append(message)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _Reader:
    """Reads the fields of one JSON object, recording an error per bad field.

    A bad field yields its default (or a placeholder), so the reader can carry
    on and collect every error; the placeholders are never seen, because any
    error makes `validate_answers` raise.
    """

    def __init__(self, raw: object, path: str, fields: tuple[str, ...], errors: _Errors) -> None:
        self.path = path
        self.errors = errors
        self.values: Mapping[object, object] = {}
        # False when the object itself is the wrong type: its required fields
        # are then not reported missing as well.
        self.is_object = isinstance(raw, dict)
        if not isinstance(raw, dict):
            errors.add(path, f"Expected an object, not {kind_of(raw)}.")
            return
        self.values = raw
        self._reject_unknown_keys(fields)

    def _reject_unknown_keys(self, fields: tuple[str, ...]) -> None:
        unknown = [key for key in self.values if key not in fields]
        expected = f"Unknown field; expected one of: {', '.join(fields)}."
        for key in unknown[:_MAX_UNKNOWN_KEYS_REPORTED]:
            if isinstance(key, str):
                self.errors.add(_join(self.path, printable_key(key)), expected)
            else:
                self.errors.add(self.path, "Expected field names to be text.")
        if len(unknown) > _MAX_UNKNOWN_KEYS_REPORTED:
            extra = len(unknown) - _MAX_UNKNOWN_KEYS_REPORTED
            self.errors.add(
                self.path,
                f"{extra:,} more unknown fields; expected only: {', '.join(fields)}.",
            )

    def read[T](self, key: str, check: Callable[[object], T], default: T) -> T:
        if key not in self.values:
            return default
        try:
            return check(self.values[key])
        except Rejected as rejected:
            self.errors.add(_join(self.path, key), rejected.message)
            return default

    def require[T](self, key: str, check: Callable[[object], T], placeholder: T, wanted: str) -> T:
        if key not in self.values:
            if self.is_object:
                self.errors.add(_join(self.path, key), f"This field is required. {wanted}")
            return placeholder
        return self.read(key, check, placeholder)

    def integer(self, key: str, number_range: NumberRange, default: int) -> int:
        return self.read(key, lambda value: check_integer(value, number_range), default)

    def number(self, key: str, number_range: NumberRange, default: float) -> float:
        return self.read(key, lambda value: check_number(value, number_range), default)

    def boolean(self, key: str, default: bool) -> bool:
        return self.read(key, check_boolean, default)

    def child(self, key: str, fields: tuple[str, ...]) -> _Reader:
        # A missing object reads as an empty one, so its defaults apply.
        return _Reader(self.values.get(key, {}), _join(self.path, key), fields, self.errors)


def _declared_level(value: object) -> Level | None:
    if value is None:
        return None
    try:
        level = check_integer(value, limits.DECLARED_LEVEL)
    except Rejected as rejected:
        raise Rejected(rejected.message.replace("Expected ", "Expected null or ", 1)) from None
    return _LEVELS_BY_NUMBER[level]


def _organisation(reader: _Reader) -> Organisation:
    headcount = reader.require(
        "headcount",
        lambda value: check_integer(value, limits.HEADCOUNT),
        1,
        expectation(limits.HEADCOUNT),
    )
    return Organisation(headcount=headcount)


def _maturity(reader: _Reader) -> Maturity:
    return Maturity(
        working_pilots=reader.integer(
            "working_pilots", limits.WORKING_PILOTS, limits.DEFAULT_WORKING_PILOTS
        ),
        systems_in_production=reader.integer(
            "systems_in_production",
            limits.SYSTEMS_IN_PRODUCTION,
            limits.DEFAULT_SYSTEMS_IN_PRODUCTION,
        ),
        optimising_at_scale=reader.boolean(
            "optimising_at_scale", limits.DEFAULT_OPTIMISING_AT_SCALE
        ),
        declared_level=reader.read(
            "declared_level", _declared_level, limits.DEFAULT_DECLARED_LEVEL
        ),
    )


def _critical_path(reader: _Reader) -> CriticalPath:
    return CriticalPath(
        name=reader.require("name", check_name, "", NAME_EXPECTED),
        kind=reader.require(
            "kind",
            lambda value: check_choice(value, limits.KINDS),
            limits.KINDS[0],
            choices_message(limits.KINDS),
        ),
        annual_impact=reader.number(
            "annual_impact", limits.ANNUAL_IMPACT, limits.DEFAULT_ANNUAL_IMPACT
        ),
        labelled_examples=reader.integer(
            "labelled_examples", limits.LABELLED_EXAMPLES, limits.DEFAULT_LABELLED_EXAMPLES
        ),
        months_to_build=reader.number(
            "months_to_build", limits.MONTHS_TO_BUILD, limits.DEFAULT_MONTHS_TO_BUILD
        ),
        maintenance=reader.read(
            "maintenance",
            lambda value: check_choice(value, limits.MAINTENANCE_LEVELS),
            limits.DEFAULT_MAINTENANCE,
        ),
        foundation_model_adequate=reader.read(
            "foundation_model_adequate",
            lambda value: check_choice(value, limits.FOUNDATION_MODEL_ADEQUACY),
            limits.DEFAULT_FOUNDATION_MODEL_ADEQUATE,
        ),
        needs_explainability=reader.boolean(
            "needs_explainability", limits.DEFAULT_NEEDS_EXPLAINABILITY
        ),
    )


def _critical_paths(raw: object, errors: _Errors) -> tuple[CriticalPath, ...]:
    path = "critical_paths"
    wanted = f"Expected a list of up to {limits.MAX_CRITICAL_PATHS} critical paths"
    if not isinstance(raw, list):
        errors.add(path, f"{wanted}, not {kind_of(raw)}.")
        return ()
    if len(raw) > limits.MAX_CRITICAL_PATHS:
        # Items are not read at all: a huge list costs no more than a short one.
        errors.add(path, f"{wanted}; this one has {len(raw):,}.")
        return ()
    paths: list[CriticalPath] = []
    first_index_by_key: dict[str, int] = {}
    for index, item in enumerate(raw):
        item_path = f"{path}.{index}"
        reader = _Reader(item, item_path, PATH_FIELDS, errors)
        critical_path = _critical_path(reader)
        paths.append(critical_path)
        if not critical_path.name:
            continue  # missing or rejected: already reported
        key = name_key(critical_path.name)
        if key in first_index_by_key:
            errors.add(
                f"{item_path}.name",
                "Expected a name not used by another path; "
                f"critical path {first_index_by_key[key] + 1} already has it "
                "(names are compared ignoring case).",
            )
        else:
            first_index_by_key[key] = index
    return tuple(paths)


def validate_answers(raw: object) -> Answers:
    """Validate raw answers (a parsed JSON value) and return them as `Answers`.

    Defaults from docs/rules.md fill in whatever is missing. Raises
    `AnswersInvalid` listing every problem, and never any other exception,
    whatever JSON value it is given.
    """
    errors = _Errors()
    if not isinstance(raw, dict):
        errors.add(ROOT, f"Expected the answers as an object, not {kind_of(raw)}.")
        raise AnswersInvalid(errors.by_path)
    top = _Reader(raw, "", TOP_FIELDS, errors)
    # A missing organisation still has a required headcount, reported at
    # organisation.headcount where the person answering can find it.
    organisation = _organisation(top.child("organisation", ORGANISATION_FIELDS))
    maturity = _maturity(top.child("maturity", MATURITY_FIELDS))
    critical_paths = _critical_paths(raw.get("critical_paths", []), errors)
    priorities_reader = top.child("priorities", PRIORITIES_FIELDS)
    priorities = Priorities(
        ship_quickly=priorities_reader.boolean("ship_quickly", limits.DEFAULT_SHIP_QUICKLY),
        integrate_existing_systems=priorities_reader.boolean(
            "integrate_existing_systems", limits.DEFAULT_INTEGRATE_EXISTING_SYSTEMS
        ),
    )
    assumptions_reader = top.child("assumptions", ASSUMPTIONS_FIELDS)
    assumptions = Assumptions(
        ml_engineer_annual_cost=assumptions_reader.number(
            "ml_engineer_annual_cost",
            limits.ML_ENGINEER_ANNUAL_COST,
            limits.DEFAULT_ML_ENGINEER_ANNUAL_COST,
        ),
        horizon_years=assumptions_reader.number(
            "horizon_years", limits.HORIZON_YEARS, limits.DEFAULT_HORIZON_YEARS
        ),
        ai_engineer_annual_cost=assumptions_reader.number(
            "ai_engineer_annual_cost",
            limits.AI_ENGINEER_ANNUAL_COST,
            limits.DEFAULT_AI_ENGINEER_ANNUAL_COST,
        ),
        infra_engineer_annual_cost=assumptions_reader.number(
            "infra_engineer_annual_cost",
            limits.INFRA_ENGINEER_ANNUAL_COST,
            limits.DEFAULT_INFRA_ENGINEER_ANNUAL_COST,
        ),
        months_to_hire=assumptions_reader.number(
            "months_to_hire", limits.MONTHS_TO_HIRE, limits.DEFAULT_MONTHS_TO_HIRE
        ),
        hires_per_quarter=assumptions_reader.integer(
            "hires_per_quarter", limits.HIRES_PER_QUARTER, limits.DEFAULT_HIRES_PER_QUARTER
        ),
    )
    if errors.by_path:
        raise AnswersInvalid(errors.by_path)
    return Answers(
        organisation=organisation,
        maturity=maturity,
        critical_paths=critical_paths,
        priorities=priorities,
        assumptions=assumptions,
    )
