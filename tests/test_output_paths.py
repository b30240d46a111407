"""Where output goes: never over the register or its -wal/-shm files,
straight into a device or a named pipe, ``-`` for stdout, nothing half
written; and what a command says when stdout itself fails (issue 16, cases
1, 5 and 7; issue 12's --output and export items)."""

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import AS_OF, error_line, register_digest, run_monev

LONG_NAME = "x" * 300  # over the 255 bytes a file name may have

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
FULL = "/dev/full"  # every write fails: a full disk
needs_dev_full = pytest.mark.skipif(not Path(FULL).exists(), reason="no /dev/full")


@pytest.fixture
def desk(monev):
    monev.record(external_ref="LAPOR-1")
    return monev


def refusal(path, db: Path) -> str:
    return (
        f"Error: {path} is the register {db} or one of its files: give another "
        "file name."
    )


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
@pytest.mark.parametrize(
    "command",
    [("export", "--output"), ("report", "--year", "2023", "--output"), ("backup",)],
)
def test_no_output_path_replaces_the_register(desk, command, suffix):
    target = f"{desk.db}{suffix}"
    before = register_digest(desk.db)
    force = ("--force",) if command == ("backup",) else ()
    assert desk.fails(*command, target, *force) == refusal(target, desk.db)
    assert register_digest(desk.db) == before


def test_another_name_for_the_register_is_refused_too(desk, tmp_path):
    """A relative path, a symbolic link and a hard link name the same file."""
    os.symlink(desk.db, tmp_path / "link.db")
    os.link(desk.db, tmp_path / "hard.db")
    relative = os.path.relpath(desk.db)
    before = register_digest(desk.db)
    for name in (relative, str(tmp_path / "link.db"), str(tmp_path / "hard.db")):
        assert desk.fails("export", "-o", name) == refusal(name, desk.db)
    assert register_digest(desk.db) == before


def test_dash_is_stdout(desk):
    assert desk.ok("export", "--output", "-") == desk.ok("export")


@needs_fifo
def test_a_named_pipe_is_written_into_not_replaced(desk, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()))
    reader.start()
    desk.ok("export", "--output", str(pipe))
    reader.join(timeout=10)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert received == [desk.ok("export")]


def test_a_link_to_a_file_is_followed_not_replaced(desk, tmp_path):
    (tmp_path / "real.csv").write_text("old")
    os.symlink(tmp_path / "real.csv", tmp_path / "link.csv")
    desk.ok("export", "--output", str(tmp_path / "link.csv"))
    assert (tmp_path / "link.csv").is_symlink()
    assert (tmp_path / "real.csv").read_text() == desk.ok("export")


@pytest.mark.parametrize("fmt", ["csv", "json", "open311"])
def test_a_refused_export_writes_nothing_to_stdout(desk, fmt):
    result = desk("export", "--format", fmt, "--status", "bogus")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: Unknown status 'bogus'. Valid: diterima, proses, selesai.\n"
    )


def test_a_refused_list_writes_no_csv_header(desk):
    result = desk("list", "--csv", "--status", "bogus", "--as-of", AS_OF)
    assert (result.exit_code, result.stdout) == (1, "")


def test_a_refused_workbook_export_leaves_no_file_and_no_noise(desk, tmp_path):
    """Once: "Exception ignored ... I/O operation on closed file" after the
    error line."""
    result = run_monev(
        desk.db, "export", "--format", "xlsx", "--status", "bogus", "-o", "x.xlsx",
        cwd=tmp_path,
    )  # fmt: skip
    assert error_line(result.stderr) == (
        "Error: Unknown status 'bogus'. Valid: diterima, proses, selesai."
    )
    assert sorted(os.listdir(tmp_path)) == ["register.db"]


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--output", LONG_NAME),
        ("report", "--year", "2023", "--output", LONG_NAME),
        ("backup", LONG_NAME),
    ],
)
def test_a_file_name_too_long_is_one_line_and_leaves_nothing(desk, tmp_path, args):
    os.chdir(tmp_path)
    line = desk.fails(*args)
    assert "File name too long" in line, line
    assert sorted(os.listdir(tmp_path)) == ["register.db"]


