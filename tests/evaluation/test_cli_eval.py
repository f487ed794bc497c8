"""`tidings eval` on a gold file made here: its choices, its errors, its three halves."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from typer.testing import CliRunner

from tidings.cli import app
from tidings.evaluation import GoldFormat
from tidings.pipeline import DEFAULT_MODEL

runner = CliRunner()


def _agnews(tmp_path: Path) -> Path:
    events = [
        {
            "source_country": "RUR",
            "target_country": "FRE",
            "cameo_root": "11",
            "plover_event": "ACCUSE",
            "optional": False,
        }
    ]
    items = [
        {"id": f"made-up-{n}", "text": text, "date": "2004-08-15", "no_event": False,
         "events": events}
        for n, text in enumerate(["Ruritania accused Freedonia of spying.", "Nobody spoke."])
    ]  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in items) + "\n", encoding="utf-8")
    return path


def test_help_lists_every_gold_format() -> None:
    result = runner.invoke(app, ["eval", "--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert f"<{'|'.join(f.value for f in GoldFormat)}>" in result.output


def test_unknown_formats_and_formats_of_another_stage_are_refused(tmp_path: Path) -> None:
    gold = _agnews(tmp_path)
    unknown = runner.invoke(app, ["eval", "events", "--gold", str(gold), "--format", "acled"])
    assert unknown.exit_code == 2
    mismatched = runner.invoke(app, ["eval", "quotes", "--gold", str(gold), "--format", "agnews"])
    assert mismatched.exit_code == 2
    assert "cannot be scored on agnews" in mismatched.output


def test_eval_prints_all_tune_and_check_as_json(tmp_path: Path) -> None:
    gold = _agnews(tmp_path)
    result = runner.invoke(
        app, ["eval", "events", "--gold", str(gold), "--format", "agnews", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert "a default query shows" in " ".join(result.output.split())
    halves = json.loads(result.output.strip().splitlines()[-1])
    assert set(halves) == {"all", "tune", "check"}
    assert halves["all"]["n_event_items"] == 2
    assert halves["tune"]["n_event_items"] + halves["check"]["n_event_items"] == 2
    assert 0.0 <= halves["all"]["cameo_dyad_f1"] <= 1.0


def test_eval_runs_on_a_pipeline_saved_to_a_folder(tmp_path: Path) -> None:
    gold = _agnews(tmp_path)
    folder = tmp_path / "model"
    spacy.load(DEFAULT_MODEL).to_disk(folder)
    command = ["eval", "events", "--gold", str(gold), "--format", "agnews", "--json"]
    by_name = runner.invoke(app, command)
    by_path = runner.invoke(app, [*command, "--model", str(folder)])
    assert by_path.exit_code == 0, by_path.output
    assert by_path.output.splitlines()[-1] == by_name.output.splitlines()[-1]


def test_a_missing_model_is_refused_in_one_line(tmp_path: Path) -> None:
    gold = _agnews(tmp_path)
    missing = str(tmp_path / "no-such-model")
    result = runner.invoke(
        app, ["eval", "events", "--gold", str(gold), "--format", "agnews", "--model", missing]
    )
    assert result.exit_code == 2
    assert "no spaCy pipeline" in result.output
