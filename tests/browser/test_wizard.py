"""The wizard in a real browser: the journey a manager takes with and without JavaScript,
from the keyboard, on a phone, across reloads, in two tabs and through signing up."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import (
    autosave,
    screenshot,
    start_assessment,
    tab_to,
    wait_until_saved,
)
from tests.factories import EXAMPLE_ANSWERS, PASSWORD, MembershipFactory
from wizard.answers_draft import normalised
from wizard.models import Assessment

pytestmark = pytest.mark.django_db(transaction=True)

SAVED = re.compile(r"^Saved at \d\d:\d\d$")
TITLES = {
    "maturity": "How mature is your use of AI?",
    "paths": "Which processes are your critical paths?",
    "roi": "Does a custom model pay off?",
    "hiring": "Whom should you hire?",
}
PILOTS = "How many AI pilots work today?"
SYSTEMS = "How many AI systems run in production?"


def expect_step(page, base: str, slug: str) -> None:
    """The browser shows step `slug`: its URL, its <title> and its heading."""
    expect(page).to_have_url(base + slug + "/")
    expect(page).to_have_title(f"{TITLES[slug]} · Hireframe")
    expect(page.locator("#step-heading")).to_have_text(TITLES[slug])


def answer_steps_1_and_2(page, base: str) -> None:
    """Two working pilots; the paths "Churn prediction" and "Support replies"; on to step 3."""
    with autosave(page):
        page.get_by_label(PILOTS).fill("2")
    page.get_by_role("button", name="Save and continue").click()
    expect_step(page, base, "paths")
    page.locator("#id_paths-0-name").fill("Churn prediction")
    page.locator("#id_paths-0-kind").select_option("predictive")
    page.get_by_role("button", name="Add a path").click()
    page.locator("#id_paths-1-name").fill("Support replies")
    page.locator("#id_paths-1-kind").select_option("generative")
    page.get_by_role("button", name="Save and continue").click()
    expect_step(page, base, "roi")
    expect(page.get_by_role("group", name="Support replies")).to_be_visible()


def pause(page) -> None:
    """Take the second a person takes before reaching for a button; autosave runs in it."""
    page.wait_for_timeout(900)
    wait_until_saved(page)


def sign_up(page, live_server) -> None:
    """Open an account for Northwind Trading (60 people) and land on its dashboard."""
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Email address").fill("manager@example.com")
    page.get_by_label("Password").fill("a long and unusual passphrase 42")
    page.get_by_label("Organisation name").fill("Northwind Trading")
    page.get_by_label("How many people work there?").fill("60")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    link = re.search(r"http://\S+/accounts/confirm/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm and sign in").click()
    expect(page).to_have_url(live_server.url + "/o/northwind-trading/")


# --- 1. The whole journey with htmx ------------------------------------------------------


def test_a_guest_goes_from_landing_page_to_plan_with_live_previews(page, live_server):
    """A guest answers four steps with htmx, Back and Forward work, the plan says hire 3."""
    base = start_assessment(page, live_server)
    preview = page.locator("#preview")
    status = page.locator("#save-status")

    # Step 1: the preview moves from level 1 to level 2 as the pilots are counted.
    expect_step(page, base, "maturity")
    expect(page.locator("main")).to_contain_text("Guest draft")
    expect(preview).to_contain_text("Level 1")
    expect(status).to_have_text("Answers are saved as you type.")
    with autosave(page):
        page.get_by_label(PILOTS).fill("2")
    expect(status).to_have_text(SAVED)
    expect(preview).to_contain_text("Level 2")
    expect(preview).to_contain_text("Pilot")
    screenshot(page, "wizard-1-maturity")
    page.get_by_role("button", name="Save and continue").click()

    # Back returns to step 1 with its saved answer; Forward comes back to step 2.
    expect_step(page, base, "paths")
    page.go_back()
    expect_step(page, base, "maturity")
    expect(page.get_by_label(PILOTS)).to_have_value("2")
    expect(preview).to_contain_text("Level 2")
    page.go_forward()
    expect_step(page, base, "paths")

    # Step 2: two paths, the second added with "Add a path"; the preview lists them.
    expect(preview).to_contain_text("None yet")
    page.locator("#id_paths-0-name").fill("Churn prediction")
    with autosave(page):
        page.locator("#id_paths-0-kind").select_option("predictive")
    expect(preview).to_contain_text("Churn prediction · Predictive")
    expect(page.locator("#id_paths-1-name")).to_have_count(0)
    pause(page)
    page.get_by_role("button", name="Add a path").click()
    expect(page).to_have_url(base + "paths/")
    expect(page.locator("#id_paths-0-name")).to_have_value("Churn prediction")
    expect(page.locator("#id_paths-1-name")).to_be_focused()
    page.locator("#id_paths-1-name").fill("Support replies")
    with autosave(page):
        page.locator("#id_paths-1-kind").select_option("generative")
    expect(preview).to_contain_text("Churn prediction · Predictive")
    expect(preview).to_contain_text("Support replies · Generative")
    screenshot(page, "wizard-2-paths")
    pause(page)
    page.get_by_role("button", name="Save and continue").click()

    # Step 3: the churn path turns from a foundation model into a custom model.
    expect_step(page, base, "roi")
    churn_verdict = preview.get_by_role("region", name="Churn prediction")
    expect(churn_verdict).to_contain_text("Foundation model")
    page.locator("#id_roi-0-annual_impact").fill("250,000")
    page.locator("#id_roi-0-labelled_examples").fill("50,000")
    page.locator("#id_roi-0-months_to_build").fill("4")
    expect(churn_verdict).to_contain_text("Custom model")
    expect(churn_verdict).to_contain_text(re.compile(r"Build cost\s*£66,666\.67"))
    expect(preview).to_contain_text("1 of 2 paths justifies a custom model.")
    pause(page)
    screenshot(page, "wizard-3-roi")

    page.go_back()
    expect_step(page, base, "paths")
    expect(page.locator("#id_paths-1-name")).to_have_value("Support replies")
    page.go_forward()
    expect_step(page, base, "roi")
    expect(page.locator("#id_roi-0-annual_impact")).to_have_value("250,000")
    expect(page.locator("#id_roi-0-months_to_build")).to_have_value("4")
    page.get_by_role("button", name="Save and continue").click()

    # Step 4: the team appears once the headcount is known.
    expect_step(page, base, "hiring")
    expect(preview).to_contain_text("Enter the number of people")
    with autosave(page):
        page.get_by_label("People in the organisation").fill("60")
    expect(preview.locator(".team-counts li").first).to_contain_text("3 AI engineers")
    expect(preview).to_contain_text("Growth stage, maturity level 2.")

    # The progress bar leads back to a step already done, and forward again.
    page.get_by_role("navigation", name="Assessment steps").get_by_role(
        "link", name="Critical paths"
    ).click()
    expect_step(page, base, "paths")
    page.get_by_role("navigation", name="Assessment steps").get_by_role(
        "link", name="Hiring"
    ).click()
    expect_step(page, base, "hiring")
    expect(page.get_by_label("People in the organisation")).to_have_value("60")
    screenshot(page, "wizard-4-hiring")
    page.get_by_role("button", name="Finish and see the plan").click()

    # The report: the answer first, then the paths with their verdicts.
    expect(page).to_have_url(base + "report/")
    expect(page).to_have_title("Team plan · Hireframe")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hire 3 AI engineers now")
    paths = page.get_by_role("region", name="Critical paths").get_by_role("table")
    expect(paths.get_by_role("row", name=re.compile("^Churn prediction"))).to_contain_text(
        "Custom model"
    )
    expect(paths.get_by_role("row", name=re.compile("^Support replies"))).to_contain_text(
        "Foundation model"
    )
    screenshot(page, "wizard-5-report")
    page.watch.assert_clean()


# --- 2. Without JavaScript ---------------------------------------------------------------


def test_without_javascript_every_step_posts_and_reaches_the_same_plan(browser, live_server):
    """Without JavaScript the steps post and redirect; a bad value stops by its field."""
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    page = context.new_page()
    base = start_assessment(page, live_server)

    # Nothing is saved as it is typed here, so nothing says so.
    expect(page.locator("#save-status")).not_to_contain_text("saved as you type")
    page.get_by_label(PILOTS).fill("2")
    page.get_by_role("button", name="Save and continue").click()
    expect_step(page, base, "paths")

    page.locator("#id_paths-0-name").fill("Churn prediction")
    page.locator("#id_paths-0-kind").select_option("predictive")
    page.get_by_role("button", name="Add a path").click()
    expect(page.locator("#id_paths-0-name")).to_have_value("Churn prediction")
    page.locator("#id_paths-1-name").fill("Support replies")
    page.locator("#id_paths-1-kind").select_option("generative")
    page.get_by_role("button", name="Save and continue").click()
    expect_step(page, base, "roi")

    # Forty months is out of range: the step comes back with the error by the field.
    page.locator("#id_roi-0-annual_impact").fill("250,000")
    page.locator("#id_roi-0-labelled_examples").fill("50,000")
    months = page.locator("#id_roi-0-months_to_build")
    months.fill("40")
    page.get_by_role("button", name="Save and continue").click()
    expect_step(page, base, "roi")
    expect(page.locator("#id_roi-0-months_to_build_error")).to_have_text(
        "Enter a number from 1 to 36."
    )
    expect(months).to_have_attribute("aria-invalid", "true")
    expect(months).to_have_value("40")
    expect(page.locator("#id_roi-0-annual_impact")).to_have_value("250,000")
    screenshot(page, "wizard-nojs-3-error")
    assert Assessment.objects.get().furthest_step == 3

    months.fill("4")
    page.get_by_role("button", name="Save and continue").click()
    expect_step(page, base, "hiring")
    page.get_by_label("People in the organisation").fill("60")
    page.get_by_role("button", name="Finish and see the plan").click()

    expect(page).to_have_url(base + "report/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hire 3 AI engineers now")
    paths = page.get_by_role("region", name="Critical paths").get_by_role("table")
    expect(paths.get_by_role("row", name=re.compile("^Churn prediction"))).to_contain_text(
        "Custom model"
    )
    screenshot(page, "wizard-nojs-5-report")
    context.close()


# --- 3. Reloading and reopening ----------------------------------------------------------


def test_reloading_or_reopening_a_step_keeps_what_was_typed(page, live_server):
    """After "Saved at", a reload or the step's URL in a new tab shows what was typed."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    base = start_assessment(page, live_server)

    with autosave(page):
        page.get_by_label(PILOTS).fill("4")
    wait_until_saved(page)
    page.reload()
    expect_step(page, base, "maturity")
    expect(page.get_by_label(PILOTS)).to_have_value("4")
    expect(page.locator("#preview")).to_contain_text("Level 2")

    with autosave(page):
        page.get_by_label(SYSTEMS).fill("1")
    wait_until_saved(page)
    context = page.context
    page.close()

    again = context.new_page()
    again.goto(base + "maturity/")
    expect_step(again, base, "maturity")
    expect(again.get_by_label(PILOTS)).to_have_value("4")
    expect(again.get_by_label(SYSTEMS)).to_have_value("1")
    expect(again.locator("#preview")).to_contain_text("Level 3")
    assert dialogs == [], f"a leave-page prompt appeared after saving: {dialogs}"


