"""Register files that cannot be used as they are: one clear Error line,
and the file left exactly as it was (the same bytes, no file created)."""

import ctypes
import os
import sqlite3
import stat
from contextlib import closing

import pytest
from conftest import AS_OF, error_line, register_digest, run_monev

from monev_cli.register.connection import file_error

RECORD = ("record", "--channel", "surat", "--type", "lainnya", "--summary", "x",
          "--as-of", AS_OF)  # fmt: skip
READ, WRITE = ("list", "--as-of", AS_OF), RECORD
NOT_SQLITE = "is not a monev register (not a SQLite database): check --db or MONEV_DB."


def files_beside(path) -> dict:
    """Every file in the register's folder, with its bytes."""
    return {item.name: item.read_bytes() for item in path.parent.iterdir()}


@pytest.mark.parametrize("command", [READ, WRITE], ids=["read", "write"])
def test_a_file_that_is_not_sqlite(fresh, command):
    fresh.db.write_bytes(b"%PDF-1.7 laporan" * 100)
    before = files_beside(fresh.db)
    assert fresh.fails(*command) == f"Error: {fresh.db} {NOT_SQLITE}"
    assert files_beside(fresh.db) == before


@pytest.mark.parametrize("command", [READ, WRITE], ids=["read", "write"])
def test_a_sqlite_database_of_something_else(fresh, command):
    with closing(sqlite3.connect(fresh.db)) as conn:
        conn.execute("CREATE TABLE photos (name TEXT)")
        conn.commit()
    before = files_beside(fresh.db)
    assert fresh.fails(*command) == (
        f"Error: {fresh.db} is a SQLite database but not a monev register: check "
        "--db or MONEV_DB."
    )
    assert files_beside(fresh.db) == before


@pytest.mark.parametrize("command", [READ, WRITE], ids=["read", "write"])
def test_an_empty_file(fresh, command):
    fresh.db.touch()
    assert fresh.fails(*command) == (
        f"Error: {fresh.db} is an empty file, not a monev register: restore your "
        "backup over it, or remove it and run 'monev init'."
    )
    assert files_beside(fresh.db) == {"register.db": b""}


@pytest.mark.parametrize("command", [READ, WRITE], ids=["read", "write"])
def test_a_register_of_a_newer_monev(monev, command):
    with closing(sqlite3.connect(monev.db)) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('monev', 'm099_from_the_future', '2030-01-01')"
        )
        conn.commit()
    before = files_beside(monev.db)
    assert monev.fails(*command) == (
        f"Error: {monev.db} was written by a newer version of monev: upgrade "
        "monev to open it."
    )
    assert files_beside(monev.db) == before


@pytest.mark.parametrize("command", [READ, WRITE], ids=["read", "write"])
def test_a_missing_file_is_not_created(fresh, command):
    assert fresh.fails(*command) == (
        f"Error: There is no register at {fresh.db}. Create one with 'monev init', "
        "or point to yours with --db or MONEV_DB."
    )
    assert list(fresh.db.parent.iterdir()) == []


@pytest.mark.parametrize("command", [READ, WRITE], ids=["read", "write"])
def test_a_folder(fresh, command):
    fresh.db.mkdir()
    assert fresh.fails(*command) == (
        f"Error: {fresh.db} is a folder: give the path of a register file."
    )
    assert list(fresh.db.iterdir()) == []


def test_registers_are_created_for_their_owner_only(fresh):
    fresh.ok("sample", "--count", "5", "--as-of", AS_OF)
    assert stat.S_IMODE(fresh.db.stat().st_mode) == 0o600


# Read-only files. root may write any file whatever its mode, so when the
# tests run as root the monev process is started without that power
# (CAP_DAC_OVERRIDE and friends dropped from its capability set): it then
# meets file modes as any user does.
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3
PR_CAPBSET_DROP = 24


def without_root_override() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_a_user(db, *args):
    preexec = without_root_override if os.geteuid() == 0 else None
    return run_monev(db, *args, preexec_fn=preexec)


@pytest.fixture
def read_only(monev):
    monev.record()
    monev.db.chmod(0o444)
    yield monev.db
    monev.db.chmod(0o600)


def test_a_read_only_register_can_be_read(read_only):
    result = as_a_user(read_only, "list", "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("ADU-2023-0001\t2023-03-01\t")


@pytest.mark.parametrize(
    "command",
    [
        RECORD,
        ("note", "ADU-2023-0001", "x", "--as-of", AS_OF),
        ("profile", "set", "city", "X"),
    ],
    ids=["record", "note", "profile"],
)
def test_a_read_only_register_is_not_written(read_only, command):
    before = register_digest(read_only), read_only.read_bytes()
    result = as_a_user(read_only, *command)
    assert result.returncode == 1
    assert error_line(result.stderr) == (
        f"Error: The register {read_only} is read-only: nothing was changed. "
        "Check the file's permissions."
    )
    assert (register_digest(read_only), read_only.read_bytes()) == before


def test_a_register_in_a_read_only_folder(read_only):
    folder = read_only.parent
    folder.chmod(0o555)
    try:
        result = as_a_user(read_only, "list", "--as-of", AS_OF)
    finally:
        folder.chmod(0o755)
    assert error_line(result.stderr) == (
        f"Error: The folder of {read_only} is read-only, and a register writes its "
        "-wal and -shm files beside it: copy the register to a writable folder."
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("SQLITE_BUSY", "The register r.db is busy with another desk's change: "
         "nothing was changed. Try again in a moment."),
        ("SQLITE_CANTOPEN", "Cannot open the register r.db: check the permissions "
         "of the file and of its folder."),
        ("SQLITE_FULL", "The disk holding r.db is full: nothing was changed. Free "
         "some space and try again."),
        ("SQLITE_CORRUPT_INDEX", "The register r.db is damaged: run 'monev check', "
         "then restore your latest backup."),
        ("SQLITE_IOERR_WRITE", "The register r.db could not be read or written "
         "(disk I/O error): nothing was changed. Run 'monev check'."),
    ],
)  # fmt: skip
def test_what_sqlites_refusals_mean(name, message):
    """Refusals that a test cannot provoke for real, by SQLite's error name."""
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorname = name
    assert file_error("r.db", error).message == message
