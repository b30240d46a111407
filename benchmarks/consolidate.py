"""How `monev consolidate` scales: 100 registers of 10,000 complaints against
`monev report` over one register of 1,000,000, in the same run (target:
at most 3x), and its peak memory at 1,000 and at 10,000 complaints per
register (target: the same, since memory grows with agencies, not complaints).

    .venv/bin/python benchmarks/consolidate.py [--agencies 100] [--repeat 3]

Registers are built once (benchmarks/registers.py) and cached under
benchmarks/.cache/: an agency's register is one sample register copied under
its own identity and name. The agencies' registers are read where they are
(consolidate only reads); the 1M register is copied, as report may write.
"""

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import registers
from timing import Run, paired

HERE = Path(__file__).resolve().parent
YEAR = str(registers.AS_OF.year - 1)
LARGE = 1_000_000
# As a user runs it: compiled bytecode used, output not unbuffered.
ENV = {
    key: value
    for key, value in os.environ.items()
    if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")
}
# The child's peak resident memory, in KiB (Linux reports ru_maxrss in KiB).
PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def agencies(count: int, size: int, cache: Path) -> Path:
    """A folder of ``count`` registers of ``size`` complaints, built once."""

    def make(folder: Path) -> None:
        folder.mkdir()
        one = registers.cached_register(size, cache)
        for number in range(1, count + 1):
            path = folder / f"dinas-{number:03d}.db"
            shutil.copyfile(one, path)
            with sqlite3.connect(path) as conn:
                conn.execute(
                    "UPDATE identity SET register_id = ?", (f"bench-{number}",)
                )
                conn.execute(
                    "UPDATE profile SET value = ? WHERE key = 'agency'",
                    (f"Dinas Contoh {number:03d}",),
                )
            conn.close()

    return registers.cached(cache, "agencies", count * size, "", make)


def monev(bench: argparse.Namespace, *args: str) -> list[str]:
    return [str(bench.monev), "--db", str(bench.office), *args, "--as-of",
            registers.AS_OF.isoformat()]  # fmt: skip


def peak_kib(argv: list[str]) -> int:
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *argv], capture_output=True, check=True
    )
    return int(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=100)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=LARGE)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=HERE / ".cache")
    bench = parser.parse_args(argv)
    bench.monev = Path(sys.executable).parent / "monev"
    folder = agencies(bench.agencies, bench.size, bench.cache)
    small = agencies(bench.agencies, bench.small, bench.cache)
    with tempfile.TemporaryDirectory(prefix="monev-bench-") as work:
        bench.office = Path(work) / "kabupaten.db"
        subprocess.run([str(bench.monev), "--db", str(bench.office), "init"],
                       check=True, capture_output=True)  # fmt: skip
        large = Path(work) / "large.db"
        shutil.copyfile(registers.cached_register(bench.large, bench.cache), large)
        html = ("--year", YEAR, "--format", "html")
        report = Run([str(bench.monev), "--db", str(large), "report", *html,
                      "--as-of", registers.AS_OF.isoformat()], ENV)  # fmt: skip
        consolidate = Run(monev(bench, "consolidate", str(folder), *html), ENV)
        timed = paired(consolidate, report, bench.repeat)
        check = paired(Run(monev(bench, "consolidate", "--check", str(folder),
                                 "--year", YEAR), ENV), None, 1)  # fmt: skip
        found = {
            "consolidate": f"{bench.agencies} x {bench.size:,}",
            "report": f"1 x {bench.large:,}",
            "consolidate_ms": timed.get("median_ms"),
            "report_ms": timed.get("floor_ms"),
            "ratio": timed.get("ratio"),
            "target": "<= 3x report",
            "check_ms": check.get("median_ms"),
            "peak_kib": {
                f"consolidate {bench.agencies} x {bench.small:,}": peak_kib(
                    monev(bench, "consolidate", str(small), *html)
                ),
                f"consolidate {bench.agencies} x {bench.size:,}": peak_kib(
                    monev(bench, "consolidate", str(folder), *html)
                ),
                f"report 1 x {bench.large:,}": peak_kib(report.argv),
            },
        }
    print(json.dumps(found | {"status": timed["status"]}, indent=2))
    return 0 if timed["status"] == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