def test_a_value_typed_just_before_a_reload_is_shown_and_saved_after_it(page, live_server):
    """A reload before the debounced save puts the typed value back and saves it."""
    base = start_assessment(page, live_server)
    page.get_by_label(PILOTS).fill("7")
    page.reload()
    expect_step(page, base, "maturity")
    expect(page.get_by_label(PILOTS)).to_have_value("7")
    expect(page.locator("#save-status")).to_have_text(SAVED)
    assert Assessment.objects.get().answers["maturity"]["working_pilots"] == 7


def test_closing_the_tab_straight_after_typing_saves_the_answer_or_asks_first(page, live_server):
    """A tab closed right after typing either saves the answer or asks before closing."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    base = start_assessment(page, live_server)
    context = page.context
    page.get_by_label(PILOTS).fill("7")
    page.close(run_before_unload=True)

    again = context.new_page()
    again.goto(base + "maturity/")
    saved = False
    for _ in range(10):  # a save sent as the tab closed may land a moment later
        saved = Assessment.objects.get().answers["maturity"]["working_pilots"] == 7
        if saved:
            break
        again.wait_for_timeout(100)
    assert saved or dialogs == ["beforeunload"], "the answer was lost without a warning"


def test_an_answer_typed_just_before_pressing_back_is_kept(page, live_server):
    """Back pressed before the debounced autosave has run loses nothing typed."""
    base = start_assessment(page, live_server)
    for slug in ("paths", "roi", "hiring"):
        page.get_by_role("button", name="Save and continue").click()
        expect_step(page, base, slug)
    page.get_by_label("People in the organisation").fill("60")
    page.go_back()
    expect_step(page, base, "roi")
    page.go_forward()
    expect_step(page, base, "hiring")
    expect(page.get_by_label("People in the organisation")).to_have_value("60")
    wait_until_saved(page)
    assert Assessment.objects.get().answers["organisation"]["headcount"] == 60


def test_a_path_saved_by_autosave_stays_saved_through_to_step_3(page, live_server):
    """Type a path, see it saved, press Save and continue: step 3 asks about that path."""
    base = start_assessment(page, live_server)
    page.get_by_role("button", name="Save and continue").click()
    expect_step(page, base, "paths")
    page.locator("#id_paths-0-name").fill("Churn prediction")
    page.locator("#id_paths-0-kind").select_option("predictive")
    pause(page)
    expect(page.locator("#preview")).to_contain_text("Churn prediction · Predictive")

    page.get_by_role("button", name="Save and continue").click()
    expect_step(page, base, "roi")
    expect(page.get_by_role("group", name="Churn prediction")).to_be_visible()
    assert [path["name"] for path in Assessment.objects.get().answers["critical_paths"]] == [
        "Churn prediction"
    ]


# --- 4. The keyboard ---------------------------------------------------------------------


def test_focus_follows_each_swap_to_the_heading_or_the_first_invalid_field(page, live_server):
    """After a swap focus is on the new heading, or on the field that stopped the step."""
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    tab_to(page, "button", name="Start an assessment")
    page.keyboard.press("Enter")
    page.wait_for_url("**/maturity/")
    base = page.url.removesuffix("maturity/")

    # On a step, the skip link jumps over the header to the step's first field.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label(PILOTS)).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.keyboard.press("Enter")
    expect_step(page, base, "paths")
    expect(page.locator("#step-heading")).to_be_focused()

    # A name without a kind: Enter keeps the step and puts focus on the kind.
    tab_to(page, "#id_paths-0-name")
    page.keyboard.type("Churn prediction")
    page.keyboard.press("Enter")
    expect(page.locator("#id_paths-0-kind_error")).not_to_be_empty()
    expect(page.locator("#id_paths-0-kind")).to_be_focused()
    expect(page).to_have_url(base + "paths/")
    screenshot(page, "wizard-keyboard-2-missing-kind")


def test_autosave_leaves_the_cursor_in_the_field_being_typed_in(page, live_server):
    """A pause long enough for the autosave does not move focus out of the field."""
    start_assessment(page, live_server)
    pilots = page.get_by_label(PILOTS)
    pilots.click()
    page.keyboard.press("Control+A")
    with autosave(page):
        page.keyboard.type("1")
    wait_until_saved(page)
    page.keyboard.type("2")
    expect(pilots).to_be_focused()
    expect(pilots).to_have_value("12")


def test_a_keyboard_user_answers_steps_1_to_3_with_tab_type_and_enter(page, live_server):
    """With Tab, typing, pauses and Enter alone, a user answers steps 1 to 3."""
    base = start_assessment(page, live_server)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link

    tab_to(page, "#id_working_pilots")
    page.keyboard.press("Control+A")
    with autosave(page):
        page.keyboard.type("2")
    wait_until_saved(page)
    expect(page.locator("#id_working_pilots")).to_be_focused()
    tab_to(page, "#id_systems_in_production")
    page.keyboard.press("Enter")
    expect_step(page, base, "paths")
    expect(page.locator("#step-heading")).to_be_focused()

    tab_to(page, "#id_paths-0-name")
    page.keyboard.type("Churn prediction")
    page.keyboard.press("Tab")
    expect(page.locator("#id_paths-0-kind")).to_be_focused()
    with autosave(page):
        page.keyboard.type("P")  # picks "Predictive" in the closed select
    wait_until_saved(page)
    expect(page.locator("#id_paths-0-kind")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect_step(page, base, "roi")
    expect(page.locator("#step-heading")).to_be_focused()

    tab_to(page, "#id_roi-0-annual_impact")
    page.keyboard.press("Control+A")
    page.keyboard.type("250000")
    page.keyboard.press("Enter")
    expect_step(page, base, "hiring")


# --- 5. An invalid answer while autosaving -----------------------------------------------


def test_an_invalid_answer_is_marked_and_not_saved_until_it_is_fixed(page, live_server):
    """Autosave marks -3 pilots invalid and unsaved; typing 3 clears the error and saves."""
    start_assessment(page, live_server)
    pilots = page.get_by_label(PILOTS)
    error = page.locator("#id_working_pilots_error")
    status = page.locator("#save-status")

    with autosave(page) as refused:
        pilots.fill("-3")
    assert refused.value.status == 422
    expect(error).to_have_text("Enter a whole number from 0 to 1,000,000.")
    expect(pilots).to_have_attribute("aria-invalid", "true")
    expect(pilots).to_have_attribute("aria-describedby", re.compile(r"\bid_working_pilots_error\b"))
    expect(status).to_have_text("Not saved: check the answer marked in red.")
    screenshot(page, "wizard-1-invalid-pilots")
    assert Assessment.objects.get().answers["maturity"]["working_pilots"] == 0

    with autosave(page) as saved:
        pilots.fill("3")
    assert saved.value.status == 200
    expect(error).to_be_empty()
    expect(pilots).not_to_have_attribute("aria-invalid", "true")
    expect(status).to_have_text(SAVED)
    expect(page.locator("#preview")).to_contain_text("Level 2")
    assert Assessment.objects.get().answers["maturity"]["working_pilots"] == 3
    # The refused save answered 422, which the browser logs; nothing else went wrong.
    assert page.watch.foreign_requests == []
    assert all(failure.startswith("422 ") for failure in page.watch.failed_requests)


# --- 6. Two tabs -------------------------------------------------------------------------


def test_two_tabs_on_one_step_conflict_instead_of_overwriting(page, live_server):
    """A stale save in tab B lists both values and overwrites nothing until B keeps its own."""
    base = start_assessment(page, live_server)
    tab_a = page
    tab_b = page.context.new_page()
    tab_b.goto(base + "maturity/")

    with autosave(tab_a):
        tab_a.get_by_label(PILOTS).fill("2")
    wait_until_saved(tab_a)
    with autosave(tab_b) as refused:
        tab_b.get_by_label(PILOTS).fill("5")
    assert refused.value.status == 409

    conflict = tab_b.locator("#conflict")
    expect(conflict).to_contain_text("These answers were changed somewhere else")
    row = conflict.get_by_role("row", name=re.compile(re.escape(PILOTS)))
    expect(row.get_by_role("cell")).to_have_text(["2", "5"])
    expect(tab_b.locator("#save-status")).to_contain_text("Not saved")
    screenshot(tab_b, "wizard-conflict")
    assert Assessment.objects.get().answers["maturity"]["working_pilots"] == 2
    tab_a.reload()
    expect(tab_a.get_by_label(PILOTS)).to_have_value("2")
    expect(tab_a.locator("#conflict")).to_be_empty()

    with tab_b.expect_response(
        lambda response: "take_version" in (response.request.post_data or "")
    ) as kept:
        tab_b.get_by_role("button", name="Keep my answers").click()
    assert kept.value.status == 200
    expect(tab_b).to_have_url(base + "maturity/")
    expect(conflict).to_be_empty()
    expect(tab_b.locator("#save-status")).to_have_text(SAVED)
    assert Assessment.objects.get().answers["maturity"]["working_pilots"] == 5
    tab_a.reload()
    expect(tab_a.get_by_label(PILOTS)).to_have_value("5")
    expect(tab_a.locator("#conflict")).to_be_empty()


def test_using_the_saved_answers_after_a_conflict_shows_them(page, live_server):
    """After a conflict, "Use the saved answers" shows the other tab's saved values."""
    base = start_assessment(page, live_server)
    tab_a = page
    tab_b = page.context.new_page()
    tab_b.goto(base + "maturity/")
    with autosave(tab_a):
        tab_a.get_by_label(PILOTS).fill("2")
    wait_until_saved(tab_a)
    with autosave(tab_b) as refused:
        tab_b.get_by_label(PILOTS).fill("5")
    assert refused.value.status == 409

    tab_b.get_by_role("link", name="Use the saved answers").click()
    expect_step(tab_b, base, "maturity")
    expect(tab_b.get_by_label(PILOTS)).to_have_value("2")
    expect(tab_b.locator("#conflict")).to_be_empty()
    assert Assessment.objects.get().answers["maturity"]["working_pilots"] == 2


