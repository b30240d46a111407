"""Complaints and their history: recording, status changes, notes, voiding
and restoring."""

import sqlite3
from datetime import date
from typing import NamedTuple

from monev_cli import fields
from monev_cli.dates import check_event_on
from monev_cli.errors import InputError, StateError
from monev_cli.fields import STORED
from monev_cli.i18n import _
from monev_cli.models import (
    DONE,
    EVENT_NOTE,
    EVENT_RECORDED,
    EVENT_RESTORE,
    EVENT_STATUS,
    EVENT_VOID,
    STATUSES,
    Complaint,
    Event,
    Stamp,
)
from monev_cli.register import catalog, references, settings
from monev_cli.register.connection import Register
from monev_cli.texts import SUMMARY_MAX, clean_text, one_of


class Draft(NamedTuple):
    """A complaint as typed at the desk, before it has a tracking number."""

    received_on: date
    channel: str
    type: str
    summary: str
    name: str | None = None
    contact: str | None = None
    confidential: bool = False
    unit: str | None = None
    classification: str | None = None
    external_ref: str | None = None


def record(register: Register, draft: Draft, stamp: Stamp) -> Complaint:
    """Store a new complaint and hand back its tracking number."""
    row = _validated_row(register, draft, stamp)
    with register.write() as conn:
        # Inside the write: a limit changed by another desk meanwhile counts.
        row["due_on"] = settings.due_on(register, draft.received_on).isoformat()
        references.check_external_ref_free(conn, row["external_ref"])
        prefix = catalog.tracking_prefix(conn)
        year = draft.received_on.year
        seq = conn.execute(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM complaints WHERE year = ?", (year,)
        ).fetchone()[0]
        row.update(tracking_no=f"{prefix}-{year}-{seq:04d}", year=year, seq=seq)
        columns = ", ".join(row)
        cursor = conn.execute(
            f"INSERT INTO complaints ({columns}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
        complaint_id = cursor.lastrowid
        append_event(
            conn, complaint_id, EVENT_RECORDED, draft.received_on, stamp, "diterima"
        )
    return reloaded(register, complaint_id)


def check_given(register: Register, draft: Draft, as_of: date) -> None:
    """Check the fields of ``draft`` given so far (those not None), and that
    its external reference is free: said before the rest is asked for."""
    given = {k: v for k, v in draft._asdict().items() if v is not None}
    del given["confidential"]
    checked = checked_fields(register, given, as_of)
    references.check_external_ref_free(register.conn, checked.get("external_ref"))


def _validated_row(register: Register, draft: Draft, stamp: Stamp) -> dict:
    given = {k: v for k, v in draft._asdict().items() if k != "confidential"}
    if not draft.classification:
        del given["classification"]
    row = checked_fields(register, given, stamp.as_of)
    if not draft.classification:
        row["classification"] = type_classification(register, row["type"])
    check_codes_usable(register, row, date.fromisoformat(row["received_on"]))
    return {
        **row,
        "confidential": int(draft.confidential),
        "status": "diterima",
        "voided": 0,
    }


def checked_fields(register: Register, values: dict, as_of: date) -> dict:
    """The recorded fields given, each checked as ``fields.Checks`` checks it
    (an import too) and as stored: at recording and at a correction alike."""
    checks = fields.Checks(
        as_of, lambda table, text: catalog.resolve_code(register, table, text).code
    )
    return {
        name: fields.stored_value(fields.BY_NAME[name], checks(name, value))
        for name, value in values.items()
    }


def check_codes_usable(register: Register, row: dict, received_on: date) -> None:
    """A channel or type retired by ``received_on`` is refused for a complaint
    received then (kept only for the complaints that already use it)."""
    for table, field in (("channels", "channel"), ("types", "type")):
        if field in row:
            catalog.usable_code(register, table, row[field], received_on)


def type_classification(register: Register, code: str) -> str:
    return catalog.resolve_code(register, "types", code).classification


def change_status(
    register: Register,
    ref: str,
    status: str,
    note: str | None,
    event_on: date | None,
    stamp: Stamp,
) -> Complaint:
    """Move a complaint to ``proses`` or ``selesai``, appending to its history."""
    if status.strip().lower() == STATUSES[0]:
        raise InputError(
            _(
                "A complaint cannot be set back to '{status}': give --status "
                "proses or selesai."
            ).format(status=STATUSES[0])
        )
    status = check_status(status)
    note = clean_text(note, _("note"), max_length=SUMMARY_MAX, multiline=True)
    with register.write() as conn:
        complaint = locked(conn, ref)
        _check_transition(complaint, status, note)
        when = _event_date(conn, complaint, event_on, stamp)
        answered_on = when.isoformat() if status == DONE else None
        conn.execute(
            "UPDATE complaints SET status = ?, answered_on = ? WHERE id = ?",
            (status, answered_on, complaint["id"]),
        )
        append_event(conn, complaint["id"], EVENT_STATUS, when, stamp, status, note)
    return reloaded(register, complaint["id"])


def check_status(status: str, allowed: tuple[str, ...] = STATUSES[1:]) -> str:
    clean_text(status, _("status"), required=True)
    return one_of(
        status, allowed, _("Unknown status '{status}'. Valid: {choices}."), "status"
    )


def _check_transition(complaint: sqlite3.Row, status: str, note: str | None) -> None:
    current = complaint["status"]
    tracking_no = complaint["tracking_no"]
    if current == status:
        raise StateError(
            _(
                "{ref} is already '{status}': nothing was changed. To add a "
                'follow-up, type: monev note {ref} "..."'
            ).format(ref=tracking_no, status=status)
        )
    if status == DONE and not note:
        raise InputError(
            _(
                "Closing {ref} as 'selesai' needs the answer given: add --note \"...\"."
            ).format(ref=tracking_no)
        )
    if current == DONE and not note:
        raise InputError(
            _('Reopening {ref} needs the reason: add --note "...".').format(
                ref=tracking_no
            )
        )


def add_note(
    register: Register, ref: str, note: str, event_on: date | None, stamp: Stamp
) -> Complaint:
    """Append a follow-up note without changing the status."""
    text = clean_text(
        note, _("note"), required=True, max_length=SUMMARY_MAX, multiline=True
    )
    with register.write() as conn:
        complaint = locked(conn, ref)
        when = _event_date(conn, complaint, event_on, stamp)
        append_event(conn, complaint["id"], EVENT_NOTE, when, stamp, None, text)
    return reloaded(register, complaint["id"])


def void(register: Register, ref: str, reason: str, stamp: Stamp) -> Complaint:
    """Withdraw a mistaken entry: it stays, with its history, out of all counts."""
    text = clean_text(
        reason, _("reason"), required=True, max_length=SUMMARY_MAX, multiline=True
    )
    with register.write() as conn:
        complaint = locked(conn, ref)
        conn.execute(
            "UPDATE complaints SET voided = 1, void_reason = ? WHERE id = ?",
            (text, complaint["id"]),
        )
        when = max(stamp.as_of, last_event_on(conn, complaint["id"]))
        append_event(conn, complaint["id"], EVENT_VOID, when, stamp, None, text)
    return reloaded(register, complaint["id"])


def restore(register: Register, ref: str, reason: str, stamp: Stamp) -> Complaint:
    """Bring back a complaint voided by mistake; the void and the restore
    both stay in its history."""
    text = clean_text(
        reason, _("reason"), required=True, max_length=SUMMARY_MAX, multiline=True
    )
    with register.write() as conn:
        complaint = references.find(conn, ref)
        if not complaint["voided"]:
            raise StateError(
                _("{ref} is not voided: there is nothing to restore.").format(
                    ref=complaint["tracking_no"]
                )
            )
        conn.execute(
            "UPDATE complaints SET voided = 0, void_reason = NULL WHERE id = ?",
            (complaint["id"],),
        )
        when = max(stamp.as_of, last_event_on(conn, complaint["id"]))
        append_event(conn, complaint["id"], EVENT_RESTORE, when, stamp, None, text)
    return reloaded(register, complaint["id"])


def locked(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """The complaint named by ``ref``, which must still be changeable."""
    complaint = references.find(conn, ref)
    if complaint["voided"]:
        raise StateError(
            _(
                "{ref} was voided ({reason}): it cannot be changed. If it was "
                'voided by mistake, bring it back: monev restore {ref} --reason "..."'
            ).format(ref=complaint["tracking_no"], reason=complaint["void_reason"])
        )
    return complaint


def _event_date(
    conn: sqlite3.Connection, complaint: sqlite3.Row, event_on: date | None, stamp
) -> date:
    return check_event_on(
        event_on or stamp.as_of, last_event_on(conn, complaint["id"]), stamp.as_of
    )


def last_event_on(conn: sqlite3.Connection, complaint_id: int) -> date:
    row = conn.execute(
        "SELECT MAX(event_on) FROM events WHERE complaint_id = ?", (complaint_id,)
    ).fetchone()
    return date.fromisoformat(row[0])


def append_event(
    conn: sqlite3.Connection,
    complaint_id: int,
    kind: str,
    event_on: date,
    stamp: Stamp,
    status: str | None = None,
    note: str | None = None,
    change: tuple[str, str | None, str | None] = (None, None, None),
) -> None:
    """One entry of the history; ``change`` is a correction's (field, old
    value, new value)."""
    conn.execute(
        "INSERT INTO events (complaint_id, kind, status, event_on, logged_at, "
        "officer, note, field, old_value, new_value) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            complaint_id,
            kind,
            status,
            event_on.isoformat(),
            stamp.logged_at,
            stamp.officer,
            note,
            *change,
        ),
    )


def get(register: Register, ref: str) -> Complaint:
    """One complaint with its whole history."""
    return _loaded(register, references.find(register.conn, ref))


def reloaded(register: Register, complaint_id: int) -> Complaint:
    """The complaint as a change has just left it."""
    row = register.row("SELECT * FROM complaints WHERE id = ?", (complaint_id,))
    return _loaded(register, row)


def _loaded(register: Register, row: sqlite3.Row) -> Complaint:
    events = tuple(
        event_from_row(event)
        for event in register.rows(
            "SELECT * FROM events WHERE complaint_id = ? ORDER BY id", (row["id"],)
        )
    )
    return from_row(row, events)


def event_from_row(row: sqlite3.Row) -> Event:
    return Event(
        kind=row["kind"],
        event_on=date.fromisoformat(row["event_on"]),
        logged_at=row["logged_at"],
        officer=row["officer"],
        status=row["status"],
        note=row["note"],
        field=row["field"],
        old_value=row["old_value"],
        new_value=row["new_value"],
    )


def from_row(row: sqlite3.Row, events: tuple[Event, ...] = ()) -> Complaint:
    """A row of the complaints table as a complaint: every stored field, by
    name, as its type."""
    return Complaint(
        id=row["id"],
        **{field.name: fields.loaded_value(field, row[field.name]) for field in STORED},
        events=events,
    )
