"""A complaint's fields, declared once: what each is called and holds, the
spreadsheet headers that name it, how a value of it is checked, whether it
is stored in the complaints table, exported, or personal data. The import's
readers, the bulk insert's columns, the export's columns and the rule on
personal data are all derived from ``FIELDS``. Pure: no I/O.

Adding a field: a migration adding its column, one ``Field`` here, and the
templates where it should appear (see the README's developer section).
"""

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from monev_cli.dates import check_in_range, check_received_on
from monev_cli.errors import InputError
from monev_cli.i18n import N_, _
from monev_cli.texts import SHORT_MAX, SUMMARY_MAX, clean_text, one_of

CLASSIFICATIONS = ("informatif", "penyimpangan")

# How a field's value is checked: the name of a method of ``Checks``.
TEXT = "text"
RECEIVED = "received_on"
DATE = "date"
CODE = "code"
CLASSIFICATION = "classification"
STATUS = "status"
YES_NO = "yes_no"
TRACKING_NO = "tracking_no"


class Field(NamedTuple):
    name: str
    type: type  # of its checked value: str, date or bool
    check: str  # one of the kinds above
    label: str  # how a message names it (marked for translation)
    # the headers that mean it in a sheet (normalised: lowercase words); its
    # own name (tracking_no -> "tracking no") is always recognised too
    headers: tuple[str, ...] = ()
    required: bool = False  # every complaint has it; an import needs its column
    long: bool = False  # a text of many lines, up to SUMMARY_MAX characters
    code_list: str | None = None  # the list a code comes from
    stored: bool = True  # a column of the complaints table (else: its history)
    exported: bool = True
    personal: bool = False  # the complainant's identity: withheld unless asked
    void: bool = False  # about voiding: exported only with the voided entries
    # `monev correct` may change it (its title in SHOWN names the correction)
    correctable: bool = False


FIELDS = (
    Field("tracking_no", str, TRACKING_NO, N_("tracking number"), (
        "nomor registrasi", "no registrasi", "nomor pengaduan", "no pengaduan",
        "nomor tiket", "no tiket", "nomor agenda", "tracking number",
    )),
    Field("received_on", date, RECEIVED, N_("received date"), (
        "tanggal", "tgl", "tanggal diterima", "tanggal pengaduan", "tgl pengaduan",
        "tanggal masuk", "tanggal laporan", "received", "date", "date received",
    ), required=True, correctable=True),
    Field("channel", str, CODE, N_("channel"), (
        "saluran", "media", "saluran pengaduan", "media pengaduan", "saluran media",
        "saluran media pengaduan", "sumber", "source",
    ), required=True, code_list="channels", correctable=True),
    Field("type", str, CODE, N_("type"), (
        "jenis", "jenis pengaduan", "kategori", "kategori pengaduan",
        "complaint type", "category",
    ), required=True, code_list="types", correctable=True),
    Field("classification", str, CLASSIFICATION, N_("classification"), (
        "klasifikasi", "klasifikasi pengaduan",
    ), correctable=True),
    Field("summary", str, TEXT, N_("summary"), (
        "uraian", "uraian pengaduan", "isi pengaduan", "isi", "pengaduan",
        "perihal", "pokok pengaduan", "description", "subject",
    ), required=True, long=True, correctable=True),
    Field("name", str, TEXT, N_("name"), (
        "nama", "nama pengadu", "nama pelapor", "complainant",
    ), personal=True, correctable=True),
    Field("contact", str, TEXT, N_("contact"), (
        "kontak", "kontak pengadu", "no hp", "nomor hp", "no telepon", "telepon",
        "telp", "email", "e mail", "phone",
    ), personal=True, correctable=True),
    Field("confidential", bool, YES_NO, N_("confidential"), (
        "rahasia", "kerahasiaan", "identitas dirahasiakan",
    )),
    Field("unit", str, TEXT, N_("unit"), (
        "unit kerja", "bidang", "unit pengolah", "penanggung jawab",
    ), correctable=True),
    Field("external_ref", str, TEXT, N_("external reference"), (
        "nomor lapor", "no lapor", "id lapor", "nomor tiket lapor", "referensi",
        "referensi eksternal", "external reference", "reference",
    ), correctable=True),
    Field("status", str, STATUS, N_("status"), (
        "status penanganan", "status tindak lanjut", "status penanganan pengaduan",
    )),
    Field("due_on", date, DATE, N_("due date"), (
        "batas waktu", "tenggat", "jatuh tempo", "due", "due date",
    )),
    Field("answered_on", date, DATE, N_("date answered"), (
        "tanggal selesai", "tgl selesai", "tanggal jawaban", "tanggal tindak lanjut",
        "answered", "date answered", "closed on",
    )),
    # the note of the last move to 'selesai', kept in the history
    Field("answer", str, TEXT, N_("answer"), (
        "tindak lanjut", "jawaban", "hasil tindak lanjut", "tanggapan", "response",
    ), long=True, stored=False),
    Field("voided", bool, YES_NO, N_("voided"), (
        "batal", "dibatalkan", "void",
    ), void=True),
    Field("void_reason", str, TEXT, N_("void reason"), (
        "alasan batal", "alasan pembatalan",
    ), long=True, void=True),
)  # fmt: skip

