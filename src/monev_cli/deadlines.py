"""When an answer is due. Pure functions of (dates, settings): no clock, no I/O.

The day of receipt is day 0: with a 30 calendar-day limit a complaint received
on 2023-01-02 is due on 2023-02-01 and overdue from 2023-02-02.
"""

from datetime import date, timedelta

CALENDAR = "calendar"
WORKING = "working"
UNITS = (CALENDAR, WORKING)
DEFAULT_RESPONSE_DAYS = 30


def due_date(received_on: date, days: int, unit: str = CALENDAR) -> date:
    """The last day on which the answer is still on time."""
    return received_on + timedelta(days=days)


def days_late(due_on: date, as_of: date) -> int:
    """Days past the due date (0 or negative while still on time)."""
    return (as_of - due_on).days
