"""The desk's commands: record, update, note, void, show and list complaints."""

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from monev_cli import deadlines, files
from monev_cli.commands import lateness, output, prompts, selection, showing
from monev_cli.commands.common import (
    AsOf,
    JsonFlag,
    Ref,
    is_interactive,
    optional_date,
    today,
)
from monev_cli.commands.lazy import help_of
from monev_cli.errors import InputError
from monev_cli.i18n import _, ngettext
from monev_cli.models import (
    DONE,
    STATUS_LABELS,
    Complaint,
)
from monev_cli.register import Register, listing
from monev_cli.register import complaints as store

HappenedOn = Annotated[
    str | None, typer.Option("--date", help=_("When it happened (default: today)."))
]
IncludePersonal = Annotated[
    bool,
    typer.Option(
        "--include-personal",
        help=_("Also show names and contacts of confidential complaints."),
    ),
]


def record(
    ctx: typer.Context,
    received: Annotated[
        str | None,
        typer.Option("--date", help=_("Received on (default: today).")),
    ] = None,
    channel: Annotated[str | None, typer.Option(help=_("Channel code."))] = None,
    complaint_type: Annotated[
        str | None, typer.Option("--type", help=_("Complaint type code."))
    ] = None,
    summary: Annotated[str | None, typer.Option(help=_("What it is about."))] = None,
    name: Annotated[str | None, typer.Option(help=_("Complainant's name."))] = None,
    contact: Annotated[str | None, typer.Option(help=_("Phone or e-mail."))] = None,
    confidential: Annotated[
        bool, typer.Option("--confidential", help=_("Withhold the identity."))
    ] = False,
    unit: Annotated[str | None, typer.Option(help=_("Unit handling it."))] = None,
    classification: Annotated[
        str | None, typer.Option(help=_("informatif or penyimpangan."))
    ] = None,
    external_ref: Annotated[
        str | None, typer.Option("--external-ref", help=_("E.g. the LAPOR! ID."))
    ] = None,
    receipt: Annotated[
        Path | None,
        typer.Option(
            "--receipt",
            help=_("Also write the complainant's receipt (PDF) to this file."),
        ),
    ] = None,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    session = ctx.obj
    now = today(as_of)
    register = session.open()
    given = store.Draft(
        received_on=optional_date(received) or now,
        channel=channel,
        type=complaint_type,
        summary=summary,
        name=name,
        contact=contact,
        confidential=confidential,
        unit=unit,
        classification=classification,
        external_ref=external_ref,
    )
    ask = prompts.Asker(register, now, is_interactive())
    if None in (channel, complaint_type, summary) and ask.interactive:
        # a mistake in the options is said before the officer types answers
        store.check_given(register, given, now)
    draft = given._replace(
        channel=channel or ask.code("channels", "--channel", _("Channel")),
        type=complaint_type or ask.code("types", "--type", _("Type")),
        summary=summary or ask.text("summary", _("Summary")),
    )
    complaint = store.record(register, draft, session.stamp(now))
    if as_json:
        output.print_json(_public(complaint, include_personal=False))
    else:
        typer.echo(
            _("Recorded {ref}; the answer is due by {due}.").format(
                ref=complaint.tracking_no, due=complaint.due_on.isoformat()
            )
        )
    if receipt is not None:
        _write_receipt(register, complaint, receipt)


def _write_receipt(register: Register, complaint: Complaint, target: Path) -> None:
    """The receipt of a complaint just recorded, from the agency's templates
    when MONEV_TEMPLATES names them; when it cannot be written, the complaint
    stays recorded and the error says how to write it again."""
    import os

    from monev_cli.commands import receipt

    folder = os.environ.get("MONEV_TEMPLATES")
    try:
        receipt.write(register, complaint, target, Path(folder) if folder else None)
    except InputError as error:
        raise InputError(
            _(
                "{ref} is recorded, but its receipt was not written: {reason} "
                "Write it with 'monev receipt {ref} --output FILE'."
            ).format(ref=complaint.tracking_no, reason=error)
        ) from None


def update(
    ctx: typer.Context,
    ref: Ref,
    status: Annotated[str, typer.Option(help=_("proses or selesai."))],
    note: Annotated[
        str | None, typer.Option(help=_("The answer given, or the reason."))
    ] = None,
    on: HappenedOn = None,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    session = ctx.obj
    complaint = store.change_status(
        session.open(),
        ref,
        status,
        note,
        optional_date(on),
        session.stamp(today(as_of)),
    )
    confirm(complaint, as_json)


def note(
    ctx: typer.Context,
    ref: Ref,
    text: Annotated[str, typer.Argument(help=_("The follow-up note."))],
    on: HappenedOn = None,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    session = ctx.obj
    complaint = store.add_note(
        session.open(), ref, text, optional_date(on), session.stamp(today(as_of))
    )
    confirm(complaint, as_json)


def void(
    ctx: typer.Context,
    ref: Ref,
    reason: Annotated[str, typer.Option(help=_("Why the entry is withdrawn."))],
    yes: Annotated[
        bool, typer.Option("--yes", help=_("Do not ask for confirmation."))
    ] = False,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    session = ctx.obj
    register = session.open()
    now = today(as_of)
    if not yes and is_interactive():
        _ask_to_void(store.get(register, ref), now)
    complaint = store.void(register, ref, reason, session.stamp(now))
    confirm(complaint, as_json)


def _ask_to_void(complaint: Complaint, now: date) -> None:
    """On a terminal, the officer sees what a typo would void before it is."""
    if complaint.voided:
        return  # voiding it again is refused, with the reason
    showing.print_fields(complaint, False, _due_words(complaint, now))
    if not typer.confirm(_("Void {ref}?").format(ref=complaint.tracking_no)):
        raise typer.Abort()


def confirm(complaint: Complaint, as_json: bool) -> None:
    if as_json:
        output.print_json(_public(complaint, include_personal=False))
        return
    state = _("voided") if complaint.voided else STATUS_LABELS[complaint.status]
    count = len(complaint.events)
    typer.echo(
        ngettext(
            "{ref}: {state}, {count} entry in its history.",
            "{ref}: {state}, {count} entries in its history.",
            count,
        ).format(ref=complaint.tracking_no, state=state, count=count)
    )


def show(
    ctx: typer.Context,
    ref: Ref,
    include_personal: IncludePersonal = False,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    now = today(as_of)
    complaint = _as_it_stood(ctx.obj.open(), ref, now if as_of else None)
    if as_json:
        output.print_json(
            _public(complaint, include_personal) | _standing(complaint, now)
        )
        return
    showing.print_fields(complaint, include_personal, _due_words(complaint, now))
    typer.echo()
    showing.print_history(complaint, include_personal)


def _due_words(complaint: Complaint, now: date) -> str | None:
    """Where the complaint stands, for show; none for a voided one: it is out
    of every count, with no days left or late."""
    return None if complaint.voided else _standing(complaint, now)[LABEL]


def _as_it_stood(register, ref: str, day) -> Complaint:
    """The complaint now, or as it stood on the --as-of day when one is given."""
    if day is None:
        return store.get(register, ref)
    from monev_cli.register import asof

    return asof.complaint(register, ref, day)


def list_complaints(
    ctx: typer.Context,
    status: selection.Status = None,
    year: selection.Year = None,
    date_from: selection.DateFrom = None,
    date_to: selection.DateTo = None,
    channel: selection.Channel = None,
    complaint_type: selection.Type = None,
    unit: selection.Unit = None,
    search: Annotated[
        str | None, typer.Option(help=_("Text in the summary, number or reference."))
    ] = None,
    include_void: Annotated[
        bool, typer.Option("--include-void", help=_("Also list voided entries."))
    ] = False,
    include_personal: IncludePersonal = False,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
    as_csv: Annotated[
        bool, typer.Option("--csv", help=_("Print CSV for spreadsheets."))
    ] = False,
) -> None:
    """List complaints, oldest first, with their due dates."""
    chosen = selection.filter_from(
        status, year, date_from, date_to, channel, complaint_type, unit,
        search=search, include_void=include_void,
    )  # fmt: skip
    now = today(as_of)
    found = listing.complaints(ctx.obj.open(), chosen)
    if as_json:
        output.stream_json_list(_list_item(c, include_personal, now) for c in found)
        return
    if as_csv:
        shown, columns = LIST_HEADER, None
    elif is_interactive():
        shown, columns = TABLE_FIELDS, _table_columns()
    else:
        shown, columns = PLAIN_FIELDS, None
    rows = (_picked(_list_row(c, include_personal, now), shown) for c in found)
    if as_csv:
        files.write_csv(LIST_HEADER, rows)
    elif columns:
        output.print_table(columns, list(rows), empty=_("No complaint matches."))
    else:
        output.plain_lines(rows)


LABEL = "timeliness_label"
# Scripts read codes and ISO dates, the same in every language; the
# timeliness also in words, in the run's language.
LIST_HEADER = (
    "tracking_no", "received_on", "channel", "type", "status", "due_on",
    "timeliness", "unit", "name", "summary", "days_late", LABEL,
)  # fmt: skip
# a line of plain text: the timeliness in words
PLAIN_FIELDS = (
    "tracking_no", "received_on", "channel", "type", "status", "due_on", LABEL,
    "unit", "name", "summary",
)  # fmt: skip
# on a terminal: what the desk needs to find a complaint (_table_columns)
TABLE_FIELDS = (
    "tracking_no", "received_on", "channel", "status", LABEL, "name", "summary",
)  # fmt: skip


def _table_columns() -> list[output.Column]:
    """On a terminal: what the desk needs to find a complaint; on a short
    window the name goes first, then the channel."""
    return [
        output.Column(_("Number")),
        output.Column(_("Received")),
        output.Column(_("Channel"), drop=1),
        output.Column(_("Status")),
        output.Column(_("Due"), output.PHRASE, minimum=16),
        output.Column(_("Name"), output.TEXT, minimum=12, drop=2),
        output.Column(_("Summary"), output.TEXT, ratio=2, minimum=16),
    ]


def _list_row(complaint: Complaint, include_personal: bool, now: date) -> dict:
    """A complaint in the list, by column name (LIST_HEADER)."""
    shown = _public(complaint, include_personal)
    return (
        shown
        | _standing(complaint, now)
        | {"status": "void" if complaint.voided else complaint.status}
    )


def _picked(row: dict, names: tuple[str, ...]) -> tuple:
    return tuple(row[name] for name in names)


def _list_item(complaint: Complaint, include_personal: bool, now: date) -> dict:
    """A complaint of ``list --json``: a list holds no history."""
    item = _public(complaint, include_personal) | _standing(complaint, now)
    del item["events"]
    return item


def _public(complaint: Complaint, include_personal: bool) -> dict:
    """The complaint as shown: a confidential identity only when asked for."""
    if complaint.confidential and not include_personal:
        complaint = complaint.without_personal()
    return complaint.to_dict()


def _standing(complaint: Complaint, now: date) -> dict:
    """Where the complaint stands against its limit: a key (the report's
    timeliness keys) and days late for scripts, and words for people. A
    voided complaint is out of every count: it stands nowhere."""
    if complaint.voided:
        return {"timeliness": None, "days_late": None, LABEL: _("voided")}
    key, late = deadlines.standing(
        complaint.due_on, complaint.answered_on, complaint.status == DONE, now
    )
    return {"timeliness": key, "days_late": late, LABEL: lateness.standing(key, late)}


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("record"))(record)
    app.command(help=help_of("update"))(update)
    app.command(help=help_of("note"))(note)
    app.command(help=help_of("void"))(void)
    app.command(help=help_of("show"))(show)
    app.command("list", help=help_of("list"))(list_complaints)
