"""Reports, recaps and `show` as of their day: what had happened by the end of
the --as-of day, by the dates of the history (issue 17)."""

import sqlite3
from datetime import date

from conftest import AS_OF, close, fill_profile
from test_report import md_table

FIRST = "2023-09-30"  # the day the first report is taken as of
LATER = "2024-01-10T10:00:00+08:00"  # when the later entries are typed in


def history_entry(monev, ref: str, kind: str, on: str, **columns) -> None:
    """An entry of a kind whose command is not built yet (a restore, a
    correction), stored as that command stores it: the entry, and the
    complaint's columns changed to their new values."""
    field = columns.pop("field", None)
    conn = sqlite3.connect(monev.db)
    with conn:
        complaint_id, *olds = conn.execute(
            f"SELECT id{''.join(f', {c}' for c in columns)} FROM complaints "
            "WHERE tracking_no = ?",
            (ref,),
        ).fetchone()
        for (column, new), old in zip(columns.items(), olds, strict=True):
            conn.execute(
                f"UPDATE complaints SET {column} = ? WHERE id = ?", (new, complaint_id)
            )
            if field is not None:
                conn.execute(
                    "INSERT INTO events (complaint_id, kind, event_on, logged_at, "
                    "officer, note, field, old_value, new_value) "
                    "VALUES (?, ?, ?, ?, 'tester', 'Salah ketik', ?, ?, ?)",
                    (complaint_id, kind, on, LATER, column, old, new),
                )
        if field is None:
            conn.execute(
                "INSERT INTO events (complaint_id, kind, event_on, logged_at, officer, "
                "note) VALUES (?, ?, ?, ?, 'tester', 'Dipulihkan')",
                (complaint_id, kind, on, LATER),
            )
    conn.close()


def correct(monev, ref: str, on: str, **columns) -> None:
    history_entry(monev, ref, "koreksi", on, field=True, **columns)


def restore(monev, ref: str, on: str) -> None:
    history_entry(monev, ref, "pulih", on, voided=0, void_reason=None)


def update(monev, ref: str, status: str, on: str) -> None:
    monev.ok(
        "update", ref, "--status", status, "--note", "Ditangani", "--date", on,
        "--as-of", "2023-12-31",
    )  # fmt: skip


def register_of_2023(monev) -> dict[str, str]:
    """Five complaints typed in on the first report's day; one voided by then."""
    monev.now = f"{FIRST}T16:00:00+08:00"
    fill_profile(monev)
    refs = {}
    for key, day, channel, kind in (
        ("a", "2023-02-06", "facebook", "informasi"),
        ("b", "2023-05-10", "langsung", "layanan"),
        ("c", "2023-07-01", "telepon", "standar"),
        ("e", "2023-08-01", "website", "informasi"),
        ("f", "2023-09-01", "email", "informasi"),
    ):
        refs[key] = monev.record(date=day, channel=channel, type=kind)["tracking_no"]
    close(monev, refs["a"], "2023-03-01")
    update(monev, refs["b"], "proses", "2023-05-12")
    monev.ok(
        "void", refs["e"], "--reason", "Tercatat dua kali", "--as-of", "2023-08-05"
    )
    return refs


def later_changes(monev, refs: dict[str, str]) -> None:
    """Recorded, updated, closed, voided, restored and corrected, all dated
    after the first report's day."""
    monev.now = LATER
    refs["g"] = monev.record(date="2023-10-15", channel="facebook")["tracking_no"]
    update(monev, refs["c"], "proses", "2023-10-02")
    update(monev, refs["b"], "selesai", "2023-10-05")
    monev.ok("void", refs["f"], "--reason", "Bukan pengaduan", "--as-of", "2023-11-01")
    restore(monev, refs["e"], "2023-10-20")
    correct(monev, refs["a"], "2023-11-05", channel="instagram")
    # The classification and the due date that follow are corrected with them.
    correct(
        monev, refs["c"], "2023-11-06", type="disiplin", classification="penyimpangan"
    )
    correct(
        monev, refs["b"], "2023-11-07", received_on="2023-06-10", due_on="2023-07-10"
    )


def counts(text: str, number: int) -> dict[str, str]:
    return {row[1]: row[2] for row in md_table(text, number)[1:]}


