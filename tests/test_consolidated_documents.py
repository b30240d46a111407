"""The consolidated report as the office signs it: PDF and Word, under the
consolidating office's letterhead, read back with pypdf and python-docx.

The registers of test_consolidate serve the figures (built once per run);
two small agencies with markup in their names and labels, and complainants
who must never be named, are built once here."""

import docx
import pypdf
import pytest
from conftest import AS_OF, Monev, close, fill_profile
from test_consolidate import agencies  # noqa: F401 (a fixture)
from test_documents import (
    HOSTILE,
    PEOPLE,
    W,
    all_text,
    cells,
    chapters,
    flat,
    page_texts,
)
from test_logo import png
from test_report import md_table

YEAR = ("--year", "2023", "--as-of", AS_OF)
COUNTS = (
    "received", "answered", "in_process", "not_handled", "answered_in_time",
)  # fmt: skip


def _inputs(agencies) -> list[str]:  # noqa: F811
    return [str(agencies[name]) for name in ("sosial", "kes.json", "pendidikan")]


def _consolidate(agencies, target, *args: str):  # noqa: F811
    Monev(agencies["own"]).ok(
        "consolidate", *_inputs(agencies), *YEAR, "-o", str(target), *args
    )
    return target


@pytest.fixture(scope="module")
def recap(agencies) -> dict:  # noqa: F811
    return Monev(agencies["own"]).json("consolidate", *_inputs(agencies), *YEAR)


@pytest.fixture(scope="module")
def pdf(agencies, tmp_path_factory):  # noqa: F811
    target = tmp_path_factory.mktemp("pdf") / "rekap-2023.pdf"
    return pypdf.PdfReader(_consolidate(agencies, target))


@pytest.fixture(scope="module")
def word(agencies, tmp_path_factory):  # noqa: F811
    target = tmp_path_factory.mktemp("docx") / "rekap-2023.docx"
    return docx.Document(_consolidate(agencies, target))


def _figures(entry: dict) -> list[str]:
    """An agency's (or the total's) counts as the tables print them."""
    return [str(entry[key]) for key in COUNTS]


def test_the_pdf_has_the_offices_letterhead_and_cover(pdf):
    cover = page_texts(pdf)[0].splitlines()
    assert cover[0] == "BAGIAN ORGANISASI SEKRETARIAT DAERAH"
    assert [flat(line) for line in cover[1:]] == [
        "LAPORAN REKAPITULASI",
        "PENGADUAN PELAYANAN PUBLIK",
        "TAHUN 2023",
        "BAGIAN ORGANISASI SEKRETARIAT DAERAH",
        "KABUPATEN KARANGASEM",
        "2023",
    ]
    assert pdf.metadata.title == (
        "Laporan Rekapitulasi Pengaduan Pelayanan Publik TAHUN 2023"
    )


def test_the_pdf_chapters_in_order_and_pages_numbered_after_the_cover(pdf):
    assert chapters(pdf) == [
        "BAB I REKAPITULASI PER PERANGKAT DAERAH",
        "BAB II REKAPITULASI GABUNGAN",
        "BAB III PERINGKAT KETEPATAN WAKTU",
    ]
    pages = page_texts(pdf)
    assert [text.splitlines()[-1] for text in pages[1:]] == [
        str(number) for number in range(1, len(pages))
    ]
    assert pages[0].splitlines()[-1] == "2023"  # the cover's year: no number


def test_the_pdf_rows_and_totals_are_the_json_recap(pdf, recap):
    text = flat("\n".join(page_texts(pdf)))
    for index, entry in enumerate(recap["agencies"], start=1):
        assert f"{index} {entry['agency']} " in text
        assert " ".join(_figures(entry)) in text, entry["agency"]
    assert "Jumlah " + " ".join(_figures(recap["totals"])) in text
    assert "Data per 31 Desember 2023" in text
    assert "Setiap perangkat daerah menerima" not in text
    assert "tidak menerima pengaduan dalam periode ini: • Dinas Pendidikan" in text
    assert "Catatan 1. Kode saluran 'wa' pada Dinas Sosial berlabel" in text


def test_the_word_letterhead_cover_and_page_numbers(word):
    head = cells(word.tables[0])[0][1].splitlines()
    assert [line for line in head if line] == ["BAGIAN ORGANISASI SEKRETARIAT DAERAH"]
    cover = [p.text for p in word.paragraphs[:20] if p.text]
    assert cover[:3] == [
        "LAPORAN REKAPITULASI",
        "PENGADUAN PELAYANAN PUBLIK",
        "TAHUN 2023",
    ]
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"] == [
        "BAB I REKAPITULASI PER PERANGKAT DAERAH",
        "BAB II REKAPITULASI GABUNGAN",
        "BAB III PERINGKAT KETEPATAN WAKTU",
    ]
    formats = []
    for section in word.sections:
        numbering = section._sectPr.find(f"{W}pgNumType")
        formats.append(None if numbering is None else numbering.get(f"{W}fmt"))
        fields = [t.text for t in section.footer._element.iter(f"{W}instrText")]
        assert fields == ([] if numbering is None else ["PAGE"])
    assert formats == [None, "decimal"]
    text = all_text(word)
    assert "Data per 31 Desember 2023" in text
    assert "NIP. 19800101 200501 2 001" in text


