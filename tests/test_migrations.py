import sqlite3

from monev_cli.register import create_register, open_register
from monev_cli.register.migrations import NAMES


def _columns(path, table):
    with sqlite3.connect(path) as conn:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _schema(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()


def test_a_blank_file_is_migrated(tmp_path):
    path = tmp_path / "r.db"
    create_register(path).close()
    assert _columns(path, "complaints")[:6] == [
        "id", "tracking_no", "year", "seq", "received_on", "channel",
    ]  # fmt: skip
    assert "due_on" in _columns(path, "complaints")
    assert _columns(path, "events") == [
        "id", "complaint_id", "kind", "status", "event_on", "logged_at", "officer",
        "note", "field", "old_value", "new_value",
    ]  # fmt: skip
    with sqlite3.connect(path) as conn:
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(complaints)")}
    assert applied == list(NAMES)
    assert "idx_complaints_received_on" in indexes


def test_a_second_run_changes_nothing(tmp_path):
    path = tmp_path / "r.db"
    create_register(path).close()
    before = _schema(path)
    open_register(path).close()
    assert _schema(path) == before
