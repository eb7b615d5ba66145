"""Share links: made once, stored hashed, expiring, revocable, rate-limited, and showing
nothing but the report."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import complete_assessment
from wizard.models import ShareLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def complete(organisation, owner):
    return complete_assessment(organisation)


def _create(client, assessment, expiry="30") -> str:
    response = client.post(
        reverse("share-create", args=[assessment.code]), {"expires_in_days": expiry}
    )
    assert response.status_code == 200
    return re.search(
        r'id="new-link" class="form-control" value="([^"]+)"', response.content.decode()
    ).group(1)


def _path(link: str) -> str:
    return link.split("testserver", 1)[1]


def test_a_link_is_shown_once_and_only_its_hash_is_stored(owner_client, complete):
    """The token is 43 url-safe characters; the database keeps its SHA-256 alone."""
    link = _create(owner_client, complete)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) == 43
    stored = ShareLink.objects.get()
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(ShareLink.objects.values().get())
    page = owner_client.get(reverse("report", args=[complete.code])).content.decode()
    assert token not in page


def test_the_shared_report_shows_the_report_and_nothing_else(owner_client, complete, owner):
    """A stranger sees the plan, with no controls, no emails and no internal ids."""
    link = _create(owner_client, complete)
    response = Client().get(_path(link))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hire 8 AI engineers now" in html
    assert owner.email not in html and str(complete.code) not in html
    for control in (
        "What if",
        "Share this report",
        "Re-assess",
        "Sign in",
        "/a/",
    ):
        assert control not in html
    # No form at all: the footer's language switcher is a pair of links.
    assert re.findall(r'<form[^>]*action="([^"]*)"', html) == []
    assert f'href="{reverse("set_language")}?language=de' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"


def test_views_are_counted(owner_client, complete):
    """The list shows how often and when a link was last opened."""
    link = _create(owner_client, complete)
    Client().get(_path(link))
    Client().get(_path(link))
    stored = ShareLink.objects.get()
    assert stored.views == 2 and stored.last_viewed is not None


def test_unknown_revoked_and_expired_links_are_the_same_404(owner_client, complete):
    """Nobody can tell a guessed token from a revoked or expired one."""
    live = _create(owner_client, complete)
    revoked = _create(owner_client, complete)
    expired = _create(owner_client, complete, expiry="7")
    link = ShareLink.objects.order_by("-id").first()
    ShareLink.objects.filter(pk=link.pk).update(expires=timezone.now() - timedelta(seconds=1))
    revoked_link = ShareLink.objects.order_by("id")[1]
    response = owner_client.post(
        reverse("share-revoke", args=[complete.code, revoked_link.pk]), {"confirmed": "on"}
    )
    assert response.status_code == 302
    stranger = Client()
    assert stranger.get(_path(live)).status_code == 200
    bodies = set()
    for path in (_path(revoked), _path(expired), "/r/" + "A" * 43 + "/"):
        response = stranger.get(path)
        assert response.status_code == 404
        # Identical but for the per-response nonce and CSRF token.
        # Per-request values: nonces, CSRF tokens and the language switcher's return path.
        body = re.sub(
            rb'(nonce="|X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+',
            b"",
            response.content,
        )
        bodies.add(re.sub(rb'(name="next" value=")[^"]+', b"", body))
    assert len(bodies) == 1


def test_links_never_expiring_are_allowed(owner_client, complete):
    """ "Never" is one of the choices."""
    _create(owner_client, complete, expiry="never")
    assert ShareLink.objects.get().expires is None


@pytest.mark.parametrize("persona", ["viewer_client", "outsider_client"])
def test_only_owners_and_editors_share(request, persona, complete):
    """Viewers get 403; outsiders 404; no link is made."""
    client = request.getfixturevalue(persona)
    response = client.post(reverse("share-create", args=[complete.code]), {"expires_in_days": "7"})
    assert response.status_code == (403 if persona == "viewer_client" else 404)
    assert not ShareLink.objects.exists()


def test_a_link_cannot_be_revoked_through_another_assessment(owner_client, complete, organisation):
    """The link id must belong to the assessment in the URL."""
    _create(owner_client, complete)
    other = complete_assessment(organisation)
    link = ShareLink.objects.get()
    assert owner_client.post(reverse("share-revoke", args=[other.code, link.pk])).status_code == 404
    assert ShareLink.objects.get().revoked is None


def test_lookups_are_rate_limited_per_client(owner_client, complete, settings):
    """Past the limit a client gets 429 with Retry-After, guessing or not; others are unaffected."""
    settings.SHARE_LINK_RATE_LIMIT = 3
    link = _create(owner_client, complete)
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    codes = [guesser.get("/r/" + "B" * 43 + "/").status_code for _ in range(3)]
    assert codes == [404, 404, 404]
    blocked = guesser.get(_path(link))
    assert blocked.status_code == 429 and blocked["Retry-After"] == "60"
    assert Client(REMOTE_ADDR="198.51.100.7").get(_path(link)).status_code == 200


@pytest.mark.parametrize(
    ("remote", "forwarded"),
    [
        ("203.0.113.9", "192.0.2.{n}"),  # straight to the app, posing as someone new
        ("127.0.0.1", "192.0.2.{n}, 203.0.113.9"),  # through the proxy, a forged first hop
    ],
)
def test_the_lookup_limit_is_not_lifted_by_a_new_forwarded_address(
    owner_client, complete, settings, remote, forwarded
):
    """Behind a proxy, rotating X-Forwarded-For does not reset a client's count."""
    settings.BEHIND_PROXY = True
    settings.SHARE_LINK_RATE_LIMIT = 3
    link = _create(owner_client, complete)
    codes = [
        Client(REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded.format(n=n))
        .get(_path(link))
        .status_code
        for n in range(4)
    ]
    assert codes == [200, 200, 200, 429]


