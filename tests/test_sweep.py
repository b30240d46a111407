"""A generated sweep over monev's real command line (issue 16).

The commands and their options are read from the Typer/click app itself,
so a command added later is swept without a line changed here. Each case
is a command line mixing valid values with hostile ones (empty, huge, far
dates, markup, long names, broken files, the register's own files), run in
process against a copy of a small register. For every case: no traceback,
an exit status of 0, 1 or 2, and the register unchanged whenever the
command failed.

The normal suite runs a few hundred cases; ``MONEV_SWEEP=5000`` runs that
many, with a fresh random seed each time.
"""

import os
import random
import shutil
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import typer
from conftest import AS_OF, copy_register, register_digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from monev_cli.cli import app

LONG_RUN = int(os.environ.get("MONEV_SWEEP", "0"))
CASES = LONG_RUN or 300
CASE_SECONDS = 20


def leaf_commands() -> list[tuple[tuple[str, ...], object]]:
    """Every command the app runs, as (its words, its click command)."""
    found = []

    def walk(command, words):
        subcommands = getattr(command, "commands", None)
        if subcommands is None:
            found.append((tuple(words), command))
            return
        for name in list(subcommands):
            walk(subcommands[name], [*words, name])

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = leaf_commands()

DATES = [AS_OF, "01/03/2023", "2023-06-30", "2100-12-31", "2000-01-01", "",
         " ", "9999-12-31", "0001-01-01", "1999-12-31", "2101-01-01",
         "2023-02-29", "31/31/2023", "2023-13-01", "kemarin", "2023-03-01T10:00",
         "\uff12\uff10\uff12\uff13-01-01", "-1"]  # fmt: skip
NUMBERS = ["2023", "30", "3", "1", "0", "-1", "2100", "2101", "9999",
           "99999999999999999999", "1e3", "", "dua"]  # fmt: skip
REFS = ["ADU-2023-0001", "adu-2023-1", "ADU-2023-0002", "ADU-2023-9999",
        "LAPOR-1", "1", "13", "", "ADU-9999-0001",
        "ADU-2023-" + "9" * 40]  # fmt: skip
TEXTS = ["facebook", "informasi", "langsung", "layanan", "selesai", "proses",
         "diterima", "informatif", "penyimpangan", "agency", "head_nip",
         "response_days", "response_unit", "working", "14", "penutup",
         "latar_belakang", "Bidang PPPA", "Tanya syarat PKH", "", " ", "x" * 5000,
         "[bold red]x[/]", "=HYPERLINK(\"http://x\")", "'; DROP TABLE complaints; --",
         "\u202eevil", "a\nb", "a\tb", "-", "--json", "\u00e9\u00e8", "{{ 7*7 }}",
         "%s%n", "\udcff", "x" * 300, "tiktok", "TikTok", "json", "xlsx", "csv",
         "open311", "md", "html", "+08:00", "Tanggal=received_on", "=", "id",
         "en"]  # fmt: skip
# Files by role: the test puts real paths in their place.
# The register's own files come thrice: what must never be written over.
REGISTER_FILES = ["@register", "@register-wal", "@register-shm",
                  "@link-to-register", "register.db"]  # fmt: skip
FILES = ["@new.csv", "@csv", "@json", "@templates", *REGISTER_FILES * 3, "@new",
         "@new.json", "@new.xlsx", "@folder", "@missing/x.db", "@long",
         "@devnull", "@pipe", "@bad.csv", "@deep.json", "@notutf8.txt", "@empty",
         "@bad-templates", "-", ""]  # fmt: skip
DATE_WORDS = ("date", "as_of", "from", "to", "since", "day", "received", "on")


def pool(param) -> tuple[list[str], int]:
    """The values worth trying for a parameter, from its type and name, and
    how many of them, at the start, are valid ones."""
    kind = getattr(param.type, "name", "")
    name = param.name or ""
    if kind == "choice":
        return [*param.type.choices, "bogus", ""], len(param.type.choices)
    if "int" in kind or kind in ("float", "integer range"):
        return NUMBERS, 4
    if kind == "path" or name in ("file", "dest", "folder", "output_file"):
        return FILES, 4
    words = set(name.split("_"))
    if words & set(DATE_WORDS) or name in DATE_WORDS:
        return DATES, 2
    if "ref" in words:
        return REFS, 3
    return TEXTS, 18


