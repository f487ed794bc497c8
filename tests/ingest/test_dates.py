"""parse_date: complete, absolute dates only, as written."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.ingest import parse_date


@pytest.mark.parametrize(
    "written",
    [
        "2024-08-20",
        "2024-08-20T23:30:00-05:00",
        "2024-08-20T10:00:00Z",
        "2024-08-20 10:00",
        "Tue, 20 Aug 2024 23:00:00 -0500",
        "20 August 2024",
        "August 20, 2024",
        " 20.08.2024 ",
    ],
)
def test_absolute_dates_are_read_as_written(written: str) -> None:
    assert parse_date(written) == date(2024, 8, 20)


@pytest.mark.parametrize(
    "written", ["", "  ", "yesterday", "3 days ago", "August 2024", "20 August", "2024", "soon"]
)
def test_relative_or_incomplete_dates_give_none(written: str) -> None:
    assert parse_date(written) is None


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=80))
def test_any_string_gives_a_date_or_none(value: str) -> None:
    assert parse_date(value) is None or isinstance(parse_date(value), date)
