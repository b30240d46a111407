"""The register as it stood at the end of a past day, read from the dated history.

A complaint with no history entry dated after the day stood then as it stands
now; only those with a later entry (a status change, a void, a restore, a
correction) have their columns read back from the history, by SQL subqueries
over the history's indexes. Corrections are undone field by field: a field
corrected after the day held the old value of its first such correction.

``state`` puts that picture in a temporary table named ``complaints``, which
within its block shadows the register's own (SQLite looks in ``temp`` first),
so that every count of ``recaps`` (and of a consolidation) reads the past day
with its ordinary SQL; leaving the block drops it. When nothing is dated after
the day, the register's own table is that picture and nothing is built.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

from monev_cli.errors import InputError
from monev_cli.fields import STORED
from monev_cli.i18n import _
from monev_cli.models import (
    DONE,
    EVENT_CORRECTION,
    EVENT_RECORDED,
    EVENT_RESTORE,
    EVENT_STATUS,
    EVENT_VOID,
    Complaint,
)
from monev_cli.period import Period
from monev_cli.register import complaints
from monev_cli.register.connection import Register

# Kinds are the code's constants, written into the SQL so that the partial
# index of corrections (WHERE kind = 'koreksi') can serve the subqueries.
_STATUS_ENTRY = (
    "SELECT {what} FROM main.events e WHERE e.complaint_id = c.id "
    f"AND e.event_on <= :day AND e.kind IN ('{EVENT_RECORDED}', '{EVENT_STATUS}') "
    "ORDER BY e.event_on DESC, e.id DESC LIMIT 1"
)
_VOID_ENTRY = (
    "SELECT {what} FROM main.events e WHERE e.complaint_id = c.id "
    f"AND e.event_on <= :day AND e.kind IN ('{EVENT_VOID}', '{EVENT_RESTORE}') "
    "ORDER BY e.event_on DESC, e.id DESC LIMIT 1"
)
_LATER_CORRECTION = (
    "SELECT {what} FROM main.events e WHERE e.kind = '" + EVENT_CORRECTION + "' "
    "AND e.field = '{field}' AND e.complaint_id = c.id AND e.event_on > :day "
    "ORDER BY e.event_on, e.id LIMIT 1"
)


def _corrected(field: str, otherwise: str) -> str:
    later = _LATER_CORRECTION.replace("{field}", field)
    return (
        f"CASE WHEN EXISTS ({later.format(what='1')}) "
        f"THEN ({later.format(what='e.old_value')}) ELSE {otherwise} END"
    )


def _expressions() -> dict[str, str]:
    """Each column's value on ``:day``, for the complaint ``c``."""
    # An answer imported without its date (--undated-answers) is marked so.
    done = (
        f"CASE WHEN e.status = '{DONE}' AND e.field IS NOT 'answered_on' "
        "THEN e.event_on END"
    )
    voided = f"CASE WHEN e.kind = '{EVENT_VOID}' THEN 1 ELSE 0 END"
    reason = f"CASE WHEN e.kind = '{EVENT_VOID}' THEN e.note END"
    # Any stored field but the tracking number (which never changes) had, on
    # the day, the old value of its first correction dated after it, if there
    # is one: those typed, and the classification and due date that follow
    # from a new type or received date, each stored as an entry of its own.
    # The status, answer and voiding are read from their own entries below.
    found = {
        field.name: _corrected(field.name, f"c.{field.name}")
        for field in STORED
        if field.name != "tracking_no"
    }
    # The history holds text: the flag is a number in the register.
    found["confidential"] = f"CAST({found['confidential']} AS INTEGER)"
    found.update(
        status=f"({_STATUS_ENTRY.format(what='e.status')})",
        answered_on=f"({_STATUS_ENTRY.format(what=done)})",
        voided=f"COALESCE(({_VOID_ENTRY.format(what=voided)}), 0)",
        void_reason=f"({_VOID_ENTRY.format(what=reason)})",
    )
    return found


