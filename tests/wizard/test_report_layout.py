"""What the report's markup promises, checked without a browser (tests/browser/
test_report_details.py looks at the same in Chromium)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import complete_assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def complete(organisation, owner):
    complete_assessment(organisation)  # another one, so Compare is offered
    return complete_assessment(organisation)


def _report(client, assessment) -> str:
    return client.get(reverse("report", args=[assessment.code])).content.decode()


def test_each_path_is_also_a_card_for_phones(owner_client, complete):
    """Every path has a card with its verdict, figures and reasons beside the wide table."""
    html = _report(owner_client, complete)
    cards = re.findall(r'<li class="path-card[^"]*">(.*?)</li>', html, re.S)
    assert len(cards) == len(complete.plan["paths"]) == 2
    assert "Churn prediction" in cards[0] and "Breaks even at a yearly value of" in cards[0]
    assert complete.plan["paths"][0]["reasons"][0][:40] in cards[0].replace("&#x27;", "'")
    assert 'class="path-cards list-unstyled d-md-none d-print-none"' in html
    assert 'class="table-responsive d-none d-md-block d-print-block" tabindex="0"' in html


def test_the_top_action_bar_offers_share_and_compare(owner_client, complete):
    """Share and Compare are in the action bar at the top, pointing at their panels."""
    html = _report(owner_client, complete)
    bar = html.split('aria-label="Report actions"', 1)[1].split("</div>", 1)[0]
    assert 'href="#share">Share</a>' in bar and 'href="#compare">Compare</a>' in bar
    assert 'id="share"' in html and 'id="compare"' in html


def test_the_new_share_link_takes_focus(owner_client, complete):
    """The page that shows a new link focuses it, and is not opened at a #fragment (which
    would make the browser skip autofocus)."""
    response = owner_client.post(
        reverse("share-create", args=[complete.code]), {"expires_in_days": "7"}
    )
    html = response.content.decode()
    assert re.search(r'<input id="new-link"[^>]* autofocus>', html)
    assert f'action="{reverse("share-create", args=[complete.code])}"' in html


def test_the_api_docs_space_their_words_and_open_their_code_to_the_keyboard(client, db):
    """ "application/json and" keeps its space; each code block is a named, focusable region."""
    html = client.get(reverse("api-docs")).content.decode()
    assert "</code> and a body" in html.replace("\n", " ").replace("  ", " ")
    blocks = re.findall(r"<pre[^>]*>", html)
    assert blocks and all('tabindex="0"' in b and 'aria-label="' in b for b in blocks)
