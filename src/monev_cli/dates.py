"""Parsing and checking the dates people type. Pure functions: no clock."""

import calendar
import re
from datetime import date

from monev_cli.errors import InputError
from monev_cli.i18n import _

# The dates monev accepts, in one place: every command can compute with them
# (due dates, working days and the holidays package's calendar end in 2100).
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_INDONESIAN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(text: str) -> date:
    """Read ``YYYY-MM-DD`` or ``DD/MM/YYYY`` (as typed in Indonesia)."""
    cleaned = text.strip()
    if match := _ISO.match(cleaned):
        year, month, day = match.groups()
    elif match := _INDONESIAN.match(cleaned):
        day, month, year = match.groups()
    else:
        raise InputError(
            _("'{text}' is not a date: type it as YYYY-MM-DD or DD/MM/YYYY.").format(
                text=text
            )
        )
    try:
        typed = date(int(year), int(month), int(day))
    except ValueError:
        raise InputError(_impossible(text, int(year), int(month), int(day))) from None
    return check_in_range(typed, text)


def check_in_range(day: date, text: str | None = None) -> date:
    """``day`` when it lies in the dates monev keeps."""
    if not EARLIEST <= day <= LATEST:
        raise InputError(
            _("'{text}' is out of range: give a date from {first} to {last}.").format(
                text=text or day.isoformat(),
                first=EARLIEST.isoformat(),
                last=LATEST.isoformat(),
            )
        )
    return day


def _impossible(text: str, year: int, month: int, day: int) -> str:
    """Why a date does not exist; a month over 12 is usually the day and the
    month typed the other way round."""
    if year >= 1 and 1 <= month <= 12 and day > 0:
        return _(
            "'{text}' is not a real calendar date: month {month} of {year} has "
            "{days} days."
        ).format(text=text, month=month, year=year, days=_days_in(year, month))
    try:
        swapped = date(year, day, month)
    except ValueError:
        return _(
            "'{text}' is not a real calendar date: check the day and month."
        ).format(text=text)
    return _(
        "'{text}' has no month {month}: type the day first, as {indonesian} "
        "(DD/MM/YYYY) or {iso}."
    ).format(
        text=text,
        month=month,
        indonesian=swapped.strftime("%d/%m/%Y"),
        iso=swapped.isoformat(),
    )


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def check_year(year: int) -> int:
    if not EARLIEST.year <= year <= LATEST.year:
        raise InputError(
            _(
                "The year {year} is out of range: give a year from {first} to {last}."
            ).format(year=year, first=EARLIEST.year, last=LATEST.year)
        )
    return year


def check_period(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise InputError(
            _("--from {start} is after --to {end}: swap the two dates.").format(
                start=date_from.isoformat(), end=date_to.isoformat()
            )
        )


def check_received_on(received_on: date, as_of: date) -> date:
    """A complaint cannot arrive in the future, nor before 2000."""
    if received_on > as_of:
        raise InputError(
            _(
                "The received date {received} is after today ({today}): check the date."
            ).format(received=received_on.isoformat(), today=as_of.isoformat())
        )
    if received_on < EARLIEST:
        raise InputError(
            _("The received date {received} is before 2000: check the year.").format(
                received=received_on.isoformat()
            )
        )
    return received_on


def check_event_on(event_on: date, not_before: date, as_of: date) -> date:
    """A history entry lies between the last entry and today."""
    if event_on > as_of:
        raise InputError(
            _("The date {date} is after today ({today}): check the date.").format(
                date=event_on.isoformat(), today=as_of.isoformat()
            )
        )
    if event_on < not_before:
        raise InputError(
            _(
                "The date {date} is before {earlier}, the complaint's previous "
                "entry: give a date on or after it."
            ).format(date=event_on.isoformat(), earlier=not_before.isoformat())
        )
    return event_on
