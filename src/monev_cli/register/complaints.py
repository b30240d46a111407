"""Complaints and their history: recording, status changes, notes, voiding."""

import sqlite3
from datetime import date
from typing import NamedTuple

from monev_cli.dates import check_event_on, check_received_on
from monev_cli.errors import InputError, NotFoundError, StateError
from monev_cli.i18n import _
from monev_cli.models import (
    DEFAULT_PREFIX,
    DONE,
    EVENT_NOTE,
    EVENT_RECORDED,
    EVENT_STATUS,
    EVENT_VOID,
    STATUSES,
    Complaint,
    Event,
    Stamp,
)
from monev_cli.register import catalog, settings
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
        prefix = _prefix(conn)
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
        _append(
            conn, complaint_id, EVENT_RECORDED, draft.received_on, stamp, "diterima"
        )
    return get(register, str(complaint_id))


def _validated_row(register: Register, draft: Draft, stamp: Stamp) -> dict:
    received_on = check_received_on(draft.received_on, stamp.as_of)
    channel = catalog.usable_code(register, "channels", draft.channel, received_on)
    complaint_type = catalog.usable_code(register, "types", draft.type, received_on)
    classification = (
        catalog.check_classification(draft.classification)
        if draft.classification
        else complaint_type.classification
    )
    return {
        "received_on": received_on.isoformat(),
        "channel": channel.code,
        "type": complaint_type.code,
        "classification": classification,
        "summary": clean_text(
            draft.summary,
            _("summary"),
            required=True,
            max_length=SUMMARY_MAX,
            multiline=True,
        ),
        "name": clean_text(draft.name, _("name")),
        "contact": clean_text(draft.contact, _("contact")),
        "confidential": int(draft.confidential),
        "unit": clean_text(draft.unit, _("unit")),
        "external_ref": clean_text(draft.external_ref, _("external reference")),
        "status": "diterima",
        "voided": 0,
    }


def _prefix(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM profile WHERE key = 'prefix'").fetchone()
    return (row[0] if row else None) or DEFAULT_PREFIX


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
        complaint = _locked(conn, ref)
        _check_transition(complaint, status, note)
        when = _event_date(conn, complaint, event_on, stamp)
        answered_on = when.isoformat() if status == DONE else None
        conn.execute(
            "UPDATE complaints SET status = ?, answered_on = ? WHERE id = ?",
            (status, answered_on, complaint["id"]),
        )
        _append(conn, complaint["id"], EVENT_STATUS, when, stamp, status, note)
    return get(register, str(complaint["id"]))


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
        complaint = _locked(conn, ref)
        when = _event_date(conn, complaint, event_on, stamp)
        _append(conn, complaint["id"], EVENT_NOTE, when, stamp, None, text)
    return get(register, str(complaint["id"]))


def void(register: Register, ref: str, reason: str, stamp: Stamp) -> Complaint:
    """Withdraw a mistaken entry: it stays, with its history, out of all counts."""
    text = clean_text(
        reason, _("reason"), required=True, max_length=SUMMARY_MAX, multiline=True
    )
    with register.write() as conn:
        complaint = _locked(conn, ref)
        conn.execute(
            "UPDATE complaints SET voided = 1, void_reason = ? WHERE id = ?",
            (text, complaint["id"]),
        )
        when = max(stamp.as_of, _last_event_on(conn, complaint["id"]))
        _append(conn, complaint["id"], EVENT_VOID, when, stamp, None, text)
    return get(register, str(complaint["id"]))


def _locked(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """The complaint named by ``ref``, which must still be changeable."""
    complaint = _find(conn, ref)
    if complaint["voided"]:
        raise StateError(
            _(
                "{ref} was voided ({reason}): it cannot be changed. If it was "
                "voided by mistake, record the complaint again with 'monev record'."
            ).format(ref=complaint["tracking_no"], reason=complaint["void_reason"])
        )
    return complaint


def _event_date(
    conn: sqlite3.Connection, complaint: sqlite3.Row, event_on: date | None, stamp
) -> date:
    return check_event_on(
        event_on or stamp.as_of, _last_event_on(conn, complaint["id"]), stamp.as_of
    )


def _last_event_on(conn: sqlite3.Connection, complaint_id: int) -> date:
    row = conn.execute(
        "SELECT MAX(event_on) FROM events WHERE complaint_id = ?", (complaint_id,)
    ).fetchone()
    return date.fromisoformat(row[0])


def _append(
    conn: sqlite3.Connection,
    complaint_id: int,
    kind: str,
    event_on: date,
    stamp: Stamp,
    status: str | None = None,
    note: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO events (complaint_id, kind, status, event_on, logged_at, "
        "officer, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            complaint_id,
            kind,
            status,
            event_on.isoformat(),
            stamp.logged_at,
            stamp.officer,
            note,
        ),
    )


def _find(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    text = clean_text(ref, _("tracking number"), required=True)
    if text.isdigit() and len(text) <= 18:  # larger is no SQLite integer
        row = conn.execute("SELECT * FROM complaints WHERE id = ?", (int(text),))
    else:
        row = conn.execute(
            "SELECT * FROM complaints WHERE tracking_no = ?", (text.upper(),)
        )
    found = row.fetchone()
    if found is None:
        raise NotFoundError(
            _(
                "There is no complaint '{ref}'. Give its tracking number (e.g. "
                "ADU-2023-0007) or its number from 'monev list'."
            ).format(ref=ref)
        )
    return found


def get(register: Register, ref: str) -> Complaint:
    """One complaint with its whole history."""
    row = _find(register.conn, ref)
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
    )


def from_row(row: sqlite3.Row, events: tuple[Event, ...] = ()) -> Complaint:
    return Complaint(
        id=row["id"],
        tracking_no=row["tracking_no"],
        received_on=date.fromisoformat(row["received_on"]),
        channel=row["channel"],
        type=row["type"],
        classification=row["classification"],
        summary=row["summary"],
        status=row["status"],
        due_on=date.fromisoformat(row["due_on"]),
        name=row["name"],
        contact=row["contact"],
        confidential=bool(row["confidential"]),
        unit=row["unit"],
        external_ref=row["external_ref"],
        answered_on=_optional_date(row["answered_on"]),
        voided=bool(row["voided"]),
        void_reason=row["void_reason"],
        events=events,
    )


def _optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
