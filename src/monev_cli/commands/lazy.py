"""Which module holds which command, so that a run builds only its own.

Typer builds a click command from a function's signature and annotations
each time the program starts; for forty commands that costs more than the
work of a short command. The table names each command's module; the
command is built the first time the run asks for it.
"""

import importlib
from collections.abc import Iterator, Mapping

import typer
from typer import _click
from typer.core import TyperGroup

from monev_cli.commands.language import translate_tree

# command -> module under monev_cli.commands, in the order of the help.
MODULES = {
    "record": "complaints",
    "update": "complaints",
    "note": "complaints",
    "void": "complaints",
    "show": "complaints",
    "list": "complaints",
    "overdue": "overdue",
    "recap": "report",
    "report": "report",
    "import": "transfer",
    "export": "transfer",
    "init": "setup",
    "sample": "setup",
    "profile": "setup",
    "channels": "setup",
    "types": "setup",
    "settings": "deadlines",
    "holidays": "deadlines",
    "narrative": "report",
    "templates": "report",
    "check": "maintenance",
    "backup": "maintenance",
}


def module_group(module: str) -> TyperGroup:
    """Every command of one module, built now."""
    holder = typer.Typer()
    importlib.import_module(f"monev_cli.commands.{module}").add_to(holder)
    return typer.main.get_group(holder)


class LazyCommands(Mapping):
    """The root's commands: names known at once, each built when first used,
    in the language of the run."""

    def __init__(self) -> None:
        self._built: dict[str, _click.Command] = {}

    def __getitem__(self, name: str) -> _click.Command:
        if name not in self._built:
            group = module_group(MODULES[name])
            for built in group.commands.values():
                translate_tree(built)
            self._built.update(group.commands)
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(MODULES)

    def __len__(self) -> int:
        return len(MODULES)
