"""The benchmark (benchmarks/run.py) in small, so that it cannot rot: its fast
register builder stores what the sample stores, and a 10,000-complaint run
with one repetition gives the expected rows."""

import importlib
import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from monev_cli.register import create_register
from monev_cli.register.complaints import Stamp
from monev_cli.sample import fill

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def bench(monkeypatch):
    """The benchmark's modules, imported as run.py imports them."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return {name: importlib.import_module(name) for name in ("registers", "results")}


def table(path: Path, name: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall()
    finally:
        conn.close()


def test_the_fast_builder_stores_what_the_sample_stores(tmp_path, bench):
    registers = bench["registers"]
    as_of = date(2023, 12, 31)  # the sample runs to 2024: some are cut off
    slow = create_register(tmp_path / "slow.db")
    fill(slow, Stamp(registers.OFFICER, registers.LOGGED_AT, as_of), 400)
    slow.close()

    stored = registers.build(tmp_path / "fast.db", 400, as_of=as_of)

    assert stored == len(table(tmp_path / "slow.db", "complaints")) == 204
    for name in ("complaints", "events", "profile", "settings"):
        assert table(tmp_path / "fast.db", name) == table(tmp_path / "slow.db", name)
    conn = sqlite3.connect(tmp_path / "fast.db")
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


def test_the_cache_keeps_one_file_per_size_and_replaces_stale_ones(tmp_path, bench):
    registers = bench["registers"]
    made = []

    def make(path: Path) -> None:
        made.append(path.name)
        path.write_text("rows")

    stale = tmp_path / "import-10-000000000000.csv"
    stale.write_text("old")
    other_size = tmp_path / "import-100-000000000000.csv"
    other_size.write_text("kept")

    first = registers.cached(tmp_path, "import", 10, ".csv", make)
    again = registers.cached(tmp_path, "import", 10, ".csv", make)

    assert (
        first
        == again
        == tmp_path / f"import-10-{registers.cache_key('import', 10)}.csv"
    )
    assert made == ["import-10-partial.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [first.name, other_size.name]
    )


def test_a_small_run_gives_the_expected_rows(tmp_path, bench):
    argv = [
        sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "10000",
        "--repeat", "1", "--only", "help,record,overdue-count",
        "--cache", str(tmp_path / "cache"), "--json",
    ]  # fmt: skip
    run = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    found = {result["name"]: result for result in report["results"]}

    assert list(found) == ["help", "overdue-count", "record"]
    assert report["sizes"] == [10_000] and report["repeat"] == 1
    help_, record, count = found["help"], found["record"], found["overdue-count"]
    assert help_["status"] == record["status"] == "ok"
    assert help_["command"] == ["monev", "--help"]
    assert help_["floor"] == [Path(sys.executable).name, "-c", "pass"]
    assert record["at"] == 10_000
    assert record["command"][:6] == [
        "monev",
        "--db",
        "REG",
        "--officer",
        "benchmark",
        "record",
    ]
    assert record["command"][-2:] == ["--as-of", "2025-01-31"]
    for result in (help_, record):
        assert len(result["runs_ms"]) == 1
        assert result["ratio"] == pytest.approx(
            result["median_ms"] / result["floor_ms"], rel=0.01
        )
    assert help_["met"] is (help_["ratio"] <= 16)
    assert record["met"] is None  # its target is set at 100,000 complaints
    measured = count["status"] != "skipped"
    if not measured:  # until 'monev overdue' exists
        assert count["reason"] == "command not available" and count["at"] is None
    else:
        assert count["status"] == "ok" and count["ratio"] > 0

    text = bench["results"].render(report)
    lines = text.splitlines()
    assert lines[0].startswith("monev benchmark: Python ")
    assert lines[3].split() == [
        "name", "at", "median", "floor", "ratio", "target", "result"
    ]  # fmt: skip
    assert lines[4].split()[:2] == ["help", "-"]
    assert lines[5].split()[:2] == ["overdue-count", "10,000" if measured else "-"]
    assert lines[6].split()[:2] == ["record", "10,000"]
    assert "  record: monev --db REG --officer benchmark record --date" in text


def test_the_import_is_timed_beside_sqlite_storing_the_same_rows(tmp_path, bench):
    argv = [
        sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "1000",
        "--repeat", "1", "--only", "import", "--cache", str(tmp_path / "cache"),
        "--json",
    ]  # fmt: skip
    run = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    (found,) = report["results"]

    assert found["name"] == "import" and found["status"] == "ok"
    assert found["at"] == 1000 and found["met"] is None  # its target is at 100,000
    assert found["floor"] == [Path(sys.executable).name, "-c", "SCRIPT", "REG", "REG"]
    assert found["ratio"] == pytest.approx(
        found["median_ms"] / found["floor_ms"], rel=0.01
    )
    for key, ms in (("rows_per_s", "median_ms"), ("floor_rows_per_s", "floor_ms")):
        assert found[key] == round(1000 / (found[ms] / 1000))
    line = bench["results"].render(report).splitlines()[4]
    assert line.startswith("import  1,000  ")
    assert f"{found['floor_rows_per_s']:,} rows/s" in line


def test_the_import_floor_stores_the_rows_it_is_given(tmp_path, bench):
    run = importlib.import_module("run")
    stored = create_register(tmp_path / "stored.db")
    fill(stored, Stamp("bench", "2024-01-01T08:00:00+08:00", date(2023, 12, 31)), 30)
    stored.close()
    create_register(tmp_path / "empty.db").close()

    subprocess.run(
        [sys.executable, "-c", run.BARE_INSERT, *(str(tmp_path / name)
         for name in ("stored.db", "empty.db"))],
        check=True,
    )  # fmt: skip

    for name in ("complaints", "events"):
        rows = table(tmp_path / "empty.db", name)
        assert rows == table(tmp_path / "stored.db", name) != []


def test_the_consolidation_benchmark_runs_small(tmp_path):
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "consolidate.py"), "--agencies", "2",
         "--size", "200", "--small", "100", "--large", "400", "--repeat", "1",
         "--cache", str(tmp_path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert (found["status"], found["consolidate"], found["report"]) == (
        "ok", "2 x 200", "1 x 400",
    )  # fmt: skip
    assert found["ratio"] > 0 and len(found["peak_kib"]) == 3
