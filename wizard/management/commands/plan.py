"""`python manage.py plan FILE`: print the plan for a JSON file of answers (or - for stdin)."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wizard.json_input import parse_answers_json
from wizard.rules import AnswersInvalid, make_plan, plan_to_dict

EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Compute the hiring plan for a JSON file of answers (or - for standard input) and "
        "print it as JSON, with the team's yearly cost, the roadmap by quarter and what would "
        "change the plan. The answers' assumptions may set ml_engineer_annual_cost, "
        "horizon_years, ai_engineer_annual_cost, infra_engineer_annual_cost, months_to_hire "
        "and hires_per_quarter (see docs/rules.md). Bad input prints one line per field "
        "error on standard error and exits with status 2."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="path to a JSON file of answers, or - for standard input")

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        document = self._read(file)
        try:
            answers = parse_answers_json(document)
        except AnswersInvalid as invalid:
            for field, messages in invalid.errors.items():
                for message in messages:
                    self.stderr.write(f"{field}: {message}")
            sys.exit(EXIT_BAD_INPUT)
        plan = plan_to_dict(make_plan(answers))
        self.stdout.write(json.dumps(plan, indent=2, ensure_ascii=False, allow_nan=False))

    def _read(self, file: str) -> bytes:
        if file == "-":
            return sys.stdin.buffer.read()
        try:
            with open(file, "rb") as handle:
                return handle.read()
        except OSError as error:
            raise CommandError(
                f"Cannot read {file}: {error.strerror}.", returncode=EXIT_BAD_INPUT
            ) from None
