"""Tenant isolation: every URL, for every persona and method, against one table.

The URLs come from the resolver, so a new view is tested the moment it is routed, and this
test fails until its row is added here on purpose. The rules the table encodes:

- Someone outside organisation A (a visitor, B's owner, staff who are not members) gets
  404 for anything of A's, never 403 and never a 200: they cannot learn it exists. Pages
  behind `login_required` send a visitor to sign in (302) before that question arises.
- A's viewers get 403 on writes; editors too on owner-only writes (members, deleting).
- A URL that carries its own secret (an invitation or share link) is open to whoever holds
  it; such rows are marked `open_to_all`, as are the account pages about no organisation.
- Nobody outside a row's `writers` changes a row of the watched tables, whatever the status.

Each request runs in a savepoint that is rolled back, so every one meets the same data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db.models import Model

from accounts.models import User
from orgs.models import Invitation, Membership, Organisation
from tests.security.url_catalogue import METHODS, PERSONAS, World, all_routes, request_and_undo
from wizard.models import Assessment

WATCHED: tuple[type[Model], ...] = (Organisation, Membership, Invitation, Assessment, User)
OUTSIDERS = ("anonymous", "other_owner", "staff")

Statuses = tuple[int, int, int, int, int, int]  # in PERSONAS order


@dataclass(frozen=True)
class Row:
    # anonymous, viewer, editor, owner (all of A), other_owner (of B), staff (no member)
    get: Statuses
    post: Statuses
    htmx: Statuses | None = None  # a POST with HX-Request: true; the same as `post` if None
    writers: frozenset[str] = frozenset()
    open_to_all: bool = False
    kwargs: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)

    def expected(self, method: str) -> Statuses:
        if method == "GET":
            return self.get
        return self.post if method == "POST" or self.htmx is None else self.htmx


def _value(name: str) -> Any:
    return lambda world: world.values[name]


ALL_405: Statuses = (405, 405, 405, 405, 405, 405)
ALL_200: Statuses = (200, 200, 200, 200, 200, 200)
DRAFT_STEP = {"code": _value("draft_code"), "slug": "maturity"}
SHARE_TOKEN = {"token": _value("share_token")}
DRAFT_ROUND = {"code": _value("draft_code")}
RESPONDENT = {"code": _value("respondent_code")}
MEMBERS = frozenset({"viewer", "editor", "owner"})
WRITERS = frozenset({"editor", "owner"})
OWNER = frozenset({"owner"})

#     name: Row(get=(anon, viewer, editor, owner, other_owner, staff), post=(...), ...)
TABLE: dict[str, Row] = {
    # --- accounts: not about any organisation ------------------------------------------
    "signup": Row(
        get=(200, 302, 302, 302, 302, 302),
        post=(200, 302, 302, 302, 302, 302),
        writers=frozenset({"anonymous"}),
    ),
    "signup-sent": Row(get=ALL_200, post=ALL_405),
    # Asking for a new confirmation link: a visitor must type an address (422 when empty);
    # a signed-in person gets one for their own address.
    "confirm-resend": Row(get=ALL_200, post=(422, 302, 302, 302, 302, 302)),
    "confirm-email": Row(
        get=(404,) * 6, post=(404,) * 6, open_to_all=True, kwargs={"token": "not-a-token"}
    ),
    "login": Row(get=ALL_200, post=ALL_200),
    "logout": Row(get=ALL_405, post=(302, 302, 302, 302, 302, 302)),
    "password_change": Row(get=(302, 200, 200, 200, 200, 200), post=(302, 200, 200, 200, 200, 200)),
    "password_change_done": Row(get=(302, 200, 200, 200, 200, 200), post=(302, *ALL_405[1:])),
    "password_reset": Row(get=ALL_200, post=ALL_200),
    "password_reset_done": Row(get=ALL_200, post=ALL_405),
    "password_reset_confirm": Row(
        get=ALL_200,
        post=ALL_200,
        open_to_all=True,
        kwargs={"uidb64": "MQ", "token": "set-password"},
    ),
    "password_reset_complete": Row(get=ALL_200, post=ALL_405),
    # --- organisations and members ------------------------------------------------------
    "dashboard": Row(get=(302, 302, 302, 302, 302, 200), post=(302, *ALL_405[1:])),
    "organisation": Row(get=(302, 200, 200, 200, 404, 404), post=(302, *ALL_405[1:])),
    "members": Row(get=(302, 200, 200, 200, 404, 404), post=(302, *ALL_405[1:])),
    "member-invite": Row(get=(302, *ALL_405[1:]), post=(302, 403, 403, 422, 404, 404)),
    "member-role": Row(get=(302, *ALL_405[1:]), post=(302, 403, 403, 302, 404, 404), writers=OWNER),
    "member-remove": Row(
        get=(302, 403, 403, 200, 404, 404), post=(302, 403, 403, 302, 404, 404), writers=OWNER
    ),
    "invitation-withdraw": Row(
        get=(302, *ALL_405[1:]),
        post=(302, 403, 403, 302, 404, 404),
        writers=OWNER,
        kwargs={"pk": _value("invitation_pk")},
    ),
    # Viewers and editors leave; the only owner is refused (302 back with a message).
    "organisation-leave": Row(
        get=(302, 200, 200, 200, 404, 404),
        post=(302, 302, 302, 302, 404, 404),
        writers=frozenset({"viewer", "editor"}),
    ),
    # The invitation link is the credential: whoever holds it may join (members are told
    # they already belong; a visitor is sent to sign in first).
    "invite": Row(
        get=ALL_200,
        post=(302, 302, 302, 302, 302, 302),
        writers=frozenset({"other_owner", "staff"}),
        open_to_all=True,
    ),
    # --- the wizard -----------------------------------------------------------------------
    "landing": Row(get=ALL_200, post=ALL_200),
    "api-docs": Row(get=ALL_200, post=ALL_200),
    "favicon": Row(get=ALL_200, post=ALL_405, open_to_all=True),
    "api-plan": Row(get=ALL_405, post=(415, 415, 415, 415, 415, 415)),
    # A visitor starts a guest draft; members who can edit start one in their organisation;
    # viewers and staff without an organisation are sent to the dashboard with a message.
    "start": Row(
        get=(302, 302, 302, 302, 302, 302),  # to the landing page's Start button
        post=(302, 302, 302, 302, 302, 302),
        writers=frozenset({"anonymous", "editor", "owner", "other_owner"}),
    ),
    "assessment": Row(get=(404, 302, 302, 302, 404, 404), post=ALL_405),
    "step": Row(
        get=(404, 200, 200, 200, 404, 404),
        post=(404, 403, 200, 200, 404, 404),
        writers=WRITERS,
        kwargs=DRAFT_STEP,
    ),
    "autosave": Row(
        get=ALL_405, post=(404, 403, 422, 422, 404, 404), writers=WRITERS, kwargs=DRAFT_STEP
    ),
    "assessment-copy": Row(get=ALL_405, post=(404, 403, 302, 302, 404, 404), writers=WRITERS),
    "assessment-delete": Row(
        get=(404, 403, 403, 200, 404, 404), post=(404, 403, 403, 302, 404, 404), writers=OWNER
    ),
    # --- reports, exports, what-if, compare and share links (wizard/report/views.py) -----
    "report": Row(get=(404, 200, 200, 200, 404, 404), post=ALL_405),
    "report-pdf": Row(get=(404, 200, 200, 200, 404, 404), post=ALL_405),
    "report-json": Row(get=(404, 200, 200, 200, 404, 404), post=ALL_405),
    "report-csv": Row(get=(404, 200, 200, 200, 404, 404), post=ALL_405),
    "report-roadmap-csv": Row(get=(404, 200, 200, 200, 404, 404), post=ALL_405),
    # Every member may try a what-if; saving it as a new assessment needs an editor.
    "what-if": Row(get=ALL_405, post=(404, 200, 200, 200, 404, 404), writers=WRITERS),
    "share-create": Row(get=ALL_405, post=(404, 403, 200, 200, 404, 404), writers=WRITERS),
    # Posted without its confirmation (as here), a revoke shows the confirmation step.
    "share-revoke": Row(
        get=ALL_405,
        post=(404, 403, 200, 200, 404, 404),
        writers=WRITERS,
    ),
    "shared-report": Row(get=ALL_200, post=ALL_405, open_to_all=True, kwargs=SHARE_TOKEN),
    "shared-report-pdf": Row(get=ALL_200, post=ALL_405, open_to_all=True, kwargs=SHARE_TOKEN),
    # --- several voices (voices/) ---------------------------------------------------------
    # Owners and editors review a finished assessment; posted empty, the form says why (422).
    "assessment-review": Row(
        get=(404, 403, 200, 200, 404, 404), post=(404, 403, 422, 422, 404, 404), writers=WRITERS
    ),
    # A round on the draft (open, nobody has submitted): owners and editors run it.
    "round": Row(
        get=(404, 403, 200, 200, 404, 404),
        post=(404, 403, 302, 302, 404, 404),  # already open: back to it with a message
        writers=WRITERS,
        kwargs=DRAFT_ROUND,
    ),
    "round-remind": Row(
        get=ALL_405, post=(404, 403, 302, 302, 404, 404), writers=WRITERS, kwargs=DRAFT_ROUND
    ),
    # Nobody has submitted, so closing is refused with a message (302 back to the round).
    "round-close": Row(
        get=ALL_405, post=(404, 403, 302, 302, 404, 404), writers=WRITERS, kwargs=DRAFT_ROUND
    ),
    # The consensus exists only once the round is closed.
    "round-consensus": Row(
        get=(404, 403, 404, 404, 404, 404),
        post=(404, 403, 404, 404, 404, 404),
        kwargs=DRAFT_ROUND,
    ),
    # Notes on answers; posted empty, the form says what is missing (422).
    "round-notes": Row(
        get=(404, 403, 200, 200, 404, 404),
        post=(404, 403, 422, 422, 404, 404),
        writers=WRITERS,
        kwargs=DRAFT_ROUND,
    ),
    "respond-notes": Row(
        get=(302, 404, 200, 404, 404, 404), post=(302, 404, 422, 404, 404, 404), kwargs=RESPONDENT
    ),
    "rounds-mine": Row(get=(302, 200, 200, 200, 200, 200), post=(302, *ALL_405[1:])),
    # A respondent's answers are theirs alone (the editor's here): 404 for everyone else.
    "respond": Row(get=(302, 404, 302, 404, 404, 404), post=(302, *ALL_405[1:]), kwargs=RESPONDENT),
    "respond-step": Row(
        get=(302, 404, 200, 404, 404, 404),
        post=(302, 404, 200, 404, 404, 404),  # posted empty: the form says what is missing
        kwargs={**RESPONDENT, "slug": "maturity"},
    ),
    "respond-autosave": Row(
        get=(302, *ALL_405[1:]),
        post=(302, 404, 422, 404, 404, 404),
        kwargs={**RESPONDENT, "slug": "maturity"},
    ),
    "compare": Row(
        get=(404, 200, 200, 200, 404, 404),
        post=ALL_405,
        query={"a": _value("code"), "b": _value("earlier_code")},
    ),
}


def _snapshot() -> dict[str, list[dict[str, Any]]]:
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in WATCHED}


def _is_scoped(route_kwargs: tuple[str, ...], row: Row) -> bool:
    """Whether the URL names something of organisation A's, so outsiders must not see it."""
    return bool(route_kwargs) and not row.open_to_all


