"""The repository's own references hold: a file named in a comment or a doc exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("*.py", "*.html", "*.md", "*.js", "*.css", "*.toml", "Makefile", "run")
SKIPPED = {".venv", "var", "node_modules", ".git", "vendor"}
TEST_FILE = re.compile(r"\btests/[\w/]+\.py\b")


def repository_files():
    for pattern in SOURCES:
        for path in ROOT.rglob(pattern):
            if not SKIPPED.intersection(path.relative_to(ROOT).parts):
                yield path


def test_every_test_file_cited_exists():
    """A comment or doc that points at a test file points at one that is there."""
    dangling = sorted(
        f"{path.relative_to(ROOT)}: {cited}"
        for path in repository_files()
        for cited in set(TEST_FILE.findall(path.read_text(encoding="utf-8", errors="replace")))
        if not (ROOT / cited).is_file()
    )
    assert dangling == []


def test_ci_and_make_lint_check_formatting_and_types():
    """CI and `make lint` both run ruff's formatter check and mypy, not only ruff check."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    for commands in (ci, lint):
        assert "ruff check ." in commands
        assert "ruff format --check ." in commands
        assert "bin/mypy" in commands
