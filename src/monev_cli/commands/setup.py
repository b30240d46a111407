"""Setting a register up: init, the agency profile, the sample."""

from pathlib import Path
from typing import Annotated

import typer

from monev_cli.commands import output
from monev_cli.commands.common import AsOf, JsonFlag, today
from monev_cli.commands.lazy import help_of
from monev_cli.errors import InputError, MonevError
from monev_cli.i18n import _, ngettext
from monev_cli.models import PROFILE_KEYS
from monev_cli.register import (
    catalog,
    create_register,
    discard_new_register,
    open_register,
)


def init(ctx: typer.Context) -> None:
    path = ctx.obj.db_path
    create_register(path).close()
    ctx.obj.wrote_file = True
    typer.echo(
        _(
            "Created the register {path}. Next: 'monev profile set agency \"...\"'."
        ).format(path=path)
    )


def sample(
    ctx: typer.Context,
    count: Annotated[
        int, typer.Option("--count", min=1, max=100_000, help=_("How many complaints."))
    ] = 300,
    agency: Annotated[
        str | None,
        typer.Option(
            "--agency",
            help=_(
                "The sample agency's name; each name gets complaints of its own "
                "(to try 'monev consolidate')."
            ),
        ),
    ] = None,
    as_of: AsOf = None,
) -> None:
    from monev_cli.sample import fill  # random and the generator: only here

    session = ctx.obj
    stamp = session.stamp(today(as_of))
    created = not session.db_path.exists()
    register = session.open(create_register if created else open_register)
    try:
        stored = fill(register, stamp, count, agency)
    except MonevError:
        if created:  # made by this run for the sample: nothing is left behind
            discard_new_register(register)
        raise
    typer.echo(
        ngettext(
            "Recorded {count} sample complaint in {path}.",
            "Recorded {count} sample complaints in {path}.",
            stored,
        ).format(count=stored, path=session.db_path)
    )


profile_app = typer.Typer(
    help=help_of("profile"),
    no_args_is_help=True,
)


@profile_app.command("show", help=_("Show every profile key."))
def profile_show(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    values = catalog.profile(ctx.obj.open())
    if as_json:
        output.print_json(values)
        return
    rows = [(key, value or "-", _(PROFILE_KEYS[key])) for key, value in values.items()]
    columns = [
        output.Column(_("Key")),
        output.Column(_("Value"), output.WRAPPED, ratio=3, minimum=20),
        output.Column(_("Meaning"), output.WRAPPED, ratio=2, minimum=16),
    ]
    output.print_table(columns, rows)


@profile_app.command("set", help=_("Set one profile key."))
def profile_set(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=_("One of the profile keys."))],
    value: Annotated[str, typer.Argument(help=_("The new value."))],
) -> None:
    stored = catalog.set_profile(ctx.obj.open(), key, value)
    typer.echo(_("{key} = {value}").format(key=key.strip().lower(), value=stored))


@profile_app.command(
    "logo",
    help=_(
        "Store the agency's logo (PNG, JPEG or SVG, at most 2 MB) for the "
        "letterhead, in the register itself; --remove forgets it."
    ),
)
def profile_logo(
    ctx: typer.Context,
    file: Annotated[
        Path | None, typer.Argument(help=_("The logo's image file."))
    ] = None,
    remove: Annotated[
        bool, typer.Option("--remove", help=_("Forget the stored logo."))
    ] = False,
) -> None:
    from monev_cli.register import logo as logos

    if remove == (file is not None):
        raise InputError(_("Give either the logo's file or --remove."))
    register = ctx.obj.open()
    if remove:
        removed = logos.remove(register)
        typer.echo(_("Removed the logo.") if removed else _("There was no logo."))
        return
    stored = logos.store(register, _read_logo(file), str(file))
    typer.echo(
        _("Stored the logo ({format}, {size} KB); every letterhead shows it.").format(
            format=stored.format.upper(), size=max(1, len(stored.data) // 1024)
        )
    )


def _read_logo(path: Path) -> bytes:
    """The file's bytes, checked that Typst can draw them; a file too large
    is read no further than it takes to tell."""
    from monev_cli.documents.images import check
    from monev_cli.register.logo import MAX_BYTES, image_format

    try:
        with path.open("rb") as source:
            data = source.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(_("There is no file {path}.").format(path=path)) from None
    except OSError as error:
        raise InputError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=error.strerror)
        ) from None
    kind = image_format(data)
    problem = check(data, kind) if kind and len(data) <= MAX_BYTES else None
    if problem:
        raise InputError(
            _(
                "{path} cannot be drawn as an image ({reason}): save it again as "
                "PNG and try again."
            ).format(path=path, reason=problem)
        )
    return data


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("init"))(init)
    app.add_typer(profile_app, name="profile")
    app.command(help=help_of("sample"))(sample)
