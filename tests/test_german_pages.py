"""Every page type in German: <html lang="de">, and none of the product's English."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from accounts.models import User
from tests.page_catalogue import SIGNED_OUT, every_page_type

pytestmark = pytest.mark.django_db

# English the pages would show if a string escaped translation: words that are not German,
# as whole words in the visible text.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|your|you|with|which|what|when|hire|team to|sign in|sign out|step|"
    r"share|report|assessment|critical path|yearly|people|about|never|none|back|save|"
    r"print|download|cost|menu|language|change|page)\b",
    re.IGNORECASE,
)
# Names and codes that read the same in German.
ALLOWED = re.compile(
    r"Hireframe|JSON|CSV|PDF|API|HTML|Django|[a-z_]+\.[a-z_.0-9]+"
    # What the test's people typed: the example's path names and descriptions.
    r"|Churn prediction|Support replies|Who is about to leave|Replies to common questions"
)


class VisibleText(HTMLParser):
    """The text a reader sees: no scripts, styles, code samples or attribute values,
    except the labels a screen reader reads (aria-label, alt, title, placeholder)."""

    SKIP = {"script", "style", "code", "pre", "option"}
    SPOKEN = {"aria-label", "alt", "title", "placeholder"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        for name, value in attrs:
            if name in self.SPOKEN and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return ALLOWED.sub(" ", " ".join(" ".join(parser.parts).split()))


def german_client(user: User | None) -> Client:
    client = Client(headers={"accept-language": "de-DE,de;q=0.9,en;q=0.5"})
    if user is not None:
        client.force_login(user)
    return client


def test_every_page_type_reads_in_german(organisation, owner, staff):
    """Each page of every type, opened by a German browser, is German from top to bottom."""
    organisation.currency = "EUR"
    organisation.save()
    people = {"owner": owner, "staff": staff, SIGNED_OUT: None}
    problems = {}
    for visit in every_page_type(organisation=organisation, owner=owner, staff=staff):
        response = german_client(people[visit.persona]).get(visit.path)
        assert response.status_code == visit.status, visit.name
        html = response.content.decode()
        assert '<html lang="de"' in html, visit.name
        text = visible_text(html)
        found = sorted(
            {text[max(0, m.start() - 40) : m.end() + 40] for m in ENGLISH_WORDS.finditer(text)}
        )
        if found:
            problems[visit.name] = found
    assert not problems, problems
