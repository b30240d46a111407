"""Voiding asks first on a terminal, and a void can be undone; show says
what a voided or confidential complaint is, honestly."""

import re
import sqlite3
from contextlib import closing

import pytest
from conftest import AS_OF, register_digest

VOID = ("void", "ADU-2023-0001", "--reason", "dobel", "--as-of", AS_OF)


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr("monev_cli.commands.complaints.is_interactive", lambda: True)
    monkeypatch.setenv("COLUMNS", "120")


def test_a_voided_complaint_is_restored_with_its_history(monev):
    monev.record()
    monev.ok("update", "ADU-2023-0001", "--status", "proses", "--as-of", AS_OF)
    monev.ok(*VOID)
    restored = monev.json(
        "restore", "adu-2023-1", "--reason", "bukan dobel", "--as-of", AS_OF
    )
    assert (restored["voided"], restored["void_reason"]) == (False, None)
    assert restored["status"] == "proses"
    assert [(e["kind"], e["note"]) for e in restored["events"][2:]] == [
        ("batal", "dobel"),
        ("pulih", "bukan dobel"),
    ]
    assert [c["tracking_no"] for c in monev.json("list")] == ["ADU-2023-0001"]
    monev.ok("note", "ADU-2023-0001", "Ditelepon", "--as-of", AS_OF)
    assert monev.ok("check").startswith("Checked ")


def test_restore_says_it_in_one_line(monev):
    monev.record()
    monev.ok(*VOID)
    assert monev.ok(
        "restore", "ADU-2023-0001", "--reason", "keliru", "--as-of", AS_OF
    ) == ("ADU-2023-0001: Diterima, 3 entries in its history.\n")


def test_only_a_voided_complaint_is_restored(monev):
    monev.record()
    before = register_digest(monev.db)
    assert monev.fails(
        "restore", "ADU-2023-0001", "--reason", "x", "--as-of", AS_OF
    ) == ("Error: ADU-2023-0001 is not voided: there is nothing to restore.")
    assert monev.fails("restore", "ADU-2023-0001", "--reason", " ") == (
        "Error: The reason is empty: type it in."
    )
    assert register_digest(monev.db) == before


def test_check_finds_a_flag_its_history_contradicts(monev):
    monev.record()
    monev.ok(*VOID)
    monev.ok("restore", "ADU-2023-0001", "--reason", "keliru", "--as-of", AS_OF)
    with closing(sqlite3.connect(monev.db)) as conn, conn:
        conn.execute("UPDATE complaints SET voided = 1")
    assert monev("check").stdout == (
        "void: ADU-2023-0001 has voided = 1, but its history's last 'batal' or "
        "'pulih' entry says otherwise\n"
    )


def test_void_on_a_terminal_shows_the_complaint_and_asks(monev, terminal):
    monev.record(summary="Tanya syarat PKH")
    before = register_digest(monev.db)
    result = monev(*VOID, input="n\n")
    assert result.exit_code == 1
    assert "Tanya syarat PKH" in result.stdout
    assert result.stdout.endswith("Void ADU-2023-0001? [y/N]: n\n")
    assert result.stderr == "Error: Cancelled: nothing was changed.\n"
    assert register_digest(monev.db) == before
    assert monev(*VOID, input="\n").exit_code == 1  # no answer is no
    result = monev(*VOID, input="y\n")
    assert result.exit_code == 0
    assert result.stdout.endswith("ADU-2023-0001: voided, 2 entries in its history.\n")


def test_void_yes_and_scripts_are_not_asked(monev, terminal, monkeypatch):
    monev.record()
    monev.record()
    assert monev.ok(*VOID, "--yes") == (
        "ADU-2023-0001: voided, 2 entries in its history.\n"
    )
    monkeypatch.setattr("monev_cli.commands.complaints.is_interactive", lambda: False)
    assert monev.ok("void", "ADU-2023-0002", "--reason", "x", "--as-of", AS_OF) == (
        "ADU-2023-0002: voided, 2 entries in its history.\n"
    )


def test_ctrl_d_at_the_question_voids_nothing(monev, terminal):
    monev.record()
    before = register_digest(monev.db)
    result = monev(*VOID, input="")
    assert result.stderr == "Error: Cancelled: nothing was changed.\n"
    assert register_digest(monev.db) == before


def test_show_gives_a_voided_complaint_no_countdown(monev, terminal):
    monev.record(date="2023-12-20")
    monev.ok(*VOID, "--yes")
    shown = monev.json("show", "ADU-2023-0001", "--as-of", AS_OF)
    assert shown["timeliness"] is None
    out = monev.ok("show", "ADU-2023-0001", "--as-of", AS_OF)
    assert not re.search(r"^Due +2023-01-19", out, re.M)
    assert re.search(r"^Due +2024-01-19 *$", out, re.M)
    assert "left" not in out and "late" not in out


def test_show_says_a_confidential_identity_is_withheld(monev, terminal):
    monev.record("--confidential", name="Ni Luh", contact="0812")
    monev.record()
    out = monev.ok("show", "ADU-2023-0001", "--as-of", AS_OF)
    assert re.search(r"^Name +withheld *$", out, re.M)
    assert re.search(r"^Contact +withheld *$", out, re.M)
    assert "Ni Luh" not in out
    plain = monev.ok("show", "ADU-2023-0002", "--as-of", AS_OF)
    assert re.search(r"^Name +- *$", plain, re.M)
    asked = monev.ok("show", "ADU-2023-0001", "--include-personal", "--as-of", AS_OF)
    assert re.search(r"^Name +Ni Luh *$", asked, re.M)
    indonesian = monev.ok("--lang", "id", "show", "ADU-2023-0001", "--as-of", AS_OF)
    assert "withheld" not in indonesian
