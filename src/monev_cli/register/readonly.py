"""Reading another office's register without changing it by a single byte.

A register given to a consolidation is opened with SQLite's ``immutable``
flag: no lock, no journal, no ``-wal`` or ``-shm`` file beside it, so a
register on a read-only flash disk reads as well as one on the desk. One from
an older monev is never migrated in place: it is copied into a scratch file
and brought up to date there. An export is stored into a scratch register, so
that every input is counted by the same queries as the agency's own report.
"""

import sqlite3
from pathlib import Path
from typing import NamedTuple

from monev_cli.errors import RegisterFileError
from monev_cli.i18n import _
from monev_cli.register import identity, migrations
from monev_cli.register.connection import Register, _connect, create_register


class Opened(NamedTuple):
    register: Register
    applied: int  # migrations the file had when it was opened


class Coverage(NamedTuple):
    first: str | None  # ISO dates of the first and last complaint counted
    last: str | None
    complaints: int


def open_readonly(path: Path) -> Opened:
    """The register at ``path``, opened read-only and immutable; refused when
    it is not a register, is damaged, or is newer than this monev."""
    _check_input_file(path)
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as error:
        raise input_error(path, error) from None
    conn.row_factory = sqlite3.Row
    register = Register(conn, path)
    try:
        names = identity.applied(register)
    except sqlite3.DatabaseError as error:
        register.close()
        raise input_error(path, error) from None
    if not names or any(name not in migrations.NAMES for name in names):
        register.close()
        raise _not_readable(path, names)
    return Opened(register, len(names))


def verify(register: Register) -> None:
    """Every page of the file read and checked (SQLite's quick_check): damage
    where a report's queries do not look is found too."""
    rows = register.rows("PRAGMA quick_check")
    if rows[0][0] != "ok":
        raise _damaged(register.path)


def upgraded_copy(opened: Opened, target: Path) -> Register:
    """An older register copied to ``target`` and brought up to date there;
    the original is only read."""
    copy = Register(_connect(target), target)
    try:
        opened.register.conn.backup(copy.conn)
        with copy.write():
            migrations.apply(copy.db)
    except sqlite3.DatabaseError as error:
        copy.close()
        raise input_error(opened.register.path, error) from None
    return copy


def coverage(register: Register) -> Coverage:
    first, last, count = register.row(
        "SELECT MIN(received_on), MAX(received_on), COUNT(*) FROM complaints "
        "WHERE voided = 0"
    )
    return Coverage(first, last, count)


def scratch_register(
    target: Path, profile: dict[str, str], settings: list[tuple[str, str, str]]
) -> Register:
    """A new register at ``target`` holding an export's profile and limits,
    to import its complaints (and the codes it lists) into."""
    register = create_register(target)
    with register.write() as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO profile (key, value) VALUES (?, ?)",
            [(key, value) for key, value in profile.items() if value],
        )
        conn.executemany(
            "INSERT INTO settings (key, effective_from, value) VALUES (?, ?, ?)",
            settings,
        )
    return register


def _check_input_file(path: Path) -> None:
    if not path.exists():
        raise RegisterFileError(_("There is no file {path}.").format(path=path))
    try:
        size = path.stat().st_size
        with path.open("rb"):
            pass
    except OSError as error:
        raise RegisterFileError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=error.strerror)
        ) from None
    if size == 0:
        raise RegisterFileError(
            _("{path} is an empty file, not a monev register.").format(path=path)
        )
    for suffix in ("-wal", "-journal"):
        # changes not yet in the file: an immutable read would not see them
        beside = path.with_name(path.name + suffix)
        if beside.exists() and beside.stat().st_size > 0:
            raise RegisterFileError(
                _(
                    "{path} has a {suffix} file beside it: the register is open "
                    "in monev or was copied while open. Close monev on it, or ask "
                    "the agency for a copy made with 'monev backup'."
                ).format(path=path, suffix=suffix)
            )


def _not_readable(path: Path, names: list[str]) -> RegisterFileError:
    if not names:
        return RegisterFileError(
            _("{path} is a SQLite database but not a monev register.").format(path=path)
        )
    return RegisterFileError(
        _(
            "{path} was written by a newer version of monev: upgrade monev to "
            "consolidate it."
        ).format(path=path)
    )


def input_error(path: Path, error: sqlite3.Error) -> RegisterFileError:
    """What SQLite's refusal of an input means for the consolidating office."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_NOTADB"):
        return RegisterFileError(
            _("{path} is neither a monev register nor a monev JSON export.").format(
                path=path
            )
        )
    if name.startswith("SQLITE_CORRUPT"):
        return _damaged(path)
    return RegisterFileError(
        _("The register {path} could not be read ({reason}).").format(
            path=path, reason=error
        )
    )


def _damaged(path: Path) -> RegisterFileError:
    return RegisterFileError(
        _(
            "The register {path} is damaged: ask its agency for a new copy "
            "(made with 'monev backup')."
        ).format(path=path)
    )
