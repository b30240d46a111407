"""Pictures for Word, which takes PNG and JPEG: an SVG (a chart, a logo) is
drawn to PNG by Typst, with no browser."""

PPI = 200


def png_from_svg(svg: bytes) -> bytes:
    """The SVG drawn at its own size, as PNG."""
    import typst

    source = (
        b"#set page(width: auto, height: auto, margin: 0pt, fill: white)\n"
        b'#image(bytes(sys.inputs.at("svg")), format: "svg")\n'
    )
    pages = typst.compile(
        source, format="png", ppi=PPI, sys_inputs={"svg": svg.decode("utf-8")}
    )
    return pages[0] if isinstance(pages, list) else pages


def check(data: bytes, kind: str) -> str | None:
    """Why Typst cannot draw the image (a damaged file), or None when it can."""
    import tempfile
    from pathlib import Path

    import typst

    with tempfile.TemporaryDirectory(prefix="monev-") as folder:
        (Path(folder) / f"logo.{kind}").write_bytes(data)
        main = Path(folder) / "check.typ"
        main.write_text(f'#image("logo.{kind}", width: 2cm)\n', encoding="utf-8")
        try:
            typst.compile(str(main), root=folder, format="svg")
        except typst.TypstError as error:
            return str(getattr(error, "message", "") or error).rstrip(".")
    return None
