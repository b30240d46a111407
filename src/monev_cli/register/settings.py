"""Effective-dated settings: a complaint is held to the rule in force on the
day it was received, so reports over past periods never change."""

from collections.abc import Callable
from datetime import date

from monev_cli import deadlines
from monev_cli.register.connection import Register


def setting(register: Register, key: str, on: date, default: str) -> str:
    row = register.row(
        "SELECT value FROM settings WHERE key = ? AND effective_from <= ? "
        "ORDER BY effective_from DESC LIMIT 1",
        (key, on.isoformat()),
    )
    return row[0] if row else default


def due_date_rule(register: Register) -> Callable[[date], date]:
    """A function from received date to due date, reading the register once:
    for bulk work, where a query per complaint would be too slow."""

    def due_on_for(received_on: date) -> date:
        return due_on(register, received_on)

    return due_on_for


def due_on(register: Register, received_on: date) -> date:
    """The answer's due date under the limit in force on ``received_on``."""
    days = int(
        setting(register, "response_days", received_on, deadlines.DEFAULT_RESPONSE_DAYS)
    )
    unit = setting(register, "response_unit", received_on, deadlines.CALENDAR)
    return deadlines.due_date(received_on, days, unit)
