"""``monev check``: SQLite's own checks, then the rules every monev register
keeps. Each rule is one query that returns the rows breaking it, so a large
register is checked by SQLite, not by a loop in Python."""

import sqlite3
from typing import NamedTuple

from monev_cli.i18n import _
from monev_cli.register.connection import Register, file_error


class Problem(NamedTuple):
    """One thing wrong with the register: which check found it, and what."""

    check: str
    detail: str


class Report(NamedTuple):
    complaints: int
    events: int
    problems: tuple[Problem, ...]

    @property
    def correctable(self) -> bool:
        """Every problem found is one that monev's own commands put right."""
        return all(problem.check in CORRECTABLE for problem in self.problems)


def check(register: Register) -> Report:
    """Every problem found; SQLite's checks first, since a damaged file makes
    the register's own rules meaningless."""
    try:
        problems = _sqlite_problems(register)
        if not problems and not _is_monev(register):
            problems = [Problem("schema", _("this is not a monev register"))]
        if not problems:
            problems = _rule_problems(register)
        counts = _counts(register) if not problems else (0, 0)
    except sqlite3.DatabaseError as error:
        if not getattr(error, "sqlite_errorname", "").startswith("SQLITE_CORRUPT"):
            raise file_error(register.path, error) from None
        problems, counts = [Problem("integrity", str(error))], (0, 0)
    return Report(counts[0], counts[1], tuple(problems))


def _sqlite_problems(register: Register) -> list[Problem]:
    problems = [
        Problem("integrity", line)
        for row in register.rows("PRAGMA integrity_check")
        if row[0] != "ok"
        for line in row[0].splitlines()
        if not line.startswith("***")  # "*** in database main ***"
    ]
    problems += [
        Problem("foreign_key", _missing_parent(register, *row))
        for row in register.rows("PRAGMA foreign_key_check")
    ]
    return problems


def _missing_parent(
    register: Register, table: str, rowid: int | None, parent: str, key: int
) -> str:
    """A row whose parent is missing, named as an officer knows it: a
    complaint by its tracking number, a history entry by its kind and date
    (the register's row ids never leave it)."""
    if table == "complaints" and rowid is not None:
        column = next(
            fk["from"]
            for fk in register.rows("PRAGMA foreign_key_list(complaints)")
            if fk["id"] == key
        )
        # the whole row: the column's name comes from the file being checked
        found = register.row("SELECT * FROM complaints WHERE rowid = ?", (rowid,))
        return _(
            "{tracking_no} has the {column} '{value}', which is not in the list "
            "of {parent}"
        ).format(
            tracking_no=found["tracking_no"],
            column=column,
            value=found[column],
            parent=parent,
        )
    if table == "events" and rowid is not None:
        found = register.row(
            "SELECT kind, event_on FROM events WHERE rowid = ?", (rowid,)
        )
        return _(
            "a '{kind}' history entry dated {event_on} is orphaned: its "
            "complaint is missing"
        ).format(kind=found["kind"], event_on=found["event_on"])
    return _(
        "a row of {table} is orphaned: it refers to a missing row of {parent}"
    ).format(table=table, parent=parent)


def _is_monev(register: Register) -> bool:
    found = register.rows(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name IN ('complaints', 'events')"
    )
    return len(found) == 2


def _counts(register: Register) -> tuple[int, int]:
    row = register.row(
        "SELECT (SELECT COUNT(*) FROM complaints), (SELECT COUNT(*) FROM events)"
    )
    return row[0], row[1]


def _rule_problems(register: Register) -> list[Problem]:
    problems: list[Problem] = []
    for name, sql, describe in _RULES:
        problems += [
            Problem(name, describe().format(**dict(row))) for row in register.rows(sql)
        ]
    return problems


# A complaint whose received date was corrected: its tracking number keeps the
# year first typed, its recording entry the date first typed.
_RECEIVED_ON_CORRECTED = """SELECT 1 FROM events
    WHERE complaint_id = c.id AND kind = 'koreksi' AND field = 'received_on'"""

