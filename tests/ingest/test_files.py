"""Paths, folders and plain text files, and the failures they can give."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from tidings.ingest import read_articles
from tidings.ingest.fields import NOT_UTF8
from tidings.records import Article, IngestFailure


def test_plain_text_is_normalised_and_gets_the_default_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff\n  Egypt condemned Israel.\r\nQatar hosted\rtalks.  \n".encode())
    (article,) = read_articles([path], default_date=date(2024, 8, 20))
    assert article == Article(
        text="Egypt condemned Israel.\nQatar hosted\ntalks.", published=date(2024, 8, 20)
    )
    assert (article.title, article.url, article.source) == (None, None, None)


def test_file_without_a_known_extension_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "story"
    path.write_text("Iran threatened Israel.")
    assert [item.text for item in read_articles([str(path)]) if isinstance(item, Article)] == [
        "Iran threatened Israel."
    ]


def test_folder_is_read_recursively_in_sorted_order_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "second.txt").write_text("Second article.")
    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "Third article."}) + "\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01\xff")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    items = list(read_articles([tmp_path]))
    assert [item.text for item in items if isinstance(item, Article)] == [
        "First article.",
        "Second article.",
        "Third article.",
    ]
    assert not [item for item in items if isinstance(item, IngestFailure)]


def test_each_bad_input_fails_alone_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"Caf\xe9 \xff\xfe\x81")
    (tmp_path / "empty.txt").write_text(" \r\n \t")
    (tmp_path / "good.txt").write_text("Iran threatened Israel.")
    (tmp_path / "empty_folder").mkdir()
    items = list(read_articles([tmp_path, tmp_path / "absent.txt", tmp_path / "empty_folder"]))
    failures = {
        Path(item.location).name: item.reason for item in items if isinstance(item, IngestFailure)
    }
    assert failures == {
        "binary.txt": NOT_UTF8,
        "empty.txt": "empty text",
        "absent.txt": "no such file",
        "empty_folder": "no files in folder",
    }
    assert [item.text for item in items if isinstance(item, Article)] == ["Iran threatened Israel."]


def test_an_empty_path_is_not_taken_for_the_current_folder() -> None:
    assert list(read_articles([""])) == [IngestFailure("", "no such file")]


def test_damaged_gzip_fails_after_the_articles_before_the_damage(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Article {n}."}) + "\n" for n in range(3000))
    whole = gzip.compress(lines.encode())
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = list(read_articles([path]))
    *articles, failure = items
    assert articles and all(isinstance(item, Article) for item in articles)
    assert isinstance(failure, IngestFailure)
    assert failure.location == str(path) and failure.reason.startswith("cannot read:")


def test_gzipped_jsonl_and_csv(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "a.jsonl.gz", "wt") as handle:
        handle.write(json.dumps({"text": "Iran threatened Israel."}) + "\n")
    with gzip.open(tmp_path / "b.csv.gz", "wt") as handle:
        handle.write("text\nQatar hosted talks.\n")
    items = list(read_articles([tmp_path]))
    assert [item.text for item in items if isinstance(item, Article)] == [
        "Iran threatened Israel.",
        "Qatar hosted talks.",
    ]
