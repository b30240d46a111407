import csv
import io
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import AS_OF

HEADER = [
    "No", "Tanggal", "Nama", "Kontak", "Saluran/Media", "Jenis Pengaduan",
    "Uraian", "Unit Kerja", "Status", "Tanggal Selesai", "Tindak Lanjut",
]  # fmt: skip
ROWS = [
    ["1", "05/01/2023", "I Wayan Sudarma", "0812", "Facebook", "Informasi/saran",
     "Tanya syarat PKH", "Bidang Jaminan Sosial", "Selesai", "09/01/2023",
     "Dijelaskan lewat pesan"],
    ["2", "14/03/2023", "", "", "Pengaduan disampaikan langsung", "Pengaduan Layanan",
     "Alat bantu disabilitas kurang", "", "Proses", "", "Diteruskan ke bidang"],
    ["3", "22/08/2023", "", "", "LAPOR! SP4N", "Pelanggaran disiplin",
     "Petugas tidak di tempat", "Sekretariat", "", "", ""],
]  # fmt: skip


def excel_csv(path: Path, rows, sep=";", encoding="utf-8-sig") -> Path:
    """A CSV as Excel saves it: its locale's separator, CRLF, a BOM."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    return excel_csv(tmp_path / "rekap.csv", [HEADER, *ROWS])


def listed(monev, *args):
    return monev.json("list", "--include-void", "--as-of", AS_OF, *args)


def test_an_excel_csv_with_semicolons_and_a_bom_is_imported(monev, sheet):
    out = monev.ok("import", str(sheet), "--as-of", AS_OF)
    assert out == (
        "Added 3 of 3 complaints from rekap.csv; skipped 0 already in the register.\n"
    )
    first, second, third = listed(monev)
    assert first["tracking_no"] == "ADU-2023-0001"
    assert (first["received_on"], first["channel"], first["type"]) == (
        "2023-01-05",
        "facebook",
        "informasi",
    )
    assert (first["name"], first["contact"], first["unit"]) == (
        "I Wayan Sudarma",
        "0812",
        "Bidang Jaminan Sosial",
    )
    assert (first["status"], first["answered_on"]) == ("selesai", "2023-01-09")
    assert (second["channel"], second["type"], second["status"]) == (
        "langsung",
        "layanan",
        "proses",
    )
    assert (third["channel"], third["type"], third["status"]) == (
        "lapor",
        "disiplin",
        "diterima",
    )
    assert third["classification"] == "penyimpangan"


def test_each_status_is_its_history_last_entry(monev, sheet):
    monev.ok("import", str(sheet), "--as-of", AS_OF)
    done = monev.json("show", "ADU-2023-0001")
    assert [
        (e["kind"], e["status"], e["event_on"], e["note"]) for e in done["events"]
    ] == [
        ("dicatat", "diterima", "2023-01-05", "Imported from rekap.csv, row 2."),
        ("status", "selesai", "2023-01-09", "Dijelaskan lewat pesan"),
    ]
    assert done["events"][0]["officer"] == "tester"
    assert done["due_on"] == "2023-02-04"
    in_process = monev.json("show", "ADU-2023-0002")
    assert [(e["status"], e["event_on"]) for e in in_process["events"]] == [
        ("diterima", "2023-03-14"),
        ("proses", "2023-03-14"),
    ]
    received = monev.json("show", "ADU-2023-0003")
    assert [e["status"] for e in received["events"]] == ["diterima"]


def test_commas_english_headers_and_iso_dates(monev, tmp_path):
    path = excel_csv(
        tmp_path / "en.csv",
        [
            ["Date", "Channel", "Type", "Summary", "Status", "Answered"],
            [
                "2023-02-01",
                "telephone",
                "informasi",
                "Asks, twice",
                "done",
                "2023-02-03",
            ],
        ],
        sep=",",
        encoding="utf-8",
    )
    monev.ok("import", str(path), "--as-of", AS_OF)
    [complaint] = listed(monev)
    assert complaint["channel"] == "telepon"
    assert complaint["summary"] == "Asks, twice"
    assert complaint["answered_on"] == "2023-02-03"


def test_title_rows_above_the_header_are_passed_over(monev, tmp_path):
    path = excel_csv(
        tmp_path / "rekap.csv",
        [["REKAP PENGADUAN 2023"] + [""] * 10, [""] * 11, HEADER, ROWS[0]],
    )
    monev.ok("import", str(path), "--as-of", AS_OF)
    complaint = monev.json("show", "ADU-2023-0001")
    assert complaint["events"][0]["note"] == "Imported from rekap.csv, row 4."


def test_windows_1252_text_is_read(monev, tmp_path):
    rows = [HEADER, ["1", "05/01/2023", "José", "", "Facebook", "Informasi/saran",
                     "Keluhan café", "", "", "", ""]]  # fmt: skip
    path = excel_csv(tmp_path / "ansi.csv", rows, encoding="cp1252")
    monev.ok("import", str(path), "--as-of", AS_OF)
    assert listed(monev)[0]["summary"] == "Keluhan café"


def test_an_xlsx_with_date_cells_and_typed_dates(monev, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Tanggal Diterima", "Media", "Jenis", "Isi Pengaduan", "Status",
                  "Tanggal Selesai", "Nomor Registrasi"])  # fmt: skip
    sheet.append([datetime(2023, 4, 3), "Instagram", "Standar layanan",
                  "Antrean lama", "Selesai", "10/04/2023", None])  # fmt: skip
    sheet.append(["05/04/2023", "Website", "Lainnya", "Lain hal", "Proses", None,
                  "ADU-2023-0042"])  # fmt: skip
    sheet.append([date(2023, 4, 7), "Kotak Pengaduan", "Informasi/saran", 12345,
                  None, datetime(2023, 4, 8), None])  # fmt: skip
    path = tmp_path / "rekap.xlsx"
    workbook.save(path)
    out = monev.ok("import", str(path), "--as-of", AS_OF)
    assert out == (
        "Added 3 of 3 complaints from rekap.xlsx; skipped 0 already in the register.\n"
    )
    rows = [
        (c["tracking_no"], c["received_on"], c["channel"], c["summary"], c["status"],
         c["answered_on"])
        for c in listed(monev)
    ]  # fmt: skip
    assert rows == [
        ("ADU-2023-0043", "2023-04-03", "instagram", "Antrean lama", "selesai",
         "2023-04-10"),
        ("ADU-2023-0042", "2023-04-05", "website", "Lain hal", "proses", None),
        ("ADU-2023-0044", "2023-04-07", "kotak", "12345", "selesai", "2023-04-08"),
    ]  # fmt: skip


def test_every_rejected_row_is_listed_and_nothing_is_written(monev, tmp_path):
    rows = [
        HEADER,
        ROWS[0],
        ["2", "31/02/2023", "", "", "Twitter", "Informasi/saran", "A", "", "", "", ""],
        ["3", "01/03/2023", "", "", "Twitter", "Informasi/saran", "", "", "", "", ""],
        ["4", "02/03/2023", "", "", "Twitter", "Lainnya", "C", "", "Selesai", "", ""],
        ["5", "03/03/2023", "", "", "Facebook", "Lainnya", "D", "", "Batal", "", ""],
        ["6", "04/03/2024", "", "", "Facebook", "Lainnya", "E", "", "Proses",
         "05/03/2024", ""],
    ]  # fmt: skip
    path = excel_csv(tmp_path / "bad.csv", rows)
    result = monev("import", str(path), "--as-of", AS_OF)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "row 3 (Tanggal): '31/02/2023' is not a real calendar date: month 2 of 2023 "
        "has 28 days.",
        "rows 3-5 (Saluran/Media): 'Twitter' is not a known channel: use a code or "
        "label from 'monev channels', or add it with 'monev channels add'.",
        "row 4 (Uraian): The summary is empty: type it in.",
        "row 6 (Status): 'Batal' is not a status: use Diterima, Proses or Selesai.",
        "row 7 (Tanggal): The received date 2024-03-04 is after today (2023-12-31): "
        "check the date.",
        "Error: Rejected 5 of 6 rows (listed above): nothing was imported. Correct "
        "them and import again.",
    ]
    assert listed(monev) == []


def test_a_row_without_its_columns_is_rejected_once(monev, tmp_path):
    path = excel_csv(tmp_path / "bad.csv", [HEADER, ROWS[0], ["2", "05/01/2023"]])
    result = monev("import", str(path), "--as-of", AS_OF)
    assert result.stderr.splitlines()[:3] == [
        "row 3 (Saluran/Media): The channel is empty: type it in.",
        "row 3 (Jenis Pengaduan): The type is empty: type it in.",
        "row 3 (Uraian): The summary is empty: type it in.",
    ]


def test_status_and_answer_date_must_agree(monev, tmp_path):
    rows = [
        HEADER,
        ["1", "05/01/2023", "", "", "Facebook", "Lainnya", "A", "", "Selesai", "", ""],
        ["2", "05/01/2023", "", "", "Facebook", "Lainnya", "B", "", "Proses",
         "06/01/2023", ""],
        ["3", "05/01/2023", "", "", "Facebook", "Lainnya", "C", "", "Selesai",
         "04/01/2023", ""],
    ]  # fmt: skip
    result = monev("import", str(excel_csv(tmp_path / "s.csv", rows)), "--as-of", AS_OF)
    assert result.stderr.splitlines()[:3] == [
        "row 2: The status is 'selesai' but the date answered is empty: add it (a "
        "column such as 'Tanggal Selesai'), or, if the register never recorded it, "
        "import with --undated-answers.",
        "row 3: It has a date answered (2023-01-06) but its status is 'proses': make "
        "the status Selesai or clear the date.",
        "row 4: The date 2023-01-04 is before 2023-01-05, the complaint's previous "
        "entry: give a date on or after it.",
    ]


def test_an_answer_date_alone_means_done(monev, tmp_path):
    rows = [HEADER, ["1", "05/01/2023", "", "", "Facebook", "Lainnya", "A", "", "",
                     "07/01/2023", "Dijawab"]]  # fmt: skip
    monev.ok("import", str(excel_csv(tmp_path / "s.csv", rows)), "--as-of", AS_OF)
    assert listed(monev)[0]["status"] == "selesai"


def test_dry_run_shows_the_columns_and_writes_nothing(monev, sheet):
    result = monev("import", str(sheet), "--dry-run", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "  Tanggal -> received_on",
        "  Nama -> name",
        "  Kontak -> contact",
        "  Saluran/Media -> channel",
        "  Jenis Pengaduan -> type",
        "  Uraian -> summary",
        "  Unit Kerja -> unit",
        "  Status -> status",
        "  Tanggal Selesai -> answered_on",
        "  Tindak Lanjut -> answer",
        "Dry run: would add 3 of 3 complaints from rekap.csv and skip 0 already in "
        "the register; nothing was written.",
    ]
    assert listed(monev) == []


def test_dry_run_lists_rejected_rows_as_the_import_would(monev, tmp_path):
    rows = [HEADER, ["1", "x", "", "", "Facebook", "Lainnya", "A", "", "", "", ""]]
    path = excel_csv(tmp_path / "bad.csv", rows)
    result = monev("import", str(path), "--dry-run", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "row 2 (Tanggal): 'x' is not a date: type it as YYYY-MM-DD or DD/MM/YYYY.",
        "Error: Rejected 1 of 1 row (listed above): nothing was imported. Correct "
        "them and import again.",
    ]


def test_importing_the_same_file_again_adds_nothing(monev, sheet):
    monev.ok("import", str(sheet), "--as-of", AS_OF)
    out = monev.ok("import", str(sheet), "--as-of", AS_OF)
    assert out == (
        "Added 0 of 3 complaints from rekap.csv; skipped 3 already in the register.\n"
    )
    assert len(listed(monev)) == 3


def test_a_grown_sheet_adds_only_its_new_rows(monev, tmp_path):
    path = excel_csv(tmp_path / "rekap.csv", [HEADER, *ROWS[:2]])
    monev.ok("import", str(path), "--as-of", AS_OF)
    excel_csv(path, [HEADER, *ROWS])
    data = monev.json("import", str(path), "--as-of", AS_OF)
    assert (data["added"], data["skipped"], data["total"]) == (1, 2, 3)
    assert [c["tracking_no"] for c in listed(monev)] == [
        "ADU-2023-0001",
        "ADU-2023-0002",
        "ADU-2023-0003",
    ]


def test_identical_rows_are_two_complaints_and_both_match_later(monev, tmp_path):
    path = excel_csv(tmp_path / "twice.csv", [HEADER, ROWS[2], ROWS[2]])
    assert monev.json("import", str(path), "--as-of", AS_OF)["added"] == 2
    assert monev.json("import", str(path), "--as-of", AS_OF)["skipped"] == 2


def test_rows_match_on_tracking_number_or_external_reference(monev, tmp_path):
    monev.record(external_ref="LPR-77", summary="Sudah dicatat")
    header = ["Tanggal", "Saluran", "Jenis", "Uraian", "Nomor Registrasi", "No LAPOR"]
    rows = [
        header,
        ["01/03/2023", "Facebook", "Lainnya", "Beda isi", "ADU-2023-0001", ""],
        ["02/03/2023", "Website", "Lainnya", "Isi lain", "", "LPR-77"],
        ["03/03/2023", "Website", "Lainnya", "Baru", "", "LPR-78"],
    ]
    data = monev.json(
        "import", str(excel_csv(tmp_path / "m.csv", rows)), "--as-of", AS_OF
    )
    assert (data["added"], data["skipped"]) == (1, 2)
    assert listed(monev)[-1]["external_ref"] == "LPR-78"


def test_own_tracking_numbers_are_kept_and_new_ones_follow(monev, tmp_path):
    monev.record()  # ADU-2023-0001
    header = ["Tanggal", "Saluran", "Jenis", "Uraian", "Nomor Registrasi"]
    rows = [
        header,
        ["01/02/2023", "Facebook", "Lainnya", "Tanpa nomor", ""],
        ["02/02/2023", "Facebook", "Lainnya", "Bernomor", "adu-2023-0009"],
        ["03/01/2022", "Facebook", "Lainnya", "Tahun lalu", ""],
    ]
    monev.ok("import", str(excel_csv(tmp_path / "n.csv", rows)), "--as-of", AS_OF)
    assert [(c["tracking_no"], c["summary"]) for c in listed(monev)] == [
        ("ADU-2022-0001", "Tahun lalu"),
        ("ADU-2023-0010", "Tanpa nomor"),
        ("ADU-2023-0009", "Bernomor"),
        ("ADU-2023-0001", "Tanya syarat PKH"),
    ]
    assert monev.record()["tracking_no"] == "ADU-2023-0011"


def test_tracking_numbers_that_clash_are_rejected(monev, tmp_path):
    monev.record()  # ADU-2023-0001
    header = ["Tanggal", "Saluran", "Jenis", "Uraian", "Nomor Registrasi"]
    rows = [
        header,
        ["01/02/2023", "Facebook", "Lainnya", "A", "LPR-2023-0001"],
        ["02/02/2023", "Facebook", "Lainnya", "B", "ADU-2023-0005"],
        ["03/02/2023", "Facebook", "Lainnya", "C", "ADU-2023-0005"],
        ["04/02/2023", "Facebook", "Lainnya", "D", "12/ADU/2023"],
    ]
    result = monev("import", str(excel_csv(tmp_path / "n.csv", rows)), "--as-of", AS_OF)
    assert result.stderr.splitlines()[:3] == [
        "row 2: The tracking number LPR-2023-0001 takes number 1 of 2023, which "
        "ADU-2023-0001 already has.",
        "row 4: The tracking number ADU-2023-0005 is also on row 3.",
        "row 5 (Nomor Registrasi): '12/ADU/2023' is not a tracking number like "
        "ADU-2023-0007: if it is another system's number, map its column to "
        "external_ref.",
    ]
    assert len(listed(monev)) == 1


def test_map_names_the_columns_it_does_not_know(monev, tmp_path):
    rows = [
        ["Tgl Masuk", "Lewat", "Jenis", "Pokok Masalah", "Catatan"],
        ["01/02/2023", "Facebook", "Lainnya", "Isi", "boleh diabaikan"],
    ]
    path = excel_csv(tmp_path / "own.csv", rows)
    result = monev(
        "import", str(path), "--map", "tgl masuk=received_on", "--map",
        "Lewat=channel", "--map", "Pokok Masalah=summary", "--as-of", AS_OF,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Note: columns left aside: 'Catatan' (read one with --map HEADER=field).\n"
    )
    [complaint] = listed(monev)
    assert (complaint["received_on"], complaint["summary"]) == ("2023-02-01", "Isi")


def test_a_missing_required_column_is_named(monev, tmp_path):
    path = excel_csv(tmp_path / "own.csv", [["Tanggal", "Lewat", "Jenis", "Uraian"]])
    assert monev.fails("import", str(path), "--as-of", AS_OF) == (
        "Error: No column for channel. The file's columns are: 'Tanggal', 'Lewat', "
        "'Jenis', 'Uraian'. Name them with --map HEADER=field (e.g. --map "
        '"Tgl=received_on").'
    )


def test_map_errors(monev, sheet):
    assert monev.fails("import", str(sheet), "--map", "Uraian=isi") == (
        "Error: Unknown field 'isi' in --map. Valid fields: tracking_no, received_on, "
        "channel, type, classification, summary, name, contact, confidential, unit, "
        "external_ref, status, due_on, answered_on, answer, voided, void_reason, "
        "ignore."
    )
    assert monev.fails("import", str(sheet), "--map", "Foto=ignore").startswith(
        "Error: --map names a column 'foto' that the file does not have."
    )


def test_two_columns_for_one_field_must_be_told_apart(monev, tmp_path):
    rows = [["Tanggal", "Tanggal Diterima", "Saluran", "Jenis", "Uraian"]]
    path = excel_csv(tmp_path / "two.csv", rows)
    assert monev.fails("import", str(path)) == (
        "Error: The columns 'Tanggal' and 'Tanggal Diterima' both look like "
        'received_on: say which to use, e.g. --map "Tanggal Diterima=ignore".'
    )
    out = monev.ok("import", str(path), "--map", "Tanggal Diterima=ignore")
    assert out.startswith("Added 0 of 0 complaints")


def test_unreadable_files(monev, tmp_path):
    assert monev.fails("import", str(tmp_path / "none.csv")) == (
        f"Error: There is no file {tmp_path / 'none.csv'}."
    )
    odd = tmp_path / "data.ods"
    odd.write_text("x")
    assert monev.fails("import", str(odd)) == (
        f"Error: Cannot tell how to read {odd}: give --format (one of: csv, xlsx, "
        "json)."
    )
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a zip")
    assert monev.fails("import", str(broken)).startswith(
        f"Error: {broken} could not be read as an Excel workbook"
    )
    prose = excel_csv(tmp_path / "prose.csv", [["Hello"], ["world"]])
    assert monev.fails("import", str(prose)).startswith(
        f"Error: Found no header row in {prose}"
    )


def test_confidential_column(monev, tmp_path):
    rows = [
        ["Tanggal", "Saluran", "Jenis", "Uraian", "Nama", "Rahasia"],
        ["01/02/2023", "Facebook", "Lainnya", "A", "Ni Made", "Ya"],
        ["01/02/2023", "Facebook", "Lainnya", "B", "I Wayan", "tidak"],
        ["01/02/2023", "Facebook", "Lainnya", "C", "I Ketut", "mungkin"],
    ]
    result = monev("import", str(excel_csv(tmp_path / "c.csv", rows)), "--as-of", AS_OF)
    assert result.stderr.splitlines()[0] == (
        "row 4 (Rahasia): 'mungkin' is not yes or no: use ya or tidak."
    )
    monev.ok("import", str(excel_csv(tmp_path / "c.csv", rows[:3])), "--as-of", AS_OF)
    assert [(c["name"], c["confidential"]) for c in listed(monev)] == [
        (None, True),
        ("I Wayan", False),
    ]


def test_external_reference_is_found_and_shown(monev, tmp_path):
    rows = [
        ["Tanggal", "Saluran", "Jenis", "Uraian", "Nomor LAPOR!"],
        ["01/02/2023", "LAPOR! SP4N", "Lainnya", "Dari LAPOR", "LPR-2023-555"],
    ]
    monev.ok("import", str(excel_csv(tmp_path / "l.csv", rows)), "--as-of", AS_OF)
    [found] = monev.json("list", "--search", "LPR-2023-555", "--as-of", AS_OF)
    assert found["tracking_no"] == "ADU-2023-0001"
    assert monev.json("list", "--search", "LPR-2023-9", "--as-of", AS_OF) == []
    shown = monev.ok("show", "ADU-2023-0001", "--as-of", AS_OF)
    assert "\nExternal ref  LPR-2023-555" in shown


def test_json_import_reports_complaint_numbers(monev, tmp_path):
    path = tmp_path / "x.json"
    path.write_text(
        json.dumps(
            {
                "complaints": [
                    {"received_on": "2023-01-02", "channel": "facebook",
                     "type": "lainnya", "summary": "A"},
                    {"received_on": "2023-01-02", "channel": "fax",
                     "type": "lainnya", "summary": "B"},
                    "nonsense",
                ]
            }
        )
    )  # fmt: skip
    result = monev("import", str(path), "--as-of", AS_OF)
    assert result.stderr.splitlines() == [
        "complaint 2 (channel): 'fax' is not a known channel: use a code or label "
        "from 'monev channels', or add it with 'monev channels add'.",
        "complaint 3: It is not a complaint (a JSON object).",
        "Error: Rejected 2 of 3 complaints (listed above): nothing was imported. "
        "Correct them and import again.",
    ]


def test_json_history_must_agree_with_the_status(monev, tmp_path):
    event = {"kind": "dicatat", "status": "diterima", "event_on": "2023-01-02",
             "logged_at": "2023-01-02T09:00:00+08:00", "officer": "ani"}  # fmt: skip
    item = {"received_on": "2023-01-02", "channel": "facebook", "type": "lainnya",
            "summary": "A", "status": "proses", "events": [event]}  # fmt: skip
    path = tmp_path / "x.json"
    path.write_text(json.dumps([item]))
    result = monev("import", str(path), "--as-of", AS_OF)
    assert result.stderr.splitlines()[0] == (
        "complaint 1 (events): Its status 'proses' is not the last status in its "
        "history ('diterima')."
    )
    item["events"] = [{**event, "event_on": "2023-01-01"}]
    path.write_text(json.dumps([item]))
    result = monev("import", str(path), "--as-of", AS_OF)
    assert result.stderr.splitlines()[0] == (
        "complaint 1 (events): Entry 1 of its history: The date 2023-01-01 is before "
        "2023-01-02, the complaint's previous entry: give a date on or after it."
    )


def test_the_shipped_sample_sheet_imports(monev):
    from importlib.resources import files

    sample = files("monev_cli") / "data" / "contoh-pengaduan.csv"
    data = monev.json("import", str(sample), "--as-of", "2024-06-30")
    assert (data["added"], data["total"], data["left_aside"]) == (10, 10, [])
    assert data["columns"]["Nomor LAPOR!"] == "external_ref"
    by_status = {}
    for complaint in monev.json("list", "--as-of", "2024-06-30"):
        by_status[complaint["status"]] = by_status.get(complaint["status"], 0) + 1
    assert by_status == {"selesai": 7, "proses": 2, "diterima": 1}


def test_json_output_lists_the_rejected_rows(monev, tmp_path):
    rows = [HEADER, ROWS[0], ["2", "x", "", "", "Facebook", "Lainnya", "A"]]
    result = monev("import", str(excel_csv(tmp_path / "b.csv", rows)), "--json",
                   "--as-of", AS_OF)  # fmt: skip
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "rejected": [
            {
                "row": 3,
                "column": "Tanggal",
                "reason": "'x' is not a date: type it as YYYY-MM-DD or DD/MM/YYYY.",
            }
        ]
    }
    assert result.stderr.startswith("Error: Rejected 1 of 2 rows")


def test_dates_written_with_a_time_of_day(monev, tmp_path):
    rows = [["Tanggal", "Saluran", "Jenis", "Uraian"],
            ["2023-03-01 00:00:00", "Facebook", "Lainnya", "A"],
            ["02/03/2023 13.45", "Facebook", "Lainnya", "B"]]  # fmt: skip
    monev.ok("import", str(excel_csv(tmp_path / "t.csv", rows)), "--as-of", AS_OF)
    assert [c["received_on"] for c in listed(monev)] == ["2023-03-01", "2023-03-02"]


def _schema_and_soundness(db: Path):
    conn = sqlite3.connect(db)
    try:
        schema = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        return schema, conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def test_a_large_import_leaves_the_schema_and_indexes_as_they_were(monev, tmp_path):
    # Into an empty register and into one larger than the file alike: the
    # same schema, with every index holding every row.
    before, _sound = _schema_and_soundness(monev.db)
    path = excel_csv(tmp_path / "rekap.csv", [HEADER, *ROWS[:2]])
    monev.ok("import", str(path), "--as-of", AS_OF)
    assert _schema_and_soundness(monev.db) == (before, [("ok",)])
    excel_csv(path, [HEADER, *ROWS])
    monev.ok("import", str(path), "--as-of", AS_OF)
    assert _schema_and_soundness(monev.db) == (before, [("ok",)])
    overdue = monev.json("overdue", "--as-of", AS_OF)
    assert sorted(c["tracking_no"] for c in overdue) == [
        "ADU-2023-0002",
        "ADU-2023-0003",
    ]
