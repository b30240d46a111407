"""The monev benchmark: whole-process wall time of the commands an office runs,
on registers of 10,000 to 1,000,000 complaints, each beside its floor measured
in the same run (so that the ratios hold on a noisy machine).

    .venv/bin/python benchmarks/run.py                # all, at 10k, 100k and 1M
    .venv/bin/python benchmarks/run.py --only record,help --repeat 9
    .venv/bin/python benchmarks/run.py --sizes 10000 --repeat 1 --json

Registers are built once and cached under benchmarks/.cache/; every command
runs on a temporary copy, so the cache never changes. A command that this
version of monev does not have is reported as skipped.
"""

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import registers
import results
import taskwarrior
from timing import Run, paired

HERE = Path(__file__).resolve().parent
SIZES = (10_000, 100_000, 1_000_000)
AS_OF = registers.AS_OF.isoformat()
YEAR = str(registers.AS_OF.year - 1)

RECORD = (
    "record", "--date", AS_OF, "--channel", "langsung", "--type", "layanan",
    "--summary", "Bantuan sosial belum diterima sejak tiga bulan",
    "--name", "Ni Made Ayu", "--contact", "081234567890", "--confidential",
    "--unit", "Bidang Jaminan Sosial", "--classification", "informatif",
    "--external-ref", "LAPOR-2025-0000001",
)  # fmt: skip
# The sqlite3 module, for machines without the sqlite3 shell.
BARE_SQLITE = (
    "import sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1])\n"
    "statement = ''\n"
    "for line in open(sys.argv[2], encoding='utf-8'):\n"
    "    statement += line\n"
    "    if sqlite3.complete_statement(statement):\n"
    "        conn.execute(statement).fetchall()\n"
    "        statement = ''\n"
)
# The import's floor: SQLite alone storing the rows an import stored, read
# from a copy of the register it wrote, into a copy of the same empty
# register, in one transaction, with monev's connection settings. INSERT ...
# SELECT: turning the rows into Python objects and back would cost the
# floor as much as SQLite's own work.
BARE_INSERT = """\
import sqlite3, sys
conn = sqlite3.connect(sys.argv[2], isolation_level=None)
conn.execute("PRAGMA foreign_keys=ON")
conn.execute("PRAGMA synchronous=NORMAL")
conn.execute("ATTACH ? AS stored", (sys.argv[1],))
conn.execute("BEGIN IMMEDIATE")
for table in ("complaints", "events"):
    names = ", ".join(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
    conn.execute(
        f"INSERT INTO main.{table} ({names}) "
        f"SELECT {names} FROM stored.{table} ORDER BY id"
    )
conn.execute("COMMIT")
conn.close()
"""


@dataclass(frozen=True)
class Spec:
    """One measurement: what runs, at which size its target is set, the target."""

    name: str
    args: tuple[str, ...]  # monev's (or task's) arguments
    at: int | None = None  # register size (rows for import, tasks for task)
    target: str = ""
    limit: float | None = None  # the target as a number (see results.judge)
    kind: str = "register"  # plain, register, import, task
    floor: str = "python"  # python, sqlite3 (the command's queries), english


SPECS = (
    Spec("help", ("--help",), None, "<= 16x python", 16, kind="plain"),
    Spec("overdue", ("overdue",), 1_000_000, "faster than task-overdue"),
    Spec("overdue-count", ("overdue", "--count"), 1_000_000, "<= 9x python", 9),
    Spec("recap", ("recap", "--year", YEAR), 1_000_000),
    Spec(
        "report-html",
        ("report", "--year", YEAR, "--format", "html"),
        1_000_000,
        "<= 3x sqlite3",
        3,
        floor="sqlite3",
    ),
    # The last ones at each size: they add complaints to the working copy.
    Spec("record", RECORD, 100_000, "<= 9x python; stretch: < task-add", 9),
    Spec("record-id", RECORD, 100_000, "<= +5 ms", 5, floor="english"),
    Spec("import", ("import",), 100_000, ">= 10,000 rows/s", 10_000, kind="import"),
    Spec("task-add", taskwarrior.ADD, 10_000, kind="task"),
    Spec("task-overdue", taskwarrior.OVERDUE, 10_000, kind="task"),
)
NAMES = tuple(spec.name for spec in SPECS)


