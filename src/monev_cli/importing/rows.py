"""Turning rows of cells into checked complaints, each cell checked as the
desk checks what it is typed (``fields.Checks``); then each row becomes a
complaint, with the history a desk would have made."""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from monev_cli import fields
from monev_cli.dates import check_event_on, check_in_range, parse_date
from monev_cli.errors import InputError
from monev_cli.fields import TRACKING_NUMBER
from monev_cli.files import FORMULA_STARTS
from monev_cli.i18n import _
from monev_cli.importing.labels import CHANNEL_ALIASES, TYPE_ALIASES, Codes
from monev_cli.models import (
    DONE,
    EVENT_RECORDED,
    EVENT_STATUS,
    EVENT_VOID,
    Code,
    Incoming,
)
from monev_cli.register.catalog import check_usable

PROGRESS_STEP = 5_000
_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?$")


class Rejection(NamedTuple):
    where: int
    column: str | None
    message: str


class Column(NamedTuple):
    name: str
    index: int
    header: str
    read: Callable


@dataclass
class Checker:
    """Checks rows against one register's codes, as of one day."""

    channels: Sequence[Code]
    types: Sequence[Code]
    as_of: date
    officer: str
    logged_at: str
    source: str
    # a row done whose answer date was never recorded is taken without one
    undated_answers: bool = False
    # rows whose history corrects the received date: their tracking number
    # keeps the year it was given in
    redated: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        lists = {
            "channels": Codes(self.channels, CHANNEL_ALIASES, _("channel"), "channels"),
            "types": Codes(self.types, TYPE_ALIASES, _("type"), "types"),
        }
        checks = fields.Checks(self.as_of, lambda table, text: lists[table](text))
        self._classification = {code.code: code.classification for code in self.types}
        self._retired = {
            (table, code.code): code
            for table, codes in (("channels", self.channels), ("types", self.types))
            for code in codes
            if code.retired_on
        }
        # the note of each row's first entry, written around its row number
        note = _("Imported from {source}, row {row}.")
        self._note_head, _row, self._note_tail = note.format(
            source=self.source, row="\0"
        ).partition("\0")
        self.readers: dict[str, Callable] = {
            field.name: _reader(field, checks.reader(field.name))
            for field in fields.FIELDS
        }

    def layout(self, found: Iterable[tuple[str, int, str]]) -> list[Column]:
        """How to read each (field, column index, header)."""
        return [
            Column(name, index, header, self.readers[name])
            for name, index, header in found
        ]

    def check(
        self,
        rows: Sequence[tuple[int, Sequence]],
        columns: Sequence[Column],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Incoming | list[Rejection]]:
        """Each row as a complaint, or the reasons it cannot be one."""
        checked: list[Incoming | list[Rejection]] = []
        for done, (where, cells) in enumerate(rows, start=1):
            checked.append(self._row(where, cells, columns))
            if progress and (done % PROGRESS_STEP == 0 or done == len(rows)):
                progress(done, len(rows))
        return checked

    def _row(
        self, where: int, cells: Sequence, columns: Sequence[Column]
    ) -> Incoming | list[Rejection]:
        values = dict.fromkeys(self.readers)
        rejected = []
        for column in columns:
            cell = cells[column.index] if column.index < len(cells) else None
            try:
                values[column.name] = column.read(cell)
            except InputError as error:
                rejected.append(
                    Rejection(where=where, column=column.header, message=error.message)
                )
        if rejected:
            return rejected
        try:
            return self.complaint(where, values)
        except InputError as error:
            return [Rejection(where=where, column=None, message=error.message)]

    def complaint(self, where: int, values: dict) -> Incoming:
        """The complaint a row's checked values describe (by field name), with
        its history."""
        received_on, answered_on = values["received_on"], values["answered_on"]
        if self._retired:
            self._check_usable(received_on, values["channel"], values["type"])
        status = values["status"] or (DONE if answered_on else "diterima")
        if answered_on or status == DONE:
            _check_answer_date(
                status, received_on, answered_on, self.as_of, self.undated_answers
            )
        voided, void_reason = _void(values["voided"], values["void_reason"])
        tracking_no = values["tracking_no"]
        if tracking_no and where not in self.redated:
            _check_number_year(tracking_no, received_on)
        if values["due_on"]:
            _check_due(received_on, values["due_on"])
        answer = values.pop("answer")
        values.update(
            status=status,
            classification=values["classification"]
            or self._classification[values["type"]],
            confidential=bool(values["confidential"]),
            voided=voided,
            void_reason=void_reason,
        )
        events = self._history(where, values, answer)
        return Incoming(where=where, values=values, events=events)

    def _history(
        self, where: int, values: dict, answer: str | None
    ) -> tuple[tuple, ...]:
        """The entries a desk would have made: recorded, then the row's status."""
        logged_at, officer = self.logged_at, self.officer
        received = values["received_on"].isoformat()
        note = f"{self._note_head}{where}{self._note_tail}"
        events = [(EVENT_RECORDED, "diterima", received, logged_at, officer, note)]
        if values["status"] != "diterima":
            answered_on = values["answered_on"]
            when = answered_on.isoformat() if answered_on else received
            events.append(
                (EVENT_STATUS, values["status"], when, logged_at, officer, answer)
            )
        if values["voided"]:
            when = events[-1][2]
            events.append(
                (EVENT_VOID, None, when, logged_at, officer, values["void_reason"])
            )
        return tuple(events)

    def _check_usable(self, received_on: date, channel: str, complaint_type: str):
        """A retired code is kept for the complaints received before it was."""
        for table, code in (("channels", channel), ("types", complaint_type)):
            if (table, code) in self._retired:
                check_usable(self._retired[table, code], table, received_on)


