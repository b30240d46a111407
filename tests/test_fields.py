"""A complaint's fields are declared once (``fields.FIELDS``): what a sheet
holds in a field's column is what the register stores and exports in it."""

import csv
import io
import sqlite3

import typer
from conftest import AS_OF
from test_import import excel_csv

from monev_cli import fields
from monev_cli.commands import corrections
from monev_cli.models import Complaint

SHEET = {
    "tracking_no": ("ADU-2023-0007", "ADU-2023-0008"),
    "received_on": ("2023-03-01", "2023-03-02"),
    "channel": ("langsung", "facebook"),
    "type": ("layanan", "informasi"),
    "classification": ("penyimpangan", "informatif"),
    "summary": ("Alat bantu kurang", "Tanya syarat PKH"),
    "name": ("Ni Made", "I Wayan"),
    "contact": ("0812", "0813"),
    "confidential": ("ya", "tidak"),
    "unit": ("Bidang PPPA", "Sekretariat"),
    "external_ref": ("LPR-9", "LPR-10"),
    "status": ("selesai", "proses"),
    "due_on": ("2023-03-31", "2023-04-01"),
    "answered_on": ("2023-03-10", ""),
    "answer": ("Dijawab tertulis", ""),
    "voided": ("tidak", "ya"),
    "void_reason": ("", "Ganda"),
}
# as the export writes a yes or no: as the register stores it
EXPORTED = SHEET | {"confidential": ("1", "0"), "voided": ("0", "1")}


def test_each_field_goes_out_in_the_column_it_came_in(monev, tmp_path):
    assert tuple(SHEET) == fields.NAMES  # the sheet has a column for every field
    rows = [list(SHEET), *zip(*SHEET.values(), strict=True)]
    path = excel_csv(tmp_path / "all.csv", rows)
    monev.ok("import", str(path), "--as-of", AS_OF)
    text = monev.ok("export", "--format", "csv", "--include-personal", "--include-void")
    exported = list(csv.DictReader(io.StringIO(text)))
    assert [tuple(row) for row in exported] == [fields.EXPORTED] * 2
    assert exported == [
        {name: values[0] for name, values in EXPORTED.items()},
        {name: values[1] for name, values in EXPORTED.items()},
    ]


def test_the_declaration_is_the_complaints_table_and_record(monev):
    # Adding a field: a migration adds its column, one Field declares it, and
    # the Complaint record holds it; this names what is missing.
    with sqlite3.connect(monev.db) as conn:
        table = [row[1] for row in conn.execute("PRAGMA table_info(complaints)")]
    stored = [field.name for field in fields.STORED]
    assert set(table) - {"id", "year", "seq"} == set(stored)
    assert set(Complaint._fields) - {"id", "events"} == set(stored)


def test_correct_has_an_option_for_each_correctable_field(monev):
    # Adding a correctable field (``correctable=True``, its title in SHOWN):
    # `monev correct` needs an option for it, worded there; this names it.
    app = typer.Typer()
    corrections.add_to(app)
    command = typer.main.get_command(app).commands["correct"]
    options = {option for param in command.params for option in param.opts}
    result = monev("correct", "ADU-2023-0001", "--reason", "Salah ketik")
    listed = result.stderr.removeprefix(
        "Error: Say what to correct: give one or more of "
    )
    named = listed.strip().removesuffix(".").split(", ")
    assert len(named) == len(fields.CORRECTABLE)
    assert [name for name in named if name not in options] == []
