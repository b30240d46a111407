import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from monev_cli.cli import app
from monev_cli.i18n import LOCALE_VARIABLES

AS_OF = "2023-12-31"
# A desk running many commands in one process: see its docstring.
DESK_LOOP = Path(__file__).with_name("desk_loop.py")


class Monev:
    """Runs ``monev`` against one register under tmp_path."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()
        # The recording clock (MONEV_NOW) for the entries a test types in.
        self.now: str | None = None

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(
            app,
            ["--db", str(self.db), "--officer", "tester", *args],
            input=input,
            env={"MONEV_DB": None, "MONEV_OFFICER": None, "MONEV_NOW": self.now},
        )

    def ok(self, *args: str) -> str:
        result = self(*args)
        assert result.exit_code == 0, (result.stdout, result.stderr)
        return result.stdout

    def json(self, *args: str):
        return json.loads(self.ok(*args, "--json"))

    def fails(self, *args: str) -> str:
        """The one ``Error:`` line of a refused command."""
        result = self(*args)
        assert result.exit_code != 0, result.stdout
        assert "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
        return lines[0]

    def record(self, *extra: str, **fields: str) -> dict:
        values = {"date": "2023-03-01", "channel": "facebook", "type": "informasi"}
        values["summary"] = "Tanya syarat PKH"
        values.update(fields)
        args = [f"--{key.replace('_', '-')}={value}" for key, value in values.items()]
        return self.json("record", *args, *extra, "--as-of", AS_OF)


@pytest.fixture
def monev(tmp_path: Path) -> Monev:
    runner = Monev(tmp_path / "register.db")
    runner.ok("init")
    return runner


@pytest.fixture
def fresh(tmp_path: Path) -> Monev:
    """No register yet."""
    return Monev(tmp_path / "register.db")


def fill_profile(monev: Monev) -> None:
    """The sample agency's profile: a report's cover and signature filled in."""
    from monev_cli.register import catalog, open_register
    from monev_cli.sample import SAMPLE_PROFILE

    register = open_register(monev.db)
    with register.write():
        for key, value in SAMPLE_PROFILE.items():
            catalog.set_profile(register, key, value)
    register.close()


def close(monev: Monev, ref: str, on: str) -> None:
    monev.ok(
        "update", ref, "--status", "selesai", "--note", "Dijawab", "--date", on,
        "--as-of", AS_OF,
    )  # fmt: skip


@pytest.fixture
def reference(monev: Monev) -> Monev:
    """The seed report's own complaints: three through Facebook, two requests
    for information and one service complaint, all answered."""
    fill_profile(monev)
    for day, kind in (("2023-02-06", "informasi"), ("2023-07-12", "informasi"),
                      ("2023-10-03", "layanan")):  # fmt: skip
        ref = monev.record(date=day, channel="facebook", type=kind)["tracking_no"]
        close(monev, ref, day)
    return monev


def register_digest(path: Path) -> str:
    """A hash of the schema and of every row of every table: two registers
    with the same digest hold the same content, whatever their file bytes."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    digest = hashlib.sha256()
    try:
        schema = conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        digest.update(repr(schema).encode())
        for kind, table, _sql in schema:
            if kind == "table":
                rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
                digest.update(repr((table, rows.fetchall())).encode())
    finally:
        conn.close()
    return digest.hexdigest()


def copy_register(source: Path, target: Path) -> Path:
    """A copy through SQLite, so that a -wal file beside ``source`` counts."""
    with (
        closing(sqlite3.connect(source)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
    return target


def run_monev(db: Path, *args, **options) -> subprocess.CompletedProcess:
    """``monev`` as a user runs it: a process of its own. Arguments may hold
    surrogates (bytes that are not UTF-8), passed on as those bytes;
    ``options`` go to subprocess.run."""
    return subprocess.run(
        [sys.executable, "-m", "monev_cli", "--db", str(db), "--officer", "tester"]
        + list(args),
        capture_output=True,
        timeout=30,
        env={k: v for k, v in os.environ.items() if not k.startswith("MONEV_")},
        **options,
    )


def error_line(stderr: bytes) -> str:
    """The one ``Error:`` line of a refused command run as a process."""
    text = stderr.decode("utf-8", "backslashreplace")
    assert "Traceback" not in text, text
    lines = text.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), text
    return lines[0]


@pytest.fixture(autouse=True)
def english_whatever_the_machine(monkeypatch):
    """Tests read English unless they ask for another language, whatever the
    locale of the machine they run on."""
    for name in ("MONEV_LANG", *LOCALE_VARIABLES):
        monkeypatch.delenv(name, raising=False)


def identity_left_out(export: str) -> str:
    """A monev JSON export without the identity of the register it names:
    the same complaints taken into another register export the same else."""
    return re.sub(r'"register_id": "[^"]*"', '"register_id": null', export)
