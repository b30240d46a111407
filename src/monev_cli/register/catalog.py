"""The agency profile and its lists of channels and complaint types."""

import re
import sqlite3
from pathlib import Path

from monev_cli.errors import InputError, NotFoundError
from monev_cli.i18n import N_, _, check_language
from monev_cli.models import CLASSIFICATIONS, PROFILE_KEYS, Code
from monev_cli.register.connection import Register
from monev_cli.texts import clean_text, one_of

CODE_KINDS = {"channels": "channel", "types": "type"}
# One whole sentence per list, so that a translation never assembles words.
UNKNOWN_CODE = {
    "channels": N_("Unknown channel '{code}'. Valid channels: {choices}."),
    "types": N_("Unknown type '{code}'. Valid types: {choices}."),
}
EXISTING_CODE = {
    "channels": N_(
        "The channel '{code}' exists already: use it as it is, or choose another code."
    ),
    "types": N_(
        "The type '{code}' exists already: use it as it is, or choose another code."
    ),
}
_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,29}$")
_PREFIX = re.compile(r"^[A-Z0-9]{1,10}$")


def profile(register: Register) -> dict[str, str]:
    """Every profile key, empty where the agency has not filled it in."""
    stored = dict(register.rows("SELECT key, value FROM profile"))
    return {key: stored.get(key) or "" for key in PROFILE_KEYS}


def stored_language(path: Path) -> str | None:
    """The profile's ``lang``, read before a command runs to choose the
    language of its messages. Creates nothing and never fails: a missing or
    broken register is the command's to report."""
    try:
        if not path.is_file():
            return None
        # immutable=1 leaves no -wal/-shm files behind; while another connection
        # holds a write-ahead log, read through it so that a fresh setting counts.
        wal = path.with_name(path.name + "-wal").exists()
    except OSError:  # a name too long, say
        return None
    uri = path.resolve().as_uri() + ("?mode=ro" if wal else "?immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM profile WHERE key = 'lang'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def set_profile(register: Register, key: str, value: str) -> str:
    key = key.strip().lower()
    if key not in PROFILE_KEYS:
        raise InputError(
            _("Unknown profile key '{key}'. Valid keys: {choices}.").format(
                key=key, choices=", ".join(PROFILE_KEYS)
            )
        )
    value = clean_text(value, key) or ""
    if key == "prefix":
        value = _check_prefix(value)
    if key == "lang" and value:
        value = check_language(value)
    with register.write() as conn:
        conn.execute(
            "INSERT INTO profile (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
    return value


def _check_prefix(value: str) -> str:
    value = value.upper()
    if not _PREFIX.match(value):
        raise InputError(
            _(
                "The prefix '{value}' cannot be used: give 1 to 10 letters or "
                "digits, without spaces (e.g. ADU)."
            ).format(value=value)
        )
    return value


def codes(register: Register, table: str) -> list[Code]:
    """The channels or the types, in report order."""
    extra = ", classification" if table == "types" else ", NULL"
    return [
        Code(row[0], row[1], row[2])
        for row in register.rows(
            f"SELECT code, label{extra} FROM {_table(table)} ORDER BY position, code"
        )
    ]


def channel_details(register: Register) -> list[tuple[str, str, str]]:
    """(code, label, detail) of every channel, in report order."""
    return [
        (row[0], row[1], row[2] or "")
        for row in register.rows(
            "SELECT code, label, detail FROM channels ORDER BY position, code"
        )
    ]


def set_channel_detail(register: Register, code: str, detail: str) -> Code:
    """Where the public reaches a channel (a number, an address); empty clears."""
    channel = resolve_code(register, "channels", code)
    text = clean_text(detail, _("detail")) or None
    with register.write() as conn:
        conn.execute(
            "UPDATE channels SET detail = ? WHERE code = ?", (text, channel.code)
        )
    return channel


def resolve_code(register: Register, table: str, text: str) -> Code:
    """The channel or type named by ``text``, case-insensitively."""
    kind = CODE_KINDS[_table(table)]
    wanted = clean_text(text, kind, required=True).lower()
    for code in codes(register, table):
        if code.code == wanted:
            return code
    raise InputError(
        _(UNKNOWN_CODE[_table(table)]).format(
            code=text, choices=", ".join(code.code for code in codes(register, table))
        )
    )


def add_code(
    register: Register,
    table: str,
    code: str,
    label: str,
    classification: str | None = None,
) -> Code:
    """Extend the agency's list; an existing code is never overwritten."""
    code = (clean_text(code, _("code")) or "").lower()
    label = clean_text(label, _("label"))
    if not _CODE.match(code):
        raise InputError(
            _(
                "The code '{code}' cannot be used: give up to 30 lowercase "
                "letters, digits, '-' or '_' (e.g. whatsapp)."
            ).format(code=code)
        )
    if not label:
        raise InputError(_('Give a label for the report, e.g. "WhatsApp".'))
    row = {"code": code, "label": label}
    if _table(table) == "types":
        row["classification"] = check_classification(classification or "informatif")
    with register.write() as conn:
        if conn.execute(
            f"SELECT 1 FROM {_table(table)} WHERE code = ?", (code,)
        ).fetchone():
            raise InputError(_(EXISTING_CODE[_table(table)]).format(code=code))
        position = conn.execute(
            f"SELECT COALESCE(MAX(position), 0) + 1 FROM {_table(table)}"
        ).fetchone()[0]
        columns = ", ".join([*row, "position"])
        marks = ", ".join("?" * (len(row) + 1))
        conn.execute(
            f"INSERT INTO {_table(table)} ({columns}) VALUES ({marks})",
            (*row.values(), position),
        )
    return Code(code, label, row.get("classification"))


def check_classification(text: str) -> str:
    return one_of(
        text, CLASSIFICATIONS, _("Unknown classification '{value}'. Valid: {choices}.")
    )


def _table(table: str) -> str:
    if table not in CODE_KINDS:
        raise NotFoundError(f"no code list named {table}")
    return table
