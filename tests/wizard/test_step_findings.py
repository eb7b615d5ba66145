"""The step pages' findings of the first-time manager's walkthrough (issue 14: items 3, 4,
9, 12 and 13), as the server answers them."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from tests.wizard.helpers import paths_data, post_step, roi_data, step_url
from wizard.form_fields import plain_number
from wizard.forms import PathForm, RoiForm
from wizard.steps import shown

EXPONENT = "Write the number out in full, such as 1,000,000 rather than 1e6."


def _with_paths(draft, *paths, step=3):
    draft.furthest_step = step
    draft.answers = {
        **draft.answers,
        "critical_paths": [{"name": name, "kind": kind} for name, kind in paths],
    }
    draft.path_descriptions = [""] * len(paths)
    draft.save()
    draft.refresh_from_db()
    return draft


# --- 3. no unlabelled, hidden DELETE checkbox --------------------------------------------


@pytest.mark.django_db
def test_path_rows_have_no_hidden_delete_checkbox_and_remove_still_works(owner_client, draft):
    """Each row is removed by its labelled Remove button; no hidden checkbox takes focus."""
    _with_paths(draft, ("Churn", "predictive"), ("Support", "generative"), step=2)
    html = owner_client.get(step_url(draft, "paths")).content.decode()
    assert "DELETE" not in html
    assert 'aria-label="Remove path 1"' in html
    rows = paths_data(
        {"name": "Churn", "kind": "predictive", "source": "0"},
        {"name": "Support", "kind": "generative", "source": "1"},
        initial=2,
    )
    response = post_step(owner_client, draft, "paths", rows, action="remove-0")
    assert response.status_code == 200
    draft.refresh_from_db()
    assert [path["name"] for path in draft.answers["critical_paths"]] == ["Support"]


# --- 4. an error summary without JavaScript; no contradicting preview --------------------


@pytest.mark.django_db
def test_a_refused_post_lists_each_refused_answer_at_the_top_and_hides_the_preview(
    owner_client, draft
):
    """Without JavaScript, the reloaded page opens with links to every refused answer."""
    _with_paths(draft, ("Churn", "predictive"))
    data = roi_data({"annual_impact": "-5", "months_to_build": "99"})
    response = post_step(owner_client, draft, "roi", data)
    assert response.status_code == 200
    html = response.content.decode()
    summary = html.index('id="error-summary"')
    assert summary < html.index('id="step-form"')
    assert 'role="alert"' in html[summary - 80 : summary + 200]
    assert "2 answers need changing before this step is saved" in html
    assert 'href="#id_roi-0-annual_impact"' in html
    assert 'href="#id_roi-0-months_to_build"' in html
    assert "Churn, Months to build and validate: Enter" in html
    # The preview neither shows the saved answers (which the form contradicts) nor guesses.
    assert "Verdict per path" not in html
    assert "The preview comes back once the answers listed at the top are changed" in html


@pytest.mark.django_db
def test_a_valid_page_has_no_error_summary(owner_client, draft):
    """An untouched step shows its preview and no summary."""
    _with_paths(draft, ("Churn", "predictive"))
    html = owner_client.get(step_url(draft, "roi")).content.decode()
    assert 'id="error-summary"' not in html and "Verdict per path" in html


# --- 9. the time of a save, for the viewer's clock ---------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("how", [{"autosave": True, "action": None}, {"action": "save"}])
def test_the_save_status_sends_the_moment_and_a_labelled_server_time(owner_client, draft, how):
    """The page gets the moment in ISO 8601 (the browser shows it in local time) and,
    for a page without JavaScript, the server's time labelled with its zone."""
    data = {"working_pilots": "2", "systems_in_production": "0", "declared_level": ""}
    response = post_step(owner_client, draft, "maturity", data, **how)
    assert response.status_code == 200
    html = response.content.decode()
    moment = re.search(r'data-saved-at="([^"]+)"', html).group(1)
    saved_at = datetime.fromisoformat(moment)
    assert saved_at.utcoffset() is not None
    assert f"Saved at {saved_at:%H:%M} UTC" in html
    assert 'data-saved-text="Saved at %(time)s"' in html


# --- 12. number formats ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "money", "expected"),
    [
        ("£250,000", True, "250000"),
        ("250,000", True, "250000"),
        ("250000", True, "250000"),
        (" € 250 000 ", True, "250000"),
        ("$1,500.50", True, "1500.50"),
        ("250,000", False, "250000"),
        ("£250,000", False, "£250000"),  # not money: left for the field to refuse
    ],
)
def test_a_typed_number_is_read_without_separators_or_currency(typed, money, expected):
    """Separators and spaces always go; a currency symbol only from an amount of money."""
    assert plain_number(typed, money=money) == expected


