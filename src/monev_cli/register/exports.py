"""Complaints with their whole history, for an export: two ordered queries
read side by side, so that a large register streams without a query per
complaint and without holding it all in memory."""

from collections.abc import Iterator

from monev_cli.models import Complaint
from monev_cli.register.complaints import event_from_row, from_row
from monev_cli.register.connection import Register
from monev_cli.register.listing import Filter, where_clause


def with_history(register: Register, selection: Filter) -> Iterator[Complaint]:
    """The selected complaints, oldest first, each with its history. The
    selection is checked now, before anything is written out."""
    where, params = where_clause(register, selection)
    return _stream(register, where, params)


def _stream(register: Register, where: str, params: list) -> Iterator[Complaint]:
    complaints = register.conn.execute(
        f"SELECT * FROM complaints WHERE {where} ORDER BY received_on, id", params
    )
    events = register.conn.execute(
        "SELECT events.* FROM events JOIN (SELECT id, received_on FROM complaints "
        f"WHERE {where}) AS chosen ON chosen.id = events.complaint_id "
        "ORDER BY chosen.received_on, chosen.id, events.id",
        params,
    )
    pending = events.fetchone()
    for row in complaints:
        history = []
        while pending is not None and pending["complaint_id"] == row["id"]:
            history.append(event_from_row(pending))
            pending = events.fetchone()
        yield from_row(row, tuple(history))
