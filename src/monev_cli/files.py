"""Writing files: CSV whose cells a spreadsheet never runs as a formula, and
files that appear whole or not at all.
"""

import errno
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# csv is imported where used: a desk command that loads this module may
# never write one, and start-up is most of its time.


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
