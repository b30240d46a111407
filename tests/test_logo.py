"""The agency's logo, kept in the register and printed on every letterhead."""

import docx
import pypdf
import pytest
import typst
from conftest import copy_register, fill_profile

SVG = (
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="60" '
    'height="60"><circle cx="30" cy="30" r="28" fill="#1a5fb4"/></svg>'
)


def png() -> bytes:
    return typst.compile(
        b"#set page(width: 2cm, height: 2cm, margin: 0pt, fill: blue)\n",
        format="png",
        ppi=30,
    )


def cover_images(path) -> int:
    return len(pypdf.PdfReader(path).pages[0].images)


def test_a_logo_is_stored_printed_and_removed(monev, tmp_path):
    fill_profile(monev)
    ref = monev.record()["tracking_no"]
    logo = tmp_path / "logo.png"
    logo.write_bytes(png())
    assert monev.ok("profile", "logo", str(logo)) == (
        "Stored the logo (PNG, 1 KB); every letterhead shows it.\n"
    )
    logo.unlink()  # the register holds it: a copy of the register is enough
    copy = copy_register(monev.db, tmp_path / "salinan.db")
    monev.db = copy
    report = ("report", "--year", "2023", "--as-of", "2024-01-15", "-o")
    monev.ok(*report, str(tmp_path / "r.pdf"))
    assert cover_images(tmp_path / "r.pdf") == 1  # one image, drawn twice
    monev.ok("receipt", ref, "-o", str(tmp_path / "tt.pdf"))
    assert cover_images(tmp_path / "tt.pdf") == 1
    monev.ok(*report, str(tmp_path / "r.docx"), "--no-appendix")
    assert len(docx.Document(tmp_path / "r.docx").inline_shapes) == 2 + 3  # charts
    assert monev.ok("profile", "logo", "--remove") == "Removed the logo.\n"
    assert monev.ok("profile", "logo", "--remove") == "There was no logo.\n"
    monev.ok(*report, str(tmp_path / "r.pdf"))
    assert cover_images(tmp_path / "r.pdf") == 0


def test_an_svg_logo_is_drawn_in_word_too(monev, tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_text(SVG, encoding="utf-8")
    assert monev.ok("profile", "logo", str(logo)).startswith("Stored the logo (SVG,")
    target = tmp_path / "r.docx"
    monev.ok("report", "--year", "2023", "-o", str(target), "--no-appendix")
    assert len(docx.Document(target).inline_shapes) == 5


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"Bukan gambar", "{path} is not a PNG, JPEG or SVG image: give the logo "
         "in one of those formats."),
        (b"\x89PNG\r\n\x1a\nrusak", "{path} cannot be drawn as an image (failed "
         "to decode image (unexpected end of file)): save it again as PNG and try "
         "again."),
        (b"\x89PNG\r\n\x1a\n" + bytes(2 * 1024 * 1024), "{path} is larger than "
         "2 MB: save the logo smaller (a few hundred pixels wide is enough for a "
         "letterhead) and try again."),
    ],
)  # fmt: skip
def test_a_file_that_is_no_usable_logo_is_refused(monev, tmp_path, content, error):
    path = tmp_path / "logo.png"
    path.write_bytes(content)
    assert monev.fails("profile", "logo", str(path)) == "Error: " + error.format(
        path=path
    )
    assert monev.fails("profile", "logo") == (
        "Error: Give either the logo's file or --remove."
    )