def test_a_register_name_too_long_is_one_line(fresh, tmp_path):
    os.chdir(tmp_path)
    fresh.db = Path(LONG_NAME)
    assert fresh.fails("list") == f"Error: Cannot use {LONG_NAME}: File name too long."


def test_templates_export_into_a_name_too_long_is_one_line(monev, tmp_path):
    os.chdir(tmp_path)
    assert "File name too long" in monev.fails("templates", "export", LONG_NAME)


SAVED = (
    "Error: The change was saved, but its confirmation could not be written "
    "({reason}): do not run the command again."
)


@needs_dev_full
@pytest.mark.parametrize(
    "args",
    [
        ("record", "--channel", "facebook", "--type", "informasi", "--summary",
         "Tanya", "--date", "2023-03-01", "--as-of", AS_OF),
        ("note", "ADU-2023-0001", "Ditelepon", "--as-of", AS_OF),
        ("profile", "set", "agency", "Dinas Sosial"),
        ("channels", "add", "tiktok", "TikTok"),
        ("holidays", "add", "2023-08-18", "Cuti daerah"),
        ("void", "ADU-2023-0001", "--reason", "Salah catat", "--as-of", AS_OF),
    ],
)  # fmt: skip
def test_a_change_whose_confirmation_fails_says_it_was_saved(desk, args):
    before = register_digest(desk.db)
    process = start(desk.db, *args, stdout=FULL)
    assert process.wait(timeout=30) == 3
    assert error_line(process.stderr.read()) == SAVED.format(
        reason="No space left on device"
    )
    assert register_digest(desk.db) != before


@needs_dev_full
@pytest.mark.parametrize(
    "args", [("export", "-o", "{path}"), ("backup", "{path}"), ("init",)]
)
def test_a_file_written_whose_confirmation_fails_says_so(desk, tmp_path, args):
    path = tmp_path / "out.file"
    db = path if args == ("init",) else desk.db
    process = start(db, *(arg.format(path=path) for arg in args), stdout=FULL)
    assert process.wait(timeout=30) == 3
    assert error_line(process.stderr.read()) == SAVED.format(
        reason="No space left on device"
    )
    assert path.stat().st_size > 0


def test_a_gone_reader_after_a_change_says_it_was_saved(desk):
    process = start(desk.db, "note", "ADU-2023-0001", "Ditelepon", "--as-of", AS_OF)
    process.stdout.close()
    assert process.wait(timeout=30) == 3
    assert error_line(process.stderr.read()) == SAVED.format(reason="Broken pipe")


def test_a_gone_reader_of_a_listing_ends_quietly(desk):
    process = start(desk.db, "export", "--format", "json")
    process.stdout.close()
    assert process.wait(timeout=30) == 1
    assert process.stderr.read() == b""


@needs_dev_full
def test_a_listing_into_a_full_disk_is_one_line(desk):
    process = start(desk.db, "export", stdout=FULL)
    assert process.wait(timeout=30) == 1
    assert error_line(process.stderr.read()) == (
        "Error: The output could not be written (No space left on device)."
    )


def start(db: Path, *args: str, stdout=subprocess.PIPE) -> subprocess.Popen:
    """``monev`` in a process of its own, its stdout a pipe or ``FULL``."""
    if stdout == FULL:
        stdout = open(FULL, "w")  # noqa: SIM115 - the child holds it
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONEV_")}
    return subprocess.Popen(
        [sys.executable, "-m", "monev_cli", "--db", str(db), "--officer", "t", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
    )


def test_templates_are_not_exported_in_the_place_of_the_wal(desk):
    """A folder named as the register's -wal file would make it unopenable."""
    wal = f"{desk.db}-wal"
    assert desk.fails("templates", "export", wal) == refusal(wal, desk.db)
    assert not os.path.exists(wal)
    desk.ok("list", "--as-of", AS_OF)
