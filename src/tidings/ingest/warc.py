"""Articles from the HTML pages in a WARC web archive (warcio)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from tidings.ingest.html import article_from_html
from tidings.records import Article, IngestFailure


def read_warc(
    stream: BinaryIO, location: str, *, default_date: date | None = None
) -> Iterator[Article | IngestFailure]:
    """Each successful HTML response in the archive as an article, its url from the record."""
    pages = 0
    try:
        for record in ArchiveIterator(stream):
            if not _is_html_page(record):
                continue
            pages += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            html = record.content_stream().read()
            # A record cut short (an interrupted crawl or copy) would be a cut-off article.
            missing = getattr(record.raw_stream, "limit", 0)
            if missing:
                yield IngestFailure(
                    f"{location}#{url}",
                    f"truncated WARC record: {missing} of its {record.length} bytes are missing",
                )
                continue
            yield article_from_html(html, f"{location}#{url}", url=url, default_date=default_date)
    except OSError:
        raise  # an unreadable file, not a damaged archive: the caller reports it
    except Exception as error:  # warcio raises many types (even AttributeError) on damage
        yield IngestFailure(location, f"damaged WARC archive: {_first_line(error)}")
        return
    if not pages:
        yield IngestFailure(location, "no HTML pages in WARC archive")


def _is_html_page(record: ArcWarcRecord) -> bool:
    """A response record carrying a 2xx HTML page; redirects and errors are not articles."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and "html" in content_type


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
