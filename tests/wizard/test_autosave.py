"""Answers are saved as they are typed, and a stale save is a visible conflict."""

from __future__ import annotations

import pytest

from tests.wizard.helpers import maturity_data, paths_data, post_step, roi_data, step_url

pytestmark = pytest.mark.django_db


def test_autosave_stores_valid_answers_and_updates_the_page(owner_client, draft):
    """A valid change is saved at once; the reply updates status, version and preview."""
    response = post_step(
        owner_client,
        draft,
        "maturity",
        maturity_data(systems_in_production="1"),
        autosave=True,
        action=None,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Saved at" in html
    assert f'name="version" id="version" value="{draft.version + 1}" hx-swap-oob="true"' in html
    assert 'id="preview"' in html and "Level 3" in html
    draft.refresh_from_db()
    assert draft.answers["maturity"]["systems_in_production"] == 1
    assert draft.furthest_step == 1  # autosave never completes a step


def test_autosave_of_a_bad_value_fills_the_error_slot_and_saves_nothing(owner_client, draft):
    """An invalid answer gets its message in the field's slot and a 422; the draft is unchanged."""
    version = draft.version
    response = post_step(
        owner_client,
        draft,
        "maturity",
        maturity_data(working_pilots="-3"),
        autosave=True,
        action=None,
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert '<div id="id_working_pilots_error"' in html
    assert "Enter a whole number from 0 to 1,000,000." in html
    assert "Not saved" in html
    draft.refresh_from_db()
    assert draft.version == version


def test_a_save_from_a_stale_tab_is_a_conflict_with_both_values(owner_client, draft):
    """Tab B, opened before tab A saved, cannot overwrite A: it is shown both values."""
    opened_at = draft.version
    post_step(
        owner_client,
        draft,
        "maturity",
        maturity_data(working_pilots="5"),
        autosave=True,
        action=None,
    )
    response = post_step(
        owner_client,
        draft,
        "maturity",
        maturity_data(working_pilots="9"),
        autosave=True,
        action=None,
        version=opened_at,
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "These answers were changed somewhere else" in html
    assert "<td>5</td><td>9</td>" in html
    draft.refresh_from_db()
    assert draft.answers["maturity"]["working_pilots"] == 5


def test_keep_my_answers_replaces_the_other_save_knowingly(owner_client, draft):
    """After seeing the conflict, the user may keep theirs: take_version names what they saw."""
    opened_at = draft.version
    post_step(
        owner_client,
        draft,
        "maturity",
        maturity_data(working_pilots="5"),
        autosave=True,
        action=None,
    )
    draft.refresh_from_db()
    response = post_step(
        owner_client,
        draft,
        "maturity",
        {**maturity_data(working_pilots="9"), "take_version": str(draft.version)},
        autosave=True,
        action="save",
        version=opened_at,
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.answers["maturity"]["working_pilots"] == 9


def test_a_stale_plain_post_shows_the_conflict_without_javascript(owner_client, draft):
    """Without htmx the conflict is rendered on the step page, the typed values kept."""
    opened_at = draft.version
    post_step(
        owner_client,
        draft,
        "maturity",
        maturity_data(working_pilots="5"),
        autosave=True,
        action=None,
    )
    response = post_step(
        owner_client, draft, "maturity", maturity_data(working_pilots="9"), version=opened_at
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "These answers were changed somewhere else" in html
    assert 'name="take_version"' in html
    assert 'value="9"' in html


def test_a_missing_or_garbled_version_is_treated_as_stale(owner_client, draft):
    """A save that cannot say what it started from never overwrites anything."""
    response = post_step(
        owner_client,
        draft,
        "maturity",
        maturity_data(working_pilots="9"),
        autosave=True,
        action=None,
        version="abc",
    )
    assert response.status_code == 409


def test_renaming_and_removing_paths_keeps_each_paths_figures(owner_client, draft):
    """Step-3 figures follow their path through renames, removals and reordering."""
    post_step(owner_client, draft, "maturity", maturity_data())
    post_step(
        owner_client,
        draft,
        "paths",
        paths_data({"name": "A", "kind": "predictive"}, {"name": "B", "kind": "agentic"}),
    )
    post_step(
        owner_client, draft, "roi", roi_data({"annual_impact": "111"}, {"annual_impact": "222"})
    )
    response = post_step(
        owner_client,
        draft,
        "paths",
        paths_data(
            {"name": "A", "kind": "predictive", "source": "0"},
            {"name": "B renamed", "kind": "agentic", "source": "1"},
            initial=2,
        ),
        action="remove-0",
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    paths = draft.answers["critical_paths"]
    assert [(p["name"], p["annual_impact"]) for p in paths] == [("B renamed", 222)]


def test_adding_a_row_saves_what_is_there_and_offers_a_blank_row(owner_client, draft):
    """ "Add a path" keeps the typed rows and renders one more, focused."""
    post_step(owner_client, draft, "maturity", maturity_data())
    response = post_step(
        owner_client, draft, "paths", paths_data({"name": "A", "kind": "predictive"}), action="add"
    )
    html = response.content.decode()
    assert 'name="paths-1-name"' in html and "autofocus" in html
    draft.refresh_from_db()
    assert [p["name"] for p in draft.answers["critical_paths"]] == ["A"]


def test_duplicate_path_names_are_refused_whatever_their_case(owner_client, draft):
    """Two paths may not share a name, ignoring case and surrounding spaces."""
    post_step(owner_client, draft, "maturity", maturity_data())
    response = post_step(
        owner_client,
        draft,
        "paths",
        paths_data({"name": "Churn", "kind": "predictive"}, {"name": " churn ", "kind": "agentic"}),
    )
    assert response.status_code == 200
    assert "Path 1 already has this name" in response.content.decode()


def test_a_blank_extra_row_is_ignored(owner_client, draft):
    """An empty row nobody filled in is not an error and is not saved."""
    post_step(owner_client, draft, "maturity", maturity_data())
    response = post_step(
        owner_client,
        draft,
        "paths",
        paths_data({"name": "A", "kind": "predictive"}, {"name": "", "kind": ""}),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert len(draft.answers["critical_paths"]) == 1


def test_autosave_on_the_paths_step_tells_rows_which_path_they_now_edit(owner_client, draft):
    """A new row saved by autosave is told its saved index, so later saves keep its figures."""
    post_step(owner_client, draft, "maturity", maturity_data())
    response = post_step(
        owner_client,
        draft,
        "paths",
        paths_data({"name": "", "kind": ""}, {"name": "New", "kind": "generative"}),
        autosave=True,
        action=None,
    )
    assert (
        'name="paths-1-source" id="id_paths-1-source" value="0" hx-swap-oob="true"'
        in response.content.decode()
    )


def test_the_step_page_names_the_version_it_was_built_from(owner_client, draft):
    """Every form carries the version, so its saves can be checked for staleness."""
    html = owner_client.get(step_url(draft, "maturity")).content.decode()
    assert f'name="version" id="version" value="{draft.version}"' in html


def test_a_stale_save_that_repeats_the_saved_answers_is_not_a_conflict(owner_client, draft):
    """A retried or restored save whose values are already saved simply succeeds."""
    opened_at = draft.version
    post_step(
        owner_client,
        draft,
        "maturity",
        maturity_data(working_pilots="5"),
        autosave=True,
        action=None,
    )
    response = post_step(
        owner_client,
        draft,
        "maturity",
        maturity_data(working_pilots="5"),
        autosave=True,
        action=None,
        version=opened_at,
    )
    assert response.status_code == 200
    assert "Saved at" in response.content.decode()
