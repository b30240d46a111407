"""How long `monev report --year --format html` takes on a large register,
against the floor: the same aggregate queries run by the sqlite3 shell.

    python benchmarks/report.py [--count 1000000] [--runs 5]

The report is timed as of the register's last day, and as of past days, for
which the state of each complaint is read back from its dated history.

The register is built once from the sample generator, with each complaint's
history (a report as of a past day reads it), and cached in benchmarks/.cache/.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from monev_cli import reporting
from monev_cli.period import Period
from monev_cli.register import create_register, open_register
from monev_cli.register.catalog import codes, set_profile
from monev_cli.register.settings import due_date_rule
from monev_cli.sample import SAMPLE_PROFILE, generate

CACHE = Path(__file__).parent / ".cache"
AS_OF = date(2025, 1, 31)  # the register's last day: no entry is dated after it
# Past days: the 2023 report signed early in 2024, and one taken mid-year
# (the period cut at that day; half its complaints changed since).
PAST_DAYS = (date(2024, 1, 5), date(2023, 7, 1))
YEAR = 2023


def build(path: Path, count: int) -> None:
    """``count`` sample complaints and their history, each entry recorded on
    its own day, stored in one transaction."""
    register = create_register(path)
    with register.write() as conn:
        for key, value in SAMPLE_PROFILE.items():
            set_profile(register, key, value)
        for complaints, events in _batches(register, count):
            conn.executemany(
                "INSERT INTO complaints (id, tracking_no, year, seq, received_on, "
                "channel, type, classification, summary, name, contact, confidential, "
                "unit, status, due_on, answered_on, voided) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                complaints,
            )
            conn.executemany(
                "INSERT INTO events (complaint_id, kind, status, event_on, logged_at, "
                "officer, note) VALUES (?, ?, ?, ?, ?, 'sampel', ?)",
                events,
            )
    register.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    register.close()


def _batches(register, count: int, size: int = 20_000):
    complaints: list[tuple] = []
    events: list[tuple] = []
    for complaint, history in _rows(register, count):
        complaints.append(complaint)
        events += history
        if len(complaints) == size:
            yield complaints, events
            complaints, events = [], []
    yield complaints, events


def _rows(register, count: int):
    classification = {c.code: c.classification for c in codes(register, "types")}
    due_on = due_date_rule(register)
    seqs: dict[int, int] = {}
    for complaint_id, item in enumerate(generate(count), start=1):
        draft = item.draft
        year = draft.received_on.year
        seqs[year] = seqs.get(year, 0) + 1
        received = draft.received_on.isoformat()
        status, answered_on = "diterima", None
        history = [
            (complaint_id, "dicatat", status, received, f"{received}T09:00:00", None)
        ]
        for after, step_status, note in item.steps:
            when = (draft.received_on + timedelta(days=after)).isoformat()
            if when <= AS_OF.isoformat():
                status = step_status
                answered_on = when if step_status == "selesai" else None
                history.append(
                    (complaint_id, "status", status, when, f"{when}T09:00:00", note)
                )
        complaint = (
            complaint_id, f"ADU-{year}-{seqs[year]:07d}", year, seqs[year], received,
            draft.channel, draft.type, classification[draft.type], draft.summary,
            draft.name, draft.contact, int(draft.confidential), draft.unit, status,
            due_on(draft.received_on).isoformat(), answered_on,
        )  # fmt: skip
        yield complaint, history


def register_path(count: int) -> Path:
    path = CACHE / f"report-history-{count}.db"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build(partial, count)
        partial.rename(path)
        print(f"built {path} in {time.perf_counter() - started:.1f} s")
    return path


def report_queries(path: Path, as_of: date) -> str:
    """The SQL the report runs, with its values bound, as one script."""
    register = open_register(path)
    statements: list[str] = []
    register.conn.set_trace_callback(statements.append)
    reporting.build_context(register, Period.of_year(YEAR), as_of)
    register.close()
    return "".join(f"{sql.strip()};\n" for sql in statements if sql.strip())


def timed(command: list[str], runs: int, stdin: str | None = None) -> float:
    """Median wall time in seconds of ``runs`` runs after one warm-up."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(
            command,
            input=stdin,
            text=True,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times[1:])


def measure(path: Path, as_of: date, runs: int) -> dict[str, float]:
    """The report as of ``as_of``, and its floors, in seconds."""
    monev = shutil.which("monev") or str(Path(sys.executable).parent / "monev")
    out = CACHE / "report.html"
    report = timed(
        [monev, "--db", str(path), "report", "--year", str(YEAR), "--format",
         "html", "--as-of", as_of.isoformat(), "--output", str(out)],
        runs,
    )  # fmt: skip
    script = report_queries(path, as_of)
    return {
        "report": report,
        "shell": timed(["sqlite3", str(path)], runs, stdin=script),
        "python": timed([sys.executable, "-c", _BARE, str(path)], runs, stdin=script),
        "queries": script.count(";\n"),
        "bytes": os.path.getsize(out),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    path = register_path(options.count)
    print(f"complaints: {options.count:,}")
    last = None
    for as_of in (AS_OF, *PAST_DAYS):
        found = measure(path, as_of, options.runs)
        last = last or found["report"]
        print(
            f"monev report --year {YEAR} --format html --as-of {as_of}: "
            f"{found['report'] * 1000:.0f} ms ({found['queries']} statements, "
            f"{found['bytes']:,} bytes; ratio to the register's last day "
            f"{found['report'] / last:.2f})"
        )
        for name, label in (("shell", "sqlite3 shell"), ("python", "python sqlite3")):
            print(
                f"  floor, {label}, same SQL: {found[name] * 1000:.0f} ms "
                f"(ratio {found['report'] / found[name]:.2f})"
            )


_BARE = (
    "import sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1])\n"
    "for sql in sys.stdin.read().split(';\\n'):\n"
    "    sql.strip() and conn.execute(sql).fetchall()\n"
)


if __name__ == "__main__":
    main()
