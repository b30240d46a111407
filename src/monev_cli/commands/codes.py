"""The agency's lists of channels and types: ``monev channels`` and
``monev types``, and the life of each code in them."""

from typing import Annotated

import typer

from monev_cli.commands import output
from monev_cli.commands.common import AsOf, JsonFlag, is_interactive, today
from monev_cli.commands.lazy import help_of
from monev_cli.fields import CLASSIFICATIONS
from monev_cli.i18n import _
from monev_cli.models import Stamp
from monev_cli.register import Register, catalog
from monev_cli.register import codes as life

CodeArg = Annotated[str, typer.Argument(help=_("The code, e.g. whatsapp."))]
Reason = Annotated[str | None, typer.Option(help=_("Why, for the history."))]
NeededReason = Annotated[str, typer.Option(help=_("Why, for the history."))]


def _code_app(table: str) -> typer.Typer:
    group = typer.Typer(help=help_of(table), invoke_without_command=True)

    @group.callback()
    def show(ctx: typer.Context, as_json: JsonFlag = False) -> None:
        if ctx.invoked_subcommand:
            return
        codes = catalog.codes(ctx.obj.open(), table)
        if as_json:
            output.print_json([code._asdict() for code in codes])
            return
        columns = [output.Column(_("Code")), output.Column(_("Label"), output.TEXT)]
        if table == "types":
            columns.append(output.Column(_("Classification")))
        columns += [output.Column(_("Added")), output.Column(_("Retired"))]
        rows = [
            [code.code, code.label]
            + ([code.classification] if table == "types" else [])
            + [code.added_on or "-", code.retired_on or "-"]
            for code in codes
        ]
        output.print_table(columns, rows, empty=_("The list is empty."))

    @group.command("add", help=_("Add a code to the agency's list."))
    def add(
        ctx: typer.Context,
        code: Annotated[str, typer.Argument(help=_("Short code, e.g. whatsapp."))],
        label: Annotated[str, typer.Argument(help=_("Label used in reports."))],
        classification: Annotated[
            str | None,
            typer.Option(help=_("For types: informatif or penyimpangan.")),
        ] = None,
        as_of: AsOf = None,
    ) -> None:
        if table == "types" and classification is None and is_interactive():
            classification = _ask_classification()
        register, stamp = _stamped(ctx, as_of)
        added = life.add(register, table, code, label, classification, stamp)
        typer.echo(
            _("Added {code}: {label}.").format(code=added.code, label=added.label)
        )

    @group.command("rename", help=_("Give a code a new label for the reports."))
    def rename(
        ctx: typer.Context,
        code: CodeArg,
        label: Annotated[str, typer.Argument(help=_("The new label."))],
        reason: Reason = None,
        as_of: AsOf = None,
    ) -> None:
        register, stamp = _stamped(ctx, as_of)
        renamed = life.rename(register, table, code, label, stamp, reason)
        typer.echo(
            _("{code} is now labelled {label}.").format(
                code=renamed.code, label=renamed.label
            )
        )

    @group.command(
        "retire",
        help=_("Take a code out of use; kept for the complaints that use it."),
    )
    def retire(
        ctx: typer.Context, code: CodeArg, reason: NeededReason, as_of: AsOf = None
    ) -> None:
        register, stamp = _stamped(ctx, as_of)
        retired = life.retire(register, table, code, stamp, reason)
        typer.echo(
            _("Retired {code} from {day}.").format(
                code=retired.code, day=retired.retired_on
            )
        )

    @group.command("unretire", help=_("Bring a retired code back into use."))
    def unretire(
        ctx: typer.Context, code: CodeArg, reason: Reason = None, as_of: AsOf = None
    ) -> None:
        register, stamp = _stamped(ctx, as_of)
        back = life.unretire(register, table, code, stamp, reason)
        typer.echo(_("{code} is in use again.").format(code=back.code))

    @group.command(
        "remove", help=_("Remove a code that no complaint uses (else: retire it).")
    )
    def remove(
        ctx: typer.Context, code: CodeArg, reason: Reason = None, as_of: AsOf = None
    ) -> None:
        register, stamp = _stamped(ctx, as_of)
        removed = life.remove(register, table, code, stamp, reason)
        typer.echo(_("Removed {code}.").format(code=removed.code))

    @group.command("history", help=_("Every change to the list, oldest first."))
    def history(ctx: typer.Context, as_json: JsonFlag = False) -> None:
        changes = life.history(ctx.obj.open(), table)
        if as_json:
            output.print_json(changes)
            return
        columns = [
            output.Column(_("Date")),
            output.Column(_("Code")),
            output.Column(_("Change")),
            output.Column(_("Old"), output.TEXT, drop=2),
            output.Column(_("New"), output.TEXT),
            output.Column(_("Officer"), output.TEXT, drop=1),
            output.Column(_("Note"), output.TEXT, ratio=2),
        ]
        keys = ("changed_on", "code", "change", "old_value", "new_value", "officer")
        rows = [[row[key] or "" for key in (*keys, "note")] for row in changes]
        output.print_table(columns, rows, empty=_("The list is empty."))

    return group


def _stamped(ctx: typer.Context, as_of: str | None) -> tuple[Register, Stamp]:
    """The register, and who changes it on which day."""
    session = ctx.obj
    return session.open(), session.stamp(today(as_of))


def _ask_classification() -> str:
    while True:
        answer = typer.prompt(_("Classification (informatif or penyimpangan)"))
        if answer.strip().lower() in CLASSIFICATIONS:
            return answer.strip().lower()
        typer.echo(
            _("'{answer}' is not informatif or penyimpangan.").format(answer=answer),
            err=True,
        )


def classify(
    ctx: typer.Context,
    code: CodeArg,
    classification: Annotated[
        str, typer.Argument(help=_("informatif or penyimpangan."))
    ],
    reason: Reason = None,
    as_of: AsOf = None,
) -> None:
    register, stamp = _stamped(ctx, as_of)
    changed = life.classify(register, code, classification, stamp, reason)
    typer.echo(
        _(
            "{code} is now {classification}; complaints already recorded keep theirs."
        ).format(code=changed.code, classification=changed.classification)
    )


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
    channels = _code_app("channels")
    channels.command(
        "detail",
        help=_("Set where the public reaches a channel, as the report lists it."),
    )(channel_detail)
    app.add_typer(channels, name="channels")
    types = _code_app("types")
    types.command("classify", help=_("Change a type's classification."))(classify)
    app.add_typer(types, name="types")
