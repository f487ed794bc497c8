"""The accuracy floors tidings is held to (``benchmarks/floors.toml``) and their measurement.

Each floor pins one figure of one ``tidings eval`` command on one half of its gold set. The
gate fails when a measured figure falls more than ``TOLERANCE`` below its floor.
"""

from __future__ import annotations

import shlex
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from tidings.evaluation import GoldFormat, Halves, Stage, evaluate

TOLERANCE = 0.005


@dataclass(frozen=True)
class Floor:
    """One pinned figure: what it is, the command that makes it, the half and key it reads."""

    figure: str
    command: str
    half: str
    key: str
    floor: float

    def holds(self, value: float) -> bool:
        """Whether a measured value is no more than the tolerance below the floor."""
        return value >= self.floor - TOLERANCE


def read_floors(path: Path) -> list[Floor]:
    """The floors of a TOML file of ``[[floor]]`` tables."""
    with path.open("rb") as handle:
        tables = tomllib.load(handle)["floor"]
    return [
        Floor(t["figure"], t["command"], t["half"], t["key"], float(t["floor"])) for t in tables
    ]


def parse_command(command: str) -> tuple[Stage, Path, GoldFormat]:
    """The stage, gold file and format of a ``tidings eval STAGE --gold F --format X`` line."""
    words = shlex.split(command)
    if words[:2] != ["tidings", "eval"] or "--gold" not in words or "--format" not in words:
        raise ValueError(f"not a tidings eval command: {command!r}")
    gold = words[words.index("--gold") + 1]
    return Stage(words[2]), Path(gold), GoldFormat(words[words.index("--format") + 1])


def measure(nlp: Language, commands: Iterable[str]) -> dict[str, Halves]:
    """The figures each eval command makes (each run once), as the CLI would print them."""
    measured: dict[str, Halves] = {}
    for command in dict.fromkeys(commands):
        stage, gold, fmt = parse_command(command)
        measured[command] = evaluate(nlp, stage, gold, fmt)
    return measured
