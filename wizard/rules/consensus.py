"""Several people's answers to steps 1 to 3, reduced to one consensus, field by field.

Pure Python like the rest of the engine. Each respondent's answers are in the engine's
answers contract (only `maturity` and `critical_paths` are read). For each field:

- numbers: the median (for whole-number fields the lower median, so the consensus is a
  value someone gave and stays a whole number); the spread is the lowest and highest
  answer; they disagree when the highest is more than twice the lowest;
- choices (kinds, levels, yes/no): the most common answer; a tie lists every tied answer
  and the consensus takes the first of them in a fixed order, never the respondents';
  they disagree when any two answers differ;
- critical paths are matched by name, case-insensitively, after the organiser's merges
  (one name folded into another); a path named by only some respondents is a
  disagreement, and the consensus keeps the paths named by at least half of them.

Nothing here depends on the order of the respondents: they are read by their labels.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from wizard.rules.field_checks import name_key

MATURITY_NUMBERS: Final = ("working_pilots", "systems_in_production")
MATURITY_CHOICES: Final = ("optimising_at_scale", "declared_level")
PATH_NUMBERS: Final = ("annual_impact", "labelled_examples", "months_to_build")
PATH_CHOICES: Final = ("kind", "maintenance", "foundation_model_adequate", "needs_explainability")
# The number fields that take whole numbers only (limits.py): their median is the lower one.
WHOLE_NUMBERS: Final = frozenset({"working_pilots", "systems_in_production", "labelled_examples"})
# A number answer this many times another is a disagreement worth showing.
NUMBER_RATIO: Final = 2

FieldKind = Literal["number", "choice"]


def path_key(name: str) -> str:
    """How paths are matched across respondents: by name, ignoring case and outer spaces,
    as the engine tells two paths of one list apart."""
    return name_key(name.strip())


@dataclass(frozen=True, slots=True)
class FieldConsensus:
    """One field: everyone's answer, the consensus, its spread and whether they disagree.

    `path` is the path's key (None for a maturity field); `answers` pairs each respondent
    who answered with their value, sorted by respondent; `tied` holds every most common
    answer of a choice field when more than one is (else it is empty).
    """

    path: str | None
    field: str
    kind: FieldKind
    answers: tuple[tuple[str, Any], ...]
    consensus: Any
    low: Any = None
    high: Any = None
    tied: tuple[Any, ...] = ()
    disagreement: bool = False

    def value_of(self, respondent: str) -> Any:
        return dict(self.answers).get(respondent)


@dataclass(frozen=True, slots=True)
class PathPresence:
    """One critical path (after matching and merges): its name and who named it."""

    key: str
    name: str
    named_by: tuple[str, ...]
    not_named_by: tuple[str, ...]
    included: bool

    @property
    def disagreement(self) -> bool:
        return bool(self.not_named_by)


@dataclass(frozen=True, slots=True)
class Consensus:
    """The consensus of a round: per field, per path, and as answers for the engine."""

    respondents: tuple[str, ...]
    maturity: tuple[FieldConsensus, ...]
    paths: tuple[PathPresence, ...]
    path_fields: Mapping[str, tuple[FieldConsensus, ...]] = field(default_factory=dict)
    # Each respondent's paths by key, as they gave them (the name is the consensus name).
    respondent_paths: Mapping[str, Mapping[str, dict[str, Any]]] = field(default_factory=dict)

    @property
    def fields(self) -> tuple[FieldConsensus, ...]:
        """Every field, maturity first, then each path's in the paths' order."""
        return self.maturity + tuple(f for p in self.paths for f in self.path_fields[p.key])

    @property
    def disagreements(self) -> tuple[FieldConsensus, ...]:
        return tuple(f for f in self.fields if f.disagreement)

    def answers(self, picks: Mapping[tuple[str | None, str], Any] | None = None) -> dict[str, Any]:
        """The consensus as the `maturity` and `critical_paths` of the answers contract.

        `picks` overrides the consensus of single fields, keyed by (path key or None,
        field); the pseudo-field "included" of a path keeps it in (True) or leaves it out.
        """
        picks = picks or {}
        maturity = {f.field: picks.get((None, f.field), f.consensus) for f in self.maturity}
        paths = []
        for presence in self.paths:
            if not picks.get((presence.key, "included"), presence.included):
                continue
            path: dict[str, Any] = {"name": presence.name}
            for f in self.path_fields[presence.key]:
                path[f.field] = picks.get((presence.key, f.field), f.consensus)
            paths.append(path)
        return {"maturity": maturity, "critical_paths": paths}


def _choice_order(value: Any) -> tuple[str, str]:
    """A fixed order of choice values (None first), so a tie never depends on who spoke."""
    return ("" if value is None else type(value).__name__, str(value))


def _number_field(path: str | None, name: str, answers: list[tuple[str, Any]]) -> FieldConsensus:
    values = sorted(value for _, value in answers)
    middle = statistics.median_low(values) if name in WHOLE_NUMBERS else statistics.median(values)
    low, high = values[0], values[-1]
    return FieldConsensus(
        path=path,
        field=name,
        kind="number",
        answers=tuple(answers),
        consensus=middle,
        low=low,
        high=high,
        disagreement=high > NUMBER_RATIO * low,
    )


def _choice_field(path: str | None, name: str, answers: list[tuple[str, Any]]) -> FieldConsensus:
    counts = Counter(value for _, value in answers)
    top = max(counts.values())
    tied = sorted((value for value, count in counts.items() if count == top), key=_choice_order)
    return FieldConsensus(
        path=path,
        field=name,
        kind="choice",
        answers=tuple(answers),
        consensus=tied[0],
        tied=tuple(tied) if len(tied) > 1 else (),
        disagreement=len(counts) > 1,
    )


def _field(path: str | None, name: str, answers: list[tuple[str, Any]]) -> FieldConsensus:
    if name in MATURITY_NUMBERS or name in PATH_NUMBERS:
        return _number_field(path, name, answers)
    return _choice_field(path, name, answers)


def resolve(key: str, merges: Mapping[str, str]) -> str:
    """Where the organiser's merges send a path key, following chains; the names of a
    cycle of merges all go to the first of them in alphabetical order."""
    chain = [key]
    while key in merges:
        key = path_key(merges[key])
        if key in chain:
            return min(chain[chain.index(key) :])
        chain.append(key)
    return key


def _grouped_paths(
    respondents: Mapping[str, Mapping[str, Any]], merges: Mapping[str, str]
) -> tuple[dict[str, dict[str, dict[str, Any]]], dict[str, Counter[str]]]:
    """Each respondent's paths by resolved key (the first of two merged into one wins),
    and how each key was spelt."""
    by_respondent: dict[str, dict[str, dict[str, Any]]] = {}
    spellings: dict[str, Counter[str]] = {}
    for label in sorted(respondents):
        own: dict[str, dict[str, Any]] = {}
        for path in respondents[label].get("critical_paths", []):
            name = str(path["name"]).strip()
            key = resolve(path_key(name), merges)
            spellings.setdefault(key, Counter())[name] += 1
            own.setdefault(key, dict(path))
        by_respondent[label] = own
    return by_respondent, spellings


def _name_for(key: str, spellings: Mapping[str, Counter[str]]) -> str:
    """The most common spelling of a path's name (ties: the first in alphabetical order);
    after a merge, the spelling of the name merged into."""
    counts = spellings[key]
    exact = [name for name in counts if path_key(name) == key] or list(counts)
    top = max(counts[name] for name in exact)
    return min(name for name in exact if counts[name] == top)


def consensus_of(
    respondents: Mapping[str, Mapping[str, Any]], merges: Mapping[str, str] | None = None
) -> Consensus:
    """The consensus of `respondents` (label → answers), after the organiser's `merges`
    (path key → the key of the path it is the same as). Needs at least one respondent."""
    if not respondents:
        raise ValueError("a consensus needs at least one respondent")
    merges = {path_key(k): v for k, v in (merges or {}).items()}
    labels = tuple(sorted(respondents))
    maturity = tuple(
        _field(
            None,
            name,
            [(label, respondents[label].get("maturity", {}).get(name)) for label in labels],
        )
        for name in (*MATURITY_NUMBERS, *MATURITY_CHOICES)
    )
    own, spellings = _grouped_paths(respondents, merges)
    presences = []
    path_fields: dict[str, tuple[FieldConsensus, ...]] = {}
    for key in spellings:
        named_by = tuple(label for label in labels if key in own[label])
        presences.append(
            PathPresence(
                key=key,
                name=_name_for(key, spellings),
                named_by=named_by,
                not_named_by=tuple(label for label in labels if key not in own[label]),
                included=2 * len(named_by) >= len(labels),
            )
        )
        path_fields[key] = tuple(
            _field(key, name, [(label, own[label][key].get(name)) for label in named_by])
            for name in (*PATH_NUMBERS, *PATH_CHOICES)
        )
    # Most often named first, then by name: an order no respondent's order can change.
    presences.sort(key=lambda p: (-len(p.named_by), p.name.casefold(), p.name))
    names = {p.key: p.name for p in presences}
    respondent_paths = {
        label: {key: {**path, "name": names[key]} for key, path in own[label].items()}
        for label in labels
    }
    return Consensus(
        respondents=labels,
        maturity=maturity,
        paths=tuple(presences),
        path_fields=path_fields,
        respondent_paths=respondent_paths,
    )
