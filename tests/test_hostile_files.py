"""Files and programs that do not behave: malformed imports, imports that
would make a register ``check`` calls damaged, template mistakes, editors,
a refused sample, named pipes (issue 16, cases 2, 3, 6 and 8-11; issue 12's
editor items). Each ends in one ``Error:`` line, or the rows' reasons and
one, and changes nothing."""

import json
import os
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import AS_OF, error_line, register_digest, run_monev

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")


def imported(monev, path: Path):
    return monev("import", str(path), "--as-of", AS_OF)


def rejected(monev, path: Path) -> list[str]:
    """The lines of a refused import; the register is as it was."""
    before = register_digest(monev.db)
    result = imported(monev, path)
    assert result.exit_code == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert register_digest(monev.db) == before
    return result.stderr.splitlines()


def export_of(monev, tmp_path: Path) -> dict:
    path = tmp_path / "export.json"
    monev.ok("export", "--format", "json", "--include-personal", "-o", str(path))
    return json.loads(path.read_text())


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data))
    return path


# Case 2: whatever `check` verifies, import verifies first.


def test_a_tracking_number_of_another_year_is_rejected(monev, tmp_path):
    sheet = tmp_path / "rekap.csv"
    sheet.write_text(
        "No Tiket;Tanggal;Saluran;Jenis;Uraian\n"
        "ADU-2024-0005;13/03/2023;facebook;informasi;Tanya\n"
    )
    assert rejected(monev, sheet) == [
        "row 2: The tracking number ADU-2024-0005 is of 2024, but the complaint "
        "was received on 2023-03-13: a number's year is the year the complaint was "
        "received.",
        "Error: Rejected 1 of 1 row (listed above): nothing was imported. Correct "
        "them and import again.",
    ]


def test_a_json_complaint_numbered_in_another_year_is_rejected(monev, tmp_path):
    monev.record()
    data = export_of(monev, tmp_path)
    data["complaints"][0]["tracking_no"] = "ADU-2024-0005"
    lines = rejected(monev, write_json(tmp_path / "x.json", data))
    assert lines[0] == (
        "complaint 1: The tracking number ADU-2024-0005 is of 2024, but the "
        "complaint was received on 2023-03-01: a number's year is the year the "
        "complaint was received."
    )


def test_an_unpadded_tracking_number_is_stored_as_monev_writes_it(monev, tmp_path):
    sheet = tmp_path / "rekap.csv"
    sheet.write_text(
        "No Tiket;Tanggal;Saluran;Jenis;Uraian\nADU-2023-5;13/03/2023;facebook;"
        "informasi;Tanya\n"
    )
    assert imported(monev, sheet).exit_code == 0
    assert [c["tracking_no"] for c in monev.json("list", "--as-of", AS_OF)] == [
        "ADU-2023-0005"
    ]
    assert monev.ok("check").endswith("no problems found.\n")


# Case 3: an external reference names one complaint, in a file and against
# the register alike.


def test_an_external_reference_already_in_the_register_is_rejected(monev, tmp_path):
    monev.record(external_ref="LAPOR-1")
    data = export_of(monev, tmp_path)
    data["complaints"][0]["tracking_no"] = "ADU-2023-0009"
    lines = rejected(monev, write_json(tmp_path / "x.json", data))
    assert lines[0] == (
        "complaint 1: The external reference LAPOR-1 is already on ADU-2023-0001 "
        "in the register: an external reference names one complaint."
    )


def test_a_registers_own_export_imports_into_a_new_register(monev, fresh, tmp_path):
    monev.record(external_ref="LAPOR-1")
    monev.record(external_ref="LAPOR-2", date="2023-04-01")
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export_of(monev, tmp_path)))
    fresh.db = tmp_path / "new.db"
    fresh.ok("init")
    assert imported(fresh, path).exit_code == 0
    assert imported(monev, path).stdout.startswith("Added 0 of 2 complaints")


# Case 6: malformed files.


def test_a_csv_cell_over_the_csv_limit(monev, tmp_path):
    sheet = tmp_path / "big.csv"
    sheet.write_text(
        "Tanggal;Saluran;Jenis;Uraian\n2023-01-02;facebook;x;" + "x" * 140_000
    )
    assert rejected(monev, sheet) == [
        f"Error: {sheet} could not be read as CSV (row 2): field larger than "
        "field limit (131072)."
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "it is nested too deeply"),
        ('{"complaints": [' + "1" * 5000 + "]}", "it holds a number too long to read"),
    ],
)
def test_json_python_cannot_read(monev, tmp_path, text, reason):
    path = tmp_path / "x.json"
    path.write_text(text)
    assert rejected(monev, path) == [f"Error: {path} is not a monev export: {reason}."]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("officer", ["a"], "The officer is not a text."),
        ("note", 5, "The note is not a text."),
        ("kind", ["dicatat"], "'['dicatat']' is not a kind of entry (dicatat, "
         "status, catatan, batal, pulih, koreksi)."),
    ],
)  # fmt: skip
def test_json_events_with_wrong_types(monev, tmp_path, field, value, reason):
    monev.record()
    data = export_of(monev, tmp_path)
    data["complaints"][0]["tracking_no"] = "ADU-2023-0002"
    data["complaints"][0]["events"][0][field] = value
    lines = rejected(monev, write_json(tmp_path / "x.json", data))
    assert lines[0] == f"complaint 1 (events): Entry 1 of its history: {reason}"