BY_NAME = {field.name: field for field in FIELDS}
NAMES = tuple(BY_NAME)
REQUIRED = tuple(field.name for field in FIELDS if field.required)
PERSONAL = tuple(field.name for field in FIELDS if field.personal)
STORED = tuple(field for field in FIELDS if field.stored)
DATES = tuple(field.name for field in STORED if field.type is date)
EXPORTED = tuple(field.name for field in FIELDS if field.exported)
VOID = tuple(field.name for field in FIELDS if field.void)

# The fields `monev show` lists, in its order (not the export's), with the
# title it gives each; a correction of a field is named by its title, and
# `correct` takes them in this order. The classification is shown beside
# the type.
SHOWN = {
    "received_on": N_("Received"),
    "channel": N_("Channel"),
    "type": N_("Type"),
    "classification": N_("Classification"),
    "status": N_("Status"),
    "due_on": N_("Due"),
    "unit": N_("Unit"),
    "name": N_("Name"),
    "contact": N_("Contact"),
    "external_ref": N_("External ref"),
    "summary": N_("Summary"),
}
CORRECTABLE = tuple(name for name in SHOWN if BY_NAME[name].correctable)

# The words sheets use for a status and for yes or no (normalised).
STATUS_ALIASES = {
    "diterima": "diterima", "baru": "diterima", "masuk": "diterima",
    "received": "diterima", "new": "diterima",
    "proses": "proses", "diproses": "proses", "dalam proses": "proses",
    "sedang diproses": "proses", "ditindaklanjuti": "proses",
    "in process": "proses", "in progress": "proses",
    "selesai": "selesai", "sudah selesai": "selesai", "tuntas": "selesai",
    "done": "selesai", "closed": "selesai", "answered": "selesai",
}  # fmt: skip
YES = frozenset(("ya", "y", "yes", "1", "true", "x", "v", "rahasia"))
NO = frozenset(("tidak", "t", "no", "n", "0", "false", "", "-"))
TRACKING_NUMBER = re.compile(r"^([A-Z0-9]{1,10})-(\d{4})-(\d{1,9})$")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """A header or label as lowercase words: 'Saluran/Media' -> 'saluran media'."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def check_classification(text: str) -> str:
    return one_of(
        text, CLASSIFICATIONS, _("Unknown classification '{value}'. Valid: {choices}.")
    )


class Checks:
    """How a value of each field is accepted, typed at the desk or read from
    a file alike: the one place. ``code(list, text)`` is the code a channel
    or type is known by in the caller's lists."""

    def __init__(self, as_of: date, code: Callable[[str, str | None], str]) -> None:
        self.as_of = as_of
        self.code_of = code

    def __call__(self, name: str, value):
        field = BY_NAME[name]
        return getattr(self, field.check)(field, value)

    def reader(self, name: str) -> Callable:
        """The check of one field, as a function of its value."""
        field = BY_NAME[name]
        check = getattr(self, field.check)
        return lambda value: check(field, value)

    def text(self, field: Field, value: str | None) -> str | None:
        return clean_text(
            value,
            _(field.label),
            required=field.required,
            max_length=SUMMARY_MAX if field.long else SHORT_MAX,
            multiline=field.long,
        )

    def received_on(self, _field: Field, value: date | None) -> date:
        if value is None:
            raise InputError(_("The received date is empty: type it in."))
        return check_received_on(check_in_range(value), self.as_of)

    def date(self, _field: Field, value: date | None) -> date | None:
        return None if value is None else check_in_range(value)

    def code(self, field: Field, value: str | None) -> str:
        return self.code_of(field.code_list, value)

    def classification(self, _field: Field, value: str | None) -> str | None:
        return None if value is None else check_classification(value)

    def status(self, _field: Field, value: str | None) -> str | None:
        if not value:
            return None
        status = STATUS_ALIASES.get(normalise(value))
        if status is None:
            raise InputError(
                _("'{text}' is not a status: use Diterima, Proses or Selesai.").format(
                    text=value
                )
            )
        return status

    def yes_no(self, _field: Field, value: str | bool | None) -> bool:
        if isinstance(value, bool):
            return value
        text = (value or "").strip().lower()
        if text in YES:
            return True
        if text in NO:
            return False
        raise InputError(
            _("'{text}' is not yes or no: use ya or tidak.").format(text=text)
        )

    def tracking_no(self, _field: Field, value: str | None) -> str | None:
        text = (value or "").strip().upper()
        if not text:
            return None
        match = TRACKING_NUMBER.match(text)
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


def loaded_value(field: Field, stored):
    """A value of the complaints table as the field's type."""
    if field.type is bool:
        return bool(stored)
    if field.type is date:
        return date.fromisoformat(stored) if stored else None
    return stored


def stored_value(field: Field, value):
    """A checked value as the complaints table holds it."""
    if value is None:
        return None
    if field.type is bool:
        return int(value)
    if field.type is date:
        return value.isoformat()
    return value
