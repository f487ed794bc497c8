"""Turn a loosely named metadata record (a JSONL object, a CSV row) into an Article."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from datetime import date

from tidings.ingest.dates import date_of
from tidings.records import Article, IngestFailure, without_controls

# For each Article field, the names corpora give it; the first one present wins. Among them are
# the shared gold sets (GGT: text/url/outlet; PolNeAR: text/title/date/publisher) and
# news-please (maintext/date_publish/source_domain).
TEXT_KEYS = ("text", "maintext")
URL_KEYS = ("url", "link", "source_url")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "publication_date", "pub_date", "date_publish")
SOURCE_KEYS = ("source", "outlet", "publisher", "source_domain", "domain")

BYTE_ORDER_MARK = "\ufeff"
NOT_UTF8 = "not UTF-8 text (for a legacy encoding, give it: --encoding latin-1)"


def normalize_text(raw: str) -> str:
    """Unify newlines to \\n, drop a leading byte order mark, make other control characters
    but tab spaces (see records.without_controls), strip surrounding white space."""
    unified = raw.replace("\r\n", "\n").replace("\r", "\n").removeprefix(BYTE_ORDER_MARK)
    return without_controls(unified).strip()


def article_from_record(
    record: Mapping[str, object], location: str, *, default_date: date | None = None
) -> Article | IngestFailure:
    """An Article from a record with a text field and optional url/title/date/source fields."""
    text_key = next((key for key in TEXT_KEYS if key in record), None)
    if text_key is None:
        return IngestFailure(location, "no 'text' field")
    raw_text = record[text_key]
    if not isinstance(raw_text, str):
        return IngestFailure(location, f"'{text_key}' is not a string")
    text = normalize_text(raw_text)
    if not text:
        return IngestFailure(location, "empty text")
    url, title, source = (
        _first_string(record, keys) for keys in (URL_KEYS, TITLE_KEYS, SOURCE_KEYS)
    )
    for key, value in ((text_key, text), ("url", url), ("title", title), ("source", source)):
        if value is not None and not is_valid_unicode(value):
            # A lone surrogate ("\ud800" in JSON) cannot be stored or hashed as UTF-8.
            return IngestFailure(location, f"'{key}' holds invalid Unicode (a lone surrogate)")
    date_key = next((key for key in DATE_KEYS if record.get(key)), None)
    published = date_of(record[date_key]) if date_key else None
    if date_key and published is None:
        fallback = f"{default_date} from --date" if default_date else "no publication date"
        warnings.warn(
            f"{location}: '{date_key}' {record[date_key]!r} is not a date; {fallback}",
            stacklevel=2,
        )
    return Article(
        text=text,
        url=url,
        title=title,
        source=source,
        published=published or default_date,
        location=location,
    )


def _first_string(record: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and without_controls(value).strip():
            return without_controls(value).strip()
    return None


def is_valid_unicode(value: str) -> bool:
    """Whether a string can be written as UTF-8 (it holds no lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