def broken_workbook(tmp_path: Path, cell: str) -> Path:
    """A workbook whose sheet XML has ``cell`` as A3, as no spreadsheet writes."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Tanggal", "Saluran", "Jenis", "Uraian"])
    book.active.append(["2023-01-02", "facebook", "informasi", "Tanya"])
    book.active.append([12, "facebook", "informasi", "Tanya"])
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    book.save(good)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="A3" t="n"><v>12</v>', cell.encode())
            target.writestr(name, data)
    return bad


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ('<c r="A3" t="n"><v>abc</v>', "invalid literal for int() with base 10: 'abc'"),
        ('<c r="A3" t="d"><v>kemarin</v>', "Invalid datetime value kemarin"),
        ('<c r="A3" t="s"><v>999</v>', "list index out of range"),
        ('<c r="ZZZZZZ3" t="n"><v>12</v>',
         "'ZZZZZZ' is not a valid column name. Column names are from A to ZZZ"),
    ],
)  # fmt: skip
def test_a_workbook_with_a_broken_cell(monev, tmp_path, cell, reason):
    path = broken_workbook(tmp_path, cell)
    assert rejected(monev, path) == [
        f"Error: {path} has a cell that cannot be read on row 3 ({reason}): open "
        "the workbook in a spreadsheet and save it again."
    ]


# Case 8: mistakes in an agency's template.


@pytest.mark.parametrize(
    ("template", "error"),
    [
        ('{% extends "report.md.j2" %}', "failed on line 1: it calls itself "
         "without end: check its extends, include and macros."),
        ('{% include "report.md.j2" %}', "failed on line 1: it calls itself "
         "without end: check its extends, include and macros."),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "failed on line 1: it "
         "calls itself without end: check its extends, include and macros."),
        ("\n{{ 1/0 }}", "failed on line 2: division by zero."),
        ("{{ 'a' + 1 }}", 'failed on line 1: can only concatenate str (not "int") '
         "to str."),
        ("{% if 1 is bogus %}{% endif %}", "failed on line 1: No test named "
         "'bogus' found."),
        ("{% extends 5 %}", "failed on line 1: 'int' object has no attribute "
         "'split'."),
        ("{{ 'abc'|number }}", "failed on line 1: the filter 'number' needs a "
         "number, not 'abc'."),
        ("{{ 'x'|percent }}", "failed on line 1: the filter 'percent' needs a "
         "number, not 'x'."),
    ],
)  # fmt: skip
def test_a_template_mistake_is_one_line(monev, tmp_path, template, error):
    (tmp_path / "report.md.j2").write_text(template)
    line = monev.fails("report", "--year", "2023", "--template-dir", str(tmp_path))
    assert line == f"Error: The template {tmp_path / 'report.md.j2'} {error}"


def test_a_template_that_is_not_utf8(monev, tmp_path):
    (tmp_path / "report.md.j2").write_bytes(b"\xff\xfe{{ x }}")
    assert monev.fails("report", "--year", "2023", "--template-dir", str(tmp_path)) == (
        "Error: The template report.md.j2 is not UTF-8 text: save it as UTF-8."
    )


# Case 9 and issue 12: editors.


def editor(tmp_path: Path, monkeypatch, body: str) -> None:
    script = tmp_path / "editor.py"
    script.write_text("import os, shutil, sys\npath = sys.argv[1]\n" + body)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("sys.exit(1)", "The editor '{editor}' failed (exit status 1): nothing was "
         "changed."),
        ("open(path, 'wb').write(b'\\xff\\xfe')", "The editor saved text that is "
         "not UTF-8: save it as UTF-8. Nothing was changed."),
        ("os.remove(path)", "The editor left no text file behind (No such file or "
         "directory): nothing was changed."),
        ("os.remove(path); os.mkdir(path)", "The editor left no text file behind "
         "(Is a directory): nothing was changed."),
    ],
)  # fmt: skip
def test_an_editor_that_fails(monev, tmp_path, monkeypatch, body, error):
    editor(tmp_path, monkeypatch, body)
    before = register_digest(monev.db)
    line = monev.fails("narrative", "edit", "penutup")
    assert line == "Error: " + error.format(editor=os.environ["EDITOR"])
    assert register_digest(monev.db) == before


@pytest.mark.parametrize("command", ["false", "no-such-editor-anywhere"])
def test_a_failing_or_missing_editor(monev, monkeypatch, command):
    monkeypatch.setenv("EDITOR", command)
    monkeypatch.delenv("VISUAL", raising=False)
    line = monev.fails("narrative", "edit", "penutup")
    assert line in (
        "Error: The editor 'false' failed (exit status 1): nothing was changed.",
        f"Error: The editor '{command}' could not be started (No such file or "
        "directory): set EDITOR to your editor's command. Nothing was changed.",
    )


# Case 10: a refused sample leaves nothing behind.


@pytest.mark.parametrize(
    ("as_of", "error"),
    [
        ("2000-01-01", "Error: None of the sample's complaints (received from "
         "2023-01-01) falls on or before 2000-01-01: give a later --as-of."),
        ("kemarin", "Error: 'kemarin' is not a date: type it as YYYY-MM-DD or "
         "DD/MM/YYYY."),
    ],
)  # fmt: skip
def test_a_refused_sample_leaves_no_register(fresh, tmp_path, as_of, error):
    assert fresh.fails("sample", "--count", "5", "--as-of", as_of) == error
    assert os.listdir(tmp_path) == []


# Case 11: a named pipe or a device as an input file.


@needs_fifo
@pytest.mark.parametrize(
    "args",
    [("import", "{pipe}", "--format", "csv"),
     ("narrative", "set", "penutup", "--file", "{pipe}")],
)  # fmt: skip
def test_a_named_pipe_with_no_writer_is_refused_at_once(monev, tmp_path, args):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = run_monev(monev.db, *(arg.format(pipe=pipe) for arg in args))
    assert error_line(result.stderr) == (
        f"Error: {pipe} is not a regular file (it is a device or a named pipe): "
        "save the data to a file and give its path."
    )
