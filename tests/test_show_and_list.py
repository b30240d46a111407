import csv
import io

from conftest import AS_OF


def _three(monev):
    monev.record(date="2023-01-02", channel="langsung", type="layanan",
                 summary="Bantuan belum cair", unit="Bidang Jaminan Sosial",
                 )  # fmt: skip
    monev.record("--confidential", date="2023-02-10", name="Ni Luh Rahasia",
                 contact="0812000", summary="Dugaan pungutan", type="wewenang",
                 )  # fmt: skip
    monev.record(date="2022-12-01", channel="lapor", summary="Syarat KIS",
                 external_ref="LAPOR-4471", name="I Wayan Terbuka")  # fmt: skip
    monev.ok("update", "ADU-2023-0001", "--status", "selesai", "--note", "Cair",
             "--date", "2023-02-05", "--as-of", AS_OF)  # fmt: skip


def test_show_gives_due_date_and_history(monev):
    _three(monev)
    out = monev.ok("show", "ADU-2023-0001", "--as-of", AS_OF)
    assert "2023-02-01 (answered 4 days late)" in out
    assert "Bantuan belum cair" in out
    assert "Cair" in out and "tester" in out


def test_show_json_says_days_left_or_late(monev):
    _three(monev)

    def standing(as_of):
        shown = monev.json("show", "ADU-2023-0002", "--as-of", as_of)
        return shown["timeliness"], shown["days_late"], shown["timeliness_label"]

    assert standing("2023-03-01") == ("terbuka_dalam", -11, "11 days left")
    assert standing("2023-03-20") == ("terbuka_lewat", 8, "8 days late")


def test_confidential_identity_is_withheld_unless_asked(monev):
    _three(monev)
    hidden = monev.json("show", "ADU-2023-0002")
    assert (hidden["name"], hidden["contact"]) == (None, None)
    assert "Ni Luh Rahasia" not in monev.ok("show", "ADU-2023-0002")
    assert "Ni Luh Rahasia" not in monev.ok("list", "--as-of", AS_OF)
    shown = monev.json("show", "ADU-2023-0002", "--include-personal")
    assert (shown["name"], shown["contact"]) == ("Ni Luh Rahasia", "0812000")


def test_list_is_oldest_first(monev):
    _three(monev)
    listed = monev.json("list", "--as-of", AS_OF)
    assert [c["tracking_no"] for c in listed] == [
        "ADU-2022-0001",
        "ADU-2023-0001",
        "ADU-2023-0002",
    ]
    assert listed[0]["name"] == "I Wayan Terbuka"


def test_list_filters(monev):
    _three(monev)

    def numbers(*args):
        return [c["tracking_no"] for c in monev.json("list", *args)]

    assert numbers("--year", "2022") == ["ADU-2022-0001"]
    assert numbers("--status", "selesai") == ["ADU-2023-0001"]
    assert numbers("--status", "DITERIMA") == ["ADU-2022-0001", "ADU-2023-0002"]
    assert numbers("--from", "2023-01-03", "--to", "28/02/2023") == ["ADU-2023-0002"]
    assert numbers("--channel", "LAPOR") == ["ADU-2022-0001"]
    assert numbers("--type", "wewenang") == ["ADU-2023-0002"]
    assert numbers("--unit", "bidang jaminan sosial") == ["ADU-2023-0001"]
    assert numbers("--search", "pungutan") == ["ADU-2023-0002"]
    assert numbers("--search", "LAPOR-4471") == ["ADU-2022-0001"]


def test_list_filter_with_unknown_code(monev):
    assert monev.fails("list", "--status", "open") == (
        "Error: Unknown status 'open'. Valid: diterima, proses, selesai."
    )


def test_list_csv(monev):
    _three(monev)
    rows = list(csv.reader(io.StringIO(monev.ok("list", "--csv", "--as-of", AS_OF))))
    assert rows[0] == [
        "tracking_no", "received_on", "channel", "type", "status", "due_on",
        "timeliness", "unit", "name", "summary", "days_late", "timeliness_label",
    ]  # fmt: skip
    assert rows[2][:7] == [
        "ADU-2023-0001", "2023-01-02", "langsung", "layanan", "selesai",
        "2023-02-01", "terlambat",
    ]  # fmt: skip
    assert rows[2][10:] == ["4", "answered 4 days late"]
    assert rows[3][8] == ""


def test_list_plain_lines_when_piped(monev):
    _three(monev)
    lines = monev.ok("list", "--as-of", AS_OF).splitlines()
    assert len(lines) == 3
    assert lines[0].split("\t")[:5] == [
        "ADU-2022-0001", "2022-12-01", "lapor", "informasi", "diterima",
    ]  # fmt: skip


def test_list_empty_json(monev):
    assert monev.ok("list", "--json") == "[]\n"


def test_list_table_on_a_terminal_shows_markup_literally(monev, monkeypatch):
    monkeypatch.setattr("monev_cli.commands.complaints.is_interactive", lambda: True)
    monkeypatch.setenv("COLUMNS", "120")
    monev.record(summary="[bold]x[/bold]")
    assert "[bold]x[/bold]" in monev.ok("list", "--as-of", AS_OF)
