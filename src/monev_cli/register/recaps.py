"""The counts behind the recap and the report, each one SQL aggregation.

Every query selects the period through the ``received_on`` index and never
counts a voided complaint; Python only lays out the few rows that come back.
"""

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date

from monev_cli import deadlines
from monev_cli.indonesian import month_year
from monev_cli.models import DONE, OPEN_STATUSES, STATUS_LABELS
from monev_cli.period import Period
from monev_cli.register import catalog, codes
from monev_cli.register.connection import Register

COUNTED = "voided = 0 AND received_on BETWEEN ? AND ?"

# Done first, as the published reports list them.
REPORT_STATUSES = ("selesai", "proses", "diterima")

TIMELINESS = (
    (deadlines.ANSWERED_ON_TIME, "Dijawab dalam batas waktu"),
    (deadlines.ANSWERED_LATE, "Dijawab melewati batas waktu"),
    (deadlines.OPEN_LATE, "Belum selesai, melewati batas waktu"),
    (deadlines.OPEN_ON_TIME, "Belum selesai, masih dalam batas waktu"),
    # shown only when some are: imported from registers that never kept it
    (deadlines.DONE_UNDATED, "Selesai, tanggal jawab tidak tercatat"),
)
NO_UNIT = "Belum ditentukan"


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    count: int
    percent: float | None = None


@dataclass(frozen=True)
class Tally:
    lines: tuple[Line, ...]
    total: int

    def to_dict(self) -> dict:
        return {"lines": [asdict(line) for line in self.lines], "total": self.total}


@dataclass(frozen=True)
class AnswerDays:
    """Calendar days from receipt to answer, over the complaints answered."""

    answered: int
    median: float | None
    longest: int | None


@dataclass(frozen=True)
class Topic:
    summary: str
    count: int
    complainants: tuple[str, ...] = ()


