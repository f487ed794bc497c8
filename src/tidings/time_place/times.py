"""Resolve temporal expressions against the publication date, with the verb's tense in mind."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from tidings.nlp.annotations import TimeValue
from tidings.records import DatePrecision

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
DURATION = re.compile(
    r"^(?:the\s+)?(?:\d+(?:st|nd|rd|th)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"several|few|many|some|first|second|third|\w+th)?\s*(?:more\s+)?(?:days?|weeks?|months?|"
    r"years?|decades?|hours?|minutes?)(?:\s+(?:long|old))?$"
)
NEXT_FEW = re.compile(r"^(?:the\s+)?(?:next|coming)\s+(?:few\s+|several\s+)?(days|weeks|months)$")


def resolve_time(text: str, published: date | None, *, future: bool) -> TimeValue | None:
    """The date an expression refers to, or a duration; None if it is not a time at all."""
    phrase = " ".join(text.lower().split()).removeprefix("on ").strip(" ,.")
    if DURATION.match(phrase):
        return TimeValue(None, None, is_duration=True)
    if published is None:
        return TimeValue(None, None)
    coming = NEXT_FEW.match(phrase)
    if coming:
        return TimeValue(published + timedelta(days=1), DatePrecision.INTERVAL)
    for word, shift in RELATIVE_DAYS.items():
        if phrase.endswith(word):
            return TimeValue(published + timedelta(days=shift), DatePrecision.DAY)
    weekday = next((w for w in WEEKDAYS if re.search(rf"\b{w}\b", phrase)), None)
    if weekday is not None and not re.search(r"\d", phrase):
        target = WEEKDAYS.index(weekday)
        if phrase.startswith("next") or (future and not phrase.startswith("last")):
            return TimeValue(
                published + timedelta((target - published.weekday()) % 7), DatePrecision.DAY
            )
        return TimeValue(
            published - timedelta((published.weekday() - target) % 7), DatePrecision.DAY
        )
    return _parsed(phrase, published, future)


@lru_cache(maxsize=4096)
def _parsed(phrase: str, published: date, future: bool) -> TimeValue | None:
    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return TimeValue(parsed.date(), _precision(phrase))


def _precision(phrase: str) -> DatePrecision:
    has_month = any(month in phrase for month in MONTHS)
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", phrase)) and has_month
    if has_day or "day" in phrase:
        return DatePrecision.DAY
    if "week" in phrase:
        return DatePrecision.INTERVAL
    if has_month or "month" in phrase:
        return DatePrecision.MONTH
    return DatePrecision.YEAR
