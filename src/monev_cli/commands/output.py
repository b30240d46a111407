"""Writing results: JSON and CSV for scripts, Rich tables for people.

User text is data: Rich markup in it is escaped, and CSV cells that a
spreadsheet would run as a formula are neutralised.
"""

import csv
import json
import sys
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def stream_json_list(items: Iterable[dict]) -> None:
    """A JSON array written item by item, so long lists never sit in memory."""
    out = sys.stdout
    first = True
    for item in items:
        out.write("[\n  " if first else ",\n  ")
        out.write(json.dumps(item, ensure_ascii=False))
        first = False
    out.write("[]\n" if first else "\n]\n")


def safe_cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(header: Sequence[str], rows: Iterable[Sequence]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])


def console():
    from rich.console import Console

    return Console(highlight=False)


def table(title: str | None, header: Sequence[str], rows: Iterable[Sequence]):
    """A Rich table whose cells are plain text, whatever they contain."""
    from rich.table import Table
    from rich.text import Text

    result = Table(title=title, title_justify="left", show_lines=False)
    for name in header:
        result.add_column(name)
    for row in rows:
        result.add_row(*(Text("" if value is None else str(value)) for value in row))
    return result


def plain_lines(rows: Iterable[Sequence]) -> None:
    """One tab-separated line a row: for pipes, mail and grep."""
    out = sys.stdout
    for row in rows:
        out.write("\t".join(_one_line(value) for value in row) + "\n")


def _one_line(value) -> str:
    return " ".join(("" if value is None else str(value)).split())
