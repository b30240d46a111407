"""Putting mistakes right: correct what was typed, restore what was voided."""

from typing import Annotated

import typer

from monev_cli.commands.common import AsOf, JsonFlag, Ref, today
from monev_cli.commands.complaints import confirm
from monev_cli.commands.lazy import help_of
from monev_cli.dates import parse_date
from monev_cli.fields import SHOWN
from monev_cli.i18n import _
from monev_cli.register import complaints as store
from monev_cli.register import corrections

Reason = Annotated[str, typer.Option(help=_("Why; kept in the history."))]


def correct(
    ctx: typer.Context,
    ref: Ref,
    reason: Reason,
    received: Annotated[
        str | None, typer.Option("--date", help=_("The right received date."))
    ] = None,
    channel: Annotated[str | None, typer.Option(help=_("Channel code."))] = None,
    complaint_type: Annotated[
        str | None,
        typer.Option(
            "--type", help=_("Complaint type code (its classification follows).")
        ),
    ] = None,
    classification: Annotated[
        str | None, typer.Option(help=_("informatif or penyimpangan."))
    ] = None,
    unit: Annotated[
        str | None, typer.Option(help=_('Unit handling it; "" clears it.'))
    ] = None,
    name: Annotated[
        str | None, typer.Option(help=_('Complainant\'s name; "" clears it.'))
    ] = None,
    contact: Annotated[
        str | None, typer.Option(help=_('Phone or e-mail; "" clears it.'))
    ] = None,
    external_ref: Annotated[
        str | None,
        typer.Option("--external-ref", help=_('E.g. the LAPOR! ID; "" clears it.')),
    ] = None,
    summary: Annotated[str | None, typer.Option(help=_("What it is about."))] = None,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    typed = {
        "received_on": parse_date(received) if received is not None else None,
        "channel": channel,
        "type": complaint_type,
        "classification": classification,
        "unit": unit,
        "name": name,
        "contact": contact,
        "external_ref": external_ref,
        "summary": summary,
    }
    values = {field: value for field, value in typed.items() if value is not None}
    session = ctx.obj
    complaint, changed = corrections.correct(
        session.open(), ref, values, reason, session.stamp(today(as_of))
    )
    if as_json:
        confirm(complaint, as_json)
        return
    typer.echo(
        _("Corrected {ref}: {fields}. The answer is due by {due}.").format(
            ref=complaint.tracking_no,
            fields=", ".join(_(SHOWN[field]) for field in changed),
            due=complaint.due_on.isoformat(),
        )
    )


def restore(
    ctx: typer.Context,
    ref: Ref,
    reason: Reason,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    session = ctx.obj
    complaint = store.restore(session.open(), ref, reason, session.stamp(today(as_of)))
    confirm(complaint, as_json)


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("correct"))(correct)
    app.command(help=help_of("restore"))(restore)
