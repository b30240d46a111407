"""Naming a complaint: the one place that turns what an officer typed (a
tracking number, loosely, or an external reference) into the complaint.

The table's row ids are the register's own business: a bare number is never
taken as one, since no listing shows them and a typo would change the wrong
complaint."""

import re
import sqlite3
import string

from monev_cli.errors import InputError, NotFoundError, StateError
from monev_cli.i18n import _
from monev_cli.texts import clean_text

# PREFIX-YEAR-NUMBER, the number with or without its leading zeros
_TRACKING_NO = re.compile(r"^(?P<prefix>.+)-(?P<year>\d{4})-(?P<seq>\d{1,9})$")
# SQLite's NOCASE folds ASCII letters only; Python's lower() folds them all.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
HINTS = 3  # likely tracking numbers named for a bare number
# The complaints holding an external reference, other than one: NOCASE cannot
# seek in the index of external_ref, but asking only for the row id lets
# SQLite scan that index instead of the table (about 3 ms per 100,000 rows).
_HOLDERS = (
    "SELECT id FROM complaints WHERE external_ref = ? COLLATE NOCASE AND id IS NOT ?"
)


def ref_key(text: str) -> str:
    """An external reference as compared: ASCII letters without their case,
    as SQLite's NOCASE compares them."""
    return text.translate(_ASCII_LOWER)


def find(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """The complaint named by ``ref``: its tracking number (any case, zeros
    of the number optional) or its external reference."""
    text = clean_text(ref, _("tracking number"), required=True)
    found = _by_tracking_no(conn, text) or _by_external_ref(conn, text)
    if found is not None:
        return found
    if text.isdigit():
        raise InputError(_bare_number(conn, text))
    raise NotFoundError(
        _(
            "There is no complaint '{ref}'. Give its tracking number (e.g. "
            "ADU-2023-0007) or its external reference; 'monev list --search' "
            "finds both."
        ).format(ref=ref)
    )


def _by_tracking_no(conn: sqlite3.Connection, text: str) -> sqlite3.Row | None:
    parts = _TRACKING_NO.match(text)
    if parts is None:
        return None
    row = conn.execute(
        "SELECT * FROM complaints WHERE year = ? AND seq = ?",
        (int(parts["year"]), int(parts["seq"])),
    ).fetchone()
    prefix = ref_key(parts["prefix"])
    if row is None or ref_key(row["tracking_no"].rsplit("-", 2)[0]) != prefix:
        return None
    return row


def _by_external_ref(conn: sqlite3.Connection, text: str) -> sqlite3.Row | None:
    rows = conn.execute(
        f"SELECT * FROM complaints WHERE id IN ({_HOLDERS} LIMIT 2)", (text, None)
    ).fetchall()
    if len(rows) > 1:
        raise InputError(
            _(
                "'{ref}' is the external reference of more than one complaint "
                "({numbers}): give the tracking number."
            ).format(ref=text, numbers=", ".join(row["tracking_no"] for row in rows))
        )
    return rows[0] if rows else None


def _bare_number(conn: sqlite3.Connection, text: str) -> str:
    """Why a bare number is refused, naming the tracking numbers it may mean."""
    likely = [
        row[0]
        for row in conn.execute(
            "SELECT tracking_no FROM complaints WHERE seq = ? "
            "ORDER BY year DESC LIMIT ?",
            (int(text) if len(text) <= 9 else -1, HINTS),
        )
    ]
    if likely:
        return _(
            "'{ref}' is not a tracking number: give the whole number, e.g. {numbers}."
        ).format(ref=text, numbers=", ".join(likely))
    return _(
        "'{ref}' is not a tracking number: give the whole number (e.g. "
        "ADU-2023-0007), as 'monev list' shows it."
    ).format(ref=text)


def check_external_ref_free(
    conn: sqlite3.Connection, ref: str | None, complaint_id: int | None = None
) -> None:
    """An external reference names one complaint, voided ones included (a
    voided complaint can be restored): refuse one that another already holds,
    in any case. Called inside the write, so that two desks cannot both take
    it."""
    if not ref:
        return
    holder = conn.execute(
        f"SELECT tracking_no, voided FROM complaints WHERE id = ({_HOLDERS} LIMIT 1)",
        (ref, complaint_id),
    ).fetchone()
    if holder is None:
        return
    if holder["voided"]:
        raise StateError(
            _(
                "The external reference {ref} is already on {number}, which was "
                'voided: bring it back with: monev restore {number} --reason "...", '
                "or give another reference."
            ).format(ref=ref, number=holder["tracking_no"])
        )
    raise StateError(
        _(
            "The external reference {ref} is already on {number}: see it with "
            "'monev show {number}', or give another reference."
        ).format(ref=ref, number=holder["tracking_no"])
    )
