"""The generated benchmarks page, from floors and figures made here."""

from __future__ import annotations

from tidings.evaluation.floors import Floor
from tidings.evaluation.report import table

COMMAND = "tidings eval events --gold g.jsonl --format agnews --json"


def test_each_floor_is_a_row_with_its_half_all_items_floor_and_command() -> None:
    floors = [Floor("roots F1", COMMAND, "check", "root_f1", 0.5)]
    measured = {COMMAND: {"all": {"root_f1": 0.55}, "tune": {}, "check": {"root_f1": 0.6}}}
    page = table(floors, measured)
    assert f"| roots F1 | 0.600 (check) | 0.550 | 0.500 | `{COMMAND}` |" in page
    assert "more\nthan 0.005 below" in page
