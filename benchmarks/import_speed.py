"""How fast ``monev import`` takes an agency spreadsheet in, in-process.

Imports the benchmark's cached agency sheet (Indonesian headers, ';', a BOM,
DD/MM/YYYY, labels as in the report, every summary its own: see
``registers.write_csv``) into a new register and prints rows per second,
reading and checking every row included. ``run.py`` times the same import as
a whole ``monev import`` process; this script leaves process start-up out, for
profiling. Run:

    .venv/bin/python benchmarks/import_speed.py [ROWS]
"""

import sys
import tempfile
import time
from pathlib import Path

import registers

from monev_cli.importing import import_file
from monev_cli.register import create_register
from monev_cli.register.complaints import Stamp

CACHE = Path(__file__).parent / ".cache"


def main(count: int) -> None:
    source = registers.cached_csv(count, CACHE)
    with tempfile.TemporaryDirectory() as folder:
        register = create_register(Path(folder) / "bench.db")
        stamp = Stamp(
            officer="bench",
            logged_at=registers.LOGGED_AT,
            as_of=registers.AS_OF,
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
