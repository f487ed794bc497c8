"""Turn loosely named metadata (from JSONL, CSV, feeds, HTML) into an Article."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

import dateparser

from tidings.records import Article, IngestFailure

# The first key present wins; the alternatives are the names common corpora use.
URL_KEYS = ("url", "link", "source_url")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "publication_date", "pub_date")
SOURCE_KEYS = ("source", "outlet", "publisher", "domain")

# Absolute dates only: "yesterday" must not resolve against the day of ingest.
_DATE_SETTINGS = {"PARSERS": ["timestamp", "custom-formats", "absolute-time"]}


def normalize_text(raw: str) -> str:
    """Unify newlines and strip surrounding white space; nothing else changes."""
    return raw.replace("\r\n", "\n").replace("\r", "\n").strip()


def parse_date(value: object) -> date | None:
    """A publication date from an ISO string, a datetime, or a common absolute format."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(text, settings=_DATE_SETTINGS)
    return parsed.date() if parsed else None


def _first(record: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def article_from_record(
    record: Mapping[str, object], location: str, default_date: date | None
) -> Article | IngestFailure:
    """An Article from a record with ``text`` and optional url/title/date/source fields."""
    text = record.get("text")
    if not isinstance(text, str):
        return IngestFailure(location, "no 'text' field")
    text = normalize_text(text)
    if not text:
        return IngestFailure(location, "empty text")
    published = None
    for key in DATE_KEYS:
        if record.get(key):
            published = parse_date(record[key])
            break
    return Article(
        text=text,
        url=_first(record, URL_KEYS),
        title=_first(record, TITLE_KEYS),
        source=_first(record, SOURCE_KEYS),
        published=published or default_date,
    )
