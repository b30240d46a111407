"""The Word report: the agency-editable template (docxtpl: Jinja inside a
.docx) filled from the same context as every other format.

The template holds the letterhead, cover, signature and page layout with
``{{ ... }}`` placeholders; the chapters, tables and charts are laid out here
in the template's own styles and placed at ``{{p word.body }}`` and the other
``word.`` values. Text reaches Word as text: Jinja escapes it for XML, and
python-docx writes it as runs, so no value is ever read as markup.
"""

import io
from pathlib import Path

from monev_cli.documents.templates import find
from monev_cli.errors import InputError
from monev_cli.i18n import _

CHART_WIDTH_CM = 14
LOGO_WIDTH_CM = 2.3
COVER_LOGO_WIDTH_CM = 4.5
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# The body of the report: (heading, what follows), in order.
CHAPTERS = (
    ("BAB I PENDAHULUAN", (
        ("1.1 Latar Belakang", ("latar_belakang",)),
        ("1.2 Dasar Hukum", ("dasar_hukum",)),
        ("1.3 Maksud dan Tujuan", ("maksud_tujuan",)),
    )),
    ("BAB II MONITORING DAN EVALUASI PENANGANAN PENGADUAN", (
        ("2.1 Pengaduan Pelayanan", ("pengaduan",)),
        ("2.2 Asas dan Etika Penanganan Pengaduan", ("asas",)),
        ("2.3 Saluran Pengaduan", ("saluran", "@channels")),
        ("2.4 Penanganan Pengaduan", ("penanganan",)),
        ("2.5 Rekapitulasi Jumlah dan Jenis Pengaduan", (
            "=recap", "#channel", "%channel", "#type", "%type", "=status",
            "#status",
        )),
        ("2.6 Ketepatan Waktu Penanganan", ("=timeliness", "#timeliness")),
        ("2.7 Sebaran Pengaduan", ("=spread", "#month", "%month", "#unit")),
        ("2.8 Pokok Aduan dan Tindak Lanjut", (
            "=topics", "#topics", "=recorded_late", "tindak_lanjut",
        )),
    )),
    ("BAB III HAMBATAN DAN UPAYA PENYELESAIAN", (
        ("3.1 Hambatan", ("hambatan",)),
        ("3.2 Upaya", ("upaya",)),
    )),
    ("PENUTUP", ((None, ("penutup",)),)),
)  # fmt: skip
# The consolidated report's body, in the same terms.
CONSOLIDATED_CHAPTERS = (
    ("BAB I REKAPITULASI PER PERANGKAT DAERAH", (
        (None, ("=intro", "=agencies", "#agencies")),
    )),
    ("BAB II REKAPITULASI GABUNGAN", (
        (None, ("=combined", "#channel", "#type", "#status", "#month")),
    )),
    ("BAB III PERINGKAT KETEPATAN WAKTU", (
        (None, ("=ranking", "#ranking", "=without", "@without_complaints",
                "@notes")),
    )),
)  # fmt: skip
# The lists a body may hold: (heading, kind, entries of the context).
LISTS = {
    "channels": (None, "ol", lambda context: [
        f"{c['label']}: {c['detail']}" if c["detail"] else c["label"]
        for c in context["channels"]
    ]),
    "without_complaints": (None, "ul", lambda context: context["without_complaints"]),
    "notes": ("Catatan", "ol", lambda context: context["notes"]),
}  # fmt: skip
# A table of more columns is set smaller, to fit the page's width.
NARROW_COLUMNS = 7
SMALL_TEXT = "18"  # half-points: 9 pt


def render(context: dict, template: str, template_dir: Path | None = None) -> bytes:
    """The .docx of ``template`` (``report.docx`` or ``consolidated.docx``)
    filled from ``context``: the agency report's parts, or the consolidated
    report's when the context is one (it has ``agencies``)."""
    import jinja2
    from docxtpl import DocxTemplate

    from monev_cli.template_errors import explain

    source = find(template, template_dir)
    document = DocxTemplate(source)
    _open(document, source)
    word = {
        "logo": _logo(document, context.get("logo"), LOGO_WIDTH_CM),
        "cover_logo": _logo(document, context.get("logo"), COVER_LOGO_WIDTH_CM),
    }
    if "agencies" in context:
        word["body"] = _part(
            document, lambda part: _chapters(part, context, CONSOLIDATED_CHAPTERS)
        )
    else:
        word |= _report_parts(document, context)
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        document.render({**context, "word": word}, environment)
    except Exception as error:  # an agency's template can fail in any way
        raise explain(error, str(source)) from None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _report_parts(document, context: dict) -> dict:
    return {
        "foreword": _part(document, lambda part: _blocks(
            part, context["narrative"]["kata_pengantar"]
        )),
        "body": _part(document, lambda part: _chapters(part, context, CHAPTERS)),
        "appendix": _part(document, lambda part: _appendix(
            part, context["appendix"]
        )) if context.get("appendix") else None,
    }  # fmt: skip


def _open(document, source: Path) -> None:
    """Read the template now, so that a file that is no Word document is
    said to be one rather than failing halfway."""
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError

    try:
        document.init_docx()
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError):
        raise InputError(
            _(
                "The template {name} is not a Word document: save it from Word "
                "as .docx and try again."
            ).format(name=source)
        ) from None


