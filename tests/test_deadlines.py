"""The deadline arithmetic: pure functions of (received date, limit, unit, days off)."""

from datetime import date, timedelta
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monev_cli.deadlines import (
    CALENDAR,
    WORKING,
    days_late,
    due_date,
    indonesian_holidays,
    is_working_day,
)


@cache
def national() -> frozenset[date]:
    return frozenset(indonesian_holidays(range(2023, 2026)))


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        ("2023-01-02", 30, "2023-02-01"),  # the example
        ("2023-01-31", 30, "2023-03-02"),  # month end into a short month
        ("2024-01-30", 30, "2024-02-29"),  # lands on the leap day
        ("2024-02-29", 30, "2024-03-30"),  # counted from the leap day
        ("2023-02-28", 1, "2023-03-01"),  # no leap day in 2023
        ("2023-12-31", 30, "2024-01-30"),  # over the year end
        ("2023-12-31", 1, "2024-01-01"),
    ],
)
def test_calendar_days_count_from_the_day_after_receipt(received, days, due):
    assert due_date(date.fromisoformat(received), days, CALENDAR) == (
        date.fromisoformat(due)
    )


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        ("2024-02-29", 3, "2024-03-05"),  # Thu: Fri, Mon, Tue
        ("2024-05-31", 1, "2024-06-03"),  # Fri, month end: Saturday 1 June skipped
        ("2023-03-31", 1, "2023-04-03"),  # Fri, month end, weekend between
        ("2023-02-24", 3, "2023-03-01"),  # over the end of February
        ("2024-02-23", 3, "2024-02-28"),
        ("2024-02-27", 2, "2024-02-29"),  # lands on the leap day
    ],
)
def test_working_days_skip_weekends(received, days, due):
    assert due_date(date.fromisoformat(received), days, WORKING) == (
        date.fromisoformat(due)
    )


def test_working_days_over_the_year_end_skip_christmas_and_new_year():
    # 25 Dec holiday, 26 Dec cuti bersama, 27 Dec (1), 30 (2), 31 (3),
    # 1 Jan holiday, 2 Jan (4), 3 Jan (5).
    received = date(2024, 12, 24)
    assert due_date(received, 3, WORKING, national()) == date(2024, 12, 31)
    assert due_date(received, 5, WORKING, national()) == date(2025, 1, 3)


def test_received_on_a_holiday_counts_from_the_next_working_day():
    # Idul Fitri 2024: 10 April (Wed). 11 April holiday, 12 and 15 April cuti
    # bersama, 13-14 weekend: the first working day after receipt is the 16th.
    received = date(2024, 4, 10)
    assert received in national()
    assert due_date(received, 1, WORKING, national()) == date(2024, 4, 16)
    assert due_date(received, 3, WORKING, national()) == date(2024, 4, 18)


def test_received_on_a_sunday():
    assert due_date(date(2023, 1, 1), 1, WORKING) == date(2023, 1, 2)


def test_cuti_bersama_comes_from_the_government_category():
    holidays = indonesian_holidays([2024])
    assert holidays[date(2024, 4, 8)] == "Cuti Bersama Hari Raya Idul Fitri"
    assert holidays[date(2024, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"


def test_days_late():
    assert days_late(date(2023, 2, 1), date(2023, 2, 1)) == 0
    assert days_late(date(2023, 2, 1), date(2023, 2, 2)) == 1
    assert days_late(date(2023, 2, 1), date(2023, 1, 29)) == -3


def test_unknown_unit_is_a_programming_error():
    with pytest.raises(ValueError):
        due_date(date(2023, 1, 2), 3, "weeks")


days_received = st.dates(min_value=date(2023, 1, 1), max_value=date(2025, 10, 31))
limits = st.integers(min_value=1, max_value=60)
extra_days_off = st.frozensets(
    st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 6, 30)), max_size=40
)
modest = settings(max_examples=60, deadline=None)


@modest
@given(days_received, limits, extra_days_off)
def test_working_due_date_is_a_working_day(received, days, extra):
    off = national() | extra
    due = due_date(received, days, WORKING, off)
    assert due.weekday() < 5
    assert due not in off


@modest
@given(days_received, limits, extra_days_off)
def test_working_due_date_leaves_exactly_n_working_days(received, days, extra):
    off = national() | extra
    due = due_date(received, days, WORKING, off)
    span = (due - received).days
    counted = sum(
        is_working_day(received + timedelta(days=i), off) for i in range(1, span + 1)
    )
    assert counted == days


@modest
@given(
    days_received,
    days_received,
    limits,
    extra_days_off,
    st.sampled_from([CALENDAR, WORKING]),
)
def test_due_date_is_monotone_in_the_received_date(first, second, days, extra, unit):
    off = national() | extra
    earlier, later = sorted((first, second))
    assert due_date(earlier, days, unit, off) <= due_date(later, days, unit, off)


@modest
@given(days_received, limits, extra_days_off)
def test_n_working_days_are_at_least_n_calendar_days(received, days, extra):
    off = national() | extra
    assert due_date(received, days, WORKING, off) >= due_date(received, days, CALENDAR)
