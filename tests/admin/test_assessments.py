"""The reviewer's assessment list, change page and report preview in the admin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from tests.factories import AssessmentFactory, OrganisationFactory, UserFactory, complete_assessment
from wizard.models import Assessment
from wizard.rules import plan_from_dict

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:wizard_assessment_changelist")
# Session, user, two permission lookups, two id lookups for a search, the count, the page.
MAX_QUERIES = 8


def _listed(response) -> set[Assessment]:
    return set(response.context["cl"].result_list)


@pytest.fixture
def mix(organisation, owner):
    """Four assessments that differ in one filterable way each."""
    enterprise = complete_assessment(organisation)  # level 3, enterprise
    Assessment.objects.filter(pk=enterprise.pk).update(created_by=owner)
    startup = complete_assessment(OrganisationFactory(name="Acme Rockets"))
    Assessment.objects.filter(pk=startup.pk).update(
        stage="startup", maturity_level=1, created=timezone.now() - timedelta(days=400)
    )
    draft = AssessmentFactory(organisation=organisation, created_by=owner)
    guest = AssessmentFactory(organisation=None)
    return {
        name: Assessment.objects.get(pk=a.pk)
        for name, a in {
            "enterprise": enterprise,
            "startup": startup,
            "draft": draft,
            "guest": guest,
        }.items()
    }


def test_reviewer_sees_every_assessment_with_its_organisation_and_creator(reviewer_client, mix):
    """The list shows all assessments, guests' drafts too, with organisation and creator."""
    response = reviewer_client.get(CHANGELIST)
    assert response.status_code == 200
    assert _listed(response) == set(mix.values())
    html = response.content.decode()
    assert "Northwind" in html and "Acme Rockets" in html
    assert "alice@example.com" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status__exact": "draft"}, {"draft", "guest"}),
        ({"status__exact": "complete"}, {"enterprise", "startup"}),
        ({"maturity_level": "1"}, {"startup"}),
        ({"maturity_level": "3"}, {"enterprise"}),
        ({"stage": "enterprise"}, {"enterprise"}),
        ({"stage": "startup", "status__exact": "complete"}, {"startup"}),
        (
            {"created__gte": str(timezone.now() - timedelta(days=30))},
            {"enterprise", "draft", "guest"},
        ),
    ],
)
def test_filters_narrow_the_list(reviewer_client, mix, query, expected):
    """Status, maturity level, stage and creation date each narrow the list."""
    response = reviewer_client.get(CHANGELIST, query)
    assert response.status_code == 200
    assert _listed(response) == {mix[name] for name in expected}


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("northwind", {"enterprise", "draft"}),
        ("ACME", {"startup"}),
        ("alice@example", {"enterprise", "draft"}),
        ("rockets ACME", {"startup"}),
        ('"acme rockets"', {"startup"}),
        ("northwind alice", set()),
        ("nobody-matches", set()),
    ],
)
def test_search_finds_by_organisation_name_and_creator_email(reviewer_client, mix, term, expected):
    """Every word must be in the organisation's name, or every word in the creator's email."""
    response = reviewer_client.get(CHANGELIST, {"q": term})
    assert _listed(response) == {mix[name] for name in expected}


def test_search_by_code_finds_that_assessment(reviewer_client, mix):
    """Pasting an assessment's code finds exactly that assessment."""
    response = reviewer_client.get(CHANGELIST, {"q": str(mix["guest"].code)})
    assert _listed(response) == {mix["guest"]}


def test_search_still_works_when_many_organisations_match(reviewer_client, mix, monkeypatch):
    """Past the id limit the search falls back to a subquery, with the same result."""
    monkeypatch.setattr("wizard.admin.SEARCH_ID_LIMIT", 0)
    response = reviewer_client.get(CHANGELIST, {"q": "northwind"})
    assert _listed(response) == {mix["enterprise"], mix["draft"]}


