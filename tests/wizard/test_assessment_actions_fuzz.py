"""Hypothesis over the wizard's other inputs: starting an assessment for any organisation,
comparing any two codes, any share token and any step name in the address. Whatever is
sent, the answer is a page, a redirect or a 404, and at most the one asked-for row appears."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import event, example, given
from hypothesis import strategies as st

from tests.factories import complete_assessment
from tests.fuzzing import EXAMPLES, texts, undone
from wizard.models import Assessment

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]


@EXAMPLES
@given(
    data=st.fixed_dictionaries(
        {}, optional={"organisation": st.one_of(texts, st.sampled_from(["northwind", "theirs"]))}
    )
)
@example(data={"organisation": "\x00"})  # was a 500 on PostgreSQL, which refuses NUL in text
def test_starting_for_any_organisation_starts_one_or_none(editor_client, outsider, data):
    """The editor's own organisation (or none named) starts one draft; any other is 404."""
    theirs = outsider.memberships.get().organisation.slug
    named = data.get("organisation", "")
    if named == "theirs":
        data = {"organisation": theirs}
    with undone():
        before = Assessment.objects.count()
        response = editor_client.post(reverse("start"), data)
        event(f"status {response.status_code}")
        assert response.status_code == (302 if named in ("", "northwind") else 404)
        assert Assessment.objects.count() - before == (1 if response.status_code == 302 else 0)


@pytest.fixture
def two_complete(organisation) -> dict[str, str]:
    return {name: str(complete_assessment(organisation).code) for name in ("first", "second")}


CODES = st.one_of(texts, st.uuids().map(str), st.sampled_from(["first", "second"]))


@EXAMPLES
@given(a=CODES, b=CODES)
def test_comparing_any_two_codes_is_a_page_or_not_found(
    owner_client, organisation, two_complete, a, b
):
    """Two different finished assessments of the organisation compare; anything else is 404."""
    params = {"a": two_complete.get(a, a), "b": two_complete.get(b, b)}
    response = owner_client.get(reverse("compare", args=[organisation.slug]), params)
    event(f"status {response.status_code}")
    assert response.status_code == (200 if {a, b} == {"first", "second"} else 404)


@EXAMPLES
@given(token=texts, pdf=st.booleans())
def test_any_share_token_is_not_found(settings, token, pdf):
    settings.SHARE_LINK_RATE_LIMIT = 10**9
    response = Client().get(f"/r/{quote(token, safe='')}/" + ("report.pdf" if pdf else ""))
    assert response.status_code == 404


@EXAMPLES
@given(slug=texts, method=st.sampled_from(["get", "post"]), autosave=st.booleans())
def test_any_step_name_in_the_address_is_not_found(editor_client, draft, slug, method, autosave):
    """Only the four steps exist; any other name is not found and leaves the draft alone."""
    with undone():
        path = f"/a/{draft.code}/{quote(slug, safe='')}/" + ("autosave/" if autosave else "")
        response = getattr(editor_client, method)(path, {"version": str(draft.version)})
        event(f"status {response.status_code}")
        if slug in ("maturity", "paths", "roi", "hiring"):
            assert response.status_code in (200, 302, 405, 409, 422)
        else:  # autosave only takes POST, and says so before it looks at the name
            allowed = (404, 405) if autosave and method == "get" else (404,)
            assert response.status_code in allowed
            assert Assessment.objects.get(pk=draft.pk).version == draft.version


VERSIONS = st.one_of(texts, st.integers(-10, 10**20).map(str), st.just("1"), st.just(" 1 "))


def _as_int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


@EXAMPLES
@given(
    fields=st.fixed_dictionaries(
        {},
        optional={
            "version": VERSIONS,
            "take_version": VERSIONS,
            "action": st.one_of(texts, st.sampled_from(["save", "continue", "add", "remove-0"])),
        },
    ),
    autosave=st.booleans(),
    htmx=st.booleans(),
)
def test_a_step_saves_only_on_the_version_it_names(editor_client, draft, fields, autosave, htmx):
    """Whatever version, "keep mine" version or button is sent, a save happens only when
    the version it names is the stored one; anything else is a conflict or a page."""
    answers = {"working_pilots": "2", "systems_in_production": "1", "declared_level": ""}
    url = reverse("autosave" if autosave else "step", args=[draft.code, "maturity"])
    with undone():
        before = Assessment.objects.get(pk=draft.pk).version
        headers = {"HX-Request": "true"} if htmx else {}
        response = editor_client.post(url, {**answers, **fields}, headers=headers)
        assert response.status_code in (200, 204, 302, 409, 422)
        after = Assessment.objects.get(pk=draft.pk).version
        event(f"status {response.status_code}, saved: {after != before}")
        assert after in (before, before + 1)
        if after != before:
            assert _as_int(fields.get("take_version") or fields.get("version")) == before
