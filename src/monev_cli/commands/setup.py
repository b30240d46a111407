"""Setting a register up: init, the agency profile, code lists, the sample."""

from typing import Annotated

import typer

from monev_cli.commands import output
from monev_cli.commands.common import AsOf, JsonFlag, today
from monev_cli.commands.lazy import help_of
from monev_cli.errors import MonevError
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
    as_of: AsOf = None,
) -> None:
    from monev_cli.sample import fill  # random and the generator: only here

    session = ctx.obj
    stamp = session.stamp(today(as_of))
    created = not session.db_path.exists()
    register = session.open(create_register if created else open_register)
    try:
        stored = fill(register, stamp, count)
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
    output.console().print(
        output.table(None, [_("Key"), _("Value"), _("Meaning")], rows)
    )


@profile_app.command("set", help=_("Set one profile key."))
def profile_set(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=_("One of the profile keys."))],
    value: Annotated[str, typer.Argument(help=_("The new value."))],
) -> None:
    stored = catalog.set_profile(ctx.obj.open(), key, value)
    typer.echo(_("{key} = {value}").format(key=key.strip().lower(), value=stored))


def _code_app(table: str, help_text: str) -> typer.Typer:
    group = typer.Typer(help=help_text, invoke_without_command=True)

    @group.callback()
    def show(ctx: typer.Context, as_json: JsonFlag = False) -> None:
        if ctx.invoked_subcommand:
            return
        codes = catalog.codes(ctx.obj.open(), table)
        if as_json:
            output.print_json([code._asdict() for code in codes])
            return
        header = [_("Code"), _("Label")]
        rows = [(code.code, code.label) for code in codes]
        if table == "types":
            header.append(_("Classification"))
            rows = [(code.code, code.label, code.classification) for code in codes]
        output.console().print(output.table(None, header, rows))

    @group.command("add", help=_("Add a code to the agency's list."))
    def add(
        ctx: typer.Context,
        code: Annotated[str, typer.Argument(help=_("Short code, e.g. whatsapp."))],
        label: Annotated[str, typer.Argument(help=_("Label used in reports."))],
        classification: Annotated[
            str | None,
            typer.Option(help=_("For types: informatif or penyimpangan.")),
        ] = None,
    ) -> None:
        added = catalog.add_code(ctx.obj.open(), table, code, label, classification)
        typer.echo(
            _("Added {code}: {label}.").format(code=added.code, label=added.label)
        )

    return group


def channel_detail(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help=_("Channel code, e.g. telepon."))],
    text: Annotated[
        str, typer.Argument(help=_('Where the public reaches it; "" clears it.'))
    ],
) -> None:
    channel = catalog.set_channel_detail(ctx.obj.open(), code, text)
    typer.echo(
        _("{code}: {detail}").format(code=channel.code, detail=text.strip() or "-")
    )


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("init"))(init)
    app.add_typer(profile_app, name="profile")
    channels = _code_app("channels", help_of("channels"))
    channels.command(
        "detail",
        help=_("Set where the public reaches a channel, as the report lists it."),
    )(channel_detail)
    app.add_typer(channels, name="channels")
    app.add_typer(
        _code_app("types", help_of("types")),
        name="types",
    )
    app.command(help=help_of("sample"))(sample)
