"""Filters the report templates use. Pure functions.

``md`` makes user text literal in Markdown: a summary holding ``|``, ``*`` or
``<script>`` stays text, and a line break stays inside its table cell.
"""

import re

from monev_cli import indonesian
from monev_cli.i18n import _

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#])")


def md(value) -> str:
    """Text safe in a Markdown table cell or line."""
    text = _MD_SPECIAL.sub(r"\\\1", str(value).replace("\r\n", "\n"))
    return "<br>".join(line.strip() for line in text.split("\n"))


def _needs_number(name: str, function):
    """``function`` as a filter that says, when a template gives it text,
    that it wants a number."""

    def checked(value, *args):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(
                _("the filter '{filter}' needs a number, not '{value}'").format(
                    filter=name, value=value
                )
            )
        return function(value, *args)

    return checked


FILTERS = {"md": md} | {
    name: _needs_number(name, function)
    for name, function in (
        ("number", indonesian.number),
        ("decimal", indonesian.decimal),
        ("percent", indonesian.percent),
        ("words", indonesian.words),
        ("counted", indonesian.counted),
    )
}
