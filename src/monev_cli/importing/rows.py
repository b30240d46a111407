"""Turning rows of cells into checked complaints with the register's own
validators. A sheet is read column by column, each distinct cell once (a
date or a channel typed on a thousand rows is checked once), so that a
large file is checked quickly; then each row becomes a complaint."""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import repeat, zip_longest
from typing import NamedTuple

from monev_cli.dates import (
    check_event_on,
    check_in_range,
    check_received_on,
    parse_date,
)
from monev_cli.errors import InputError
from monev_cli.files import FORMULA_STARTS
from monev_cli.i18n import _
from monev_cli.importing.columns import normalise
from monev_cli.importing.labels import (
    CHANNEL_ALIASES,
    NO,
    STATUS_ALIASES,
    TYPE_ALIASES,
    YES,
    Codes,
)
from monev_cli.models import (
    DONE,
    EVENT_RECORDED,
    EVENT_STATUS,
    EVENT_VOID,
    Code,
)
from monev_cli.register.bulk import Incoming, IsoDays
from monev_cli.register.catalog import check_classification, check_usable
from monev_cli.texts import SHORT_MAX, SUMMARY_MAX, clean_text, clean_texts

PROGRESS_STEP = 5_000
TRACKING_NO = re.compile(r"^([A-Z0-9]{1,10})-(\d{4})-(\d{1,9})$")
_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?$")


@dataclass(frozen=True)
class Rejection:
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
        channel = Codes(self.channels, CHANNEL_ALIASES, _("channel"), "channels")
        complaint_type = Codes(self.types, TYPE_ALIASES, _("type"), "types")
        self._classification = {code.code: code.classification for code in self.types}
        self._retired = {
            (table, code.code): code
            for table, codes in (("channels", self.channels), ("types", self.types))
            for code in codes
            if code.retired_on
        }
        self._iso = IsoDays()
        # the note of each row's first entry, written around its row number
        note = _("Imported from {source}, row {row}.")
        self._note_head, _row, self._note_tail = note.format(
            source=self.source, row="\0"
        ).partition("\0")
        self.readers: dict[str, Callable] = {
            "tracking_no": self.tracking_no,
            "received_on": self.received_on,
            "channel": lambda value: channel(cell_text(value)),
            "type": lambda value: complaint_type(cell_text(value)),
            "classification": self.classification,
            "summary": Text(_("summary"), required=True, long=True),
            "name": Text(_("name")),
            "contact": Text(_("contact")),
            "confidential": self.yes_no,
            "unit": Text(_("unit")),
            "external_ref": Text(_("external reference")),
            "status": self.status,
            "due_on": self.date,
            "answered_on": self.date,
            "answer": Text(_("answer"), long=True),
            "voided": self.yes_no,
            "void_reason": Text(_("void reason"), long=True),
        }

    def layout(self, fields: Iterable[tuple[str, int, str]]) -> list[Column]:
        """How to read each (field, column index, header)."""
        return [
            Column(name, index, header, self.readers[name])
            for name, index, header in fields
        ]

    def check(
        self,
        rows: Sequence[tuple[int, Sequence]],
        columns: Sequence[Column],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Incoming | list[Rejection]]:
        """Each row as a complaint, or the reasons it cannot be one. A column
        is read as a whole, each distinct cell once: a date or a channel
        typed on a thousand rows is checked once."""
        rejected: dict[int, list[Rejection]] = {}  # by row number
        read: dict[str, Sequence] = {}
        table = _columns_of(rows)
        for column in columns:
            cells = (
                table[column.index]
                if column.index < len(table)
                else (None,) * len(rows)
            )
            values, bad = _read_each_once(column.read, cells)
            for position, cell in enumerate(cells) if bad else ():
                if cell in bad:
                    where = rows[position][0]
                    reason = Rejection(where, column.header, bad[cell])
                    rejected.setdefault(where, []).append(reason)
            read[column.name] = values
        # every field in the readers' order, None where the sheet has no column
        absent = (None,) * len(rows)
        fields = [read.get(name, absent) for name in self.readers]
        wheres = [where for where, _cells in rows]

        def outcome(where: int, *values) -> Incoming | list[Rejection]:
            if where in rejected:
                return rejected[where]
            try:
                return self.complaint(where, *values)
            except InputError as error:
                return [Rejection(where, None, error.message)]

        checked: list[Incoming | list[Rejection]] = []
        for start in range(0, len(rows), PROGRESS_STEP):
            end = min(start + PROGRESS_STEP, len(rows))
            part = (field[start:end] for field in fields)
            checked += map(outcome, wheres[start:end], *part)
            if progress:
                progress(end, len(rows))
        return checked

    def complaint(
        self, where: int, tracking_no, received_on, channel, complaint_type,
        classification, summary, name, contact, confidential, unit, external_ref,
        status, due_on, answered_on, answer, voided, void_reason,
    ) -> Incoming:  # fmt: skip
        """The complaint a row's values describe (one per reader, in their
        order), with its history."""
        if self._retired:
            self._check_usable(received_on, channel, complaint_type)
        status = status or (DONE if answered_on else "diterima")
        if answered_on or status == DONE:
            _check_answer_date(
                status, received_on, answered_on, self.as_of, self.undated_answers
            )
        voided, void_reason = _void(voided, void_reason)
        if tracking_no and where not in self.redated:
            _check_number_year(tracking_no, received_on)
        if due_on:
            _check_due(received_on, due_on)
        complaint = Incoming(
            where,
            received_on,
            channel,
            complaint_type,
            classification or self._classification[complaint_type],
            summary,
            status,
            [],
            tracking_no,
            name,
            contact,
            bool(confidential),
            unit,
            external_ref,
            due_on,
            answered_on,
            voided,
            void_reason,
        )
        complaint.events = self._history(complaint, answer)
        return complaint

    def _history(self, complaint: Incoming, answer: str | None) -> list[tuple]:
        """The entries a desk would have made: recorded, then the row's status."""
        logged_at, officer = self.logged_at, self.officer
        received = self._iso[complaint.received_on]
        note = f"{self._note_head}{complaint.where}{self._note_tail}"
        events = [(EVENT_RECORDED, "diterima", received, logged_at, officer, note)]
        if complaint.status != "diterima":
            when = (
                self._iso[complaint.answered_on] if complaint.answered_on else received
            )
            events.append(
                (EVENT_STATUS, complaint.status, when, logged_at, officer, answer)
            )
        if complaint.voided:
            when = events[-1][2]
            events.append(
                (EVENT_VOID, None, when, logged_at, officer, complaint.void_reason)
            )
        return events

    def _check_usable(self, received_on: date, channel: str, complaint_type: str):
        """A retired code is kept for the complaints received before it was."""
        for table, code in (("channels", channel), ("types", complaint_type)):
            if (table, code) in self._retired:
                check_usable(self._retired[table, code], table, received_on)

    # The readers: one cell in, a checked value (or None when empty) out.

    def received_on(self, value) -> date:
        received_on = self.date(value)
        if received_on is None:
            raise InputError(_("The received date is empty: type it in."))
        return check_received_on(received_on, self.as_of)

    def date(self, value) -> date | None:
        if isinstance(value, datetime):
            return check_in_range(value.date())
        if isinstance(value, date):
            return check_in_range(value)
        text = cell_text(value)
        return parse_date(_TIME_OF_DAY.sub("", text)) if text else None

    def classification(self, value) -> str | None:
        text = cell_text(value)
        return check_classification(text) if text else None

    def status(self, value) -> str | None:
        text = cell_text(value)
        if not text:
            return None
        status = STATUS_ALIASES.get(normalise(text))
        if status is None:
            raise InputError(
                _("'{text}' is not a status: use Diterima, Proses or Selesai.").format(
                    text=text
                )
            )
        return status

    def yes_no(self, value) -> bool:
        if isinstance(value, bool):
            return value
        text = (cell_text(value) or "").strip().lower()
        if text in YES:
            return True
        if text in NO:
            return False
        raise InputError(
            _("'{text}' is not yes or no: use ya or tidak.").format(text=text)
        )

    def tracking_no(self, value) -> str | None:
        text = (cell_text(value) or "").strip().upper()
        if not text:
            return None
        match = TRACKING_NO.match(text)
        if not match:
            raise InputError(
                _(
                    "'{text}' is not a tracking number like ADU-2023-0007: if it is "
                    "another system's number, map its column to external_ref."
                ).format(text=text)
            )
        # as monev writes it, so that the register holds one form: ADU-2023-0007
        prefix, year, seq = match.groups()
        return f"{prefix}-{year}-{int(seq):04d}"


