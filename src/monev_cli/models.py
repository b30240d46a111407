"""The register's vocabulary as plain data: codes, labels and records. No I/O.

Records that every command loads are named tuples, not dataclasses: making a
frozen dataclass runs generated code worth a millisecond or two at start-up,
ten times what a named tuple costs, and a desk command loads about ten.
"""

from datetime import date
from typing import NamedTuple

from monev_cli.fields import DATES, PERSONAL
from monev_cli.i18n import N_

STATUS_LABELS = {"diterima": "Diterima", "proses": "Proses", "selesai": "Selesai"}
STATUSES = tuple(STATUS_LABELS)
OPEN_STATUSES = ("diterima", "proses")
DONE = "selesai"


# (code, label in reports); the order is the order of the report's Tabel 1.
DEFAULT_CHANNELS = (
    ("website", "Website"),
    ("langsung", "Pengaduan disampaikan langsung"),
    ("facebook", "Facebook"),
    ("telepon", "Telepon/Call Center"),
    ("instagram", "Instagram"),
    ("lapor", "LAPOR! SP4N"),
    ("kotak", "Kotak Pengaduan"),
    ("email", "Email"),
    ("youtube", "YouTube"),
    ("surat", "Surat"),
)

# (code, label in reports, default classification); the order of Tabel 2.
DEFAULT_TYPES = (
    ("disiplin", "Pelanggaran disiplin", "penyimpangan"),
    ("wewenang", "Penyalahgunaan wewenang", "penyimpangan"),
    ("standar", "Standar layanan", "informatif"),
    ("informasi", "Informasi/saran", "informatif"),
    ("layanan", "Pengaduan layanan", "informatif"),
    ("lainnya", "Lainnya", "informatif"),
)

# key -> what it holds; everything a report's cover and signature need, and
# the language of the command line. Marked for the catalog, shown with _().
PROFILE_KEYS = {
    "government": N_(
        "the government the agency belongs to, e.g. PEMERINTAH KABUPATEN KARANGASEM"
    ),
    "agency": N_("full name of the agency"),
    "agency_short": N_("short name used in running text"),
    "region": N_("region, e.g. Kabupaten Karangasem"),
    "city": N_("where the report is signed"),
    "address": N_("office address"),
    "phone": N_("complaint telephone / call centre"),
    "email": N_("agency e-mail address"),
    "website": N_("agency website"),
    "head_name": N_("name of the head of the agency"),
    "head_title": N_("position of the head, as in the signature block"),
    "head_rank": N_("rank of the head, e.g. Pembina Utama Muda (IV/c)"),
    "head_nip": N_("civil-service number (NIP) of the head"),
    "prefix": N_("tracking-number prefix"),
    "lang": N_("language of the command line's messages, e.g. id"),
}
DEFAULT_PREFIX = "ADU"

EVENT_RECORDED = "dicatat"
EVENT_STATUS = "status"
EVENT_NOTE = "catatan"
EVENT_VOID = "batal"
EVENT_RESTORE = "pulih"  # a voided complaint brought back
EVENT_CORRECTION = "koreksi"  # one recorded field changed: field, old, new value


class Stamp(NamedTuple):
    """Who makes a change, and when: passed in, never read from a clock here."""

    officer: str
    logged_at: str
    as_of: date


class Code(NamedTuple):
    """A channel or a complaint type, with its life: the day it was added and
    the day it was retired (ISO dates; none for "from the start", "open")."""

    code: str
    label: str
    classification: str | None = None
    added_on: str | None = None
    retired_on: str | None = None

    def open_during(self, start: date, end: date, spans=()) -> bool:
        """Whether it could be used on some day from ``start`` to ``end``:
        added by then, and not retired all along; ``spans``: the (first day,
        day back) of each time it was retired and brought back."""
        day = max(start.isoformat(), self.added_on or "")
        retired = (
            (*spans, (self.retired_on, "9999-12-31")) if self.retired_on else spans
        )
        for first, back in sorted(retired):
            if first <= day < back:
                day = back
        return day <= end.isoformat()


class Event(NamedTuple):
    """One entry of a complaint's history; history is append-only."""

    kind: str
    event_on: date
    logged_at: str
    officer: str
    status: str | None = None
    note: str | None = None
    # a correction's field, with its value before and after
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None

    def to_dict(self) -> dict:
        data = self._asdict()
        data["event_on"] = self.event_on.isoformat()
        if self.field is None:
            for key in ("field", "old_value", "new_value"):
                del data[key]
        return data

    def without_personal(self) -> "Event":
        """The entry with a corrected name or contact withheld."""
        if self.field in PERSONAL:
            return self._replace(old_value=None, new_value=None)
        return self


class Incoming(NamedTuple):
    """A checked complaint from a file, waiting for its tracking number:
    ``importing`` makes it, ``register.bulk`` stores it."""

    where: int  # its row (or item) number in the file
    # every stored field's checked value, by name (``fields.STORED``)
    values: dict
    # (kind, status, event_on ISO, logged_at, officer, note), oldest first;
    # a correction's adds (field, old value, new value)
    events: tuple[tuple, ...]


class Plan(NamedTuple):
    """What an import does with the complaints of a file
    (``register.bulk.plan``)."""

    new: list[Incoming]
    skipped: int  # already in the register
    # (row number, reason) of complaints whose number clashes
    conflicts: list[tuple[int, str]]


class Complaint(NamedTuple):
    id: int
    tracking_no: str
    received_on: date
    channel: str
    type: str
    classification: str
    summary: str
    status: str
    due_on: date
    name: str | None = None
    contact: str | None = None
    confidential: bool = False
    unit: str | None = None
    external_ref: str | None = None
    answered_on: date | None = None
    voided: bool = False
    void_reason: str | None = None
    events: tuple[Event, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES and not self.voided

    def without_personal(self) -> "Complaint":
        """The same complaint with the complainant's identity withheld, in
        its history too."""
        return self._replace(
            **dict.fromkeys(PERSONAL),
            events=tuple(event.without_personal() for event in self.events),
        )

    def to_dict(self) -> dict:
        """The complaint as shown or exported; the row id is the register's
        own and never leaves it."""
        data = self._asdict()
        del data["id"]
        for key in DATES:
            value = getattr(self, key)
            data[key] = value.isoformat() if value else None
        data["events"] = [event.to_dict() for event in self.events]
        return data
