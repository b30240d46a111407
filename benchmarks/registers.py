"""Registers of any size for the benchmark, built fast and cached.

The rows are those that ``monev sample`` stores (the same generator, the same
columns, due dates by the register's own rule, the same history), but written
with ``executemany`` in one transaction instead of one ``record()`` call per
complaint: a million complaints take about a minute instead of hours.
"""

import csv
import hashlib
import os
import shutil
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

from monev_cli.fields import BY_NAME, stored_value
from monev_cli.models import (
    DEFAULT_CHANNELS,
    DEFAULT_TYPES,
    DONE,
    EVENT_RECORDED,
    EVENT_STATUS,
    STATUS_LABELS,
)
from monev_cli.register import Register, bulk, catalog, create_register, migrations
from monev_cli.register.settings import due_date_rule
from monev_cli.sample import SAMPLE_PROFILE, SampleComplaint, generate

# Raise a kind's number when what it writes changes (the sample generator's
# output included): its cached files are then made anew. The migrations are
# part of every key too.
VERSIONS = {"register": 2, "import": 3, "taskwarrior": 1, "agencies": 1}
AS_OF = date(2025, 1, 31)  # after the sample's two years: all of it is stored
OFFICER = "benchmark"
LOGGED_AT = "2025-01-31T08:00:00+08:00"
CHUNK = 50_000


def cache_key(kind: str, size: int) -> str:
    text = repr((VERSIONS[kind], migrations.NAMES, AS_OF, size))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def cached_register(size: int, cache_dir: Path) -> Path:
    """The register of ``size`` sample complaints, built once per cache key."""
    return cached(cache_dir, "register", size, ".db", lambda path: build(path, size))


def cached_csv(size: int, cache_dir: Path) -> Path:
    """A spreadsheet export of ``size`` complaints, as an agency would import it."""
    return cached(cache_dir, "import", size, ".csv", lambda path: write_csv(path, size))


def cached(cache_dir: Path, kind: str, size: int, suffix: str, make) -> Path:
    """The file (or folder) that ``make(path)`` writes, made once per cache
    key; those of the same kind and size made under an older key are removed,
    so the cache never piles up."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{kind}-{size}"
    path = cache_dir / f"{stem}-{cache_key(kind, size)}{suffix}"
    if path.exists():
        return path
    for stale in cache_dir.glob(f"{stem}-*"):
        _remove(stale)
    partial = cache_dir / f"{stem}-partial{suffix}"
    make(partial)
    os.replace(partial, path)
    return path


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def build(
    path: Path,
    size: int,
    as_of: date = AS_OF,
    officer: str = OFFICER,
    logged_at: str = LOGGED_AT,
) -> int:
    """A new register at ``path`` holding what ``sample.fill(size)`` would
    store as of ``as_of``; returns the number of complaints."""
    register = create_register(path)
    # A new file: a rollback journal writes each page once, where WAL would
    # write the whole register twice; the register is left in WAL as monev
    # leaves it.
    register.conn.execute("PRAGMA journal_mode=DELETE")
    register.conn.execute("PRAGMA cache_size=-262144")  # 256 MiB for the indexes
    try:
        with register.write() as conn:
            for key, value in SAMPLE_PROFILE.items():
                catalog.set_profile(register, key, value)
            rows = _rows(register, generate(size), as_of, (logged_at, officer))
            stored = 0
            for complaints, events in _chunks(rows, CHUNK):
                conn.executemany(bulk.INSERT_COMPLAINT, complaints)
                conn.executemany(bulk.INSERT_EVENT, events)
                stored += len(complaints)
        register.conn.execute("PRAGMA journal_mode=WAL")
    finally:
        register.close()
    return stored


def _rows(
    register: Register,
    items: Iterable[SampleComplaint],
    as_of: date,
    stamp: tuple[str, str],
) -> Iterator[tuple[tuple, list[tuple]]]:
    """(complaint row, its event rows), as record() and change_status() write them."""
    prefix = catalog.profile(register)["prefix"]
    classification = {
        t.code: t.classification for t in catalog.codes(register, "types")
    }
    due_on = due_date_rule(register)
    seqs: dict[int, int] = {}
    for complaint_id, item in enumerate(
        (item for item in items if item.draft.received_on <= as_of), start=1
    ):
        draft = item.draft
        year = draft.received_on.year
        seq = seqs[year] = seqs.get(year, 0) + 1
        status, answered_on = "diterima", None
        received_on = draft.received_on.isoformat()
        events = [
            (
                complaint_id,
                EVENT_RECORDED,
                status,
                received_on,
                *_on(stamp, draft.received_on),
                None,
            )
        ]
        for after, step_status, note in item.steps:
            when = draft.received_on + timedelta(days=after)
            if when > as_of:
                break
            status = step_status
            answered_on = when if status == DONE else None
            events.append(
                (
                    complaint_id,
                    EVENT_STATUS,
                    status,
                    when.isoformat(),
                    *_on(stamp, when),
                    note,
                )
            )
        values = {
            "id": complaint_id,
            "tracking_no": f"{prefix}-{year}-{seq:04d}",
            "year": year,
            "seq": seq,
            **draft._asdict(),
            "classification": draft.classification or classification[draft.type],
            "status": status,
            "due_on": due_on(draft.received_on),
            "answered_on": answered_on,
            "voided": False,
            "void_reason": None,
        }
        yield (
            tuple(_stored(name, values.get(name)) for name in bulk.COMPLAINT_COLUMNS),
            [(*event, *bulk.NO_CHANGE) for event in events],
        )


def _stored(name: str, value):
    """A value as the complaints table holds it, by the fields' declaration."""
    field = BY_NAME.get(name)
    return stored_value(field, value) if field else value


