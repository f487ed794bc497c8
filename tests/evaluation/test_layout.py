"""The evaluation package stands apart: no stage imports it, and it uses only what the stages
make public."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "tidings"
EVALUATION = PACKAGE / "evaluation"


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of each ``from module import name`` in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.module or "", alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]


def test_no_stage_imports_the_evaluation_package() -> None:
    stages = [p for p in PACKAGE.rglob("*.py") if EVALUATION not in p.parents]
    importers = [
        str(path.relative_to(PACKAGE))
        for path in stages
        if path.name != "cli.py"
        and any(module.startswith("tidings.evaluation") for module, _ in _imports(path))
    ]
    assert stages and not importers


def test_the_evaluation_package_imports_no_private_name_of_another_package() -> None:
    private = [
        (str(path.relative_to(PACKAGE)), module, name)
        for path in EVALUATION.glob("*.py")
        for module, name in _imports(path)
        if module.startswith("tidings.")
        and not module.startswith("tidings.evaluation")
        and (name.startswith("_") or any(part.startswith("_") for part in module.split(".")))
    ]
    assert not private
