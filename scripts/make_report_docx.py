"""Build the built-in Word templates, src/monev_cli/templates/report.docx
and consolidated.docx (the report over many agencies).

Run after changing this script: ``python scripts/make_report_docx.py``. The
result is an ordinary .docx that an agency may open in Word and change (its
letterhead, fonts, margins, styles), keeping the {{ ... }} placeholders;
docxtpl fills them. ``{{p word.body }}`` and the other ``word.`` values are
parts the report lays out in the template's own styles (Heading 1, Heading 2,
Normal, List Bullet, Table Grid, Caption). Both templates share the
letterhead, cover, signature and page numbers made here."""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

TEMPLATES = Path(__file__).parent.parent / "src/monev_cli/templates"
FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)


def main() -> None:
    for name, build in (("report.docx", _report), ("consolidated.docx", _consolidated)):
        build().save(TEMPLATES / name)
        print(f"Wrote {TEMPLATES / name}")


def _report():
    doc = _document()
    _cover(doc, ("LAPORAN", "MONITORING DAN EVALUASI", "PENGADUAN PELAYANAN PUBLIK"))
    doc.add_section(WD_SECTION.NEW_PAGE)
    _front(doc)
    doc.add_section(WD_SECTION.NEW_PAGE)
    _body(doc)
    cover, front, body = doc.sections
    _numbering(cover, None)
    _numbering(front, "lowerRoman")
    _numbering(body, "decimal")
    _update_fields_on_open(doc)
    doc.core_properties.title = "Laporan Monitoring dan Evaluasi Pengaduan"
    return doc


def _consolidated():
    """The cover, then the body numbered from 1: no foreword, contents or
    appendix, as in consolidated.md.j2 and consolidated.html.j2."""
    doc = _document()
    _cover(doc, ("LAPORAN REKAPITULASI", "PENGADUAN PELAYANAN PUBLIK"))
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_paragraph("{{p word.body }}")
    _signature(doc, "{{ signed.month_year }}", "{{ signed.data_as_of }}")
    cover, body = doc.sections
    _numbering(cover, None)
    _numbering(body, "decimal")
    doc.core_properties.title = "Laporan Rekapitulasi Pengaduan Pelayanan Publik"
    return doc


def _document():
    doc = Document()
    _styles(doc)
    _page(doc.sections[0])
    doc.core_properties.author = "monev"
    return doc


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Caption", 11)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = BLACK
        rfonts = style.element.rPr.rFonts
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
        style.paragraph_format.keep_with_next = True
    doc.styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.styles["Heading 1"].paragraph_format.page_break_before = True
    doc.styles["Heading 1"].paragraph_format.space_after = Pt(18)
    doc.styles["Heading 2"].paragraph_format.space_before = Pt(12)
    doc.styles["Caption"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _page(section) -> None:
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin, section.right_margin = Cm(3), Cm(2)


def _line(doc, text: str, size: int = 12, bold: bool = False, center: bool = True):
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _cover(doc, title: tuple[str, ...]) -> None:
    # Logo, lines, and an empty column as wide as the logo's: the lines are
    # centred on the page, with a logo or without.
    table = doc.add_table(rows=1, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Cm(2.6), Cm(10.8), Cm(2.6))
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = width
    logo, lines, _ = table.rows[0].cells
    logo.paragraphs[0].add_run("{{ word.logo }}")
    logo.vertical_alignment = 1  # centre
    lines.vertical_alignment = 1
    first = lines.paragraphs[0]
    for text, size in (
        ("{{ letterhead.government }}", 14),
        ("{{ letterhead.agency }}", 13),
        ("{{ letterhead.address }}", 10),
        ("{{ letterhead.contact }}", 10),
    ):
        paragraph = first if first is not None else lines.add_paragraph()
        first = None
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = size > 12
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
    _double_rule(doc.add_paragraph())
    for _ in range(6):
        _line(doc, "")
    for text in title:
        _line(doc, text, 16, bold=True)
    _line(doc, "")
    _line(doc, "{{ period.title }}", 14, bold=True)
    _line(doc, "")
    _line(doc, "{{ word.cover_logo }}")
    _line(doc, "")
    _line(doc, "{{ agency.name|upper }}", 13, bold=True)
    _line(doc, "{{ agency.region|upper }}", 13, bold=True)
    _line(doc, "")
    _line(doc, "{{ signed.year }}", 13, bold=True)


def _double_rule(paragraph) -> None:
    """The thick-and-thin rule under a kop surat: a bottom border."""
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "thickThinSmallGap"), ("sz", "24"), ("space", "1"),
                       ("color", "000000")):  # fmt: skip
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().append(border)


