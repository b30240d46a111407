import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from monev_cli.cli import app
from monev_cli.i18n import LOCALE_VARIABLES

AS_OF = "2023-12-31"


class Monev:
    """Runs ``monev`` against one register under tmp_path."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(
            app,
            ["--db", str(self.db), "--officer", "tester", *args],
            input=input,
            env={"MONEV_DB": None, "MONEV_OFFICER": None},
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


@pytest.fixture(autouse=True)
def english_whatever_the_machine(monkeypatch):
    """Tests read English unless they ask for another language, whatever the
    locale of the machine they run on."""
    for name in ("MONEV_LANG", *LOCALE_VARIABLES):
        monkeypatch.delenv(name, raising=False)
