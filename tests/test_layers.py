"""The package's layers, read from the imports in its source: stages talk only through the Doc."""

from __future__ import annotations

import ast
from pathlib import Path

import tidings

PACKAGE = Path(tidings.__file__).parent
STAGES = ("actors", "events", "quotes", "time_place")


def imported_modules(path: Path) -> set[str]:
    """Every ``tidings`` module a source file imports, at its top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("tidings.")}


def package_of(module: str) -> str:
    return module.split(".")[1]


def test_no_stage_imports_another_stage_or_the_pipeline() -> None:
    for stage in STAGES:
        for path in sorted((PACKAGE / stage).glob("*.py")):
            outside = {
                module
                for module in imported_modules(path)
                if package_of(module) in {*STAGES, "pipeline"} - {stage}
            }
            assert not outside, f"{path.relative_to(PACKAGE)} imports {sorted(outside)}"


def test_nlp_imports_no_stage_and_not_the_pipeline() -> None:
    for path in sorted((PACKAGE / "nlp").glob("*.py")):
        upward = {
            module
            for module in imported_modules(path)
            if package_of(module) in {*STAGES, "pipeline"}
        }
        assert not upward, f"nlp/{path.name} imports {sorted(upward)}"


def test_no_stage_imports_the_evaluation_package() -> None:
    importers = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "evaluation"
        and path.name != "cli.py"
        and any(package_of(module) == "evaluation" for module in imported_modules(path))
    ]
    assert not importers, importers


def test_the_evaluation_package_imports_no_private_name_of_another_package() -> None:
    private = [
        (path.name, module)
        for path in (PACKAGE / "evaluation").glob("*.py")
        for module in imported_modules(path)
        if package_of(module) != "evaluation"
        and any(part.startswith("_") for part in module.split("."))
    ]
    assert not private, private


def test_the_import_reader_sees_imports_inside_functions(tmp_path: Path) -> None:
    source = tmp_path / "module.py"
    source.write_text(
        "from tidings.records import Actor\n\ndef f():\n    import tidings.events.lexicon\n",
        encoding="utf-8",
    )
    found = imported_modules(source)
    assert {"tidings.records", "tidings.events.lexicon"} <= found
