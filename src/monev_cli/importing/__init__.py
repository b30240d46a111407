"""Importing complaints from a file: every row is read and checked before
anything is written; one bad row and nothing is written, and every rejected
row is named with its reason. Rows already in the register are skipped.

``files`` reads CSV, XLSX and JSON; ``columns`` finds the fields in the
headers (``fields`` declares which headers name each); ``labels`` knows the
words sheets use for channels and types; ``rows`` and ``history`` check the
values, each as ``fields.Checks`` does; ``register.bulk`` stores.
"""

from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import NamedTuple

from monev_cli.errors import InputError
from monev_cli.i18n import _, ngettext
from monev_cli.importing import columns, files
from monev_cli.importing.codes import codes_brought, lists_after
from monev_cli.importing.history import json_complaints
from monev_cli.importing.rows import Checker, Rejection
from monev_cli.register import Register, bulk, codes
from monev_cli.register.complaints import Stamp

HEADER_SEARCH_ROWS = 10

# (phase, done, total): for a progress bar
Progress = Callable[[str, int, int], None]


class Options(NamedTuple):
    fmt: str | None = None
    sheet: str | None = None
    mapping: Sequence[str] = ()
    dry_run: bool = False
    undated_answers: bool = False


class Result(NamedTuple):
    """What an import read (its rows, the columns found) and what it did."""

    total: int
    # (header as written, field) of the columns read, and headers left aside
    columns: tuple[tuple[str, str], ...] = ()
    unknown: tuple[str, ...] = ()
    added: int = 0
    skipped: int = 0
    dry_run: bool = False
    # the channels and types the file brought, by list
    codes_added: dict[str, list[str]] | None = None


class RejectedRows(InputError):
    """Rows that cannot be imported; ``lines`` names each with its reason."""

    def __init__(self, rejected: list[Rejection], total: int, unit: str) -> None:
        if unit == "row":
            message = ngettext(
                "Rejected {count} of {total} row (listed above): nothing was "
                "imported. Correct them and import again.",
                "Rejected {count} of {total} rows (listed above): nothing was "
                "imported. Correct them and import again.",
                total,
            )
        else:
            message = _(
                "Rejected {count} of {total} complaints (listed above): nothing was "
                "imported. Correct them and import again."
            )
        super().__init__(
            message.format(count=len({r.where for r in rejected}), total=total)
        )
        self.rejected = sorted(rejected, key=lambda rejection: rejection.where)
        self.lines = rejection_lines(self.rejected, unit)


def import_file(
    register: Register,
    path: Path,
    stamp: Stamp,
    options: Options = Options(),
    progress: Progress | None = None,
) -> Result:
    """Read, check and store the complaints of ``path``: all or none."""
    fmt = files.file_format(path, options.fmt)
    items, document = files.read_json(path) if fmt == "json" else ([], {})
    brought = codes_brought(register, document, path.name)
    checker = Checker(
        channels=lists_after(register, brought, "channels"),
        types=lists_after(register, brought, "types"),
        as_of=stamp.as_of,
        officer=stamp.officer,
        logged_at=stamp.logged_at,
        source=path.name,
        undated_answers=options.undated_answers,
    )
    checking = _phase(progress, _("Checking"))
    if fmt == "json":
        result, checked = _read_json(checker, items, checking)
    else:
        result, checked = _read_sheet(checker, path, fmt, options, checking)
    incoming = [outcome for outcome in checked if not isinstance(outcome, list)]
    rejected = [
        reason for outcome in checked if isinstance(outcome, list) for reason in outcome
    ]
    unit = "complaint" if fmt == "json" else "row"
    with nullcontext() if options.dry_run else register.write():
        plan = bulk.plan(register, incoming)
        rejected += [
            Rejection(where=where, column=None, message=why)
            for where, why in plan.conflicts
        ]
        if rejected:
            raise RejectedRows(rejected, result.total, unit)
        if not options.dry_run:
            _take_in(register, brought, stamp, path)
            bulk.store(register, plan.new, _phase(progress, _("Writing")))
    return result._replace(
        added=len(plan.new),
        skipped=plan.skipped,
        dry_run=options.dry_run,
        codes_added={
            table: [arrival.code.code for arrival in found if arrival.old is None]
            for table, found in brought.items()
        },
    )


def _take_in(register: Register, brought: dict, stamp: Stamp, path: Path) -> None:
    note = _("Imported from {source}.").format(source=path.name)
    for table, found in brought.items():
        if found:
            codes.take_in(register, table, found, stamp, note)


def _read_json(checker: Checker, items: list, progress):
    return Result(total=len(items)), json_complaints(checker, items, progress)


def _read_sheet(checker: Checker, path: Path, fmt: str, options: Options, progress):
    mapping = columns.parse_mapping(options.mapping)
    rows = files.read_rows(path, fmt, options.sheet)
    at = _header_index(rows, mapping, path)
    found = columns.locate(rows[at][1], mapping)
    layout = checker.layout(
        (name, index, header) for name, (index, header) in found.fields.items()
    )
    body = rows[at + 1 :]
    result = Result(total=len(body), columns=found.describe(), unknown=found.unknown)
    return result, checker.check(body, layout, progress)


def _header_index(rows: files.Rows, mapping: dict[str, str], path: Path) -> int:
    """The header row: the first that names columns, below any title rows."""
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if columns.looks_like_header(cells, mapping):
            return index
    raise InputError(
        _(
            "Found no header row in {path}: its first row should name the columns "
            "(e.g. Tanggal, Saluran, Jenis Pengaduan, Uraian), or use --map "
            "HEADER=field."
        ).format(path=path)
    )


def _phase(progress: Progress | None, phase: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(phase, done, total)


def rejection_lines(rejected: Sequence[Rejection], unit: str = "row") -> list[str]:
    """One line per reason, naming every row it applies to: a column of bad
    dates is a few lines, not thousands."""
    groups: dict[tuple[str | None, str], list[int]] = {}
    for rejection in rejected:
        key = (rejection.column, rejection.message)
        groups.setdefault(key, []).append(rejection.where)
    lines = []
    for (column, message), wheres in groups.items():
        where = _where(wheres, unit)
        lines.append(
            f"{where} ({column}): {message}" if column else f"{where}: {message}"
        )
    return lines


def _where(numbers: list[int], unit: str) -> str:
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    text = ", ".join(
        str(first) if first == last else f"{first}-{last}" for first, last in runs
    )
    if unit == "row":
        return ngettext("row {numbers}", "rows {numbers}", len(numbers)).format(
            numbers=text
        )
    return ngettext("complaint {numbers}", "complaints {numbers}", len(numbers)).format(
        numbers=text
    )
