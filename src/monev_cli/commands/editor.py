"""Editing a text in the officer's editor ($VISUAL, $EDITOR), with every way
an editor can fail said in one line and nothing changed."""

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from monev_cli.errors import InputError
from monev_cli.i18n import _


def edit(text: str) -> str | None:
    """The text as the editor saved it; None when it was left as it was."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.TemporaryDirectory(prefix="monev-") as folder:
        path = Path(folder) / "text.txt"
        path.write_text(text, encoding="utf-8")
        _run(editor, path)
        return _saved_text(path, text)


def _run(editor: str, path: Path) -> None:
    try:
        status = subprocess.call([*shlex.split(editor), str(path)])
    except (OSError, ValueError) as error:
        raise InputError(
            _(
                "The editor '{editor}' could not be started ({reason}): set "
                "EDITOR to your editor's command. Nothing was changed."
            ).format(editor=editor, reason=getattr(error, "strerror", None) or error)
        ) from None
    if status != 0:
        raise InputError(
            _(
                "The editor '{editor}' failed (exit status {status}): nothing "
                "was changed."
            ).format(editor=editor, status=status)
        )


def _saved_text(path: Path, before: str) -> str | None:
    try:
        saved = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(
            _(
                "The editor saved text that is not UTF-8: save it as UTF-8. "
                "Nothing was changed."
            )
        ) from None
    except OSError as error:
        raise InputError(
            _(
                "The editor left no text file behind ({reason}): nothing was changed."
            ).format(reason=error.strerror)
        ) from None
    return None if saved == before else saved
