"""Articles from the entries of an RSS or Atom feed file (feedparser); no network."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import feedparser

from tidings.ingest.fields import parse_date
from tidings.ingest.html import article_from_html
from tidings.records import Article, IngestFailure


def read_feed(
    data: bytes, location: str, *, default_date: date | None = None
) -> Iterator[Article | IngestFailure]:
    """Each feed entry's content (or summary) as an article with its link, title and date."""
    feed = feedparser.parse(data)
    if not feed.entries:
        yield IngestFailure(location, "no feed entries")
        return
    for number, entry in enumerate(feed.entries, start=1):
        contents = entry.get("content") or []
        html = contents[0].get("value") if contents else entry.get("summary", "")
        link = entry.get("link")
        found = article_from_html(
            f"<html><body><article>{html}</article></body></html>",
            f"{location}#{link or number}",
            url=link,
            default_date=default_date,
        )
        if isinstance(found, Article):
            published = parse_date(entry.get("published") or entry.get("updated"))
            found = Article(
                text=found.text,
                url=link,
                title=entry.get("title") or found.title,
                source=feed.feed.get("title"),
                published=published or found.published,
            )
        yield found
