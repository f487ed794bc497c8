from __future__ import annotations

from datetime import date

import pytest

from tidings.records import DatePrecision
from tidings.time_place.times import Tense, resolve_time

TUESDAY = date(2024, 8, 20)


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Monday", Tense.PAST, date(2024, 8, 19)),
        ("on Monday", Tense.FUTURE, date(2024, 8, 26)),
        ("last Friday", Tense.PAST, date(2024, 8, 16)),
        ("next Friday", Tense.PAST, date(2024, 8, 23)),
        ("Tuesday", Tense.PAST, TUESDAY),
        ("yesterday", Tense.PAST, date(2024, 8, 19)),
        ("tomorrow", Tense.FUTURE, date(2024, 8, 21)),
        ("October 7", Tense.PAST, date(2023, 10, 7)),
        ("October 7", Tense.FUTURE, date(2024, 10, 7)),
        ("March 3, 2022", Tense.PAST, date(2022, 3, 3)),
    ],
)
def test_dates_against_the_publication_date(text: str, tense: Tense, expected: date) -> None:
    value = resolve_time(text, TUESDAY, tense)
    assert value.date == expected


@pytest.mark.parametrize("text", ["months", "the 11th month", "two years", "several weeks"])
def test_durations_are_not_dates(text: str) -> None:
    value = resolve_time(text, TUESDAY)
    assert value.is_duration and value.date is None


def test_the_next_few_days_is_a_future_interval() -> None:
    value = resolve_time("the next few days", TUESDAY, Tense.FUTURE)
    assert (value.date, value.precision) == (date(2024, 8, 21), DatePrecision.INTERVAL)


def test_without_publication_date_relative_dates_stay_unresolved() -> None:
    value = resolve_time("Monday", None)
    assert value.date is None


MONDAY = date(2016, 8, 1)


@pytest.mark.parametrize(
    ("text", "tense", "expected", "precision"),
    [
        ("Feb. 10", Tense.PAST, date(2016, 2, 10), DatePrecision.DAY),
        ("Sept. 11", Tense.PAST, date(2015, 9, 11), DatePrecision.DAY),
        ("November", Tense.PRESENT, date(2016, 11, 1), DatePrecision.MONTH),
        ("November", Tense.PAST, date(2015, 11, 1), DatePrecision.MONTH),
        ("in July", Tense.PAST, date(2016, 7, 1), DatePrecision.MONTH),
        ("the end of June", Tense.PAST, date(2016, 6, 1), DatePrecision.MONTH),
        ("March of next year", Tense.FUTURE, date(2017, 3, 1), DatePrecision.MONTH),
        ("earlier this month", Tense.PAST, date(2016, 8, 1), DatePrecision.MONTH),
        ("earlier this week", Tense.PAST, MONDAY, DatePrecision.INTERVAL),
        ("earlier this weekend", Tense.PAST, date(2016, 7, 30), DatePrecision.INTERVAL),
        ("the past year", Tense.PAST, date(2015, 8, 2), DatePrecision.INTERVAL),
        ("these past eight years", Tense.PAST, date(2008, 8, 3), DatePrecision.INTERVAL),
        ("this fall", Tense.FUTURE, date(2016, 9, 1), DatePrecision.INTERVAL),
        ("last summer", Tense.PAST, date(2015, 6, 1), DatePrecision.INTERVAL),
        ("the fall of 2010", Tense.PAST, date(2010, 9, 1), DatePrecision.INTERVAL),
        ("the 1960s", Tense.PAST, date(1960, 1, 1), DatePrecision.INTERVAL),
        ("the \u201820s", Tense.PAST, date(1920, 1, 1), DatePrecision.INTERVAL),
        ("12:25 p.m.", Tense.PAST, MONDAY, DatePrecision.DAY),
        ("essay last week", Tense.PAST, date(2016, 7, 25), DatePrecision.INTERVAL),
    ],
)
def test_news_expressions_dateparser_misreads(
    text: str, tense: Tense, expected: date, precision: DatePrecision
) -> None:
    value = resolve_time(text, MONDAY, tense)
    assert (value.date, value.precision) == (expected, precision)


@pytest.mark.parametrize(
    "text",
    ["every day", "weekly", "annually", "most years", "25-year-old", "almost a decade",
     "a 40-year", "quarter-century", "years earlier", "these days", "early 20s"],
)  # fmt: skip
def test_frequencies_ages_and_spans_name_no_day(text: str) -> None:
    assert resolve_time(text, MONDAY).date is None
