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
