"""Deadlines: the response-limit settings and the days off."""

from typing import Annotated

import typer

from monev_cli.commands import output
from monev_cli.commands.common import (
    AsOf,
    JsonFlag,
    is_interactive,
    optional_date,
    today,
    year_option,
)
from monev_cli.commands.lazy import help_of
from monev_cli.commands.output import TEXT, WRAPPED, Column
from monev_cli.dates import parse_date
from monev_cli.i18n import _, ngettext
from monev_cli.register import holidays as days_off
from monev_cli.register import settings as store

settings_app = typer.Typer(
    help=help_of("settings"),
    no_args_is_help=True,
)
holidays_app = typer.Typer(
    help=help_of("holidays"),
    no_args_is_help=True,
)


@settings_app.command(
    "show", help=_("Show the limits in force on a day (default: today).")
)
def settings_show(ctx: typer.Context, as_of: AsOf = None, as_json: JsonFlag = False):
    found = store.in_force(ctx.obj.open(), today(as_of))
    if as_json:
        output.print_json({item.key: _setting_dict(item) for item in found})
        return
    _rows(
        [*_fixed(_("Key"), _("Value"), _("Since")), Column(_("Meaning"), WRAPPED)],
        [
            (item.key, item.value, _since(item), _(store.KEYS[item.key][1]))
            for item in found
        ],
    )


@settings_app.command("history", help=_("List every dated value ever set."))
def settings_history(ctx: typer.Context, as_json: JsonFlag = False):
    found = store.history(ctx.obj.open())
    if as_json:
        output.print_json([{"key": item.key, **_setting_dict(item)} for item in found])
        return
    _rows(
        _fixed(_("Key"), _("Value"), _("Since")),
        [(item.key, item.value, _since(item)) for item in found],
        _("No limit was ever set: the defaults are in force."),
    )


# ignore_unknown_options: "-3" reaches the check of the value, which says
# what is wrong, instead of being taken for an option.
@settings_app.command(
    "set",
    help=_("Set a limit for the complaints received from a day on."),
    context_settings={"ignore_unknown_options": True},
)
def settings_set(
    ctx: typer.Context,
    key: Annotated[
        str, typer.Argument(help=_("response_days, response_unit or ack_days."))
    ],
    value: Annotated[
        str, typer.Argument(help=_("Days (1-365), calendar/working, or none."))
    ],
    since: Annotated[
        str | None,
        typer.Option(
            "--from", help=_("For complaints received from this day (default: today).")
        ),
    ] = None,
    as_of: AsOf = None,
):
    start = optional_date(since) or today(as_of)
    change = store.set_setting(ctx.obj.open(), key, value, start)
    setting = change.setting
    typer.echo(
        _(
            "{key} is {value} for complaints received from {since} (was {before})."
        ).format(
            key=setting.key,
            value=setting.value,
            since=setting.since.isoformat(),
            before=change.before,
        )
    )
    typer.echo(_recomputed(change.recomputed))


def _setting_dict(item: store.Setting) -> dict:
    return {
        "value": item.value,
        "since": item.since.isoformat() if item.since else None,
    }


def _since(item: store.Setting) -> str:
    return item.since.isoformat() if item.since else _("default")


def _recomputed(count: int) -> str:
    if count == 0:
        return _("No stored due date changed.")
    return ngettext(
        "The due date of {count} complaint was recomputed.",
        "The due dates of {count} complaints were recomputed.",
        count,
    ).format(count=count)


@holidays_app.command(
    "list", help=_("List the national holidays and the agency's days off of a year.")
)
def holidays_list(
    ctx: typer.Context,
    year: year_option(_("The year (default: this year).")) = None,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
):
    year = year or today(as_of).year
    found = days_off.year(ctx.obj.open(), year)
    if as_json:
        output.print_json([holiday.to_dict() for holiday in found])
        return
    _rows(
        [*_fixed(_("Day"), _("Source")), Column(_("Name"), TEXT)],
        [(holiday.day.isoformat(), holiday.source, holiday.name) for holiday in found],
        _("No days off are listed for {year}.").format(year=year),
    )


@holidays_app.command(
    "add", help=_("Add a day off of the agency's own (a regional holiday, say).")
)
def holidays_add(
    ctx: typer.Context,
    day: Annotated[str, typer.Argument(help=_("The day off (YYYY-MM-DD)."))],
    name: Annotated[str, typer.Argument(help=_("What it is, e.g. Galungan."))],
):
    holiday, moved = days_off.add(ctx.obj.open(), parse_date(day), name)
    typer.echo(
        _("Added {day} ({name}) to the agency's days off.").format(
            day=holiday.day.isoformat(), name=holiday.name
        )
    )
    typer.echo(_recomputed(moved))


@holidays_app.command("remove", help=_("Take a day off the agency's own list."))
def holidays_remove(
    ctx: typer.Context,
    day: Annotated[str, typer.Argument(help=_("The day off (YYYY-MM-DD)."))],
):
    holiday, moved = days_off.remove(ctx.obj.open(), parse_date(day))
    typer.echo(
        _("Removed {day} ({name}) from the agency's days off.").format(
            day=holiday.day.isoformat(), name=holiday.name
        )
    )
    typer.echo(_recomputed(moved))


@holidays_app.command(
    "refresh",
    help=_("Re-read the national holidays from the installed holidays package."),
)
def holidays_refresh(ctx: typer.Context):
    changes, moved = days_off.refresh(ctx.obj.open())
    if not changes:
        typer.echo(_("The national holidays stored are those of the package."))
        return
    for day, before, after in changes:
        typer.echo(f"{day.isoformat()}: {before or '-'} -> {after or '-'}")
    typer.echo(_recomputed(moved))


def _fixed(*headings: str) -> list[Column]:
    return [Column(heading) for heading in headings]


def _rows(columns: list[Column], rows: list[tuple], empty: str | None = None) -> None:
    """A table on a terminal, plain tab-separated lines otherwise."""
    if is_interactive():
        output.print_table(columns, rows, empty=empty)
    else:
        output.plain_lines(rows)


def add_to(app: typer.Typer) -> None:
    app.add_typer(settings_app, name="settings")
    app.add_typer(holidays_app, name="holidays")
