"""The language of one run of ``monev``: chosen before the command is parsed,
then applied to everything typer shows, its own words included.

The command modules write ``help=_("...")``; they are imported before the
language is known, so their help texts are the English msgids. Typer builds
a fresh click command tree for every run, and ``localized()`` translates the
help in that tree once the language is chosen. Typer's bundled click writes
its messages in English without gettext: the usage errors people meet are
rebuilt here from the exception's fields, the rest stays English.
"""

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import typer.core
from typer import _click

from monev_cli import i18n
from monev_cli.commands.common import default_register_path
from monev_cli.i18n import N_, _
from monev_cli.register.catalog import stored_language

# Typer's own messages, which it translates with the standard gettext: listed
# so that the catalog holds them; typer.core's ``_`` is pointed at ours.
TYPER_MESSAGES = (N_("No such command {name!r}."), N_("Missing command."))
# The words of typer's rich help: constants that typer computes once, at
# import, with the standard gettext; set anew in our catalog's language.
RICH_HELP_WORDS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "DEFAULT_STRING": N_("[default: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "DEPRECATED_STRING": N_("(deprecated) "),
}
# How click words the rest of a command line that no parameter takes.
EXTRA_ARGUMENTS = "Got unexpected extra argument(s) ("
# How typer adds the commands it takes a mistyped one for, in English only.
DID_YOU_MEAN = ". Did you mean "


@contextmanager
def localized(group: _click.Command, args: Sequence[str]) -> Iterator[None]:
    """Run ``monev`` with ``args`` in the language chosen for them."""
    with i18n.speaking(choose_language(group, args)):
        typer.core._ = i18n._
        translate_tree(group)
        yield


def choose_language(group: _click.Command, args: Sequence[str]) -> str:
    params = _root_params(group, args)
    register = Path(params.get("db") or default_register_path())
    return i18n.choose(
        params.get("lang"), lambda: stored_language(register), os.environ
    )


def _root_params(group: _click.Command, args: Sequence[str]) -> dict:
    """The root options (--lang, --db and their environment variables) as
    click reads them, running nothing: a wrong value is reported when the
    command itself is parsed."""
    try:
        return group.make_context("monev", list(args), resilient_parsing=True).params
    except _click.ClickException:
        return {}


def translate_tree(command: _click.Command) -> None:
    command.context_class = LocalizedContext
    for attribute in ("help", "short_help", "epilog"):
        if text := getattr(command, attribute, None):
            setattr(command, attribute, _(text))
    for param in command.params:
        if text := getattr(param, "help", None):
            param.help = _(text)
    subcommands = getattr(command, "commands", {})
    if isinstance(subcommands, dict):  # a lazy mapping translates as it builds
        for subcommand in subcommands.values():
            translate_tree(subcommand)


class LocalizedFormatter(_click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None):
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)


class LocalizedContext(_click.Context):
    """Shows help with typer's and click's own words in the chosen language."""

    formatter_class = LocalizedFormatter

    def get_help(self) -> str:
        _translate_rich_help()
        help_option = self.command.get_help_option(self)
        if help_option is not None:
            help_option.help = _("Show this message and exit.")
        return super().get_help()


def _translate_rich_help() -> None:
    # Imported for help only: it loads rich.
    from typer import rich_utils

    for name, text in RICH_HELP_WORDS.items():
        setattr(rich_utils, name, _(text))


def usage_message(error: _click.exceptions.UsageError) -> str:
    """A mistake in the command line, in the chosen language, with where to
    look for the right way to type it."""
    command = error.ctx.command_path if error.ctx else "monev"
    return _("{message} (see '{command} --help')").format(
        message=_click_message(error).rstrip("."), command=command
    )


def _click_message(error: _click.exceptions.UsageError) -> str:
    exceptions = _click.exceptions
    if isinstance(error, exceptions.NoSuchOption):
        if error.possibilities:
            return _("No such option: {option} (Possible options: {choices})").format(
                option=error.option_name, choices=", ".join(sorted(error.possibilities))
            )
        return _("No such option: {option}").format(option=error.option_name)
    if isinstance(error, exceptions.MissingParameter) and error.param is not None:
        name = error.param.get_error_hint(error.ctx)
        if error.param.param_type_name == "argument":
            return _("Missing argument {name}.").format(name=name)
        return _("Missing option {name}.").format(name=name)
    if isinstance(error, exceptions.BadParameter) and error.param is not None:
        return _("Invalid value for {name}: {reason}").format(
            name=error.param.get_error_hint(error.ctx), reason=error.message
        )
    if isinstance(error, exceptions.BadOptionUsage) and error.message == (
        f"Option {error.option_name!r} requires an argument."
    ):
        return _("Option '{option}' needs a value after it.").format(
            option=error.option_name
        )
    if error.message.startswith(EXTRA_ARGUMENTS):
        return _(
            "Got unexpected extra argument(s) ({words}); put a text that holds "
            "spaces in quotes."
        ).format(words=error.message.removeprefix(EXTRA_ARGUMENTS).removesuffix(")"))
    if DID_YOU_MEAN in error.message:
        mistake, guesses = error.message.split(DID_YOU_MEAN, 1)
        return _("{mistake}. Did you mean {commands}?").format(
            mistake=mistake, commands=guesses.removesuffix("?")
        )
    return error.format_message()
