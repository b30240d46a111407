"""The inputs of a consolidation: register files, folders of them, and monev
JSON exports, as the agencies send them. Each is opened read-only (see
``register.readonly``), described (agency, identity, schema, period covered),
counted by the queries of the agency's own report, and closed before the next
one, so that memory holds one input at a time.
"""

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from monev_cli.consolidation import Seen, Source
from monev_cli.errors import MonevError, RegisterFileError
from monev_cli.i18n import _
from monev_cli.models import PROFILE_KEYS, Stamp
from monev_cli.period import Period
from monev_cli.register import Register, catalog, identity, migrations, readonly

# The files of a folder that are taken as inputs; others are left aside.
INPUT_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".json")
SQLITE_MAGIC = b"SQLite format 3\x00"
EXPORT_VERSION = 1
FILTERS = ("status", "channel", "type", "unit")


def expand(paths: Sequence[Path]) -> list[Path]:
    """Files as given, and the register files and exports of each folder."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        inside = sorted(
            child
            for child in path.iterdir()
            if child.suffix.lower() in INPUT_SUFFIXES and child.is_file()
        )
        if not inside:
            raise RegisterFileError(
                _(
                    "The folder {path} holds no register (.db, .sqlite) nor "
                    "monev JSON export (.json)."
                ).format(path=path)
            )
        found += inside
    return found


@contextmanager
def opened(
    path: Path, period: Period, scratch: Path, verify: bool = False
) -> Iterator[tuple]:
    """(register to count, Source) of one input; ``scratch`` is an empty
    folder for the copies this may need, emptied afterwards. ``verify``
    reads every page of a register for damage (as --check does)."""
    try:
        if _is_register(path):
            with _register(path, scratch, verify) as found:
                yield found
        else:
            with _export(path, period, scratch) as found:
                yield found
    finally:
        for leftover in scratch.iterdir():
            leftover.unlink()


def recap(register: Register, source: Source, period: Period, as_of: date):
    """One input's row, from the same counts as its agency's own report: as
    the register stood at the end of ``as_of``."""
    from monev_cli import consolidation, tallies
    from monev_cli.register import asof, recaps, settings

    with asof.state(register, period, as_of) as cut:
        return consolidation.agency_recap(
            source,
            tallies.of_register(register, cut, as_of),
            recaps.answer_day_counts(register, cut),
            settings.timeline(register).limits(period.end),
        )


def office_codes(register: Register, period: Period) -> dict[str, list[tuple]]:
    """(code, label, listed) of each of the office's channels and types:
    every label wins over an agency's; those listed are the ones its own
    report would list for the period, shown even with no complaint."""
    from monev_cli import tallies

    found = {}
    for table, tally in (
        ("channels", tallies.by_channel(register, period)),
        ("types", tallies.by_type(register, period)),
    ):
        listed = {line.key for line in tally.lines}
        found[table] = [
            (code.code, code.label, code.code in listed)
            for code in catalog.codes(register, table)
        ]
    return found


def _is_register(path: Path) -> bool:
    if path.is_dir():
        raise RegisterFileError(
            _("{path} is a folder: give the path of a register file.").format(path=path)
        )
    if not path.exists():
        raise RegisterFileError(_("There is no file {path}.").format(path=path))
    if not path.is_file():
        raise RegisterFileError(
            _(
                "{path} is not a regular file: give a register file or a monev "
                "JSON export."
            ).format(path=path)
        )
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return True  # the register's own checks say why it cannot be read


@contextmanager
def _register(
    path: Path, scratch: Path, verify: bool
) -> Iterator[tuple[Register, Source]]:
    import sqlite3

    opened = readonly.open_readonly(path)
    counted = None
    try:
        register = opened.register
        if verify:
            readonly.verify(register)
        register_id = identity.register_id(register)
        known = len(migrations.NAMES)
        source = Source(
            path=path,
            kind="register",
            agency=catalog.profile(register)["agency"],
            register_id=register_id,
            schema=_schema_text(opened.applied, known),
            digest=None if register_id else identity.content_digest(register),
            **readonly.coverage(register)._asdict(),
        )
        if opened.applied < known:
            counted = readonly.upgraded_copy(opened, scratch / "upgraded.db")
        yield (counted or register), source
    except sqlite3.DatabaseError as error:
        raise readonly.input_error(path, error) from None
    finally:
        if counted is not None:
            counted.close()
        opened.register.close()


def _schema_text(applied: int, known: int) -> str:
    if applied < known:
        return _("{applied} of {known} (older: read from a copy)").format(
            applied=applied, known=known
        )
    return str(applied)


@contextmanager
def _export(
    path: Path, period: Period, scratch: Path
) -> Iterator[tuple[Register, Source]]:
    data = _read_export(path)
    _check_selection(path, data.get("selection") or {}, period)
    profile = {key: str(data["profile"].get(key) or "") for key in PROFILE_KEYS}
    settings = _settings(path, data.get("settings") or [])
    register = readonly.scratch_register(scratch / "export.db", profile, settings)
    try:
        _import_complaints(register, path, data["complaints"], period)
        source = _export_source(path, data, profile, settings, register)
        yield register, source
    finally:
        register.close()


def _import_complaints(register: Register, path: Path, items: list, period) -> None:
    """The export's complaints, with their history and codes, stored into
    the scratch register by monev's own import, which checks every one."""
    from monev_cli import importing

    latest = _latest(items, period.end)
    stamp = Stamp(_("consolidation"), latest.isoformat(), latest)
    try:
        importing.import_file(register, path, stamp, importing.Options(fmt="json"))
    except importing.RejectedRows as error:
        raise _damaged_export(path, error.lines[0]) from None
    except MonevError as error:
        raise _damaged_export(path, error.message) from None


