"""Complaints from monev's own JSON, with their history as it was written:
an export taken into another register keeps every entry, officer and date."""

from collections.abc import Sequence
from datetime import date

from monev_cli.dates import EARLIEST, check_event_on, check_in_range
from monev_cli.errors import InputError
from monev_cli.fields import CORRECTABLE, REQUIRED
from monev_cli.fields import NAMES as FIELDS
from monev_cli.i18n import _
from monev_cli.importing.rows import Checker, Rejection
from monev_cli.models import (
    DONE,
    EVENT_CORRECTION,
    EVENT_NOTE,
    EVENT_RECORDED,
    EVENT_RESTORE,
    EVENT_STATUS,
    EVENT_VOID,
    Incoming,
)
from monev_cli.texts import SUMMARY_MAX, clean_text

# kind -> the statuses an entry of that kind may carry
EVENT_STATUSES = {
    EVENT_RECORDED: ("diterima",),
    EVENT_STATUS: ("proses", DONE),
    EVENT_NOTE: (None,),
    EVENT_VOID: (None,),
    EVENT_RESTORE: (None,),
    EVENT_CORRECTION: (None,),
}
CORRECTED_FIELDS = (*CORRECTABLE, "due_on")


def json_complaints(
    checker: Checker, items: list, progress=None
) -> list[Incoming | list[Rejection]]:
    """The complaints of a monev export; the history of each, where given,
    must agree with its status."""
    checked: list = [
        _not_a_complaint(number, item) for number, item in enumerate(items, 1)
    ]
    rows = [
        (number, [item.get(name) for name in FIELDS])
        for number, item in enumerate(items, 1)
        if not checked[number - 1]
    ]
    present = {name for item in items if isinstance(item, dict) for name in item}
    checker.redated = frozenset(
        number
        for number, item in enumerate(items, 1)
        if isinstance(item, dict)
        and isinstance(item.get("events"), list)
        and _received_on_corrected(item["events"])
    )
    columns = checker.layout(
        (name, index, name)
        for index, name in enumerate(FIELDS)
        if name in present or name in REQUIRED
    )
    for (number, _cells), outcome in zip(
        rows, checker.check(rows, columns, progress), strict=True
    ):
        events = items[number - 1].get("events")
        if isinstance(outcome, Incoming) and events:
            outcome = _with_history(outcome, events, checker.as_of)
        checked[number - 1] = outcome
    return checked


def _not_a_complaint(number: int, item) -> list[Rejection]:
    """Why an item cannot be read as a complaint (empty if it can)."""
    if not isinstance(item, dict):
        return [
            Rejection(
                where=number,
                column=None,
                message=_("It is not a complaint (a JSON object)."),
            )
        ]
    return [
        Rejection(
            where=number,
            column=name,
            message=_("It is not a text, a number or a date."),
        )
        for name in FIELDS
        if isinstance(item.get(name), (list, dict))
    ]


def _with_history(
    complaint: Incoming, events, as_of: date
) -> Incoming | list[Rejection]:
    try:
        return complaint._replace(events=_events(events, complaint, as_of))
    except InputError as error:
        return [
            Rejection(where=complaint.where, column="events", message=error.message)
        ]


def _events(items, complaint: Incoming, as_of: date) -> tuple[tuple, ...]:
    if not isinstance(items, list):
        raise InputError(_("Its events are not a list."))
    events = []
    # A corrected received date may come after the recording's own date.
    received_on = complaint.values["received_on"]
    previous = EARLIEST if _received_on_corrected(items) else received_on
    for number, item in enumerate(items, start=1):
        try:
            event, on = _event(item, previous, as_of)
            if number > 1:
                check_event_on(on, received_on, as_of)
            previous = on
        except InputError as error:
            raise InputError(
                _("Entry {number} of its history: {reason}").format(
                    number=number, reason=error.message
                )
            ) from None
        events.append(event)
    _check_agrees(events, complaint)
    return tuple(events)


def _event(item, previous: date, as_of: date) -> tuple[tuple, date]:
    if not isinstance(item, dict):
        raise InputError(_("it is not a JSON object."))
    kind = item.get("kind")
    if not isinstance(kind, str) or kind not in EVENT_STATUSES:
        raise InputError(
            _("'{kind}' is not a kind of entry ({choices}).").format(
                kind=kind, choices=", ".join(EVENT_STATUSES)
            )
        )
    status = item.get("status")
    if status not in EVENT_STATUSES[kind]:
        raise InputError(
            _("a '{kind}' entry cannot have the status '{status}'.").format(
                kind=kind, status=status
            )
        )
    event_on = iso_date(item.get("event_on"))
    check_event_on(event_on, previous, as_of)
    event = (
        kind,
        status,
        event_on.isoformat(),
        clean_text(item.get("logged_at"), _("logged time"), required=True),
        clean_text(item.get("officer"), _("officer"), required=True),
        clean_text(item.get("note"), _("note"), max_length=SUMMARY_MAX, multiline=True),
    )
    if kind == EVENT_CORRECTION:
        event += _change(item)
    return event, event_on


def _received_on_corrected(items: list) -> bool:
    return any(
        isinstance(item, dict)
        and item.get("kind") == EVENT_CORRECTION
        and item.get("field") == "received_on"
        for item in items
    )


def _change(item: dict) -> tuple:
    """A correction's field, old value and new value."""
    field = item.get("field")
    if field not in CORRECTED_FIELDS:
        raise InputError(
            _("'{field}' is not a field a correction changes ({choices}).").format(
                field=field, choices=", ".join(CORRECTED_FIELDS)
            )
        )
    values = []
    for key in ("old_value", "new_value"):
        value = item.get(key)
        if not isinstance(value, str | None):
            raise InputError(_("its {key} is not a text.").format(key=key))
        values.append(clean_text(value, key, max_length=SUMMARY_MAX, multiline=True))
    return (field, *values)


def iso_date(value) -> date:
    try:
        return check_in_range(date.fromisoformat(value))
    except (TypeError, ValueError):
        raise InputError(
            _("'{value}' is not a date as YYYY-MM-DD.").format(value=value)
        ) from None


def _check_agrees(events: Sequence[tuple], complaint: Incoming) -> None:
    """The complaint's status, answer date and voiding are its history's."""
    if not events or events[0][0] != EVENT_RECORDED:
        raise InputError(_("Its history does not begin with the 'dicatat' entry."))
    moves = [event for event in events if event[1] is not None]
    status = moves[-1][1]
    values = complaint.values
    if status != values["status"]:
        raise InputError(
            _(
                "Its status '{status}' is not the last status in its history "
                "('{last}')."
            ).format(status=values["status"], last=status)
        )
    answered_on = values["answered_on"]
    if status == DONE and answered_on and moves[-1][2] != answered_on.isoformat():
        raise InputError(
            _(
                "Its date answered {date} is not the date of its last move to "
                "'selesai' ({last})."
            ).format(date=answered_on.isoformat(), last=moves[-1][2])
        )
    ends = [event[0] for event in events if event[0] in (EVENT_VOID, EVENT_RESTORE)]
    if (ends[-1:] == [EVENT_VOID]) != values["voided"]:
        raise InputError(
            _(
                "Its 'voided' flag does not agree with its history's last 'batal' "
                "or 'pulih' entry."
            )
        )
