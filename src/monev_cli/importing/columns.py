"""Which column of a spreadsheet holds which field of a complaint.

Headers are recognised as agencies write them, in Indonesian or English
("Tanggal", "Saluran", "Jenis Pengaduan", "Uraian"), in any case and
punctuation; ``--map HEADER=field`` names the rest. Pure functions.
"""

from collections.abc import Sequence
from typing import NamedTuple

from monev_cli import fields
from monev_cli.errors import InputError
from monev_cli.fields import normalise
from monev_cli.i18n import _

IGNORE = "ignore"

# field -> the headers that mean it, from the fields' declaration
HEADERS = {field.name: field.headers for field in fields.FIELDS}
FIELDS = fields.NAMES
REQUIRED = fields.REQUIRED
# Columns a sheet has that are no complaint's field: the running number.
IGNORED_HEADERS = ("no", "nomor", "no urut", "nomor urut")

_KNOWN = {
    **{normalise(header): IGNORE for header in IGNORED_HEADERS},
    **{alias: field for field, aliases in HEADERS.items() for alias in aliases},
    **{normalise(field): field for field in FIELDS},
}


class Columns(NamedTuple):
    """Where each field is: field -> (column index, header as written)."""

    fields: dict[str, tuple[int, str]]
    unknown: tuple[str, ...]

    def describe(self) -> tuple[tuple[str, str], ...]:
        return tuple((header, field) for field, (_index, header) in self.fields.items())


def parse_mapping(items: Sequence[str]) -> dict[str, str]:
    """``--map`` options (``HEADER=field``) as normalised header -> field."""
    mapping = {}
    for item in items:
        header, sep, field = item.partition("=")
        field = field.strip().lower()
        if not sep or not header.strip():
            raise InputError(
                _('Give --map as HEADER=field (e.g. --map "Tgl Masuk=received_on").')
            )
        if field not in (*FIELDS, IGNORE):
            raise InputError(
                _("Unknown field '{field}' in --map. Valid fields: {choices}.").format(
                    field=field, choices=", ".join((*FIELDS, IGNORE))
                )
            )
        mapping[normalise(header)] = field
    return mapping


def field_of(header: str, mapping: dict[str, str]) -> str | None:
    key = normalise(header)
    return mapping.get(key) or _KNOWN.get(key)


def looks_like_header(cells: Sequence, mapping: dict[str, str]) -> bool:
    """A sheet's header row names at least two fields; rows above it (a title,
    the agency's name) do not."""
    named = {field_of(str(cell), mapping) for cell in cells if cell not in (None, "")}
    return len(named - {None, IGNORE}) >= 2


def locate(headers: Sequence, mapping: dict[str, str]) -> Columns:
    """The columns of a header row; every required field must be there."""
    _check_mapped_headers_exist(headers, mapping)
    fields: dict[str, tuple[int, str]] = {}
    unknown = []
    for index, cell in enumerate(headers):
        header = "" if cell is None else str(cell).strip()
        if not header:
            continue
        field = field_of(header, mapping)
        if field is None:
            unknown.append(header)
        elif field != IGNORE:
            if field in fields:
                raise _twice(field, fields[field][1], header)
            fields[field] = (index, header)
    _check_required(fields, headers)
    return Columns(fields=fields, unknown=tuple(unknown))


def _check_mapped_headers_exist(headers: Sequence, mapping: dict[str, str]) -> None:
    present = {normalise(str(cell)) for cell in headers if cell is not None}
    for header in mapping:
        if header not in present:
            raise InputError(
                _(
                    "--map names a column '{header}' that the file does not have. "
                    "Its columns are: {columns}."
                ).format(header=header, columns=_listed(headers))
            )


def _twice(field: str, first: str, second: str) -> InputError:
    return InputError(
        _(
            "The columns '{first}' and '{second}' both look like {field}: say "
            'which to use, e.g. --map "{second}=ignore".'
        ).format(first=first, second=second, field=field)
    )


def _check_required(fields: dict, headers: Sequence) -> None:
    missing = [field for field in REQUIRED if field not in fields]
    if missing:
        raise InputError(
            _(
                "No column for {fields}. The file's columns are: {columns}. "
                'Name them with --map HEADER=field (e.g. --map "Tgl=received_on").'
            ).format(fields=", ".join(missing), columns=_listed(headers))
        )


def _listed(headers: Sequence) -> str:
    return ", ".join(f"'{cell}'" for cell in headers if cell not in (None, ""))
