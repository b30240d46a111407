from conftest import AS_OF, close
from hypothesis import given
from hypothesis import strategies as st

from monev_cli.tallies import shares


def test_recap_counts_by_channel_type_and_status(reference):
    recap = reference.json("recap", "--year", "2023")
    assert recap["period"] == {"from": "2023-01-01", "to": "2023-12-31"}
    channels = {line["key"]: line["count"] for line in recap["channel"]["lines"]}
    assert list(channels)[:3] == ["website", "langsung", "facebook"]
    assert channels["facebook"] == 3 and sum(channels.values()) == 3
    assert len(channels) == 10  # every channel, zeros included
    assert recap["type"]["total"] == 3
    assert recap["status"]["lines"] == [
        {"key": "selesai", "label": "Selesai", "count": 3, "percent": 100.0},
        {"key": "proses", "label": "Proses", "count": 0, "percent": 0.0},
        {"key": "diterima", "label": "Diterima", "count": 0, "percent": 0.0},
    ]


def test_recap_tables_on_the_terminal(reference):
    out = reference.ok("recap", "--year", "2023")
    assert out.startswith("Complaints received 2023-01-01 to 2023-12-31\n\nBy channel")
    assert "\n 3  Facebook " in out
    assert "\n 1  Selesai       3   100.0%\n" in out
    assert "\n    Total         3   100.0%\n" in out


def test_recap_leaves_out_voided_and_other_periods(monev):
    monev.record(date="2023-06-01", type="layanan")
    voided = monev.record(date="2023-06-02", type="layanan")["tracking_no"]
    monev.ok("void", voided, "--reason", "Salah catat", "--as-of", AS_OF)
    monev.record(date="2022-12-31")
    recap = monev.json("recap", "--from", "2023-06-01", "--to", "2023-06-30")
    assert recap["type"]["total"] == 1
    assert recap["status"]["lines"][2] == {
        "key": "diterima",
        "label": "Diterima",
        "count": 1,
        "percent": 100.0,
    }


def test_recap_defaults_to_the_as_of_year(reference):
    recap = reference.json("recap", "--as-of", "2023-05-01")
    assert recap["period"] == {"from": "2023-01-01", "to": "2023-05-01"}


def test_shares_use_the_largest_remainders():
    assert shares([1, 1, 1]) == [33.4, 33.3, 33.3]
    assert shares([2, 1]) == [66.7, 33.3]
    assert shares([1, 0, 0]) == [100.0, 0.0, 0.0]
    assert shares([0, 0, 0]) == [0.0, 0.0, 0.0]
    assert shares([1, 1, 1, 1, 1, 1, 1]) == [14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 14.2]


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=12))
def test_shares_add_up_to_exactly_100(counts):
    tenths = [round(share * 10) for share in shares(counts)]
    total = sum(counts)
    assert sum(tenths) == (1000 if total else 0)
    for count, tenth in zip(counts, tenths, strict=True):
        exact = 1000 * count / total if total else 0
        assert abs(tenth - exact) < 1


def test_median_and_longest_days_to_answer(monev):
    from monev_cli import tallies
    from monev_cli.period import Period
    from monev_cli.register import open_register

    for received, answered in (("2023-01-02", "2023-01-03"),
                               ("2023-01-02", "2023-01-12"),
                               ("2023-03-01", "2023-03-06")):  # fmt: skip
        close(monev, monev.record(date=received)["tracking_no"], answered)
    monev.record(date="2023-04-01")  # still open: not part of the days
    register = open_register(monev.db)
    days = tallies.answer_days(register, Period.of_year(2023))
    assert (days.answered, days.median, days.longest) == (3, 5, 10)
    assert tallies.answer_days(register, Period.of_year(2022)).median is None


def test_the_counts_read_the_report_index_alone(monev):
    """A query plan, pinned for a stated target: the report's counts read the
    covering index alone, or `report` at 1,000,000 complaints misses its
    target (<= 3x sqlite3 running the same queries, benchmarks/run.py)."""
    from monev_cli import tallies
    from monev_cli.period import Period
    from monev_cli.register import open_register

    register = open_register(monev.db)
    statements: list[str] = []
    register.conn.set_trace_callback(statements.append)
    for count in (tallies.by_channel, tallies.by_type, tallies.by_status):
        count(register, Period.of_year(2023))
    register.conn.set_trace_callback(None)
    grouped = [sql for sql in statements if "GROUP BY" in sql]
    assert len(grouped) == 3
    for sql in grouped:
        plan = register.rows("EXPLAIN QUERY PLAN " + sql)
        assert "USING COVERING INDEX idx_complaints_report" in plan[0]["detail"]
