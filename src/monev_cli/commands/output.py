"""Writing results: JSON and CSV for scripts, Rich tables for people.

User text is data: Rich markup in it is escaped, and CSV cells that a
spreadsheet would run as a formula are neutralised.
"""

import errno
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
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
def destination(
    path: Path | None, binary: bool = False, register: Path | None = None
) -> Iterator[IO]:
    """Where a command's output goes: stdout (no path, or ``-``); straight
    into a device or a named pipe; else a regular file that appears whole or
    not at all. Never any of the ``register``'s files."""
    from monev_cli.paths import is_special, refuse_register

    if path is None or str(path) == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    refuse_register(path, register)
    writer = _straight_into if is_special(path) else atomic_file
    with writer(path, binary) as out:
        yield out


def _mode(binary: bool) -> dict:
    if binary:
        return {"mode": "wb"}
    return {"mode": "w", "encoding": "utf-8", "newline": ""}


@contextmanager
def _straight_into(path: Path, binary: bool) -> Iterator[IO]:
    try:
        with open(path, **_mode(binary)) as out:
            yield out
    except OSError as error:
        raise _cannot_write(path, error) from None


@contextmanager
def atomic_file(path: Path, binary: bool = False) -> Iterator[IO]:
    """A file written beside ``path`` then renamed into place, so a reader never
    sees half a file and a failure leaves the old one as it was. The hidden
    name is short: ``path``'s own may be as long as a name can be."""
    import tempfile

    if path.is_dir() or not path.name:
        raise _cannot_write(path, IsADirectoryError(errno.EISDIR, "", str(path)))
    target = Path(os.path.realpath(path))  # a link is followed, not replaced
    partial = None
    try:
        handle, partial = tempfile.mkstemp(
            dir=target.parent, prefix=".monev-", suffix=".partial"
        )
        with open(handle, **_mode(binary)) as out:
            yield out
        os.chmod(partial, 0o666 & ~_umask())
        os.replace(partial, target)
    except OSError as error:
        raise _cannot_write(path, error) from None
    finally:
        if partial is not None:
            with suppress(OSError):
                os.unlink(partial)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _cannot_write(path: Path, error: OSError):
    from monev_cli.errors import InputError
    from monev_cli.i18n import _

    reason = error.strerror or os.strerror(error.errno or errno.EIO)
    return InputError(
        _("Cannot write {path}: {reason}.").format(path=path, reason=reason)
    )
