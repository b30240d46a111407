"""Reading the files people bring: CSV as Excel writes it (``;`` or ``,``, a
BOM, Windows-1252), XLSX, and monev's own JSON. No register, no clock."""

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from monev_cli.errors import InputError, NotFoundError
from monev_cli.i18n import _
from monev_cli.paths import read_regular

FORMATS = ("csv", "xlsx", "json")
_SEPARATORS = (";", ",", "\t")
_SNIFF_LINES = 20

# (row number as the spreadsheet shows it, the row's cells)
Rows = list[tuple[int, Sequence]]


def file_format(path: Path, given: str | None) -> str:
    if given:
        fmt = given.strip().lower()
    else:
        fmt = path.suffix.lower().lstrip(".")
        fmt = {"txt": "csv", "tsv": "csv", "xlsm": "xlsx"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise InputError(
            _(
                "Cannot tell how to read {path}: give --format (one of: {choices})."
            ).format(path=path, choices=", ".join(FORMATS))
        )
    return fmt


def read_rows(path: Path, fmt: str, sheet: str | None = None) -> Rows:
    """Every non-empty row of a CSV file or a workbook's sheet."""
    if fmt == "xlsx":
        return _xlsx_rows(path, sheet)
    return _csv_rows(path)


def read_json(path: Path) -> tuple[list, dict]:
    """The complaints of a monev JSON export (or a bare list of them), and
    the export itself (empty for a bare list)."""
    text = _text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            _("{path} is not valid JSON (line {line}): {reason}.").format(
                path=path, line=error.lineno, reason=error.msg
            )
        ) from None
    except RecursionError:
        raise InputError(
            _("{path} is not a monev export: it is nested too deeply.").format(
                path=path
            )
        ) from None
    except ValueError:  # json's one other refusal: a number too long to convert
        raise InputError(
            _(
                "{path} is not a monev export: it holds a number too long to read."
            ).format(path=path)
        ) from None
    items = data.get("complaints") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InputError(
            _(
                "{path} is not a monev export: expected a list of complaints, "
                'or an object with "complaints".'
            ).format(path=path)
        )
    return items, data if isinstance(data, dict) else {}


def _csv_rows(path: Path) -> Rows:
    text = _text(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text))
    try:
        return [
            (number, cells)
            for number, cells in enumerate(reader, start=1)
            if "".join(cells).strip()
        ]
    except csv.Error as error:  # e.g. a cell longer than csv's limit
        raise InputError(
            _("{path} could not be read as CSV (row {row}): {reason}.").format(
                path=path, row=reader.line_num, reason=error
            )
        ) from None


def _text(path: Path) -> str:
    """The file as text: UTF-8 (with or without Excel's BOM), else the
    Windows-1252 that Excel's plain "CSV" uses."""
    data = _bytes(path)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(
        _("{path} is not text in UTF-8: save it again as 'CSV UTF-8'.").format(
            path=path
        )
    )


def _bytes(path: Path) -> bytes:
    try:
        return read_regular(path)
    except FileNotFoundError:
        raise NotFoundError(_("There is no file {path}.").format(path=path)) from None
    except OSError as error:
        raise InputError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=error.strerror)
        ) from None


def _separator(text: str) -> str:
    """The separator Excel used: its locale decides (';' in Indonesia)."""
    head = "\n".join(text.splitlines()[:_SNIFF_LINES])
    return max(_SEPARATORS, key=head.count)


def _xlsx_rows(path: Path, sheet: str | None) -> Rows:
    from openpyxl import load_workbook

    data = _bytes(path)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise InputError(
            _("{path} could not be read as an Excel workbook ({reason}).").format(
                path=path, reason=error
            )
        ) from None
    try:
        return _sheet_rows(_sheet(workbook, sheet, path), path)
    finally:
        workbook.close()


def _sheet_rows(worksheet, path: Path) -> Rows:
    rows: Rows = []
    number = 0
    try:
        for number, cells in enumerate(worksheet.iter_rows(values_only=True), 1):
            if any(cell not in (None, "") for cell in cells):
                rows.append((number, cells))
    except Exception as error:  # openpyxl raises many kinds for a broken cell
        raise InputError(
            _(
                "{path} has a cell that cannot be read on row {row} ({reason}): "
                "open the workbook in a spreadsheet and save it again."
            ).format(path=path, row=number + 1, reason=error)
        ) from None
    return rows


def _sheet(workbook, name: str | None, path: Path):
    if name is None:
        return workbook.worksheets[0]
    if name not in workbook.sheetnames:
        raise NotFoundError(
            _("{path} has no sheet '{name}'. Its sheets are: {sheets}.").format(
                path=path, name=name, sheets=", ".join(workbook.sheetnames)
            )
        )
    return workbook[name]
