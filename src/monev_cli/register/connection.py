"""Opening a register file, and the one way to write to it: ``Register.write()``."""

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from monev_cli.errors import RegisterFileError
from monev_cli.i18n import _
from monev_cli.paths import SIDE_FILES
from monev_cli.register import migrations

BUSY_TIMEOUT_MS = 30_000


class Register:
    """One agency's register: a SQLite connection and its transactions."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._db = None
        self.changed = False  # a write was committed

    @property
    def db(self):
        """A sqlite-utils view of the connection, imported only when needed."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """All of a change or none of it. The write lock is taken up front so
        that two desks never read the same next tracking number; a write
        inside a write becomes a savepoint of the outer one."""
        if self.conn.in_transaction:
            with self._savepoint():
                yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise file_error(self.path, error) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
            self.changed = True
        except BaseException as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if _is_file_error(error):
                raise file_error(self.path, error) from None
            raise

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        self.conn.execute("SAVEPOINT nested")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO nested")
            raise
        finally:
            self.conn.execute("RELEASE nested")

    def rows(self, sql: str, params: Sequence = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def row(self, sql: str, params: Sequence = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def close(self) -> None:
        self.conn.close()


def create_register(path: Path) -> Register:
    """Make a new register file, readable by its owner only."""
    if path.is_dir():
        raise _folder_error(path)
    if path.exists():
        raise RegisterFileError(
            _("A register already exists at {path}: nothing was changed.").format(
                path=path
            )
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as error:
        raise RegisterFileError(
            _("Cannot create a register at {path}: {reason}.").format(
                path=path, reason=error.strerror
            )
        ) from None
    register = Register(_connect(path), path)
    register.conn.execute("PRAGMA journal_mode=WAL")
    with register.write():
        migrations.apply(register.db)
    return register


def discard_new_register(register: Register) -> None:
    """Remove a register this run created and then could not fill, with the
    files SQLite keeps beside it."""
    register.close()
    for suffix in SIDE_FILES:
        Path(f"{register.path}{suffix}").unlink(missing_ok=True)


def open_register(path: Path) -> Register:
    """Open an existing register, bringing an older one up to date."""
    _check_file(path)
    try:
        register = Register(_connect(path), path)
        applied = _applied_migrations(register)
    except sqlite3.DatabaseError as error:
        raise file_error(path, error) from None
    _check_version(register, applied)
    if len(applied) < len(migrations.NAMES):
        _upgrade(register)
        register.changed = False  # bringing it up to date is no change of its own
    return register


def open_for_check(path: Path) -> Register:
    """Open a register as it is, damaged or not: no version check and no
    upgrade, so that ``monev check`` can say what is wrong with it."""
    _check_file(path)
    try:
        return Register(_connect(path), path)
    except sqlite3.DatabaseError as error:
        raise file_error(path, error) from None


def _upgrade(register: Register) -> None:
    """Apply the missing migrations under the write lock: when two desks open
    an older register at once, the second finds the work done."""
    with register.write():
        if len(_applied_migrations(register)) < len(migrations.NAMES):
            migrations.apply(register.db)


def _is_file_error(error: BaseException) -> bool:
    """A refusal by the file or the disk, not a fault in monev's own SQL."""
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.IntegrityError | sqlite3.ProgrammingError
    )


def _folder_error(path: Path) -> RegisterFileError:
    return RegisterFileError(
        _("{path} is a folder: give the path of a register file.").format(path=path)
    )


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise _folder_error(path)
    if not path.exists():
        raise RegisterFileError(
            _(
                "There is no register at {path}. Create one with 'monev init', "
                "or point to yours with --db or MONEV_DB."
            ).format(path=path)
        )
    if not os.access(path, os.R_OK):
        raise RegisterFileError(
            _("Cannot read {path}: check the file's permissions.").format(path=path)
        )
    if path.stat().st_size == 0:
        raise RegisterFileError(
            _(
                "{path} is an empty file, not a monev register: restore your "
                "backup over it, or remove it and run 'monev init'."
            ).format(path=path)
        )


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def _applied_migrations(register: Register) -> list[str]:
    exists = register.row(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
        ("_sqlite_migrations",),
    )
    if not exists:
        return []
    return [
        row[0]
        for row in register.rows(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
            (migrations.MIGRATION_SET,),
        )
    ]


def _check_version(register: Register, applied: list[str]) -> None:
    path = register.path
    if not applied:
        register.close()
        raise RegisterFileError(
            _(
                "{path} is a SQLite database but not a monev register: check "
                "--db or MONEV_DB."
            ).format(path=path)
        )
    unknown = [name for name in applied if name not in migrations.NAMES]
    if unknown:
        register.close()
        raise RegisterFileError(
            _(
                "{path} was written by a newer version of monev: upgrade monev "
                "to open it."
            ).format(path=path)
        )


def file_error(path: Path, error: sqlite3.DatabaseError) -> RegisterFileError:
    """What SQLite's refusal means for the person at the desk."""
    name = getattr(error, "sqlite_errorname", "") or ""
    for prefixes, message in _FILE_ERRORS:
        if name.startswith(prefixes):
            return RegisterFileError(message().format(path=path))
    return RegisterFileError(
        _(
            "The register {path} could not be read or written ({reason}): nothing "
            "was changed. Run 'monev check'."
        ).format(path=path, reason=error)
    )


# (SQLite error names, message), the first match wins; the messages are
# functions so that they are translated when shown.
_FILE_ERRORS = (
    (
        ("SQLITE_NOTADB",),
        lambda: _(
            "{path} is not a monev register (not a SQLite database): check "
            "--db or MONEV_DB."
        ),
    ),
    (
        ("SQLITE_CORRUPT",),
        lambda: _(
            "The register {path} is damaged: run 'monev check', then restore "
            "your latest backup."
        ),
    ),
    (
        ("SQLITE_READONLY_DIRECTORY",),
        lambda: _(
            "The folder of {path} is read-only, and a register writes its -wal "
            "and -shm files beside it: copy the register to a writable folder."
        ),
    ),
    (
        ("SQLITE_READONLY", "SQLITE_PERM"),
        lambda: _(
            "The register {path} is read-only: nothing was changed. Check "
            "the file's permissions."
        ),
    ),
    (
        ("SQLITE_BUSY", "SQLITE_LOCKED"),
        lambda: _(
            "The register {path} is busy with another desk's change: "
            "nothing was changed. Try again in a moment."
        ),
    ),
    (
        ("SQLITE_CANTOPEN",),
        lambda: _(
            "Cannot open the register {path}: check the permissions of the "
            "file and of its folder."
        ),
    ),
    (
        ("SQLITE_FULL",),
        lambda: _(
            "The disk holding {path} is full: nothing was changed. Free some "
            "space and try again."
        ),
    ),
)
