"""The shortcuts a large import takes give what the plain way gives. Free-text
columns of an imported sheet are checked a whole column at a time; a column
with any cell that needs a closer look is checked cell by cell, so that every
text is taken, and refused, as a desk entry would be."""

import random
import sqlite3
from datetime import date

import pytest
from conftest import AS_OF
from test_import import HEADER, ROWS, excel_csv, listed

from monev_cli.importing.files import _first_lines
from monev_cli.importing.rows import Text
from monev_cli.register import bulk, create_register
from monev_cli.texts import clean_text

TRICKY = [
    "Tanya syarat PKH", "  spasi di tepi \t", "", "   ", "Jum'at pagi",
    "'=SUM(A1)", "'+62812", "'-", "'biasa", "baris satu\nbaris dua",
    "tab\tdi tengah", "\rcarriage", "bel\x07", "nul\x00", "nbsp\xa0sini",
    "\x85next line", "sur\udcffrogate", "x" * 200, "x" * 201, "y" * 4001,
]  # fmt: skip


@pytest.mark.parametrize("long", [False, True])
@pytest.mark.parametrize("required", [False, True])
def test_a_column_at_once_reads_as_each_cell_would(long, required):
    read = Text("summary", required=required, long=long)
    for cell in TRICKY:
        try:
            expected = [read(cell)]
        except Exception:  # refused: the column must be read cell by cell
            expected = None
        if expected is None:
            assert read.at_once([TRICKY[0], cell]) is None, repr(cell)
        else:
            found = read.at_once([cell])
            assert found in (None, expected), repr(cell)
    plain = ["Tanya syarat PKH", "  Alat bantu kurang ", "Jum'at pagi"]
    texts = ["Tanya syarat PKH", "Alat bantu kurang", "Jum'at pagi"]
    assert read.at_once(plain) == texts
    assert read.at_once(["", "x"]) == (None if required else [None, "x"])
    assert clean_text("  Alat bantu kurang ", "summary") == texts[1]


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


def test_the_first_lines_of_a_file_are_its_first_lines():
    rng = random.Random(7)
    pieces = ["a", "b;c", "\n", "\r\n", "\r", "\x0b", "\x85", "\u2028", "xy" * 900]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 300)))
        for count in (0, 1, 20):
            assert _first_lines(text, count) == text.splitlines()[:count]


def _incoming(day: int, tracking_no: str | None = None) -> bulk.Incoming:
    recorded = ("dicatat", "diterima", f"2023-01-{day:02d}", "2023-02-01", "x", None)
    return bulk.Incoming(
        day, date(2023, 1, day), "langsung", "informasi", "informatif", f"S{day}",
        "diterima", [recorded], tracking_no,
    )  # fmt: skip


@pytest.mark.parametrize("rows", [3, bulk.ROWS_PER_INSERT * 2 + 1])
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