@pytest.mark.parametrize(
    "query", [{}, {"status__exact": "complete", "stage": "enterprise"}, {"q": "northwind"}]
)
def test_the_list_costs_the_same_few_queries_for_few_or_many_rows(
    reviewer_client, organisation, query, django_assert_max_num_queries
):
    """Query count is small and does not grow with the number of assessments or creators."""
    complete_assessment(organisation)

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert reviewer_client.get(CHANGELIST, query).status_code == 200
        return len(captured)

    few = count_queries()
    for i in range(30):
        AssessmentFactory(
            organisation=organisation if i % 2 else OrganisationFactory(),
            created_by=UserFactory(),
        )
    with django_assert_max_num_queries(MAX_QUERIES):
        assert reviewer_client.get(CHANGELIST, query).status_code == 200
    assert count_queries() == few


def test_non_staff_are_sent_to_the_admin_login(owner_client, mix):
    """A signed-in member who is not staff is redirected to the admin's sign-in page."""
    response = owner_client.get(CHANGELIST)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_anonymous_visitors_are_sent_to_the_admin_login(client, mix):
    """Nobody reads assessments in the admin without signing in."""
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_assessments_cannot_be_added_or_changed_in_the_admin(staff_client, mix):
    """The wizard makes assessments; even a superuser only reads them here."""
    assert staff_client.get(reverse("admin:wizard_assessment_add")).status_code == 403
    url = reverse("admin:wizard_assessment_change", args=[mix["enterprise"].pk])
    assert staff_client.post(url, {"title": "Changed"}).status_code == 403
    mix["enterprise"].refresh_from_db()
    assert mix["enterprise"].title == ""


