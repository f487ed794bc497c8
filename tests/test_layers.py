"""The package's layers, read from the imports in its source: stages talk only through the Doc."""

from __future__ import annotations

import ast
from pathlib import Path

import tidings

PACKAGE = Path(tidings.__file__).parent
STAGES = ("actors", "events", "quotes", "time_place")
# The gold-set scorers sit in the stage packages until they move to ``tidings.evaluation``;
# they run the whole pipeline and so are no part of a stage.
SCORERS = "evaluate.py"


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
            if path.name == SCORERS:
                continue
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


def test_the_import_reader_sees_imports_inside_functions(tmp_path: Path) -> None:
    source = tmp_path / "module.py"
    source.write_text(
        "from tidings.records import Actor\n\ndef f():\n    import tidings.events.lexicon\n",
        encoding="utf-8",
    )
    found = imported_modules(source)
    assert {"tidings.records", "tidings.events.lexicon"} <= found
