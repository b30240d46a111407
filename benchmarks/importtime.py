"""What a monev command spends on imports, by package.

Runs ``python -X importtime monev ARGS`` several times and keeps, for
each module, the smallest of its times (the least disturbed by other work on
the machine). Prints the totals by top-level package and the slowest modules:

    python benchmarks/importtime.py -- record --help
    python benchmarks/importtime.py --repeat 15 -- --db REG overdue --count
"""

import argparse
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--top", type=int, default=25, help="slowest modules shown")
    parser.add_argument("--depth", type=int, default=2, help="levels of the tree")
    parser.add_argument("args", nargs="*", help="monev's arguments (after --)")
    options = parser.parse_args(argv)
    self_us, total_us, depth = measure(options.args, options.repeat)
    print_tree(total_us, depth, options.depth)
    print_breakdown(self_us, total_us, depth, options.top)
    return 0


def measure(args: list[str], repeat: int):
    """Per module: the smallest self and cumulative times (us), and its depth."""
    self_us: dict[str, int] = {}
    total_us: dict[str, int] = {}
    depth: dict[str, int] = {}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(repeat + 1):  # the first run writes missing .pyc files
        run = subprocess.run(
            [sys.executable, "-X", "importtime", *_monev(), *args],
            capture_output=True,
            text=True,
            env=env,
        )
        for match in LINE.finditer(run.stderr):
            own, cumulative, indent, module = match.groups()
            self_us[module] = min(self_us.get(module, 10**9), int(own))
            total_us[module] = min(total_us.get(module, 10**9), int(cumulative))
            depth[module] = len(indent) // 2
    return self_us, total_us, depth


def _monev() -> list[str]:
    """The installed ``monev`` script, as a user runs it, else the module."""
    script = Path(sys.executable).parent / "monev"
    return [str(script)] if script.exists() else ["-m", "monev_cli"]


def print_tree(total_us, depth, levels: int) -> None:
    """The import tree to ``levels`` deep, in import order, cumulative times."""
    print("import tree (cumulative, smallest of the runs):")
    for module, cumulative in total_us.items():
        if depth[module] < levels and cumulative >= 500:
            print(f"  {cumulative / 1000:7.1f} ms  {'  ' * depth[module]}{module}")


def print_breakdown(self_us, total_us, depth, top: int) -> None:
    by_package: dict[str, int] = defaultdict(int)
    for module, own in self_us.items():
        by_package[module.split(".")[0]] += own
    everything = sum(self_us.values())
    print(f"\nall imports: {everything / 1000:.1f} ms (sum of the modules' own times)")
    print("\nby top-level package (own times summed):")
    for package, own in sorted(by_package.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {own / 1000:7.1f} ms  {package}")
    print("\nslowest modules (own time; cumulative at the top of their tree):")
    for module, own in sorted(self_us.items(), key=lambda kv: -kv[1])[:top]:
        note = (
            f"  (cumulative {total_us[module] / 1000:.1f})"
            if depth[module] == 0
            else ""
        )
        print(f"  {own / 1000:7.1f} ms  {module}{note}")


if __name__ == "__main__":
    sys.exit(main())