def test_change_page_shows_the_plan_pretty_printed_and_a_report_link(reviewer_client, mix):
    """The plan snapshot and answers are indented JSON; complete ones link to the report."""
    assessment = mix["enterprise"]
    response = reviewer_client.get(reverse("admin:wizard_assessment_change", args=[assessment.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<pre>{\n  &quot;" in html  # indented
    assert f"&quot;rules_version&quot;: &quot;{assessment.rules_version}&quot;" in html
    assert "Churn prediction" in html
    assert reverse("admin:wizard_assessment_report", args=[assessment.pk]) in html
    assert "Open the report" in html


def test_report_preview_renders_the_members_report_for_staff(reviewer_client, mix):
    """Staff who are not members read the report through the admin, flagged as a preview."""
    assessment = mix["enterprise"]
    members_page = reviewer_client.get(reverse("report", args=[assessment.code]))
    assert members_page.status_code == 404
    response = reviewer_client.get(reverse("admin:wizard_assessment_report", args=[assessment.pk]))
    assert response.status_code == 200
    assert "wizard/report.html" in [t.name for t in response.templates]
    assert response.context["admin_preview"] is True
    assert response.context["access"] is None
    assert response.context["plan"] == plan_from_dict(assessment.plan)
    assert "Hire 8 AI engineers now" in response.content.decode()


def test_report_preview_of_a_draft_goes_back_to_the_assessment(reviewer_client, mix):
    """A draft has no report yet: the reviewer is sent back with a message saying so."""
    draft = mix["draft"]
    response = reviewer_client.get(
        reverse("admin:wizard_assessment_report", args=[draft.pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse(
        "admin:wizard_assessment_change", args=[draft.pk]
    )
    assert "no report yet" in response.content.decode()


def test_report_preview_is_for_staff_only(owner_client, mix):
    """Members who are not staff cannot use the admin's preview either."""
    url = reverse("admin:wizard_assessment_report", args=[mix["enterprise"].pk])
    response = owner_client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_deleting_in_the_admin_is_audited(staff_client, mix):
    """An assessment deleted by staff leaves an audit event naming it and them."""
    assessment = mix["enterprise"]
    url = reverse("admin:wizard_assessment_delete", args=[assessment.pk])
    assert staff_client.post(url, {"post": "yes"}).status_code == 302
    assert not Assessment.objects.filter(pk=assessment.pk).exists()
    event = AuditEvent.objects.get(action="assessment.deleted")
    assert event.target == str(assessment.code)
    assert event.actor_email == "sam@example.com"
    assert event.details["via"] == "admin"


def test_bulk_delete_is_not_offered(staff_client, mix):
    """Only the CSV export is offered as an action: bulk delete would not scale."""
    response = staff_client.get(CHANGELIST)
    choices = [name for name, _label in response.context["action_form"].fields["action"].choices]
    assert choices == ["", "export_csv"]


def test_a_count_that_stopped_at_the_cap_says_more_than(reviewer_client, mix, monkeypatch):
    """Past the cap the list says "More than N" and offers "all matching", not a number."""
    monkeypatch.setattr("config.large_table_pagination.LargeTablePaginator.cap", 2)
    html = reviewer_client.get(CHANGELIST).content.decode()
    assert "More than 2 assessments; filter or search to see the rest" in html
    assert "Select all matching assessments" in html
    assert "Select all 2 assessments" not in html


def test_deleting_in_the_admin_goes_through_the_service(staff_client, mix, monkeypatch):
    """The admin's delete is the `assessment_delete` service, given the request: its audit
    row records the address, and a failure in it deletes nothing."""
    assessment = mix["enterprise"]
    url = reverse("admin:wizard_assessment_delete", args=[assessment.pk])
    calls = []
    original = Assessment.delete

    def failing_delete(self, *args, **kwargs):
        calls.append(self.pk)
        raise RuntimeError("disk full")

    monkeypatch.setattr(Assessment, "delete", failing_delete)
    with pytest.raises(RuntimeError):
        staff_client.post(url, {"post": "yes"})
    assert calls == [assessment.pk]
    # The service's transaction: its audit row went with the failed delete.
    assert not AuditEvent.objects.filter(action="assessment.deleted").exists()
    monkeypatch.setattr(Assessment, "delete", original)
    assert staff_client.post(url, {"post": "yes"}).status_code == 302
    event = AuditEvent.objects.get(action="assessment.deleted")
    assert event.ip_address == "127.0.0.1"
    assert event.details["created"] == assessment.created.isoformat()


def test_bulk_deletion_would_go_through_the_service_too(staff, mix, rf):
    """Should bulk delete ever be offered, each row goes through the service and is audited."""
    from django.contrib import admin as django_admin

    model_admin = django_admin.site._registry[Assessment]
    request = rf.post("/")
    request.user = staff
    model_admin.delete_queryset(request, Assessment.objects.filter(pk=mix["startup"].pk))
    assert not Assessment.objects.filter(pk=mix["startup"].pk).exists()
    assert AuditEvent.objects.get(action="assessment.deleted").target == str(mix["startup"].code)


def test_the_list_names_each_assessment_by_organisation_and_date(reviewer_client, mix):
    """Titles name the organisation and the date, stages and levels read as words, and the
    list has few enough columns to fit 1280 px."""
    response = reviewer_client.get(CHANGELIST)
    html = response.content.decode()
    enterprise = mix["enterprise"]
    assert f"Northwind – {enterprise.created:%Y-%m-%d}" in html
    assert "Assessment of" not in html
    assert ">Enterprise<" in html and ">enterprise<" not in html
    assert "3 · Production" in html
    assert len(response.context["cl"].list_display) <= 9  # the checkbox and eight columns


def test_the_admin_pages_link_the_icon_and_enlarge_filter_links(reviewer_client, mix):
    """Admin pages name the site's icon and load the style that gives filter links a
    24 px target."""
    html = reviewer_client.get(CHANGELIST).content.decode()
    assert 'rel="icon"' in html and "favicon.svg" in html
    assert "css/admin.css" in html


def test_favicon_ico_is_served(client, db):
    """Browsers ask for /favicon.ico on pages that name no icon: it is there."""
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert (
        b"".join(response.streaming_content if response.streaming else [response.content])[:4]
        == b"\x00\x00\x01\x00"
    )
