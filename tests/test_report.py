import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import AS_OF, close, fill_profile

GOLDEN = Path(__file__).parent / "golden"
SIGNED = "2024-01-15"


def report(monev, *args: str) -> str:
    return monev.ok("report", *args, "--as-of", SIGNED)


def md_table(text: str, number: int) -> list[list[str]]:
    """The cells of Markdown table ``number``, header row included."""
    lines = text.split(f"**Tabel {number}. ", 1)[1].splitlines()[2:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
        rows.append([cell.strip() for cell in cells])
    return [row for row in rows if not set("".join(row)) <= set("-: ")]


def test_the_reference_tables_from_its_three_complaints(reference):
    text = reference.ok(
        "report", "--from", "2023-01-01", "--to", "2024-05-31", "--as-of", "2024-06-03"
    )
    assert text.startswith(
        "# LAPORAN MONITORING DAN EVALUASI PENGADUAN PELAYANAN PUBLIK PADA DINAS "
        "SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK, PENGENDALIAN PENDUDUK "
        "DAN KELUARGA BERENCANA KABUPATEN KARANGASEM PERIODE JANUARI 2023 – MEI 2024\n"
    )
    channels = md_table(text, 1)
    assert channels[0] == ["No", "Saluran Pengaduan", "Jumlah"]
    assert ["3", "Facebook", "3"] in channels
    assert all(row[2] == "0" for row in channels[1:-1] if row[1] != "Facebook")
    assert channels[-1] == ["", "**Jumlah**", "**3**"]
    assert md_table(text, 2)[1:] == [
        ["1", "Pelanggaran disiplin", "0"],
        ["2", "Penyalahgunaan wewenang", "0"],
        ["3", "Standar layanan", "0"],
        ["4", "Informasi/saran", "2"],
        ["5", "Pengaduan layanan", "1"],
        ["6", "Lainnya", "0"],
        ["", "**Jumlah**", "**3**"],
    ]
    assert md_table(text, 3)[1:] == [
        ["1", "Selesai", "3", "100%"],
        ["2", "Proses", "0", "0%"],
        ["3", "Diterima", "0", "0%"],
        ["", "**Jumlah**", "**3**", "**100%**"],
    ]
    sentence = text.split("**Tabel 3. ")[0].rstrip().rsplit("\n", 1)[1]
    assert sentence.startswith(
        "Dari 3 (tiga) pengaduan yang diterima dalam kurun waktu Januari 2023 – "
        "Mei 2024, status penanganannya"
    )
    assert "terdapat 3 (tiga) pengaduan, terdiri atas Informasi/saran sebanyak " \
        "2 (dua) dan Pengaduan layanan sebanyak 1 (satu)." in text  # fmt: skip


def test_tables_are_numbered_once_each_in_order(reference):
    text = report(reference, "--year", "2023")
    assert re.findall(r"\*\*Tabel (\d+)\.", text) == [str(n) for n in range(1, 8)]
    assert "## BAB I PENDAHULUAN" in text and "## PENUTUP" in text


def test_a_year_is_titled_tahun_and_signed_on_the_as_of_date(reference):
    text = report(reference, "--year", "2023")
    assert text.splitlines()[0].endswith("KABUPATEN KARANGASEM TAHUN 2023")
    assert (
        "Karangasem, Januari 2024  \nData per 15 Januari 2024\n\nKepala Dinas\n" in text
    )
    assert "NIP. 19700101 199503 1 001" in text


def test_the_same_register_and_options_give_the_same_bytes(reference, tmp_path):
    first = report(reference, "--year", "2023", "--format", "html")
    out = tmp_path / "laporan.html"
    reference.ok(
        "report", "--year", "2023", "--format", "html", "--as-of", SIGNED,
        "--output", str(out),
    )  # fmt: skip
    assert out.read_text(encoding="utf-8") == first
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".laporan")]


def test_a_voided_complaint_is_never_counted(reference):
    ref = reference.record(date="2023-05-05", channel="website")["tracking_no"]
    reference.ok("void", ref, "--reason", "Tercatat dua kali", "--as-of", AS_OF)
    text = report(reference, "--year", "2023")
    assert ["1", "Website", "0"] in md_table(text, 1)
    assert md_table(text, 3)[-1] == ["", "**Jumlah**", "**3**", "**100%**"]
    assert md_table(text, 5)[5] == ["5", "Mei 2023", "0"]


