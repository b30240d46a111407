"""What every command shares: the session, today's date, the officer's stamp."""

import getpass
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from monev_cli.dates import check_year, parse_date
from monev_cli.errors import InputError
from monev_cli.i18n import _
from monev_cli.models import Stamp
from monev_cli.register import Register, open_register
from monev_cli.texts import clean_text


class Session:
    """What every command of one run shares: the register file, the officer,
    and the registers opened, to close at the end."""

    def __init__(self, db_path: Path, officer: str) -> None:
        self.db_path = db_path
        self.officer = officer
        self.opened: list[Register] = []
        self._closed: list[Register] = []
        self.wrote_file = False

    @property
    def saved(self) -> bool:
        """Whether this run changed the register or wrote a file."""
        return self.wrote_file or any(r.changed for r in self.opened + self._closed)

    def open(self, opener: Callable[[Path], Register] = open_register) -> Register:
        """The register, closed when the command ends (closing the last
        connection folds the -wal file back into the register)."""
        register = opener(self.db_path)
        self.opened.append(register)
        return register

    def close(self) -> None:
        while self.opened:
            register = self.opened.pop()
            register.close()
            self._closed.append(register)

    def stamp(self, as_of: date) -> Stamp:
        logged_at = recording_clock().isoformat(timespec="seconds")
        officer = clean_text(self.officer, _("officer name"), required=True)
        return Stamp(officer=officer, logged_at=logged_at, as_of=as_of)


def recording_clock() -> datetime:
    """When an entry is typed in: the computer's clock, never --as-of (an
    audit stamp is not the officer's to choose); tests fix it with MONEV_NOW."""
    fixed = os.environ.get("MONEV_NOW")
    if not fixed:
        return datetime.now().astimezone()
    try:
        clock = datetime.fromisoformat(fixed)
    except ValueError:
        raise InputError(
            _(
                "MONEV_NOW is '{value}', not a date and time such as "
                "2024-01-05T09:30:00+08:00: correct it or unset it."
            ).format(value=fixed)
        ) from None
    return clock if clock.tzinfo else clock.astimezone()


def default_register_path() -> Path:
    """The per-user register: under XDG_DATA_HOME (or %APPDATA% on Windows)."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "monev" / "register.db"


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help=_("Take this date (YYYY-MM-DD) as today (default: today)."),
        show_default=False,
    ),
]

JsonFlag = Annotated[bool, typer.Option("--json", help=_("Print JSON for scripts."))]
Ref = Annotated[
    str,
    typer.Argument(
        help=_("Tracking number (e.g. ADU-2023-0007) or external reference.")
    ),
]
TemplateDir = Annotated[
    Path | None,
    typer.Option(
        "--template-dir",
        envvar="MONEV_TEMPLATES",
        help=_("The agency's template folder, searched before the built-in one."),
    ),
]


def year_option(help: str):
    """A --year: every one is checked as the core checks a year, with its
    message (``dates.check_year``)."""
    return Annotated[int | None, typer.Option(help=help, callback=_checked_year)]


def _checked_year(year: int | None) -> int | None:
    return year if year is None else check_year(year)


def today(as_of: str | None) -> date:
    """The command line's "today": the only place the clock is read."""
    return date.today() if as_of is None else parse_date(as_of)


def optional_date(text: str | None) -> date | None:
    """The date typed, or None when the option was left out; an empty value
    (``--date ""``) is refused, never taken for today."""
    return None if text is None else parse_date(text)


def is_interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()