def _select(register: Register) -> str:
    """Every column of the register's complaints, as it stood on ``:day``."""
    columns = [row[1] for row in register.rows("PRAGMA main.table_info(complaints)")]
    found = _expressions()
    return ", ".join(f"{found.get(name, f'c.{name}')} AS {name}" for name in columns)


@contextmanager
def state(register: Register, period: Period, day: date) -> Iterator[Period]:
    """Within the block, ``complaints`` read through the yielded period (the
    period cut at ``day``: ``voided = 0 AND received_on BETWEEN`` its ends,
    as ``recaps`` reads it) gives the complaints counted on ``day``, each as
    it stood then. Refuses a period that has not begun by ``day``."""
    cut = period.up_to(day)
    params = {"start": cut.start.isoformat(), "cut": cut.end.isoformat()}
    params["day"] = day.isoformat()
    later = register.row(
        "SELECT EXISTS (SELECT 1 FROM main.events WHERE event_on > ?)", (params["day"],)
    )[0]
    if not later:  # nothing has happened since: the register stands as it did
        yield cut
        return
    try:
        _build(register, params)
        yield cut
    finally:
        register.conn.execute("DROP TABLE IF EXISTS temp.complaints_changed")
        register.conn.execute("DROP TABLE IF EXISTS temp.complaints")


def _build(register: Register, params: dict) -> None:
    conn = register.conn
    conn.execute("CREATE TEMP TABLE complaints_changed (id INTEGER PRIMARY KEY)")
    conn.execute(
        "INSERT INTO temp.complaints_changed "
        "SELECT id FROM main.complaints c WHERE received_on BETWEEN :start AND :cut "
        "AND EXISTS (SELECT 1 FROM main.events e WHERE e.complaint_id = c.id "
        "AND e.event_on > :day) "
        f"UNION SELECT complaint_id FROM main.events WHERE kind = '{EVENT_CORRECTION}' "
        "AND field = 'received_on' AND event_on > :day",
        params,
    )
    conn.execute(
        "CREATE TEMP TABLE complaints AS SELECT * FROM main.complaints "
        "WHERE voided = 0 AND received_on BETWEEN :start AND :cut "
        "AND id NOT IN temp.complaints_changed",
        params,
    )
    conn.execute(
        f"INSERT INTO temp.complaints SELECT * FROM (SELECT {_select(register)} "
        "FROM main.complaints c WHERE c.id IN temp.complaints_changed) "
        "WHERE voided = 0 AND received_on BETWEEN :start AND :cut "
        "AND status IS NOT NULL",
        params,
    )
    conn.execute("DROP TABLE temp.complaints_changed")
    conn.execute("CREATE INDEX temp.complaints_as_of_id ON complaints (id)")


def recorded_late(register: Register, period: Period, day: date) -> int:
    """Entries dated by ``day``, of the complaints counted then, recorded
    (``logged_at``, the computer's clock) after it. The entries recorded after
    the day are few in a register kept day by day: they are read first, by
    their index, and each looks up its complaint (CROSS JOIN keeps that order)."""
    return register.row(
        "SELECT COUNT(*) FROM main.events e CROSS JOIN complaints c "
        "WHERE c.id = e.complaint_id AND e.logged_at >= ? AND e.event_on <= ? "
        "AND c.voided = 0 AND c.received_on BETWEEN ? AND ?",
        ((day + timedelta(days=1)).isoformat(), day.isoformat(), *period.params),
    )[0]


def complaint(register: Register, ref: str, day: date) -> Complaint:
    """One complaint as it stood on ``day``, with its history up to then."""
    now = complaints.get(register, ref)
    row = register.row(
        f"SELECT {_select(register)} FROM main.complaints c WHERE c.id = :id",
        {"id": now.id, "day": day.isoformat()},
    )
    if row["received_on"] > day.isoformat() or row["status"] is None:
        raise InputError(
            _(
                "{ref} was received on {received}, after {day}: there is nothing "
                "to show as of that day. Give a later --as-of."
            ).format(ref=now.tracking_no, received=row["received_on"], day=day)
        )
    return complaints.from_row(row, tuple(e for e in now.events if e.event_on <= day))
