"""The overdue report: what a cron job mails every morning."""

import pytest
from conftest import AS_OF

from monev_cli.commands import overdue as commands
from monev_cli.register import open_register
from monev_cli.register.overdue import (
    COUNT_SQL,
    LINE_COLUMNS,
    OVERDUE,
    ROW_COLUMNS,
    listing_sql,
)


def overdue(monev, *args: str):
    return monev("overdue", *args)


def test_nothing_overdue_prints_nothing(monev):
    monev.record(date="2023-01-02")  # due 2023-02-01
    result = overdue(monev, "--as-of", "2023-02-01")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert monev.ok("overdue", "--as-of", "2023-02-01", "--count") == "0\n"
    assert monev.ok("overdue", "--as-of", "2023-02-01", "--json") == "[]\n"


def test_an_empty_register_has_nothing_overdue(monev):
    assert monev.ok("overdue", "--as-of", AS_OF, "--exit-code") == ""


def test_overdue_from_the_day_after_the_due_date(monev):
    monev.record(date="2023-01-02", unit="Bidang PPPA")
    assert monev.ok("overdue", "--as-of", "2023-02-02") == (
        "ADU-2023-0001\t2023-01-02\t1 day late\tfacebook\tBidang PPPA\t"
        "Tanya syarat PKH\n"
    )
    assert monev.ok("overdue", "--as-of", "2023-02-02", "--count") == "1\n"


def test_oldest_first_one_line_each_without_done_or_voided(monev):
    monev.record(date="2023-03-01", summary="Kedua")
    monev.record(date="2023-01-02", summary="Pertama\n\tdua baris", channel="langsung")
    monev.record(date="2023-02-01", summary="Selesai")
    monev.record(date="2023-02-02", summary="Batal")
    monev.record(date="2023-02-03", summary="Diproses")
    monev.ok(
        "update", "ADU-2023-0003", "--status", "selesai", "--note", "Dijawab",
        "--date", "2023-02-10", "--as-of", AS_OF,
    )  # fmt: skip
    monev.ok("void", "ADU-2023-0004", "--reason", "Ganda", "--as-of", AS_OF)
    monev.ok(
        "update", "ADU-2023-0005", "--status", "proses", "--date", "2023-02-04",
        "--as-of", AS_OF,
    )  # fmt: skip
    assert monev.ok("overdue", "--as-of", "2023-04-01") == (
        "ADU-2023-0002\t2023-01-02\t59 days late\tlangsung\t-\tPertama dua baris\n"
        "ADU-2023-0005\t2023-02-03\t27 days late\tfacebook\t-\tDiproses\n"
        "ADU-2023-0001\t2023-03-01\t1 day late\tfacebook\t-\tKedua\n"
    )
    assert monev.ok("overdue", "--as-of", "2023-04-01", "--count") == "3\n"


def test_reopened_complaints_are_overdue_again(monev):
    monev.record(date="2023-01-02")
    monev.ok(
        "update", "ADU-2023-0001", "--status", "selesai", "--note", "Dijawab", "--date",
        "2023-01-20", "--as-of", AS_OF,
    )  # fmt: skip
    assert monev.ok("overdue", "--as-of", "2023-03-01", "--count") == "0\n"
    monev.ok(
        "update", "ADU-2023-0001", "--status", "proses", "--note", "Pengadu belum puas",
        "--date", "2023-02-20", "--as-of", AS_OF,
    )  # fmt: skip
    assert monev.ok("overdue", "--as-of", "2023-03-01", "--count") == "1\n"


def test_no_names_even_of_confidential_complaints(monev):
    monev.record(date="2023-01-02", name="Ni Made Ayu", contact="0812")
    monev.record("--confidential", date="2023-01-03", name="I Wayan Rahasia")
    out = monev.ok("overdue", "--as-of", AS_OF, "--json")
    assert "Ni Made" not in out and "Rahasia" not in out and "0812" not in out
    plain = monev.ok("overdue", "--as-of", AS_OF)
    assert "Ni Made" not in plain and "Rahasia" not in plain


