"""The layering of DESIGN.md section 2, checked rather than hoped for."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def test_only_app_gui_imports_qt():
    offenders = [
        str(p.relative_to(REPO))
        for pkg in ("app", "storage", "forms")
        for p in _modules(pkg)
        if "gui" not in p.relative_to(REPO).parts
        and any(n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"} for n in _imports(p))
    ]
    assert offenders == []


def test_forms_imports_nothing_of_ours_and_storage_nothing_of_app():
    bad = []
    for p in _modules("forms"):
        bad += [f"{p.name}: {n}" for n in _imports(p) if n.split(".")[0] in {"app", "storage"}]
    for p in _modules("storage"):
        bad += [f"{p.name}: {n}" for n in _imports(p) if n.split(".")[0] == "app"]
    assert bad == []


def test_import_linter_contracts_hold():
    linter = Path(sys.executable).parent / "lint-imports"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([str(linter), "--no-cache"], cwd=REPO, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout[-2000:]


def test_the_gui_runs_no_sql():
    """Widgets call services; a GUI module with a connection in hand (the editor once kept its
    drafts in the settings table with its own SQL, where purge could not see them) goes around them."""
    sql_calls = {"execute", "executemany", "executescript", "connection"}
    offenders = []
    for p in _modules("app/gui"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in sql_calls:
                offenders.append(f"{p.relative_to(REPO)}:{node.lineno} .{node.func.attr}()")
    assert offenders == []
