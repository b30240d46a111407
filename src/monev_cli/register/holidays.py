"""The agency's own days off, and the year's calendar as the register counts it.

Changing a day off moves the due date of every complaint whose working-day
count runs over that day: received before it, due on or after it.
"""

from datetime import date
from typing import NamedTuple

from monev_cli.dates import check_year
from monev_cli.errors import NotFoundError, StateError
from monev_cli.i18n import _
from monev_cli.register import calendar
from monev_cli.register.connection import Register
from monev_cli.register.settings import recompute_due_dates
from monev_cli.texts import clean_text

NATIONAL = "national"
AGENCY = "agency"


class Holiday(NamedTuple):
    day: date
    name: str
    source: str  # NATIONAL or AGENCY

    def to_dict(self) -> dict:
        return {"day": self.day.isoformat(), "name": self.name, "source": self.source}


def year(register: Register, year: int) -> list[Holiday]:
    """The national holidays and the agency's days off of ``year``, by day."""
    check_year(year)
    national = calendar.national(register, {year}, store=False)
    own = calendar.agency(register, {year})
    found = [Holiday(day, name, NATIONAL) for day, name in national.items()]
    found += [Holiday(day, name, AGENCY) for day, name in own.items()]
    return sorted(found, key=lambda holiday: (holiday.day, holiday.source))


def add(register: Register, day: date, name: str) -> tuple[Holiday, int]:
    """Add a day off to the agency's list; the due dates moved by it."""
    check_year(day.year)
    text = clean_text(name, _("name"), required=True)
    with register.write() as conn:
        existing = _agency_day(register, day)
        if existing:
            raise StateError(
                _(
                    "{day} is already on the agency's list of days off ({name}): "
                    "nothing was changed."
                ).format(day=day.isoformat(), name=existing)
            )
        conn.execute(
            "INSERT INTO holidays (day, name) VALUES (?, ?)", (day.isoformat(), text)
        )
        moved = _recompute_around(register, day)
    return Holiday(day, text, AGENCY), moved


def remove(register: Register, day: date) -> tuple[Holiday, int]:
    """Take a day off the agency's list; the due dates moved by it."""
    with register.write() as conn:
        name = _agency_day(register, day)
        if name is None:
            raise NotFoundError(
                _(
                    "{day} is not on the agency's list of days off (see 'monev "
                    "holidays list'); national holidays cannot be removed."
                ).format(day=day.isoformat())
            )
        conn.execute("DELETE FROM holidays WHERE day = ?", (day.isoformat(),))
        moved = _recompute_around(register, day)
    return Holiday(day, name, AGENCY), moved


def refresh(register: Register) -> tuple[list, int]:
    """Bring the stored national calendar up to the installed package's; the
    days that changed, and the due dates moved by them."""
    with register.write():
        changes = calendar.refresh_national(register)
        moved = sum(
            _recompute_around(register, day) for day, _before, _after in changes
        )
    return changes, moved


def _agency_day(register: Register, day: date) -> str | None:
    row = register.row("SELECT name FROM holidays WHERE day = ?", (day.isoformat(),))
    return row[0] if row else None


def _recompute_around(register: Register, day: date) -> int:
    text = day.isoformat()
    return recompute_due_dates(
        register, "received_on < ? AND due_on >= ?", (text, text)
    )