def test_long_summaries_are_shortened_on_the_line_and_whole_in_json(monev):
    summary = "Bantuan " + "sangat " * 20 + "terlambat"
    monev.record(date="2023-01-02", summary=summary)
    line = monev.ok("overdue", "--as-of", "2023-02-02").rstrip("\n")
    shown = line.split("\t")[-1]
    assert len(shown) == 80 and shown.endswith(" sangat s…")
    assert monev.json("overdue", "--as-of", "2023-02-02")[0]["summary"] == summary


def test_json_for_scripts(monev):
    monev.record(date="2023-01-02", unit="Sekretariat")
    assert monev.json("overdue", "--as-of", "2023-02-04") == [
        {
            "kind": "overdue",
            "tracking_no": "ADU-2023-0001",
            "received_on": "2023-01-02",
            "due_on": "2023-02-01",
            "days_late": 3,
            "status": "diterima",
            "channel": "facebook",
            "unit": "Sekretariat",
            "summary": "Tanya syarat PKH",
        }
    ]
    assert monev.json("overdue", "--as-of", "2023-02-04", "--count") == {
        "as_of": "2023-02-04",
        "overdue": 1,
    }


def test_within_lists_due_soon_after_the_overdue(monev):
    monev.record(date="2023-01-02")  # due 02-01
    monev.record(date="2023-01-20")  # due 02-19
    monev.record(date="2023-01-22")  # due 02-21
    monev.record(date="2023-01-10")  # due 02-09
    monev.record(date="2023-01-23")  # due 02-22: outside
    assert monev.ok("overdue", "--as-of", "2023-02-19", "--within", "2") == (
        "ADU-2023-0001\t2023-01-02\t18 days late\tfacebook\t-\tTanya syarat PKH\n"
        "ADU-2023-0004\t2023-01-10\t10 days late\tfacebook\t-\tTanya syarat PKH\n"
        "ADU-2023-0002\t2023-01-20\tdue today\tfacebook\t-\tTanya syarat PKH\n"
        "ADU-2023-0003\t2023-01-22\tdue in 2 days\tfacebook\t-\tTanya syarat PKH\n"
    )
    assert [
        (item["kind"], item["days_late"])
        for item in monev.json("overdue", "--as-of", "2023-02-19", "--within", "2")
    ] == [("overdue", 18), ("overdue", 10), ("due_soon", 0), ("due_soon", -2)]
    assert monev.ok("overdue", "--as-of", "2023-02-19", "--within", "2", "--count") == (
        "2\n"
    )


def test_due_soon_never_counts_as_overdue(monev):
    monev.record(date="2023-01-20")  # due 02-19
    result = overdue(monev, "--as-of", "2023-02-18", "--within", "1", "--exit-code")
    assert (result.exit_code, result.stdout) == (
        0,
        "ADU-2023-0001\t2023-01-20\tdue in 1 day\tfacebook\t-\tTanya syarat PKH\n",
    )


@pytest.mark.parametrize("extra", [[], ["--count"], ["--json"]])
def test_exit_code_tells_whether_anything_is_overdue(monev, extra):
    monev.record(date="2023-01-02")
    late = overdue(monev, "--as-of", "2023-02-02", "--exit-code", *extra)
    assert late.exit_code == 1 and late.stdout and not late.stderr
    in_time = overdue(monev, "--as-of", "2023-02-01", "--exit-code", *extra)
    assert in_time.exit_code == 0
    assert overdue(monev, "--as-of", "2023-02-02", *extra).exit_code == 0


def test_working_days_are_read_from_the_stored_due_date(monev):
    monev.ok("settings", "set", "response_unit", "working", "--from", "2023-01-01")
    monev.ok("settings", "set", "response_days", "5", "--from", "2023-01-01")
    # Fri 14 April 2023; 19-21 and 24-25 April off for Idul Fitri: due 28 April.
    monev.record(date="2023-04-14")
    assert monev.ok("overdue", "--as-of", "2023-04-28") == ""
    assert monev.ok("overdue", "--as-of", "2023-04-29") == (
        "ADU-2023-0001\t2023-04-14\t1 day late\tfacebook\t-\tTanya syarat PKH\n"
    )


