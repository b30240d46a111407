"""The rows of the report's appendix (Lampiran): every complaint of the period.

Only what the public may read: never a name or a contact, and a confidential
complaint's summary is withheld as it is from the topics table.
"""

from collections.abc import Iterator
from typing import NamedTuple

from monev_cli.models import DONE
from monev_cli.period import Period
from monev_cli.register.connection import Register


class Entry(NamedTuple):
    tracking_no: str
    received_on: str
    channel: str  # the channel's label
    type: str  # the type's label
    summary: str | None  # None when the complaint is confidential
    status: str
    answered_on: str | None
    days: int | None  # calendar days from receipt to answer


def entries(register: Register, period: Period, limit: int) -> Iterator[Entry]:
    """The period's first ``limit`` complaints, in the order they were received."""
    cursor = register.conn.execute(
        "SELECT c.tracking_no, c.received_on, ch.label, t.label, "
        "CASE WHEN c.confidential THEN NULL ELSE c.summary END, c.status, "
        "CASE WHEN c.status = :done THEN c.answered_on END, "
        "CASE WHEN c.status = :done THEN CAST(julianday(c.answered_on) - "
        "julianday(c.received_on) AS INTEGER) END FROM complaints AS c "
        "JOIN channels AS ch ON ch.code = c.channel "
        "JOIN types AS t ON t.code = c.type "
        "WHERE voided = 0 AND received_on BETWEEN :start AND :end "
        "ORDER BY c.received_on, c.id LIMIT :limit",
        {
            "done": DONE,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "limit": limit,
        },
    )
    for row in cursor:
        yield Entry(*row)
