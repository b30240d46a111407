"""Writing complaints out: CSV and XLSX for spreadsheets, monev's own JSON
(with history, to be imported into another register), and Open311 GeoReport
v2 service requests for civic-tech tools. No SQL here: the complaints come
from ``register.exports``.

Names and contacts are written only when asked for (``include_personal``).
"""

import json
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from monev_cli import fields
from monev_cli.errors import InputError
from monev_cli.files import write_csv
from monev_cli.i18n import _
from monev_cli.models import (
    DONE,
    EVENT_CORRECTION,
    EVENT_RECORDED,
    OPEN_STATUSES,
    Complaint,
)
from monev_cli.texts import one_of

FORMATS = ("csv", "json", "xlsx", "open311")
JSON_FORMAT = {"format": "monev", "version": 1}

COLUMNS = fields.EXPORTED
_UTC_OFFSET = re.compile(r"^(Z|[+-](0\d|1[0-4]):[0-5]\d)$")


class Options(NamedTuple):
    include_personal: bool = False
    include_void: bool = False
    # for Open311: the agency's time zone, and its name and service labels
    utc_offset: str = "+07:00"
    agency: str = ""
    type_labels: dict[str, str] | None = None
    # for monev JSON: the register's channels and types, with their life
    code_lists: dict[str, list[dict]] | None = None
    # for monev JSON: where the complaints come from (``exports.head``)
    head: dict | None = None


def columns(options: Options) -> tuple[str, ...]:
    left_out = (() if options.include_personal else fields.PERSONAL) + (
        () if options.include_void else fields.VOID
    )
    return tuple(name for name in COLUMNS if name not in left_out)


def check_format(fmt: str) -> str:
    return one_of(fmt, FORMATS, _("Unknown format '{fmt}'. Valid: {choices}."), "fmt")


def write(fmt: str, out, complaints: Iterable[Complaint], options: Options) -> int:
    """Write ``complaints`` to ``out`` (binary for xlsx, else text); the count."""
    counted = _Counter(complaints)
    writers = {
        "csv": _write_csv,
        "xlsx": _write_xlsx,
        "json": _write_json,
        "open311": _write_open311,
    }
    writers[check_format(fmt)](out, counted, options)
    return counted.count


class _Counter:
    def __init__(self, items: Iterable[Complaint]) -> None:
        self.items = items
        self.count = 0

    def __iter__(self) -> Iterator[Complaint]:
        for item in self.items:
            self.count += 1
            yield item


def answer(complaint: Complaint) -> str | None:
    """The answer given: the note of the last move to 'selesai', while done."""
    if complaint.status != DONE:
        return None
    for event in reversed(complaint.events):
        if event.status == DONE:
            return event.note
    return None


def _cells(complaint: Complaint, header: tuple[str, ...]) -> list:
    """The columns' values; a yes or no as 1 or 0, as the register stores it."""
    values = complaint._asdict() | {"answer": answer(complaint)}
    return [_cell(values[name]) for name in header]


def _cell(value):
    return int(value) if isinstance(value, bool) else value


def _write_csv(out, complaints: Iterable[Complaint], options: Options) -> None:
    header = columns(options)
    write_csv(header, (_cells(complaint, header) for complaint in complaints), out)


def _write_xlsx(out, complaints: Iterable[Complaint], options: Options) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    header = columns(options)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Complaints"))
    sheet.append(header)

    def cell(value):
        # openpyxl would store text beginning with '=' as a formula
        if isinstance(value, str) and value.startswith("="):
            text = WriteOnlyCell(sheet, value)
            text.data_type = "s"
            return text
        return value

    for complaint in complaints:
        sheet.append([cell(value) for value in _cells(complaint, header)])
    workbook.save(out)


def _write_json(out, complaints: Iterable[Complaint], options: Options) -> None:
    """monev's own format: where the complaints come from (the register's
    identity, schema, profile, limits and the selection made), the register's
    channels and types, then one complaint a line, history included; nothing
    that depends on the clock."""
    head = json.dumps(JSON_FORMAT | (options.head or {}), ensure_ascii=False)[:-1]
    out.write(head)
    for name, codes in (options.code_lists or {}).items():
        items = ",\n".join(json.dumps(code, ensure_ascii=False) for code in codes)
        out.write(f',\n"{name}": [\n{items}\n]')
    out.write(',\n"complaints": [')
    separator = "\n"
    for complaint in complaints:
        if not options.include_personal:
            complaint = complaint.without_personal()
        data = complaint.to_dict()
        if not options.include_personal:
            for name in fields.PERSONAL:
                del data[name]
        out.write(separator + json.dumps(data, ensure_ascii=False))
        separator = ",\n"
    out.write("\n]}\n")


def check_utc_offset(text: str) -> str:
    if not _UTC_OFFSET.match(text):
        raise InputError(
            _(
                "'{text}' is not a UTC offset: give it as +07:00 (WIB), +08:00 "
                "(WITA) or +09:00 (WIT)."
            ).format(text=text)
        )
    return text


def _write_open311(out, complaints: Iterable[Complaint], options: Options) -> None:
    """GeoReport v2 service requests (the answer to GET requests.json)."""
    out.write("[")
    separator = "\n"
    for complaint in complaints:
        request = open311_request(complaint, options)
        out.write(separator + json.dumps(request, ensure_ascii=False))
        separator = ",\n"
    out.write("\n]\n" if separator != "\n" else "]\n")


def open311_request(complaint: Complaint, options: Options) -> dict:
    """A complaint as a service request. The register holds dates, not times:
    a day is given from its start, and the due date up to its last second."""
    offset = check_utc_offset(options.utc_offset)
    closed = complaint.voided or complaint.status not in OPEN_STATUSES
    last = complaint.events[-1].event_on if complaint.events else complaint.received_on
    labels = options.type_labels or {}
    return {
        "service_request_id": complaint.tracking_no,
        "status": "closed" if closed else "open",
        "status_notes": _status_notes(complaint),
        "service_name": labels.get(complaint.type, complaint.type),
        "service_code": complaint.type,
        "description": complaint.summary,
        "agency_responsible": complaint.unit or options.agency or None,
        "service_notice": None,
        "requested_datetime": f"{complaint.received_on.isoformat()}T00:00:00{offset}",
        "updated_datetime": f"{last.isoformat()}T00:00:00{offset}",
        "expected_datetime": f"{complaint.due_on.isoformat()}T23:59:59{offset}",
        "address": None,
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }


def _status_notes(complaint: Complaint) -> str | None:
    """The latest word on the complaint: the answer, a follow-up, the reason
    it was voided (the notes on its recording and on a correction are about
    the register)."""
    for event in reversed(complaint.events):
        if event.kind not in (EVENT_RECORDED, EVENT_CORRECTION) and event.note:
            return event.note
    return None
