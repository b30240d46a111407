"""Storing many complaints at once (an import): which are already in the
register, their tracking numbers, and one transaction of ``executemany``."""

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from monev_cli.fields import STORED, stored_value
from monev_cli.i18n import _
from monev_cli.models import DONE, Incoming, Plan
from monev_cli.register import settings
from monev_cli.register.catalog import tracking_prefix
from monev_cli.register.connection import Register
from monev_cli.register.references import ref_key

CHUNK = 5_000

# the row id and the tracking number's parts, then every stored field
COMPLAINT_COLUMNS = (
    "id", "tracking_no", "year", "seq",
    *(field.name for field in STORED if field.name != "tracking_no"),
)  # fmt: skip
_ROW_FIELDS = COMPLAINT_COLUMNS[4:]
_STORED = {field.name: field for field in STORED}
INSERT_COMPLAINT = (
    f"INSERT INTO complaints ({', '.join(COMPLAINT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(COMPLAINT_COLUMNS))})"
)
EVENT_COLUMNS = (
    "complaint_id", "kind", "status", "event_on", "logged_at", "officer", "note",
)  # fmt: skip
# a correction's field, old and new value; an entry of another kind has none
CHANGE_COLUMNS = ("field", "old_value", "new_value")
NO_CHANGE = (None, None, None)
INSERT_EVENT = (
    f"INSERT INTO events ({', '.join(EVENT_COLUMNS + CHANGE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(EVENT_COLUMNS + CHANGE_COLUMNS))})"
)


def plan(register: Register, incoming: Sequence[Incoming]) -> Plan:
    """Which complaints are new: one already in the register is matched by
    its tracking number or external reference, else by its content."""
    known = _Known(register.conn)
    new, skipped, conflicts = [], 0, []
    for complaint in incoming:
        if known.has(complaint):
            skipped += 1
        elif problem := known.clash(complaint):
            conflicts.append((complaint.where, problem))
        else:
            new.append(complaint)
    return Plan(new=new, skipped=skipped, conflicts=conflicts)


class _Known:
    """What the register holds, loaded once, and what the file has claimed."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.numbers: set[str] = set()
        self.refs: dict[str, str] = {}  # external reference: its tracking number
        self.slots: dict[tuple[int, int], str] = {}
        self.contents: Counter = Counter()
        self.claimed_numbers: dict[str, int] = {}
        self.claimed_refs: dict[str, int] = {}
        for row in conn.execute(
            "SELECT tracking_no, year, seq, external_ref, received_on, channel, "
            "type, summary FROM complaints"
        ):
            self.numbers.add(row[0])
            self.slots[(row[1], row[2])] = row[0]
            if row[3]:
                self.refs[ref_key(row[3])] = row[0]
            self.contents[tuple(row)[4:]] += 1

    def has(self, complaint: Incoming) -> bool:
        values = complaint.values
        number, ref = values["tracking_no"], values["external_ref"]
        if number:
            return number in self.numbers
        if ref:
            return ref_key(ref) in self.refs
        key = (
            values["received_on"].isoformat(),
            values["channel"],
            values["type"],
            values["summary"],
        )
        if self.contents[key]:
            self.contents[key] -= 1
            return True
        return False

    def clash(self, complaint: Incoming) -> str | None:
        """Why the complaint's own number or reference cannot be stored."""
        number, ref = complaint.values["tracking_no"], complaint.values["external_ref"]
        key = ref and ref_key(ref)
        if key in self.refs:
            return _(
                "The external reference {ref} is already on {number} in the "
                "register: an external reference names one complaint."
            ).format(ref=ref, number=self.refs[key])
        if key in self.claimed_refs:
            return _("The external reference {ref} is also on row {row}.").format(
                ref=ref, row=self.claimed_refs[key]
            )
        if number in self.claimed_numbers:
            return _("The tracking number {number} is also on row {row}.").format(
                number=number, row=self.claimed_numbers[number]
            )
        if number:
            slot = number_slot(number)
            if slot in self.slots:
                return _(
                    "The tracking number {number} takes number {seq} of {year}, "
                    "which {held} already has."
                ).format(
                    number=number, seq=slot[1], year=slot[0], held=self.slots[slot]
                )
            self.slots[slot] = number
            self.claimed_numbers[number] = complaint.where
        if key:
            self.claimed_refs[key] = complaint.where
        return None


