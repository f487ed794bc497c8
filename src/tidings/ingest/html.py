"""Main text and metadata of an HTML page, boilerplate removed (trafilatura)."""

from __future__ import annotations

from datetime import date

import trafilatura
from trafilatura.settings import Document

from tidings.ingest.fields import normalize_text, parse_date
from tidings.records import Article, IngestFailure


def article_from_html(
    html: str, location: str, *, url: str | None = None, default_date: date | None = None
) -> Article | IngestFailure:
    """The article in an HTML page, or a failure when the page has no main text."""
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, as_dict=False)
    text = normalize_text(document.text or "") if isinstance(document, Document) else ""
    if not isinstance(document, Document) or not text:
        return IngestFailure(location, "no main text in HTML")
    return Article(
        text=text,
        url=document.url or url,
        title=document.title,
        source=document.sitename,
        published=parse_date(document.date) or default_date,
    )