def value_for(rng: random.Random, param, hostile: bool) -> str:
    values, valid = pool(param)
    return rng.choice(values[valid:] if hostile else values[:valid])


def command_line(rng: random.Random) -> list[str]:
    """A command line drawn evenly from the commands and their options. Most
    lines hold one hostile value among valid ones, so that the checks behind
    the first are reached; some hold none, some nothing but hostile ones."""
    words, command = rng.choice(COMMANDS)
    chosen = [
        param
        for param in command.params
        if param.required or rng.random() < (0.95 if is_argument(param) else 0.5)
    ]
    valued = [param for param in chosen if not getattr(param, "is_flag", False)]
    mood = rng.random()
    if mood < 0.7 and valued:
        hostile = [rng.choice(valued)]
    else:
        hostile = valued if mood > 0.9 else []
    line = ["--lang", "id"] if rng.random() < 0.1 else []
    line += list(words)
    for param in chosen:
        if getattr(param, "is_flag", False):
            line.append(param.opts[0])
            continue
        value = value_for(rng, param, param in hostile)
        line += [value] if is_argument(param) else [rng.choice(param.opts), value]
    return line


def is_argument(param) -> bool:
    return param.param_type_name == "argument"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A small register and the files a command line may name."""
    root = tmp_path_factory.mktemp("sweep")
    master = root / "master.db"
    runner = CliRunner()
    ran = runner.invoke(app, ["--db", str(master), "sample", "--count", "40",
                              "--as-of", AS_OF])  # fmt: skip
    assert ran.exit_code == 0, ran.output
    runner.invoke(app, ["--db", str(master), "record", "--channel", "facebook",
                        "--type", "informasi", "--summary", "x", "--date",
                        "2023-06-01", "--external-ref", "LAPOR-1",
                        "--as-of", AS_OF])  # fmt: skip
    files = root / "files"
    files.mkdir()
    runner.invoke(app, ["--db", str(master), "export", "-o", str(files / "a.csv")])
    runner.invoke(app, ["--db", str(master), "export", "--format", "json", "-o",
                        str(files / "a.json")])  # fmt: skip
    (files / "bad.csv").write_text("Tanggal;Saluran\n" + "x" * 140_000)
    (files / "deep.json").write_text("[" * 50_000 + "]" * 50_000)
    (files / "notutf8.txt").write_bytes(b"\xff\xfe\x00x")
    (files / "empty").write_bytes(b"")
    (files / "templates").mkdir()
    (files / "bad-templates").mkdir()
    (files / "bad-templates" / "report.md.j2").write_text("{{ 1/0 }}")
    (files / "bad-templates" / "report.html.j2").write_text('{% extends "x" %}')
    pipe = files / "pipe"
    if hasattr(os, "mkfifo"):
        os.mkfifo(pipe)
        drain(pipe)
    return {"root": root, "master": master, "digest": register_digest(master),
            "files": files, "pipe": pipe}  # fmt: skip


def drain(pipe: Path) -> None:
    """A reader that is always there, so that writing into the pipe ends."""

    def read_forever():
        while True:
            with open(pipe, "rb") as reader:
                while reader.read(65536):
                    pass

    threading.Thread(target=read_forever, daemon=True).start()


def real_path(token: str, case: Path, world: dict) -> str:
    """The path a file token of FILES stands for in this case."""
    files, db = world["files"], case / "register.db"
    paths = {
        "@new": case / "out" / "new", "@new.csv": case / "out" / "new.csv",
        "@new.json": case / "out" / "new.json",
        "@new.xlsx": case / "out" / "new.xlsx", "@register": db,
        "@register-wal": f"{db}-wal", "@register-shm": f"{db}-shm",
        "@link-to-register": case / "link.db", "@folder": case / "out",
        "@missing/x.db": case / "missing" / "x.db", "@long": case / ("y" * 300),
        "@devnull": os.devnull, "@pipe": world["pipe"], "@csv": files / "a.csv",
        "@json": files / "a.json", "@bad.csv": files / "bad.csv",
        "@deep.json": files / "deep.json", "@notutf8.txt": files / "notutf8.txt",
        "@empty": files / "empty", "@templates": files / "templates",
        "@bad-templates": files / "bad-templates",
    }  # fmt: skip
    return str(paths.get(token, token))


def run_case(line: list[str], world: dict, case: Path):
    shutil.rmtree(case, ignore_errors=True)
    (case / "out").mkdir(parents=True)
    db = copy_register(world["master"], case / "register.db")
    os.symlink(db, case / "link.db")
    args = [real_path(arg, case, world) if arg.startswith("@") else arg
            for arg in line]  # fmt: skip
    os.chdir(case)  # a relative path names a file of the case
    with time_limit(CASE_SECONDS):
        result = CliRunner().invoke(
            app,
            ["--db", str(db), "--officer", "sweep", *args],
            input="",
            env={
                "MONEV_DB": None,
                "MONEV_OFFICER": None,
                "EDITOR": "true",
                "VISUAL": None,
                "MONEV_TEMPLATES": None,
            },  # fmt: skip
        )
    return result, db


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """A command that blocks (reading a pipe nobody writes) fails the case
    instead of hanging the suite."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(_signum, _frame):
        raise TimeoutError(f"the command ran over {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check(result, db: Path, world: dict, line: list[str]) -> None:
    said = f"{line}\nstdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-2000:]}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{said}\n{result.exception!r}") from result.exception
    assert "Traceback" not in result.stderr, said
    assert result.exit_code in (0, 1, 2), said
    after = register_digest(db)  # still a register, whatever the command did
    if result.exit_code != 0:
        assert after == world["digest"], said


