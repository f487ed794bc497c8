"""Main text and metadata of an HTML page, boilerplate removed (trafilatura)."""

from __future__ import annotations

from datetime import date

import trafilatura
from trafilatura.settings import Document

from tidings.ingest.dates import date_of
from tidings.ingest.fields import normalize_text
from tidings.records import Article, IngestFailure

# Dates from the page's metadata and URL only: htmldate's extensive search would otherwise take
# any date in the page, a "Copyright 2019" footer included, for the publication date.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def article_from_html(
    html: bytes | str, location: str, *, url: str | None = None, default_date: date | None = None
) -> Article | IngestFailure:
    """The article in an HTML page (bytes: the page's own charset is honoured), or a failure."""
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_SEARCH,
        )
    except Exception as error:  # lxml and trafilatura raise many types on bad pages
        return IngestFailure(location, f"HTML extraction failed: {type(error).__name__}")
    text = normalize_text(document.text or "") if isinstance(document, Document) else ""
    if not isinstance(document, Document) or not text:
        return IngestFailure(location, "no main text in HTML")
    return Article(
        text=text,
        url=document.url or url,
        title=document.title or None,
        source=document.sitename or None,
        published=date_of(document.date) or default_date,
        location=location,
    )


def text_from_html_fragment(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), paragraphs on their own lines."""
    try:
        text = trafilatura.extract(
            f"<html><body><article>{fragment}</article></body></html>",
            include_comments=False,
            favor_recall=True,
        )
    except Exception:  # lxml and trafilatura raise many types on bad markup
        return ""
    return normalize_text(text or "")
