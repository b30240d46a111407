"""Finding complaints by status, period, code, unit or text."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from monev_cli.models import STATUSES, Complaint
from monev_cli.register import catalog
from monev_cli.register.complaints import check_status, from_row
from monev_cli.register.connection import Register


@dataclass(frozen=True)
class Filter:
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
    if selection.status:
        clauses.append("status = ?")
        params.append(check_status(selection.status, STATUSES))
    if selection.year:
        clauses.append("received_on BETWEEN ? AND ?")
        params += [f"{selection.year:04d}-01-01", f"{selection.year:04d}-12-31"]
    if selection.date_from:
        clauses.append("received_on >= ?")
        params.append(selection.date_from.isoformat())
    if selection.date_to:
        clauses.append("received_on <= ?")
        params.append(selection.date_to.isoformat())
    if selection.channel:
        clauses.append("channel = ?")
        params.append(
            catalog.resolve_code(register, "channels", selection.channel).code
        )
    if selection.type:
        clauses.append("type = ?")
        params.append(catalog.resolve_code(register, "types", selection.type).code)
    if selection.unit:
        clauses.append("unit = ? COLLATE NOCASE")
        params.append(selection.unit.strip())
    if selection.search:
        clauses.append(
            "(summary LIKE ? OR tracking_no LIKE ? OR external_ref LIKE ? "
            "OR unit LIKE ?)"
        )
        params += [f"%{selection.search.strip()}%"] * 4
    return " AND ".join(clauses) or "1", params


def complaints(register: Register, selection: Filter) -> Iterator[Complaint]:
    """Stream the matching complaints, oldest first."""
    where, params = where_clause(register, selection)
    cursor = register.conn.execute(
        f"SELECT * FROM complaints WHERE {where} ORDER BY received_on, id", params
    )
    for row in cursor:
        yield from_row(row)
