"""When an answer is due. Pure functions of (dates, limit, unit, days off): no
clock, no I/O.

The day of receipt is day 0. With a 30 calendar-day limit a complaint received
on 2023-01-02 is due on 2023-02-01 and overdue from 2023-02-02. With N working
days it is due on the Nth working day after the day of receipt, whatever kind
of day that was; working days are Monday to Friday, less the days off given.
"""

from collections.abc import Collection, Iterable
from datetime import date, timedelta

CALENDAR = "calendar"
WORKING = "working"
UNITS = (CALENDAR, WORKING)
DEFAULT_RESPONSE_DAYS = 30
SATURDAY = 5
# Where a complaint stands against its limit: the keys of the report's
# timeliness table, the same in every language.
ANSWERED_ON_TIME = "tepat_waktu"
ANSWERED_LATE = "terlambat"
OPEN_LATE = "terbuka_lewat"
OPEN_ON_TIME = "terbuka_dalam"
DONE_UNDATED = "selesai_tanpa_tanggal"
ONE_DAY = timedelta(days=1)


def due_date(
    received_on: date,
    days: int,
    unit: str = CALENDAR,
    holidays: Collection[date] = frozenset(),
) -> date:
    """The last day on which the answer is still on time."""
    if unit == CALENDAR:
        return received_on + timedelta(days=days)
    if unit == WORKING:
        return nth_working_day_after(received_on, days, holidays)
    raise ValueError(f"unknown unit {unit!r}")


def nth_working_day_after(start: date, n: int, holidays: Collection[date]) -> date:
    day = start
    while n > 0:
        day += ONE_DAY
        if is_working_day(day, holidays):
            n -= 1
    return day


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    return day.weekday() < SATURDAY and day not in holidays


def days_late(due_on: date, as_of: date) -> int:
    """Calendar days past the due date (0 or negative while still on time)."""
    return (as_of - due_on).days


def standing(
    due_on: date, answered_on: date | None, done: bool, as_of: date
) -> tuple[str, int | None]:
    """Where a complaint stands against its limit on ``as_of``, as a key of the
    report's timeliness table, and its days late (0 or negative: on time, or
    days left); no days for one done whose answer date was not recorded."""
    if done and answered_on is None:
        return DONE_UNDATED, None
    if answered_on is not None:
        late = days_late(due_on, answered_on)
        return (ANSWERED_LATE if late > 0 else ANSWERED_ON_TIME), late
    late = days_late(due_on, as_of)
    return (OPEN_LATE if late > 0 else OPEN_ON_TIME), late


def indonesian_holidays(years: Iterable[int]) -> dict[date, str]:
    """Indonesia's public holidays and cuti bersama (the GOVERNMENT category)
    for ``years``, named in Bahasa Indonesia, from the ``holidays`` package.

    The package is imported here, not at module top: it takes a few hundred
    milliseconds, which only the working-day count may spend."""
    from holidays import GOVERNMENT, PUBLIC, country_holidays

    calendar = country_holidays(
        "ID", years=sorted(years), categories=(PUBLIC, GOVERNMENT), language="id"
    )
    return dict(sorted(calendar.items()))
