"""The viewer's language and time zone: chosen, remembered and applied to every page."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from config.viewer_locale import (
    TIME_ZONE_COOKIE,
    ViewerLocaleMiddleware,
    supported_language,
    viewer_time_zone,
)
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

HTML_LANG = re.compile(r'<html lang="([^"]+)"')


def html_lang(response) -> str:
    match = HTML_LANG.search(response.content.decode())
    assert match, "no <html lang>"
    return match.group(1)


def test_british_english_is_the_default(client):
    """Without a cookie or a browser preference, pages are in en-gb."""
    assert html_lang(client.get(reverse("landing"))) == "en-gb"


def test_the_browser_language_is_followed(client):
    """Accept-Language: de opens the page in German, and <html lang> says so."""
    response = client.get(reverse("landing"), headers={"accept-language": "de-DE,de;q=0.9"})
    assert html_lang(response) == "de"
    assert response["Content-Language"] == "de"


def test_the_footer_switcher_sets_the_language_and_returns_to_the_page(client):
    """The footer's form (no JavaScript needed) changes the language and goes back."""
    html = client.get(reverse("api-docs")).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert 'name="language"' in html
    response = client.post(reverse("set_language"), {"language": "de", "next": reverse("api-docs")})
    assert response.status_code == 302
    assert response["Location"] == reverse("api-docs")
    assert html_lang(client.get(reverse("api-docs"))) == "de"


def test_a_signed_in_users_choice_is_saved_and_follows_them(owner_client, owner):
    """The choice is stored on the account, and a new browser signing in gets it."""
    owner_client.post(reverse("set_language"), {"language": "de", "next": "/"})
    owner.refresh_from_db()
    assert owner.language == "de"
    fresh = type(owner_client)()
    fresh.force_login(owner)
    response = fresh.get(reverse("dashboard"), follow=True, headers={"accept-language": "en"})
    assert html_lang(response) == "de"


def test_a_guests_choice_is_kept_when_they_sign_in(client):
    """Chosen before signing in, the language is saved on an account that has none."""
    user = UserFactory(email="gabi@example.com")
    client.post(reverse("set_language"), {"language": "de", "next": "/"})
    client.post(reverse("login"), {"username": "gabi@example.com", "password": PASSWORD})
    user.refresh_from_db()
    assert user.language == "de"


def test_an_unknown_language_is_ignored(owner_client, owner):
    """A language the site does not offer changes nothing."""
    owner_client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    owner.refresh_from_db()
    assert owner.language == ""
    assert supported_language("xx") is None


def test_the_shared_report_opens_in_the_readers_language(client, organisation, owner):
    """A reader of a shared link, never signed in, gets their browser's language."""
    from tests.factories import complete_assessment
    from wizard.report.share_links import share_link_create

    assessment = complete_assessment(organisation)
    _link, token = share_link_create(assessment=assessment, user=owner, expires_in_days=7)
    url = reverse("shared-report", args=[token])
    assert html_lang(client.get(url, headers={"accept-language": "de"})) == "de"
    assert html_lang(client.get(url, headers={"accept-language": "en-GB"})) == "en-gb"


def test_adding_a_language_needs_no_migration():
    """The user's language has no choices, so a third language is settings and a catalogue."""
    field = User._meta.get_field("language")
    assert not field.choices
    assert [code for code, _ in settings.LANGUAGES] == ["en-gb", "de"]


@pytest.mark.parametrize(
    ("cookie", "expected"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("Europe/Zurich", "Europe/Zurich"),
        ("Not/AZone", None),
        ("../../etc/passwd", None),
        ("", None),
        ("x" * 200, None),
    ],
)
def test_only_real_time_zones_are_accepted(cookie, expected):
    """The cookie names an IANA zone or is ignored."""
    zone = viewer_time_zone(cookie)
    assert (str(zone) if zone else None) == expected


def test_times_are_shown_in_the_browsers_time_zone(rf):
    """The middleware activates the cookie's zone for the request, and the server's
    otherwise, so "{{ when|date }}" reads the reader's clock."""
    seen = []

    def page(request):
        seen.append(timezone.get_current_timezone_name())
        moment = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
        return HttpResponse(Template("{{ when|date:'j M H:i' }}").render(Context({"when": moment})))

    middleware = ViewerLocaleMiddleware(page)
    request = rf.get("/", headers={"cookie": f"{TIME_ZONE_COOKIE}=Europe/Berlin"})
    request.user = AnonymousUser()
    assert middleware(request).content.decode() == "2 Dec 00:30"
    plain = rf.get("/")
    plain.user = AnonymousUser()
    assert middleware(plain).content.decode() == "1 Dec 23:30"
    assert seen == ["Europe/Berlin", settings.TIME_ZONE]


def test_every_page_loads_the_time_zone_script(client):
    """The small script that sends the browser's zone is on every page."""
    assert "js/time-zone.js" in client.get(reverse("landing")).content.decode()
