"""The agency profile and its lists of channels and complaint types."""

import re
import sqlite3
from datetime import date
from pathlib import Path

from monev_cli.errors import InputError, NotFoundError
from monev_cli.i18n import N_, _, check_language
from monev_cli.indonesian import NIP
from monev_cli.models import DEFAULT_PREFIX, PROFILE_KEYS, Code
from monev_cli.register.connection import Register
from monev_cli.texts import clean_text

CODE_KINDS = {"channels": "channel", "types": "type"}
# One whole sentence per list, so that a translation never assembles words.
UNKNOWN_CODE = {
    "channels": N_("Unknown channel '{code}'. Valid channels: {choices}."),
    "types": N_("Unknown type '{code}'. Valid types: {choices}."),
}
RETIRED_CODE = {
    "channels": N_(
        "The channel '{code}' was retired on {day}: choose another, or bring it "
        "back with 'monev channels unretire {code}'."
    ),
    "types": N_(
        "The type '{code}' was retired on {day}: choose another, or bring it "
        "back with 'monev types unretire {code}'."
    ),
}
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
    if key == "head_nip" and value:
        value = _check_nip(value)
    with register.write() as conn:
        conn.execute(
            "INSERT INTO profile (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
    return value


def _check_nip(value: str) -> str:
    """The NIP's 18 digits, typed with or without the spaces of its groups."""
    digits = value.replace(" ", "")
    if not NIP.fullmatch(digits):
        raise InputError(
            _(
                "The NIP '{value}' cannot be used: give the 18 digits of the "
                "head's civil-service number, e.g. 19700101 199503 1 001."
            ).format(value=value)
        )
    return digits


def tracking_prefix(conn: sqlite3.Connection) -> str:
    """The prefix of new tracking numbers: the profile's, else the default."""
    row = conn.execute("SELECT value FROM profile WHERE key = 'prefix'").fetchone()
    return (row[0] if row else None) or DEFAULT_PREFIX


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


def codes(register: Register, table: str, open_only: bool = False) -> list[Code]:
    """The channels or the types, in report order; ``open_only``: without the
    retired ones, as a desk may choose them."""
    extra = ", classification" if table == "types" else ", NULL"
    where = " WHERE retired_on IS NULL" if open_only else ""
    return [
        Code(*row)
        for row in register.rows(
            f"SELECT code, label{extra}, added_on, retired_on FROM {_table(table)}"
            f"{where} ORDER BY position, code"
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


def usable_code(register: Register, table: str, text: str, received_on: date) -> Code:
    """The code named by ``text``, which a complaint received on
    ``received_on`` may use: not one retired by then."""
    return check_usable(resolve_code(register, table, text), table, received_on)


def check_usable(code: Code, table: str, received_on: date) -> Code:
    if code.retired_on is not None and received_on.isoformat() >= code.retired_on:
        raise InputError(
            _(RETIRED_CODE[_table(table)]).format(code=code.code, day=code.retired_on)
        )
    return code


def _table(table: str) -> str:
    if table not in CODE_KINDS:
        raise NotFoundError(f"no code list named {table}")
    return table