# --- 7. Signing up mid-journey -----------------------------------------------------------


def test_signing_up_mid_journey_keeps_the_guest_draft(page, live_server):
    """A guest who signs up after two steps finds the draft, intact, on the dashboard."""
    base = start_assessment(page, live_server)
    answer_steps_1_and_2(page, base)

    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email address").fill("manager@example.com")
    page.get_by_label("Password").fill("a long and unusual passphrase 42")
    page.get_by_label("Organisation name").fill("Northwind Trading")
    page.get_by_label("How many people work there?").fill("60")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    link = re.search(r"http://\S+/accounts/confirm/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm and sign in").click()
    # Signing up from the header comes back to the journey, in the draft now kept.
    expect(page).to_have_url(re.compile(re.escape(base) + r"\w+/$"))

    page.goto(base + "paths/")
    expect_step(page, base, "paths")
    expect(page.locator("main")).not_to_contain_text("Guest draft")
    expect(page.locator("#id_paths-0-name")).to_have_value("Churn prediction")
    expect(page.locator("#id_paths-1-name")).to_have_value("Support replies")
    page.goto(base + "maturity/")
    expect(page.get_by_label(PILOTS)).to_have_value("2")

    page.goto(live_server.url + "/dashboard/")
    expect(page).to_have_url(live_server.url + "/o/northwind-trading/")
    drafts = page.get_by_role("table")
    expect(drafts.get_by_role("row")).to_have_count(2)
    expect(drafts).to_contain_text("Draft · step 3 of 4")
    screenshot(page, "wizard-dashboard-after-sign-up")
    drafts.get_by_role("link", name="Continue").click()
    expect_step(page, base, "roi")
    expect(page.locator("#preview")).to_contain_text("Churn prediction")
    page.watch.assert_clean()


