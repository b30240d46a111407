"""What choosing the language and loading its catalog adds to a command.

    python benchmarks/language_cost.py [runs]

Prints, in milliseconds (median of ``runs``):
- the language step alone, in process: reading --lang/--db, the register's
  profile, loading the catalog (gettext's cache emptied each time, as in a
  fresh process) and translating the help of the command tree;
- ``monev record`` as a whole process, in English and in Indonesian.
"""

import gettext
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import typer.main

from monev_cli.cli import app
from monev_cli.commands.language import localized


def language_step(args: list[str]) -> float:
    group = typer.main.get_command(app)
    gettext._translations.clear()  # what a fresh process starts with
    start = time.perf_counter()
    with localized(group, args):
        pass
    return (time.perf_counter() - start) * 1000


def whole_record(db: Path, env: dict, day: int) -> float:
    args = [
        sys.executable, "-m", "monev_cli", "--db", str(db), "record",
        "--date", f"2023-03-{day % 28 + 1:02d}", "--channel", "facebook",
        "--type", "informasi", "--summary", "Tanya syarat PKH", "--as-of", "2023-12-31",
    ]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def median(values) -> str:
    return f"{statistics.median(values):6.2f}"


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "register.db"
        subprocess.run(
            [sys.executable, "-m", "monev_cli", "--db", str(db), "init"],
            check=True,
            capture_output=True,
        )
        env = {k: v for k, v in os.environ.items() if k not in ("MONEV_LANG", "LANG")}
        base = ["--db", str(db), "record"]
        print("language step, in process (ms):")
        for label, args in [
            ("en, nothing set (profile read)", base),
            ("en, --lang en", ["--lang", "en", *base]),
            ("id, --lang id", ["--lang", "id", *base]),
        ]:
            print(f"  {label:<32}{median(language_step(args) for _ in range(runs))}")
        print("monev record, whole process (ms):")
        english, indonesian = [], []
        for day in range(runs):  # interleaved, so that both see the same load
            english.append(whole_record(db, env, day))
            indonesian.append(whole_record(db, {**env, "MONEV_LANG": "id"}, day))
        print(f"  {'en':<32}{median(english)}")
        print(f"  {'id (MONEV_LANG=id)':<32}{median(indonesian)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
