"""The overdue report: what a cron job mails every morning."""

import sys
from collections.abc import Iterable
from datetime import date
from itertools import chain
from typing import Annotated

import typer

from monev_cli.commands import lateness, output
from monev_cli.commands.common import AsOf, JsonFlag, is_interactive, today
from monev_cli.commands.lazy import help_of
from monev_cli.i18n import _
from monev_cli.register import overdue as report

# A Rich table costs about half a millisecond a row: longer reports go plain.
TABLE_MAX = 200
SUMMARY_SHOWN = 80


def overdue(
    ctx: typer.Context,
    within: Annotated[
        int | None,
        typer.Option(
            min=0,
            max=365,
            metavar="N",
            help=_("Also list those due in the next N days."),
        ),
    ] = None,
    count: Annotated[
        bool, typer.Option("--count", help=_("Print only the number overdue."))
    ] = False,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help=_("Exit with 1 when anything is overdue.")),
    ] = False,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    now = today(as_of)
    register = ctx.obj.open()
    if count:
        found = report.count(register, now)
        if as_json:
            output.print_json({"as_of": now.isoformat(), "overdue": found})
        else:
            typer.echo(found)
    else:
        counted = report.Counted(report.batches(register, now, within, status=as_json))
        if as_json:
            items = report.late(counted)
            output.stream_json_list(_late_dict(item, now) for item in items)
        else:
            _print_late(counted, now)
        found = counted.overdue
    if exit_code and found:
        raise typer.Exit(1)


def _print_late(batches: Iterable[report.Batch], now: date) -> None:
    """A table on a terminal for a short report, else one line a row."""
    lines = (_lines(batch, now) for batch in batches)
    if not is_interactive():
        _write(lines)
        return
    first: list[tuple[str, ...]] = []
    for rows in lines:
        first += rows
        if len(first) > TABLE_MAX:
            break
    if not first:
        typer.echo(_("Nothing is overdue on {date}.").format(date=now.isoformat()))
    elif len(first) <= TABLE_MAX:
        title = _("Overdue on {date}").format(date=now.isoformat())
        output.print_table(_columns(), first, title)
    else:
        _write(chain([first], lines))


def _columns() -> list[output.Column]:
    """The table's columns: the cells of the lines; on a short window the
    unit goes first, then the channel."""
    return [
        output.Column(_("Number")),
        output.Column(_("Received")),
        output.Column(_("Late"), output.PHRASE, minimum=16),
        output.Column(_("Channel"), drop=1),
        output.Column(_("Unit"), output.TEXT, minimum=12, drop=2),
        output.Column(_("Summary"), output.TEXT, ratio=2, minimum=16),
    ]


def _write(lines: Iterable[list[tuple[str, ...]]]) -> None:
    """Tab-separated cells, one write a batch: a write a line costs a system
    call each when Python's output is unbuffered (PYTHONUNBUFFERED, set in
    many containers)."""
    write = sys.stdout.write
    for rows in lines:
        if rows:
            write("\n".join(map("\t".join, rows)) + "\n")


def _lines(batch: report.Batch, now: date) -> list[tuple[str, ...]]:
    """The cells of the batch's lines, each one line of text: the same for
    the table and the plain lines. Unlike output.plain_lines, only the
    summary may need making one: the other cells never hold a tab or a line
    break."""
    due_dates = {row[2] for row in batch.rows}
    late = {due: lateness.of_overdue(batch.kind, due, now) for due in due_dates}
    rows = batch.rows
    if not _single_spaced([row[5] for row in rows]):
        rows = [(*row[:5], " ".join(row[5].split())) for row in rows]
    return [
        (
            number,
            received,
            late[due],
            channel,
            unit or "-",
            _shortened(summary) if len(summary) > SUMMARY_SHOWN else summary,
        )
        for number, received, due, channel, unit, summary in rows
    ]


def _single_spaced(summaries: list[str]) -> bool:
    """Whether every summary is one line already, as " ".join(summary.split())
    would make it: printable (no white space but the plain space is), no space
    doubled nor at either end. One look at the whole batch: joined by spaces,
    a summary that starts or ends with one, or is empty, shows as a double
    space (and sends its batch the slower way)."""
    text = " ".join(summaries)
    return (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    )


def _shortened(summary: str) -> str:
    return summary[: SUMMARY_SHOWN - 1] + "…"


def _late_dict(item: report.Late, now: date) -> dict:
    return {
        "kind": item.kind,
        "tracking_no": item.tracking_no,
        "received_on": item.received_on,
        "due_on": item.due_on,
        "days_late": item.days_late(now),
        "status": item.status,
        "channel": item.channel,
        "unit": item.unit,
        "summary": item.summary,
    }


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("overdue"))(overdue)
