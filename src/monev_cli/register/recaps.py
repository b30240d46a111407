"""The counts behind the recap and the report, each one SQL aggregation.

Every query selects the period through the ``received_on`` index and never
counts a voided complaint. Counts come back as plain data, keyed by code;
``monev_cli.tallies`` lays them out and words them for the report.
"""

from datetime import date

from monev_cli import deadlines
from monev_cli.fields import PERSONAL
from monev_cli.models import DONE, OPEN_STATUSES
from monev_cli.period import Period
from monev_cli.register import catalog, codes
from monev_cli.register.connection import Register

COUNTED = "voided = 0 AND received_on BETWEEN ? AND ?"
MONTH = "substr(received_on, 1, 7)"  # YYYY-MM, a key of ``counts``
# A complainant's identity: the personal fields as declared, the name first.
IDENTITY = ", ".join(PERSONAL)


def code_counts(
    register: Register, table: str, column: str, period: Period
) -> list[tuple[str, str, int]]:
    """(code, label, count) in list order, zeros included, of the codes open
    during the period (added by its end, not retired by its start) and any
    other the period's complaints used."""
    found = counts(register, column, period)
    spans = codes.retired_spans(register, table)
    return [
        (code.code, code.label, found.get(code.code, 0))
        for code in catalog.codes(register, table)
        if code.code in found
        or code.open_during(period.start, period.end, spans.get(code.code, ()))
    ]


def counts(register: Register, column: str, period: Period) -> dict[str, int]:
    """Counts grouped by ``column``: a column name, or MONTH."""
    return dict(
        register.rows(
            f"SELECT {column} AS key, COUNT(*) FROM complaints WHERE {COUNTED} "
            "GROUP BY key",
            period.params,
        )
    )


def unit_counts(register: Register, period: Period) -> list[tuple[str | None, int]]:
    """(unit as first typed, count) for units the same but for case, the
    most complaints first; None: no unit."""
    return [
        tuple(row)
        for row in register.rows(
            f"SELECT MIN(unit), COUNT(*) AS n FROM complaints WHERE {COUNTED} "
            "GROUP BY unit COLLATE NOCASE ORDER BY n DESC, MIN(unit) COLLATE NOCASE",
            period.params,
        )
    ]


def timeliness_counts(register: Register, period: Period, as_of: date) -> dict:
    """Complaints by ``deadlines`` key: answered on time or late; still open
    past or within the limit on ``as_of``; done with no answer date."""
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
    keys = (
        deadlines.ANSWERED_ON_TIME,
        deadlines.ANSWERED_LATE,
        deadlines.OPEN_LATE,
        deadlines.OPEN_ON_TIME,
        deadlines.DONE_UNDATED,
    )
    return dict(zip(keys, row, strict=True))


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


def topic_counts(
    register: Register, period: Period, limit: int
) -> list[tuple[str, int]]:
    """(summary, count) of the most frequent summaries. A confidential
    complaint's summary is never counted."""
    return [
        tuple(row)
        for row in register.rows(
            "SELECT summary, COUNT(*) AS n FROM complaints "
            f"WHERE {COUNTED} AND confidential = 0 "
            "GROUP BY summary ORDER BY n DESC, summary LIMIT ?",
            (*period.params, limit),
        )
    ]


def complainants(
    register: Register, period: Period, summaries: list[str], per_topic: int = 3
) -> dict[str, tuple[str, ...]]:
    """A few named, non-confidential complainants of each summary, each as
    'name (contact)': the personal fields, the rest after the name."""
    if not summaries:
        return {}
    marks = ", ".join("?" * len(summaries))
    rows = register.rows(
        f"SELECT summary, {IDENTITY} FROM (SELECT summary, {IDENTITY}, "
        "ROW_NUMBER() OVER (PARTITION BY summary ORDER BY received_on, id) AS k "
        f"FROM complaints WHERE {COUNTED} AND confidential = 0 "
        f"AND {PERSONAL[0]} IS NOT NULL AND summary IN ({marks})) WHERE k <= ? "
        "ORDER BY summary, k",
        (*period.params, *summaries, per_topic),
    )
    found: dict[str, tuple[str, ...]] = {}
    for summary, name, *details in rows:
        given = ", ".join(detail for detail in details if detail)
        person = f"{name} ({given})" if given else name
        found[summary] = (*found.get(summary, ()), person)
    return found
