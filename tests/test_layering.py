"""Which app may import which: the wizard builds on orgs, never the other way round."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("app, forbidden", [("orgs", "wizard"), ("audit", "wizard")])
def test_a_lower_app_never_imports_a_higher_one(app, forbidden):
    """orgs and audit know nothing of assessments: access to them is in wizard/access.py."""
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name
            for name in imported_modules(path)
            if name == forbidden or name.startswith(forbidden + ".")
        )
        for path in sorted((ROOT / app).rglob("*.py"))
    }
    assert {path: names for path, names in offenders.items() if names} == {}
