"""Reasons as data: each reason the engine gives is a code and its parameters, worded by
one template per code. The engine words them in English (the API's `reasons`); the web
layer words the same codes in the reader's language, numbers and money formatted for it.

A parameter is a number, or one of the small values below: money, a count of something,
a path's name, a word from a fixed vocabulary, a nested phrase (another code), or a list
to join. `Reason.as_dict` is the JSON form kept in every snapshot from now on:
`{"code": "V4", "params": {"name": {"name": "Churn"}, "net": {"money": 528888.89}}}`.

The templates themselves, one per code, are in `reason_templates.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from wizard.rules.money import format_money, money_for_json
from wizard.rules.reason_templates import NOUNS, TEMPLATES, WORDS
from wizard.rules.wording import listing, quantity, quoted


@dataclass(frozen=True, slots=True)
class Money:
    value: float


@dataclass(frozen=True, slots=True)
class Count:
    """`number` of a noun from NOUNS: "3 AI engineers", "no critical paths"."""

    number: float
    noun: str


@dataclass(frozen=True, slots=True)
class Name:
    """A critical path's name, quoted in the sentence."""

    text: str


@dataclass(frozen=True, slots=True)
class Word:
    """A word from WORDS: a stage, a maintenance level, a level's name, a verdict."""

    key: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """A part of a sentence with its own code and parameters."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class And:
    """Items joined for a sentence: "A, B and C"."""

    items: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Then:
    """Items in order: "A, then B, then C"."""

    items: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Reason(Phrase):
    """One reason of the plan or of a path: a whole sentence (or two)."""

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": {k: _to_json(v) for k, v in self.params.items()}}


def _to_json(value: Any) -> Any:
    if isinstance(value, Money):
        return {"money": money_for_json(value.value)}
    if isinstance(value, Count):
        return {"count": value.number, "noun": value.noun}
    if isinstance(value, Name):
        return {"name": value.text}
    if isinstance(value, Word):
        return {"word": value.key}
    if isinstance(value, Phrase):
        return {"code": value.code, "params": {k: _to_json(v) for k, v in value.params.items()}}
    if isinstance(value, And):
        return {"and": [_to_json(item) for item in value.items]}
    if isinstance(value, Then):
        return {"then": [_to_json(item) for item in value.items]}
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, Mapping):
        if "money" in value:
            return Money(float(value["money"]))
        if "count" in value:
            return Count(value["count"], str(value["noun"]))
        if "name" in value:
            return Name(str(value["name"]))
        if "word" in value:
            return Word(str(value["word"]))
        if "code" in value:
            return Phrase(str(value["code"]), _params(value.get("params", {})))
        if "and" in value:
            return And(tuple(_from_json(item) for item in value["and"]))
        if "then" in value:
            return Then(tuple(_from_json(item) for item in value["then"]))
    return value


def _params(data: Mapping[str, Any]) -> dict[str, Any]:
    return {str(key): _from_json(value) for key, value in data.items()}


def reason_from_dict(data: Mapping[str, Any]) -> Reason:
    """A reason read back from its JSON form (`Reason.as_dict`)."""
    return Reason(str(data["code"]), _params(data.get("params", {})))


class Voice(Protocol):
    """How a language says the parts of a reason."""

    def text(self, template: str) -> str: ...
    def plural(self, forms: tuple[str, str, str], number: float) -> str: ...
    def number(self, value: float) -> str: ...
    def money(self, value: float) -> str: ...
    def name(self, text: str) -> str: ...
    def listing(self, items: Sequence[str]) -> str: ...
    def then(self, items: Sequence[str]) -> str: ...


class EnglishVoice:
    """The engine's own English: the sentences of the API's `reasons`."""

    def text(self, template: str) -> str:
        return template

    def plural(self, forms: tuple[str, str, str], number: float) -> str:
        singular, plural, none = forms
        shown = quantity(number)
        if shown == "0":
            return none
        return (singular if shown == "1" else plural) % {"n": shown}

    def number(self, value: float) -> str:
        return quantity(value)

    def money(self, value: float) -> str:
        return format_money(value)

    def name(self, text: str) -> str:
        return quoted(text)

    def listing(self, items: Sequence[str]) -> str:
        return listing(list(items))

    def then(self, items: Sequence[str]) -> str:
        return ", then ".join(items)


ENGLISH: Final = EnglishVoice()


def render(phrase: Phrase, voice: Voice = ENGLISH) -> str:
    """`phrase` in the voice's language; English by default."""
    values = {key: _render_value(value, voice) for key, value in phrase.params.items()}
    return voice.text(TEMPLATES[phrase.code]) % values


def _render_value(value: Any, voice: Voice) -> str:
    if isinstance(value, Money):
        return voice.money(value.value)
    if isinstance(value, Count):
        return voice.plural(NOUNS[value.noun], value.number)
    if isinstance(value, Name):
        return voice.name(value.text)
    if isinstance(value, Word):
        return voice.text(WORDS[value.key])
    if isinstance(value, Phrase):
        return render(value, voice)
    if isinstance(value, And):
        return voice.listing([_render_value(item, voice) for item in value.items])
    if isinstance(value, Then):
        return voice.then([_render_value(item, voice) for item in value.items])
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return voice.number(value)


def english(phrase: Phrase) -> str:
    return render(phrase)


Builder = Callable[..., Reason]


def reason(code: str, **params: Any) -> Reason:
    """A reason with `code`, checked against the templates."""
    if code not in TEMPLATES:
        raise KeyError(f"no template for reason code {code!r}")
    return Reason(code, params)


def phrase(code: str, **params: Any) -> Phrase:
    if code not in TEMPLATES:
        raise KeyError(f"no template for phrase code {code!r}")
    return Phrase(code, params)


def level_phrase(level: int) -> Phrase:
    """A level for a sentence: "level 3 (Production)"."""
    return phrase("level", level=level, name=Word(f"level_{level}"))
