from __future__ import annotations

from datetime import date

import pytest

from tidings.records import DatePrecision
from tidings.time_place.times import resolve_time

TUESDAY = date(2024, 8, 20)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Monday", False, date(2024, 8, 19)),
        ("on Monday", True, date(2024, 8, 26)),
        ("last Friday", False, date(2024, 8, 16)),
        ("next Friday", False, date(2024, 8, 23)),
        ("Tuesday", False, TUESDAY),
        ("yesterday", False, date(2024, 8, 19)),
        ("tomorrow", True, date(2024, 8, 21)),
        ("October 7", False, date(2023, 10, 7)),
        ("October 7", True, date(2024, 10, 7)),
        ("March 3, 2022", False, date(2022, 3, 3)),
    ],
)
def test_dates_against_the_publication_date(text: str, future: bool, expected: date) -> None:
    value = resolve_time(text, TUESDAY, future=future)
    assert value is not None and value.date == expected


@pytest.mark.parametrize("text", ["months", "the 11th month", "two years", "several weeks"])
def test_durations_are_not_dates(text: str) -> None:
    value = resolve_time(text, TUESDAY, future=False)
    assert value is not None and value.is_duration and value.date is None


def test_the_next_few_days_is_a_future_interval() -> None:
    value = resolve_time("the next few days", TUESDAY, future=True)
    assert value is not None
    assert (value.date, value.precision) == (date(2024, 8, 21), DatePrecision.INTERVAL)


def test_without_publication_date_relative_dates_stay_unresolved() -> None:
    value = resolve_time("Monday", None, future=False)
    assert value is not None and value.date is None
