"""An import takes and refuses every text as a desk entry would; storing is
all or nothing."""

import sqlite3
from datetime import date

import pytest
from conftest import AS_OF
from test_import import HEADER, ROWS, excel_csv, listed

from monev_cli.fields import STORED
from monev_cli.models import Incoming
from monev_cli.register import bulk, create_register


def test_texts_are_trimmed_unquoted_and_may_span_lines(monev, tmp_path):
    rows = [
        HEADER,
        [*ROWS[0][:2], "  Ni Made  ", "", *ROWS[0][4:6], "Baris satu\nbaris dua",
         *ROWS[0][7:]],
        [*ROWS[1][:6], "'=1+1", *ROWS[1][7:]],
    ]  # fmt: skip
    monev.ok("import", str(excel_csv(tmp_path / "t.csv", rows)), "--as-of", AS_OF)
    found = listed(monev, "--include-personal")
    assert [(c["summary"], c["name"], c["contact"]) for c in found] == [
        ("Baris satu\nbaris dua", "Ni Made", None),
        ("=1+1", None, None),
    ]


def test_a_bad_text_among_many_is_named_with_its_row(monev, tmp_path):
    many = [[str(n), *ROWS[2][1:6], f"Uraian {n}", *ROWS[2][7:]] for n in range(50)]
    many[20][6] = "Bunyi\x07bel"
    many[30][2] = "N" * 201
    path = excel_csv(tmp_path / "bad.csv", [HEADER, *many])
    result = monev("import", str(path), "--as-of", AS_OF)
    assert result.stderr.splitlines() == [
        "row 22 (Uraian): The summary holds a control character (U+0007): retype "
        "it as plain text.",
        "row 32 (Nama): The name is 201 characters long; at most 200 fit: shorten it.",
        "Error: Rejected 2 of 50 rows (listed above): nothing was imported. "
        "Correct them and import again.",
    ]
    assert listed(monev) == []


def _incoming(day: int, tracking_no: str | None = None) -> Incoming:
    recorded = ("dicatat", "diterima", f"2023-01-{day:02d}", "2023-02-01", "x", None)
    values = dict.fromkeys(field.name for field in STORED) | {
        "tracking_no": tracking_no,
        "received_on": date(2023, 1, day),
        "channel": "langsung",
        "type": "informasi",
        "classification": "informatif",
        "summary": f"S{day}",
        "status": "diterima",
        "confidential": False,
        "voided": False,
    }
    return Incoming(where=day, values=values, events=(recorded,))


@pytest.mark.parametrize("rows", [3, 101])
def test_storing_alone_is_all_or_nothing(tmp_path, rows):
    # The import stores inside its own transaction; store() called outside
    # one opens its own: the last row stored (the latest), refused, undoes
    # the rows that statements before its own stored.
    register = create_register(tmp_path / "r.db")
    clash = [_incoming(day % 28 + 1) for day in range(rows - 2)]
    clash += [_incoming(28, "ADU-2023-0999"), _incoming(28, "ADU-2023-0999")]
    with pytest.raises(sqlite3.IntegrityError):
        bulk.store(register, clash)
    count = "SELECT (SELECT COUNT(*) FROM complaints), (SELECT COUNT(*) FROM events)"
    assert tuple(register.conn.execute(count).fetchone()) == (0, 0)
    assert bulk.store(register, clash[:-1]) == rows - 1
    assert tuple(register.conn.execute(count).fetchone()) == (rows - 1, rows - 1)
    assert not register.conn.in_transaction
    register.close()