@pytest.mark.parametrize("field", ["annual_impact", "labelled_examples"])
@pytest.mark.parametrize("typed", ["1e6", "2.5E3", "1e+6"])
def test_exponent_notation_is_refused_the_same_way_in_every_number_field(field, typed):
    """Whole-number and decimal fields refuse 1e6 alike, saying how to write it."""
    form = RoiForm({**_roi_values(), field: typed})
    assert not form.is_valid()
    assert form.errors[field] == [EXPONENT]


@pytest.mark.parametrize("typed", ["£250,000", "250,000", "250000"])
def test_money_fields_accept_an_amount_typed_with_its_symbol_or_separators(typed):
    """The yearly value reads £250,000, 250,000 and 250000 as the same amount."""
    form = RoiForm({**_roi_values(), "annual_impact": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["annual_impact"] == 250_000


def test_a_count_typed_with_a_currency_symbol_is_refused():
    """Labelled examples are not money: "£5,000" is refused with the range's message."""
    form = RoiForm({**_roi_values(), "labelled_examples": "£5,000"})
    assert not form.is_valid()
    assert "labelled_examples" in form.errors


def test_numbers_from_a_thousand_are_shown_with_separators():
    """2,000 beside 50,000, never 2000."""
    assert [shown(2000), shown(50_000), shown(999), shown(4.0)] == ["2,000", "50,000", 999, 4]


def test_an_over_long_name_is_refused_with_its_count_not_cut_short():
    """The browser is not told to cut the name; the server says how long it is."""
    form = PathForm({"name": "x" * 130, "kind": "predictive"})
    assert not form.is_valid()
    assert form.errors["name"] == ["Keep this to 120 characters or fewer: it has 130."]
    html = str(form["name"].as_field_group())
    assert "maxlength" not in html
    assert 'data-max-length="120"' in html
    assert 'id="id_name_count"' in html and "Up to 120 characters." in html
    assert re.search(r'aria-describedby="[^"]*\bid_name_count\b', html)


@pytest.mark.django_db
def test_add_a_path_refused_for_a_duplicate_name_says_why_by_that_row(owner_client, draft):
    """Pressing "Add a path" while two rows share a name marks the second row and says
    beside the button why nothing was saved."""
    _with_paths(draft, step=2)
    rows = paths_data({"name": "Churn", "kind": "predictive"}, {"name": "churn", "kind": "agentic"})
    response = post_step(owner_client, draft, "paths", rows, action="add", htmx=True)
    html = response.content.decode()
    slot = re.search(r'<div id="id_paths-1-name_error"[^>]*>(.*?)</div>', html).group(1)
    assert "Path 1 already has this name; give each path its own." in slot
    assert 'id="add-refused"' in html and 'aria-describedby="add-refused"' in html
    draft.refresh_from_db()
    assert draft.answers["critical_paths"] == []


# --- 13. wording per kind of work; labels that do not wrap a lone "*" --------------------


@pytest.mark.django_db
def test_the_yearly_value_question_is_worded_for_each_kind_of_work(owner_client, draft):
    """A predictive path is asked about accuracy; agentic and generative ones in their terms."""
    _with_paths(draft, ("Churn", "predictive"), ("Agent", "agentic"), ("Drafts", "generative"))
    html = owner_client.get(step_url(draft, "roi")).content.decode()
    labels = re.findall(r'<label for="id_roi-(\d)-annual_impact"[^>]*>(.*?)</label>', html)
    text = {row: re.sub(r"<[^>]+>", "", label) for row, label in labels}
    assert text["0"] == "Yearly value of a 2–3 % accuracy gain*"
    assert "accuracy" not in text["1"] and "tasks done right" in text["1"]
    assert "accuracy" not in text["2"] and "drafts" in text["2"]


def test_the_required_mark_stays_with_the_last_word_of_its_label():
    """On a narrow screen "*" cannot wrap onto a line of its own."""
    html = str(PathForm()["kind"].as_field_group())
    assert (
        'Kind of <span class="text-nowrap">work<span class="asteriskField">*</span></span>' in html
    )


def _roi_values():
    return {
        "annual_impact": "0",
        "labelled_examples": "0",
        "months_to_build": "6",
        "maintenance": "medium",
        "foundation_model_adequate": "partly",
    }
