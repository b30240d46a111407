"""Correcting what was typed wrongly: the complaint's row takes the new
values, so that every list, report and export reads them; its history keeps
one ``koreksi`` entry per field changed, with the old and the new value.

The tracking number never changes: the complainant holds it."""

import sqlite3
from datetime import date

from monev_cli.dates import check_event_on
from monev_cli.errors import InputError, StateError
from monev_cli.fields import CORRECTABLE
from monev_cli.i18n import _
from monev_cli.models import EVENT_CORRECTION, EVENT_RECORDED, Complaint, Stamp
from monev_cli.register import references, settings
from monev_cli.register.complaints import (
    append_event,
    check_codes_usable,
    checked_fields,
    last_event_on,
    locked,
    reloaded,
    type_classification,
)
from monev_cli.register.connection import Register
from monev_cli.texts import SUMMARY_MAX, clean_text


def correct(
    register: Register, ref: str, values: dict, reason: str, stamp: Stamp
) -> tuple[Complaint, tuple[str, ...]]:
    """Give the complaint named by ``ref`` the recorded ``values`` (field ->
    what was typed; empty clears an optional field), for ``reason``: the
    complaint as corrected, and the fields that changed."""
    if not values:
        raise InputError(
            _("Say what to correct: give one or more of {options}.").format(
                options=", ".join(_option(field) for field in CORRECTABLE)
            )
        )
    note = clean_text(
        reason, _("reason"), required=True, max_length=SUMMARY_MAX, multiline=True
    )
    wanted = checked_fields(register, values, stamp.as_of)
    with register.write() as conn:
        complaint = locked(conn, ref)
        changed = _changes(register, complaint, wanted)
        when = check_event_on(
            stamp.as_of, last_event_on(conn, complaint["id"]), stamp.as_of
        )
        if "received_on" in changed:
            _check_history_follows(conn, complaint, changed["received_on"])
        received_on = changed.get("received_on", complaint["received_on"])
        check_codes_usable(register, changed, date.fromisoformat(received_on))
        references.check_external_ref_free(
            conn, changed.get("external_ref"), complaint["id"]
        )
        assignments = ", ".join(f"{field} = ?" for field in changed)
        conn.execute(
            f"UPDATE complaints SET {assignments} WHERE id = ?",
            (*changed.values(), complaint["id"]),
        )
        for field, value in changed.items():
            change = (field, complaint[field], value)
            append_event(
                conn, complaint["id"], EVENT_CORRECTION, when, stamp, None, note, change
            )
    return reloaded(register, complaint["id"]), tuple(changed)


def _option(field: str) -> str:
    return "--date" if field == "received_on" else f"--{field.replace('_', '-')}"


def _changes(register: Register, complaint: sqlite3.Row, wanted: dict) -> dict:
    """The fields whose value changes, with what follows from them: a new
    type brings its classification (unless one is given), a new received
    date its due date under the rules of that date."""
    changed = {
        field: value for field, value in wanted.items() if value != complaint[field]
    }
    if "type" in changed and "classification" not in wanted:
        classification = type_classification(register, changed["type"])
        if classification != complaint["classification"]:
            changed["classification"] = classification
    if "received_on" in changed:
        received_on = date.fromisoformat(changed["received_on"])
        due_on = settings.due_on(register, received_on).isoformat()
        if due_on != complaint["due_on"]:
            changed["due_on"] = due_on
    if not changed:
        raise StateError(
            _("{ref} already has these values: nothing was changed.").format(
                ref=complaint["tracking_no"]
            )
        )
    return changed


def _check_history_follows(
    conn: sqlite3.Connection, complaint: sqlite3.Row, received_on: str
) -> None:
    """A complaint is received before anything else happens to it: the new
    date may not come after an entry of its history (the recording aside,
    which keeps the date first typed)."""
    first = conn.execute(
        "SELECT event_on, kind FROM events WHERE complaint_id = ? AND kind != ? "
        "ORDER BY event_on, id LIMIT 1",
        (complaint["id"], EVENT_RECORDED),
    ).fetchone()
    if first is not None and first["event_on"] < received_on:
        raise InputError(
            _(
                "The received date {received} would come after the '{kind}' entry "
                "of {date} in the history of {ref}: give a date on or before "
                "{date}."
            ).format(
                received=received_on,
                kind=first["kind"],
                date=first["event_on"],
                ref=complaint["tracking_no"],
            )
        )
