"""Every code block of the README runs as written.

Python blocks run whole. Shell blocks run their read-only ``tidings`` commands (those in
QUERY_COMMANDS) on a database holding the reference article, as ``make run`` leaves it; other
lines (set-up, ingest of the reader's own files, scoring on ../shared) are not run here. A
block whose first line is ``# not run`` is skipped whole.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import tidings.cli
from tidings.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
QUERY_COMMANDS = {"events", "quotes", "articles", "show", "explain", "export"}
runner = CliRunner()


def _blocks(language: str) -> list[str]:
    return [
        code
        for found, code in BLOCK.findall(README.read_text(encoding="utf-8"))
        if found == language and not code.startswith("# not run")
    ]


def _query_commands() -> list[list[str]]:
    commands = []
    for block in _blocks("sh"):
        for line in block.splitlines():
            words = shlex.split(line.split(">")[0], comments=True)
            if words[:1] == ["tidings"] and words[1:2] and words[1] in QUERY_COMMANDS:
                commands.append(words[1:])
    return commands


@pytest.fixture
def in_made_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Language) -> Path:
    """A working folder whose tidings.db holds the reference article, as after make run."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tidings.cli, "build_pipeline", lambda **options: nlp)
    assert runner.invoke(app, ["ingest", "--example"]).exit_code == 0
    return tmp_path


@pytest.mark.parametrize("block", _blocks("python"), ids=lambda block: block.splitlines()[0])
def test_python_block_runs(block: str, in_made_run: Path) -> None:
    exec(compile(block, str(README), "exec"), {})


def test_the_readme_shows_query_commands() -> None:
    assert {command[0] for command in _query_commands()} >= {"events", "quotes", "show"}


@pytest.mark.parametrize("command", _query_commands(), ids=" ".join)
def test_shell_query_runs(command: list[str], in_made_run: Path) -> None:
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
