"""Which days are days off: Indonesia's national calendar and the agency's own.

The national calendar (public holidays and cuti bersama) comes from the
``holidays`` package. A year of it is stored in the register the first time a
working-day count needs it: every due date of the register is then counted on
the same days, and later counts read it back without importing the package.
"""

from collections.abc import Iterable
from datetime import date

from monev_cli import deadlines
from monev_cli.register.connection import Register


def days_off(register: Register, years: Iterable[int]) -> frozenset[date]:
    """National holidays and the agency's days off in ``years``."""
    years = set(years)
    return frozenset(national(register, years)) | frozenset(agency(register, years))


def national(
    register: Register, years: Iterable[int], store: bool = True
) -> dict[date, str]:
    """The national holidays of ``years``: as stored in the register, and for
    the years not stored yet, from the package (stored too when ``store``)."""
    years = set(years)
    stored = _stored_years(register) & years
    found = _stored_national(register, stored)
    missing = years - stored
    if missing:
        fetched, source = _fetch(missing)
        if store:
            _store(register, missing, fetched, source)
        found.update(fetched)
    return dict(sorted(found.items()))


def refresh_national(register: Register) -> list[tuple[date, str | None, str | None]]:
    """Re-read every stored year from the installed package; the days whose
    name changed, appeared or went, as (day, before, after)."""
    years = _stored_years(register)
    if not years:
        return []
    before = _stored_national(register, years)
    after, source = _fetch(years)
    changes = [
        (day, before.get(day), after.get(day))
        for day in sorted(before.keys() | after.keys())
        if before.get(day) != after.get(day)
    ]
    with register.write() as conn:
        conn.execute("DELETE FROM national_holidays")
        conn.execute("DELETE FROM national_years")
        _store(register, years, after, source)
    return changes


def agency(register: Register, years: Iterable[int] | None = None) -> dict[date, str]:
    """The agency's own days off, in ``years`` or all of them."""
    rows = register.rows("SELECT day, name FROM holidays ORDER BY day")
    found = {date.fromisoformat(day): name for day, name in rows}
    if years is None:
        return found
    years = set(years)
    return {day: name for day, name in found.items() if day.year in years}


def _stored_years(register: Register) -> set[int]:
    return {row[0] for row in register.rows("SELECT year FROM national_years")}


def _stored_national(register: Register, years: set[int]) -> dict[date, str]:
    if not years:
        return {}
    rows = register.rows(
        "SELECT day, name FROM national_holidays WHERE day BETWEEN ? AND ?",
        (f"{min(years):04d}-01-01", f"{max(years):04d}-12-31"),
    )
    days = ((date.fromisoformat(day), name) for day, name in rows)
    return {day: name for day, name in days if day.year in years}


def _fetch(years: set[int]) -> tuple[dict[date, str], str]:
    fetched = deadlines.indonesian_holidays(years)
    from holidays import __version__  # already imported by the line above

    return fetched, f"holidays {__version__}"


def _store(
    register: Register, years: set[int], days: dict[date, str], source: str
) -> None:
    with register.write() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO national_years (year, source) VALUES (?, ?)",
            [(year, source) for year in sorted(years)],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO national_holidays (day, name) VALUES (?, ?)",
            [(day.isoformat(), name) for day, name in days.items()],
        )