def number_slot(tracking_no: str) -> tuple[int, int]:
    """(year, sequence number) of a tracking number such as ADU-2023-0007."""
    _prefix, year, seq = tracking_no.rsplit("-", 2)
    return int(year), int(seq)


def store(
    register: Register,
    new: Sequence[Incoming],
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the new complaints and their histories, all or none; those
    without a tracking number get the next ones of their year, by date."""
    due_on = settings.due_date_rule(register)
    ordered = sorted(new, key=lambda complaint: complaint.values["received_on"])
    with _transaction(register) as conn:
        numbers = _Numbers(conn, ordered)
        next_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM complaints")
        complaint_id = next_id.fetchone()[0]
        for start in range(0, len(ordered), CHUNK):
            complaints: list[tuple] = []
            events: list[tuple] = []
            for complaint in ordered[start : start + CHUNK]:
                number = numbers.of(complaint)
                complaints.append((complaint_id, *number, *_row(complaint, due_on)))
                events += (_event_row(complaint_id, e) for e in complaint.events)
                complaint_id += 1
            conn.executemany(INSERT_COMPLAINT, complaints)
            conn.executemany(INSERT_EVENT, events)
            if progress:
                progress(min(start + CHUNK, len(ordered)), len(ordered))
        if any(_undated_answer(complaint.values) for complaint in ordered):
            _mark_undated_answers(conn, complaint_id - len(ordered))
    return len(ordered)


def _mark_undated_answers(conn: sqlite3.Connection, first_id: int) -> None:
    """A move to 'selesai' whose answer date was never recorded says so: it
    set ``answered_on`` to nothing. ``check`` accepts such a complaint."""
    conn.execute(
        "UPDATE events SET field = 'answered_on' WHERE kind = 'status' "
        "AND status = 'selesai' AND complaint_id IN (SELECT id FROM complaints "
        "WHERE id >= ? AND status = 'selesai' AND answered_on IS NULL)",
        (first_id,),
    )


@contextmanager
def _transaction(register: Register) -> Iterator[sqlite3.Connection]:
    """The caller's transaction when it has one (the import's own, which
    rolls back all of it on a failure), else a new one. A savepoint inside
    it would make SQLite keep the pages as they were, in case of a rollback
    to it: a tenth more time for an import that never uses it."""
    if register.conn.in_transaction:
        yield register.conn
    else:
        with register.write() as conn:
            yield conn


class _Numbers:
    """Tracking numbers: a complaint's own, or the next of its year. New
    numbers continue after the highest of each year, the file's own numbers
    included, so that they never take one."""

    def __init__(self, conn: sqlite3.Connection, new: Sequence[Incoming]) -> None:
        self.prefix = tracking_prefix(conn)
        self.last = dict(
            conn.execute("SELECT year, MAX(seq) FROM complaints GROUP BY year")
        )
        for complaint in new:
            if number := complaint.values["tracking_no"]:
                year, seq = number_slot(number)
                self.last[year] = max(seq, self.last.get(year, 0))

    def of(self, complaint: Incoming) -> tuple[str, int, int]:
        """(tracking number, year, sequence number)"""
        if number := complaint.values["tracking_no"]:
            return (number, *number_slot(number))
        year = complaint.values["received_on"].year
        seq = self.last[year] = self.last.get(year, 0) + 1
        return f"{self.prefix}-{year}-{seq:04d}", year, seq


def _row(complaint: Incoming, due_on: Callable[[date], date]) -> list:
    """The complaint's table row after (id, tracking_no, year, seq); a
    complaint the file gave no due date is due by the register's rule."""
    values = complaint.values
    row = [stored_value(_STORED[name], values[name]) for name in _ROW_FIELDS]
    if values["due_on"] is None:
        row[_ROW_FIELDS.index("due_on")] = due_on(values["received_on"]).isoformat()
    return row


def _event_row(complaint_id: int, event: tuple) -> tuple:
    if len(event) == len(EVENT_COLUMNS) - 1:  # not a correction
        return (complaint_id, *event, *NO_CHANGE)
    return (complaint_id, *event)


def _undated_answer(values: dict) -> bool:
    return values["status"] == DONE and values["answered_on"] is None