def test_every_format_shows_the_same_tables(agencies, word, recap):  # noqa: F811
    markdown = Monev(agencies["own"]).ok("consolidate", *_inputs(agencies), *YEAR)
    tables = word.tables[1:]
    assert len(tables) == 6
    for number, table in enumerate(tables, start=1):
        expected = [[c.strip("*") for c in row] for row in md_table(markdown, number)]
        assert cells(table) == expected, number
    rows = cells(tables[0])
    for row, entry in zip(rows[1:-1], recap["agencies"], strict=True):
        assert row[1] == entry["agency"]
        assert row[3:8] == _figures(entry)
    assert rows[-1][1] == "Jumlah" and rows[-1][3:8] == _figures(recap["totals"])


def test_an_agency_template_overrides_the_built_in(agencies, tmp_path):  # noqa: F811
    folder = tmp_path / "templat"
    folder.mkdir()
    (folder / "consolidated.typ").write_text(
        '#let ctx = json(bytes(sys.inputs.at("context")))\n'
        "Rekap #ctx.tables.agencies.total.at(3)\n",
        encoding="utf-8",
    )
    own = docx.Document()
    own.add_paragraph("Rekap {{ tables.agencies.total[3] }}")
    own.save(folder / "consolidated.docx")
    args = ("--template-dir", str(folder))
    reader = pypdf.PdfReader(_consolidate(agencies, tmp_path / "r.pdf", *args))
    assert page_texts(reader) == ["Rekap 7"]
    written = docx.Document(_consolidate(agencies, tmp_path / "r.docx", *args))
    assert [p.text for p in written.paragraphs] == ["Rekap 7"]


def test_the_exported_templates_give_the_same_documents(agencies, word, tmp_path):  # noqa: F811
    folder = tmp_path / "templat"
    Monev(agencies["own"]).ok("templates", "export", str(folder))
    own = docx.Document(
        _consolidate(agencies, tmp_path / "r.docx", "--template-dir", str(folder))
    )
    assert [cells(t) for t in own.tables] == [cells(t) for t in word.tables]


def test_a_document_is_not_written_onto_a_terminal(agencies, monkeypatch):  # noqa: F811
    from typer import testing

    monkeypatch.setattr(testing._NamedTextIOWrapper, "isatty", lambda self: True)
    office = Monev(agencies["own"])
    assert office.fails(
        "consolidate", *_inputs(agencies), *YEAR, "--format", "pdf"
    ) == (
        "Error: A pdf file cannot be shown on the terminal: give --output FILE, "
        "e.g. --output laporan.pdf."
    )


def test_a_document_on_stdout_is_bytes(agencies):  # noqa: F811
    result = Monev(agencies["own"])(
        "consolidate", *_inputs(agencies), *YEAR, "--format", "pdf"
    )
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"%PDF-")


# --- markup and people --------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    """An office with a logo and markup in its profile; an agency whose name
    and channel labels hold markup; an agency with complainants' names."""
    folder = tmp_path_factory.mktemp("hostile")
    office = Monev(folder / "kabupaten.db")
    office.ok("init")
    fill_profile(office)
    office.ok("profile", "set", "head_name", f"Kepala {HOSTILE}")
    office.ok("channels", "add", "wa", "WhatsApp")
    logo = folder / "logo.png"
    logo.write_bytes(png())
    office.ok("profile", "logo", str(logo))
    marked = Monev(folder / "inputs" / "marked.db")
    marked.ok("init")
    marked.ok("profile", "set", "agency", f"Dinas {HOSTILE}")
    marked.ok("channels", "add", "wa", f"WA {HOSTILE}")
    marked.ok("channels", "add", "x", f"Kanal {HOSTILE}")
    ref = marked.record(channel="x", summary=f"Aduan {HOSTILE}")["tracking_no"]
    close(marked, ref, "2023-03-10")
    marked.record(channel="wa")
    people = Monev(folder / "inputs" / "people.db")
    people.ok("init")
    people.ok("profile", "set", "agency", "Dinas Sosial")
    people.record(name=PEOPLE[0], contact=PEOPLE[1])
    people.record("--confidential", name=PEOPLE[2], contact=PEOPLE[3])
    written = {}
    for fmt in ("pdf", "docx"):
        written[fmt] = folder / f"rekap.{fmt}"
        office.ok("consolidate", str(folder / "inputs"), *YEAR, "-o", str(written[fmt]))
    return {
        "pdf": pypdf.PdfReader(written["pdf"]),
        "docx": docx.Document(written["docx"]),
    }


SHOWN = (
    f"Kepala {HOSTILE}",
    f"Kode saluran 'wa' pada Dinas {HOSTILE} berlabel 'WA {HOSTILE}'; dalam "
    "laporan ini ditampilkan sebagai 'WhatsApp'.",
    f"Kanal {HOSTILE}",
)


def test_markup_is_printed_as_typed_in_the_pdf(hostile):
    text = flat("\n".join(page_texts(hostile["pdf"])))
    for shown in SHOWN:
        assert shown in text, shown
    assert len(hostile["pdf"].pages[0].images) == 1  # the office's logo


def test_markup_is_written_as_typed_in_word(hostile):
    document = hostile["docx"]
    text = flat(all_text(document))
    for shown in (*SHOWN, f"Dinas {HOSTILE}"):
        assert shown in text, shown
    assert len(document.inline_shapes) == 2  # the logo: letterhead and cover


def test_no_complainant_is_named_in_either_document(hostile):
    texts = (
        "\n".join(page_texts(hostile["pdf"])),
        all_text(hostile["docx"]),
    )
    for text in texts:
        assert "Dinas Sosial" in text
        for value in PEOPLE:
            assert value not in text
