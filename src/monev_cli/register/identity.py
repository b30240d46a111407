"""What a register is, apart from its complaints: its stable identity, the
version of its schema, and a digest of its content for a register made before
identities existed. Every query here works on a register of any schema."""

import hashlib
from collections.abc import Iterable

from monev_cli.models import PROFILE_KEYS
from monev_cli.register.connection import Register, _applied_migrations

# (tracking_no, received_on, channel, type, summary) of a counted complaint:
# what a register and its own JSON export always share.
DIGESTED = "tracking_no, received_on, channel, type, summary"


def register_id(register: Register) -> str | None:
    """The identity given at ``init`` (or at the first migration after it
    existed); None for a register not brought up to date since."""
    if not _has_table(register, "identity"):
        return None
    row = register.row("SELECT register_id FROM identity LIMIT 1")
    return row[0] if row else None


def applied(register: Register) -> list[str]:
    """The names of the migrations the register has had."""
    return _applied_migrations(register)


def settings_rows(register: Register) -> list[tuple[str, str, str]]:
    """(key, effective_from, value) of every dated setting."""
    return [
        tuple(row)
        for row in register.rows(
            "SELECT key, effective_from, value FROM settings "
            "ORDER BY key, effective_from"
        )
    ]


def content_digest(register: Register) -> str:
    """The digest of the profile, the settings and every complaint not voided,
    streamed in tracking-number order (its unique index)."""
    stored = dict(register.rows("SELECT key, value FROM profile"))
    profile = {key: stored.get(key) or "" for key in PROFILE_KEYS}
    complaints = register.conn.execute(
        f"SELECT {DIGESTED} FROM complaints WHERE voided = 0 ORDER BY tracking_no"
    )
    return digest(profile, settings_rows(register), complaints)


def digest(
    profile: dict[str, str], settings: Iterable[tuple], complaints: Iterable[tuple]
) -> str:
    """The same digest from a register or from an export's data: complaints
    given in tracking-number order as (DIGESTED) tuples."""
    hashed = hashlib.sha256()
    hashed.update(repr(sorted(profile.items())).encode())
    hashed.update(repr(sorted(tuple(row) for row in settings)).encode())
    for row in complaints:
        hashed.update(repr(tuple(row)).encode())
    return hashed.hexdigest()


def _has_table(register: Register, name: str) -> bool:
    return bool(
        register.row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        )
    )
