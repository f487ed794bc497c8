"""JSONL and CSV corpora: one article per line or row, streamed, failing line by line."""

from __future__ import annotations

import csv
import json
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from tests.shared_data import shared_path
from tidings.ingest import read_articles
from tidings.ingest.fields import NOT_UTF8
from tidings.records import Article, IngestFailure


def _failures(items: list[Article | IngestFailure]) -> list[tuple[str, str]]:
    return [(item.location, item.reason) for item in items if isinstance(item, IngestFailure)]


def _articles(items: list[Article | IngestFailure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def test_jsonl_fields_and_their_corpus_names(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    records = [
        {"text": "Egypt condemned Israel.", "url": "https://e.org/1", "date": "2024-08-01"},
        {"text": "Qatar hosted talks.", "outlet": "CTVNews", "headline": " Talks "},
        {"text": "Iran threatened Israel.", "publisher": "breitbart", "title": "Threats"},
        {"maintext": "Jordan met Egypt.", "date_publish": "2024-08-02 10:00:00"},
    ]
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    first, second, third, fourth = read_articles([path], default_date=date(2024, 8, 20))
    assert first == Article(
        "Egypt condemned Israel.", url="https://e.org/1", published=date(2024, 8, 1)
    )
    assert second == Article(
        "Qatar hosted talks.", title="Talks", source="CTVNews", published=date(2024, 8, 20)
    )
    assert third == Article(
        "Iran threatened Israel.", title="Threats", source="breitbart", published=date(2024, 8, 20)
    )
    assert fourth == Article("Jordan met Egypt.", published=date(2024, 8, 2))


def test_bad_jsonl_lines_fail_alone_with_their_line_number(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        b'{"text": "Egypt condemned Israel."}',
        b"{not json",
        b"",
        b'{"title": "no text here"}',
        b'["a list"]',
        b'{"text": 42}',
        b'{"text": "  "}',
        b'{"text": "Caf\xe9"}',
        b'{"text": "half a surrogate \\ud800"}',
        b"[" * 100_000,
        b'{"text": "Qatar hosted talks."}',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_articles([path]))
    assert _failures(items) == [
        (f"{path}:2", "not JSON: Expecting property name enclosed in double quotes"),
        (f"{path}:4", "no 'text' field"),
        (f"{path}:5", "not a JSON object"),
        (f"{path}:6", "'text' is not a string"),
        (f"{path}:7", "empty text"),
        (f"{path}:8", NOT_UTF8),
        (f"{path}:9", "'text' holds invalid Unicode (a lone surrogate)"),
        (f"{path}:10", "not JSON: nested too deeply"),
    ]
    assert [a.text for a in _articles(items)] == ["Egypt condemned Israel.", "Qatar hosted talks."]


def test_metadata_date_wins_and_an_unreadable_one_falls_back_to_the_default(
    tmp_path: Path,
) -> None:
    path = tmp_path / "news.jsonl"
    records = [
        {"text": "One.", "date": "20 August 2023"},
        {"text": "Two.", "date": "last week"},
        {"text": "Three.", "date": 1724140800},
    ]
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    with pytest.warns(UserWarning) as warned:
        read = list(read_articles([path], default_date=date(2024, 8, 20)))
    assert [a.published for a in _articles(read)] == [
        date(2023, 8, 20),
        date(2024, 8, 20),
        date(2024, 8, 20),
    ]
    assert [str(w.message) for w in warned] == [
        f"{path}:2: 'date' 'last week' is not a date; 2024-08-20 from --date",
        f"{path}:3: 'date' 1724140800 is not a date; 2024-08-20 from --date",
    ]


def test_jsonl_yields_before_reading_the_rest_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w") as handle:
        handle.write(json.dumps({"text": "First."}) + "\n")
    items = read_articles([path])
    first = next(items)
    # Had the whole file been read before the first article came out, a line written now
    # would not be seen.
    with path.open("a") as handle:
        handle.write(json.dumps({"text": "Written after the first article was read."}) + "\n")
    assert isinstance(first, Article) and first.text == "First."
    assert [a.text for a in _articles(list(items))] == ["Written after the first article was read."]


def test_jsonl_memory_stays_far_below_the_file_size(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    paragraph = "Egypt condemned the Israeli strike on Rafah. " * 40
    with path.open("w") as handle:
        for number in range(4000):
            handle.write(json.dumps({"text": f"{number}. {paragraph}"}) + "\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for item in read_articles([path]) if isinstance(item, Article))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 4000
    assert size > 7_000_000
    assert peak < size / 20, f"peak {peak} bytes for a {size}-byte file"


def test_csv_rows_with_multi_line_fields_are_located_by_their_first_line(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Title", "Text", "Date", "Outlet"])
        writer.writerow(["T", "Line one,\r\nline two.", "2024-08-19", "CTV"])
        writer.writerow(["Empty", "", "", ""])
        writer.writerow(["Short", "A row with a missing field."])
        writer.writerow(["U", "Qatar hosted talks.", "", ""])
    items = list(read_articles([path], default_date=date(2024, 8, 20)))
    assert _failures(items) == [
        (f"{path}:4", "empty text"),
        (f"{path}:5", "row has 2 fields, the header has 4"),
    ]
    assert _articles(items) == [
        Article("Line one,\nline two.", title="T", source="CTV", published=date(2024, 8, 19)),
        Article("Qatar hosted talks.", title="U", published=date(2024, 8, 20)),
    ]


def test_an_undecodable_csv_row_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(b"text\nCaf\xe9 talks.\nQatar hosted talks.\n")
    items = list(read_articles([path]))
    assert _failures(items) == [(f"{path}:2", NOT_UTF8)]
    assert [a.text for a in _articles(items)] == ["Qatar hosted talks."]


def test_csv_without_text_column_or_rows_fails_once(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(
        "title,body\nT,Egypt condemned Israel.\nU,Qatar hosted talks.\n"
    )
    (tmp_path / "b.csv").write_text("")
    items = list(read_articles([tmp_path / "a.csv", tmp_path / "b.csv"]))
    assert _failures(items) == [
        (f"{tmp_path / 'a.csv'}:1", "no 'text' column in the CSV header"),
        (str(tmp_path / "b.csv"), "empty CSV file"),
    ]


def test_the_ggt_corpus_reads_as_49_articles_with_their_outlets() -> None:
    path = shared_path("data/quotes/ggt_dev.jsonl")
    items = list(read_articles([path]))
    articles = _articles(items)
    assert len(articles) == 49 and not _failures(items)
    assert all(a.source and a.url and a.url.startswith("http") for a in articles)
    assert len({a.id for a in articles}) == 49


def test_polnear_records_give_title_date_and_publisher() -> None:
    path = shared_path("data/quotes/polnear_dev.jsonl")
    with path.open(encoding="utf-8") as handle:
        first = json.loads(handle.readline())
    article = next(read_articles([path]))
    assert isinstance(article, Article)
    assert article.text == first["text"].strip()
    assert (article.title, article.source) == (first["title"], first["publisher"])
    assert article.published == date.fromisoformat(first["date"])
