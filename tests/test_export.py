import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from conftest import AS_OF, Monev, identity_left_out


@pytest.fixture(scope="module")
def filled_once(tmp_path_factory) -> Path:
    """A register with a history of every kind: closed, reopened, noted,
    voided, confidential, a formula-like summary, an external reference."""
    monev = Monev(tmp_path_factory.mktemp("filled") / "register.db")
    monev.ok("init")
    monev.record(
        date="2023-01-05", name="Ni Made", contact="0812", unit="Bidang PPPA",
        external_ref="LPR-1", summary="Tanya hak perwalian",
    )  # fmt: skip
    monev.record(
        "--confidential", date="2023-02-01", channel="langsung", type="layanan",
        summary='=HYPERLINK("http://x")', name="I Wayan", contact="0813",
    )  # fmt: skip
    monev.record(date="2023-03-01", summary="Dicatat dua kali")
    monev.record(date="2022-12-30", summary="Tahun sebelumnya")
    update = ("update", "--as-of", AS_OF)
    monev.ok(*update, "ADU-2023-0001", "--status", "selesai", "--note", "Dijelaskan",
             "--date", "2023-01-09")  # fmt: skip
    monev.ok(*update, "ADU-2023-0001", "--status", "proses", "--note", "Dibuka lagi",
             "--date", "2023-01-20")  # fmt: skip
    monev.ok(*update, "ADU-2023-0001", "--status", "selesai", "--note",
             "Dijawab tertulis", "--date", "2023-02-01")  # fmt: skip
    monev.ok(*update, "ADU-2023-0002", "--status", "proses", "--date", "2023-02-03")
    monev.ok("note", "ADU-2023-0002", "Menunggu data", "--date", "2023-02-04",
             "--as-of", AS_OF)  # fmt: skip
    monev.ok("void", "ADU-2023-0003", "--reason", "Ganda", "--as-of", AS_OF)
    return monev.db


@pytest.fixture
def filled(filled_once, tmp_path) -> Monev:
    """A copy of the filled register for one test."""
    copy = tmp_path / "register.db"
    with sqlite3.connect(filled_once) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return Monev(copy)


def export(monev: Monev, *args: str) -> str:
    return monev.ok("export", *args)


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_export_without_personal_data(filled):
    text = export(filled, "--format", "csv", "--year", "2023")
    lines = text.splitlines()
    assert lines[0] == (
        "tracking_no,received_on,channel,type,classification,summary,confidential,"
        "unit,external_ref,status,due_on,answered_on,answer"
    )
    assert lines[1:] == [
        "ADU-2023-0001,2023-01-05,facebook,informasi,informatif,Tanya hak perwalian,"
        "0,Bidang PPPA,LPR-1,selesai,2023-02-04,2023-02-01,Dijawab tertulis",
        'ADU-2023-0002,2023-02-01,langsung,layanan,informatif,"\'=HYPERLINK(""http:'
        '//x"")",1,,,proses,2023-03-03,,',
    ]
    assert "Ni Made" not in text and "0812" not in text


def test_csv_export_with_personal_data_and_voided(filled):
    rows = csv_rows(export(filled, "--include-personal", "--include-void"))
    assert [(r["tracking_no"], r["name"], r["contact"], r["voided"]) for r in rows] == [
        ("ADU-2022-0001", "", "", "0"),
        ("ADU-2023-0001", "Ni Made", "0812", "0"),
        ("ADU-2023-0002", "I Wayan", "0813", "0"),
        ("ADU-2023-0003", "", "", "1"),
    ]
    assert rows[3]["void_reason"] == "Ganda"


def test_filters_select_what_is_exported(filled):
    rows = csv_rows(export(filled, "--status", "selesai"))
    assert [row["tracking_no"] for row in rows] == ["ADU-2023-0001"]
    rows = csv_rows(export(filled, "--from", "2023-02-01", "--to", "31/12/2023"))
    assert [row["tracking_no"] for row in rows] == ["ADU-2023-0002"]
    rows = csv_rows(export(filled, "--channel", "langsung", "--type", "layanan"))
    assert [row["tracking_no"] for row in rows] == ["ADU-2023-0002"]
    rows = csv_rows(export(filled, "--unit", "bidang pppa"))
    assert [row["tracking_no"] for row in rows] == ["ADU-2023-0001"]
    empty = export(filled, "--format", "json", "--year", "2020")
    assert empty.endswith('"complaints": [\n]}\n')
    assert json.loads(empty)["selection"]["year"] == 2020


def test_json_export_holds_the_history(filled):
    data = json.loads(export(filled, "--format", "json", "--include-void"))
    assert (data["format"], data["version"]) == ("monev", 1)
    first = data["complaints"][1]
    assert "id" not in first and "name" not in first and "contact" not in first
    assert [
        (e["kind"], e["status"], e["event_on"], e["note"]) for e in first["events"]
    ] == [
        ("dicatat", "diterima", "2023-01-05", None),
        ("status", "selesai", "2023-01-09", "Dijelaskan"),
        ("status", "proses", "2023-01-20", "Dibuka lagi"),
        ("status", "selesai", "2023-02-01", "Dijawab tertulis"),
    ]
    assert first["events"][0]["officer"] == "tester"
    voided = data["complaints"][3]
    assert (voided["voided"], voided["void_reason"]) == (True, "Ganda")


