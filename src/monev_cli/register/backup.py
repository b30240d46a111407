"""``monev backup``: a consistent copy of the register made with SQLite's
online backup API, so that desks may go on writing while it runs."""

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import NamedTuple

from monev_cli.errors import InputError, RegisterFileError
from monev_cli.i18n import _
from monev_cli.paths import refuse_register
from monev_cli.register.connection import Register


class Backup(NamedTuple):
    path: Path
    complaints: int


def backup(register: Register, dest: Path, force: bool = False) -> Backup:
    """Copy ``register`` to ``dest``, readable by its owner only. The copy is
    written beside ``dest`` under a temporary name and renamed into place
    once checked, so ``dest`` is never a half-written file."""
    import tempfile

    _check_destination(register, dest, force)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=dest.parent, prefix=f".{dest.name}.", suffix=".partial"
        )
        os.close(handle)  # mkstemp made it 0600; SQLite reopens it by name
        try:
            complaints = _copy(register, Path(temporary))
            _check_destination(register, dest, force)
            os.replace(temporary, dest)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    except OSError as error:
        raise RegisterFileError(
            _("Cannot write the backup {dest} ({reason}): check the folder.").format(
                dest=dest, reason=error.strerror
            )
        ) from None
    return Backup(dest, complaints)


def _check_destination(register: Register, dest: Path, force: bool) -> None:
    if dest.is_dir():
        raise InputError(
            _(
                "{dest} is a folder: give the backup file's name, e.g. {example}."
            ).format(dest=dest, example=dest / "register-backup.db")
        )
    if not dest.parent.is_dir():
        raise InputError(
            _("The folder {folder} does not exist: create it first.").format(
                folder=dest.parent
            )
        )
    refuse_register(dest, register.path)
    if dest.exists() and not force:
        raise InputError(
            _(
                "{dest} exists already: give another file name, or add --force "
                "to replace it."
            ).format(dest=dest)
        )


def _copy(register: Register, target_path: Path) -> int:
    """Copy the register in one step (one consistent snapshot), then check
    the copy; the number of complaints it holds."""
    target = sqlite3.connect(target_path, isolation_level=None)
    try:
        register.conn.backup(target)
        verdict = target.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise RegisterFileError(
                _(
                    "The copy failed its check ({verdict}): nothing was written. "
                    "Run 'monev check' on the register."
                ).format(verdict=verdict)
            )
        return target.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    except sqlite3.OperationalError as error:
        raise RegisterFileError(
            _(
                "Cannot write the backup in {folder} ({reason}): check the folder."
            ).format(folder=target_path.parent, reason=error)
        ) from None
    finally:
        target.close()
