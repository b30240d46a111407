"""The life of the channel and type lists: a code is added, renamed,
reclassified (types), retired, brought back or removed. Nothing is lost: each
change is a dated entry of ``code_changes`` with the officer and the reason,
and a retired code stays for the complaints that use it."""

import re
import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from monev_cli.errors import InputError, NotFoundError, StateError
from monev_cli.fields import check_classification
from monev_cli.i18n import N_, _
from monev_cli.models import Code, Stamp
from monev_cli.register import catalog
from monev_cli.register.connection import Register
from monev_cli.texts import SUMMARY_MAX, clean_text

# One whole sentence per list, so that a translation never assembles words.
EXISTING_CODE = {
    "channels": N_(
        "The channel '{code}' exists already: use it as it is, or choose another code."
    ),
    "types": N_(
        "The type '{code}' exists already: use it as it is, or choose another code."
    ),
}
ALREADY_RETIRED = {
    "channels": N_("The channel '{code}' is retired already (since {day})."),
    "types": N_("The type '{code}' is retired already (since {day})."),
}
NOT_RETIRED = {
    "channels": N_("The channel '{code}' is not retired: nothing was changed."),
    "types": N_("The type '{code}' is not retired: nothing was changed."),
}
USED_LATER = {
    "channels": N_(
        "The channel '{code}' is used by complaints received up to {last}: retire "
        "it on a later day (--as-of)."
    ),
    "types": N_(
        "The type '{code}' is used by complaints received up to {last}: retire it "
        "on a later day (--as-of)."
    ),
}
IN_USE = {
    "channels": N_(
        "The channel '{code}' cannot be removed: complaints use it ({count}). "
        'Retire it instead: monev channels retire {code} --reason "..."'
    ),
    "types": N_(
        "The type '{code}' cannot be removed: complaints use it ({count}). "
        'Retire it instead: monev types retire {code} --reason "..."'
    ),
}
COLUMN = {"channels": "channel", "types": "type"}
_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,29}$")


def add(
    register: Register,
    table: str,
    code: str,
    label: str,
    classification: str | None,
    stamp: Stamp,
) -> Code:
    """Extend the agency's list, open from ``stamp.as_of``; an existing code
    is never overwritten."""
    code = check_code(code)
    label = clean_text(label, _("label"))
    if not label:
        raise InputError(_('Give a label for the report, e.g. "WhatsApp".'))
    if table == "types":
        classification = required_classification(classification)
    added = Code(code, label, classification, stamp.as_of.isoformat())
    with register.write() as conn:
        store_new(conn, table, added)
        log(conn, table, code, "add", stamp, None, label)
        if classification:
            log(conn, table, code, "classify", stamp, None, classification)
    return added


def check_code(text: str | None) -> str:
    code = (clean_text(text, _("code")) or "").lower()
    if not _CODE.match(code):
        raise InputError(
            _(
                "The code '{code}' cannot be used: give up to 30 lowercase "
                "letters, digits, '-' or '_' (e.g. whatsapp)."
            ).format(code=code)
        )
    return code


def required_classification(text: str | None) -> str:
    if not text:
        raise InputError(
            _("Give the type's classification: --classification informatif or "
              "--classification penyimpangan.")
        )  # fmt: skip
    return check_classification(text)


class Arrival(NamedTuple):
    """A code as an import brings it: new (``old`` is None), or the code
    ``old`` of the register, to take the file's label, life and detail."""

    code: Code
    detail: str | None
    old: Code | None


def take_in(
    register: Register, table: str, arrivals: Sequence[Arrival], stamp, note: str
) -> None:
    """Take in what an import brings, each change in the history."""
    with register.write() as conn:
        for code, detail, old in arrivals:
            if old is None:
                store_new(conn, table, code, detail)
                log(conn, table, code.code, "add", stamp, None, code.label, note)
                continue
            if code.label != old.label:
                change = ("label", code.label)
                old = _change(register, table, old, "rename", change, stamp, note)
            if code.retired_on != old.retired_on:
                kind = "retire" if code.retired_on else "unretire"
                change = ("retired_on", code.retired_on)
                _change(register, table, old, kind, change, stamp, note)
            if detail:
                conn.execute(
                    "UPDATE channels SET detail = ? WHERE code = ?", (detail, code.code)
                )


def changed(register: Register, table: str) -> set[str]:
    """The codes of the list that the register has changed since it began."""
    rows = register.rows(
        "SELECT DISTINCT code FROM code_changes WHERE list = ?", (table,)
    )
    return {row[0] for row in rows}


def store_new(
    conn: sqlite3.Connection, table: str, code: Code, detail: str | None = None
) -> None:
    """Append ``code`` to the end of its list, with its life."""
    if conn.execute(
        f"SELECT 1 FROM {_list(table)} WHERE code = ?", (code.code,)
    ).fetchone():
        raise InputError(_(EXISTING_CODE[table]).format(code=code.code))
    row = {"code": code.code, "label": code.label}
    if table == "types":
        row["classification"] = code.classification
    else:
        row["detail"] = detail
    row |= {"added_on": code.added_on, "retired_on": code.retired_on}
    row["position"] = conn.execute(
        f"SELECT COALESCE(MAX(position), 0) + 1 FROM {_list(table)}"
    ).fetchone()[0]
    columns, marks = ", ".join(row), ", ".join("?" * len(row))
    conn.execute(
        f"INSERT INTO {_list(table)} ({columns}) VALUES ({marks})",
        tuple(row.values()),
    )


