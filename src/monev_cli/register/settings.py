"""Effective-dated settings and the due dates they give.

A complaint is held to the limits in force on the day it was received,
whenever it is entered, so reports over past periods never change. Each
complaint's due date is stored; whatever changes a rule (a setting, an agency
day off) recomputes the stored due dates it affects in the same transaction.
"""

from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from monev_cli import deadlines
from monev_cli.dates import EARLIEST
from monev_cli.errors import InputError
from monev_cli.i18n import N_, _
from monev_cli.register import calendar
from monev_cli.register.connection import Register
from monev_cli.texts import one_of

RESPONSE_DAYS = "response_days"
RESPONSE_UNIT = "response_unit"
ACK_DAYS = "ack_days"
NO_LIMIT = "none"
MAX_DAYS = 365

# key -> (default, meaning)
KEYS = {
    RESPONSE_DAYS: (
        str(deadlines.DEFAULT_RESPONSE_DAYS),
        N_("days allowed for the answer, counted from the day after receipt"),
    ),
    RESPONSE_UNIT: (deadlines.CALENDAR, N_("calendar or working days")),
    ACK_DAYS: (
        NO_LIMIT,
        N_("days allowed for the initial response (respon awal), same unit"),
    ),
}


class Limits(NamedTuple):
    """The limits in force on one day."""

    response_days: int
    unit: str
    ack_days: int | None


class Setting(NamedTuple):
    key: str
    value: str
    since: date | None  # None: the default


class Timeline:
    """Every dated value of every setting, read once."""

    def __init__(self, rows: Sequence[tuple[str, str, str]]) -> None:
        self._values: dict[str, list[tuple[date, str]]] = {key: [] for key in KEYS}
        for key, effective_from, value in sorted(rows, key=lambda row: row[1]):
            if key in self._values:
                self._values[key].append((date.fromisoformat(effective_from), value))

    def setting(self, key: str, on: date) -> Setting:
        dated = self._values[key]
        index = bisect_right(dated, on, key=lambda item: item[0])
        if index == 0:
            return Setting(key, KEYS[key][0], None)
        since, value = dated[index - 1]
        return Setting(key, value, since)

    def limits(self, on: date) -> Limits:
        ack = self.setting(ACK_DAYS, on).value
        return Limits(
            response_days=int(self.setting(RESPONSE_DAYS, on).value),
            unit=self.setting(RESPONSE_UNIT, on).value,
            ack_days=None if ack == NO_LIMIT else int(ack),
        )

    @property
    def has_ack_limit(self) -> bool:
        return any(value != NO_LIMIT for _since, value in self._values[ACK_DAYS])


def timeline(register: Register) -> Timeline:
    return Timeline(register.rows("SELECT key, effective_from, value FROM settings"))


class DueDateRule:
    """Received date -> due date under the settings and days off of one
    register, read once and remembered per received date."""

    def __init__(self, register: Register) -> None:
        self._register = register
        self.timeline = timeline(register)
        self._days_off: frozenset[date] = frozenset()
        self._years: set[int] = set()
        self._answers: dict[date, date] = {}
        self._acks: dict[date, date | None] = {}

    def __call__(self, received_on: date) -> date:
        due = self._answers.get(received_on)
        if due is None:
            limits = self.timeline.limits(received_on)
            due = self._count(received_on, limits.response_days, limits.unit)
            self._answers[received_on] = due
        return due

    def ack_due(self, received_on: date) -> date | None:
        """The initial response's due date, or None without such a limit."""
        if received_on not in self._acks:
            limits = self.timeline.limits(received_on)
            self._acks[received_on] = (
                None
                if limits.ack_days is None
                else self._count(received_on, limits.ack_days, limits.unit)
            )
        return self._acks[received_on]

    def _count(self, received_on: date, days: int, unit: str) -> date:
        if unit == deadlines.CALENDAR:
            return deadlines.due_date(received_on, days)
        last_year = received_on.year + 1
        while True:
            self._load(range(received_on.year, last_year + 1))
            due = deadlines.due_date(received_on, days, unit, self._days_off)
            if due.year <= last_year:
                return due
            last_year = due.year

    def _load(self, years: range) -> None:
        missing = set(years) - self._years
        if missing:
            self._days_off |= calendar.days_off(self._register, missing)
            self._years |= missing


