"""What an export reads: the code lists, and the complaints with their whole
history in two ordered queries read side by side, so that a large register
streams without a query per complaint and without holding it all in memory."""

from collections.abc import Iterator

from monev_cli.models import Complaint
from monev_cli.register import catalog, identity
from monev_cli.register.complaints import event_from_row, from_row
from monev_cli.register.connection import Register
from monev_cli.register.listing import Filter, where_clause


def code_lists(register: Register) -> dict[str, list[dict]]:
    """The channels and types, in report order, with all an export carries:
    labels, a channel's contact detail, a type's classification, the days
    each was added and retired."""
    return {
        "channels": [
            dict(row)
            for row in register.rows(
                "SELECT code, label, detail, added_on, retired_on FROM channels "
                "ORDER BY position, code"
            )
        ],
        "types": [
            dict(row)
            for row in register.rows(
                "SELECT code, label, classification, added_on, retired_on FROM types "
                "ORDER BY position, code"
            )
        ],
    }


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


def head(register: Register, selection: Filter) -> dict:
    """What a JSON export says about where it came from: the register's
    identity, schema and profile, its response limits, and the selection
    made, so that a consolidation knows whose complaints it holds and which."""
    return {
        "register_id": identity.register_id(register),
        "schema": len(identity.applied(register)),
        "profile": catalog.profile(register),
        "settings": [
            {"key": key, "effective_from": since, "value": value}
            for key, since, value in identity.settings_rows(register)
        ],
        "selection": {
            "status": selection.status,
            "year": selection.year,
            "from": selection.date_from and selection.date_from.isoformat(),
            "to": selection.date_to and selection.date_to.isoformat(),
            "channel": selection.channel,
            "type": selection.type,
            "unit": selection.unit,
            "include_void": selection.include_void,
        },
    }
