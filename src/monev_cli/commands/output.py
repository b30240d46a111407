"""Writing results: JSON and CSV for scripts, Rich tables for people.

User text is data: Rich markup in it is escaped, and CSV cells that a
spreadsheet would run as a formula are neutralised.
"""

import errno
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# json and csv are imported where used: every command loads this module, and
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


def safe_cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(header: Sequence[str], rows: Iterable[Sequence], out=None) -> None:
    import csv

    writer = csv.writer(out or sys.stdout, lineterminator="\n")
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
    # Codes and dates stay whole; the last column, free text, wraps.
    for index, name in enumerate(header, start=1):
        result.add_column(name, no_wrap=index < len(header))
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


@contextmanager
def atomic_file(path: Path, binary: bool = False) -> Iterator[IO]:
    """A file written beside ``path`` then renamed into place, so a reader never
    sees half a file and a failure leaves the old one as it was."""
    from monev_cli.errors import InputError
    from monev_cli.i18n import _

    if path.is_dir() or not path.name:
        raise InputError(
            _("Cannot write {path}: {reason}.").format(
                path=path, reason=os.strerror(errno.EISDIR)
            )
        )
    partial = path.with_name(f".{path.name}.partial")
    mode = (
        {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8", "newline": ""}
    )
    try:
        with open(partial, **mode) as out:
            yield out
        os.replace(partial, path)
    except OSError as error:
        raise InputError(
            _("Cannot write {path}: {reason}.").format(path=path, reason=error.strerror)
        ) from None
    finally:
        partial.unlink(missing_ok=True)