class Text:
    """Reads a free-text cell as ``clean_text`` does; a whole column of them
    at once, when it can."""

    def __init__(self, label: str, required: bool = False, long: bool = False):
        self.label = label
        self.checks = {
            "required": required,
            "max_length": SUMMARY_MAX if long else SHORT_MAX,
            "multiline": long,
        }

    def __call__(self, value) -> str | None:
        return clean_text(cell_text(value), self.label, **self.checks)

    def at_once(self, cells: Sequence) -> list[str | None] | None:
        """Each cell's text, or None when a cell needs a closer look: one
        that is not plain text, would be refused, or was quoted against a
        spreadsheet formula (``cell_text``)."""
        texts = clean_texts(cells, **self.checks)
        if texts is None or _quoted(cells):
            return None
        return texts


def _quoted(texts: Sequence[str]) -> bool:
    """Whether a text starts with a quote; most columns hold none at all."""
    return "'" in "".join(texts) and any(map(str.startswith, texts, repeat("'")))


def _columns_of(rows: Sequence[tuple[int, Sequence]]) -> list[tuple]:
    """The rows turned into columns; a short row has nothing in the columns
    it lacks."""
    return list(zip_longest(*(cells for _where, cells in rows)))


def _read_each_once(read: Callable, cells: Sequence) -> tuple[list, dict]:
    """The column's values, and the reason each bad cell was refused."""
    distinct = set(cells)
    try:
        # most columns hold no bad cell: read them all in one pass
        return _read_all(read, cells, distinct), {}
    except InputError:
        pass
    values, bad = {}, {}
    for cell in distinct:
        try:
            values[cell] = read(cell)
        except InputError as error:
            bad[cell] = error.message
    return list(map(values.get, cells)), bad


def _read_all(read: Callable, cells: Sequence, distinct: set) -> list:
    """Every cell's value, each distinct cell read once. A column of texts
    mostly distinct (summaries) is read whole, in its order, when it can be:
    going through a set visits the cells in a scattered order, which costs
    more than reading a few twice."""
    at_once = getattr(read, "at_once", None)
    if at_once and len(distinct) * 2 > len(cells):
        found = at_once(cells)
        if found is not None:
            return found
        at_once = None  # its distinct cells would be refused too
    keys = list(distinct)
    found = at_once(keys) if at_once else None
    if found is None:
        found = list(map(read, keys))
    values = dict(zip(keys, found, strict=True))
    return list(map(values.__getitem__, cells))


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
    year = int(TRACKING_NO.match(tracking_no).group(2))
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
