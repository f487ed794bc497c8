"""WARC archives: each successful HTML response is an article with the record's url."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.ingest.conftest import Response
from tidings.ingest import read_articles
from tidings.records import Article, IngestFailure

WriteWarc = Callable[[str, list[Response]], Path]


def test_html_responses_become_articles_and_other_records_are_skipped(
    write_warc: WriteWarc, news_page: str
) -> None:
    path = write_warc(
        "crawl.warc.gz",
        [
            (
                "https://example.org/blinken",
                "200 OK",
                "text/html; charset=utf-8",
                news_page.encode(),
            ),
            ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
            ("https://example.org/old", "301 Moved Permanently", "text/html", b"<p>Moved</p>"),
            ("https://example.org/empty", "200 OK", "text/html", b"<html><body></body></html>"),
        ],
    )
    article, failure = read_articles([path])
    assert isinstance(article, Article)
    assert article.url == "https://example.org/blinken"
    assert article.text.startswith("US Secretary of State Antony Blinken has called on Hamas")
    assert failure == IngestFailure(f"{path}#https://example.org/empty", "no main text in HTML")


def test_archive_without_html_pages_or_not_an_archive_fails(
    tmp_path: Path, write_warc: WriteWarc
) -> None:
    images = write_warc("images.warc.gz", [("https://e.org/a.png", "200 OK", "image/png", b"x")])
    not_warc = tmp_path / "text.warc"
    not_warc.write_text("Not_a_web_archive\n")
    first, second = read_articles([images, not_warc])
    assert first == IngestFailure(str(images), "no HTML pages in WARC archive")
    assert isinstance(second, IngestFailure) and second.location == str(not_warc)
    assert second.reason.startswith("damaged WARC archive: Unknown archive format")
