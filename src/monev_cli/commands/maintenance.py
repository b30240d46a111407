"""Looking after the register file: check it, back it up."""

from pathlib import Path
from typing import Annotated

import typer

from monev_cli.commands import output
from monev_cli.commands.common import JsonFlag
from monev_cli.commands.lazy import help_of
from monev_cli.errors import MonevError
from monev_cli.i18n import _, ngettext


def check(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    from monev_cli.register import integrity
    from monev_cli.register.connection import open_for_check

    path = ctx.obj.db_path
    report = integrity.check(ctx.obj.open(open_for_check))
    if as_json:
        output.print_json(
            {
                "register": str(path),
                "complaints": report.complaints,
                "events": report.events,
                "problems": [problem._asdict() for problem in report.problems],
            }
        )
    else:
        for problem in report.problems:
            typer.echo(f"{problem.check}: {problem.detail}")
    if report.problems:
        count = len(report.problems)
        if report.correctable:
            raise MonevError(
                ngettext(
                    "{count} problem found in {path} (listed above): correct it "
                    "as it says.",
                    "{count} problems found in {path} (listed above): correct "
                    "them as they say.",
                    count,
                ).format(count=count, path=path)
            )
        raise MonevError(
            ngettext(
                "{count} problem found in {path} (listed above): restore your "
                "latest backup, or have the register repaired.",
                "{count} problems found in {path} (listed above): restore your "
                "latest backup, or have the register repaired.",
                count,
            ).format(count=count, path=path)
        )
    if not as_json:
        typer.echo(
            _(
                "Checked {path}: {complaints} complaints, {events} history "
                "entries, no problems found."
            ).format(path=path, complaints=report.complaints, events=report.events)
        )


def backup(
    ctx: typer.Context,
    dest: Annotated[Path, typer.Argument(help=_("The backup file to write."))],
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace DEST if it exists."))
    ] = False,
) -> None:
    from monev_cli.register.backup import backup as make_backup

    done = make_backup(ctx.obj.open(), dest, force)
    ctx.obj.wrote_file = True
    typer.echo(
        ngettext(
            "Backed up {count} complaint to {dest}.",
            "Backed up {count} complaints to {dest}.",
            done.complaints,
        ).format(count=done.complaints, dest=done.path)
    )


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("check"))(check)
    app.command(help=help_of("backup"))(backup)
