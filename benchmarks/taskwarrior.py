"""Taskwarrior holding the sample's complaints as tasks: a C++ command-line
register to compare monev with (``task add``, ``task overdue``)."""

import json
import os
import shutil
import subprocess
import uuid
from datetime import date, timedelta
from pathlib import Path

from registers import AS_OF, cached

from monev_cli.sample import generate

ADD = (
    "add", "Bantuan sosial belum diterima sejak tiga bulan",
    "project:Jaminan", "due:2025-03-02", "+langsung",
)  # fmt: skip
OVERDUE = ("overdue",)
TASKRC = (
    "data.location={data}\nconfirmation=off\nnews.version=2.6.0\n"
    # the defaults, less "override" (a line on every run naming TASKRC)
    "verbose=affected,blank,context,edit,header,footnote,label,new-id,project,"
    "special,sync,recur\n"
)


def installed() -> str | None:
    return shutil.which("task")


def cached_taskdata(size: int, cache_dir: Path) -> Path:
    """A Taskwarrior folder (taskrc and data) with ``size`` tasks, built once."""
    return cached(cache_dir, "taskwarrior", size, "", lambda path: _build(path, size))


def environment(folder: Path) -> dict[str, str]:
    """What makes ``task`` use ``folder`` and nothing of the user's own (the
    rest of the environment is kept: without HOME, Taskwarrior 2.6 crashes)."""
    return {
        **os.environ,
        "TASKRC": str(folder / "taskrc"),
        "TASKDATA": str(folder / "data"),
    }


def _build(folder: Path, size: int) -> None:
    (folder / "data").mkdir(parents=True)
    (folder / "taskrc").write_text(TASKRC.format(data=folder / "data"))
    tasks = folder / "tasks.json"
    tasks.write_text(json.dumps(list(_tasks(size))))
    subprocess.run(
        ["task", "import", str(tasks)],
        env=environment(folder),
        check=True,
        capture_output=True,
    )
    tasks.unlink()


def _tasks(size: int):
    """The sample's complaints as tasks: due 30 days after receipt, done once
    answered; the others are pending and, by now, overdue."""
    for number, item in enumerate(generate(size), start=1):
        draft = item.draft
        if draft.received_on > AS_OF:
            continue
        task = {
            "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"monev-bench/{number}")),
            "description": draft.summary,
            "project": (draft.unit or "").replace(" ", ""),
            "tags": [draft.channel],
            "entry": _stamp(draft.received_on),
            "due": _stamp(draft.received_on + timedelta(days=30)),
            "status": "pending",
        }
        done = [after for after, status, _ in item.steps if status == "selesai"]
        if done:
            task["status"] = "completed"
            task["end"] = _stamp(draft.received_on + timedelta(days=done[0]))
        yield task


def _stamp(day: date) -> str:
    return day.strftime("%Y%m%dT000000Z")