@dataclass
class Bench:
    """What every measurement needs: the programs, options and places."""

    monev: Path
    repeat: int
    sizes: tuple[int, ...]
    cache: Path
    work: Path
    env: dict[str, str]
    helps: dict[str, str | None] = field(default_factory=dict)

    def help_text(self, command: str) -> str | None:
        """``monev [COMMAND] --help``, or None when there is no such command."""
        if command not in self.helps:
            argv = [str(self.monev), *([command] if command else []), "--help"]
            done = subprocess.run(argv, capture_output=True, env=self.env)
            ok = done.returncode == 0
            self.helps[command] = done.stdout.decode(errors="replace") if ok else None
        return self.helps[command]

    def missing(self, spec: Spec) -> str | None:
        """Why ``spec`` cannot be measured with this monev, if it cannot."""
        if spec.kind == "task":
            return None if taskwarrior.installed() else "Taskwarrior not installed"
        if spec.kind != "plain" and self.help_text(spec.args[0]) is None:
            return "command not available"
        if spec.floor == "english" and not self._lang_option(spec):
            return "no --lang option"
        return None

    def monev_run(
        self, args: tuple[str, ...], db: Path | None, lang: str | None = None, **extra
    ) -> Run:
        """monev on ``db``, in ``lang``, with --as-of where the command has it."""
        head = [str(self.monev)]
        if db is not None:
            head += ["--db", str(db), "--officer", "benchmark"]
        tail = []
        if lang:
            on_root = "--lang" in (self.help_text("") or "")
            (head if on_root else tail).extend(["--lang", lang])
        if db is not None and "--as-of" in (self.help_text(args[0]) or ""):
            tail += ["--as-of", AS_OF]
        return Run([*head, *args, *tail], self.env, **extra)

    def _lang_option(self, spec: Spec) -> bool:
        return any(
            "--lang" in (self.help_text(command) or "")
            for command in ("", spec.args[0])
        )


def size_for(nominal: int, sizes: tuple[int, ...]) -> int:
    """The size an import or Taskwarrior runs at: its own, unless every
    register asked for is smaller (a quick run stays quick)."""
    return min(nominal, max(sizes))


def measure_all(bench: Bench, specs: list[Spec]) -> list[dict]:
    found = [
        _pair(bench, spec, None, lambda s=spec: bench.monev_run(s.args, None))
        for spec in specs
        if spec.kind == "plain"
    ]
    on_registers = [spec for spec in specs if spec.kind == "register"]
    for size in bench.sizes if on_registers else ():
        found += _at_size(bench, on_registers, size)
    found += [_import(bench, spec) for spec in specs if spec.kind == "import"]
    found += [_task(bench, spec) for spec in specs if spec.kind == "task"]
    return _once_if_skipped(found)


def _once_if_skipped(found: list[dict]) -> list[dict]:
    """A measurement skipped at every size is listed once, without a size."""
    measured = {result["name"] for result in found if result["status"] != "skipped"}
    kept, skipped = [], set()
    for result in found:
        if result["status"] == "skipped" and result["name"] not in measured:
            if result["name"] in skipped:
                continue
            skipped.add(result["name"])
            result = result | {"at": None}
        kept.append(result)
    return kept


def _at_size(bench: Bench, specs: list[Spec], size: int) -> list[dict]:
    """Every measurement at ``size``, on one copy of the cached register."""
    if all(bench.missing(spec) for spec in specs):
        return [_pair(bench, spec, size, None) for spec in specs]
    work = bench.work / f"register-{size}.db"
    _progress(f"register of {size:,} complaints")
    shutil.copyfile(registers.cached_register(size, bench.cache), work)
    try:
        return [
            _pair(
                bench,
                spec,
                size,
                lambda s=spec: bench.monev_run(
                    s.args, work, _language(s), prepare=_preparation(s, work)
                ),
            )
            for spec in specs
        ]
    finally:
        for path in bench.work.glob(work.name + "*"):
            path.unlink()


def _preparation(spec: Spec, db: Path):
    """Before each run of record: its external reference freed, since a
    register refuses to give one to two complaints."""
    if spec.args != RECORD:
        return None

    def free_reference() -> None:
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute(
                "UPDATE complaints SET external_ref = NULL WHERE external_ref = ?",
                (RECORD[RECORD.index("--external-ref") + 1],),
            )

    return free_reference


def _language(spec: Spec) -> str | None:
    """Indonesian for the measurement whose floor is the same in English."""
    return "id" if spec.floor == "english" else None


def _import(bench: Bench, spec: Spec) -> dict:
    rows = size_for(spec.at, bench.sizes)
    if bench.missing(spec):
        return _pair(bench, spec, rows, None)
    csv = registers.cached_csv(rows, bench.cache)
    empty = bench.work / "empty.db"
    subprocess.run(
        [str(bench.monev), "--db", str(empty), "init"],
        check=True,
        capture_output=True,
        env=bench.env,
    )
    result = _pair(
        bench,
        spec,
        rows,
        lambda: bench.monev_run(
            ("import", str(csv)),
            bench.work / "import.db",
            prepare=lambda: _fresh_copy(empty, bench.work / "import.db"),
        ),
    )
    if result["status"] == "ok":
        result["rows_per_s"] = round(rows / (result["median_ms"] / 1000))
        result["floor_rows_per_s"] = round(rows / (result["floor_ms"] / 1000))
    return result


