"""Create (or refresh) the demo organisation and its demo login, and print how to sign in."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import User
from orgs.models import Organisation
from orgs.services import organisation_create

DEMO_EMAIL = "demo@hireframe.example"
DEMO_ORGANISATION = "Northwind Logistics (demo)"


class Command(BaseCommand):
    help = "Create the demo organisation and demo login; safe to run again."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email=DEMO_EMAIL).first()
        if user is None:
            user = User.objects.create_user(DEMO_EMAIL, full_name="Demo Manager")
        # A fresh random password each run: the demo login is printed, never guessable.
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        if not Organisation.objects.filter(memberships__user=user).exists():
            organisation_create(name=DEMO_ORGANISATION, headcount=140, owner=user)
        self.stdout.write(
            self.style.SUCCESS("Demo organisation ready: ")
            + f"{DEMO_ORGANISATION}\n  sign in as {DEMO_EMAIL} with password {password}"
        )
