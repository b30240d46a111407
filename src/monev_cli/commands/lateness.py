"""How a complaint stands against its limit, in words: the list's
timeliness column and the overdue report say it the same way."""

from datetime import date
from functools import cache

from monev_cli import deadlines
from monev_cli.i18n import _, ngettext
from monev_cli.register import overdue


def days_late(days: int) -> str:
    return ngettext("{days} day late", "{days} days late", days).format(days=days)


def standing(key: str, late: int | None) -> str:
    """The words of a ``deadlines.standing`` key and its days late."""
    if key == deadlines.DONE_UNDATED:
        return _("answered, date not recorded")
    if key == deadlines.ANSWERED_LATE:
        return ngettext(
            "answered {days} day late", "answered {days} days late", late
        ).format(days=late)
    if key == deadlines.ANSWERED_ON_TIME:
        return _("answered in time")
    if key == deadlines.OPEN_LATE:
        return days_late(late)
    return ngettext("{days} day left", "{days} days left", -late).format(days=-late)


@cache  # a long overdue report repeats a few hundred due dates
def of_overdue(kind: str, due_on: str, now: date) -> str:
    """The words of a line of the overdue report of ``kind``."""
    days = deadlines.days_late(date.fromisoformat(due_on), now)
    if kind == overdue.OVERDUE:
        return days_late(days)
    if kind == overdue.NO_RESPONSE:
        return ngettext(
            "no initial response, {n} day late",
            "no initial response, {n} days late",
            days,
        ).format(n=days)
    if days == 0:
        return _("due today")
    return ngettext("due in {n} day", "due in {n} days", -days).format(n=-days)
