"""Which paths monev may write to: never the register or the -wal, -shm and
-journal files SQLite keeps beside it, whatever name, link or relative path
reaches them."""

import errno
import os
import stat
from pathlib import Path

from monev_cli.errors import InputError
from monev_cli.i18n import _

# SQLite names its side files after the register's path as it was opened.
SIDE_FILES = ("", "-wal", "-shm", "-journal")


def refuse_register(path: Path, register: Path | None) -> None:
    """An ``InputError`` when writing ``path`` would replace part of ``register``."""
    if register is not None and _names_register_file(path, register):
        raise InputError(
            _(
                "{path} is the register {register} or one of its files: give "
                "another file name."
            ).format(path=path, register=register)
        )


def _names_register_file(path: Path, register: Path) -> bool:
    target = os.path.realpath(path)
    for base in {str(register), os.path.realpath(register)}:
        for suffix in SIDE_FILES:
            side = base + suffix
            if os.path.realpath(side) == target or _same_file(path, side):
                return True
    return False


def _same_file(one: Path, other: str) -> bool:
    """The same file by device and inode: a hard link is caught too."""
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False


def is_special(path: Path) -> bool:
    """A device, a named pipe or a socket: written into, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file. A device or a named pipe is refused:
    reading one may never end (a pipe with no writer blocks for ever)."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(handle, "rb") as file:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if not stat.S_ISREG(mode):
            raise InputError(
                _(
                    "{path} is not a regular file (it is a device or a named "
                    "pipe): save the data to a file and give its path."
                ).format(path=path)
            )
        return file.read()
