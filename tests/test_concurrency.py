"""Several desks and a cron job on one register at once, as real processes:
every complaint is kept, tracking numbers stay a gapless per-year sequence,
and no "database is locked" ever reaches a user."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AS_OF, DESK_LOOP, Monev, fill_profile

WRITERS = 8
RECORDS_EACH = 100
YEARS = ("2022", "2023")  # each writer alternates: two sequences grow at once
READERS = 2
# What the readers run in a loop, each a string of arguments. Add the reading
# commands here as they arrive (e.g. "overdue", "report --year 2023").
READER_COMMANDS = [
    "list --json",
    "list --csv",
    "show ADU-2021-0001 --json",
    "overdue",
    "report --year 2022 --format html",
]


def start(db: Path, log: Path, *args: str) -> tuple[subprocess.Popen, Path]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONEV_")}
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, str(DESK_LOOP), str(db), *args],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env,
        )
    return process, log


def finish(process: subprocess.Popen, log: Path) -> tuple[dict, str]:
    stdout, _ = process.communicate(timeout=120)
    assert process.returncode == 0, log.read_text()
    return json.loads(stdout.decode().splitlines()[-1]), log.read_text()


@pytest.mark.processes
def test_eight_desks_record_while_others_read(tmp_path):
    db = tmp_path / "register.db"
    desk = Monev(db)
    desk.ok("init")
    fill_profile(desk)  # the report's readers then have nothing to warn about
    desk.record(date="2021-05-05", summary="seed for the readers")
    stop = tmp_path / "stop"
    writers = [
        start(db, tmp_path / f"writer{n}.err", "write", f"desk{n}",
              str(RECORDS_EACH), *YEARS)
        for n in range(WRITERS)
    ]  # fmt: skip
    readers = [
        start(db, tmp_path / f"reader{n}.err", "read", str(stop), *READER_COMMANDS)
        for n in range(READERS)
    ]
    written = [finish(*writer) for writer in writers]
    stop.touch()
    read = [finish(*reader) for reader in readers]

    assert [stderr for _, stderr in written + read] == [""] * (WRITERS + READERS)
    assert [summary["failed"] for summary, _ in written + read] == [0] * (
        WRITERS + READERS
    )
    assert all(summary["runs"] >= len(READER_COMMANDS) for summary, _ in read)

    complaints = desk.json("list", "--from", "2022-01-01", "--as-of", AS_OF)
    assert len(complaints) == WRITERS * RECORDS_EACH
    for year in YEARS:
        numbers = sorted(
            c["tracking_no"] for c in complaints if c["received_on"][:4] == year
        )
        per_year = WRITERS * RECORDS_EACH // len(YEARS)
        assert numbers == [f"ADU-{year}-{seq:04d}" for seq in range(1, per_year + 1)]
    summaries = {c["summary"] for c in complaints}
    assert summaries == {
        f"desk{n} #{i}" for n in range(WRITERS) for i in range(RECORDS_EACH)
    }
    assert "no problems found" in desk.ok("check")
