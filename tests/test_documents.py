"""The report as the office signs it: the PDF read back with pypdf.

Rendering costs a fraction of a second, so one register and one document
serve most tests (module fixtures)."""

import re
from pathlib import Path

import pytest
from conftest import Monev, close, fill_profile
from test_report import md_table

pypdf = pytest.importorskip("pypdf")

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


def test_markdown_and_pdf_show_the_same_numbers(office, pdf):
    markdown = office.ok("report", "--year", "2023", "--as-of", SIGNED)
    lines = set(flat(line) for line in "\n".join(page_texts(pdf)).splitlines())
    for number in range(1, 8):
        for row in md_table(markdown, number)[1:]:
            cells = [cell.strip("*") for cell in row if cell]
            assert any(line.startswith(" ".join(cells)) for line in lines), row


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
