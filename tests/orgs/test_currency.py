from __future__ import annotations

import pytest
from django.urls import reverse

from audit.models import Action, AuditEvent
from orgs.models import Organisation
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def currency_url(organisation: Organisation) -> str:
    return reverse("organisation-currency", args=[organisation.slug])


def test_sign_up_opens_the_organisation_in_the_chosen_currency(client):
    """The currency chosen at sign-up is the new organisation's."""
    response = client.post(
        reverse("signup"),
        {
            "email": "dana@example.com",
            "password": PASSWORD,
            "organisation_name": "Zürcher Logistik",
            "headcount": "80",
            "currency": "CHF",
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Zürcher Logistik").currency == "CHF"


def test_sign_up_without_a_currency_gets_pounds(client):
    """A POST without the field (the select always sends one) opens the organisation in GBP."""
    client.post(
        reverse("signup"),
        {
            "email": "e@example.com",
            "password": PASSWORD,
            "organisation_name": "Ely",
            "headcount": "8",
        },
    )
    assert Organisation.objects.get(name="Ely").currency == "GBP"


def test_owner_changes_the_currency_and_it_is_audited(owner_client, organisation, owner):
    """An owner's change is saved, said back, and written to the audit log."""
    response = owner_client.post(currency_url(organisation), {"currency": "EUR"}, follow=True)
    organisation.refresh_from_db()
    assert organisation.currency == "EUR"
    assert "Euro (EUR)" in response.content.decode()
    event = AuditEvent.objects.get(action=Action.CURRENCY_CHANGED)
    assert event.details == {"from": "GBP", "to": "EUR"}
    assert event.actor == owner


def test_the_organisation_page_offers_the_change_to_owners_only(
    owner_client, editor_client, organisation
):
    """Owners see the currency form; editors see which currency is used."""
    page = reverse("organisation", args=[organisation.slug])
    assert currency_url(organisation) in owner_client.get(page).content.decode()
    html = editor_client.get(page).content.decode()
    assert currency_url(organisation) not in html
    assert "Pound sterling (GBP)" in html


@pytest.mark.parametrize("persona", ["editor_client", "viewer_client", "outsider_client"])
def test_only_an_owner_can_change_the_currency(request, persona, organisation):
    """Editors and viewers are refused, outsiders do not learn the organisation exists."""
    response = request.getfixturevalue(persona).post(
        currency_url(organisation), {"currency": "EUR"}
    )
    assert response.status_code in (403, 404)
    organisation.refresh_from_db()
    assert organisation.currency == "GBP"


def test_an_unknown_currency_is_refused_with_a_message(owner_client, organisation):
    """A tampered value changes nothing and says what to do."""
    response = owner_client.post(currency_url(organisation), {"currency": "XYZ"}, follow=True)
    organisation.refresh_from_db()
    assert organisation.currency == "GBP"
    assert "Choose one of the currencies offered." in response.content.decode()
