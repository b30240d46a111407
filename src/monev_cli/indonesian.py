"""Dates, numbers and counted words as an Indonesian report writes them.

Pure functions. A month table rather than Babel: the report needs twelve month
names and two separators, and Babel's 30 MB of locale data would buy nothing
more for it.
"""

import re
from datetime import date, timedelta

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
    "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

DASH = "\N{EN DASH}"
NIP = re.compile(r"[0-9]{18}")  # Nomor Induk Pegawai, as stored

_ONES = (
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
    "delapan", "sembilan", "sepuluh", "sebelas",
)  # fmt: skip
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (1000, "ribu"))


def grouped_nip(nip: str | None) -> str | None:
    """A civil servant's NIP as it is printed, ``19700101 199503 1 001``:
    birth date, month of appointment, sex, number. Other text as it is."""
    if nip is None or not NIP.fullmatch(nip):
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def long_date(day: date) -> str:
    """``28 November 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_year(day: date) -> str:
    """``Mei 2024``."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def period_text(start: date, end: date) -> str:
    """``Januari – Desember 2023``, ``Januari 2023 – Mei 2024``, ``Mei 2024``;
    whole days (``3 – 20 Mei 2024``) when the period does not follow months."""
    if start.day == 1 and _is_month_end(end):
        first, last = MONTHS[start.month - 1], month_year(end)
        if (start.year, start.month) == (end.year, end.month):
            return last
    else:
        first, last = f"{start.day} {MONTHS[start.month - 1]}", long_date(end)
        if start == end:
            return last
        if (start.year, start.month) == (end.year, end.month):
            first = str(start.day)
    if start.year != end.year:
        first = f"{first} {start.year}"
    return f"{first} {DASH} {last}"


def _is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def number(value: int) -> str:
    """``1.234``: thousands separated by dots."""
    return f"{value:,}".replace(",", ".")


def decimal(value: float, places: int = 1) -> str:
    """``12,5``; a whole number without decimals (``12``)."""
    text = f"{value:,.{places}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", ".")
    return whole if not fraction.strip("0") else f"{whole},{fraction}"


def percent(value: float) -> str:
    """``33,3%``, ``100%``."""
    return f"{decimal(value)}%"


def words(value: int) -> str:
    """The number in words (*terbilang*): 123 -> ``seratus dua puluh tiga``."""
    if value < 0:
        return f"minus {words(-value)}"
    if value < 12:
        return _ONES[value]
    if value < 20:
        return f"{_ONES[value - 10]} belas"
    if value < 100:
        return f"{_ONES[value // 10]} puluh{_rest(value % 10)}"
    if value < 200:
        return f"seratus{_rest(value - 100)}"
    if value < 1000:
        return f"{_ONES[value // 100]} ratus{_rest(value % 100)}"
    if value < 2000:
        return f"seribu{_rest(value - 1000)}"
    for scale, name in _SCALES:
        if value >= scale:
            return f"{words(value // scale)} {name}{_rest(value % scale)}"
    raise AssertionError(value)  # every value >= 2000 meets a scale


def _rest(value: int) -> str:
    return f" {words(value)}" if value else ""


def counted(value: int) -> str:
    """``3 (tiga)``, as official letters state a count."""
    return f"{number(value)} ({words(value)})"


def joined(items: list[str]) -> str:
    """``a, b dan c``."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} dan {items[-1]}"
