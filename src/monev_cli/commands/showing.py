"""One complaint on the terminal, as show (and void, before it asks)
prints it: its fields, and its history; a confidential identity withheld
unless asked for."""

from monev_cli.commands import output
from monev_cli.fields import PERSONAL, SHOWN
from monev_cli.i18n import _
from monev_cli.models import EVENT_CORRECTION, Complaint, Event


def print_fields(
    complaint: Complaint, include_personal: bool, standing: str | None
) -> None:
    """The complaint's fields, its due date with ``standing`` in words."""
    fields = _fields(complaint, include_personal, standing)
    columns = [output.Column(_("Field")), output.Column(_("Value"), output.WRAPPED)]
    output.print_table(columns, fields, complaint.tracking_no, key=None)


def _history_columns() -> list[output.Column]:
    return [
        output.Column(_("Date")),
        output.Column(_("Entry")),
        output.Column(_("Status")),
        output.Column(_("Officer"), output.TEXT),
        output.Column(_("Note"), output.WRAPPED, ratio=3, minimum=16),
    ]


def print_history(complaint: Complaint, include_personal: bool) -> None:
    withheld = _withheld(complaint, include_personal)
    history = [
        (
            e.event_on.isoformat(), e.kind, e.status or "", e.officer,
            _history_note(e, withheld),
        )
        for e in complaint.events
    ]  # fmt: skip
    output.print_table(_history_columns(), history, _("History"))


def _fields(complaint: Complaint, include_personal: bool, standing: str | None):
    """(title, value) of each field ``fields.SHOWN`` lists, in its order."""
    withheld = _withheld(complaint, include_personal)
    due = complaint.due_on.isoformat()
    if standing is not None:
        due += f" ({standing})"
    written = {
        "received_on": complaint.received_on.isoformat(),
        "type": f"{complaint.type} ({complaint.classification})",
        "status": _("voided") if complaint.voided else complaint.status,
        "due_on": due,
    }
    for name in PERSONAL:
        written[name] = withheld or getattr(complaint, name)
    return [
        (_(title), written.get(name, getattr(complaint, name)) or "-")
        for name, title in SHOWN.items()
        if name != "classification"  # beside the type
    ]


def _withheld(complaint: Complaint, include_personal: bool) -> str | None:
    """What stands for a confidential identity not asked for ("-" would read
    as no name given)."""
    if complaint.confidential and not include_personal:
        return _("withheld")
    return None


def _history_note(event: Event, withheld: str | None) -> str:
    """An entry's note; a correction's field, old and new value first."""
    if event.kind != EVENT_CORRECTION:
        return event.note or ""
    old, new = event.old_value or "-", event.new_value or "-"
    if withheld and event.field in PERSONAL:
        old = new = withheld
    return _("{field}: {old} → {new} ({reason})").format(
        field=_(SHOWN.get(event.field, event.field)),
        old=old,
        new=new,
        reason=event.note,
    )
