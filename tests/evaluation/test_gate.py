"""The evaluation gate: every figure in benchmarks/floors.toml, measured by its own command,
stays within the tolerance of its floor. Marked ``gold``: ``pytest -m "not gold"`` skips it."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from tests.shared_data import shared_path
from tidings.evaluation.floors import TOLERANCE, measure, parse_command, read_floors

ROOT = Path(__file__).resolve().parents[2]
FLOORS = read_floors(ROOT / "benchmarks" / "floors.toml")
COMMANDS = list(dict.fromkeys(floor.command for floor in FLOORS))


def test_every_floor_names_an_eval_command_a_half_and_a_value() -> None:
    for floor in FLOORS:
        parse_command(floor.command)
        assert floor.half in ("all", "tune", "check") and 0.0 < floor.floor <= 1.0


def test_a_figure_holds_within_the_tolerance_only() -> None:
    floor = FLOORS[0]
    assert floor.holds(floor.floor - TOLERANCE + 1e-9)
    assert not floor.holds(floor.floor - TOLERANCE - 1e-3)


@pytest.mark.gold
@pytest.mark.parametrize(
    "command", COMMANDS, ids=["-".join(map(str, parse_command(c)[::2])) for c in COMMANDS]
)
def test_figures_stay_above_their_floors(
    command: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_path("data")
    nlp: Language = request.getfixturevalue("nlp")  # built only once the gold sets are here
    # The commands name their gold files relative to the repository root, as written.
    monkeypatch.chdir(ROOT)
    halves = measure(nlp, [command])[command]
    fallen = [
        f"{floor.figure} ({floor.half} {floor.key}): {halves[floor.half][floor.key]:.4f} "
        f"< floor {floor.floor:.3f} - {TOLERANCE}"
        for floor in FLOORS
        if floor.command == command and not floor.holds(halves[floor.half][floor.key])
    ]
    assert not fallen, "\n".join(fallen)
