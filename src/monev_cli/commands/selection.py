"""The options that choose complaints (status, period, codes, unit), shared
by the commands that list or write out many of them."""

from typing import Annotated

import typer

from monev_cli.commands.common import optional_date, year_option
from monev_cli.i18n import _
from monev_cli.register import listing

Status = Annotated[str | None, typer.Option(help=_("diterima, proses or selesai."))]
Year = year_option(_("Received in this year."))
DateFrom = Annotated[
    str | None, typer.Option("--from", help=_("Received on or after."))
]
DateTo = Annotated[str | None, typer.Option("--to", help=_("Received on or before."))]
Channel = Annotated[str | None, typer.Option(help=_("Channel code."))]
Type = Annotated[str | None, typer.Option("--type", help=_("Type code."))]
Unit = Annotated[str | None, typer.Option(help=_("Handling unit."))]


def filter_from(
    status: str | None,
    year: int | None,
    date_from: str | None,
    date_to: str | None,
    channel: str | None,
    complaint_type: str | None,
    unit: str | None,
    **more,
) -> listing.Filter:
    """The filter the options describe; ``more`` holds the rest of its fields."""
    return listing.Filter(
        status=status,
        year=year,
        date_from=optional_date(date_from),
        date_to=optional_date(date_to),
        channel=channel,
        type=complaint_type,
        unit=unit,
        **more,
    )