@settings(
    max_examples=CASES,
    deadline=None,
    derandomize=not LONG_RUN,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(rng=st.randoms(use_true_random=True))
def test_sweep(world, rng):
    # Hypothesis gives the seed; the line is drawn evenly from it, since
    # Hypothesis's own draws favour the first values of every list.
    line = command_line(rng)
    case = world["root"] / "case"
    here = Path.cwd()
    try:
        result, db = run_case(line, world, case)
    finally:
        os.chdir(here)
    check(result, db, world, line)


PATH_PARAMETERS = [
    (words, command, param)
    for words, command in COMMANDS
    for param in command.params
    if pool(param)[0] is FILES
]


@pytest.mark.parametrize("token", REGISTER_FILES)
@pytest.mark.parametrize(
    ("words", "command", "param"),
    PATH_PARAMETERS,
    ids=[f"{' '.join(w)} {p.name}" for w, _c, p in PATH_PARAMETERS],
)
def test_no_path_reaches_the_register(world, words, command, param, token):
    """Every path a command takes, given each name of the register's files:
    the register keeps its content, whatever the command answers."""
    line = list(words)
    for other in command.params:
        value = token if other is param else pool(other)[0][0]
        if other.param_type_name == "argument":
            line.append(value)
        elif other is param or other.required:
            line += [other.opts[0], value]
    case = world["root"] / "case"
    here = Path.cwd()
    try:
        result, db = run_case(line, world, case)
    finally:
        os.chdir(here)
    check(result, db, world, line)
    assert register_digest(db) == world["digest"], (line, result.stdout)


@pytest.mark.parametrize("words", [words for words, _command in COMMANDS])
def test_every_command_has_help(fresh, words):
    result = fresh(*words, "--help")
    assert result.exit_code == 0, result.stderr
    assert "Usage:" in result.stdout and "Traceback" not in result.stderr


def test_the_sweep_finds_every_command():
    """The sweep reads the app: its commands are the table's, with their
    subcommands."""
    from monev_cli.commands.lazy import COMMANDS as TABLE

    assert {words[0] for words, _command in COMMANDS} == set(TABLE)
    assert ("holidays", "add") in {words for words, _command in COMMANDS}
