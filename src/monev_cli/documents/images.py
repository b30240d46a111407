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
