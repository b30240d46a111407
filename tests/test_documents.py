"""The report as the office signs it: the PDF read back with pypdf, the Word
document with python-docx.

Rendering costs a fraction of a second, so one register and one document
serve most tests (module fixtures)."""

import re
from html import unescape
from pathlib import Path

import docx
import pypdf
import pytest
from conftest import Monev, close, fill_profile
from test_report import md_table

SIGNED = "2024-01-15"
# Complainants: their names and contacts must never reach a document.
PEOPLE = ("Ni Luh Terbuka", "0812-3456-7890", "Wayan Tersembunyi", "wayan@contoh.id")


def build_register(monev: Monev) -> None:
    fill_profile(monev)
    rows = (
        ("2023-01-09", "langsung", "informasi", "Syarat pengajuan PKH", "2023-01-10"),
        ("2023-02-14", "facebook", "layanan", "Bantuan belum diterima", "2023-04-20"),
        ("2023-06-05", "lapor", "standar", "Antrean loket terlalu lama", None),
    )
    for day, channel, kind, summary, answered in rows:
        ref = monev.record(
            date=day, channel=channel, type=kind, summary=summary, unit="Sekretariat"
        )["tracking_no"]
        if answered:
            close(monev, ref, answered)
    monev.record(date="2023-07-01", name=PEOPLE[0], contact=PEOPLE[1])
    monev.record("--confidential", date="2023-08-01", name=PEOPLE[2], contact=PEOPLE[3])
    monev.record(date="2022-12-31", summary="Di luar periode")


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Monev:
    monev = Monev(tmp_path_factory.mktemp("office") / "register.db")
    monev.ok("init")
    build_register(monev)
    return monev


def write_report(monev: Monev, target: Path, *args: str) -> Path:
    monev.ok("report", "--year", "2023", "-o", str(target), "--as-of", SIGNED, *args)
    return target


@pytest.fixture(scope="module")
def pdf(office, tmp_path_factory):
    target = tmp_path_factory.mktemp("pdf") / "laporan-2023.pdf"
    return pypdf.PdfReader(write_report(office, target))