def _on(stamp: tuple[str, str], day: date) -> tuple[str, str]:
    """(logged_at, officer) of an entry typed in on its own day, as the sample
    stamps it."""
    logged_at, officer = stamp
    return day.isoformat() + logged_at[10:], officer


def _chunks(
    rows: Iterator[tuple[tuple, list[tuple]]], size: int
) -> Iterator[tuple[list[tuple], list[tuple]]]:
    complaints: list[tuple] = []
    events: list[tuple] = []
    for complaint, its_events in rows:
        complaints.append(complaint)
        events.extend(its_events)
        if len(complaints) == size:
            yield complaints, events
            complaints, events = [], []
    if complaints:
        yield complaints, events


# An agency's sheet as Excel saves it: its running number ("No"), then its
# own header for each field it has, ';', a BOM, DD/MM/YYYY, channels and
# types by their report labels.
SHEET_HEADERS = {
    "received_on": "Tanggal", "name": "Nama", "contact": "Kontak",
    "channel": "Saluran/Media", "type": "Jenis Pengaduan", "summary": "Uraian",
    "unit": "Unit Kerja", "status": "Status", "answered_on": "Tanggal Selesai",
    "answer": "Tindak Lanjut", "external_ref": "No LAPOR",
}  # fmt: skip


def write_csv(path: Path, size: int) -> int:
    """``size`` sample complaints as an agency's spreadsheet. Every summary and
    LAPOR! number is its own, as in a real sheet, so that importing it checks
    every cell rather than a few distinct ones."""
    channels = dict(DEFAULT_CHANNELS)
    types = {code: label for code, label, _ in DEFAULT_TYPES}
    with path.open("w", newline="", encoding="utf-8-sig") as file:
        writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
        writer.writerow(("No", *SHEET_HEADERS.values()))
        for number, item in enumerate(generate(size), start=1):
            draft = item.draft
            status, answered, answer = "diterima", "", ""
            for after, status_then, note in item.steps:
                when = draft.received_on + timedelta(days=after)
                if when > AS_OF:  # as the register builder: nothing after today
                    break
                status, answer = status_then, note
                answered = _day(when) if status == DONE else ""
            cells = {
                "received_on": _day(draft.received_on),
                "name": draft.name or "",
                "contact": draft.contact or "",
                "channel": channels[draft.channel],
                "type": types[draft.type],
                "summary": f"{draft.summary} (kasus {number})",
                "unit": draft.unit or "",
                "status": STATUS_LABELS[status],
                "answered_on": answered,
                "answer": answer,
                "external_ref": f"LPR{number:08d}",
            }
            writer.writerow((number, *(cells[name] for name in SHEET_HEADERS)))
    return size


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")