def _front(doc) -> None:
    doc.add_paragraph("KATA PENGANTAR", style="Heading 1")
    doc.add_paragraph("{{p word.foreword }}")
    _signature(doc, "{{ signed.date }}")
    title = _line(doc, "DAFTAR ISI", 14, bold=True)
    title.paragraph_format.page_break_before = True
    title.paragraph_format.space_after = Pt(18)
    _toc(doc.add_paragraph())


def _signature(doc, day: str, data_as_of: str | None = None) -> None:
    lines = (
        (f"{{{{ signed.city }}}}, {day}", False),
        *([(data_as_of, False)] if data_as_of else []),
        ("{{ signed.head_title }}", False),
        ("", False), ("", False), ("", False),
        ("{{ signed.head_name }}", True),
        ("{{ signed.head_rank }}", False),
        ("NIP. {{ signed.head_nip }}", False),
    )  # fmt: skip
    for text, name in lines:
        paragraph = _line(doc, text)
        paragraph.paragraph_format.left_indent = Cm(8)
        paragraph.paragraph_format.keep_with_next = True
        if name:
            paragraph.runs[0].bold = paragraph.runs[0].underline = True
    doc.paragraphs[-1].paragraph_format.keep_with_next = False
    doc.paragraphs[-len(lines)].paragraph_format.space_before = Pt(18)


def _toc(paragraph) -> None:
    """A table-of-contents field that Word fills when the document is opened
    (it asks first) or when the field is updated."""

    def field_char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run = OxmlElement("w:r")
        run.append(element)
        return run

    instruction = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = 'TOC \\o "1-2" \\h \\z \\u'
    instruction.append(text)
    paragraph._p.append(field_char("begin"))
    paragraph._p.append(instruction)
    paragraph._p.append(field_char("separate"))
    placeholder = paragraph.add_run(
        "Daftar isi diisi saat dokumen dibuka; bila belum, klik kanan di sini "
        "lalu pilih Update Field."
    )
    placeholder.italic = True
    paragraph._p.append(field_char("end"))


def _body(doc) -> None:
    doc.add_paragraph("{{p word.body }}")
    _signature(doc, "{{ signed.month_year }}", "{{ signed.data_as_of }}")
    doc.add_paragraph("{%p if word.appendix %}")
    doc.add_paragraph("LAMPIRAN", style="Heading 1")
    doc.add_paragraph("{{p word.appendix }}")
    doc.add_paragraph("{%p endif %}")


def _numbering(section, fmt: str | None) -> None:
    """The page number at the foot of each page: none on the cover, i, ii,
    iii in the front matter, 1, 2, 3 from the first chapter."""
    _page(section)
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.text = ""
    if fmt is None:
        return
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    begin, instruction, end = (OxmlElement("w:r") for _ in range(3))
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "begin")
    begin.append(char)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = "PAGE"
    instruction.append(text)
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end.append(char)
    for run in (begin, instruction, end):
        paragraph._p.append(run)
    number_type = OxmlElement("w:pgNumType")
    number_type.set(qn("w:fmt"), fmt)
    number_type.set(qn("w:start"), "1")
    # The schema orders a section's properties: the numbering comes before
    # its columns.
    section._sectPr.find(qn("w:cols")).addprevious(number_type)


def _update_fields_on_open(doc) -> None:
    """Word asks to update the fields (the table of contents) on opening."""
    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    # In the schema's order: before the compatibility settings.
    doc.settings.element.find(qn("w:compat")).addprevious(element)


if __name__ == "__main__":
    main()