def test_timeliness_and_days_to_answer(monev):
    fill_profile(monev)
    on_time = monev.record(date="2023-01-02")["tracking_no"]
    close(monev, on_time, "2023-01-10")
    late = monev.record(date="2023-01-02")["tracking_no"]
    close(monev, late, "2023-03-01")
    monev.record(date="2023-01-02")  # open, overdue since 2023-02-02
    monev.record(date="2023-12-20")  # open, due 2024-01-19
    text = report(monev, "--year", "2023")
    assert md_table(text, 4)[1:] == [
        ["1", "Dijawab dalam batas waktu", "1", "25%"],
        ["2", "Dijawab melewati batas waktu", "1", "25%"],
        ["3", "Belum selesai, melewati batas waktu", "1", "25%"],
        ["4", "Belum selesai, masih dalam batas waktu", "1", "25%"],
        ["", "**Jumlah**", "**4**", "**100%**"],
    ]
    assert "paling lama 33 hari (median)" in text
    assert "paling lama diberikan 58 hari setelah" in text


def test_months_of_a_range_are_all_listed(reference):
    text = reference.ok(
        "report", "--from", "2023-01-01", "--to", "2024-05-31", "--as-of", "2024-06-03"
    )
    months = md_table(text, 5)
    assert len(months) == 1 + 17 + 1
    assert months[2] == ["2", "Februari 2023", "1"]
    assert months[17] == ["17", "Mei 2024", "0"]


def test_markdown_cells_keep_pipes_and_line_breaks_inside(reference):
    reference.record(summary="Antrean | loket\nterlalu *lama*", unit="Loket | A")
    text = report(reference, "--year", "2023")
    topics = md_table(text, 7)
    assert ["2", "Antrean \\| loket<br>terlalu \\*lama\\*", "1"] in topics
    assert all(len(row) == 3 for row in topics)
    assert ["2", "Loket \\| A", "1"] in md_table(text, 6)


class Parsed(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.captions: list[str] = []
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_caption = tag == "caption"

    def handle_endtag(self, tag):
        self._in_caption = False

    def handle_data(self, data):
        if self._in_caption:
            self.captions.append(data)


def test_the_html_is_one_page_with_tables_and_charts(reference):
    html = report(reference, "--year", "2023", "--format", "html")
    parsed = Parsed()
    parsed.feed(html)
    assert parsed.tags.count("table") == 8
    assert parsed.tags.count("svg") == 3
    assert [c.split(".")[0] for c in parsed.captions] == [
        f"Tabel {n}" for n in range(1, 8)
    ] + ["Daftar Pengaduan yang Diterima Januari – Desember 2023"]
    assert "<link" not in html and "src=" not in html  # nothing to fetch
    assert "@page { size: A4" in html and "break-before: page" in html


def test_html_shows_user_text_as_text(reference):
    reference.record(summary="<script>alert(1)</script>", unit="<b>Unit</b>")
    html = report(reference, "--year", "2023", "--format", "html")
    assert "<script>" not in html and "<b>Unit" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    parsed = Parsed()
    parsed.feed(html)
    assert "script" not in parsed.tags


def test_a_confidential_identity_is_never_in_a_report(reference):
    reference.record(
        "--confidential", name="Rahasia Orang", contact="0812999", summary="Aduan X"
    )
    reference.record(name="Ni Made Ayu", contact="0813111", summary="Tanya KB")
    for fmt in ("md", "html"):
        plain = report(reference, "--year", "2023", "--format", fmt)
        personal = report(
            reference, "--year", "2023", "--format", fmt, "--include-personal"
        )
        for text in (plain, personal):
            assert "Rahasia Orang" not in text and "0812999" not in text
            assert "Aduan X" not in text
        assert "Ni Made Ayu" not in plain
        assert "Ni Made Ayu (0813111)" in personal


def test_missing_profile_values_are_warned_about(monev):
    result = monev("report", "--year", "2023", "--as-of", SIGNED)
    assert result.exit_code == 0
    assert result.stderr == (
        "Warning: the profile has no agency, region, city, head_title, head_name, "
        "head_nip; the report leaves them blank. Set them with 'monev profile set "
        "KEY VALUE'.\n"
    )
    assert "disediakan (nama instansi)" in result.stdout


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--year", "2023", "--from", "2023-01-01"],
         "Error: Give either --year or --from and --to, not both."),
        (["--from", "2023-01-01"],
         "Error: Give both ends of the period, e.g. --from 2023-01-01 --to "
         "2024-05-31."),
        (["--from", "2023-06-01", "--to", "2023-01-01"],
         "Error: The period starts (2023-06-01) after it ends (2023-01-01): swap "
         "--from and --to."),
        (["--year", "2023", "--format", "odt"],
         "Error: Invalid value for '--format': 'odt' is not one of 'md', 'html', "
         "'pdf', 'docx' (see 'monev report --help')"),
        (["--year", "2023", "--template-dir", "/nonexistent/templates"],
         "Error: The template folder /nonexistent/templates does not exist."),
    ],
)  # fmt: skip
def test_bad_report_options(monev, args, error):
    assert monev.fails("report", *args, "--as-of", SIGNED) == error