def _import_floor(bench: Bench, command: Run) -> Run:
    """SQLite alone storing what the import stores (BARE_INSERT): the rows
    of one untimed run of the import, into fresh copies of its empty register."""
    command.once()
    stored = bench.work / "stored.db"
    source = sqlite3.connect(command.argv[command.argv.index("--db") + 1])
    target = sqlite3.connect(stored)
    source.backup(target)
    source.close()
    target.close()
    empty, floor = bench.work / "empty.db", bench.work / "floor.db"
    return Run(
        [sys.executable, "-c", BARE_INSERT, str(stored), str(floor)],
        bench.env,
        prepare=lambda: _fresh_copy(empty, floor),
    )


def _fresh_copy(source: Path, target: Path) -> None:
    for path in target.parent.glob(target.name + "*"):
        path.unlink()
    shutil.copyfile(source, target)


def _task(bench: Bench, spec: Spec) -> dict:
    tasks = size_for(spec.at, bench.sizes)
    if bench.missing(spec):
        return _pair(bench, spec, tasks, None)
    folder = bench.work / "taskwarrior"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(taskwarrior.cached_taskdata(tasks, bench.cache), folder)
    (folder / "taskrc").write_text(taskwarrior.TASKRC.format(data=folder / "data"))
    env = {**bench.env, **taskwarrior.environment(folder)}
    return _pair(bench, spec, tasks, lambda: Run(["task", *spec.args], env))


def _pair(
    bench: Bench, spec: Spec, at: int | None, make: Callable[[], Run] | None
) -> dict:
    """The measurement's result: timed against its floor, or why it was not."""
    found = {"name": spec.name, "at": at, "target": spec.target}
    missing = bench.missing(spec)
    if missing or make is None:
        return found | {"status": "skipped", "reason": missing}
    command = make()
    floor = _floor(bench, spec, command)
    _progress(spec.name + (f" at {at:,}" if at else ""))
    return found | {
        "command": command.shown_argv(),
        "floor": floor.shown_argv() if floor else None,
        **paired(command, floor, bench.repeat),
    }


def _floor(bench: Bench, spec: Spec, command: Run) -> Run | None:
    if spec.kind == "task":
        return None
    if spec.kind == "import":
        return _import_floor(bench, command)
    if spec.floor == "python":
        return Run([sys.executable, "-c", "pass"], bench.env)
    if spec.floor == "english":
        argv = [*command.argv]
        argv[argv.index("--lang") + 1] = "en"
        return Run(argv, bench.env)
    queries = bench.work / f"{spec.name}-queries.sql"
    db = command.argv[command.argv.index("--db") + 1]
    script = str(HERE / "capture_sql.py")
    subprocess.run(
        [sys.executable, script, str(queries), *command.argv[1:]],
        capture_output=True,
        env=bench.env,
    )
    if shutil.which("sqlite3"):
        return Run(["sqlite3", "-batch", db], bench.env, stdin=queries)
    return Run([sys.executable, "-c", BARE_SQLITE, db, str(queries)], bench.env)


def _progress(text: str) -> None:
    print(f"... {text}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="register sizes, comma-separated (default: %(default)s)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (median)")
    parser.add_argument(
        "--only", help=f"measurements, comma-separated, of: {', '.join(NAMES)}"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--cache", type=Path, default=HERE / ".cache")
    options = parser.parse_args(argv)
    try:
        sizes = {int(size.replace("_", "")) for size in options.sizes.split(",")}
    except ValueError:
        parser.error(f"--sizes takes numbers, e.g. 10000,100000: {options.sizes}")
    options.sizes = tuple(sorted(sizes))
    wanted = options.only.split(",") if options.only else list(NAMES)
    unknown = sorted(set(wanted) - set(NAMES))
    if unknown:
        parser.error(f"unknown measurement {', '.join(unknown)}; one of {NAMES}")
    options.specs = [spec for spec in SPECS if spec.name in wanted]
    if options.repeat < 1:
        parser.error("--repeat must be at least 1")
    options.monev = Path(sys.executable).parent / "monev"
    if not options.monev.exists():
        parser.error(f"no {options.monev}: run this with the python of monev's venv")
    return options


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    # Measured as a user runs it: pip compiles the package when it installs
    # it, so no run should pay for compiling Python source; and a shell or
    # cron does not set PYTHONUNBUFFERED, which makes every line a write.
    unset = {"PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    with tempfile.TemporaryDirectory(prefix="monev-bench-") as work:
        bench = Bench(
            options.monev, options.repeat, options.sizes, options.cache, Path(work), env
        )
        found = measure_all(bench, options.specs)
    report = {
        "environment": results.environment(AS_OF, taskwarrior.installed()),
        "repeat": options.repeat,
        "sizes": list(options.sizes),
        "results": results.judge(found, {spec.name: spec for spec in SPECS}),
    }
    print(json.dumps(report, indent=2) if options.json else results.render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
