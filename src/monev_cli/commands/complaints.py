"""The desk's commands: record, update, note, void, show and list complaints."""

from datetime import date
from typing import Annotated

import typer

from monev_cli import deadlines
from monev_cli.commands import output, selection
from monev_cli.commands.common import (
    AsOf,
    JsonFlag,
    is_interactive,
    optional_date,
    today,
)
from monev_cli.commands.lazy import help_of
from monev_cli.errors import InputError
from monev_cli.i18n import _, ngettext
from monev_cli.models import STATUS_LABELS, Complaint
from monev_cli.register import Register, catalog, listing
from monev_cli.register import complaints as store

Ref = Annotated[
    str, typer.Argument(help=_("Tracking number (e.g. ADU-2023-0007) or number."))
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
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    session = ctx.obj
    now = today(as_of)
    register = session.open()
    draft = store.Draft(
        received_on=optional_date(received) or now,
        channel=channel or _ask_code(register, "channels", "--channel", _("Channel")),
        type=complaint_type or _ask_code(register, "types", "--type", _("Type")),
        summary=summary or _ask_text(_("Summary"), "--summary"),
        name=name,
        contact=contact,
        confidential=confidential,
        unit=unit,
        classification=classification,
        external_ref=external_ref,
    )
    complaint = store.record(register, draft, session.stamp(now))
    if as_json:
        output.print_json(_public(complaint, include_personal=False))
        return
    typer.echo(
        _("Recorded {ref}; the answer is due by {due}.").format(
            ref=complaint.tracking_no, due=complaint.due_on.isoformat()
        )
    )


def _ask_code(register: Register, table: str, flag: str, label: str) -> str:
    choices = catalog.codes(register, table)
    if not is_interactive():
        raise InputError(
            _("Give {flag} (one of: {choices}).").format(
                flag=flag, choices=", ".join(code.code for code in choices)
            )
        )
    for number, code in enumerate(choices, start=1):
        typer.echo(f"  {number:>2}  {code.code:<12} {code.label}")
    while True:
        answer = typer.prompt(label).strip().lower()
        if picked := _picked(choices, answer):
            return picked
        typer.echo(
            _("'{answer}' is not in the list: type its number or its code.").format(
                answer=answer
            ),
            err=True,
        )


def _picked(choices: list, answer: str) -> str | None:
    """The code the desk typed, by its number in the list or by itself."""
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        return choices[int(answer) - 1].code
    return answer if answer in {code.code for code in choices} else None


def _ask_text(label: str, flag: str) -> str:
    if not is_interactive():
        raise InputError(_('Give {flag} "...".').format(flag=flag))
    return typer.prompt(label)


def update(
    ctx: typer.Context,
    ref: Ref,
    status: Annotated[str, typer.Option(help=_("proses or selesai."))],
    note: Annotated[
        str | None, typer.Option(help=_("The answer given, or the reason."))
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help=_("When it happened (default: today)."))
    ] = None,
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
    _confirm(complaint, as_json)


def note(
    ctx: typer.Context,
    ref: Ref,
    text: Annotated[str, typer.Argument(help=_("The follow-up note."))],
    on: Annotated[
        str | None, typer.Option("--date", help=_("When it happened (default: today)."))
    ] = None,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    session = ctx.obj
    complaint = store.add_note(
        session.open(), ref, text, optional_date(on), session.stamp(today(as_of))
    )
    _confirm(complaint, as_json)


def void(
    ctx: typer.Context,
    ref: Ref,
    reason: Annotated[str, typer.Option(help=_("Why the entry is withdrawn."))],
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    session = ctx.obj
    complaint = store.void(session.open(), ref, reason, session.stamp(today(as_of)))
    _confirm(complaint, as_json)


def _confirm(complaint: Complaint, as_json: bool) -> None:
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
    complaint = store.get(ctx.obj.open(), ref)
    now = today(as_of)
    if as_json:
        data = _public(complaint, include_personal)
        data["timeliness"] = _timeliness(complaint, now)
        output.print_json(data)
        return
    console = output.console()
    fields = _fields(complaint, include_personal, now)
    console.print(output.table(complaint.tracking_no, [_("Field"), _("Value")], fields))
    history = [
        (e.event_on.isoformat(), e.kind, e.status or "", e.officer, e.note or "")
        for e in complaint.events
    ]
    header = [_("Date"), _("Entry"), _("Status"), _("Officer"), _("Note")]
    console.print(output.table(_("History"), header, history))


def _fields(complaint: Complaint, include_personal: bool, now: date) -> list:
    shown = _public(complaint, include_personal)
    return [
        (_("Received"), shown["received_on"]),
        (_("Channel"), complaint.channel),
        (_("Type"), f"{complaint.type} ({complaint.classification})"),
        (_("Status"), _("voided") if complaint.voided else complaint.status),
        (_("Due"), f"{shown['due_on']} ({_timeliness(complaint, now)})"),
        (_("Unit"), complaint.unit or "-"),
        (_("Name"), shown["name"] or "-"),
        (_("Contact"), shown["contact"] or "-"),
        (_("External ref"), complaint.external_ref or "-"),
        (_("Summary"), complaint.summary),
    ]


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
        output.stream_json_list(
            {**_public(c, include_personal), "timeliness": _timeliness(c, now)}
            for c in found
        )
        return
    rows = (_list_row(c, include_personal, now) for c in found)
    if as_csv:
        output.write_csv(LIST_HEADER, rows)
    elif is_interactive():
        shown = [(r[0], r[1], r[2], r[4], r[6], r[8], r[9]) for r in rows]
        output.console().print(output.table(None, _table_headings(), shown))
    else:
        output.plain_lines(rows)


LIST_HEADER = (
    "tracking_no", "received_on", "channel", "type", "status", "due_on",
    "timeliness", "unit", "name", "summary",
)  # fmt: skip


def _table_headings() -> list[str]:
    """On a terminal: what the desk needs to find a complaint."""
    return [
        _("Number"), _("Received"), _("Channel"), _("Status"), _("Due"), _("Name"),
        _("Summary"),
    ]  # fmt: skip


def _list_row(complaint: Complaint, include_personal: bool, now: date) -> tuple:
    shown = _public(complaint, include_personal)
    status = "void" if complaint.voided else complaint.status
    return (
        complaint.tracking_no, shown["received_on"], complaint.channel,
        complaint.type, status, shown["due_on"], _timeliness(complaint, now),
        complaint.unit, shown["name"], complaint.summary,
    )  # fmt: skip


def _public(complaint: Complaint, include_personal: bool) -> dict:
    """The complaint as shown: a confidential identity only when asked for."""
    if complaint.confidential and not include_personal:
        complaint = complaint.without_personal()
    return complaint.to_dict()


def _timeliness(complaint: Complaint, now: date) -> str:
    if complaint.answered_on:
        late = deadlines.days_late(complaint.due_on, complaint.answered_on)
        if late > 0:
            return ngettext(
                "answered {days} day late", "answered {days} days late", late
            ).format(days=late)
        return _("answered in time")
    late = deadlines.days_late(complaint.due_on, now)
    if late > 0:
        return ngettext("{days} day late", "{days} days late", late).format(days=late)
    return ngettext("{days} day left", "{days} days left", -late).format(days=-late)


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("record"))(record)
    app.command(help=help_of("update"))(update)
    app.command(help=help_of("note"))(note)
    app.command(help=help_of("void"))(void)
    app.command(help=help_of("show"))(show)
    app.command("list", help=help_of("list"))(list_complaints)
