"""Resolve temporal expressions against the publication date, with the verb's tense in mind.

dateparser reads explicit dates; the rules here cover what news writes and dateparser misreads:
weekdays and year-less months (which side of the publication date depends on the tense),
spans so far ("earlier this week", "the past year"), seasons, decades, parts of a month ("the
end of March"), and expressions that are no datable point (durations, frequencies, ages).
An interval is given by its first day, with precision INTERVAL.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache

import dateparser

from tidings.nlp.annotations import TimeValue
from tidings.records import DatePrecision


class Tense(StrEnum):
    """Which side of the publication date the verb of an expression points to."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTH_WORD = re.compile(
    r"\b(?:" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?"
)
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
# A time of day alone ("6:00 a.m.", "this morning") is on the day of publication.
TIME_OF_DAY = re.compile(
    r"^(?:(?:about|around|at|before|after|until|by)\s+)?(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|\d{1,2}:\d\d|"
    r"noon|midnight|this (?:morning|afternoon|evening))(?:\s+[a-z]{2,3}|\s+eastern|\s+local time)?$"
)
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple of": 2, "few": 3, "several": 3,
}  # fmt: skip
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}
QUANTITY = r"(?:\d+(?:st|nd|rd|th)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|" \
    r"eleven|twelve|twenty|thirty|forty|fifty|hundred|several|few|a few|many|some|" \
    r"couple of|a couple of|first|second|third|\w+th|quarter|half)"  # fmt: skip
UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|" \
    r"century|centuries|generations?)"  # fmt: skip
# Durations, frequencies and ages: real expressions that name no datable point.
NOT_A_POINT = re.compile(
    r"^(?:(?:almost|nearly|about|around|roughly|more than|less than|over|at least|only|just|"
    r"some)\s+)?(?:(?:the|these|those|a|an)\s+)?(?:" + QUANTITY + r"[\s-]+)?(?:more\s+)?"
    r"(?:quarter-|half-)?" + UNIT + r"(?:[\s-]+(?:long|old|earlier|later))?$"
    r"|^(?:every|each|all|most|some|one)\s+" + UNIT + r"$"
    r"|^(?:daily|weekly|monthly|annually|yearly|nightly|these days|those days|nowadays)$"
    r"|^ages?\s+\d+|^\d+-years?-old$|^(?:early|mid|late)[\s-]*\d0s$|^\d0s$"
)
NEXT_FEW = re.compile(r"^(?:the\s+)?(?:next|coming)\s+(?:few\s+|several\s+)?(days|weeks|months)$")
# "the past year", "these past eight years", "past week": a span that ends at publication.
SPAN_SO_FAR = re.compile(
    r"^(?:(?:the|these|those)\s+)?(?:past|last|previous)\s+(?:(\d+|[a-z]+(?: of)?)\s+)?"
    r"(day|week|month|year|decade)s?$"
)
THIS_PERIOD = re.compile(r"^(?:earlier|later)?\s*this\s+(week|weekend|month|year)$")
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
SEASON = re.compile(
    r"^(?:(this|last|next|early|late)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))?$"
)
DECADE = re.compile(r"^(?:early\s+|mid-?\s*|late\s+)?(?:(\d{3}0)|['\u2018\u2019](\d0))s$")
PART_OF = re.compile(r"^(?:(?:end|beginning|start|middle|close)\s+of|early|mid-|mid|late)\s*(.+)$")
BARE_MONTH = re.compile(r"^(?:in\s+)?(" + MONTH_WORD.pattern + r")$")


def resolve_time(text: str, published: date | None, tense: Tense = Tense.PAST) -> TimeValue:
    """The date an expression refers to; a TimeValue without date if it names no datable day."""
    phrase = _normalised(text)
    if published is None:
        is_duration = bool(NOT_A_POINT.match(phrase))
        return TimeValue(None, None, is_duration=is_duration)
    words = phrase.split()
    # A NER span may start with a word that is no part of the expression ("essay last week").
    value = _resolved(phrase, published, tense)
    for skip in range(1, min(3, len(words))):
        if value is not None:
            break
        rest = _resolved(" ".join(words[skip:]), published, tense)
        value = rest if rest is not None and rest.date is not None else None
    return value if value is not None else TimeValue(None, None)


def _normalised(text: str) -> str:
    phrase = " ".join(text.lower().replace("\u2019s ", " ").split()).strip(" ,.")
    for prefix in ("on ", "in ", "by ", "the "):
        phrase = phrase.removeprefix(prefix)
    return phrase


def _resolved(phrase: str, published: date, tense: Tense) -> TimeValue | None:
    for rule in (_next_few, _span_so_far):
        value = rule(phrase, published)
        if value is not None:
            return value
    if NOT_A_POINT.match(phrase):
        return TimeValue(None, None, is_duration=True)
    if TIME_OF_DAY.match(phrase):
        return TimeValue(published, DatePrecision.DAY)
    for word, shift in RELATIVE_DAYS.items():
        if phrase.endswith(word):
            return TimeValue(published + timedelta(days=shift), DatePrecision.DAY)
    for dated in (_weekday, _bare_month, _this_period, _season, _decade, _part_of):
        value = dated(phrase, published, tense)
        if value is not None:
            return value
    return _parsed(phrase, published, tense)


def _next_few(phrase: str, published: date) -> TimeValue | None:
    if NEXT_FEW.match(phrase):
        return TimeValue(published + timedelta(days=1), DatePrecision.INTERVAL)
    return None