def test_the_shared_page_stays_within_eight_queries(
    owner_client, complete, django_assert_max_num_queries, settings
):
    """Looking up, counting and rendering a shared report is cheap.

    The cache (the rendered report) is Redis in a scaled deployment, so it is an in-memory
    cache here: the budget is for the page's own database queries, the rate-limit count
    among them.
    """
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    link = _create(owner_client, complete)
    with django_assert_max_num_queries(8):
        assert Client().get(_path(link)).status_code == 200


def test_the_shared_pdf_is_the_same_report(owner_client, complete):
    """Readers of a link can save the PDF too."""
    link = _create(owner_client, complete)
    response = Client().get(_path(link) + "report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_share_links_are_listed_with_creator_expiry_and_views(owner_client, complete):
    """The report lists each link: who made it, when it expires, how often it was viewed."""
    _create(owner_client, complete, expiry="90")
    html = owner_client.get(reverse("report", args=[complete.code])).content.decode()
    assert "Links to this report" in html and "Revoke" in html


def test_creating_viewing_and_revoking_are_in_the_audit_log(owner_client, complete, owner):
    """Who shared, each view (with no token in the log) and who revoked."""
    from audit.models import AuditEvent

    link = _create(owner_client, complete)
    Client(REMOTE_ADDR="192.0.2.5").get(_path(link))
    owner_client.post(
        reverse("share-revoke", args=[complete.code, ShareLink.objects.get().pk]),
        {"confirmed": "on"},
    )
    events = list(AuditEvent.objects.filter(action__startswith="share_link").order_by("id"))
    assert [(e.action, e.actor) for e in events] == [
        ("share_link.created", owner),
        ("share_link.viewed", None),
        ("share_link.revoked", owner),
    ]
    assert events[1].ip_address == "192.0.2.5"
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert all(token not in str(e.details) for e in events)


@pytest.mark.parametrize("expiry", ["²", "0", "365", "-7", ""])
def test_an_expiry_that_is_not_offered_is_refused_by_its_field(owner_client, complete, expiry):
    """Odd expiry values (a superscript two passes str.isdigit) make no link; the form
    says why beside the field."""
    response = owner_client.post(
        reverse("share-create", args=[complete.code]),
        {"expires_in_days": expiry},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert not ShareLink.objects.exists()
    html = response.content.decode()
    assert 'id="share-expires_in_days_error"' in html and "is-invalid" in html
    assert "Choose one of the offered expiries." in html or "This field is required." in html


@pytest.mark.parametrize(("expiry", "days"), [("7", 7), ("30", 30), ("90", 90), ("never", None)])
def test_each_offered_expiry_makes_a_link_of_that_length(owner_client, complete, expiry, days):
    """The form offers exactly the service's expiries, and each one is honoured."""
    html = owner_client.get(reverse("report", args=[complete.code])).content.decode()
    assert f'<option value="{expiry}"' in html
    _create(owner_client, complete, expiry=expiry)
    link = ShareLink.objects.get()
    if days is None:
        assert link.expires is None
    else:
        assert abs(link.expires - link.created - timedelta(days=days)) < timedelta(minutes=1)


def test_the_audit_row_of_a_new_link_records_the_address(owner_client, complete):
    """The share-link service is given the request, so its audit row has the address."""
    from audit.models import AuditEvent

    _create(owner_client, complete)
    assert AuditEvent.objects.get(action="share_link.created").ip_address == "127.0.0.1"


def test_revoking_without_javascript_asks_first(owner_client, complete):
    """A revoke posted without its confirmation changes nothing and shows the question;
    confirming it revokes and returns to the share panel."""
    _create(owner_client, complete)
    link = ShareLink.objects.get()
    url = reverse("share-revoke", args=[complete.code, link.pk])
    response = owner_client.post(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Revoke this share link?" in html and 'name="confirmed"' in html
    link.refresh_from_db()
    assert link.revoked is None
    response = owner_client.post(url, {"confirmed": "on"})
    assert response.status_code == 302 and response.url.endswith("#share")
    link.refresh_from_db()
    assert link.revoked is not None


def test_revoking_with_htmx_sends_the_confirmation_it_asked_for(owner_client, complete):
    """The list's revoke button carries the confirmation htmx posts after asking."""
    _create(owner_client, complete)
    html = owner_client.get(reverse("report", args=[complete.code])).content.decode()
    assert "hx-confirm=" in html and """hx-vals='{"confirmed": "on"}'""" in html
