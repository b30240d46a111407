import sys

import pytest
from conftest import fill_profile

SIGNED = ["--as-of", "2024-01-15"]


def test_show_lists_every_section_with_its_source(monev):
    out = monev.ok("narrative", "show")
    assert out.startswith("== kata_pengantar (default) ==\nPuji syukur")
    assert "== latar_belakang (default) ==\nPelayanan publik" in out
    assert "== tindak_lanjut (default) ==\n\n" in out
    assert [t["section"] for t in monev.json("narrative", "show")][-1] == "penutup"


def test_a_text_set_for_the_agency_then_for_a_year(monev, tmp_path):
    every_year = tmp_path / "umum.txt"
    every_year.write_text("Kendala umum di {instansi}.\n", encoding="utf-8")
    assert monev.ok("narrative", "set", "hambatan", "--file", str(every_year)) == (
        "Stored the text of hambatan (agency-wide).\n"
    )
    this_year = tmp_path / "2023.txt"
    this_year.write_text("- jaringan putus\n- petugas cuti\n", encoding="utf-8")
    monev.ok("narrative", "set", "hambatan", "--file", str(this_year), "--year", "2023")
    assert monev.ok("narrative", "show", "hambatan", "--year", "2023") == (
        "- jaringan putus\n- petugas cuti\n"
    )
    fill_profile(monev)
    report_2023 = monev.ok("report", "--year", "2023", *SIGNED)
    assert "### 3.1 Hambatan\n\n- jaringan putus\n- petugas cuti\n\n### 3.2" in (
        report_2023
    )
    report_2024 = monev.ok("report", "--year", "2024", *SIGNED)
    assert "Kendala umum di Dinsos, PPPA, PPKB Kabupaten Karangasem." in report_2024


def test_reset_goes_back_to_the_next_in_line(monev):
    monev("narrative", "set", "penutup", "--file", "-", input="Tahunan.")
    monev("narrative", "set", "penutup", "--file", "-", "--year", "2023",
          input="Khusus 2023.")  # fmt: skip
    show = ("narrative", "show", "penutup", "--year", "2023")
    assert monev.ok(*show) == "Khusus 2023.\n"
    assert monev.ok("narrative", "reset", "penutup", "--year", "2023") == (
        "Forgot the stored text of penutup.\n"
    )
    assert monev.ok(*show) == "Tahunan.\n"
    monev.ok("narrative", "reset", "penutup")
    assert monev.ok(*show).startswith("Demikian laporan")
    assert monev.ok("narrative", "reset", "penutup") == (
        "No text of penutup was stored.\n"
    )


def test_an_empty_text_leaves_the_section_out(monev):
    fill_profile(monev)
    monev("narrative", "set", "tindak_lanjut", "--file", "-", input="Sudah dibantu.")
    monev("narrative", "set", "upaya", "--file", "-", input="")
    text = monev.ok("report", "--year", "2023", *SIGNED)
    assert "Sudah dibantu.\n\n## BAB III" in text
    assert "### 3.2 Upaya\n\n## PENUTUP" in text


def test_edit_opens_the_editor_on_the_current_text(monev, tmp_path, monkeypatch):
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import os, sys\n"
        "path = sys.argv[1]\n"
        "old = open(path, encoding='utf-8').read()\n"
        "open(path, 'w', encoding='utf-8').write('Baru. ' + old[:9])\n"
        "os.utime(path, (1e9, 2e9))\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    assert monev.ok("narrative", "edit", "penutup", "--year", "2023") == (
        "Stored the text of penutup (year 2023).\n"
    )
    assert monev.ok("narrative", "show", "penutup", "--year", "2023") == (
        "Baru. Demikian\n"
    )


@pytest.mark.parametrize(
    ("args", "stdin", "error"),
    [
        (["set", "pembuka", "--file", "-"], "x",
         "Error: Unknown narrative section 'pembuka'. Valid: kata_pengantar, "
         "latar_belakang, "
         "dasar_hukum, maksud_tujuan, pengaduan, asas, saluran, penanganan, "
         "tindak_lanjut, hambatan, upaya, penutup."),
        (["set", "hambatan", "--file", "-"], "Di {kantor} kami.",
         "Error: Unknown placeholder {kantor} in the text. Valid: {instansi}, "
         "{instansi_lengkap}, {wilayah}, {periode}, {batas_jawab}."),
        (["set", "hambatan", "--file", "/nonexistent/t.txt"], None,
         "Error: There is no file /nonexistent/t.txt."),
        (["set", "hambatan", "--file", "-"], "bel\x07",
         "Error: The text holds a control character (U+0007): retype it as plain "
         "text."),
        (["set", "hambatan", "--file", "-", "--year", "1999"], "x",
         "Error: The year 1999 is out of range: give a year from 2000 to 2100."),
    ],
)  # fmt: skip
def test_bad_narrative_input(monev, args, stdin, error):
    result = monev("narrative", *args, input=stdin)
    assert result.exit_code != 0
    assert result.stderr == error + "\n"
    assert monev.json("narrative", "show", "hambatan")[0]["source"] == "default"


def test_a_channel_detail_is_listed_in_the_report(monev):
    fill_profile(monev)
    assert monev.ok("channels", "detail", "Instagram", "@dinsos.contoh") == (
        "instagram: @dinsos.contoh\n"
    )
    monev.ok("channels", "detail", "telepon", "(0363) 21154 (Call Center)")
    text = monev.ok("report", "--year", "2023", *SIGNED)
    assert "4. Telepon/Call Center: (0363) 21154 (Call Center)\n" in text
    assert "5. Instagram: @dinsos.contoh\n" in text
    monev.ok("channels", "detail", "instagram", "")
    assert "5. Instagram\n" in monev.ok("report", "--year", "2023", *SIGNED)
    assert monev.fails("channels", "detail", "tiktok", "x").startswith(
        "Error: Unknown channel 'tiktok'. Valid channels: website,"
    )
