"""Publication dates from the many ways corpora and pages write them."""

from __future__ import annotations

from datetime import date, datetime

import dateparser

# Absolute dates only, and only complete ones: "yesterday" or "August 2024" would otherwise be
# completed from the day of ingest, and a wrong date is worse than none.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}

# No date is written in more characters than this; longer values are text, not dates, and
# would only cost dateparser time.
_LONGEST_DATE = 64


def parse_date(value: str) -> date | None:
    """The calendar date a string gives, as written (no time zone shift), or None.

    >>> parse_date("2024-08-20T23:30:00-05:00"), parse_date("Tue, 20 Aug 2024 08:00:00 GMT")
    (datetime.date(2024, 8, 20), datetime.date(2024, 8, 20))
    """
    text = value.strip()
    if not text or len(text) > _LONGEST_DATE:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None


def date_of(value: object) -> date | None:
    """The date a metadata value holds: a date, a datetime or a string; anything else is None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    return None
