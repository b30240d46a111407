"""User text is data: it shows literally in terminal tables, cannot run as
a spreadsheet formula from a CSV, and reaches SQL only as a parameter."""

import ast
import csv
import io
from pathlib import Path

import pytest
from conftest import AS_OF, register_digest

import monev_cli

MARKUP = "[bold red]x[/] [link=http://evil.example]klik[/link]"


@pytest.fixture
def on_a_terminal(monkeypatch):
    monkeypatch.setattr("monev_cli.commands.complaints.is_interactive", lambda: True)
    monkeypatch.setenv("COLUMNS", "250")


def test_rich_markup_shows_literally_in_the_list(monev, on_a_terminal):
    monev.record(summary=MARKUP, unit="[/]")
    shown = monev.ok("list", "--as-of", AS_OF)
    assert MARKUP in shown
    assert "[/]" in shown


def test_rich_markup_shows_literally_in_show(monev, on_a_terminal):
    monev.record(summary=MARKUP, name="[italic]Ayu[/italic]")
    shown = monev.ok("show", "ADU-2023-0001", "--as-of", AS_OF)
    assert MARKUP in shown
    assert "[italic]Ayu[/italic]" in shown


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x")', "+62 812", "-1+1", "@SUM(A1)"]
)
def test_csv_cells_never_start_a_formula(monev, text):
    monev.record(summary=text, name=text, unit=text)
    rows = list(
        csv.DictReader(io.StringIO(monev.ok("list", "--csv", "--as-of", AS_OF)))
    )
    assert [(row["summary"], row["name"], row["unit"]) for row in rows] == [
        ("'" + text,) * 3
    ]


def test_sql_in_text_is_stored_as_text(monev):
    text = "'); DROP TABLE complaints; --"
    monev.record(summary=text, name="x' OR '1'='1")
    assert monev.json("show", "ADU-2023-0001", "--as-of", AS_OF)["summary"] == text
    before = register_digest(monev.db)
    assert monev.json("list", "--search", "' OR 1=1 --", "--as-of", AS_OF) == []
    assert monev.json("list", "--unit", "x' OR '1'='1", "--as-of", AS_OF) == []
    assert register_digest(monev.db) == before


@pytest.mark.parametrize(("search", "found"), [("50%", 1), ("%", 1), ("_", 0)])
def test_search_wildcards_match_literally(monev, search, found):
    monev.record(summary="Potongan 50% bantuan")
    monev.record(summary="Antrean lama")
    assert len(monev.json("list", "--search", search, "--as-of", AS_OF)) == found


# Every f-string handed to SQLite in the product, and what it interpolates:
# only names fixed in the code (column lists built from our own dict keys,
# the whitelisted code-list tables, clauses built from fixed fragments).
# A new entry here needs a reviewer's look: user text goes in as a parameter.
# Keyed on expression text, so renaming a variable fails it: pinned for a
# security property (no user text reaches SQL but as a parameter).
SQL_INTERPOLATIONS = {
    "register/asof.py: EVENT_CORRECTION",
    "register/asof.py: _select(register)",
    "register/catalog.py: _table(table)",
    "register/catalog.py: extra",
    "register/catalog.py: where",
    "register/codes.py: _list(table)",
    "register/codes.py: COLUMN[table]",
    "register/codes.py: column",
    "register/codes.py: columns",
    "register/codes.py: marks",
    "register/exports.py: where",
    "register/identity.py: DIGESTED",
    "register/complaints.py: columns",
    "register/complaints.py: ', '.join('?' * len(row))",
    "register/connection.py: BUSY_TIMEOUT_MS",
    "register/corrections.py: assignments",
    "register/listing.py: where",
    "register/migrations.py: open_only",
    "register/overdue.py: NO_RESPONSE_WHERE",
    "register/overdue.py: UNACKNOWLEDGED",
    "register/recaps.py: COUNTED",
    "register/recaps.py: IDENTITY",
    "register/recaps.py: PERSONAL[0]",
    "register/recaps.py: column",
    "register/recaps.py: marks",
    "register/recaps.py: open_marks",
    "register/references.py: _HOLDERS",
    "register/settings.py: where",
}
SQL_CALLS = {"execute", "executemany", "executescript", "rows", "row"}


def sql_interpolations() -> set[str]:
    package = Path(monev_cli.__file__).parent
    found = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_CALLS
                and node.args
                and isinstance(node.args[0], ast.JoinedStr)
            ):
                continue
            for part in node.args[0].values:
                if isinstance(part, ast.FormattedValue):
                    where = path.relative_to(package).as_posix()
                    found.add(f"{where}: {ast.unparse(part.value)}")
    return found


def test_sql_interpolates_only_reviewed_names():
    assert sql_interpolations() == SQL_INTERPOLATIONS