def _reader(field: fields.Field, check: Callable) -> Callable:
    """A cell in, the field's checked value (or None when empty) out: the
    cell as the field's type, then the field's check."""
    if field.type is date:
        return lambda value: check(cell_date(value))
    if field.type is bool:
        return lambda value: check(
            value if isinstance(value, bool) else cell_text(value)
        )
    return lambda value: check(cell_text(value) or None)


def cell_date(value) -> date | None:
    """A cell as a date: a spreadsheet's own date, or a date typed as text (a
    time of day after it is left aside)."""
    if isinstance(value, datetime):
        return check_in_range(value.date())
    if isinstance(value, date):
        return check_in_range(value)
    text = cell_text(value)
    return parse_date(_TIME_OF_DAY.sub("", text)) if text else None


def cell_text(value) -> str | None:
    """A cell as text; undoes the quote that monev's CSV export puts before a
    cell a spreadsheet would otherwise run as a formula."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value
    elif isinstance(value, datetime):
        text = (
            value.date().isoformat()
            if value.time() == datetime.min.time()
            else str(value)
        )
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def _check_answer_date(
    status: str,
    received_on: date,
    answered_on: date | None,
    as_of: date,
    undated_answers: bool = False,
) -> None:
    if status == DONE and answered_on is None and not undated_answers:
        raise InputError(
            _(
                "The status is 'selesai' but the date answered is empty: add it "
                "(a column such as 'Tanggal Selesai'), or, if the register never "
                "recorded it, import with --undated-answers."
            )
        )
    if status != DONE and answered_on is not None:
        raise InputError(
            _(
                "It has a date answered ({date}) but its status is '{status}': "
                "make the status Selesai or clear the date."
            ).format(date=answered_on.isoformat(), status=status)
        )
    if answered_on is not None:
        check_event_on(answered_on, received_on, as_of)


def _check_number_year(tracking_no: str, received_on: date) -> None:
    """A tracking number is of the year its complaint was received."""
    year = int(TRACKING_NUMBER.match(tracking_no).group(2))
    if year != received_on.year:
        raise InputError(
            _(
                "The tracking number {number} is of {year}, but the complaint "
                "was received on {received}: a number's year is the year the "
                "complaint was received."
            ).format(number=tracking_no, year=year, received=received_on.isoformat())
        )


def _check_due(received_on: date, due_on: date | None) -> None:
    if due_on is not None and due_on < received_on:
        raise InputError(
            _("The due date {due} is before the received date {received}.").format(
                due=due_on.isoformat(), received=received_on.isoformat()
            )
        )


def _void(voided: bool | None, reason: str | None) -> tuple[bool, str | None]:
    voided = bool(voided) or reason is not None
    if not voided:
        return False, None
    if not reason:
        raise InputError(_("It is voided but the void reason is empty: add it."))
    return voided, reason
