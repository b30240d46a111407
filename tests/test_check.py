"""``monev check`` on sound registers and on registers damaged on purpose
with raw SQL (as a bug, a hand edit or a bad copy would)."""

import sqlite3
from contextlib import closing

import pytest
from conftest import AS_OF, Monev, copy_register, register_digest

PROBLEMS = "restore your latest backup, or have the register repaired."


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Three complaints: 0001 diterima, 0002 selesai, 0003 voided."""
    monev = Monev(tmp_path_factory.mktemp("template") / "register.db")
    monev.ok("init")
    for day in ("2023-03-01", "2023-03-02", "2023-03-03"):
        monev.record(date=day)
    monev.ok("update", "ADU-2023-0002", "--status", "selesai", "--note", "Dijawab",
             "--date", "2023-03-20", "--as-of", AS_OF)  # fmt: skip
    monev.ok("void", "ADU-2023-0003", "--reason", "double", "--as-of", AS_OF)
    return monev.db


@pytest.fixture
def desk(template, tmp_path):
    return Monev(copy_register(template, tmp_path / "register.db"))


def damage(db, *statements: str) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            conn.execute(statement)


def problems(desk, count: int) -> list[str]:
    """The problems ``monev check`` lists, after its one Error line."""
    result = desk("check")
    assert result.exit_code == 1
    noun = "problem" if count == 1 else "problems"
    assert result.stderr == (
        f"Error: {count} {noun} found in {desk.db} (listed above): {PROBLEMS}\n"
    )
    return result.stdout.splitlines()


def test_a_sound_register_passes(desk):
    assert desk.ok("check") == (
        f"Checked {desk.db}: 3 complaints, 5 history entries, no problems found.\n"
    )


def test_check_changes_nothing(desk):
    before = register_digest(desk.db)
    desk.ok("check")
    assert register_digest(desk.db) == before


def test_status_that_differs_from_the_history(desk):
    damage(desk.db, "UPDATE complaints SET status = 'proses' WHERE id = 1")
    assert problems(desk, 1) == [
        "status: ADU-2023-0001 has status 'proses' but its latest status entry "
        "says 'diterima'"
    ]


def test_a_voided_complaint_is_checked_too(desk):
    damage(desk.db, "UPDATE complaints SET status = 'proses' WHERE id = 3")
    assert problems(desk, 1) == [
        "status: ADU-2023-0003 has status 'proses' but its latest status entry "
        "says 'diterima'"
    ]


def test_a_closed_complaint_without_its_answer_date(desk):
    damage(desk.db, "UPDATE complaints SET answered_on = NULL WHERE id = 2")
    assert problems(desk, 1) == [
        "answered_on: ADU-2023-0002 has status 'selesai' but answered date None"
    ]


def test_duplicate_tracking_numbers(desk):
    damage(
        desk.db,
        "DROP INDEX idx_complaints_tracking_no",
        "UPDATE complaints SET tracking_no = 'ADU-2023-0001' WHERE id = 2",
    )
    assert problems(desk, 2) == [
        "tracking_no: ADU-2023-0001 is given to 2 complaints",
        "tracking_no: ADU-2023-0001 does not match its year 2023, number 2 and "
        "received date 2023-03-02",
    ]


def test_a_sequence_number_given_twice(desk):
    damage(
        desk.db,
        "DROP INDEX idx_complaints_year_seq",
        "UPDATE complaints SET seq = 1 WHERE id = 2",
    )
    assert problems(desk, 2) == [
        "tracking_no: number 1 of 2023 is given to 2 complaints",
        "tracking_no: ADU-2023-0002 does not match its year 2023, number 1 and "
        "received date 2023-03-02",
    ]


def test_an_entry_dated_before_the_complaint(desk):
    damage(desk.db, "UPDATE events SET event_on = '2023-02-28' WHERE id = 1")
    assert problems(desk, 1) == [
        "dates: ADU-2023-0001 has a 'dicatat' entry dated 2023-02-28, which is not "
        "a date on or after its received date 2023-03-01"
    ]


def test_a_missing_due_date(desk):
    damage(desk.db, "UPDATE complaints SET due_on = '' WHERE id = 1")
    assert problems(desk, 1) == [
        "dates: ADU-2023-0001 has no valid received date (2023-03-01) or due date ()"
    ]


def test_a_voided_complaint_without_its_batal_entry(desk):
    damage(desk.db, "DELETE FROM events WHERE kind = 'batal'")
    assert problems(desk, 1) == [
        "void: ADU-2023-0003 is voided but its history has no 'batal' entry"
    ]


def test_a_history_entry_of_no_complaint(desk):
    damage(
        desk.db,
        "INSERT INTO events (complaint_id, kind, event_on, logged_at, officer) "
        "VALUES (99, 'catatan', '2023-04-01', '2023-04-01T08:00:00', 'x')",
    )
    assert problems(desk, 1) == [
        "foreign_key: a 'catatan' history entry dated 2023-04-01 is orphaned: its "
        "complaint is missing"
    ]


def test_a_complaint_of_a_missing_channel_is_named_by_its_number(desk):
    damage(
        desk.db,
        "UPDATE complaints SET channel = 'merpati' WHERE tracking_no = 'ADU-2023-0002'",
    )
    assert problems(desk, 1) == [
        "foreign_key: ADU-2023-0002 has the channel 'merpati', which is not in "
        "the list of channels"
    ]


def test_a_damaged_file(desk):
    with closing(sqlite3.connect(desk.db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the file
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master "
            "WHERE name = 'idx_complaints_received_on'"
        ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with desk.db.open("r+b") as file:  # garbage over an index page's cells
        file.seek((root - 1) * page_size + 8)
        file.write(b"\x55" * 64)
    result = desk("check")
    assert result.exit_code == 1
    found = result.stdout.splitlines()
    assert found and all(line.startswith("integrity: ") for line in found)
    assert result.stderr.startswith(f"Error: {len(found)} problems found in ")


def test_several_problems_are_all_reported(desk):
    damage(
        desk.db,
        "UPDATE complaints SET status = 'proses' WHERE id = 1",
        "UPDATE events SET event_on = '2023-02-28' WHERE id = 1",
    )
    assert [line.split(":")[0] for line in problems(desk, 2)] == ["status", "dates"]


def test_check_json_lists_the_problems(desk):
    damage(desk.db, "UPDATE complaints SET status = 'proses' WHERE id = 1")
    result = desk("check", "--json")
    assert result.exit_code == 1
    assert '"check": "status"' in result.stdout
    assert result.stderr.startswith("Error: 1 problem found")


def test_a_sqlite_database_that_is_not_a_register(fresh):
    with closing(sqlite3.connect(fresh.db)) as conn:
        conn.execute("CREATE TABLE notes (x)")
    assert problems(fresh, 1) == ["schema: this is not a monev register"]


def test_a_file_that_is_not_sqlite(fresh):
    fresh.db.write_bytes(b"PK\x03\x04 a spreadsheet, perhaps" * 50)
    assert fresh.fails("check") == (
        f"Error: {fresh.db} is not a monev register (not a SQLite database): "
        "check --db or MONEV_DB."
    )