def test_a_wizard_tab_left_open_while_signing_up_in_another_keeps_saving(page, live_server):
    """A guest who signs up in a second tab can go on typing in the first one."""
    start_assessment(page, live_server)
    with autosave(page):
        page.get_by_label(PILOTS).fill("2")
    wait_until_saved(page)

    sign_up(page.context.new_page(), live_server)

    with autosave(page) as response:
        page.get_by_label(SYSTEMS).fill("1")
    expect(page.locator("#save-status")).to_have_text(SAVED)
    assert response.value.status == 200
    expect(page.locator("#conflict")).to_be_empty()


# --- 8. On a phone -----------------------------------------------------------------------


def test_step_3_on_a_phone_stacks_the_preview_under_the_form(browser, live_server):
    """At 390 px wide nothing scrolls sideways and the verdicts follow the form."""
    membership = MembershipFactory(
        user__email="owner@example.com", organisation__name="Northwind", organisation__slug="nw"
    )
    assessment = Assessment.objects.create(
        organisation=membership.organisation,
        created_by=membership.user,
        answers=normalised(EXAMPLE_ANSWERS),
        furthest_step=3,
    )
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en-GB", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill("owner@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_server.url + "/o/nw/")
    page.goto(f"{live_server.url}/a/{assessment.code}/roi/")
    expect_step(page, f"{live_server.url}/a/{assessment.code}/", "roi")

    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    form = page.locator("#step-form").bounding_box()
    preview = page.locator("#preview").bounding_box()
    screenshot(page, "wizard-3-roi-phone")
    context.close()

    assert overflow == 0
    assert preview["y"] >= form["y"] + form["height"], (form, preview)
    assert preview["width"] > 300


