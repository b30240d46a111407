"""Write the queries a monev command reads the register with, as SQL text.

    python benchmarks/capture_sql.py OUT.sql --db REG report --year 2024

The command runs in this process with every SQLite connection traced; each
SELECT it ran is written, parameters filled in, to OUT.sql. The benchmark
gives that file to the ``sqlite3`` shell: the floor under the command is the
same queries without Python.
"""

import io
import sqlite3
import sys
from contextlib import redirect_stdout, suppress


def capture(argv: list[str]) -> list[str]:
    statements: list[str] = []
    plain_connect = sqlite3.connect

    def traced_connect(*args, **kwargs):
        conn = plain_connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    sqlite3.connect = traced_connect
    from monev_cli.cli import app

    with redirect_stdout(io.StringIO()), suppress(SystemExit):
        app(argv, prog_name="monev")
    return [sql for sql in statements if _reads(sql)]


def _reads(sql: str) -> bool:
    return sql.lstrip().upper().startswith(("SELECT", "WITH"))


def main() -> int:
    out, *argv = sys.argv[1:]
    statements = capture(argv)
    with open(out, "w", encoding="utf-8") as file:
        for sql in statements:
            file.write(sql.strip().rstrip(";") + ";\n")
    return 0 if statements else 1


if __name__ == "__main__":
    sys.exit(main())