def shares(counts: Sequence[int], decimals: int = 1) -> list[float]:
    """Percentages of the total that add up to exactly 100: each is rounded
    down, and the units left over go to the largest remainders."""
    total = sum(counts)
    if not total:
        return [0.0] * len(counts)
    scale = 100 * 10**decimals
    floors = [count * scale // total for count in counts]
    by_remainder = sorted(
        range(len(counts)), key=lambda i: (-(counts[i] * scale % total), i)
    )
    for index in by_remainder[: scale - sum(floors)]:
        floors[index] += 1
    return [units / 10**decimals for units in floors]


def by_channel(register: Register, period: Period) -> Tally:
    return _by_code(register, "channels", "channel", period)


def by_type(register: Register, period: Period) -> Tally:
    return _by_code(register, "types", "type", period)


def _by_code(register: Register, table: str, column: str, period: Period) -> Tally:
    """In list order, zeros included, the codes open during the period (added
    by its end, not retired by its start) and any other the period's
    complaints used."""
    counts = _counts(register, column, period)
    spans = codes.retired_spans(register, table)
    return _tally(
        (code.code, code.label, counts.get(code.code, 0))
        for code in catalog.codes(register, table)
        if code.code in counts
        or code.open_during(period.start, period.end, spans.get(code.code, ()))
    )


def by_status(register: Register, period: Period) -> Tally:
    counts = _counts(register, "status", period)
    return _with_shares(
        _tally((s, STATUS_LABELS[s], counts.get(s, 0)) for s in REPORT_STATUSES)
    )


def by_month(register: Register, period: Period) -> Tally:
    """Every month of the period, zeros included."""
    counts = _counts(register, "substr(received_on, 1, 7)", period)
    keys = [f"{year:04d}-{month:02d}" for year, month in period.months()]
    return _tally(
        (key, month_year(date.fromisoformat(f"{key}-01")), counts.get(key, 0))
        for key in keys
    )


def by_unit(register: Register, period: Period) -> Tally:
    """Units as typed (case aside), the most complaints first."""
    rows = register.rows(
        f"SELECT MIN(unit), COUNT(*) AS n FROM complaints WHERE {COUNTED} "
        "GROUP BY unit COLLATE NOCASE ORDER BY n DESC, MIN(unit) COLLATE NOCASE",
        period.params,
    )
    return _tally((unit or "", unit or NO_UNIT, count) for unit, count in rows)


def timeliness(register: Register, period: Period, as_of: date) -> Tally:
    """Answered on time or late; still open past or within the limit on ``as_of``."""
    open_marks = ", ".join("?" * len(OPEN_STATUSES))
    row = register.row(
        "SELECT "
        "COALESCE(SUM(status = ? AND answered_on <= due_on), 0), "
        "COALESCE(SUM(status = ? AND answered_on > due_on), 0), "
        f"COALESCE(SUM(status IN ({open_marks}) AND due_on < ?), 0), "
        f"COALESCE(SUM(status IN ({open_marks}) AND due_on >= ?), 0), "
        "COALESCE(SUM(status = ? AND answered_on IS NULL), 0) "
        f"FROM complaints WHERE {COUNTED}",
        (
            DONE,
            DONE,
            *OPEN_STATUSES,
            as_of.isoformat(),
            *OPEN_STATUSES,
            as_of.isoformat(),
            DONE,
            *period.params,
        ),
    )
    return _with_shares(
        _tally(
            (key, label, count)
            for (key, label), count in zip(TIMELINESS, row, strict=True)
            if count or key != deadlines.DONE_UNDATED
        )
    )


def answer_days(register: Register, period: Period) -> AnswerDays:
    """The median and the longest time to answer. SQLite counts the complaints
    answered after each number of days; the median is read off those few
    counts, without sorting every complaint."""
    return days_of(answer_day_counts(register, period))


def answer_day_counts(register: Register, period: Period) -> list[tuple[int, int]]:
    """(days to answer, complaints answered after so many days), by days."""
    return [
        tuple(row)
        for row in register.rows(
            "SELECT CAST(julianday(answered_on) - julianday(received_on) AS INTEGER) "
            f"AS days, COUNT(*) FROM complaints WHERE {COUNTED} AND status = ? "
            "AND answered_on IS NOT NULL GROUP BY days ORDER BY days",
            (*period.params, DONE),
        )
    ]


def days_of(counts: Sequence[tuple[int, int]]) -> AnswerDays:
    """The median and the longest of (days, count) pairs sorted by days: one
    register's, or several registers' added together."""
    answered = sum(count for _, count in counts)
    if not answered:
        return AnswerDays(answered=0, median=None, longest=None)
    middle = (_nth(counts, (answered - 1) // 2) + _nth(counts, answered // 2)) / 2
    return AnswerDays(answered=answered, median=middle, longest=counts[-1][0])


def _nth(counts, index: int) -> int:
    """The ``index``-th smallest value (from 0) of a sorted (value, count) list."""
    for value, count in counts:
        if index < count:
            return value
        index -= count
    raise IndexError(index)


def topics(
    register: Register, period: Period, limit: int = 10, include_personal=False
) -> list[Topic]:
    """The most frequent summaries. A confidential complaint's summary is never
    listed; names and contacts only when asked for, and never theirs."""
    rows = register.rows(
        "SELECT summary, COUNT(*) AS n FROM complaints "
        f"WHERE {COUNTED} AND confidential = 0 "
        "GROUP BY summary ORDER BY n DESC, summary LIMIT ?",
        (*period.params, limit),
    )
    if not include_personal:
        return [Topic(summary, count) for summary, count in rows]
    people = _complainants(register, period, [summary for summary, _ in rows])
    return [Topic(summary, count, people.get(summary, ())) for summary, count in rows]


def _complainants(
    register: Register, period: Period, summaries: list[str], per_topic: int = 3
) -> dict[str, tuple[str, ...]]:
    """A few named, non-confidential complainants of each summary."""
    if not summaries:
        return {}
    marks = ", ".join("?" * len(summaries))
    rows = register.rows(
        "SELECT summary, name, contact FROM (SELECT summary, name, contact, "
        "ROW_NUMBER() OVER (PARTITION BY summary ORDER BY received_on, id) AS k "
        f"FROM complaints WHERE {COUNTED} AND confidential = 0 "
        f"AND name IS NOT NULL AND summary IN ({marks})) WHERE k <= ? "
        "ORDER BY summary, k",
        (*period.params, *summaries, per_topic),
    )
    found: dict[str, tuple[str, ...]] = {}
    for summary, name, contact in rows:
        person = f"{name} ({contact})" if contact else name
        found[summary] = (*found.get(summary, ()), person)
    return found


def _counts(register: Register, column: str, period: Period) -> dict[str, int]:
    """Counts grouped by ``column``, a column name or expression of this module."""
    return dict(
        register.rows(
            f"SELECT {column} AS key, COUNT(*) FROM complaints WHERE {COUNTED} "
            "GROUP BY key",
            period.params,
        )
    )


def _tally(lines) -> Tally:
    built = tuple(Line(key, label, count) for key, label, count in lines)
    return Tally(built, sum(line.count for line in built))


def _with_shares(tally: Tally) -> Tally:
    percents = shares([line.count for line in tally.lines])
    lines = tuple(
        Line(line.key, line.label, line.count, percent)
        for line, percent in zip(tally.lines, percents, strict=True)
    )
    return Tally(lines, tally.total)
