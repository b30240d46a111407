"""The report's tables as counted and worded: each a ``Tally`` of lines
(key, label, count, share). ``register.recaps`` counts in SQL; the labels the
report prints (timeliness, months, a missing unit) are worded here, in the
report's Bahasa Indonesia.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from monev_cli import deadlines
from monev_cli.indonesian import month_year
from monev_cli.models import STATUS_LABELS
from monev_cli.period import Period
from monev_cli.register import Register, recaps

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


class Line(NamedTuple):
    key: str
    label: str
    count: int
    percent: float | None = None


class Tally(NamedTuple):
    lines: tuple[Line, ...]
    total: int

    def to_dict(self) -> dict:
        return {"lines": [line._asdict() for line in self.lines], "total": self.total}


class AnswerDays(NamedTuple):
    """Calendar days from receipt to answer, over the complaints answered."""

    answered: int
    median: float | None
    longest: int | None


class Topic(NamedTuple):
    summary: str
    count: int
    complainants: tuple[str, ...] = ()


def of_register(register: Register, period: Period, as_of: date) -> dict[str, Tally]:
    """The counts of the report's tables: those of an agency's own report,
    and of its row in a consolidation. ``register`` and ``period`` are as
    they stood at the end of ``as_of`` (inside ``asof.state``)."""
    return {
        "channel": by_channel(register, period),
        "type": by_type(register, period),
        "status": by_status(register, period),
        "timeliness": timeliness(register, period, as_of),
        "month": by_month(register, period),
        "unit": by_unit(register, period),
    }


def by_channel(register: Register, period: Period) -> Tally:
    return tally(recaps.code_counts(register, "channels", "channel", period))


def by_type(register: Register, period: Period) -> Tally:
    return tally(recaps.code_counts(register, "types", "type", period))


def by_status(register: Register, period: Period) -> Tally:
    counts = recaps.counts(register, "status", period)
    return with_shares(
        tally((s, STATUS_LABELS[s], counts.get(s, 0)) for s in REPORT_STATUSES)
    )


def by_month(register: Register, period: Period) -> Tally:
    """Every month of the period, zeros included."""
    counts = recaps.counts(register, recaps.MONTH, period)
    keys = [f"{year:04d}-{month:02d}" for year, month in period.months()]
    return tally(
        (key, month_year(date.fromisoformat(f"{key}-01")), counts.get(key, 0))
        for key in keys
    )


def by_unit(register: Register, period: Period) -> Tally:
    """Units as typed (case aside), the most complaints first."""
    return tally(
        (unit or "", unit or NO_UNIT, count)
        for unit, count in recaps.unit_counts(register, period)
    )


def timeliness(register: Register, period: Period, as_of: date) -> Tally:
    """Answered on time or late; still open past or within the limit on ``as_of``."""
    counts = recaps.timeliness_counts(register, period, as_of)
    return with_shares(
        tally(
            (key, label, counts[key])
            for key, label in TIMELINESS
            if counts[key] or key != deadlines.DONE_UNDATED
        )
    )


def answer_days(register: Register, period: Period) -> AnswerDays:
    """The median and the longest time to answer."""
    return days_of(recaps.answer_day_counts(register, period))


def topics(
    register: Register, period: Period, limit: int = 10, include_personal=False
) -> list[Topic]:
    """The most frequent summaries (never a confidential complaint's); names
    and contacts only when asked for, and never a confidential one's."""
    rows = recaps.topic_counts(register, period, limit)
    if not include_personal:
        return [Topic(summary, count) for summary, count in rows]
    people = recaps.complainants(register, period, [summary for summary, _ in rows])
    return [Topic(summary, count, people.get(summary, ())) for summary, count in rows]


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


def days_of(counts: Sequence[tuple[int, int]]) -> AnswerDays:
    """The median and the longest of (days, count) pairs sorted by days: one
    register's, or several registers' added together. The median is read
    off those few counts, without sorting every complaint."""
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


def tally(lines: Iterable[tuple[str, str, int]]) -> Tally:
    built = tuple(Line(key, label, count) for key, label, count in lines)
    return Tally(built, sum(line.count for line in built))


def with_shares(found: Tally) -> Tally:
    percents = shares([line.count for line in found.lines])
    lines = tuple(
        Line(line.key, line.label, line.count, percent)
        for line, percent in zip(found.lines, percents, strict=True)
    )
    return Tally(lines, found.total)
