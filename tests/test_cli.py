"""The command line end to end: ingest -> store -> query, on files made here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from tidings.cli import app
from tidings.examples import reference_article
from tidings.pipeline import analyze_one
from tidings.store import Store

EVENT_KEYS = {
    "article_id", "sentence_index", "sentence_start", "sentence_end", "source_name",
    "source_country", "source_sector", "target_name", "target_country", "target_sector",
    "cameo_code", "cameo_root", "goldstein", "quad_class", "plover_event", "plover_mode",
    "factuality", "date", "location_name", "location_country", "rule",
}  # fmt: skip
QUOTE_KEYS = {
    "article_id", "kind", "text", "spans", "cue", "speaker_mention", "speaker_name",
    "speaker_country", "speaker_sector", "reported_by",
}  # fmt: skip

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def example_db(db: str) -> str:
    result = runner.invoke(app, ["ingest", "--example", "--db", db])
    assert result.exit_code == 0, result.output
    return db


def _jsonl(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_ingesting_twice_stores_one_copy(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Egypt condemned Israel on Monday.")
    (folder / "b.txt").write_text("Qatar hosted talks with Hamas.")
    first = runner.invoke(app, ["ingest", str(folder), "--db", db, "--date", "2024-08-20"])
    second = runner.invoke(app, ["ingest", str(folder), "--db", db, "--date", "2024-08-20"])
    assert "stored 2 new, 0 already stored, 0 failed" in first.output
    assert "stored 0 new, 2 already stored, 0 failed" in second.output
    with Store(db) as store:
        assert len(store.articles()) == 2


def test_a_broken_input_is_reported_and_the_rest_is_stored(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text("Egypt condemned Israel on Monday.")
    (folder / "binary.txt").write_bytes(b"\xff\xfe\x00\x81 not text")
    (folder / "empty.txt").write_text("   \n")
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["ingest", str(folder), str(missing), "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 1 new, 0 already stored, 3 failed" in result.output
    failure_lines = [line for line in result.output.splitlines() if line.startswith("failed")]
    assert len(failure_lines) == 3
    assert any("binary.txt" in line for line in failure_lines)
    assert any("missing.txt" in line for line in failure_lines)
    with Store(db) as store:
        assert len(store.articles()) == 1
        assert len(store.failures()) == 3


def test_events_jsonl_follows_the_contract(example_db: str) -> None:
    result = runner.invoke(app, ["events", "--db", example_db, "--all", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.output)
    assert rows, "the reference article has events"
    for row in rows:
        assert row.keys() >= EVENT_KEYS
        assert isinstance(row["cameo_code"], str)
        assert str(row["cameo_code"]).startswith(str(row["cameo_root"]))
    facts = _jsonl(runner.invoke(app, ["events", "--db", example_db, "--format", "jsonl"]).output)
    assert {row["factuality"] for row in facts} <= {"asserted", "reported"}
    assert len(facts) <= len(rows)


def test_quotes_jsonl_follows_the_contract(example_db: str) -> None:
    result = runner.invoke(app, ["quotes", "--db", example_db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.output)
    assert rows, "the reference article has quotes"
    for row in rows:
        assert row.keys() >= QUOTE_KEYS
        assert row["kind"] in ("direct", "indirect", "mixed")


def test_show_prints_actors_events_and_quotes(example_db: str) -> None:
    result = runner.invoke(app, ["show", "--example", "--db", example_db])
    assert result.exit_code == 0, result.output
    for heading in ("actors", "events", "quotes", "Egypt"):
        assert heading in result.output


def test_show_unknown_article_fails_in_one_line(db: str) -> None:
    result = runner.invoke(app, ["show", "0123456789abcdef", "--db", db])
    assert result.exit_code == 1
    assert "no article 0123456789abcdef" in result.output


def test_a_plain_path_names_a_sqlite_file(example_db: str) -> None:
    # The stored example's events come back: the path reached the same file.
    path = example_db.removeprefix("sqlite:///")
    result = runner.invoke(app, ["export", "plover", "--db", path])
    assert result.exit_code == 0, result.output
    assert {row["event"] for row in _jsonl(result.output)} >= {"REQUEST", "REJECT"}


def test_an_unknown_database_url_fails_in_one_line() -> None:
    result = runner.invoke(app, ["events", "--db", "bogus://nowhere"])
    assert result.exit_code == 2
    assert "is not a database URL" in result.output and "Traceback" not in result.output


def test_stored_analysis_equals_the_extracted_one(nlp: Language, db: str) -> None:
    analysis = analyze_one(nlp, reference_article())
    with Store(db) as store:
        store.save([analysis])
    with Store(db) as store:
        assert store.analysis(analysis.article.id) == analysis


def test_explain_shows_the_rule_and_path_of_each_event(db: str) -> None:
    result = runner.invoke(app, ["explain", "--example", "--db", db])
    assert result.exit_code == 0, result.output
    assert "verbs.yaml:" in result.output
    assert "Hamas" in result.output


def test_bench_prints_the_figures_as_json() -> None:
    result = runner.invoke(app, ["bench", "--articles", "6", "--news", "/nonexistent", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["articles"] == 6
    assert figures["tokens"] > 0
    assert figures["ratio"] > 0 and figures["quote_overhead"] >= 1
    assert figures["ratio_median_turn"] > 0