# --- 9. The step findings of the first-time manager's walkthrough (issue 14) -------------

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def axe_violations(page) -> dict[str, list[str]]:
    """axe-core's findings on the page as it is now: rule (impact) -> the elements."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return {
        f"{rule['id']} ({rule['impact']})": [", ".join(node["target"]) for node in rule["nodes"]]
        for rule in results.response["violations"]
    }


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def owner_on_step(browser, live_server, slug, paths, *, javascript=True, width="desktop", **kw):
    """The owner of an organisation, signed in, on step `slug` of a draft with `paths`."""
    membership = MembershipFactory(
        user__email="owner@example.com", organisation__name="Northwind", organisation__slug="nw"
    )
    answers = {**EXAMPLE_ANSWERS, "critical_paths": paths}
    assessment = Assessment.objects.create(
        organisation=membership.organisation,
        created_by=membership.user,
        answers=normalised(answers),
        path_descriptions=[""] * len(paths),
        furthest_step=4,
    )
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, locale="en-GB", **kw)
    if not javascript:
        # The page's own scripts never load, so it works as it does without JavaScript;
        # the browser's stays on, or axe-core could not be run in the page.
        context.route(re.compile(r"\.js(\?.*)?$"), lambda route: route.abort())
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill("owner@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_server.url + "/o/nw/")
    page.goto(f"{live_server.url}/a/{assessment.code}/{slug}/")
    return context, page


PATHS = [
    {"name": "Churn prediction", "kind": "predictive"},
    {"name": "Support agent", "kind": "agentic"},
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_step_2_rows_pass_axe_with_and_without_errors(browser, live_server, width, javascript):
    """No hidden, unlabelled checkbox in a path row; axe finds nothing, errors shown or not."""
    context, page = owner_on_step(
        browser, live_server, "paths", PATHS, javascript=javascript, width=width
    )
    expect(page.locator("#id_paths-1-name")).to_have_value("Support agent")
    assert page.locator("input[type=checkbox]").count() == 0
    assert axe_violations(page) == {}
    assert not scrolls_sideways(page)
    page.locator("#id_paths-1-name").fill("churn prediction")
    page.get_by_role("button", name="Add a path").click()
    expect(page.locator("#id_paths-1-name_error")).to_contain_text("already has this name")
    expect(page.locator("#add-refused")).to_be_visible()
    screenshot(page, f"wizard-2-duplicate-{width}-{'js' if javascript else 'nojs'}")
    assert axe_violations(page) == {}
    assert not scrolls_sideways(page)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_a_refused_step_3_opens_with_a_summary_of_what_to_fix(
    browser, live_server, width
):
    """The reloaded page starts with a summary whose links reach each refused field, and
    the preview stands aside instead of contradicting the form."""
    context, page = owner_on_step(browser, live_server, "roi", PATHS, javascript=False, width=width)
    page.locator("#id_roi-1-months_to_build").fill("40")
    page.locator("#id_roi-0-annual_impact").fill("1e6")
    page.get_by_role("button", name="Save and continue").click()
    summary = page.get_by_role("alert").filter(has_text="answers need changing")
    expect(summary).to_be_visible()
    assert summary.bounding_box()["y"] < WIDTHS[width][1]  # on the first screen
    expect(page.locator("#preview")).to_contain_text("The preview comes back")
    expect(page.locator("#preview")).not_to_contain_text("Verdict per path")
    screenshot(page, f"wizard-nojs-3-summary-{width}")
    assert axe_violations(page) == {}
    assert not scrolls_sideways(page)
    summary.get_by_role("link", name=re.compile("^Support agent, Months")).click()
    expect(page.locator("#id_roi-1-months_to_build")).to_be_focused()
    context.close()


def test_the_save_status_shows_the_viewers_own_time(browser, live_server):
    """Someone in New York reads their own clock in "Saved at …", not the server's."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    context, page = owner_on_step(
        browser, live_server, "maturity", PATHS, timezone_id="America/New_York"
    )
    with autosave(page):
        page.get_by_label(PILOTS).fill("3")
    wait_until_saved(page)
    now = datetime.now(ZoneInfo("America/New_York"))
    expected = {f"Saved at {(now + timedelta(minutes=m)):%H:%M}" for m in (-1, 0, 1)}
    status = page.locator("#save-status").inner_text().strip()
    screenshot(page, "wizard-1-saved-local-time")
    context.close()
    assert status in expected, status


