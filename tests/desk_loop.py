"""One desk for the concurrency test, run as its own process:

    python desk_loop.py DB write NAME COUNT YEAR...   record COUNT complaints
    python desk_loop.py DB read STOPFILE CMD...       run each CMD until STOPFILE

Each command runs in-process through ``monev``'s own ``main`` (a process per
command would make the test slow); its ``Error:`` lines reach this process's
stderr exactly as a user would see them. A CMD is one string of arguments
separated by spaces. The last stdout line is a JSON summary.
"""

import contextlib
import io
import json
import sys
from pathlib import Path

import typer

from monev_cli.cli import app

AS_OF = "2023-12-31"
# Built once: typer rebuilds the whole command tree on every app() call.
MONEV = typer.main.get_command(app)


def run(db: str, args: list[str]) -> int:
    """One ``monev`` command; its exit status."""
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            MONEV.main(["--db", db, "--officer", "desk", *args], prog_name="monev")
        except SystemExit as done:
            return done.code or 0
    return 0


def write(db: str, name: str, count: int, years: list[str]) -> dict:
    failed = 0
    for index in range(count):
        year = years[index % len(years)]
        failed += bool(
            run(
                db,
                [
                    "record",
                    "--date",
                    f"{year}-06-01",
                    "--channel",
                    "langsung",
                    "--type",
                    "layanan",
                    "--summary",
                    f"{name} #{index}",
                    "--as-of",
                    AS_OF,
                ],
            )  # fmt: skip
        )
    return {"runs": count, "failed": failed}


def read(db: str, stop: Path, commands: list[str]) -> dict:
    runs = failed = 0
    while not stop.exists():
        for command in commands:
            failed += bool(run(db, [*command.split(), "--as-of", AS_OF]))
            runs += 1
    return {"runs": runs, "failed": failed}


def main(argv: list[str]) -> None:
    db, mode, *rest = argv
    if mode == "write":
        name, count, *years = rest
        summary = write(db, name, int(count), years)
    else:
        stop, *commands = rest
        summary = read(db, Path(stop), commands)
    print(json.dumps(summary))


if __name__ == "__main__":
    main(sys.argv[1:])
