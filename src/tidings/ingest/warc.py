"""Articles from the HTML responses in a WARC archive (warcio)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tidings.ingest.html import article_from_html
from tidings.records import Article, IngestFailure


def read_warc(
    stream: BinaryIO, location: str, *, default_date: date | None = None
) -> Iterator[Article | IngestFailure]:
    """Each HTML response record of the archive as an article."""
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{location}#{url}"
            html = record.content_stream().read().decode("utf-8", errors="replace")
            yield article_from_html(html, where, url=url, default_date=default_date)
    except ArchiveLoadFailed as error:
        yield IngestFailure(location, f"not a WARC archive: {error}")
