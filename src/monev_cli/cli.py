"""The ``monev`` command: the root options, the commands, and the one place
where errors become a single ``Error:`` line on stderr."""

import os
import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer import _click  # typer bundles click; its exceptions live here
from typer.core import TyperGroup

from monev_cli.commands.common import Session, default_register_path, os_user
from monev_cli.commands.language import localized, usage_message
from monev_cli.commands.lazy import LazyCommands
from monev_cli.errors import MonevError
from monev_cli.i18n import _, check_language
from monev_cli.texts import as_typed


class MonevGroup(TyperGroup):
    """Runs a command and turns every failure into one line and an exit code.

    Its commands are built only when named; its help lists them from the
    table of commands: building every command of typer is most of a short
    command's start-up."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands()

    def list_commands(self, ctx: typer.Context) -> list[str]:
        return list(self.commands)  # typer's own builds each to list its name

    def format_help(self, ctx: typer.Context, formatter) -> None:
        with self.commands.listing():
            super().format_help(ctx, formatter)

    def main(self, args=None, prog_name=None, standalone_mode=True, **extra):
        args = sys.argv[1:] if args is None else list(args)
        with localized(self, args):
            self._run(args, prog_name, **extra)

    def _run(self, args, prog_name, **extra):
        try:
            code = super().main(
                args=args,
                prog_name=prog_name or "monev",
                standalone_mode=False,
                **extra,
            )
        except MonevError as error:
            _fail(error.message, error.exit_code)
        except _click.exceptions.NoArgsIsHelpError:
            sys.exit(0)  # the help has been shown
        except _click.exceptions.UsageError as error:
            _fail(usage_message(error), error.exit_code)
        except _click.exceptions.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except UnicodeEncodeError as error:
            # Bytes that are not UTF-8 reach Python as surrogates; the checks
            # of typed text catch them first, this is the safety net.
            _fail(
                _("'{text}' is not valid UTF-8 text: retype it.").format(
                    text=error.object
                ),
                1,
            )
        except sqlite3.Error as error:
            _fail(
                _(
                    "The register could not be read or written ({reason}); nothing "
                    "was changed. Run 'monev check'."
                ).format(reason=error),
                1,
            )
        except (typer.Abort, KeyboardInterrupt):
            _fail(_("Cancelled: nothing was changed."), 1)
        except BrokenPipeError:
            # The reader (head, a pager) has gone: stop quietly, as cat does.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str, code: int) -> None:
    sys.stderr.write(f"Error: {as_typed(' '.join(message.split()))}\n")
    sys.exit(code or 1)


app = typer.Typer(
    cls=MonevGroup,
    name="monev",
    help=_(
        "Keep an agency's register of public-service complaints (pengaduan "
        "pelayanan publik), answer each in time, and write the yearly report."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            envvar="MONEV_DB",
            help=_("Register file (default: MONEV_DB, else the per-user register)."),
            show_default=False,
        ),
    ] = None,
    officer: Annotated[
        str | None,
        typer.Option(
            "--officer",
            envvar="MONEV_OFFICER",
            help=_("Officer name written into the history (default: your login)."),
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="MONEV_LANG",
            help=_(
                "Language of the messages (default: MONEV_LANG, else the "
                "profile's lang, else the system's language)."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    # The language has been chosen before parsing (commands/language.py), so
    # that help texts are in it too; here a wrong one is refused.
    if lang:
        check_language(lang)
    ctx.obj = Session(
        db_path=db or default_register_path(), officer=officer or os_user()
    )
    ctx.call_on_close(ctx.obj.close)


def main() -> None:
    app()
