"""One complaint on the terminal, as show (and void, before it asks)
prints it: its fields, and its history; a confidential identity withheld
unless asked for."""

from monev_cli.commands import output
from monev_cli.fields import PERSONAL
from monev_cli.i18n import N_, _
from monev_cli.models import EVENT_CORRECTION, Complaint, Event

# A recorded field's name as show prints it; its corrections are named so too.
FIELD_LABELS = {
    "received_on": N_("Received"),
    "channel": N_("Channel"),
    "type": N_("Type"),
    "classification": N_("Classification"),
    "due_on": N_("Due"),
    "unit": N_("Unit"),
    "name": N_("Name"),
    "contact": N_("Contact"),
    "external_ref": N_("External ref"),
    "summary": N_("Summary"),
}


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
    withheld = _withheld(complaint, include_personal)
    due = complaint.due_on.isoformat()
    if standing is not None:
        due += f" ({standing})"
    return [
        (_("Received"), complaint.received_on.isoformat()),
        (_("Channel"), complaint.channel),
        (_("Type"), f"{complaint.type} ({complaint.classification})"),
        (_("Status"), _("voided") if complaint.voided else complaint.status),
        (_("Due"), due),
        (_("Unit"), complaint.unit or "-"),
        (_("Name"), withheld or complaint.name or "-"),
        (_("Contact"), withheld or complaint.contact or "-"),
        (_("External ref"), complaint.external_ref or "-"),
        (_("Summary"), complaint.summary),
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
        field=_(FIELD_LABELS.get(event.field, event.field)),
        old=old,
        new=new,
        reason=event.note,
    )
