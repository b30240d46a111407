"""Bar charts as inline SVG text. Pure: no I/O.

Black on white with a grey fill and the value written at each bar's end, so a
chart reads the same on a black-and-white printer. Every label is escaped here:
the caller inserts the result into HTML as it is.
"""

from collections.abc import Callable, Sequence
from html import escape

WIDTH = 640
ROW = 26
BAR = 18
PAD = 8
CHAR = 8.4  # a generous width of a 14px sans-serif character
LABEL_MAX = 42


def bar_chart(
    items: Sequence[tuple[str, int]],
    title: str,
    value_text: Callable[[int], str] = str,
) -> str:
    """A horizontal bar chart: one labelled bar per (label, value)."""
    labels = [_shortened(label) for label, _ in items]
    label_width = min(WIDTH // 2, PAD + CHAR * max((len(x) for x in labels), default=0))
    value_width = CHAR * max((len(value_text(v)) for _, v in items), default=1)
    span = WIDTH - label_width - value_width - 3 * PAD
    highest = max((value for _, value in items), default=0) or 1
    height = 2 * PAD + ROW * len(items)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}" '
        'font-family="Arial, Helvetica, sans-serif" font-size="14">',
        f"<title>{escape(title)}</title>",
    ]
    axis = label_width + PAD
    for index, ((_, value), label) in enumerate(zip(items, labels, strict=True)):
        top = PAD + index * ROW
        middle = top + ROW / 2 + 5
        length = round(span * value / highest, 1)
        parts += [
            f'<text x="{label_width:.0f}" y="{middle:.0f}" text-anchor="end">'
            f"{escape(label)}</text>",
            f'<rect x="{axis:.0f}" y="{top + (ROW - BAR) / 2:.0f}" width="{length}" '
            f'height="{BAR}" fill="#9a9a9a" stroke="#000" stroke-width="0.8"/>',
            f'<text x="{axis + length + PAD / 2:.1f}" y="{middle:.0f}">'
            f"{escape(value_text(value))}</text>",
        ]
    parts.append(
        f'<line x1="{axis:.0f}" y1="{PAD}" x2="{axis:.0f}" y2="{height - PAD}" '
        'stroke="#000" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def _shortened(label: str) -> str:
    text = " ".join(label.split())
    return (
        text
        if len(text) <= LABEL_MAX
        else text[: LABEL_MAX - 1] + "\N{HORIZONTAL ELLIPSIS}"
    )
