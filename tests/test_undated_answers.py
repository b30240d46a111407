"""Past registers that marked complaints done without the date of the
answer: ``import --undated-answers`` takes them, with no answer date, and
every part of monev counts them as done without guessing a date."""

import sqlite3

import pytest
from conftest import AS_OF, close, fill_profile, identity_left_out
from test_import import excel_csv
from test_report import md_table, report

HEADER = ["Tanggal", "Saluran", "Jenis", "Uraian", "Status", "Tanggal Selesai"]
ROWS = [
    ["2023-01-02", "Facebook", "informasi", "Tanya PKH", "Selesai", ""],
    ["2023-01-03", "Facebook", "layanan", "Bantuan telat", "Selesai", ""],
    ["2023-01-04", "Facebook", "informasi", "Tanya KIS", "Selesai", "2023-01-10"],
]


@pytest.fixture
def undated(monev, tmp_path):
    """Three complaints done, two without their answer date."""
    path = excel_csv(tmp_path / "lama.csv", [HEADER, *ROWS])
    monev.ok("import", str(path), "--undated-answers", "--as-of", AS_OF)
    return monev


def test_without_the_flag_the_rows_are_refused_naming_it(monev, tmp_path):
    path = excel_csv(tmp_path / "lama.csv", [HEADER, *ROWS])
    result = monev("import", str(path), "--as-of", AS_OF)
    assert result.exit_code != 0
    assert result.stderr.splitlines()[0] == (
        "rows 2-3: The status is 'selesai' but the date answered is empty: add it "
        "(a column such as 'Tanggal Selesai'), or, if the register never recorded "
        "it, import with --undated-answers."
    )
    assert monev.json("list") == []


def test_they_are_stored_done_without_an_answer_date(undated):
    listed = undated.json("list", "--as-of", AS_OF)
    assert [(c["status"], c["answered_on"], c["timeliness"]) for c in listed] == [
        ("selesai", None, "selesai_tanpa_tanggal"),
        ("selesai", None, "selesai_tanpa_tanggal"),
        ("selesai", "2023-01-10", "tepat_waktu"),
    ]
    assert listed[0]["days_late"] is None
    assert listed[0]["timeliness_label"] == "answered, date not recorded"
    assert "2023-02-01 (answered, date not recorded)" in undated.ok(
        "show", "ADU-2023-0001", "--as-of", AS_OF
    )
    assert undated.ok("overdue", "--count", "--as-of", AS_OF) == "0\n"
    recap = undated.json("recap", "--year", "2023", "--as-of", AS_OF)
    assert recap["status"]["lines"][0]["count"] == 3


def test_check_accepts_them_and_still_finds_a_lost_date(undated):
    undated.ok("check")
    conn = sqlite3.connect(undated.db)
    with conn:
        conn.execute("UPDATE complaints SET answered_on = NULL WHERE id = 3")
    conn.close()
    result = undated("check")
    assert result.exit_code != 0
    assert result.stdout == (
        "answered_on: ADU-2023-0003 has status 'selesai' but answered date None\n"
    )


def test_the_timeliness_table_shows_them_on_their_own_row(undated):
    fill_profile(undated)
    text = report(undated, "--year", "2023")
    assert md_table(text, 4)[1:] == [
        ["1", "Dijawab dalam batas waktu", "1", "33,3%"],
        ["2", "Dijawab melewati batas waktu", "0", "0%"],
        ["3", "Belum selesai, melewati batas waktu", "0", "0%"],
        ["4", "Belum selesai, masih dalam batas waktu", "0", "0%"],
        ["5", "Selesai, tanggal jawab tidak tercatat", "2", "66,7%"],
        ["", "**Jumlah**", "**3**", "**100%**"],
    ]
    assert (
        "Sebanyak 2 (dua) pengaduan telah selesai, tetapi tanggal jawabnya tidak "
        "tercatat" in text
    )
    # the days to answer are over the one answer whose date is known
    assert "paling lama 6 hari (median)" in text


def test_a_dated_register_has_no_such_row(monev):
    fill_profile(monev)
    close(monev, monev.record(date="2023-01-02")["tracking_no"], "2023-01-10")
    table = md_table(report(monev, "--year", "2023"), 4)
    assert "Selesai, tanggal jawab tidak tercatat" not in [row[1] for row in table]


def test_a_json_export_of_them_imports_with_the_flag(undated, tmp_path):
    exported = tmp_path / "ekspor.json"
    undated.ok("export", "--format", "json", "--output", str(exported))
    other = type(undated)(tmp_path / "other.db")
    other.ok("init")
    assert "--undated-answers" in other("import", str(exported)).stderr
    other.ok("import", str(exported), "--undated-answers", "--as-of", AS_OF)
    other.ok("check")
    again = tmp_path / "lagi.json"
    other.ok("export", "--format", "json", "--output", str(again))
    assert identity_left_out(again.read_text()) == identity_left_out(
        exported.read_text()
    )
