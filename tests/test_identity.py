"""Every register has a stable identity, and its JSON export names it."""

import json
import re
import sqlite3

from conftest import Monev, fill_profile

UUID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
)


def _register_id(path) -> str | None:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT register_id FROM identity").fetchall()
    assert len(rows) == 1
    return rows[0][0]


def _forget_identity(path) -> None:
    """The register as a monev from before identities left it."""
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE identity")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_identity'")


def test_init_gives_an_identity_that_stays(monev):
    first = _register_id(monev.db)
    assert UUID.match(first)
    monev.ok("list")
    assert _register_id(monev.db) == first


def test_two_registers_have_two_identities(monev, tmp_path):
    other = Monev(tmp_path / "other.db")
    other.ok("init")
    assert _register_id(other.db) != _register_id(monev.db)


def test_an_older_register_gets_one_on_its_next_migration(monev):
    _forget_identity(monev.db)
    monev.ok("list")
    assert UUID.match(_register_id(monev.db))


def test_the_json_export_carries_profile_identity_and_limits(monev):
    fill_profile(monev)
    monev.ok("settings", "set", "response_days", "14", "--from", "2023-01-01")
    data = json.loads(monev.ok("export", "--format", "json", "--year", "2023"))
    assert data["register_id"] == _register_id(monev.db)
    assert data["profile"]["agency_short"] == "Dinsos, PPPA, PPKB"
    assert data["settings"] == [
        {"key": "response_days", "effective_from": "2023-01-01", "value": "14"}
    ]
    assert data["selection"] == {
        "status": None, "year": 2023, "from": None, "to": None, "channel": None,
        "type": None, "unit": None, "include_void": False,
    }  # fmt: skip
