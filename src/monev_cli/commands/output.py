"""Results on the terminal: JSON for scripts, Rich tables for people.

User text is data: Rich markup in it is escaped. CSV and the files a command
writes are ``monev_cli.files``'s.
"""

import sys
from collections.abc import Iterable, Sequence
from typing import NamedTuple

# json is imported where used: every command loads this module, and
# start-up is most of a desk command's time.


def print_json(data) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def stream_json_list(items: Iterable[dict]) -> None:
    """A JSON array written item by item, so long lists never sit in memory."""
    import json

    out = sys.stdout
    first = True
    for item in items:
        out.write("[\n  " if first else ",\n  ")
        out.write(json.dumps(item, ensure_ascii=False))
        first = False
    out.write("[]\n" if first else "\n]\n")


def console():
    from rich.console import Console

    return Console(highlight=False)


# How a column's cells give way when the window is narrow.
FIXED = "fixed"  # codes, numbers, dates, statuses: never cut, never wrapped
PHRASE = "phrase"  # a short phrase ("12 days late"): wrapped between words only
TEXT = "text"  # free text on one line, shortened with an ellipsis
WRAPPED = "wrapped"  # free text wrapped over as many lines as it needs

NARROW = 60  # below this, a table that would shorten anything becomes blocks
GAP = 2  # spaces between two columns


class Column(NamedTuple):
    """One column of a terminal table. ``minimum`` is the narrowest a phrase
    or free text is worth showing; ``drop`` > 0 marks a column left out when
    the window is short, the highest first (the block form keeps it)."""

    heading: str
    kind: str = FIXED
    ratio: int = 1
    minimum: int = 8
    drop: int = 0
    justify: str = "left"


def print_table(
    columns: Sequence[Column],
    rows: Iterable[Sequence],
    title: str | None = None,
    empty: str | None = None,
    key: int | None = 0,
) -> None:
    """Rows as a table that fits the window: fixed cells whole, free text
    shortened or wrapped; where even that does not fit (or below NARROW, where
    it would shorten anything), one block of "label: value" lines a row,
    headed by its cell of column ``key`` (None: never blocks, for a table that
    is a list of labels and values already). No rows: ``empty``, in words."""
    out = console()
    cells = [[_cell(value) for value in row] for row in rows]
    if not cells:
        if empty:
            out.print(_text(empty))
        return
    out.print(_layout(list(columns), cells, title, out.width, key))


def _cell(value) -> str:
    return "" if value is None else str(value)


def _text(value: str, one_line: bool = False):
    from rich.text import Text

    return Text(_one_line(value) if one_line else value)


def _layout(columns: list[Column], cells: list[list[str]], title, width, key):
    """The table, or the blocks when the table cannot show its fixed cells
    whole even with the droppable columns left out. Columns are dropped
    while the fixed cells do not fit or a phrase would have to wrap."""
    shown = list(zip(columns, zip(*cells, strict=True), strict=True))
    fit = _fit(shown, width)
    while not _phrases_whole(shown, fit) and any(column.drop for column, _ in shown):
        shown.remove(max(shown, key=lambda pair: pair[0].drop))
        fit = _fit(shown, width)
    whole = fit is not None and len(shown) == len(columns) and fit[0] == fit[1]
    if key is not None and (fit is None or (width < NARROW and not whole)):
        return _blocks(columns, cells, title, key)
    return _table(shown, title, fit[0] if fit else _natural(shown))


def _phrases_whole(shown: list[tuple[Column, tuple]], fit) -> bool:
    if fit is None:
        return False
    widths, natural = fit
    return all(
        width >= need
        for (column, _), width, need in zip(shown, widths, natural, strict=True)
        if column.kind == PHRASE
    )


def _fit(shown: list[tuple[Column, tuple]], width: int):
    """The widths that fit ``width`` and what each column needs to be shown
    whole, or None when the fixed cells and the free text's minimum do not
    fit. Free text first gets its minimum, then phrases grow to be whole,
    then free text grows in proportion to its ratio."""
    natural = _natural(shown)
    widths = [
        _minimum(column, need, texts)
        for (column, texts), need in zip(shown, natural, strict=True)
    ]
    spare = width - GAP * (len(shown) - 1) - sum(widths)
    if spare < 0:
        return None
    ratios = [column.ratio for column, _ in shown]
    for kinds in ((PHRASE,), (TEXT, WRAPPED)):
        growing = [n for n, (column, _) in enumerate(shown) if column.kind in kinds]
        spare = _grow(widths, natural, growing, ratios, spare)
    return widths, natural


def _natural(shown: list[tuple[Column, tuple]]) -> list[int]:
    """Each column's width with no cell shortened nor wrapped."""
    from rich.cells import cell_len

    return [
        max(
            cell_len(line)
            for text in (column.heading, *texts)
            for line in (_one_line(text) if column.kind == TEXT else text).split("\n")
        )
        for column, texts in shown
    ]


def _minimum(column: Column, natural: int, texts: tuple[str, ...]) -> int:
    from rich.cells import cell_len

    if column.kind == FIXED:
        return natural
    if column.kind == PHRASE:
        words = [
            cell_len(word) for text in (column.heading, *texts) for word in text.split()
        ]
        return max([min(natural, column.minimum), *words])
    return min(natural, column.minimum)


def _grow(widths, natural, growing, ratios, spare: int) -> int:
    """Gives the spare width a character at a time to the growing column
    narrowest for its ratio, until each is whole or nothing is left."""
    while spare:
        open_ = [n for n in growing if widths[n] < natural[n]]
        if not open_:
            break
        narrowest = min(open_, key=lambda n: widths[n] / ratios[n])
        widths[narrowest] += 1
        spare -= 1
    return spare


def _table(shown: list[tuple[Column, tuple]], title, widths: list[int]):
    from rich import box
    from rich.table import Table

    result = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, GAP - 1, 0, 0),
    )
    for (column, _), width in zip(shown, widths, strict=True):
        result.add_column(
            column.heading,
            width=width,
            justify=column.justify,
            no_wrap=column.kind in (FIXED, TEXT),
            overflow="ellipsis" if column.kind == TEXT else "fold",
        )
    one_line = [column.kind == TEXT for column, _ in shown]
    for row in zip(*(texts for _, texts in shown), strict=True):
        result.add_row(*map(_text, row, one_line))
    return result


def _blocks(columns: list[Column], cells, title, key: int):
    """One block a row: its cell of column ``key``, then a "label: value"
    line for each other cell that holds something, wrapped, never cut."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table

    parts = [_text(title)] if title else []
    for row in cells:
        lines = Table.grid(padding=(0, 1))
        lines.add_column(no_wrap=True)
        lines.add_column(overflow="fold")
        for index, (column, cell) in enumerate(zip(columns, row, strict=True)):
            if index != key and cell.strip():
                lines.add_row(_text(column.heading + ":"), _text(cell))
        parts += [_text("")] if parts else []
        parts += [_text(row[key]), Padding(lines, (0, 0, 0, 2))]
    return Group(*parts)


def plain_lines(rows: Iterable[Sequence]) -> None:
    """One tab-separated line a row: for pipes, mail and grep."""
    out = sys.stdout
    for row in rows:
        out.write("\t".join(_one_line(value) for value in row) + "\n")


def _one_line(value) -> str:
    return " ".join(("" if value is None else str(value)).split())
