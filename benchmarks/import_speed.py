"""How fast ``monev import`` takes an agency spreadsheet in.

Writes a CSV of 100,000 complaints from the deterministic sample, shaped as
agencies keep them (Indonesian headers, ';', DD/MM/YYYY, labels as in the
report), then imports it into a new register and prints rows per second,
reading and checking every row included (summaries are made unique, as in
real registers, so that no cell is read from memory). Run:

    .venv/bin/python benchmarks/import_speed.py [ROWS]
"""

import csv
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from monev_cli.importing import import_file
from monev_cli.models import DEFAULT_CHANNELS, DEFAULT_TYPES, STATUS_LABELS
from monev_cli.register import create_register
from monev_cli.register.complaints import Stamp
from monev_cli.sample import generate

CACHE = Path(__file__).parent / ".cache"
AS_OF = date(2025, 12, 31)
HEADER = (
    "No", "Tanggal", "Nama", "Kontak", "Saluran/Media", "Jenis Pengaduan",
    "Uraian", "Unit Kerja", "Status", "Tanggal Selesai", "Tindak Lanjut",
)  # fmt: skip


def agency_csv(path: Path, count: int) -> None:
    channels = dict(DEFAULT_CHANNELS)
    types = {code: label for code, label, _cls in DEFAULT_TYPES}
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        for number, item in enumerate(generate(count), start=1):
            draft = item.draft
            status, answered, answer = "diterima", "", ""
            if item.steps:
                after, status, answer = item.steps[-1]
                if status == "selesai":
                    answered = _day(draft.received_on + timedelta(days=after))
            writer.writerow(
                (
                    number, _day(draft.received_on), draft.name or "",
                    draft.contact or "", channels[draft.channel], types[draft.type],
                    f"{draft.summary} (kasus {number})", draft.unit or "",
                    STATUS_LABELS[status], answered, answer,
                )
            )  # fmt: skip


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def main(count: int) -> None:
    CACHE.mkdir(exist_ok=True)
    source = CACHE / f"import-{count}.csv"
    if not source.exists():
        agency_csv(source, count)
    with tempfile.TemporaryDirectory() as folder:
        register = create_register(Path(folder) / "bench.db")
        stamp = Stamp(
            officer="bench", logged_at="2025-12-31T09:00:00+08:00", as_of=AS_OF
        )
        started, cpu = time.perf_counter(), time.process_time()
        result = import_file(register, source, stamp)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        register.close()
    print(
        f"imported {result.added:,} of {result.total:,} rows from {source.name} "
        f"in {seconds:.2f} s: {result.total / seconds:,.0f} rows/s "
        f"({cpu:.2f} s of CPU: {result.total / cpu:,.0f} rows/s)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
