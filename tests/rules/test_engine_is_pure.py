"""The engine stays pure Python: stdlib only, no Django, no I/O."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[2] / "wizard" / "rules"
MODULES = sorted(ENGINE.rglob("*.py"))

# Stdlib modules that reach outside the process; the engine needs none of them.
IO_MODULES = frozenset(
    {"io", "os", "pathlib", "shutil", "socket", "sqlite3", "subprocess", "sys", "tempfile",
     "urllib", "http", "logging", "random", "time", "datetime"}
)  # fmt: skip
IO_BUILTINS = frozenset({"open", "print", "input", "exec", "eval", "__import__"})


def imported_modules(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_there_are_engine_modules_to_check() -> None:
    """The walk finds the engine, so the purity tests cannot pass vacuously."""
    assert ENGINE / "__init__.py" in MODULES
    assert len(MODULES) >= 10


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_engine_module_imports_only_the_stdlib_and_itself(module: Path) -> None:
    """No engine module imports Django or any third-party package."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    outside = [
        name
        for name in imported_modules(tree)
        if not name.startswith("wizard.rules")
        and name != "wizard"
        and name.split(".")[0] not in sys.stdlib_module_names
    ]
    assert outside == []
    assert not any(name.split(".")[0] == "django" for name in imported_modules(tree))


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_engine_module_does_no_io(module: Path) -> None:
    """No engine module imports I/O, clock or randomness, or calls open/print/eval."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    io_imports = [name for name in imported_modules(tree) if name.split(".")[0] in IO_MODULES]
    io_calls = [
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in IO_BUILTINS
    ]
    assert io_imports == []
    assert io_calls == []
