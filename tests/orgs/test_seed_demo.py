from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from orgs.models import Membership, Organisation
from wizard.models import Assessment

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_prints_a_login_that_works():
    """The printed demo login signs in, and its user owns the demo organisation."""
    output = _seed()
    email, password = re.search(r"sign in as (\S+) with password (\S+)", output).groups()
    user = authenticate(username=email, password=password)
    assert user is not None
    assert Membership.objects.get(user=user).role == Membership.Role.OWNER


def test_seed_demo_can_run_again_without_duplicating_anything():
    """A second run keeps one organisation and gives a fresh password."""
    first = _seed()
    second = _seed()
    assert Organisation.objects.count() == 1
    assert first != second


def test_the_demo_organisation_has_a_finished_example_to_open():
    """A first visitor can open a complete report at once."""
    _seed()
    example = Assessment.objects.get()
    assert example.is_complete and example.plan["team"]["ml_engineers"] == 1
    assert example.plan["deferred"], "the example shows a deferred hire too"
    _seed()
    assert Assessment.objects.count() == 1
