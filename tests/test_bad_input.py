"""The command line over a table of bad inputs: one line per failure on stderr, the documented
exit status (0 all stored, 1 a failure, 2 a usage error) and the exact number of articles stored.
"""

from __future__ import annotations

import gzip
import io
import json
import socket
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import tidings.cli
from tidings.cli import app
from tidings.store import Store
from tidings.store.store import database_problem

runner = CliRunner()
NEWS = "Egypt condemned Israel on Monday. Qatar hosted talks with Hamas in Doha."


def _jsonl(path: Path, records: list[object]) -> None:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))


def _lines(name: str, lines: list[object]) -> Callable[[Path], list[str]]:
    """A JSONL file of these lines: strings as written, anything else as JSON."""

    def write(folder: Path) -> list[str]:
        text = "".join(
            (line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines
        )
        (folder / name).write_text(text)
        return [str(folder / name)]

    return write


def _article(n: int) -> dict[str, str]:
    return {"text": f"Egypt condemned Israel over strike number {n}.", "date": "2024-08-20"}


def _nul_on_line_21(folder: Path) -> list[str]:
    records: list[object] = [_article(n) for n in range(40)]
    records[20] = {"text": "Egypt condemned\u0000 Israel.\u0007", "title": "a\u0000b"}
    _jsonl(folder / "feed.jsonl", records)
    return [str(folder / "feed.jsonl")]


def _warc(folder: Path, *, cut: bool) -> list[str]:
    body = b"<html><body><article>" + b"<p>Egypt condemned Israel in a statement.</p>" * 300
    body += b"</article></body></html>"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://example.org/a", "response", payload=io.BytesIO(body), http_headers=headers
        )
    )
    data = buffer.getvalue()
    path = folder / "crawl.warc"
    path.write_bytes(data[: len(data) // 3] if cut else data)
    return [str(path)]


def _linked_folder(folder: Path) -> list[str]:
    real, news = folder / "elsewhere", folder / "news"
    real.mkdir()
    news.mkdir()
    for n in range(5):
        (real / f"{n}.txt").write_text(f"Egypt condemned Israel over strike number {n}.")
    (news / "linked").symlink_to(real, target_is_directory=True)
    (news / "loop").symlink_to(news, target_is_directory=True)
    return [str(news)]


def _json_array(folder: Path) -> list[str]:
    path = folder / "scraped.json"
    path.write_text(json.dumps([_article(1), _article(2), "junk", {"body": "no text"}]))
    return [str(path)]


def _file(name: str, content: bytes) -> Callable[[Path], list[str]]:
    def write(folder: Path) -> list[str]:
        (folder / name).write_bytes(content)
        return [str(folder / name)]

    return write


def _nested_divs(folder: Path) -> list[str]:
    html = "<html><body>" + "<div>" * 10_000 + NEWS + "</div>" * 10_000 + "</body></html>"
    (folder / "deep.html").write_text(html)
    return [str(folder / "deep.html")]


@dataclass(frozen=True)
class Case:
    """Inputs written into a folder, the command's extra arguments, and what must come out."""

    name: str
    make: Callable[[Path], list[str]]
    status: int
    stored: int
    failures: int = 0
    arguments: tuple[str, ...] = field(default=())


INGEST_CASES = [
    Case("empty file", _file("empty.txt", b" \n"), 1, 0, 1),
    Case("binary file", _file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\xff"), 1, 0, 1),
    Case("not UTF-8", _file("legacy.txt", "Égypte a condamné".encode("latin-1")), 1, 0, 1),
    Case("missing file", lambda folder: [str(folder / "missing.txt")], 1, 0, 1),
    Case(
        "malformed JSONL",
        _lines("f.jsonl", [_article(1), '{"text": "Qatar hosted talks."}', '{"text": ']),
        1,
        2,
        1,
    ),
    Case(
        "wrong field types",
        _lines("f.jsonl", [{"text": 5}, {"text": ["a"]}, {"text": NEWS, "date": 7}]),
        1,
        1,
        2,
    ),
    Case("year 9999", _lines("f.jsonl", [{"text": NEWS, "date": "9999-12-31"}]), 0, 1),
    # lxml gives up on markup nested this deep: a failure with its reason, not a crash.
    Case("10k nested divs", _nested_divs, 1, 0, 1),
    Case("NUL on line 21 of 40", _nul_on_line_21, 0, 40),
    Case("truncated WARC", lambda folder: _warc(folder, cut=True), 1, 0, 1),
    Case("complete WARC", lambda folder: _warc(folder, cut=False), 0, 1),
    Case("symlinked subfolder", _linked_folder, 0, 5),
    Case("JSON array of articles", _json_array, 1, 2, 2),
    Case("every input fails", lambda folder: [str(folder / "a"), str(folder / "b")], 1, 0, 2),
]


@pytest.fixture(autouse=True)
def _one_pipeline(monkeypatch: pytest.MonkeyPatch, nlp: Language) -> None:
    # The session's pipeline stands in for the one each command would build (same code).
    monkeypatch.setattr(tidings.cli, "build_pipeline", lambda **options: nlp)


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(("failed", "error"))]


@pytest.mark.parametrize("case", INGEST_CASES, ids=lambda case: case.name)
def test_ingest_of_bad_input(case: Case, tmp_path: Path) -> None:
    db = tmp_path / "test.db"
    inputs = case.make(tmp_path)
    result = runner.invoke(app, ["ingest", *inputs, "--db", str(db), *case.arguments])
    assert "Traceback" not in result.output
    assert result.exit_code == case.status, result.output
    assert len(_error_lines(result.stderr)) == case.failures, result.stderr
    assert f"stored {case.stored} new" in result.stdout
    with Store(str(db) if "://" in str(db) else f"sqlite:///{db}") as store:
        assert len(store.articles()) == case.stored


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _actors_file(content: str) -> Callable[[Path], str]:
    def write(folder: Path) -> str:
        (folder / "actors.yaml").write_text(content)
        return str(folder / "actors.yaml")

    return write


def _example_db(folder: Path) -> list[str]:
    """The arguments of ``events`` on a database holding the reference article."""
    database = str(folder / "example.db")
    assert runner.invoke(app, ["ingest", "--example", "--db", database]).exit_code == 0
    return ["events", "--db", database]


@dataclass(frozen=True)
class CommandCase:
    """A command given a bad value; it must end in one line naming it, with this status."""

    name: str
    arguments: Callable[[Path], list[str]]
    status: int
    names: str


COMMAND_CASES = [
    CommandCase(
        "not a database",
        lambda f: [
            "events",
            "--db",
            str((f / "notes.db").write_text("my notes") and f / "notes.db"),
        ],
        1,
        "notes.db is not a SQLite database",
    ),
    CommandCase("a folder as --db", lambda f: ["events", "--db", str(f)], 1, "is a folder"),
    CommandCase(
        "--db in a missing folder",
        lambda f: ["ingest", "--example", "--db", str(f / "no" / "t.db")],
        1,
        "does not exist",
    ),
    CommandCase(
        "a typo in --db for a query",
        lambda f: ["events", "--db", str(f / "typo.db")],
        1,
        "no database at",
    ),
    CommandCase(
        "mysql without a driver",
        lambda f: ["events", "--db", "mysql://user@localhost/news"],
        1,
        "no database driver for mysql://",
    ),
    CommandCase(
        "unreachable PostgreSQL",
        lambda f: ["events", "--db", f"postgresql+psycopg://u@127.0.0.1:{_closed_port()}/x"],
        1,
        "cannot connect to postgresql+psycopg://u@127.0.0.1",
    ),
    CommandCase(
        "unreachable Dask scheduler",
        lambda f: ["ingest", "--example", "--db", str(f / "t.db"), "--dask", "tcp://127.0.0.1:1"],
        1,
        "cannot reach the Dask scheduler at tcp://127.0.0.1:1",
    ),
    CommandCase(
        "malformed Dask address",
        lambda f: ["ingest", "--example", "--db", str(f / "t.db"), "--dask", "foo://bar"],
        1,
        "--dask 'foo://bar' is not a scheduler address",
    ),
    CommandCase(
        "an actors file that is no list",
        lambda f: [
            "ingest",
            "--example",
            "--db",
            str(f / "t.db"),
            "--actors",
            _actors_file("name: Jane")(f),
        ],
        1,
        "actors.yaml:1: the file must be a list of actors",
    ),
    CommandCase(
        "an actors file of bad YAML",
        lambda f: [
            "ingest",
            "--example",
            "--db",
            str(f / "t.db"),
            "--actors",
            _actors_file("- {id: x, name: [unclosed\n")(f),
        ],
        1,
        "actors.yaml:",
    ),
    CommandCase(
        "a missing actors file",
        lambda f: ["ingest", "--example", "--db", str(f / "t.db"), "--actors", str(f / "no.yaml")],
        1,
        "no.yaml: cannot read",
    ),
    CommandCase(
        "an unknown eval format",
        lambda f: ["eval", "events", "--format", "acled", "--gold", __file__],
        2,
        "'acled' is not one of",
    ),
    CommandCase("an unknown option", lambda f: ["events", "--colour"], 2, "No such option"),
    CommandCase(
        "a 100,000-character filter",
        lambda f: [*_example_db(f), "--actor", "x" * 100_000],
        1,
        "a filter of 100000 characters",
    ),
]


@pytest.mark.parametrize("case", COMMAND_CASES, ids=lambda case: case.name)
def test_a_bad_value_ends_in_one_line(case: CommandCase, tmp_path: Path) -> None:
    result = runner.invoke(app, case.arguments(tmp_path))
    assert result.exit_code == case.status, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error "), result.stderr
    assert case.names in lines[0]


def test_a_read_only_database_ends_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "read-only.db"
    Store(f"sqlite:///{path}").close()
    (tmp_path / "a.txt").write_text(NEWS)
    # Opened read-only by SQLite itself, as a file without write permission would be (for root too).
    database = f"sqlite:///file:{path}?mode=ro&uri=true"
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", database])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error file:{path} is read-only: make it writable or give --db another file"
    ]


def test_gzipped_json_is_read(tmp_path: Path) -> None:
    path = tmp_path / "scraped.json.gz"
    path.write_bytes(gzip.compress(json.dumps([_article(1)]).encode()))
    result = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0, result.output
    assert "stored 1 new" in result.stdout


def test_a_complete_warc_after_a_truncated_one_stores_the_page_once(tmp_path: Path) -> None:
    database = str(tmp_path / "t.db")
    (cut,) = _warc(tmp_path, cut=True)
    assert runner.invoke(app, ["ingest", cut, "--db", database]).exit_code == 1
    (whole,) = _warc(tmp_path, cut=False)
    assert runner.invoke(app, ["ingest", whole, "--db", database]).exit_code == 0
    with Store(f"sqlite:///{database}") as store:
        (article,) = store.articles()
        assert article.url == "https://example.org/a"
        assert len(article.text) > 10_000
        assert store.failures() == [], "the record stored now has failed no more"


@pytest.mark.parametrize(
    ("driver_message", "expected"),
    [
        ("database or disk is full", "the disk holding /data/t.db is full: free space and rerun"),
        ("attempt to write a readonly database", "/data/t.db is read-only"),
        ("database is locked", "/data/t.db is locked by another program"),
    ],
)
def test_sqlite_errors_name_the_file_and_the_fix(driver_message: str, expected: str) -> None:
    problem = database_problem("sqlite:////data/t.db", sqlite3.OperationalError(driver_message))
    assert problem.startswith(expected)
