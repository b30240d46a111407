"""The agency's logo, kept in the register so that a copy of it is still the
whole truth: the letterhead of every document is drawn from it."""

import re
from typing import NamedTuple

from monev_cli.errors import InputError
from monev_cli.i18n import _
from monev_cli.register.connection import Register

MAX_BYTES = 2 * 1024 * 1024
_SVG_START = re.compile(
    rb"^(\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<svg[\s>]", re.S
)


class Logo(NamedTuple):
    format: str  # png, jpeg or svg
    data: bytes


def image_format(data: bytes) -> str | None:
    """png, jpeg or svg, read from the content itself; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if _SVG_START.match(data.removeprefix(b"\xef\xbb\xbf")[:4096]):
        return "svg"
    return None


def get(register: Register) -> Logo | None:
    row = register.row("SELECT format, data FROM images WHERE name = 'logo'")
    return Logo(row[0], bytes(row[1])) if row else None


def store(register: Register, data: bytes, source: str) -> Logo:
    """Keep ``data`` as the logo, replacing the one before."""
    if len(data) > MAX_BYTES:
        raise InputError(
            _(
                "{path} is larger than 2 MB: save the logo smaller (a few hundred "
                "pixels wide is enough for a letterhead) and try again."
            ).format(path=source)
        )
    kind = image_format(data)
    if kind is None:
        raise InputError(
            _(
                "{path} is not a PNG, JPEG or SVG image: give the logo in one of "
                "those formats."
            ).format(path=source)
        )
    with register.write() as conn:
        conn.execute(
            "INSERT INTO images (name, format, data) VALUES ('logo', ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET format = excluded.format, "
            "data = excluded.data",
            (kind, data),
        )
    return Logo(kind, data)


def remove(register: Register) -> bool:
    """Forget the logo; False when there was none."""
    with register.write() as conn:
        return conn.execute("DELETE FROM images WHERE name = 'logo'").rowcount > 0
