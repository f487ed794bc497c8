"""Articles from the entries of a local RSS or Atom feed file (feedparser); no network."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, BinaryIO

import feedparser

from tidings.ingest.dates import parse_date
from tidings.ingest.fields import normalize_text
from tidings.ingest.html import text_from_html_fragment
from tidings.records import Article, IngestFailure


def read_feed(
    stream: BinaryIO, location: str, *, default_date: date | None = None
) -> Iterator[Article | IngestFailure]:
    """Each feed entry's content (or summary) as an article with its link, title and date."""
    # Bytes, never a str: feedparser would take a str for a URL and fetch it.
    feed = feedparser.parse(stream.read())
    if not feed.get("version") and not feed.entries:
        yield IngestFailure(location, "not an RSS or Atom feed")
        return
    if not feed.entries:
        yield IngestFailure(location, "no entries in feed")
        return
    source = _string(feed.feed, "title")
    for number, entry in enumerate(feed.entries, start=1):
        link = _string(entry, "link")
        where = f"{location}#{link or number}"
        text = _entry_text(entry)
        if not text:
            yield IngestFailure(where, "feed entry has no text")
            continue
        published = parse_date(_string(entry, "published") or _string(entry, "updated") or "")
        yield Article(
            text=text,
            url=link,
            title=_string(entry, "title"),
            source=source,
            published=published or _parsed_date(entry) or default_date,
            location=where,
        )


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The entry's full content where the feed gives it, else its summary, as plain text."""
    contents = entry.get("content") or []
    detail = contents[0] if contents else entry.get("summary_detail") or {}
    value = detail.get("value") or entry.get("summary") or ""
    if not isinstance(value, str):
        return ""
    if detail.get("type") == "text/plain":
        return normalize_text(value)
    return text_from_html_fragment(value)


def _parsed_date(entry: Mapping[str, Any]) -> date | None:
    """The date feedparser understood when the written one is not one parse_date reads (UTC)."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _string(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None
