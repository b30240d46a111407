"""The benchmark's verdicts and its plain-text table."""

import os
import platform
import shutil
import sqlite3


def environment(as_of: str, taskwarrior: str | None) -> dict:
    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "system": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "sqlite3_shell": bool(shutil.which("sqlite3")),
        "taskwarrior": bool(taskwarrior),
        "as_of": as_of,
    }


def judge(found: list[dict], specs: dict) -> list[dict]:
    """Each result with ``met``: True or False against its target, None where
    there is no target at that size or nothing to compare with."""
    by_name = {result["name"]: result for result in found}
    for result in found:
        spec = specs[result["name"]]
        result["met"] = None
        if result["status"] == "ok" and result["at"] == spec.at:
            result["met"] = _verdict(spec, result, by_name)
    return found


def _verdict(spec, result: dict, by_name: dict) -> bool | None:
    if spec.floor == "english":
        result["extra_ms"] = round(result["median_ms"] - result["floor_ms"], 1)
        return result["extra_ms"] <= spec.limit
    if spec.kind == "import":
        return result["rows_per_s"] >= spec.limit
    if spec.limit is not None:
        return result["ratio"] <= spec.limit
    rival = by_name.get("task-overdue", {}) if spec.name == "overdue" else {}
    if rival.get("status") == "ok":
        return result["median_ms"] < rival["median_ms"]
    return None


def render(report: dict) -> str:
    """The results as a table, then the command lines that were timed."""
    env = report["environment"]
    lines = [
        f"monev benchmark: Python {env['python']}, SQLite {env['sqlite']}, "
        f"{env['system']}, {env['cpus']} CPUs; median of {report['repeat']} "
        f"run(s) after a warm-up; --as-of {env['as_of']}",
        "wall time, with the CPU time (user + sys) of the process in brackets",
        "",
    ]
    header = ("name", "at", "median", "floor", "ratio", "target", "result")
    rows = [header] + [_cells(result) for result in report["results"]]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        lines.append("  ".join(cells).rstrip())
    lines += ["", "commands (REG: a copy of the cached register):"]
    shown: set[str] = set()
    for result in report["results"]:
        if "command" in result and result["name"] not in shown:
            shown.add(result["name"])
            lines.append(f"  {result['name']}: {' '.join(result['command'])}")
            if result["floor"]:
                lines.append(f"    floor: {' '.join(result['floor'])}")
    return "\n".join(lines)


def _cells(result: dict) -> tuple[str, ...]:
    at = f"{result['at']:,}" if result["at"] else "-"
    if result["status"] != "ok":
        why = f"{result['status']} ({result['reason']})"
        return (result["name"], at, why, "", "", result["target"], "")
    median = _timed(result["median_ms"], result["cpu_ms"])
    if "rows_per_s" in result:
        median += f", {result['rows_per_s']:,} rows/s"
    floor = ratio = "-"
    if "floor_ms" in result:
        floor = _timed(result["floor_ms"], result["floor_cpu_ms"])
        if "floor_rows_per_s" in result:
            floor += f", {result['floor_rows_per_s']:,} rows/s"
        ratio = f"{result['ratio']:.1f}x"
        if result["cpu_ms"] and result["floor_cpu_ms"]:
            ratio += f" (cpu {result['cpu_ms'] / result['floor_cpu_ms']:.1f}x)"
    if "extra_ms" in result:
        ratio += f", {result['extra_ms']:+.1f} ms"
    verdict = {True: "met", False: "MISSED", None: ""}[result["met"]]
    return (result["name"], at, median, floor, ratio, result["target"], verdict)


def _timed(wall_ms: float, cpu_ms: float | None) -> str:
    cpu = f" (cpu {_duration(cpu_ms)})" if cpu_ms is not None else ""
    return _duration(wall_ms) + cpu


def _duration(ms: float) -> str:
    return f"{ms:.1f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"
