"""Setting a register up: init, the agency profile, the sample."""

from typing import Annotated

import typer

from monev_cli.commands import output
from monev_cli.commands.common import AsOf, JsonFlag, today
from monev_cli.commands.lazy import help_of
from monev_cli.i18n import _, ngettext
from monev_cli.models import PROFILE_KEYS
from monev_cli.register import catalog, create_register, open_register


def init(ctx: typer.Context) -> None:
    path = ctx.obj.db_path
    create_register(path).close()
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
    as_of: AsOf = None,
) -> None:
    session = ctx.obj
    register = session.open(
        open_register if session.db_path.exists() else create_register
    )
    from monev_cli.sample import fill  # random and the generator: only here

    stored = fill(register, session.stamp(today(as_of)), count)
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


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("init"))(init)
    app.add_typer(profile_app, name="profile")
    app.command(help=help_of("sample"))(sample)