def _damaged_export(path: Path, reason: str) -> RegisterFileError:
    return RegisterFileError(
        _("{path} is a damaged export: {reason}").format(path=path, reason=reason)
    )


def _read_export(path: Path) -> dict:
    try:
        data = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError):
        raise RegisterFileError(
            _("{path} is neither a monev register nor a monev JSON export.").format(
                path=path
            )
        ) from None
    except OSError as error:
        raise RegisterFileError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=error.strerror)
        ) from None
    if not isinstance(data, dict) or data.get("format") != "monev":
        raise RegisterFileError(
            _("{path} is JSON, but not a monev export.").format(path=path)
        )
    version = data.get("version")
    if not isinstance(version, int) or version > EXPORT_VERSION:
        raise RegisterFileError(
            _(
                "{path} was exported by a newer version of monev: upgrade monev "
                "to consolidate it."
            ).format(path=path)
        )
    head_ok = isinstance(data.get("profile"), dict) and data.get("register_id")
    if not head_ok or not isinstance(data.get("complaints"), list):
        raise RegisterFileError(
            _(
                "{path} is an export from an older monev, without the agency's "
                "profile: ask the agency for a new one (monev export --format json)."
            ).format(path=path)
        )
    return data


def _check_selection(path: Path, selection, period: Period) -> None:
    """An export holds all of the agency's complaints of the whole period."""
    try:
        used = [name for name in FILTERS if selection.get(name)]
        start, end = _selected_dates(selection)
    except (AttributeError, TypeError, ValueError):
        raise _damaged_export(path, _("its selection cannot be read.")) from None
    if used:
        raise RegisterFileError(
            _(
                "{path} was exported with --{filters}: it does not hold all the "
                "agency's complaints. Ask for an export without them."
            ).format(path=path, filters=", --".join(used))
        )
    if (start and start > period.start) or (end and end < period.end):
        raise RegisterFileError(
            _(
                "{path} holds the complaints of {start} to {end} only, not the "
                "whole period {first} to {last}: ask for an export of it."
            ).format(
                path=path,
                start=(start or date.min).isoformat(),
                end=(end or date.max).isoformat(),
                first=period.start.isoformat(),
                last=period.end.isoformat(),
            )
        )


