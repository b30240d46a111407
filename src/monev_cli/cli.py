"""The ``monev`` command: the root options, the commands, and the one place
where errors become a single ``Error:`` line on stderr."""

import contextlib
import io
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

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError as error:
            # click would end the run silently; the outcome is said in _run
            raise _ReaderGone(error) from None

    def main(self, args=None, prog_name=None, standalone_mode=True, **extra):
        args = sys.argv[1:] if args is None else list(args)
        with localized(self, args):
            self._run(args, prog_name, **extra)

    def _run(self, args, prog_name, **extra):
        self.session = None
        try:
            code = super().main(
                args=args,
                prog_name=prog_name or "monev",
                standalone_mode=False,
                **extra,
            )
            sys.stdout.flush()  # a full disk or a gone reader shows here
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
        except _ReaderGone as gone:
            self._os_failure(gone.error)
        except OSError as error:
            self._os_failure(error)
        sys.exit(code if isinstance(code, int) else 0)

    def _os_failure(self, error: OSError) -> None:
        """A file named on the command line, or stdout, refused. When stdout
        fails after a change was saved, the script must not do it again."""
        if error.filename is not None:
            _fail(
                _("Cannot use {path}: {reason}.").format(
                    path=error.filename, reason=error.strerror
                ),
                1,
            )
        _silence_stdout()
        if self.session is not None and self.session.saved:
            _fail(
                _(
                    "The change was saved, but its confirmation could not be "
                    "written ({reason}): do not run the command again."
                ).format(reason=error.strerror or error),
                SAVED_UNCONFIRMED,
            )
        if isinstance(error, BrokenPipeError):
            sys.exit(1)  # the reader (head, a pager) has gone: stop quietly
        _fail(
            _("The output could not be written ({reason}).").format(
                reason=error.strerror or error
            ),
            1,
        )


class _ReaderGone(Exception):
    def __init__(self, error: BrokenPipeError) -> None:
        self.error = error


# The exit status of a change saved whose confirmation could not be printed.
SAVED_UNCONFIRMED = 3


def _silence_stdout() -> None:
    """Drop what stdout still holds, so that the exit does not try again."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


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
    ctx.command.session = ctx.obj  # for the outcome, once the command has ended
    ctx.call_on_close(ctx.obj.close)


def main() -> None:
    app()
