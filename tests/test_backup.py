"""``monev backup DEST``: a consistent copy, readable by its owner only,
that never overwrites a file unless told to, and that restores."""

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from contextlib import closing

import pytest
from conftest import AS_OF, DESK_LOOP, Monev, register_digest


@pytest.fixture
def desk(monev):
    monev.record(name="Ni Made Ayu", contact="0812")
    monev.record("--confidential", name="Rahasia", contact="0813")
    return monev


def test_backup_copies_everything_for_the_owner_only(desk, tmp_path):
    dest = tmp_path / "backup.db"
    assert desk.ok("backup", str(dest)) == f"Backed up 2 complaints to {dest}.\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "backup.db",
        "register.db",
    ]
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert register_digest(dest) == register_digest(desk.db)


def test_an_existing_file_is_not_overwritten(desk, tmp_path):
    dest = tmp_path / "backup.db"
    dest.write_text("last week's backup")
    assert desk.fails("backup", str(dest)) == (
        f"Error: {dest} exists already: give another file name, or add --force "
        "to replace it."
    )
    assert dest.read_text() == "last week's backup"
    assert not list(tmp_path.glob("*.partial"))


def test_force_replaces_it_and_keeps_it_private(desk, tmp_path):
    dest = tmp_path / "backup.db"
    dest.write_text("last week's backup")
    dest.chmod(0o644)
    desk.ok("backup", str(dest), "--force")
    assert register_digest(dest) == register_digest(desk.db)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600


def test_refused_destinations(desk, tmp_path):
    assert desk.fails("backup", str(tmp_path)) == (
        f"Error: {tmp_path} is a folder: give the backup file's name, e.g. "
        f"{tmp_path / 'register-backup.db'}."
    )
    missing = tmp_path / "usb" / "backup.db"
    assert desk.fails("backup", str(missing)) == (
        f"Error: The folder {missing.parent} does not exist: create it first."
    )
    assert desk.fails("backup", str(desk.db), "--force") == (
        f"Error: {desk.db} is the register {desk.db} or one of its files: give "
        "another file name."
    )


def test_a_backup_restores(desk, tmp_path):
    """The README's way: copy the backup into place, then check."""
    backup = tmp_path / "backup.db"
    desk.ok("backup", str(backup))
    before = desk.json("list", "--include-personal", "--as-of", AS_OF)
    desk.record(summary="recorded after the backup")
    shutil.copyfile(backup, desk.db)
    for stale in ("-wal", "-shm"):
        desk.db.with_name(desk.db.name + stale).unlink(missing_ok=True)
    assert "no problems found" in desk.ok("check")
    assert desk.json("list", "--include-personal", "--as-of", AS_OF) == before


@pytest.mark.processes
def test_backups_taken_while_desks_write_are_consistent(monev, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONEV_")}
    writer = subprocess.Popen(
        [sys.executable, str(DESK_LOOP), str(monev.db), "write", "desk", "60", "2023"],
        stdout=subprocess.DEVNULL,
        env=env,
    )
    while complaints_in(monev.db) == 0:
        assert writer.poll() is None
        time.sleep(0.01)
    backups = [tmp_path / f"backup{n}.db" for n in range(5)]
    for backup in backups:
        monev.ok("backup", str(backup))
    assert writer.wait(timeout=60) == 0
    counts = [complaints_in(backup) for backup in backups]
    # How far the desk had got when each backup landed depends on timing:
    # each must be whole whatever it holds. That a backup taken in the middle
    # of a write holds what was committed is the next test, without timing.
    for backup, count in zip(backups, counts, strict=True):
        assert "no problems found" in Monev(backup).ok("check")
        with closing(sqlite3.connect(backup)) as conn:
            seqs = [row[0] for row in conn.execute("SELECT seq FROM complaints")]
        assert sorted(seqs) == list(range(1, count + 1))


def test_a_backup_taken_in_the_middle_of_a_write_holds_what_was_committed(
    desk, tmp_path
):
    with closing(sqlite3.connect(desk.db, isolation_level=None)) as conn:
        conn.execute("BEGIN IMMEDIATE")  # another desk, halfway through its write
        conn.execute("UPDATE complaints SET summary = 'half done' WHERE seq = 1")
        conn.execute("UPDATE complaints SET summary = 'half done' WHERE seq = 2")
        desk.ok("backup", str(tmp_path / "during.db"))
        conn.execute("COMMIT")
    desk.ok("backup", str(tmp_path / "after.db"))

    during, after = Monev(tmp_path / "during.db"), Monev(tmp_path / "after.db")
    assert "no problems found" in during.ok("check")
    summaries = [
        (copy.json("show", ref, "--as-of", AS_OF)["summary"] == "half done")
        for copy in (during, after)
        for ref in ("ADU-2023-0001", "ADU-2023-0002")
    ]
    assert summaries == [False, False, True, True]


def complaints_in(path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