@pytest.mark.parametrize("width", WIDTHS)
def test_step_3_inputs_line_up_and_a_required_mark_never_wraps_alone(browser, live_server, width):
    """Side by side, two fields' inputs share a line however long their labels; on any
    width the "*" stays with its label's last word."""
    context, page = owner_on_step(browser, live_server, "roi", PATHS, width=width)
    label = page.locator("label[for=id_roi-1-annual_impact]")
    expect(label).to_contain_text("tasks done right unaided")
    impact = page.locator("#id_roi-1-annual_impact").bounding_box()
    examples = page.locator("#id_roi-1-labelled_examples").bounding_box()
    if width == "desktop":
        assert impact["x"] < examples["x"]
        assert abs(impact["y"] - examples["y"]) < 1, (impact, examples)
    # Each "*" sits on the line of the word before it.
    same_line = page.eval_on_selector_all(
        "label .text-nowrap",
        """spans => spans.map(span => {
            const range = document.createRange();
            range.selectNodeContents(span.firstChild);
            const word = range.getBoundingClientRect();
            const star = span.querySelector(".asteriskField").getBoundingClientRect();
            return Math.abs(word.bottom - star.bottom) < 4 && star.left >= word.right - 1;
        })""",
    )
    assert same_line and all(same_line), same_line
    screenshot(page, f"wizard-3-roi-kinds-{width}")
    assert axe_violations(page) == {}
    assert not scrolls_sideways(page)
    context.close()


def test_a_long_path_name_is_counted_not_cut(browser, live_server):
    """Typing past the limit keeps every character, the counter says by how much, and the
    autosave is refused with the count."""
    context, page = owner_on_step(browser, live_server, "paths", PATHS)
    name = page.locator("#id_paths-0-name")
    counter = page.locator("#id_paths-0-name_count")
    expect(counter).to_have_text("16 of 120 characters")
    with autosave(page) as refused:
        name.fill("x" * 125)
    assert refused.value.status == 422
    expect(name).to_have_value("x" * 125)
    expect(counter).to_have_text("5 characters too many: the limit is 120.")
    expect(page.locator("#id_paths-0-name_error")).to_have_text(
        "Keep this to 120 characters or fewer: it has 125."
    )
    screenshot(page, "wizard-2-long-name")
    context.close()