@pytest.fixture
def fast_pdfs(monkeypatch):
    """PDFs are rendered after access is decided; a stub keeps the matrix quick."""
    monkeypatch.setattr("wizard.pdf_files.render_pdf", lambda html, **kwargs: b"%PDF-1.7 stub")


def test_every_url_has_a_row():
    """A URL without a row fails: new URLs are added to the table deliberately."""
    routes = {route.name: route.route for route in all_routes()}
    missing = {name: route for name, route in routes.items() if name not in TABLE}
    stale = sorted(set(TABLE) - set(routes))
    assert not missing, f"Add rows to TABLE in {__name__} for: {missing}"
    assert not stale, f"Rows for URLs that no longer exist: {stale}"


def test_the_table_grants_outsiders_nothing():
    """No row expects a 2xx for a visitor, another organisation's owner or staff on A's data."""
    by_name = {route.name: route for route in all_routes()}
    granted = [
        (name, method, persona)
        for name, row in TABLE.items()
        if name in by_name and _is_scoped(by_name[name].kwargs, row)
        for method in METHODS
        for persona, status in zip(PERSONAS, row.expected(method), strict=True)
        if persona in OUTSIDERS and 200 <= status < 300
    ]
    assert granted == []


def test_every_url_answers_every_persona_as_the_table_says(world: World, fast_pdfs):
    """Statuses match the table, outsiders get no 2xx on A's data, non-writers change nothing."""
    mismatches: list[str] = []
    cross_organisation: list[str] = []
    unexpected_writes: list[str] = []
    for route in all_routes():
        row = TABLE.get(route.name)
        if row is None:
            continue  # reported by test_every_url_has_a_row
        url = world.url(route, row.kwargs, row.query)
        for method in METHODS:
            for persona, expected in zip(PERSONAS, row.expected(method), strict=True):
                before = _snapshot()
                label = f"{route.name} {method} as {persona} ({url})"
                try:
                    response, after = request_and_undo(
                        world.clients[persona], method, url, inspect=lambda _r: _snapshot()
                    )
                except Exception as error:  # every failure is listed at the end
                    mismatches.append(f"{label}: raised {error!r}")
                    continue
                status = response.status_code
                if status != expected:
                    mismatches.append(f"{label}: expected {expected}, got {status}")
                if persona in OUTSIDERS and _is_scoped(route.kwargs, row) and status < 300:
                    cross_organisation.append(f"{label}: {status}")
                if after != before and (method == "GET" or persona not in row.writers):
                    changed = [name for name in before if before[name] != after[name]]
                    unexpected_writes.append(f"{label} changed {changed}")
    assert cross_organisation == [], "Outsiders reached organisation A's data"
    assert unexpected_writes == [], "Personas who may not write changed rows"
    assert mismatches == [], "\n".join(mismatches)
