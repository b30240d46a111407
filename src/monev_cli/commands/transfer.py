"""Moving complaints in and out: ``monev import`` and ``monev export``.

The modules doing the work are imported by the commands that use them, so
that the desk's commands do not pay for loading them at every start.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from monev_cli import files
from monev_cli.commands import output, selection
from monev_cli.commands.common import AsOf, JsonFlag, today
from monev_cli.commands.lazy import help_of
from monev_cli.errors import InputError
from monev_cli.i18n import _, ngettext
from monev_cli.register import catalog

if TYPE_CHECKING:
    from monev_cli import importing

# Below this many rows an import is over before a bar would be drawn.
LARGE_FILE = 5_000


def import_complaints(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help=_("A CSV or XLSX sheet, or a monev JSON export."))
    ],
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help=_('Read column HEADER as FIELD: --map "Tgl Masuk=received_on".'),
            metavar="HEADER=FIELD",
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help=_("Check every row and report; write nothing.")),
    ] = False,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help=_("csv, xlsx or json (default: the file's).")),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option(help=_("The workbook's sheet (default: the first)."))
    ] = None,
    undated_answers: Annotated[
        bool,
        typer.Option(
            "--undated-answers",
            help=_("Take rows done whose date answered was never recorded."),
        ),
    ] = False,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    from monev_cli import importing

    session = ctx.obj
    register = session.open()
    options = importing.Options(
        fmt=fmt,
        sheet=sheet,
        mapping=tuple(mapping or ()),
        dry_run=dry_run,
        undated_answers=undated_answers,
    )
    with _progress_bar() as progress:
        try:
            result = importing.import_file(
                register, file, session.stamp(today(as_of)), options, progress
            )
        except importing.RejectedRows as error:
            _show_rejected(error, as_json)
            raise
    if as_json:
        output.print_json(_result_data(file, result))
        return
    _note_left_aside(result.unknown)
    if dry_run:
        for header, field in result.columns:
            typer.echo(f"  {header} -> {field}")
    typer.echo(_summary(file, result))
    _say_codes_added(result)


def _summary(file: Path, result: importing.Result) -> str:
    if result.dry_run:
        text = _(
            "Dry run: would add {added} of {total} complaints from {file} and skip "
            "{skipped} already in the register; nothing was written."
        )
    else:
        text = _(
            "Added {added} of {total} complaints from {file}; skipped {skipped} "
            "already in the register."
        )
    return text.format(
        added=result.added, total=result.total, file=file.name, skipped=result.skipped
    )


def _say_codes_added(result: importing.Result) -> None:
    if result.dry_run:
        return
    texts = {
        "channels": _("Added the file's channels that were missing: {codes}."),
        "types": _("Added the file's types that were missing: {codes}."),
    }
    for table, found in result.codes_added.items():
        if found:
            typer.echo(texts[table].format(codes=", ".join(found)))


def _result_data(file: Path, result: importing.Result) -> dict:
    return {
        "file": str(file),
        "total": result.total,
        "added": result.added,
        "skipped": result.skipped,
        "dry_run": result.dry_run,
        "columns": dict(result.columns),
        "left_aside": list(result.unknown),
        "codes_added": result.codes_added,
    }


def _show_rejected(error: importing.RejectedRows, as_json: bool) -> None:
    if as_json:
        output.print_json(
            {
                "rejected": [
                    {"row": r.where, "column": r.column, "reason": r.message}
                    for r in error.rejected
                ]
            }
        )
        return
    for line in error.lines:
        sys.stderr.write(line + "\n")


def _note_left_aside(headers: tuple[str, ...]) -> None:
    if headers:
        sys.stderr.write(
            _(
                "Note: columns left aside: {columns} (read one with --map "
                "HEADER=field)."
            ).format(columns=", ".join(f"'{header}'" for header in headers))
            + "\n"
        )


@contextmanager
def _progress_bar() -> Iterator:
    """A Rich bar on stderr for a large file, on a terminal only."""
    bar = None
    tasks: dict[str, int] = {}

    def show(phase: str, done: int, total: int) -> None:
        nonlocal bar
        if total < LARGE_FILE or not sys.stderr.isatty():
            return
        if bar is None:
            from rich.console import Console
            from rich.progress import Progress

            bar = Progress(console=Console(stderr=True), transient=True)
            bar.start()
        if phase not in tasks:
            tasks[phase] = bar.add_task(phase, total=total)
        bar.update(tasks[phase], completed=done)

    try:
        yield show
    finally:
        if bar is not None:
            bar.stop()


def export(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Option("--format", help=_("csv, json, xlsx or open311."))
    ] = "csv",
    destination: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=_("Write to this file (default: stdout).")),
    ] = None,
    status: selection.Status = None,
    year: selection.Year = None,
    date_from: selection.DateFrom = None,
    date_to: selection.DateTo = None,
    channel: selection.Channel = None,
    complaint_type: selection.Type = None,
    unit: selection.Unit = None,
    include_void: Annotated[
        bool, typer.Option("--include-void", help=_("Also export voided entries."))
    ] = False,
    include_personal: Annotated[
        bool,
        typer.Option(
            "--include-personal", help=_("Also export names and contacts (all).")
        ),
    ] = False,
    utc_offset: Annotated[
        str,
        typer.Option(help=_("Open311: the agency's time zone, e.g. +08:00 (WITA).")),
    ] = "+07:00",
) -> None:
    from monev_cli import exporting
    from monev_cli.register import exports

    fmt = exporting.check_format(fmt)
    exporting.check_utc_offset(utc_offset)
    register = ctx.obj.open()
    chosen = selection.filter_from(
        status, year, date_from, date_to, channel, complaint_type, unit,
        include_void=include_void,
    )  # fmt: skip
    options = exporting.Options(
        include_personal=include_personal,
        include_void=include_void,
        utc_offset=utc_offset,
        agency=catalog.profile(register)["agency"],
        type_labels={
            code.code: code.label for code in catalog.codes(register, "types")
        },
        code_lists=exports.code_lists(register) if fmt == "json" else None,
        head=exports.head(register, chosen) if fmt == "json" else None,
    )
    complaints = exports.with_history(register, chosen)
    with _destination(destination, fmt == "xlsx", ctx.obj.db_path) as out:
        count = exporting.write(fmt, out, complaints, options)
    ctx.obj.wrote_file = destination is not None
    if destination is not None and str(destination) != "-":
        text = ngettext(
            "Exported {count} complaint to {file}.",
            "Exported {count} complaints to {file}.",
            count,
        )
        typer.echo(text.format(count=count, file=destination))


def _destination(path: Path | None, binary: bool, register: Path):
    """stdout (never a workbook on a terminal), or the file ``path`` names."""
    if (path is None or str(path) == "-") and binary and sys.stdout.isatty():
        raise InputError(
            _("A workbook cannot be shown on the terminal: add --output FILE.xlsx.")
        )
    return files.destination(path, binary, register)


def add_to(app: typer.Typer) -> None:
    app.command(
        "import",
        help=help_of("import"),
    )(import_complaints)
    app.command(help=help_of("export"))(export)