def _span_so_far(phrase: str, published: date) -> TimeValue | None:
    match = SPAN_SO_FAR.match(phrase)
    # Bare "last week" / "last year" is the calendar week or year before: dateparser's job.
    if match is None or (phrase.startswith("last ") and match.group(1) is None):
        return None
    count_word, unit = match.groups()
    count = int(count_word) if count_word and count_word.isdigit() else None
    count = count or NUMBER_WORDS.get(count_word or "a")
    if count is None:
        return None
    return TimeValue(published - timedelta(days=count * UNIT_DAYS[unit]), DatePrecision.INTERVAL)


def _weekday(phrase: str, published: date, tense: Tense) -> TimeValue | None:
    weekday = next((w for w in WEEKDAYS if re.search(rf"\b{w}\b", phrase)), None)
    if weekday is None or re.search(r"\d", phrase):
        return None
    target = WEEKDAYS.index(weekday)
    if phrase.startswith("next") or (tense is Tense.FUTURE and not phrase.startswith("last")):
        day = published + timedelta((target - published.weekday()) % 7)
    else:
        day = published - timedelta((published.weekday() - target) % 7)
    return TimeValue(day, DatePrecision.DAY)


def _bare_month(phrase: str, published: date, tense: Tense) -> TimeValue | None:
    """A month without day or year: this year's or the nearest one on the tense's side."""
    if not BARE_MONTH.match(phrase):
        return None
    month = _month_number(phrase)
    year = published.year
    if tense is Tense.PAST and month > published.month:
        year -= 1
    elif tense is not Tense.PAST and month < published.month:
        year += 1
    return TimeValue(date(year, month, 1), DatePrecision.MONTH)


def _month_number(phrase: str) -> int:
    match = MONTH_WORD.search(phrase)
    assert match is not None
    stem = match.group(0).rstrip(".")[:3]
    return next(i for i, name in enumerate(MONTHS, start=1) if name.startswith(stem))


def _this_period(phrase: str, published: date, tense: Tense) -> TimeValue | None:
    match = THIS_PERIOD.match(phrase)
    if match is None:
        return None
    unit = match.group(1)
    if unit == "year":
        return TimeValue(date(published.year, 1, 1), DatePrecision.YEAR)
    if unit == "month":
        return TimeValue(published.replace(day=1), DatePrecision.MONTH)
    if unit == "week":
        return TimeValue(published - timedelta(published.weekday()), DatePrecision.INTERVAL)
    # A weekend is the one just past from Saturday to Monday, else the coming one.
    saturday = published + timedelta((5 - published.weekday()) % 7)
    if published.weekday() in (5, 6, 0):
        saturday = published - timedelta((published.weekday() - 5) % 7)
    return TimeValue(saturday, DatePrecision.INTERVAL)


def _season(phrase: str, published: date, tense: Tense) -> TimeValue | None:
    match = SEASON.match(phrase)
    if match is None:
        return None
    which, season, year = match.groups()
    month = SEASONS[season]
    if year:
        return TimeValue(date(int(year), month, 1), DatePrecision.INTERVAL)
    starts = [date(published.year + shift, month, 1) for shift in (-2, -1, 0, 1)]
    # A season lasts three months: it is "this" one from its first day to its last.
    this = max((s for s in starts if s <= published), default=starts[0])
    if published >= _add_months(this, 3):
        this = min(s for s in starts if s > published)
    if which == "last" or (which is None and tense is Tense.PAST and this > published):
        this = max(s for s in starts if _add_months(s, 3) <= published)
    elif which == "next":
        this = min(s for s in starts if s > published)
    return TimeValue(this, DatePrecision.INTERVAL)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


def _decade(phrase: str, published: date, tense: Tense) -> TimeValue | None:
    match = DECADE.match(phrase)
    if match is None:
        return None
    full, short = match.groups()
    if full:
        start = int(full)
    else:
        # "the '20s": the most recent such decade that has begun.
        start = published.year // 100 * 100 + int(short)
        if start > published.year:
            start -= 100
    return TimeValue(date(start, 1, 1), DatePrecision.INTERVAL)


def _part_of(phrase: str, published: date, tense: Tense) -> TimeValue | None:
    """ "the end of March", "early June", "March of next year": the month they fall in."""
    match = PART_OF.match(phrase)
    rest = match.group(1) if match else phrase
    if rest.endswith(" of next year") or rest.endswith(" next year"):
        month = _month_number(rest) if MONTH_WORD.search(rest) else None
        if month is not None:
            return TimeValue(date(published.year + 1, month, 1), DatePrecision.MONTH)
    if match is None:
        return None
    return _bare_month(rest.removeprefix("of "), published, tense)


@lru_cache(maxsize=4096)
def _parsed(phrase: str, published: date, tense: Tense) -> TimeValue | None:
    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past" if tense is Tense.PAST else "future",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return TimeValue(parsed.date(), _precision(phrase))


def _precision(phrase: str) -> DatePrecision:
    has_month = bool(MONTH_WORD.search(phrase))
    has_day = has_month and bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", phrase))
    clock = re.search(r"\d:\d\d|\b[ap]\.?m\b|\bnoon\b|\bmidnight\b", phrase)
    if has_day or clock or "day" in phrase or "night" in phrase:
        return DatePrecision.DAY
    if "week" in phrase:
        return DatePrecision.INTERVAL
    if has_month or "month" in phrase:
        return DatePrecision.MONTH
    return DatePrecision.YEAR
