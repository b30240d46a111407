"""Finding complaints by status, period, code, unit or text."""

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from monev_cli.dates import check_period, check_year
from monev_cli.i18n import _
from monev_cli.models import STATUSES, Complaint
from monev_cli.register import catalog
from monev_cli.register.complaints import check_status, from_row
from monev_cli.register.connection import Register
from monev_cli.texts import clean_text


class Filter(NamedTuple):
    status: str | None = None
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    channel: str | None = None
    type: str | None = None
    unit: str | None = None
    search: str | None = None
    include_void: bool = False


def where_clause(register: Register, selection: Filter) -> tuple[str, list]:
    """SQL conditions and parameters; codes are checked against the lists."""
    clauses: list[str] = []
    params: list = []
    if not selection.include_void:
        clauses.append("voided = 0")
    if selection.status is not None:  # an empty value is refused
        clauses.append("status = ?")
        params.append(check_status(selection.status, STATUSES))
    if selection.year is not None:
        year = check_year(selection.year)
        clauses.append("received_on BETWEEN ? AND ?")
        params += [f"{year:04d}-01-01", f"{year:04d}-12-31"]
    check_period(selection.date_from, selection.date_to)
    if selection.date_from:
        clauses.append("received_on >= ?")
        params.append(selection.date_from.isoformat())
    if selection.date_to:
        clauses.append("received_on <= ?")
        params.append(selection.date_to.isoformat())
    if selection.channel is not None:
        clauses.append("channel = ?")
        params.append(
            catalog.resolve_code(register, "channels", selection.channel).code
        )
    if selection.type is not None:
        clauses.append("type = ?")
        params.append(catalog.resolve_code(register, "types", selection.type).code)
    if selection.unit is not None:
        clauses.append("unit = ? COLLATE NOCASE")
        params.append(clean_text(selection.unit, _("unit"), required=True))
    if selection.search:
        columns = ("summary", "tracking_no", "external_ref", "unit")
        clauses.append(
            "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")"
        )
        params += [_contains(clean_text(selection.search, _("search text")))] * 4
    return " AND ".join(clauses) or "1", params


def _contains(text: str | None) -> str:
    """A LIKE pattern matching ``text`` literally, % and _ included."""
    escaped = (text or "").replace("\\", "\\\\").replace("%", "\\%")
    return "%" + escaped.replace("_", "\\_") + "%"


def complaints(register: Register, selection: Filter) -> Iterator[Complaint]:
    """Stream the matching complaints, oldest first; the selection is checked
    now, before anything is written out."""
    where, params = where_clause(register, selection)
    cursor = register.conn.execute(
        f"SELECT * FROM complaints WHERE {where} ORDER BY received_on, id", params
    )
    return (from_row(row) for row in cursor)