def test_a_report_as_of_a_day_is_unchanged_by_everything_dated_later(monev):
    refs = register_of_2023(monev)
    report = ("report", "--year", "2023", "--as-of", FIRST)
    first = monev.ok(*report)
    first_html = monev.ok(*report, "--format", "html")
    first_recap = monev.json("recap", "--year", "2023", "--as-of", FIRST)
    later_changes(monev, refs)

    assert monev.ok(*report) == first
    assert monev.ok(*report, "--format", "html") == first_html
    assert monev.json("recap", "--year", "2023", "--as-of", FIRST) == first_recap
    assert "dalam kurun waktu Januari – 30 September 2023 terdapat 4 (empat)" in first
    assert counts(first, 3) == {
        "Selesai": "1", "Proses": "1", "Diterima": "2", "**Jumlah**": "**4**"
    }  # fmt: skip
    assert counts(first, 1)["Email"] == "1" and counts(first, 1)["Website"] == "0"

    now = monev.ok("report", "--year", "2023", "--as-of", "2024-01-15")
    channels = counts(now, 1)
    assert [channels[name] for name in ("Instagram", "Facebook", "Website", "Email")] \
        == ["1", "1", "1", "0"]  # fmt: skip
    assert channels["**Jumlah**"] == "**5**"
    assert counts(now, 2)["Pelanggaran disiplin"] == "1"
    assert counts(now, 3) == {
        "Selesai": "2", "Proses": "1", "Diterima": "2", "**Jumlah**": "**5**"
    }  # fmt: skip
    months = counts(now, 5)
    assert (months["Mei 2023"], months["Juni 2023"]) == ("0", "1")
    assert "dalam kurun waktu Januari – Desember 2023 terdapat 5 (lima)" in now


def test_a_complaint_answered_later_is_open_and_late_on_the_day(monev):
    monev.now = "2023-06-30T09:00:00+08:00"
    ref = monev.record(date="2023-03-01")["tracking_no"]
    close(monev, ref, "2023-06-15")
    timeliness = counts(
        monev.ok("report", "--year", "2023", "--as-of", "2023-05-01"), 4
    )
    assert timeliness["Belum selesai, melewati batas waktu"] == "1"
    assert timeliness["Dijawab melewati batas waktu"] == "0"
    later = counts(monev.ok("report", "--year", "2023", "--as-of", "2023-06-30"), 4)
    assert later["Dijawab melewati batas waktu"] == "1"


def test_entries_recorded_after_the_day_are_counted_in_one_sentence(monev):
    refs = register_of_2023(monev)
    report = ("report", "--year", "2023", "--as-of", FIRST)
    assert (
        "Seluruh data dalam laporan ini telah dicatat dalam register paling lambat "
        "tanggal 30 September 2023.\n" in monev.ok(*report)
    )
    monev.now = LATER
    monev.record(date="2023-09-20")  # typed in late: one entry
    update(monev, refs["c"], "proses", "2023-09-25")  # a backdated update: one more
    text = monev.ok(*report)
    assert (
        "Laporan ini memuat 2 (dua) entri riwayat pengaduan bertanggal paling "
        "lambat 30 September 2023 yang baru dicatat dalam register setelah tanggal "
        "tersebut.\n" in text
    )
    assert counts(text, 3)["**Jumlah**"] == "**5**"


def test_the_sample_as_of_past_days(monev, tmp_path):
    """The cases seen on the sample register: the 2023 status as of early 2024
    was not yet that of 2025; 2024 as of 3 June counts the 53 complaints
    received by then, not all 149; none of its entries was recorded late."""
    from conftest import Monev

    sample = Monev(tmp_path / "sample.db")
    sample.now = "2026-11-30T10:00:00+07:00"
    sample.ok("sample", "--as-of", "2025-01-31")
    early = sample.ok("report", "--year", "2023", "--as-of", "2024-01-05")
    late = sample.ok("report", "--year", "2023", "--as-of", "2025-01-31")
    assert [row[2] for row in md_table(early, 3)[1:]] == ["127", "12", "12", "**151**"]
    assert [row[2] for row in md_table(late, 3)[1:]] == ["131", "8", "12", "**151**"]
    assert "telah dicatat dalam register paling lambat tanggal 5 Januari 2024" in early
    june = sample.json("recap", "--year", "2024", "--as-of", "2024-06-03")
    assert (june["status"]["total"], june["period"]["to"]) == (53, "2024-06-03")
    whole = sample.json("recap", "--year", "2024", "--as-of", "2025-01-31")
    assert whole["status"]["total"] == 149


def test_a_running_period_is_reported_up_to_the_day(monev):
    fill_profile(monev)
    monev.now = "2024-12-31T09:00:00+08:00"
    for day in ("2024-02-01", "2024-06-03", "2024-06-04", "2024-11-01"):
        monev.ok(
            "record", "--date", day, "--channel", "facebook", "--type", "informasi",
            "--summary", "Tanya syarat PKH", "--as-of", "2024-12-31",
        )  # fmt: skip
    text = monev.ok("report", "--year", "2024", "--as-of", "2024-06-03")
    assert text.splitlines()[0].endswith("KABUPATEN KARANGASEM TAHUN 2024")
    assert "dalam kurun waktu Januari – 3 Juni 2024 terdapat 2 (dua) pengaduan" in text
    assert "Karangasem, Juni 2024  \nData per 3 Juni 2024\n" in text
    assert len(md_table(text, 5)) == 1 + 6 + 1  # January to June
    recap = monev.json("recap", "--year", "2024", "--as-of", "2024-06-03")
    assert recap["period"] == {"from": "2024-01-01", "to": "2024-06-03"}
    assert recap["status"]["total"] == 2