def _logo(document, logo, width_cm: float):
    if logo is None:
        return ""
    from docx.shared import Cm
    from docxtpl import InlineImage

    from monev_cli.documents.images import png_from_svg

    data = png_from_svg(logo.data) if logo.format == "svg" else logo.data
    return InlineImage(document, io.BytesIO(data), width=Cm(width_cm))


def _part(document, fill):
    part = document.new_subdoc()
    fill(part)
    return part


def _chapters(part, context: dict, chapters: tuple) -> None:
    for chapter, sections in chapters:
        part.add_paragraph(chapter, style="Heading 1")
        for heading, items in sections:
            if heading:
                part.add_paragraph(heading, style="Heading 2")
            for item in items:
                _item(part, context, item)


def _item(part, context: dict, item: str) -> None:
    """One piece of a section: ``=`` a sentence with numbers, ``#`` a table,
    ``%`` a chart, ``@`` one of the ``LISTS``, else a narrative text."""
    kind, name = item[0], item[1:]
    if kind == "=":
        part.add_paragraph(context["text"][name]).paragraph_format.keep_with_next = True
    elif kind == "#":
        _table(part, context["tables"][name])
    elif kind == "%":
        _chart(part, context["figures"][name])
    elif kind == "@":
        _list(part, context, *LISTS[name])
    else:
        _blocks(part, context["narrative"][item])


def _list(part, context: dict, heading: str | None, kind: str, entries) -> None:
    """A list of the context's, under its heading; nothing when it is empty."""
    shown = entries(context)
    if not shown:
        return
    if heading:
        part.add_paragraph(heading, style="Heading 2")
    _blocks(part, [{"kind": kind, "text": "", "entries": shown}])


def _appendix(part, table: dict) -> None:
    _table(part, table, keep_together=False)
    if table["note"]:
        part.add_paragraph(table["note"])


def _blocks(part, blocks: list[dict]) -> None:
    """Paragraphs and lists; a numbered list is numbered in its text, so
    that each list starts from 1 in every word processor."""
    from docx.shared import Cm

    for block in blocks:
        if block["kind"] == "p":
            part.add_paragraph(block["text"])
            continue
        for number, entry in enumerate(block["entries"], start=1):
            mark = f"{number}." if block["kind"] == "ol" else "\N{BULLET}"
            paragraph = part.add_paragraph(f"{mark}\t{entry}")
            layout = paragraph.paragraph_format
            layout.left_indent, layout.first_line_indent = Cm(0.9), Cm(-0.7)
            layout.tab_stops.add_tab_stop(Cm(0.9))
            layout.space_after = 0
        paragraph.paragraph_format.space_after = None


def _table(part, table: dict, keep_together: bool = True) -> None:
    """A numbered table, caption above. Rows are written as XML elements: the
    appendix has a row per complaint, and python-docx's cell objects cost a
    millisecond each."""
    if table["number"]:
        caption = f"Tabel {table['number']}. {table['title']}"
    else:
        caption = table["title"]
    part.add_paragraph(caption, style="Caption")
    rows = [[c["name"] for c in table["columns"]], *table["rows"]]
    if table["total"]:
        rows.append(table["total"])
    grid = part.add_table(rows=0, cols=len(table["columns"]))
    grid.style = "Table Grid"
    numeric = [c["numeric"] for c in table["columns"]]
    small = len(numeric) > NARROW_COLUMNS
    last = len(rows) - 1
    for index, values in enumerate(rows):
        strong = index == 0 or bool(table["total"] and index == last)
        keep = keep_together and index < last
        grid._tbl.append(_row(values, numeric, index == 0, strong, keep, small))
    part.add_paragraph()


def _row(values, numeric, header: bool, strong: bool, keep: bool, small: bool):
    """A ``w:tr`` never split across pages; the header row repeats on each."""
    from docx.oxml import OxmlElement

    row = OxmlElement("w:tr")
    properties = _child(row, "w:trPr")
    _child(properties, "w:cantSplit")
    if header:
        _child(properties, "w:tblHeader")
    for value, right in zip(values, numeric, strict=True):
        paragraph = _child(_child(row, "w:tc"), "w:p")
        layout = _child(paragraph, "w:pPr")
        if keep:
            _child(layout, "w:keepNext")
        _child(layout, "w:spacing", after="0")
        if right and not header:
            _child(layout, "w:jc", val="right")
        for number, line in enumerate(str(value).split("\n")):
            run = _child(paragraph, "w:r")
            if strong or small:
                looks = _child(run, "w:rPr")
                if strong:
                    _child(looks, "w:b")
                if small:
                    _child(looks, "w:sz", val=SMALL_TEXT)
            if number:
                _child(run, "w:br")
            text = _child(run, "w:t")
            text.text = line
            text.set(XML_SPACE, "preserve")
    return row


def _child(parent, tag: str, **attributes):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag, {qn(f"w:{k}"): v for k, v in attributes.items()})
    parent.append(element)
    return element


def _chart(part, figure: dict) -> None:
    from docx.shared import Cm

    from monev_cli.documents.images import png_from_svg

    picture = part.add_paragraph()
    picture.alignment = 1  # centre
    picture.paragraph_format.keep_with_next = True
    picture.add_run().add_picture(
        io.BytesIO(png_from_svg(figure["svg"].encode("utf-8"))),
        width=Cm(CHART_WIDTH_CM),
    )
    part.add_paragraph(f"Gambar {figure['number']}. {figure['title']}", style="Caption")
