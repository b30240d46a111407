"""A process killed (SIGKILL: no cleanup at all) in the middle of a multi-row
write leaves a sound register holding all of that write or none of it.

The write is ``monev sample``, which stores its complaints in one
transaction. To add another bulk write (an import, say), add a row to
BULK_WRITES: its arguments and how many complaints it stores when it ends."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import AS_OF, Monev

SAMPLE_AS_OF = "2025-01-31"  # after the sample's last day: all of it is stored
# (arguments after --db, complaints stored when the write completes)
BULK_WRITES = {
    "sample": (("sample", "--count", "2000", "--as-of", SAMPLE_AS_OF), 2000),
}
# Seconds to wait, once the writer holds the write lock, before the kill.
KILL_DELAYS = (0.0, 0.15, 0.3)
POLL = 0.005


def start(db: Path, args: tuple[str, ...]) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONEV_")}
    return subprocess.Popen(
        [sys.executable, "-m", "monev_cli", "--db", str(db), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def holds_write_lock(db: Path) -> bool:
    """Whether another process is inside a write transaction right now."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def wait_for(condition, process: subprocess.Popen, limit: float = 20) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert process.poll() is None, "the write ended before it could be killed"
        assert time.monotonic() < deadline, "the write never started"
        time.sleep(POLL)


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL


def survivor(db: Path) -> int:
    """The register after the kill: sound, and usable; its complaints."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        count = conn.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
        agency = conn.execute("SELECT value FROM profile WHERE key = 'agency'")
        # the sample's profile is part of the same write
        assert (agency.fetchone() is not None) == (count > 0)
    desk = Monev(db)
    assert "no problems found" in desk.ok("check")
    return count


@pytest.fixture
def register(tmp_path) -> Path:
    desk = Monev(tmp_path / "register.db")
    desk.ok("init")
    return desk.db


@pytest.mark.processes
@pytest.mark.parametrize("delay", KILL_DELAYS)
@pytest.mark.parametrize("write", BULK_WRITES)
def test_a_write_killed_half_way_leaves_all_or_nothing(register, write, delay):
    args, complete = BULK_WRITES[write]
    process = start(register, args)
    wait_for(lambda: holds_write_lock(register), process)
    time.sleep(delay)
    kill(process)
    assert survivor(register) in (0, complete)
    # and the next desk goes on as usual
    assert Monev(register).record()["tracking_no"].startswith("ADU-2023-")


@pytest.mark.processes
def test_a_write_killed_after_it_spilled_into_the_wal_leaves_nothing(register):
    """A transaction bigger than SQLite's page cache writes uncommitted pages
    into the -wal file before it commits: the kill lands on those pages."""
    wal = register.with_name(register.name + "-wal")
    process = start(register, ("sample", "--count", "5000", "--as-of", SAMPLE_AS_OF))
    wait_for(lambda: wal.exists() and wal.stat().st_size > 256 * 1024, process)
    kill(process)
    assert wal.stat().st_size > 256 * 1024
    assert survivor(register) == 0
    assert Monev(register).json("list", "--as-of", AS_OF) == []


IMPORT_ROWS = 10_000


@pytest.fixture(scope="module")
def agency_sheet(tmp_path_factory) -> Path:
    """A large spreadsheet of the sample's complaints, as an agency keeps it."""
    from monev_cli.sample import generate

    path = tmp_path_factory.mktemp("sheet") / "pengaduan.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("Tanggal;Saluran;Jenis Pengaduan;Uraian\n")
        for number, item in enumerate(generate(IMPORT_ROWS), start=1):
            draft = item.draft
            out.write(
                f"{draft.received_on:%d/%m/%Y};{draft.channel};{draft.type};"
                f"{draft.summary} (kasus {number})\n"
            )
    return path


@pytest.mark.processes
@pytest.mark.parametrize("delay", KILL_DELAYS[:2])
def test_an_import_killed_half_way_leaves_all_or_nothing(register, agency_sheet, delay):
    process = start(register, ("import", str(agency_sheet), "--as-of", SAMPLE_AS_OF))
    wait_for(lambda: holds_write_lock(register), process)
    time.sleep(delay)
    kill(process)
    with sqlite3.connect(register) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        count = conn.execute("SELECT COUNT(*) FROM complaints").fetchone()[0]
    assert count in (0, IMPORT_ROWS)
    assert "no problems found" in Monev(register).ok("check")
