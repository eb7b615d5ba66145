"""`manage.py plan`: the plan as JSON on stdout, or field errors on stderr with exit 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from wizard.api_docs import EXAMPLE_ANSWERS
from wizard.rules import make_plan, plan_to_dict, validate_answers

ROOT = Path(__file__).resolve().parents[2]


def test_plan_prints_the_engines_plan_for_a_file(tmp_path):
    """A file of answers gives the same plan as the engine, as JSON."""
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(EXAMPLE_ANSWERS))
    out = io.StringIO()
    call_command("plan", str(answers), stdout=out)
    assert json.loads(out.getvalue()) == plan_to_dict(make_plan(validate_answers(EXAMPLE_ANSWERS)))


def test_plan_reads_standard_input_and_exits_0():
    """`-` reads the answers from standard input (end to end, in a real process)."""
    result = subprocess.run(
        [sys.executable, "manage.py", "plan", "-"],
        input=json.dumps(EXAMPLE_ANSWERS),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["stage"] == "growth"


def test_bad_input_prints_field_errors_and_exits_2():
    """Each field error is one line on stderr; nothing goes to stdout; the status is 2."""
    bad = {
        "organisation": {"headcount": 0},
        "critical_paths": [{"name": " ", "kind": "predictive"}],
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "plan", "-"],
        input=json.dumps(bad),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    fields = sorted(line.split(":")[0] for line in result.stderr.strip().splitlines())
    assert fields == ["critical_paths.0.name", "organisation.headcount"]


def test_broken_json_exits_2_without_a_traceback():
    """A file that is not JSON is reported in one line, not a traceback."""
    result = subprocess.run(
        [sys.executable, "manage.py", "plan", "-"],
        input="{oops",
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("__all__: Expected valid JSON")


def test_a_missing_file_is_a_clear_error(tmp_path):
    """An unreadable path names the file and exits 2."""
    result = subprocess.run(
        [sys.executable, "manage.py", "plan", str(tmp_path / "nope.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Cannot read" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("path", ["critical_paths.0.labelled_examples"])
def test_error_lines_name_the_field_path(tmp_path, path):
    """The error names the exact place of the bad value."""
    answers = tmp_path / "a.json"
    bad = {
        **EXAMPLE_ANSWERS,
        "critical_paths": [{**EXAMPLE_ANSWERS["critical_paths"][0], "labelled_examples": -1}],
    }
    answers.write_text(json.dumps(bad))
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("plan", str(answers), stderr=err)
    assert exit_info.value.code == 2
    assert err.getvalue().startswith(f"{path}: ")


def test_plan_takes_the_hiring_assumptions_and_prints_cost_and_roadmap(tmp_path):
    """The 2026.2 assumptions are read from the file and shape the cost and the roadmap."""
    answers = tmp_path / "answers.json"
    body = {
        **EXAMPLE_ANSWERS,
        "assumptions": {"ai_engineer_annual_cost": 90_000, "hires_per_quarter": 1},
    }
    answers.write_text(json.dumps(body))
    out = io.StringIO()
    call_command("plan", str(answers), stdout=out)
    plan = json.loads(out.getvalue())
    assert plan["team_cost_per_year"] == 270_000
    assert [len(quarter["open"]) for quarter in plan["roadmap"][:3]] == [1, 1, 1]


def test_a_bad_hiring_assumption_is_named_on_stderr_with_exit_2(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**EXAMPLE_ANSWERS, "assumptions": {"months_to_hire": 0}}))
    err = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("plan", str(answers), stdout=io.StringIO(), stderr=err)
    assert exited.value.code == 2
    assert err.getvalue().startswith("assumptions.months_to_hire: Expected a number from 1 to 12")
