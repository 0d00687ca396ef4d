"""Layer rules import-linter cannot express: no QtWidgets below the widget layer.

import-linter only forbids whole external packages (PySide6), not PySide6.QtWidgets, so this reads
every module's imports with ast instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "photoessay_desktop"
NO_WIDGETS = ("document", "qt_models", "publishing")


def _imported_modules(source: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("layer", NO_WIDGETS)
def test_layer_never_imports_qtwidgets(layer: str) -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        if any(name.startswith("PySide6.QtWidgets") for name in _imported_modules(path))
    ]
    assert offenders == [], f"{layer} must not import QtWidgets: {offenders}"


def test_the_rule_sees_a_widget_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from PySide6.QtWidgets import QWidget\nimport PySide6.QtWidgets\n")
    assert "PySide6.QtWidgets" in _imported_modules(module)