def due_date_rule(register: Register) -> Callable[[date], date]:
    """A function from received date to due date, reading the register once:
    for bulk work, where a query per complaint would be too slow."""
    return DueDateRule(register)


def due_on(register: Register, received_on: date) -> date:
    """The answer's due date under the limit in force on ``received_on``."""
    return DueDateRule(register)(received_on)


def in_force(register: Register, on: date) -> list[Setting]:
    """Every setting's value on ``on``."""
    dated = timeline(register)
    return [dated.setting(key, on) for key in KEYS]


def history(register: Register) -> list[Setting]:
    """Every dated value ever set, by key and date."""
    return [
        Setting(key, value, date.fromisoformat(effective_from))
        for key, effective_from, value in register.rows(
            "SELECT key, effective_from, value FROM settings "
            "ORDER BY key, effective_from"
        )
        if key in KEYS
    ]


class Change(NamedTuple):
    setting: Setting
    before: str  # the value in force on that day until now
    recomputed: int  # stored due dates that changed


def set_setting(register: Register, key: str, value: str, since: date) -> Change:
    """Give ``key`` the value ``value`` from ``since`` on, and bring the
    stored due dates of the complaints received since then in line."""
    key = check_key(key)
    value = check_value(key, value)
    if since < EARLIEST:
        raise InputError(
            _("The date {date} is before 2000: check the year.").format(
                date=since.isoformat()
            )
        )
    with register.write() as conn:
        before = timeline(register).setting(key, since).value
        conn.execute(
            "INSERT INTO settings (key, effective_from, value) VALUES (?, ?, ?) "
            "ON CONFLICT (key, effective_from) DO UPDATE SET value = excluded.value",
            (key, since.isoformat(), value),
        )
        recomputed = recompute_due_dates(
            register, "received_on >= ?", (since.isoformat(),)
        )
    return Change(Setting(key, value, since), before, recomputed)


def check_key(key: str) -> str:
    return one_of(
        key, tuple(KEYS), _("Unknown setting '{value}'. Valid settings: {choices}.")
    )


def check_value(key: str, value: str) -> str:
    cleaned = value.strip().lower()
    if key == RESPONSE_UNIT:
        return one_of(
            value, deadlines.UNITS, _("Unknown unit '{value}'. Valid units: {choices}.")
        )
    if key == ACK_DAYS and cleaned == NO_LIMIT:
        return cleaned
    if not (cleaned.isascii() and cleaned.isdigit() and 0 < int(cleaned) <= MAX_DAYS):
        if key == ACK_DAYS:
            message = _(
                "{key} must be a whole number of days from 1 to {most}, or 'none' "
                "for no limit, not '{value}'."
            )
        else:
            message = _(
                "{key} must be a whole number of days from 1 to {most}, not '{value}'."
            )
        raise InputError(message.format(key=key, most=MAX_DAYS, value=value))
    return str(int(cleaned))


def recompute_due_dates(register: Register, where: str, params: Sequence) -> int:
    """Store the due date the rules now give to every complaint received on a
    day on which one matching ``where`` was received; the number of complaints
    whose due date changed. A due date depends on the received date alone, so
    the work is one count and one update per distinct received date."""
    with register.write() as conn:
        rule = DueDateRule(register)
        days = [
            row[0]
            for row in conn.execute(
                f"SELECT DISTINCT received_on FROM complaints WHERE {where}", params
            )
        ]
        changed = 0
        for day in days:
            due = rule(date.fromisoformat(day)).isoformat()
            changed += conn.execute(
                "UPDATE complaints SET due_on = ? "
                "WHERE received_on = ? AND due_on != ?",
                (due, day, due),
            ).rowcount
    return changed