def _selected_dates(selection: dict) -> tuple[date | None, date | None]:
    """The narrowest received dates the export's --year, --from, --to allow."""
    starts, ends = [], []
    year = selection.get("year")
    if year is not None:
        starts.append(date(year, 1, 1))
        ends.append(date(year, 12, 31))
    for key, bounds in (("from", starts), ("to", ends)):
        if selection.get(key):
            bounds.append(date.fromisoformat(selection[key]))
    return (max(starts, default=None), min(ends, default=None))


def _settings(path: Path, rows) -> list[tuple[str, str, str]]:
    """The export's dated settings, each checked as 'monev settings set'
    checks it: the limits decide which complaints were answered in time."""
    from monev_cli.register import settings

    found = []
    try:
        for row in rows:
            key = settings.check_key(row["key"])
            since = date.fromisoformat(row["effective_from"]).isoformat()
            found.append((key, since, settings.check_value(key, row["value"])))
    except (TypeError, KeyError, ValueError, AttributeError, MonevError):
        raise _damaged_export(path, _("its settings cannot be read.")) from None
    return found


def _latest(items: list, floor: date) -> date:
    """The latest date the export holds: its complaints are checked as of it."""
    dates = [floor.isoformat()]
    for item in items:
        if isinstance(item, dict):
            dates.append(str(item.get("received_on") or ""))
            for event in item.get("events") or ():
                if isinstance(event, dict):
                    dates.append(str(event.get("event_on") or ""))
    try:
        return date.fromisoformat(max(dates))
    except ValueError:
        return floor  # the import names the complaint with the bad date


def _export_source(
    path: Path, data: dict, profile: dict, settings: list, register: Register
) -> Source:
    counted = [item for item in data["complaints"] if not item.get("voided")]
    counted.sort(key=lambda item: item.get("tracking_no") or "")
    digest = identity.digest(
        profile,
        settings,
        (
            tuple(item.get(name) for name in identity.DIGESTED.split(", "))
            for item in counted
        ),
    )
    return Source(
        path=path,
        kind="export",
        agency=profile["agency"],
        register_id=str(data["register_id"]),
        schema=_("JSON export of schema {schema}").format(schema=data.get("schema")),
        digest=digest,
        **readonly.coverage(register)._asdict(),
    )


def read_all(paths: Sequence[Path], period: Period, as_of: date) -> list:
    """Every input's row, in the order given; the first refusal stops all."""
    found = []
    seen = Seen()
    with _scratch_folder() as scratch:
        for path in expand(paths):
            with opened(path, period, scratch) as (register, source):
                seen.check(source)
                found.append(recap(register, source, period, as_of))
    return found


def check_all(paths: Sequence[Path], period: Period) -> list[tuple]:
    """(path, Source or None, the reason it would be refused or None) of
    every input, without stopping at a refusal."""
    found = []
    seen = Seen()
    with _scratch_folder() as scratch:
        for path in expand(paths):
            source = None
            try:
                with opened(path, period, scratch, verify=True) as pair:
                    source = pair[1]
                    seen.check(source)
            except MonevError as error:
                found.append((path, source, error.message))
            else:
                found.append((path, source, None))
    return found


@contextmanager
def _scratch_folder() -> Iterator[Path]:
    """A temporary folder for the copies of older registers and exports."""
    import tempfile

    try:
        folder = tempfile.TemporaryDirectory(prefix="monev-consolidate-")
    except OSError as error:
        raise RegisterFileError(
            _(
                "Cannot make a temporary folder ({reason}): set TMPDIR to a "
                "writable folder."
            ).format(reason=error.strerror or error)
        ) from None
    with folder as name:
        yield Path(name)
