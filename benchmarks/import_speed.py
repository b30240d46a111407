"""How fast ``monev import`` takes an agency spreadsheet in, in-process.

Imports the benchmark's cached agency sheet (Indonesian headers, ';', a BOM,
DD/MM/YYYY, labels as in the report, every summary its own: see
``registers.write_csv``) into a new register and prints rows per second,
reading and checking every row included. ``run.py`` times the same import as
a whole ``monev import`` process; this script leaves process start-up out, for
profiling. ``--phases`` also prints where the time goes: reading the file,
checking the rows, matching them with the register, storing them, and the
rest (mostly SQLite's commit). Run:

    .venv/bin/python benchmarks/import_speed.py [ROWS] [--phases]
"""

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import registers

from monev_cli.importing import files, import_file, rows
from monev_cli.register import bulk, create_register
from monev_cli.register.complaints import Stamp

CACHE = Path(__file__).parent / ".cache"
PHASES = (
    ("read", files, "read_rows"),
    ("check", rows.Checker, "check"),
    ("plan", bulk, "plan"),
    ("store", bulk, "store"),
)


def main(count: int, phases: bool) -> None:
    source = registers.cached_csv(count, CACHE)
    spent = _time_phases() if phases else {}
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
    if phases:
        spent["rest"] = seconds - sum(spent.values())
        print("  ".join(f"{name} {value:.2f} s" for name, value in spent.items()))


def _time_phases() -> dict[str, float]:
    """Wall seconds spent in each phase's function, filled in as they run."""
    spent = {name: 0.0 for name, _owner, _function in PHASES}
    for name, owner, function in PHASES:
        setattr(owner, function, _timed(getattr(owner, function), name, spent))
    return spent


def _timed(function: Callable, name: str, spent: dict[str, float]) -> Callable:
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - started

    return timed


if __name__ == "__main__":
    numbers = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    main(int(numbers[0]) if numbers else 100_000, "--phases" in sys.argv)
