"""What choosing the language and loading its catalog adds to a command.

    python benchmarks/language_cost.py [runs]

Prints, in milliseconds (median of ``runs``):
- the language step alone, in process: reading --lang/--db, the register's
  profile, loading the catalog (gettext's cache emptied each time, as in a
  fresh process) and translating the help of the command tree;
- ``monev record`` as a whole process, in English and in Indonesian: wall
  time, and CPU time (user + system), which a busy machine disturbs less.
"""

import gettext
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import typer.main

from monev_cli.cli import app
from monev_cli.commands.language import localized
from monev_cli.i18n import LOCALE_VARIABLES


def language_step(args: list[str]) -> tuple[float, float]:
    group = typer.main.get_command(app)
    gettext._translations.clear()  # what a fresh process starts with
    start, cpu_start = time.perf_counter(), time.process_time()
    with localized(group, args):
        pass
    cpu = time.process_time() - cpu_start
    return (time.perf_counter() - start) * 1000, cpu * 1000


def whole_record(db: Path, env: dict, day: int) -> tuple[float, float]:
    args = [
        sys.executable, "-m", "monev_cli", "--db", str(db), "record",
        "--date", f"2023-03-{day % 28 + 1:02d}", "--channel", "facebook",
        "--type", "informasi", "--summary", "Tanya syarat PKH", "--as-of", "2023-12-31",
    ]  # fmt: skip
    cpu_before = _children_cpu()
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    wall = (time.perf_counter() - start) * 1000
    return wall, (_children_cpu() - cpu_before) * 1000


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def show(label: str, times: list[tuple[float, float]]) -> None:
    walls, cpus = zip(*times, strict=True)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(f"  {label:<32}{wall:6.2f}  {cpu:6.2f}")


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "register.db"
        subprocess.run(
            [sys.executable, "-m", "monev_cli", "--db", str(db), "init"],
            check=True,
            capture_output=True,
        )
        unset = ("MONEV_LANG", *LOCALE_VARIABLES)
        env = {k: v for k, v in os.environ.items() if k not in unset}
        base = ["--db", str(db), "record"]
        print(f"{'language step, in process (ms)':<34}{'wall':>6}  {'cpu':>6}")
        for label, args in [
            ("en, nothing set (profile read)", base),
            ("en, --lang en", ["--lang", "en", *base]),
            ("id, --lang id", ["--lang", "id", *base]),
        ]:
            show(label, [language_step(args) for _ in range(runs)])
        print(f"{'monev record, whole process (ms)':<34}{'wall':>6}  {'cpu':>6}")
        english, indonesian = [], []
        for day in range(runs):  # interleaved, so that both see the same load
            english.append(whole_record(db, env, day))
            indonesian.append(whole_record(db, {**env, "MONEV_LANG": "id"}, day))
        show("en", english)
        show("id (MONEV_LANG=id)", indonesian)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