def test_a_period_not_begun_is_refused(monev):
    assert monev.fails("report", "--year", "2030", "--as-of", "2026-12-04") == (
        "Error: The period 2030-01-01 to 2030-12-31 has not begun on 2026-12-04: "
        "there is nothing to report yet. Give a later --as-of or an earlier period."
    )
    assert monev.fails(
        "recap", "--from", "2027-01-01", "--to", "2027-03-31", "--as-of", "2026-12-04"
    ).startswith("Error: The period 2027-01-01 to 2027-03-31 has not begun")


def test_show_as_of_a_day_shows_the_complaint_as_it_stood(monev):
    refs = register_of_2023(monev)
    later_changes(monev, refs)
    then = monev.json("show", refs["b"], "--as-of", FIRST)
    assert (then["received_on"], then["status"], then["answered_on"]) == (
        "2023-05-10", "proses", None
    )  # fmt: skip
    assert then["due_on"] == "2023-06-09"  # the due date of the first receipt
    assert [e["kind"] for e in then["events"]] == ["dicatat", "status"]
    now = monev.json("show", refs["b"], "--as-of", "2024-01-15")
    assert (now["received_on"], now["status"], now["due_on"]) == (
        "2023-06-10", "selesai", "2023-07-10"
    )  # fmt: skip
    typed = monev.json("show", refs["c"], "--as-of", FIRST)
    assert (typed["type"], typed["classification"]) == ("standar", "informatif")
    assert monev.json("show", refs["c"])["classification"] == "penyimpangan"
    assert monev.json("show", refs["e"], "--as-of", FIRST)["voided"] is True
    assert monev.json("show", refs["e"], "--as-of", "2023-10-20")["voided"] is False
    correct(monev, refs["a"], "2023-11-08", confidential=1)
    assert monev.json("show", refs["a"], "--as-of", FIRST)["confidential"] is False
    assert monev.json("show", refs["a"])["confidential"] is True
    table = monev.ok("show", refs["f"], "--as-of", FIRST)
    assert "voided" not in table and "Bukan pengaduan" not in table


def test_show_as_of_a_day_before_receipt_is_refused(monev):
    refs = register_of_2023(monev)
    later_changes(monev, refs)
    assert monev.fails("show", refs["g"], "--as-of", FIRST) == (
        f"Error: {refs['g']} was received on 2023-10-15, after {FIRST}: there is "
        "nothing to show as of that day. Give a later --as-of."
    )


def test_monev_now_sets_the_recording_clock(monev):
    monev.now = "2024-01-05T09:30:00+08:00"
    ref = monev.record()["tracking_no"]
    events = monev.json("show", ref)["events"]
    assert [event["logged_at"] for event in events] == ["2024-01-05T09:30:00+08:00"]
    monev.now = "kemarin"
    assert monev.fails("record", "--date", "2023-03-01", "--channel", "facebook",
                       "--type", "informasi", "--summary", "X", "--as-of", AS_OF) == (
        "Error: MONEV_NOW is 'kemarin', not a date and time such as "
        "2024-01-05T09:30:00+08:00: correct it or unset it."
    )  # fmt: skip


def test_the_period_text_of_a_running_period():
    from monev_cli.indonesian import running_period_text

    assert running_period_text(date(2024, 1, 1), date(2024, 6, 3)) == (
        "Januari \N{EN DASH} 3 Juni 2024"
    )
    assert running_period_text(date(2023, 11, 1), date(2024, 2, 1)) == (
        "November 2023 \N{EN DASH} 1 Februari 2024"
    )
    assert running_period_text(date(2024, 6, 1), date(2024, 6, 3)) == (
        "1 \N{EN DASH} 3 Juni 2024"
    )


def test_an_answer_imported_without_its_date_stays_undated_on_a_past_day(monev):
    """An answer whose date was never recorded (import --undated-answers)
    has no answer date on any day either, even read back from the history."""
    monev.now = "2023-03-01T09:00:00+08:00"
    ref = monev.record(date="2023-03-01")["tracking_no"]
    conn = sqlite3.connect(monev.db)
    with conn:
        conn.execute(
            "UPDATE complaints SET status = 'selesai' WHERE tracking_no = ?", (ref,)
        )
        conn.execute(
            "INSERT INTO events (complaint_id, kind, status, event_on, logged_at, "
            "officer, field) SELECT id, 'status', 'selesai', '2023-03-01', "
            "'2023-03-01T09:00:00+08:00', 'impor', 'answered_on' FROM complaints"
        )
    conn.close()
    monev.ok("note", ref, "Ditanyakan lagi", "--date", "2023-05-01", "--as-of", AS_OF)
    for day in ("2023-04-01", "2023-06-01"):  # read back; as it stands
        text = monev.ok("report", "--year", "2023", "--as-of", day)
        assert counts(text, 4)["Selesai, tanggal jawab tidak tercatat"] == "1"