# (check, query, message): each query returns the rows that break the rule,
# with the columns its message names. Messages are functions so that they are
# translated when shown.
_RULES = (
    (
        "status",
        """SELECT c.tracking_no, c.status, latest.status AS latest
        FROM complaints AS c
        LEFT JOIN events AS latest ON latest.id = (
            SELECT id FROM events
            WHERE complaint_id = c.id AND kind IN ('dicatat', 'status')
            ORDER BY id DESC LIMIT 1)
        WHERE latest.status IS NOT c.status""",
        lambda: _(
            "{tracking_no} has status '{status}' but its latest status entry "
            "says '{latest}'"
        ),
    ),
    (
        "tracking_no",
        """SELECT tracking_no, COUNT(*) AS times FROM complaints
        GROUP BY tracking_no HAVING COUNT(*) > 1""",
        lambda: _("{tracking_no} is given to {times} complaints"),
    ),
    (
        "tracking_no",
        """SELECT year, seq, COUNT(*) AS times FROM complaints
        GROUP BY year, seq HAVING COUNT(*) > 1""",
        lambda: _("number {seq} of {year} is given to {times} complaints"),
    ),
    (
        "tracking_no",
        f"""SELECT tracking_no, year, seq, received_on FROM complaints AS c
        WHERE tracking_no NOT LIKE '%-' || year || '-' || printf('%04d', seq)
           OR (year IS NOT CAST(substr(received_on, 1, 4) AS INTEGER)
               AND NOT EXISTS ({_RECEIVED_ON_CORRECTED}
                   AND substr(old_value, 1, 4) = printf('%04d', c.year)))""",
        lambda: _(
            "{tracking_no} does not match its year {year}, number {seq} and "
            "received date {received_on}"
        ),
    ),
    (
        "dates",
        """SELECT tracking_no, received_on, due_on FROM complaints
        WHERE date(received_on) IS NOT received_on OR due_on IS NULL
           OR date(due_on) IS NOT due_on OR due_on < received_on""",
        lambda: _(
            "{tracking_no} has no valid received date ({received_on}) or due "
            "date ({due_on})"
        ),
    ),
    (
        "dates",
        f"""SELECT c.tracking_no, e.kind, e.event_on, c.received_on
        FROM events AS e JOIN complaints AS c ON c.id = e.complaint_id
        WHERE (e.event_on < c.received_on
               AND NOT (e.kind = 'dicatat' AND EXISTS ({_RECEIVED_ON_CORRECTED})))
           OR date(e.event_on) IS NOT e.event_on""",
        lambda: _(
            "{tracking_no} has a '{kind}' entry dated {event_on}, which is not "
            "a date on or after its received date {received_on}"
        ),
    ),
    (
        "answered_on",
        # done without an answer date only when its move to 'selesai' says
        # the date was never recorded (import --undated-answers)
        """SELECT c.tracking_no, c.status, c.answered_on FROM complaints AS c
        WHERE (c.status = 'selesai') IS NOT (c.answered_on IS NOT NULL)
          AND NOT (c.status = 'selesai' AND EXISTS (
            SELECT 1 FROM events WHERE complaint_id = c.id AND kind = 'status'
            AND status = 'selesai' AND field = 'answered_on'))""",
        lambda: _(
            "{tracking_no} has status '{status}' but answered date {answered_on}"
        ),
    ),
    (
        "void",
        """SELECT c.tracking_no FROM complaints AS c
        WHERE c.voided = 1 AND NOT EXISTS (
            SELECT 1 FROM events WHERE complaint_id = c.id AND kind = 'batal')""",
        lambda: _("{tracking_no} is voided but its history has no 'batal' entry"),
    ),
    (
        "void",
        # driven by the few voided or restored complaints' entries, not by
        # a look-up per complaint
        """SELECT c.tracking_no, c.voided
        FROM (SELECT complaint_id, MAX(id) AS last FROM events
              WHERE kind IN ('batal', 'pulih') GROUP BY complaint_id) AS ends
        JOIN events AS e ON e.id = ends.last
        JOIN complaints AS c ON c.id = ends.complaint_id
        WHERE c.voided IS NOT (e.kind = 'batal')""",
        lambda: _(
            "{tracking_no} has voided = {voided}, but its history's last 'batal' "
            "or 'pulih' entry says otherwise"
        ),
    ),
    (
        "external_ref",
        """SELECT external_ref AS ref, COUNT(*) AS times,
            group_concat(tracking_no, ', ') AS numbers
        FROM (SELECT external_ref, tracking_no FROM complaints
              WHERE external_ref IS NOT NULL ORDER BY year, seq)
        GROUP BY external_ref COLLATE NOCASE HAVING COUNT(*) > 1""",
        lambda: _(
            "the external reference {ref} is on {times} complaints ({numbers}): "
            "give each its own with 'monev correct'"
        ),
    ),
)
# Problems of what was typed, not of the file: put right with monev itself.
CORRECTABLE = frozenset({"external_ref"})
