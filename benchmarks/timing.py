"""Timing whole processes: a command and its floor, run in turns so that both
see the same moment of a busy machine."""

import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no CPU times of children
    resource = None


@dataclass
class Run:
    """One program run: stdout goes to a pipe that is read to the end."""

    argv: list[str]
    env: dict[str, str]
    stdin: Path | None = None
    prepare: Callable[[], None] | None = None  # before each run, not timed

    def once(self) -> tuple[float, float | None, subprocess.CompletedProcess]:
        """(wall seconds, CPU seconds, the finished process)."""
        if self.prepare:
            self.prepare()
        stdin = self.stdin.open("rb") if self.stdin else subprocess.DEVNULL
        try:
            before = _children_cpu()
            start = time.perf_counter()
            done = subprocess.run(
                self.argv, stdin=stdin, capture_output=True, env=self.env
            )
            wall = time.perf_counter() - start
            after = _children_cpu()
        finally:
            if self.stdin:
                stdin.close()
        cpu = None if before is None else after - before
        return wall, cpu, done

    def shown_argv(self) -> list[str]:
        """The command line as a reader types it: programs and files by their
        names, REG for the register, SCRIPT for a script given with -c."""
        shown = [Path(self.argv[0]).name]
        for arg in self.argv[1:]:
            if arg.endswith(".db"):
                shown.append("REG")
            elif "\n" in arg:
                shown.append("SCRIPT")
            elif arg.startswith("/"):
                shown.append(Path(arg).name)
            else:
                shown.append(_quoted(arg))
        if self.stdin:
            shown += ["<", self.stdin.name]
        return shown


def paired(command: Run, floor: Run | None, repeat: int) -> dict:
    """Medians of ``repeat`` runs of the command, each after one of its floor,
    following one untimed warm-up of both."""
    turns = {"floor": floor, "command": command} if floor else {"command": command}
    walls: dict[str, list[float]] = {name: [] for name in turns}
    cpus: dict[str, list[float | None]] = {name: [] for name in turns}
    for turn in range(repeat + 1):
        for name, run in turns.items():
            wall, cpu, done = run.once()
            if done.returncode != 0:
                return _failed(done, name)
            if turn:
                walls[name].append(wall)
                cpus[name].append(cpu)
    result = {
        "status": "ok",
        "median_ms": _ms(walls["command"]),
        "cpu_ms": _ms(cpus["command"]),
        "runs_ms": [round(wall * 1000, 1) for wall in walls["command"]],
    }
    if floor:
        result["floor_runs_ms"] = [round(wall * 1000, 1) for wall in walls["floor"]]
        result["floor_ms"] = _ms(walls["floor"])
        result["floor_cpu_ms"] = _ms(cpus["floor"])
        result["ratio"] = round(result["median_ms"] / result["floor_ms"], 2)
    return result


def _failed(done: subprocess.CompletedProcess, which: str) -> dict:
    lines = done.stderr.decode(errors="replace").strip().splitlines()
    last = lines[-1] if lines else f"exit status {done.returncode}"
    return {"status": "failed", "reason": f"{which}: {last}"}


def _ms(seconds: list[float | None]) -> float | None:
    if not seconds or None in seconds:
        return None
    return round(statistics.median(seconds) * 1000, 1)


def _children_cpu() -> float | None:
    if resource is None:
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _quoted(arg: str) -> str:
    return f'"{arg}"' if " " in arg or not arg else arg
