"""The engine's reasons in the reader's language: each coded reason (wizard/rules/
reason_text.py) worded with the catalogue's translation of its template, its numbers and
money written the reader's way. A plan saved before reasons were kept as codes has only
its English sentences, and those are shown as they were stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext, ngettext

from wizard import money_format
from wizard.rules.reason_text import render


class ReaderVoice:
    """The reader's language (the active one) and the organisation's currency."""

    def __init__(self, currency: str) -> None:
        self.currency = currency

    def text(self, template: str) -> str:
        return gettext(template)

    def plural(self, forms: tuple[str, str, str], number: float) -> str:
        singular, plural, none = forms
        shown = round(float(number), 2)
        if shown == 0 and number <= 0:
            return gettext(none)
        count = int(shown) if shown.is_integer() else 2  # a fraction reads as plural
        return ngettext(singular, plural, count) % {"n": self.number(number)}

    def number(self, value: float) -> str:
        if 0 < value < 0.005:
            # A sliver of a year in use is not "0 years": that would read as none.
            return gettext("less than %(n)s") % {"n": money_format.number(0.01)}
        return money_format.number(value)

    def money(self, value: float) -> str:
        return money_format.exact_money(value, self.currency)

    def name(self, text: str) -> str:
        # Translators: a critical path's name inside a sentence, in quotation marks.
        return gettext("‘%(name)s’") % {"name": text}

    def listing(self, items: Sequence[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return gettext("%(first)s and %(last)s") % {
            "first": ", ".join(items[:-1]),
            "last": items[-1],
        }

    def then(self, items: Sequence[str]) -> str:
        # Translators: joins the groups of a hiring order: "2 AI engineers, then 1 ML engineer".
        return gettext(", then ").join(items)


def reasons_in_language(item: Any, currency: str) -> list[str]:
    """The reasons of a plan or of one of its paths, in the active language."""
    codes = getattr(item, "reason_codes", ())
    if not codes:
        return list(getattr(item, "reasons", ()))
    voice = ReaderVoice(currency)
    return [render(code, voice) for code in codes]
