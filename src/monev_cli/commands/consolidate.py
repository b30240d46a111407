"""``monev consolidate``: one report over the registers of many agencies.

The consolidating office's own register (--db) gives the profile, the
letterhead and the signature; the agencies' registers and exports are only
read (see ``sources``)."""

from pathlib import Path
from typing import Annotated

import typer

from monev_cli import sources
from monev_cli.commands import output
from monev_cli.commands.common import JsonFlag, TemplateDir, today
from monev_cli.commands.lazy import help_of
from monev_cli.commands.report import (
    Format,
    From,
    OutputFile,
    SignedAsOf,
    To,
    Year,
    format_of,
    period_of,
    refuse_terminal,
    rendered_in,
    write_document,
)
from monev_cli.errors import InputError
from monev_cli.i18n import _

Registers = Annotated[
    list[Path],
    typer.Argument(
        help=_(
            "Register files, folders of them (.db, .sqlite) and monev JSON "
            "exports (.json), as the agencies sent them."
        ),
        show_default=False,
    ),
]
Check = Annotated[
    bool,
    typer.Option(
        "--check",
        help=_("List the inputs and what would refuse them; write no report."),
    ),
]


def consolidate(
    ctx: typer.Context,
    registers: Registers,
    year: Year = None,
    date_from: From = None,
    date_to: To = None,
    fmt: Format = None,
    output_file: OutputFile = None,
    template_dir: TemplateDir = None,
    as_of: SignedAsOf = None,
    check: Check = False,
    as_json: JsonFlag = False,
) -> None:
    now = today(as_of)
    period = period_of(year, date_from, date_to, now).up_to(now)
    chosen = format_of(fmt, output_file)
    if check:
        _show_check(sources.check_all(registers, period), as_json)
        return
    _refuse_output_over_input(output_file, registers)
    if not as_json:
        refuse_terminal(chosen, output_file)
    profile, logo, own_codes = _own_register(ctx, period)
    recaps = sources.read_all(registers, period, now)
    from monev_cli import consolidation

    result = consolidation.consolidate(recaps, own_codes)
    if as_json:
        output.print_json(consolidation.to_json(result, period.to_dict()))
        return
    from monev_cli import consolidated_report

    context = consolidated_report.build_context(result, profile, period, now, logo)
    rendered = rendered_in(context, chosen, template_dir, "consolidated")
    write_document(rendered, output_file, ctx.obj.db_path)


def _own_register(ctx: typer.Context, period) -> tuple[dict, object, dict]:
    """The consolidating office's profile, logo and code lists, read and
    closed before any input is opened (it may be one of them)."""
    from monev_cli.register import catalog
    from monev_cli.register import logo as logos

    register = ctx.obj.open()
    try:
        profile, logo = catalog.profile(register), logos.get(register)
        return profile, logo, sources.office_codes(register, period)
    finally:
        register.close()


def _refuse_output_over_input(output_file: Path | None, registers: list[Path]) -> None:
    if output_file is None or not output_file.exists():
        return
    for given in registers:
        inside = given.is_dir() and output_file.resolve().parent == given.resolve()
        if inside or (given.exists() and given.samefile(output_file)):
            raise InputError(
                _(
                    "The output {path} is among the inputs: an agency's register "
                    "is never written to. Choose another file."
                ).format(path=output_file)
            )


def _show_check(found: list[tuple], as_json: bool) -> None:
    if as_json:
        output.print_json(
            [
                {"file": str(path)}
                | (source.to_dict() if source else {})
                | {"refused": reason}
                for path, source, reason in found
            ]
        )
    else:
        typer.echo("\n\n".join(_check_block(*item) for item in found))
    if any(reason for _path, _source, reason in found):
        raise typer.Exit(1)


def _check_block(path: Path, source, reason: str | None) -> str:
    """One input as a block of lines: it reads at any terminal width."""
    lines = [str(path)]
    if source is not None:
        covered = (
            _("{first} to {last}").format(first=source.first, last=source.last)
            if source.first
            else "-"
        )
        identity = source.register_id or _("none (identified by its content)")
        lines += [
            _("  agency: {agency}").format(agency=source.agency or "-"),
            _("  identity: {identity}").format(identity=identity),
            _("  schema: {schema}").format(schema=source.schema),
            _("  complaints: {count}, {covered}").format(
                count=source.complaints, covered=covered
            ),
        ]
    lines.append(
        _("  refused: {reason}").format(reason=reason) if reason else _("  ok")
    )
    return "\n".join(lines)


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("consolidate"))(consolidate)
