"""The command line end to end: ingest -> store -> query, on files made here."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from tidings.batch import InProcessAnalyzer
from tidings.batch import ingest as ingest_into
from tidings.cli import app
from tidings.examples import reference_article
from tidings.ingest import count_inputs, read_articles
from tidings.pipeline import analyze_one
from tidings.store import Store

EVENT_KEYS = {
    "article_id", "sentence_index", "sentence_start", "sentence_end", "source_name",
    "source_country", "source_sector", "target_name", "target_country", "target_sector",
    "cameo_code", "cameo_root", "goldstein", "quad_class", "plover_event", "plover_mode",
    "factuality", "date", "location_name", "location_country", "rule", "source_rule",
    "target_rule",
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
    assert result.exit_code == 1, result.output
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


def test_show_unknown_article_fails_in_one_line(example_db: str) -> None:
    result = runner.invoke(app, ["show", "0123456789abcdef", "--db", example_db])
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


@pytest.mark.parametrize(
    ("command", "option"),
    [("events", "--actor"), ("events", "--code"), ("quotes", "--speaker")],
)
def test_filters_match_percent_and_underscore_literally(
    example_db: str, command: str, option: str
) -> None:
    every = _jsonl(runner.invoke(app, [command, "--db", example_db, "--format", "jsonl"]).output)
    assert every, "the reference article has some"
    for wildcard in ("%", "_", "%_%"):
        result = runner.invoke(
            app, [command, "--db", example_db, option, wildcard, "--format", "jsonl"]
        )
        assert result.exit_code == 0, result.output
        assert _jsonl(result.output) == []


def test_articles_lists_what_is_stored_and_what_failed(tmp_path: Path, db: str) -> None:
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text(
        json.dumps({"text": "Egypt condemned Israel on Monday.", "title": "Egypt speaks",
                    "date": "2024-08-20", "source": "Example News"}) + "\n"
        + "{broken\n"
        + json.dumps({"text": "Qatar hosted talks with Hamas.", "date": "2024-07-01"}) + "\n"
    )  # fmt: skip
    for _ in range(2):
        runner.invoke(app, ["ingest", str(corpus), "--db", db])
    result = runner.invoke(app, ["articles", "--db", db, "--format", "jsonl"])
    listed = sorted(_jsonl(result.output), key=lambda row: str(row["location"]))
    assert [(row["title"], row["location"]) for row in listed] == [
        ("Egypt speaks", f"{corpus}:1"),
        (None, f"{corpus}:3"),
    ]
    assert listed[0]["events"] >= 1 and listed[0]["published"] == "2024-08-20"
    since = runner.invoke(
        app, ["articles", "--db", db, "--since", "2024-08-01", "--format", "jsonl"]
    )
    assert [row["title"] for row in _jsonl(since.output)] == ["Egypt speaks"]
    source = runner.invoke(
        app, ["articles", "--db", db, "--source", "example", "--format", "jsonl"]
    )
    assert len(_jsonl(source.output)) == 1
    failed = runner.invoke(app, ["articles", "--db", db, "--failed", "--format", "jsonl"])
    assert [row["location"] for row in _jsonl(failed.output)] == [f"{corpus}:2"]


def test_show_and_explain_take_an_id_prefix(example_db: str) -> None:
    prefix = reference_article().id[:6]
    for command in ("show", "explain"):
        result = runner.invoke(app, [command, prefix, "--db", example_db])
        assert result.exit_code == 0, result.output
    missing = runner.invoke(app, ["show", "ffffff", "--db", example_db])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error no article ffffff in the database")


def test_the_events_table_numbers_sentences_as_the_jsonl_and_names_the_article(
    example_db: str,
) -> None:
    rows = _jsonl(runner.invoke(app, ["events", "--db", example_db, "--format", "jsonl"]).output)
    table = runner.invoke(app, ["events", "--db", example_db]).output
    lines = [line for line in table.splitlines() if str(rows[0]["article_id"]) in line]
    assert len(lines) == len(rows)
    numbers = [line.split("│")[2].strip() for line in lines]
    assert numbers == [str(row["sentence_index"]) for row in rows]


@pytest.mark.parametrize(
    "command", ["ingest", "events", "quotes", "articles", "show", "explain", "export", "eval"]
)
def test_help_shows_plain_examples(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "``" not in result.output
    if command == "eval":
        for name in ("plover-gsr", "conflibert", "ggt", "polnear", "times"):
            assert name in result.output


def test_explain_explains_the_stored_events(nlp: Language, db: str) -> None:
    analysis = analyze_one(nlp, reference_article())
    first, *others = analysis.events
    # As if tidings had coded the first event elsewhere when the article was stored.
    moved = replace(first, trigger_start=first.trigger_start + 1)
    # The role rules shown are the stored ones, whatever this run would name.
    second = replace(others[0], target_rule="stored-rule.v9")
    with Store(db) as store:
        store.save([replace(analysis, events=(moved, second, *others[1:]))])
    result = runner.invoke(app, ["explain", analysis.article.id, "--db", db])
    assert result.exit_code == 0, result.output
    assert others[0].target is not None and "(by stored-rule.v9)" in result.output
    assert result.output.count("this run no longer finds it") == 1
    assert "[USAGOV]" in result.output
    assert result.output.count("--> ") == len(analysis.events)


def test_ingest_reads_standard_input(db: str) -> None:
    text = runner.invoke(app, ["ingest", "-", "--db", db], input="Egypt condemned Israel.\n")
    assert "stored 1 new" in text.stdout, text.output
    lines = "".join(
        json.dumps({"text": f"Qatar hosted talks, report {n}."}) + "\n" for n in range(3)
    )
    jsonl = runner.invoke(app, ["ingest", "-", "--format", "jsonl", "--db", db], input=lines)
    assert "stored 3 new" in jsonl.stdout, jsonl.output
    with Store(db) as store:
        assert {a.location for a in store.articles()} == {"stdin", "stdin:1", "stdin:2", "stdin:3"}


def test_ingest_reads_gzipped_and_legacy_encoded_files(tmp_path: Path, db: str) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Egypt condemned Israel."))
    legacy = tmp_path / "b.jsonl"
    legacy.write_bytes(
        json.dumps({"text": "Égypte a condamné Israël."}, ensure_ascii=False).encode("latin-1")
    )
    as_utf8 = runner.invoke(app, ["ingest", str(legacy), "--db", db])
    assert as_utf8.exit_code == 1 and "not UTF-8 text" in as_utf8.stderr
    result = runner.invoke(
        app,
        ["ingest", str(tmp_path / "a.txt.gz"), str(legacy), "--encoding", "latin-1", "--db", db],
    )
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert {a.text for a in store.articles()} == {
            "Egypt condemned Israel.",
            "Égypte a condamné Israël.",
        }


def test_ingest_names_the_inputs_without_a_date(tmp_path: Path, db: str) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Egypt condemned Israel on Monday in {name}.")
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db]
    )
    assert result.exit_code == 0, result.output
    (warning,) = [line for line in result.stderr.splitlines() if "publication date" in line]
    assert f"{tmp_path / 'a.txt'}, {tmp_path / 'b.txt'}" in warning
    assert "--date" in warning


def test_progress_counts_the_inputs_done_of_a_known_total(tmp_path: Path, nlp: Language) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Egypt condemned Israel.")
    (news / "b.jsonl").write_text('{"text": "Qatar hosted talks."}\n\n{"text": 5}\n')
    (news / "c.html").write_text("<html><body></body></html>")
    paths = [news, tmp_path / "missing.txt"]
    assert count_inputs(paths) == 5
    done = []
    with Store(f"sqlite:///{tmp_path / 'p.db'}") as store:
        ingest_into(
            read_articles(paths), store, InProcessAnalyzer(nlp), on_input=lambda: done.append(1)
        )
    assert len(done) == 5
    (news / "d.csv").write_text("text\nIran threatened Israel.\n")
    assert count_inputs([news]) is None
