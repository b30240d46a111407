"""Filters the report templates use. Pure functions.

``md`` makes user text literal in Markdown: a summary holding ``|``, ``*`` or
``<script>`` stays text, and a line break stays inside its table cell.
"""

import re

from monev_cli import indonesian

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#])")


def md(value) -> str:
    """Text safe in a Markdown table cell or line."""
    text = _MD_SPECIAL.sub(r"\\\1", str(value).replace("\r\n", "\n"))
    return "<br>".join(line.strip() for line in text.split("\n"))


FILTERS = {
    "md": md,
    "number": indonesian.number,
    "decimal": indonesian.decimal,
    "percent": indonesian.percent,
    "words": indonesian.words,
    "counted": indonesian.counted,
}