def test_an_agency_template_overrides_and_extends_the_default(
    reference, tmp_path, monkeypatch
):
    folder = tmp_path / "templat"
    folder.mkdir()
    (folder / "report.html.j2").write_text(
        '{% extends "default:report.html.j2" %}'
        "{% block cover %}<p>SAMPUL {{ agency.short }}</p>{% endblock %}"
    )
    (folder / "report.md.j2").write_text("Jumlah: {{ recap.status.total }}\n")
    html = report(reference, "--year", "2023", "--format", "html",
                  "--template-dir", str(folder))  # fmt: skip
    assert "<p>SAMPUL Dinsos, PPPA, PPKB</p>" in html
    assert "Tabel 7. Pokok Aduan" in html
    monkeypatch.setenv("MONEV_TEMPLATES", str(folder))
    assert report(reference, "--year", "2023") == "Jumlah: 3\n"


def test_a_template_naming_a_missing_value_fails(reference, tmp_path):
    (tmp_path / "report.md.j2").write_text("{{ recap.nothing_here }}\n")
    assert reference.fails(
        "report", "--year", "2023", "--template-dir", str(tmp_path), "--as-of", SIGNED
    ) == (
        "Error: The template report.md.j2 names a value the report does not have "
        "('dict object' has no attribute 'nothing_here'): check the spelling "
        "against 'monev templates export'."
    )


def test_a_template_syntax_error_names_its_line(reference, tmp_path):
    (tmp_path / "report.md.j2").write_text("ok\n{% if %}\n")
    error = reference.fails(
        "report", "--year", "2023", "--template-dir", str(tmp_path), "--as-of", SIGNED
    )
    assert error.startswith("Error: The template report.md.j2 has an error on line 2")


def test_exported_templates_give_the_same_report(reference, tmp_path):
    folder = tmp_path / "templat"
    listed = reference.ok("templates", "export", str(folder)).split()
    assert sorted(Path(p).name for p in listed) == [
        "_macros.html.j2", "_macros.md.j2", "consolidated.docx",
        "consolidated.html.j2", "consolidated.md.j2", "consolidated.typ",
        "letterhead.typ", "parts.typ", "receipt.typ", "report.docx",
        "report.html.j2", "report.md.j2", "report.typ",
    ]  # fmt: skip
    for fmt in ("md", "html"):
        assert report(
            reference, "--year", "2023", "--format", fmt, "--template-dir", str(folder)
        ) == report(reference, "--year", "2023", "--format", fmt)
    assert reference.fails("templates", "export", str(folder)) == (
        f"Error: {folder / '_macros.html.j2'} exists already: export into another "
        "folder, or add --force to overwrite it."
    )
    reference.ok("templates", "export", str(folder), "--force")


def golden_register(monev) -> None:
    """A small register that shows every part of the report."""
    fill_profile(monev)
    monev.ok("channels", "detail", "facebook", "facebook.com/dinsos.contoh")
    rows = (
        ("2023-01-09", "langsung", "informasi", "Syarat pengajuan PKH", "2023-01-10"),
        ("2023-02-14", "facebook", "layanan", "Bantuan belum diterima", "2023-04-20"),
        ("2023-02-20", "telepon", "informasi", "Syarat pengajuan PKH", "2023-02-21"),
        ("2023-06-05", "lapor", "standar", "Antrean | loket\nterlalu lama", None),
        ("2023-11-28", "website", "disiplin", "<b>Petugas</b> tidak di tempat", None),
    )
    for day, channel, kind, summary, answered in rows:
        ref = monev.record(
            date=day, channel=channel, type=kind, summary=summary, unit="Sekretariat"
        )["tracking_no"]
        if answered:
            close(monev, ref, answered)
    monev.record("--confidential", date="2023-03-03", name="Rahasia", summary="X")
    void = monev.record(date="2023-04-04")["tracking_no"]
    monev.ok("void", void, "--reason", "Tercatat dua kali", "--as-of", AS_OF)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden_report(monev, fmt):
    """Regenerate with: MONEV_UPDATE_GOLDEN=1 python -m pytest tests/test_report.py"""
    monev.now = "2023-12-31T15:00:00+08:00"
    golden_register(monev)
    text = report(monev, "--year", "2023", "--format", fmt)
    golden = GOLDEN / f"report-2023.{fmt}"
    if os.environ.get("MONEV_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_output_into_a_missing_folder_is_refused(reference, tmp_path):
    target = tmp_path / "tidak-ada" / "laporan.md"
    assert reference.fails(
        "report", "--year", "2023", "--output", str(target), "--as-of", SIGNED
    ) == (f"Error: Cannot write {target}: No such file or directory.")
