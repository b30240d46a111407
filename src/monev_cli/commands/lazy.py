"""The table of commands: each one's module and help, so that a run builds
only its own command.

Typer builds a click command from a function's signature and annotations
each time the program starts; for forty commands that costs more than the
work of a short command. The table names each command's module; the command,
and no other, is built the first time the run asks for it. The root's help lists every
command from the table's help texts, without building any.
"""

import importlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import NamedTuple

import typer
from typer import _click
from typer.core import TyperCommand, TyperGroup

from monev_cli.commands.language import translate_tree
from monev_cli.i18n import N_, _


class Entry(NamedTuple):
    module: str  # under monev_cli.commands
    help: str  # the msgid of the command's help


# In the order of the help.
COMMANDS = {
    "record": Entry(
        "complaints", N_("Record a new complaint and print its tracking number.")
    ),
    "update": Entry(
        "complaints",
        N_("Change a complaint's status; the change is kept in its history."),
    ),
    "note": Entry("complaints", N_("Add a follow-up note to a complaint's history.")),
    "void": Entry(
        "complaints",
        N_("Withdraw a mistaken entry; it stays in the history, out of every count."),
    ),
    "restore": Entry(
        "corrections",
        N_("Bring back a complaint voided by mistake; the history keeps both."),
    ),
    "correct": Entry(
        "corrections",
        N_(
            "Correct what was recorded wrongly (unit, channel, type, date, ...); "
            "the history keeps the old and the new value."
        ),
    ),
    "show": Entry("complaints", N_("Show one complaint with its whole history.")),
    "receipt": Entry(
        "receipt",
        N_("Write the receipt (tanda terima) a complainant takes home, as PDF."),
    ),
    "list": Entry(
        "complaints", N_("List complaints, oldest first, with their due dates.")
    ),
    "overdue": Entry(
        "overdue",
        N_(
            "List the complaints not done in time, oldest first (prints nothing "
            "when none is overdue: for cron)."
        ),
    ),
    "recap": Entry(
        "report", N_("Count the period's complaints by channel, type and status.")
    ),
    "report": Entry(
        "report",
        N_("Write the monitoring and evaluation report for a year or a period."),
    ),
    "consolidate": Entry(
        "consolidate",
        N_(
            "Write one report over many agencies' registers or exports, reading "
            "them only."
        ),
    ),
    "import": Entry(
        "transfer",
        N_("Import complaints from a spreadsheet or an export: all rows or none."),
    ),
    "export": Entry(
        "transfer",
        N_("Export complaints as CSV, XLSX, monev JSON (with history) or Open311."),
    ),
    "init": Entry("setup", N_("Create a new, empty register.")),
    "sample": Entry(
        "setup", N_("Fill a register (created if missing) with a realistic sample.")
    ),
    "profile": Entry(
        "setup", N_("The agency profile used on the report's cover and signature.")
    ),
    "channels": Entry("codes", N_("The channels complaints arrive through.")),
    "types": Entry("codes", N_("The types of complaint.")),
    "settings": Entry(
        "deadlines",
        N_("The response limits: days, their unit, the initial-response limit."),
    ),
    "holidays": Entry(
        "deadlines",
        N_("Days off that working days skip: national ones and the agency's own."),
    ),
    "narrative": Entry(
        "report", N_("The report's texts: defaults, replaced by the agency's own.")
    ),
    "templates": Entry("report", N_("The report templates an agency can change.")),
    "check": Entry(
        "maintenance",
        N_("Check the register: SQLite's integrity and monev's own rules."),
    ),
    "backup": Entry(
        "maintenance",
        N_("Copy the register to DEST, consistently, even while desks write."),
    ),
}


def help_of(name: str) -> str:
    """The help of command ``name``, as its module gives it to typer."""
    return COMMANDS[name].help


def module_group(module: str, only: str | None = None) -> TyperGroup:
    """The commands of one module, built now: all, or the one named ``only``."""
    holder = typer.Typer()
    importlib.import_module(f"monev_cli.commands.{module}").add_to(holder)
    if only is not None:
        holder.registered_commands = [
            info for info in holder.registered_commands if _name(info) == only
        ]
        holder.registered_groups = [
            info for info in holder.registered_groups if info.name == only
        ]
    return typer.main.get_group(holder)


def _name(info: typer.models.CommandInfo) -> str:
    return info.name or typer.main.get_command_name(info.callback.__name__)


class LazyCommands(Mapping):
    """The root's commands: names known at once, each built when first used,
    in the language of the run."""

    def __init__(self) -> None:
        self._built: dict[str, _click.Command] = {}
        self._listing = False

    def __getitem__(self, name: str) -> _click.Command:
        if name not in self._built and self._listing:
            return TyperCommand(name, help=_(COMMANDS[name].help))
        if name not in self._built:
            built = module_group(COMMANDS[name].module, name).commands[name]
            translate_tree(built)
            self._built[name] = built
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)

    @contextmanager
    def listing(self) -> Iterator[None]:
        """Meanwhile, a command not built yet is only its name and help: all
        that the root's help shows of it."""
        self._listing = True
        try:
            yield
        finally:
            self._listing = False
