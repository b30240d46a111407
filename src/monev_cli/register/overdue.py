"""The complaints past their limits on a given day: what the cron job mails.

Overdue: not done, not voided, and the stored due date has passed. When an
initial-response limit (ack_days) is set, a complaint still 'diterima' after
it is overdue too, for its initial response. Due soon (within N days) is shown
when asked for and never counts as overdue.
"""

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import NamedTuple

from monev_cli import deadlines
from monev_cli.register.connection import Register
from monev_cli.register.settings import DueDateRule

# Word for word the condition of the partial indexes of open complaints
# (migration m002): SQLite can use them only for a query that repeats it.
# They are named with INDEXED BY for the targets of `overdue --count` (<= 9x
# python at 1,000,000 complaints) and of the full `overdue`: left to itself
# (with or without ANALYZE) the planner takes another index and reads every
# open row; measured on the benchmark's million, 110 ms to count instead of
# 8 ms, 410 ms to list instead of 150 ms. A migration that renames them must
# rename them here: every overdue test fails until it does.
OPEN = "status IN ('diterima', 'proses') AND voided = 0"
OPEN_DUE = "complaints INDEXED BY complaints_open_due"
OPEN_LIST = "complaints INDEXED BY complaints_open_list"
UNACKNOWLEDGED = "status = 'diterima' AND voided = 0"

OVERDUE = "overdue"
NO_RESPONSE = "no_response"
DUE_SOON = "due_soon"
COUNTED = (OVERDUE, NO_RESPONSE)  # what counts as overdue; due soon never does

# Unacknowledged, not yet overdue for the answer, and received on one of the
# days given as a JSON list.
NO_RESPONSE_WHERE = (
    f"{UNACKNOWLEDGED} AND due_on >= ? "
    "AND received_on IN (SELECT value FROM json_each(?))"
)
COUNT_SQL = f"SELECT COUNT(*) FROM {OPEN_DUE} WHERE {OPEN} AND due_on < ?"


# What a line of the report shows, in its order; JSON adds the status.
LINE_COLUMNS = "tracking_no, received_on, due_on, channel, unit, summary"
ROW_COLUMNS = f"{LINE_COLUMNS}, status"
# Where each part of the report comes from: kind -> (source, condition).
SECTIONS = {
    OVERDUE: (OPEN_LIST, f"{OPEN} AND due_on < ?"),
    NO_RESPONSE: ("complaints", NO_RESPONSE_WHERE),
    DUE_SOON: (
        OPEN_DUE,
        f"{OPEN} AND due_on BETWEEN ? AND ? AND NOT ({NO_RESPONSE_WHERE})",
    ),
}


def listing_sql(kind: str, columns: str = ROW_COLUMNS) -> str:
    source, where = SECTIONS[kind]
    return f"SELECT {columns} FROM {source} WHERE {where} ORDER BY received_on, id"


# Rows a fetch: a long report goes out a few hundred kilobytes at a time,
# not one Python object and one write a row.
BATCH = 2000


class Late(NamedTuple):
    """One row of the report; ``due_on`` is the limit that matters for
    ``kind``: the initial response's for NO_RESPONSE, else the answer's.
    A named tuple: the JSON report may run to a hundred thousand of them."""

    kind: str
    tracking_no: str
    received_on: str
    due_on: str
    channel: str
    unit: str | None
    summary: str
    status: str

    def days_late(self, as_of: date) -> int:
        """Calendar days past the limit; negative: days left."""
        return deadlines.days_late(date.fromisoformat(self.due_on), as_of)


def count(register: Register, as_of: date) -> int:
    """How many complaints are overdue on ``as_of``: those of COUNTED kinds."""
    overdue = register.row(COUNT_SQL, (as_of.isoformat(),))[0]
    days = _unacknowledged_days(register, as_of)
    if not days:
        return overdue
    return (
        overdue
        + register.row(
            f"SELECT COUNT(*) FROM complaints WHERE {NO_RESPONSE_WHERE}",
            (as_of.isoformat(), _json_list(days)),
        )[0]
    )


class Batch(NamedTuple):
    """Rows of one kind, each the fields of a ``Late`` after its kind."""

    kind: str
    rows: list[tuple]


def batches(
    register: Register, as_of: date, within: int | None = None, *, status: bool = True
) -> Iterator[Batch]:
    """The overdue complaints, oldest first; then those without their initial
    response in time; then, with ``within``, those due in the next days.
    Without ``status``, the rows hold only what a line shows: sqlite3 pays
    for every column of every row, and a long plain report never needs it."""
    columns = ROW_COLUMNS if status else LINE_COLUMNS
    today = as_of.isoformat()
    yield from _fetch(register, OVERDUE, columns, (today,))
    rule = DueDateRule(register)
    days = _json_list(_unacknowledged_days(register, as_of, rule))
    for batch in _fetch(register, NO_RESPONSE, columns, (today, days)):
        yield batch._replace(rows=[_with_ack_due(row, rule) for row in batch.rows])
    if within is not None:
        last = (as_of + timedelta(days=within)).isoformat()
        yield from _fetch(register, DUE_SOON, columns, (today, last, today, days))


class Counted:
    """Passes batches through, counting the rows of COUNTED kinds: a report
    and its count in one pass."""

    def __init__(self, batches: Iterable[Batch]) -> None:
        self._batches = batches
        self.overdue = 0

    def __iter__(self) -> Iterator[Batch]:
        for batch in self._batches:
            if batch.kind in COUNTED:
                self.overdue += len(batch.rows)
            yield batch


def late(found: Iterable[Batch]) -> Iterator[Late]:
    """The rows of ``found`` (with their status) one by one."""
    for kind, rows in found:
        for row in rows:
            yield Late(kind, *row)


def _with_ack_due(row: tuple, rule: DueDateRule) -> tuple:
    """The row with the initial response's limit as the one that matters."""
    number, received_on, _answer_due, *rest = row
    ack_due = rule.ack_due(date.fromisoformat(received_on))
    return (number, received_on, ack_due.isoformat(), *rest)


def _unacknowledged_days(
    register: Register, as_of: date, rule: DueDateRule | None = None
) -> list[str]:
    """The received dates whose initial-response limit has passed by
    ``as_of`` among complaints still unacknowledged and not yet overdue."""
    rule = rule or DueDateRule(register)
    if not rule.timeline.has_ack_limit:
        return []
    rows = register.rows(
        f"SELECT DISTINCT received_on FROM complaints WHERE {UNACKNOWLEDGED} "
        "AND due_on >= ?",
        (as_of.isoformat(),),
    )
    late_days = []
    for (day,) in rows:
        ack_due = rule.ack_due(date.fromisoformat(day))
        if ack_due is not None and ack_due < as_of:
            late_days.append(day)
    return late_days


def _json_list(days: list[str]) -> str:
    """The days as the JSON list that json_each() reads."""
    import json  # here: counting without an initial-response limit needs none

    return json.dumps(days)


def _fetch(register: Register, kind: str, columns: str, params) -> Iterator[Batch]:
    cursor = register.conn.cursor()
    cursor.row_factory = None  # plain tuples: the fastest rows sqlite3 makes
    cursor.execute(listing_sql(kind, columns), params)
    while rows := cursor.fetchmany(BATCH):
        yield Batch(kind, rows)
