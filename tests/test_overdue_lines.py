"""The plain overdue report, written a batch of rows at a time: the same bytes
whatever the batch size and whatever white space the summaries hold."""

import itertools
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
from conftest import AS_OF

from monev_cli.commands import overdue as commands
from monev_cli.register import overdue as report

# Stored as typed (record keeps tabs and line breaks in a summary) or as an
# edit outside monev may leave them (spaces at the ends, an empty summary).
SUMMARIES = [
    "Pertama\n\tdua  baris",
    "Jalan rusak",
    "Spasi\u00a0keras dan\u3000ideografik\u2003em",
    " awal spasi",
    "Ada | pipa",
    "akhir spasi ",
    "",
    "Baris\u2028pemisah",
    "a" + " " * 50 + "b" * 100,
    "Lurus saja " * 9,
]
# What each shows on its line: one line, at most 80 characters.
SHOWN = [
    "Pertama dua baris",
    "Jalan rusak",
    "Spasi keras dan ideografik em",
    "awal spasi",
    "Ada | pipa",
    "akhir spasi",
    "",
    "Baris pemisah",
    "a " + "b" * 77 + "…",
    ("Lurus saja " * 9)[:79] + "…",
]


def store_summaries(monev, summaries: list[str]) -> None:
    """One complaint a summary, received a day apart from 2023-01-02; the
    summaries written straight into the register, as another tool might."""
    for day, _summary in enumerate(summaries, start=2):
        monev.record(date=f"2023-01-{day:02d}", summary="Sementara")
    with closing(sqlite3.connect(monev.db)) as conn, conn:
        conn.executemany(
            "UPDATE complaints SET summary = ? WHERE seq = ?",
            [(summary, seq) for seq, summary in enumerate(summaries, start=1)],
        )


def expected_lines(as_of_day: int, shown: list[str]) -> str:
    """The lines of complaints received on 2023-01-02, -03, ... (due 30 days
    later), overdue on 2023-02-``as_of_day``."""
    lines = []
    for seq, summary in enumerate(shown, start=1):
        late = as_of_day - seq
        days = "1 day late" if late == 1 else f"{late} days late"
        received = f"2023-01-{seq + 1:02d}"
        lines.append(
            f"ADU-2023-{seq:04d}\t{received}\t{days}\tfacebook\t-\t{summary}\n"
        )
    return "".join(lines)


@pytest.mark.parametrize("batch", [1, 3, 2000])
def test_lines_are_the_same_whatever_the_summaries_and_the_batch_size(
    monev, monkeypatch, batch
):
    store_summaries(monev, SUMMARIES)
    monkeypatch.setattr(report, "BATCH", batch)
    assert monev.ok("overdue", "--as-of", "2023-02-28") == expected_lines(28, SHOWN)
    assert [item["summary"] for item in monev.json("overdue", "--as-of", AS_OF)] == (
        SUMMARIES
    )


@pytest.mark.parametrize("batch", [1, 2, 5])
def test_sections_and_counts_hold_across_batches(monev, monkeypatch, batch):
    monev.ok("settings", "set", "ack_days", "3", "--from", "2023-01-01")
    monev.record(date="2023-01-02", summary="Lama\nsekali")  # answer due 02-01
    monev.record(date="2023-01-03")  # answer due 02-02
    monev.record(date="2023-02-01", summary="Belum  disapa")  # ack due 02-04
    monev.record(date="2023-02-02")  # ack due 02-05
    monev.ok(
        "update",
        "ADU-2023-0004",
        "--status",
        "proses",
        "--date",
        "2023-02-03",
        "--as-of",
        AS_OF,
    )  # acknowledged: due soon only
    monkeypatch.setattr(report, "BATCH", batch)
    args = ("overdue", "--as-of", "2023-02-06", "--within", "30", "--exit-code")
    result = monev(*args)
    assert (result.exit_code, result.stdout) == (
        1,
        "ADU-2023-0001\t2023-01-02\t5 days late\tfacebook\t-\tLama sekali\n"
        "ADU-2023-0002\t2023-01-03\t4 days late\tfacebook\t-\tTanya syarat PKH\n"
        "ADU-2023-0003\t2023-02-01\tno initial response, 2 days late\tfacebook\t-\t"
        "Belum disapa\n"
        "ADU-2023-0004\t2023-02-02\tdue in 26 days\tfacebook\t-\tTanya syarat PKH\n",
    )
    assert monev.ok("overdue", "--as-of", "2023-02-06", "--count") == "3\n"
    assert [
        (item["kind"], item["due_on"])
        for item in monev.json("overdue", "--as-of", "2023-02-06", "--within", "30")
    ] == [
        ("overdue", "2023-02-01"),
        ("overdue", "2023-02-02"),
        ("no_response", "2023-02-04"),
        ("due_soon", "2023-03-04"),
    ]
    # Only due soon: nothing overdue, exit code 0, every batch of them listed.
    result = monev("overdue", "--as-of", "2023-01-03", "--within", "30", "--exit-code")
    assert (result.exit_code, len(result.stdout.splitlines())) == (0, 2)