def page_texts(reader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    """Text with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


def chapters(reader) -> list[str]:
    """The titles of the PDF's top-level bookmarks: its chapters."""
    return [item.title for item in reader.outline if not isinstance(item, list)]


def test_the_format_follows_the_file_extension(pdf):
    assert pdf.pdf_header.startswith("%PDF-")


# Markup of Typst, Markdown, HTML, Jinja and Word's fields, and a backslash.
HOSTILE = "#let x = 1 *b* _i_ $m$ [l] <t> {{ v }} {% if %} @ref \\ `c`"


def make_hostile(monev: Monev, tmp_path: Path) -> None:
    fill_profile(monev)
    for key in ("government", "agency", "head_name", "head_rank"):
        monev.ok("profile", "set", key, f"{key} {HOSTILE}")
    story = tmp_path / "latar.txt"
    story.write_text(f"Latar {HOSTILE}", encoding="utf-8")
    monev.ok("narrative", "set", "latar_belakang", "--file", str(story))
    monev.record(summary=f"Aduan {HOSTILE}", unit=f"Unit {HOSTILE}")


def test_markup_in_any_text_is_printed_as_typed(monev, tmp_path):
    make_hostile(monev, tmp_path)
    reader = pypdf.PdfReader(write_report(monev, tmp_path / "r.pdf"))
    text = flat("\n".join(page_texts(reader)))
    for shown in (
        f"GOVERNMENT {HOSTILE.upper()}",
        f"Latar {HOSTILE}",
        f"Aduan {HOSTILE}",
        f"Unit {HOSTILE}",
        f"head_name {HOSTILE}",
        f"head_rank {HOSTILE}",
    ):
        assert shown in text, shown
    monev.ok("receipt", "ADU-2023-0001", "-o", str(tmp_path / "tt.pdf"))
    receipt = flat(page_texts(pypdf.PdfReader(tmp_path / "tt.pdf"))[0])
    assert f"Pokok aduan : Aduan {HOSTILE}" in receipt
    assert receipt.startswith(f"GOVERNMENT {HOSTILE.upper()}")


def test_the_cover_has_the_letterhead(pdf):
    lines = page_texts(pdf)[0].splitlines()
    assert lines[0] == "PEMERINTAH KABUPATEN KARANGASEM"
    head = flat(" ".join(lines[1:5]))
    assert head.startswith(
        "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK, PENGENDALIAN "
        "PENDUDUK DAN KELUARGA BERENCANA Jl. Contoh No. 1, Amlapura, Karangasem, "
        "Bali Telepon (0363) 000000 · Pos-el dinsos@contoh.go.id · Laman "
        "dinsos.contoh.go.id"
    )
    assert "TAHUN 2023" in lines


def test_sections_in_order_and_pages_numbered_roman_then_from_one(pdf):
    assert chapters(pdf) == [
        "KATA PENGANTAR",
        "BAB I PENDAHULUAN",
        "BAB II MONITORING DAN EVALUASI PENANGANAN PENGADUAN",
        "BAB III HAMBATAN DAN UPAYA PENYELESAIAN",
        "PENUTUP",
        "LAMPIRAN",
    ]
    labels = pdf.page_labels
    assert labels[:4] == ["", "i", "ii", "1"]
    assert labels[3:] == [str(n) for n in range(1, len(labels) - 2)]
    texts = page_texts(pdf)
    # The number is printed at the foot of every page but the cover.
    for label, text in zip(labels[1:], texts[1:], strict=True):
        assert text.rstrip().endswith(label)
    contents = flat(texts[2])
    assert contents.startswith("DAFTAR ISI KATA PENGANTAR")
    assert re.search(r"BAB I PENDAHULUAN[ .]* 1 1.1 Latar Belakang[ .]* 1 ", contents)
    assert texts[1].startswith("KATA PENGANTAR")
    assert "Pembina Utama Muda (IV/c)" in texts[1]


def test_the_tables_are_the_recap_of_the_period(office, pdf):
    recap = office.json("recap", "--year", "2023", "--as-of", SIGNED)
    lines = set("\n".join(page_texts(pdf)).splitlines())
    for name in ("channel", "type", "status"):
        for number, line in enumerate(recap[name]["lines"], start=1):
            row = f"{number} {line['label']} {line['count']}"
            assert any(text.startswith(row) for text in lines), row
    assert f"Jumlah {recap['status']['total']} 100%" in lines


def test_the_appendix_lists_the_periods_complaints(office, pdf):
    listed = office.json("list", "--year", "2023", "--as-of", SIGNED)
    appendix = "\n".join(page_texts(pdf)[pdf.page_labels.index("1") :])
    appendix = appendix.split("LAMPIRAN", 1)[1]
    found = re.findall(r"^(\d+) (ADU-\d{4}-\d{4}) ", appendix, re.M)
    assert found == [
        (str(n), item["tracking_no"]) for n, item in enumerate(listed, start=1)
    ]
    assert "(dirahasiakan)" in appendix


def test_no_complainant_is_named_anywhere(pdf):
    text = flat("\n".join(page_texts(pdf)))
    for value in PEOPLE:
        assert value not in text


def test_without_the_appendix(office, tmp_path):
    reader = pypdf.PdfReader(
        write_report(office, tmp_path / "laporan.pdf", "--no-appendix")
    )
    assert chapters(reader)[-1] == "PENUTUP"


def test_an_agency_template_is_used_and_its_mistake_named(office, tmp_path):
    folder = tmp_path / "templat"
    folder.mkdir()
    template = folder / "report.typ"
    template.write_text(
        '#let ctx = json(bytes(sys.inputs.at("context")))\n'
        "= Laporan #ctx.agency.short\n",
        encoding="utf-8",
    )
    args = ("--template-dir", str(folder))
    reader = pypdf.PdfReader(write_report(office, tmp_path / "own.pdf", *args))
    assert page_texts(reader) == ["Laporan Dinsos, PPPA, PPKB"]
    template.write_text(
        '#let ctx = json(bytes(sys.inputs.at("context")))\n= #ctx.agency.nama\n',
        encoding="utf-8",
    )
    assert office.fails(
        "report", "--year", "2023", "-o", str(tmp_path / "x.pdf"), *args
    ) == (
        f"Error: The template {template} cannot be rendered: dictionary does not "
        'contain key "nama".'
    )
    assert not (tmp_path / "x.pdf").exists()


def test_a_register_without_a_profile_still_gives_a_pdf(monev, tmp_path):
    result = monev("report", "--year", "2023", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code == 0 and "Warning: the profile has no" in result.stderr
    assert page_texts(pypdf.PdfReader(tmp_path / "r.pdf"))[0].startswith(
        "(NAMA INSTANSI)"
    )


# --- Word ---------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def word(office, tmp_path_factory):
    target = tmp_path_factory.mktemp("docx") / "laporan-2023.docx"
    return docx.Document(write_report(office, target))


def cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def all_text(document) -> str:
    """Every paragraph, table cell, header and footer of the document."""
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts += [text for table in document.tables for row in cells(table) for text in row]
    for section in document.sections:
        parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def test_the_letterhead_and_the_cover(word):
    head = cells(word.tables[0])[0]
    assert head[1].splitlines() == [
        "PEMERINTAH KABUPATEN KARANGASEM",
        "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK, PENGENDALIAN "
        "PENDUDUK DAN KELUARGA BERENCANA",
        "Jl. Contoh No. 1, Amlapura, Karangasem, Bali",
        "Telepon (0363) 000000  ·  Pos-el dinsos@contoh.go.id  ·  Laman "
        "dinsos.contoh.go.id",
    ]
    rule = word.paragraphs[0]._p.find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert rule.get(f"{W}val") == "thickThinSmallGap"
    cover = [p.text for p in word.paragraphs[:20] if p.text]
    assert cover[:4] == [
        "LAPORAN",
        "MONITORING DAN EVALUASI",
        "PENGADUAN PELAYANAN PUBLIK",
        "TAHUN 2023",
    ]


def test_headings_in_order_a_contents_field_and_page_numbers(word):
    chapters = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert chapters == [
        "KATA PENGANTAR",
        "BAB I PENDAHULUAN",
        "BAB II MONITORING DAN EVALUASI PENANGANAN PENGADUAN",
        "BAB III HAMBATAN DAN UPAYA PENYELESAIAN",
        "PENUTUP",
        "LAMPIRAN",
    ]
    body = word.element.body
    assert [t.text for t in body.iter(f"{W}instrText")][0].startswith("TOC ")
    formats = []
    for section in word.sections:
        numbering = section._sectPr.find(f"{W}pgNumType")
        formats.append(None if numbering is None else numbering.get(f"{W}fmt"))
        fields = [t.text for t in section.footer._element.iter(f"{W}instrText")]
        assert fields == ([] if numbering is None else ["PAGE"])
    assert formats == [None, "lowerRoman", "decimal"]
    assert "Pembina Utama Muda (IV/c)" in all_text(word)


def html_table(html: str, number: int) -> list[list[str]]:
    table = html.split(f'<table class="data" id="tabel-{number}">', 1)[1]
    table = table.split("</table>", 1)[0]
    return [
        re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    ]


def test_every_format_shows_the_same_tables(office, word, pdf):
    """Markdown, HTML, PDF and Word: the same cells, from the same context."""
    report = ("report", "--year", "2023", "--as-of", SIGNED)
    markdown = office.ok(*report)
    html = office.ok(*report, "--format", "html")
    recap = office.json("recap", "--year", "2023", "--as-of", SIGNED)
    tables = word.tables[1:]
    pdf_lines = {flat(line) for line in "\n".join(page_texts(pdf)).splitlines()}
    for number in range(1, 8):
        expected = [[c.strip("*") for c in row] for row in md_table(markdown, number)]
        assert cells(tables[number - 1]) == expected
        assert [[unescape(c) for c in row] for row in html_table(html, number)] == (
            expected
        )
        for row in expected:
            shown = " ".join(cell for cell in row if cell)
            assert any(line.startswith(shown) for line in pdf_lines), row
    assert [row[2] for row in cells(tables[0])[1:-1]] == [
        str(line["count"]) for line in recap["channel"]["lines"]
    ]
    assert len(word.inline_shapes) == 3  # the charts, as pictures


def test_the_word_appendix_lists_the_periods_complaints(office, word):
    listed = office.json("list", "--year", "2023", "--as-of", SIGNED)
    rows = cells(word.tables[-1])
    assert rows[0][:3] == ["No", "Nomor Pengaduan", "Diterima"]
    assert [row[1] for row in rows[1:]] == [item["tracking_no"] for item in listed]


def test_no_complainant_is_named_anywhere_in_word(word):
    text = all_text(word)
    for value in PEOPLE:
        assert value not in text


def test_markup_in_any_text_is_written_as_typed(monev, tmp_path):
    make_hostile(monev, tmp_path)
    text = flat(all_text(docx.Document(write_report(monev, tmp_path / "r.docx"))))
    for shown in (
        f"GOVERNMENT {HOSTILE.upper()}",
        f"Latar {HOSTILE}",
        f"Aduan {HOSTILE}",
        f"Unit {HOSTILE}",
        f"head_name {HOSTILE}",
    ):
        assert shown in text, shown


def test_a_word_template_naming_a_missing_value_fails(office, tmp_path):
    folder = tmp_path / "templat"
    folder.mkdir()
    own = docx.Document()
    own.add_paragraph("{{ agency.nama }}")
    own.save(folder / "report.docx")
    target = tmp_path / "x.docx"
    assert office.fails(
        "report", "--year", "2023", "-o", str(target), "--template-dir", str(folder)
    ) == (
        f"Error: The template {folder / 'report.docx'} names a value the report "
        "does not have ('dict object' has no attribute 'nama'): check the "
        "spelling against 'monev templates export'."
    )
    assert not target.exists()


def test_the_exported_word_template_gives_the_same_document(office, word, tmp_path):
    folder = tmp_path / "templat"
    office.ok("templates", "export", str(folder))
    own = docx.Document(
        write_report(office, tmp_path / "r.docx", "--template-dir", str(folder))
    )
    assert [cells(table) for table in own.tables] == [
        cells(table) for table in word.tables
    ]


def test_a_document_without_an_output_file_goes_to_stdout_as_bytes(office):
    result = office("report", "--year", "2023", "--format", "pdf", "--no-appendix")
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"%PDF-")


def test_a_long_appendix_lists_the_first_and_says_how_many(office, monkeypatch):
    from monev_cli.documents import context

    monkeypatch.setattr(context, "APPENDIX_ROWS", 2)
    markdown = office.ok("report", "--year", "2023", "--as-of", SIGNED)
    appendix = markdown.split("## LAMPIRAN", 1)[1]
    assert re.findall(r"^\| \d+ \| (ADU-\S+)", appendix, re.M) == [
        "ADU-2023-0001",
        "ADU-2023-0002",
    ]
    assert appendix.endswith(
        "Lampiran ini memuat 2 pengaduan pertama dari 5 pengaduan periode ini; "
        "daftar selengkapnya tersimpan dalam register pengaduan.\n\n"
    )


def test_a_word_template_that_is_no_word_document_is_named(office, tmp_path):
    folder = tmp_path / "templat"
    folder.mkdir()
    (folder / "report.docx").write_bytes(b"bukan dokumen Word")
    assert office.fails(
        "report", "--year", "2023", "-o", str(tmp_path / "x.docx"),
        "--template-dir", str(folder),
    ) == (
        f"Error: The template {folder / 'report.docx'} is not a Word document: "
        "save it from Word as .docx and try again."
    )  # fmt: skip


def test_a_document_is_not_written_onto_a_terminal(office, monkeypatch):
    from typer import testing

    monkeypatch.setattr(testing._NamedTextIOWrapper, "isatty", lambda self: True)
    assert office.fails("report", "--year", "2023", "--format", "docx") == (
        "Error: A docx file cannot be shown on the terminal: give --output FILE, "
        "e.g. --output laporan.docx."
    )
