"""Fixtures for the ingest tests: a tiny news page and a writer of tiny WARC archives."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

NEWS_PAGE = """<html><head><title>Blinken in Israel</title>
<meta property="article:published_time" content="2024-08-19T23:30:00-05:00"></head>
<body><nav>Home | World | Sport</nav><article>
<p>US Secretary of State Antony Blinken has called on Hamas to accept a ceasefire agreement.</p>
<p>On Monday he said that Israel had accepted the latest proposal brokered by the United States.</p>
</article><footer>Copyright 2019 Example News</footer></body></html>"""

# (url, HTTP status line, content type, body) of one response record.
Response = tuple[str, str, str, bytes]


@pytest.fixture
def news_page() -> str:
    """A news page with navigation and footer boilerplate around a two-paragraph article."""
    return NEWS_PAGE


@pytest.fixture
def write_warc(tmp_path: Path) -> Callable[[str, list[Response]], Path]:
    """Write a gzipped WARC archive of the given response records; return its path."""

    def write(name: str, responses: list[Response]) -> Path:
        path = tmp_path / name
        with path.open("wb") as handle:
            writer = WARCWriter(handle, gzip=True)
            for url, status, content_type, body in responses:
                headers = StatusAndHeaders(
                    status, [("Content-Type", content_type)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
                writer.write_record(record)
        return path

    return write