@pytest.mark.parametrize("batch", [1, 2000])
def test_the_table_limit_counts_rows_across_batches(monev, monkeypatch, batch):
    monkeypatch.setattr(commands, "is_interactive", lambda: True)
    monkeypatch.setattr(commands, "TABLE_MAX", 2)
    monkeypatch.setattr(report, "BATCH", batch)
    store_summaries(monev, SUMMARIES[:2])
    table = monev.ok("overdue", "--as-of", "2023-02-10")
    assert "\nADU-2023-0002  2023-01-03  8 days late  facebook" in table
    assert (
        "\nADU-2023-0001  2023-01-02  9 days late  facebook  -     Pertama dua "
        in table
    )
    monev.record(date="2023-01-04")
    assert monev.ok("overdue", "--as-of", "2023-02-10") == expected_lines(
        10, [*SHOWN[:2], "Tanya syarat PKH"]
    )


def test_no_white_space_but_the_plain_space_is_printable():
    """What lets one look at a batch stand for collapsing each summary."""
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert len(spaces) > 20
    assert [char for char in spaces if char.isprintable()] == [" "]


def test_a_batch_is_single_spaced_only_when_collapsing_changes_nothing():
    """The whole-batch check that lets the full `overdue` at 1,000,000 skip
    collapsing each summary (its target: formatted once a row, faster than
    taskwarrior) must never pass a summary that collapsing would change."""
    pieces = ["a", "b", " ", "\t", "\n", "\u00a0", "|", "\u3000"]
    texts = [
        "".join(chars)
        for size in range(4)
        for chars in itertools.product(pieces, repeat=size)
    ]
    single = [text for text in texts if " ".join(text.split()) == text and text]
    assert {"a", "a b", "|", "a |"} <= set(single)
    for first, second in itertools.product(texts[::7], texts[::5]):
        if commands._single_spaced([first, second]):
            assert first in single and second in single
    assert all(commands._single_spaced([text, "x y"]) for text in single)


def test_a_reader_that_goes_away_stops_the_report_quietly(monev):
    """``monev overdue | head -1``: the rest is not written, no traceback."""
    with closing(sqlite3.connect(monev.db)) as conn, conn:
        conn.executemany(
            "INSERT INTO complaints (tracking_no, year, seq, received_on, channel, "
            "type, classification, summary, status, due_on) VALUES "
            "(?, 2023, ?, '2023-01-02', 'facebook', 'informasi', 'informatif', "
            "'Tanya syarat PKH', 'diterima', '2023-02-01')",
            [(f"ADU-2023-{seq:05d}", seq) for seq in range(1, 6001)],
        )
    command = [sys.executable, "-m", "monev_cli", "--db", str(monev.db)]
    with subprocess.Popen(
        [*command, "overdue", "--as-of", AS_OF],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        first = process.stdout.readline()
        process.stdout.close()
        assert process.wait(timeout=30) == 1
        assert process.stderr.read() == b""
    assert first.startswith(b"ADU-2023-00001\t2023-01-02\t333 days late\t")
