"""Storing many complaints at once (an import): which are already in the
register, their tracking numbers, and one transaction of ``executemany``."""

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from monev_cli.i18n import _
from monev_cli.models import DONE
from monev_cli.register import settings
from monev_cli.register.catalog import tracking_prefix
from monev_cli.register.connection import Register
from monev_cli.register.references import ref_key

CHUNK = 5_000
# Rows per INSERT statement: SQLite opens a statement's cursors (the table,
# each index, the foreign keys' tables) once per run of it, so one run for
# many rows stores them about a third faster than executemany's run per row.
ROWS_PER_INSERT = 50
# SQLite's page cache for a large import, in KiB (negative: a size, not pages)
IMPORT_CACHE_KIB = -65_536

COMPLAINT_COLUMNS = (
    "id", "tracking_no", "year", "seq", "received_on", "channel", "type",
    "classification", "summary", "name", "contact", "confidential", "unit",
    "external_ref", "status", "due_on", "answered_on", "voided", "void_reason",
)  # fmt: skip
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
    f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
)


@dataclass(slots=True)
class Incoming:
    """A checked complaint from a file, waiting for its tracking number."""

    where: int  # its row (or item) number in the file
    received_on: date
    channel: str
    type: str
    classification: str
    summary: str
    status: str
    # (kind, status, event_on ISO, logged_at, officer, note), oldest first;
    # a correction's adds (field, old value, new value)
    events: list[tuple]
    tracking_no: str | None = None
    name: str | None = None
    contact: str | None = None
    confidential: bool = False
    unit: str | None = None
    external_ref: str | None = None
    due_on: date | None = None
    answered_on: date | None = None
    voided: bool = False
    void_reason: str | None = None


@dataclass
class Plan:
    new: list[Incoming]
    skipped: int
    # (row number, reason) of complaints whose number clashes
    conflicts: list[tuple[int, str]]


def plan(register: Register, incoming: Sequence[Incoming]) -> Plan:
    """Which complaints are new: one already in the register is matched by
    its tracking number or external reference, else by its content."""
    known = _Known(register.conn)
    result = Plan(new=[], skipped=0, conflicts=[])
    for complaint in incoming:
        if known.has(complaint):
            result.skipped += 1
        elif problem := known.clash(complaint):
            result.conflicts.append((complaint.where, problem))
        else:
            result.new.append(complaint)
    return result


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
        number, ref = complaint.tracking_no, complaint.external_ref
        if number:
            return number in self.numbers
        if ref:
            return ref_key(ref) in self.refs
        key = (
            complaint.received_on.isoformat(),
            complaint.channel,
            complaint.type,
            complaint.summary,
        )
        if self.contents[key]:
            self.contents[key] -= 1
            return True
        return False

    def clash(self, complaint: Incoming) -> str | None:
        """Why the complaint's own number or reference cannot be stored."""
        number, ref = complaint.tracking_no, complaint.external_ref
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
    due_on = _due_date_rule(register)
    iso = IsoDays()
    ordered = sorted(new, key=lambda complaint: complaint.received_on)
    with _transaction(register) as conn, _as_large_import(conn, len(ordered)):
        numbers = _Numbers(conn, ordered)
        next_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM complaints")
        complaint_id = next_id.fetchone()[0]
        for start in range(0, len(ordered), CHUNK):
            # the chunk's rows one after another, as the statements take them
            complaints: list = []
            events: list = []
            for complaint in ordered[start : start + CHUNK]:
                complaints.append(complaint_id)
                complaints += numbers.of(complaint)
                complaints += _row(complaint, due_on, iso)
                for event in complaint.events:
                    events.append(complaint_id)
                    events += event
                    if len(event) == len(EVENT_COLUMNS) - 1:  # not a correction
                        events += NO_CHANGE
                complaint_id += 1
            _insert_rows(conn, "complaints", COMPLAINT_COLUMNS, complaints)
            _insert_rows(conn, "events", EVENT_COLUMNS + CHANGE_COLUMNS, events)
            if progress:
                progress(min(start + CHUNK, len(ordered)), len(ordered))
        if any(c.status == DONE and c.answered_on is None for c in ordered):
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


def _insert_rows(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], values: list
) -> None:
    """Store rows of ``columns`` given one after another in ``values``,
    ROWS_PER_INSERT to a statement."""
    width = len(columns)
    step = ROWS_PER_INSERT * width
    whole = len(values) - len(values) % step
    conn.executemany(
        _insert_sql(table, columns, ROWS_PER_INSERT),
        (values[start : start + step] for start in range(0, whole, step)),
    )
    if whole < len(values):
        rest = values[whole:]
        conn.execute(_insert_sql(table, columns, len(rest) // width), rest)


def _insert_sql(table: str, columns: Sequence[str], count: int) -> str:
    row = f"({', '.join('?' * len(columns))})"
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * count)}"
    )


@contextmanager
def _as_large_import(conn: sqlite3.Connection, adding: int) -> Iterator[None]:
    """An import at least as large as the register is written without the
    indexes that only speed up reading, and they are built again from the
    whole tables at the end, in the same transaction: building an index once
    from sorted rows is several times faster than updating it row by row. The
    unique indexes stay, so that they still refuse a duplicate number. A
    larger page cache meanwhile keeps SQLite from writing the same pages to
    the log again and again before the commit."""
    held = conn.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    if adding < max(held, 1):
        yield
        return
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
        "AND tbl_name IN ('complaints', 'events') AND sql IS NOT NULL "
        "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY rowid"
    ).fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
    try:
        yield
        for _name, sql in indexes:
            conn.execute(sql)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")


def _due_date_rule(register: Register) -> Callable[[date], str]:
    """The register's rule, worked out once per day received."""
    rule = settings.due_date_rule(register)
    known: dict[date, str] = {}

    def due_on(received_on: date) -> str:
        if received_on not in known:
            known[received_on] = rule(received_on).isoformat()
        return known[received_on]

    return due_on


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
            if complaint.tracking_no:
                year, seq = number_slot(complaint.tracking_no)
                self.last[year] = max(seq, self.last.get(year, 0))

    def of(self, complaint: Incoming) -> tuple[str, int, int]:
        """(tracking number, year, sequence number)"""
        if complaint.tracking_no:
            return (complaint.tracking_no, *number_slot(complaint.tracking_no))
        year = complaint.received_on.year
        seq = self.last[year] = self.last.get(year, 0) + 1
        return f"{self.prefix}-{year}-{seq:04d}", year, seq


class IsoDays(dict):
    """date -> 'YYYY-MM-DD', each day written out once."""

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text


def _row(c: Incoming, due_on: Callable, iso: IsoDays) -> tuple:
    """The complaint's table row after (id, tracking_no, year, seq)."""
    return (
        iso[c.received_on], c.channel,
        c.type, c.classification, c.summary, c.name, c.contact, int(c.confidential),
        c.unit, c.external_ref, c.status,
        iso[c.due_on] if c.due_on else due_on(c.received_on),
        iso[c.answered_on] if c.answered_on else None,
        int(c.voided), c.void_reason,
    )  # fmt: skip