def test_initial_response_limit(monev):
    monev.ok("settings", "set", "ack_days", "3", "--from", "2023-01-01")
    monev.record(date="2023-03-01")  # respond by 03-04, answer by 03-31
    monev.record(date="2023-03-02")
    monev.record(date="2023-01-02")  # answer overdue since 02-02
    monev.ok(
        "update",
        "ADU-2023-0002",
        "--status",
        "proses",
        "--date",
        "2023-03-03",
        "--as-of",
        AS_OF,
    )
    assert monev.ok("overdue", "--as-of", "2023-03-04") == (
        "ADU-2023-0003\t2023-01-02\t31 days late\tfacebook\t-\tTanya syarat PKH\n"
    )
    assert monev.ok("overdue", "--as-of", "2023-03-06") == (
        "ADU-2023-0003\t2023-01-02\t33 days late\tfacebook\t-\tTanya syarat PKH\n"
        "ADU-2023-0001\t2023-03-01\tno initial response, 2 days late\tfacebook\t-\t"
        "Tanya syarat PKH\n"
    )
    assert monev.ok("overdue", "--as-of", "2023-03-06", "--count") == "2\n"
    [ack] = [
        item
        for item in monev.json("overdue", "--as-of", "2023-03-06", "--within", "30")
        if item["kind"] == "no_response"
    ]
    assert (ack["kind"], ack["due_on"], ack["days_late"]) == (
        "no_response",
        "2023-03-04",
        2,
    )
    monev.ok(
        "update",
        "ADU-2023-0001",
        "--status",
        "proses",
        "--date",
        "2023-03-06",
        "--as-of",
        AS_OF,
    )
    assert monev.ok("overdue", "--as-of", "2023-03-06", "--count") == "1\n"


def test_a_terminal_gets_a_table_up_to_a_limit(monev, monkeypatch):
    monkeypatch.setattr(commands, "is_interactive", lambda: True)
    assert (
        monev.ok("overdue", "--as-of", AS_OF) == "Nothing is overdue on 2023-12-31.\n"
    )
    monev.record(date="2023-01-02")
    monev.record(date="2023-01-03")
    table = monev.ok("overdue", "--as-of", "2023-02-03")
    assert table.splitlines()[0].rstrip() == "Overdue on 2023-02-03"
    assert "\nADU-2023-0001  2023-01-02  2 days late  facebook" in table
    monkeypatch.setattr(commands, "TABLE_MAX", 1)
    assert monev.ok("overdue", "--as-of", "2023-02-03") == (
        "ADU-2023-0001\t2023-01-02\t2 days late\tfacebook\t-\tTanya syarat PKH\n"
        "ADU-2023-0002\t2023-01-03\t1 day late\tfacebook\t-\tTanya syarat PKH\n"
    )


def test_within_must_not_be_negative(monev):
    assert monev.fails("overdue", "--within", "-1", "--as-of", AS_OF) == (
        "Error: Invalid value for '--within': -1 is not in the range 0<=x<=365 "
        "(see 'monev overdue --help')"
    )


def plan(monev, sql: str, *params) -> list[str]:
    register = open_register(monev.db)
    return [row["detail"] for row in register.rows("EXPLAIN QUERY PLAN " + sql, params)]


def test_the_count_reads_the_partial_index_of_open_complaints(monev):
    """A query plan, pinned for a stated target: `overdue --count` at
    1,000,000 complaints <= 9x python (register/overdue.py's INDEXED BY)."""
    assert plan(monev, COUNT_SQL, AS_OF) == [
        "SEARCH complaints USING INDEX complaints_open_due (due_on<?)"
    ]


@pytest.mark.parametrize("columns", [ROW_COLUMNS, LINE_COLUMNS])
def test_the_list_reads_its_partial_index_alone_and_in_order(monev, columns):
    """A query plan, pinned for a stated target: the full `overdue` at
    1,000,000 complaints, which a sort of every open row would slow 3 times."""
    assert plan(monev, listing_sql(OVERDUE, columns), AS_OF) == [
        "SCAN complaints USING COVERING INDEX complaints_open_list"
    ]
