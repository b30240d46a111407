"""The questions of `monev record` on a terminal: each asked until its
answer is one the register takes, keeping the answers already given."""

from datetime import date
from typing import NamedTuple

import typer

from monev_cli.errors import InputError
from monev_cli.i18n import _
from monev_cli.register import Register, catalog
from monev_cli.register import complaints as store


class Asker(NamedTuple):
    """Asks for what the options left out; without a terminal, says which
    option to give instead."""

    register: Register
    now: date
    interactive: bool

    def code(self, table: str, flag: str, label: str) -> str:
        """A channel or type, by its code or its number in the list shown."""
        choices = catalog.codes(self.register, table, open_only=True)
        if not self.interactive:
            raise InputError(
                _("Give {flag} (one of: {choices}).").format(
                    flag=flag, choices=", ".join(code.code for code in choices)
                )
            )
        for number, code in enumerate(choices, start=1):
            typer.echo(f"  {number:>2}  {code.code:<12} {code.label}")
        while True:
            answer = _prompt(label).strip().lower()
            if picked := _picked(choices, answer):
                return picked
            typer.echo(
                _("'{answer}' is not in the list: type its number or its code.").format(
                    answer=answer
                ),
                err=True,
            )

    def text(self, field: str, label: str) -> str:
        """A recorded field's text, checked as the register checks it."""
        if not self.interactive:
            raise InputError(_('Give {flag} "...".').format(flag=f"--{field}"))
        while True:
            answer = _prompt(label)
            try:
                checked = store.checked_fields(self.register, {field: answer}, self.now)
            except InputError as error:
                typer.echo(error.message, err=True)
            else:
                return checked[field]


def _picked(choices: list, answer: str) -> str | None:
    """The code the desk typed, by its number in the list or by itself."""
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        return choices[int(answer) - 1].code
    return answer if answer in {code.code for code in choices} else None


def _prompt(label: str) -> str:
    """One answer; Ctrl-C or Ctrl-D cancels the command, which has written
    nothing yet, and the line saying so starts on a line of its own."""
    try:
        return typer.prompt(label)
    except typer.Abort:
        typer.echo()
        raise