def rename(
    register: Register, table: str, code: str, label: str, stamp: Stamp, note=None
) -> Code:
    """A new label for the reports; the complaints keep their code."""
    found = catalog.resolve_code(register, table, code)
    text = clean_text(label, _("label"), required=True)
    return _change(register, table, found, "rename", ("label", text), stamp, note)


def classify(
    register: Register, code: str, classification: str, stamp: Stamp, note=None
) -> Code:
    """The classification of the type from now on. A complaint keeps the
    classification it was recorded with: a report of a past year does not
    change, and a complaint classified apart at the desk stays so."""
    found = catalog.resolve_code(register, "types", code)
    value = check_classification(classification)
    change = ("classification", value)
    return _change(register, "types", found, "classify", change, stamp, note)


def retire(register: Register, table: str, code: str, stamp: Stamp, note) -> Code:
    """Out of the prompts and of complaints received from ``stamp.as_of`` on;
    kept for the complaints that use it."""
    found = catalog.resolve_code(register, table, code)
    reason = _reason(note, required=True)
    if found.retired_on:
        raise StateError(
            _(ALREADY_RETIRED[table]).format(code=found.code, day=found.retired_on)
        )
    day = stamp.as_of.isoformat()
    last = register.row(
        f"SELECT MAX(received_on) FROM complaints WHERE {COLUMN[table]} = ?",
        (found.code,),
    )[0]
    if last is not None and last >= day:
        raise InputError(_(USED_LATER[table]).format(code=found.code, last=last))
    return _change(register, table, found, "retire", ("retired_on", day), stamp, reason)


def unretire(register: Register, table: str, code: str, stamp: Stamp, note=None):
    """Back in the prompts; the report counts it as open over its whole life."""
    found = catalog.resolve_code(register, table, code)
    if not found.retired_on:
        raise StateError(_(NOT_RETIRED[table]).format(code=found.code))
    change = ("retired_on", None)
    return _change(register, table, found, "unretire", change, stamp, note)


def remove(register: Register, table: str, code: str, stamp: Stamp, note=None):
    """Take out a code no complaint uses (one typed by mistake)."""
    found = catalog.resolve_code(register, table, code)
    reason = _reason(note)
    with register.write() as conn:
        used = conn.execute(
            f"SELECT COUNT(*) FROM complaints WHERE {COLUMN[table]} = ?",
            (found.code,),
        ).fetchone()[0]
        if used:
            raise StateError(_(IN_USE[table]).format(code=found.code, count=used))
        conn.execute(f"DELETE FROM {_list(table)} WHERE code = ?", (found.code,))
        log(conn, table, found.code, "remove", stamp, found.label, None, reason)
    return found


def history(register: Register, table: str) -> list[dict]:
    """Every change to the list, oldest first."""
    rows = register.rows(
        "SELECT changed_on, code, change, old_value, new_value, officer, note, "
        "logged_at FROM code_changes WHERE list = ? ORDER BY id",
        (table,),
    )
    return [dict(row) for row in rows]


def retired_spans(register: Register, table: str) -> dict[str, list[tuple]]:
    """(first day retired, day brought back) of each code brought back, by
    code: the times it was out of use, which a report of them leaves out."""
    spans: dict[str, list[tuple]] = {}
    for code, first, back in register.rows(
        "SELECT code, old_value, changed_on FROM code_changes "
        "WHERE list = ? AND change = 'unretire' AND old_value IS NOT NULL",
        (table,),
    ):
        spans.setdefault(code, []).append((first, back))
    return spans


def _change(
    register: Register,
    table: str,
    found: Code,
    change: str,
    column_value: tuple[str, str | None],
    stamp: Stamp,
    note: str | None,
) -> Code:
    column, value = column_value  # a column named in this module
    old = getattr(found, column)
    if change in ("rename", "classify") and old == value:
        raise StateError(
            _("{code} is '{value}' already: nothing was changed.").format(
                code=found.code, value=value
            )
        )
    reason = _reason(note)
    with register.write() as conn:
        conn.execute(
            f"UPDATE {_list(table)} SET {column} = ? WHERE code = ?",
            (value, found.code),
        )
        log(conn, table, found.code, change, stamp, old, value, reason)
    return found._replace(**{column: value})


def _list(table: str) -> str:
    """``table`` when it names a code list: the only table name put in SQL."""
    if table not in COLUMN:
        raise NotFoundError(f"no code list named {table}")
    return table


def _reason(note: str | None, required: bool = False) -> str | None:
    return clean_text(
        note, _("reason"), required=required, max_length=SUMMARY_MAX, multiline=True
    )


def log(
    conn: sqlite3.Connection,
    table: str,
    code: str,
    change: str,
    stamp: Stamp,
    old: str | None,
    new: str | None,
    note: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO code_changes (list, code, change, changed_on, logged_at, "
        "officer, old_value, new_value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            table,
            code,
            change,
            stamp.as_of.isoformat(),
            stamp.logged_at,
            stamp.officer,
            old,
            new,
            note,
        ),
    )