def into_new_register(tmp_path: Path, path: Path, name: str) -> Monev:
    other = Monev(tmp_path / name)
    other.ok("init")
    other.ok("import", str(path), "--as-of", AS_OF)
    return other


@pytest.mark.parametrize("personal", [(), ("--include-personal",)])
def test_json_round_trip_is_identical(filled, tmp_path, personal):
    args = ("--format", "json", "--include-void", *personal)
    first = tmp_path / "first.json"
    filled.ok("export", *args, "--output", str(first))
    other = into_new_register(tmp_path, first, "other.db")
    # identical but for the identity of the register each names
    again = other.ok("export", *args)
    assert identity_left_out(again) == identity_left_out(first.read_text())
    assert (
        json.loads(again)["register_id"] != json.loads(first.read_text())["register_id"]
    )
    again = other.json("import", str(first), "--as-of", AS_OF)
    assert (again["added"], again["skipped"]) == (0, 4)


def test_csv_round_trip_is_identical(filled, tmp_path):
    args = ("--include-personal", "--include-void")
    first = tmp_path / "first.csv"
    filled.ok("export", *args, "--output", str(first))
    other = into_new_register(tmp_path, first, "other.db")
    assert other.ok("export", *args) == first.read_text()
    shown = other.json("show", "ADU-2023-0002", "--include-personal")
    assert shown["summary"] == '=HYPERLINK("http://x")'


def test_xlsx_round_trip_keeps_every_cell(filled, tmp_path):
    from openpyxl import load_workbook

    def cells(path: Path) -> list[tuple]:
        workbook = load_workbook(path, read_only=True)
        return list(workbook.worksheets[0].iter_rows(values_only=True))

    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    out = filled.ok("export", "--format", "xlsx", "--include-void", "-o", str(first))
    assert out == f"Exported 4 complaints to {first}.\n"
    other = into_new_register(tmp_path, first, "other.db")
    other.ok("export", "--format", "xlsx", "--include-void", "-o", str(second))
    assert cells(second) == cells(first)
    header, row = cells(first)[:2]
    assert dict(zip(header, row, strict=False))["received_on"].date().isoformat() == (
        "2022-12-30"
    )
    formula = dict(zip(header, cells(first)[3], strict=False))["summary"]
    assert formula == '=HYPERLINK("http://x")'


def test_xlsx_text_that_looks_like_a_formula_stays_text(filled, tmp_path):
    import zipfile

    path = tmp_path / "out.xlsx"
    filled.ok("export", "--format", "xlsx", "-o", str(path))
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert 't="inlineStr"><is><t>=HYPERLINK' in sheet


def test_open311_service_requests(filled):
    filled.ok("profile", "set", "agency", "Dinas Sosial")
    requests = json.loads(
        export(
            filled, "--format", "open311", "--utc-offset", "+08:00", "--year", "2023"
        )
    )
    assert requests[0] == {
        "service_request_id": "ADU-2023-0001",
        "status": "closed",
        "status_notes": "Dijawab tertulis",
        "service_name": "Informasi/saran",
        "service_code": "informasi",
        "description": "Tanya hak perwalian",
        "agency_responsible": "Bidang PPPA",
        "service_notice": None,
        "requested_datetime": "2023-01-05T00:00:00+08:00",
        "updated_datetime": "2023-02-01T00:00:00+08:00",
        "expected_datetime": "2023-02-04T23:59:59+08:00",
        "address": None,
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }
    second = requests[1]
    assert (second["status"], second["status_notes"]) == ("open", "Menunggu data")
    assert second["agency_responsible"] == "Dinas Sosial"
    assert "I Wayan" not in json.dumps(requests)
    assert len(requests) == 2


def test_open311_checks_the_offset_and_an_empty_export(filled):
    assert filled.fails("export", "--format", "open311", "--utc-offset", "WITA") == (
        "Error: 'WITA' is not a UTC offset: give it as +07:00 (WIB), +08:00 (WITA) "
        "or +09:00 (WIT)."
    )
    assert export(filled, "--format", "open311", "--year", "2020") == "[]\n"


def test_unknown_format_and_unwritable_output(filled, tmp_path):
    assert filled.fails("export", "--format", "pdf") == (
        "Error: Unknown format 'pdf'. Valid: csv, json, xlsx, open311."
    )
    target = tmp_path / "missing" / "out.csv"
    assert filled.fails("export", "--output", str(target)) == (
        f"Error: Cannot write {target}: No such file or directory."
    )


def test_a_failed_export_leaves_no_file(filled, tmp_path):
    target = tmp_path / "out.csv"
    filled.fails("export", "--output", str(target), "--channel", "fax")
    assert list(tmp_path.glob("*.csv")) == [] and not list(tmp_path.glob(".*partial"))


def test_open311_voided_requests_are_closed_with_the_reason(filled):
    requests = json.loads(export(filled, "--format", "open311", "--include-void"))
    voided = [r for r in requests if r["service_request_id"] == "ADU-2023-0003"]
    assert [(r["status"], r["status_notes"]) for r in voided] == [("closed", "Ganda")]


def test_one_complaint_exported(filled, tmp_path):
    target = tmp_path / "one.json"
    out = filled.ok(
        "export", "--format", "json", "--status", "selesai", "-o", str(target)
    )
    assert out == f"Exported 1 complaint to {target}.\n"
