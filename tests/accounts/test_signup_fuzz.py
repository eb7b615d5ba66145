"""Whatever is posted to sign-up, the answer is a page or a redirect, never a half account."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from accounts.models import User
from orgs.models import Membership, Organisation
from tests.factories import PASSWORD
from tests.fuzzing import undone
from wizard.rules.limits import HEADCOUNT

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

# Plain text for every field, mixed with plausible values so valid sign-ups happen too.
sign_up_posts = st.fixed_dictionaries(
    {
        "email": st.one_of(st.text(), st.emails()),
        "password": st.one_of(st.text(), st.just(PASSWORD)),
        "organisation_name": st.text(),
        "headcount": st.one_of(
            st.text(),
            st.integers().map(str),
            st.integers(HEADCOUNT.minimum, HEADCOUNT.maximum).map(str),
        ),
    }
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=sign_up_posts)
def test_any_sign_up_post_gets_a_page_or_a_redirect_and_never_half_an_account(data):
    """Any text in any field gives 200 or 302, and a user exists only with their organisation."""
    with undone():
        response = Client().post(reverse("signup"), data)
        assert response.status_code in (200, 302)
        users = User.objects.count()
        assert users == Organisation.objects.count() == Membership.objects.count()
        assert users == (1 if response.status_code == 302 else 0)
        event(f"status {response.status_code}")
