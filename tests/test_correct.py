"""monev correct: a field typed wrongly is put right, and the history keeps
the old value, the new one, the officer, the day and the reason."""

import json
import re
import sqlite3
from contextlib import closing

import pytest
from conftest import AS_OF, Monev, identity_left_out, register_digest

REASON = ("--reason", "salah ketik", "--as-of", AS_OF)


def correct(monev, ref: str, *args: str) -> dict:
    return monev.json("correct", ref, *args, *REASON)


def test_a_mistyped_unit_is_corrected_everywhere(monev):
    monev.record(unit="Bidang Jaminan Sosial")
    monev.record(unit="Bidang Jaminan Sosal")
    corrected = correct(monev, "ADU-2023-0002", "--unit", "Bidang Jaminan Sosial")
    assert corrected["unit"] == "Bidang Jaminan Sosial"
    assert monev.json("list", "--unit", "Bidang Jaminan Sosal") == []
    assert len(monev.json("list", "--unit", "Bidang Jaminan Sosial")) == 2
    entry = corrected["events"][-1]
    del entry["logged_at"]
    assert entry == {
        "kind": "koreksi", "event_on": AS_OF, "officer": "tester", "status": None,
        "note": "salah ketik", "field": "unit", "old_value": "Bidang Jaminan Sosal",
        "new_value": "Bidang Jaminan Sosial",
    }  # fmt: skip


def test_the_confirmation_names_what_changed(monev):
    monev.record(type="informasi")
    out = monev.ok("correct", "adu-2023-1", "--type", "disiplin", "--channel",
                   "lapor", *REASON)  # fmt: skip
    assert out == (
        "Corrected ADU-2023-0001: Channel, Type, Classification. The answer is "
        "due by 2023-03-31.\n"
    )


def test_a_new_type_brings_its_classification(monev):
    monev.record(type="informasi")
    corrected = correct(monev, "ADU-2023-0001", "--type", "wewenang")
    assert (corrected["type"], corrected["classification"]) == (
        "wewenang",
        "penyimpangan",
    )
    assert [(e["field"], e["old_value"], e["new_value"]) for e in
            corrected["events"][1:]] == [
        ("type", "informasi", "wewenang"),
        ("classification", "informatif", "penyimpangan"),
    ]  # fmt: skip


def test_a_classification_given_stands(monev):
    monev.record(type="informasi")
    corrected = correct(
        monev, "ADU-2023-0001", "--type", "wewenang", "--classification", "informatif"
    )
    assert corrected["classification"] == "informatif"


def test_reports_count_the_corrected_channel(monev):
    monev.record(channel="facebook")
    correct(monev, "ADU-2023-0001", "--channel", "lapor")
    recap = monev.json("recap", "--year", "2023")
    channels = {line["key"]: line["count"] for line in recap["channel"]["lines"]}
    assert (channels["lapor"], channels["facebook"]) == (1, 0)


def test_a_corrected_date_takes_the_due_date_of_its_own_rules(monev):
    monev.ok("settings", "set", "response_days", "14", "--from", "2023-06-01")
    monev.record(date="2023-05-30")  # under 30 days: due 2023-06-29
    corrected = correct(monev, "ADU-2023-0001", "--date", "02/06/2023")
    assert (corrected["received_on"], corrected["due_on"]) == (
        "2023-06-02",
        "2023-06-16",
    )
    assert [e["field"] for e in corrected["events"][1:]] == ["received_on", "due_on"]
    assert monev.ok("check").startswith("Checked ")


def test_a_corrected_date_cannot_come_after_the_history(monev):
    monev.record(date="2023-03-01")
    monev.ok("update", "ADU-2023-0001", "--status", "proses", "--date",
             "2023-03-10", "--as-of", AS_OF)  # fmt: skip
    before = register_digest(monev.db)
    assert monev.fails("correct", "ADU-2023-0001", "--date", "2023-03-11", *REASON) == (
        "Error: The received date 2023-03-11 would come after the 'status' entry "
        "of 2023-03-10 in the history of ADU-2023-0001: give a date on or before "
        "2023-03-10."
    )
    assert register_digest(monev.db) == before
    later = correct(monev, "ADU-2023-0001", "--date", "2023-03-10")
    assert later["received_on"] == "2023-03-10"
    assert monev.ok("check").startswith("Checked ")


def test_the_tracking_number_keeps_its_year(monev):
    monev.record(date="2023-01-02")
    corrected = correct(monev, "ADU-2023-0001", "--date", "2022-12-30")
    assert (corrected["tracking_no"], corrected["received_on"]) == (
        "ADU-2023-0001",
        "2022-12-30",
    )
    assert monev.ok("check").startswith("Checked ")
    assert monev.record(date="2023-02-01")["tracking_no"] == "ADU-2023-0002"
    assert monev.record(date="2022-02-01")["tracking_no"] == "ADU-2022-0001"


def test_check_still_finds_a_year_no_correction_explains(monev):
    monev.record(date="2023-01-02")
    monev.record(date="2023-01-03")
    correct(monev, "ADU-2023-0001", "--date", "2022-12-30")
    with closing(sqlite3.connect(monev.db)) as conn, conn:
        conn.execute("UPDATE complaints SET received_on = '2022-12-31' WHERE seq = 2")
    result = monev("check")
    assert result.stdout == (
        "tracking_no: ADU-2023-0002 does not match its year 2023, number 2 and "
        "received date 2022-12-31\n"
    )


def test_empty_clears_an_optional_field(monev):
    monev.record(unit="Sekretariat", external_ref="LPR-1")
    corrected = correct(monev, "ADU-2023-0001", "--unit", "", "--external-ref", "")
    assert (corrected["unit"], corrected["external_ref"]) == (None, None)
    assert corrected["events"][-1]["old_value"] == "LPR-1"
    assert corrected["events"][-1]["new_value"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Error: Say what to correct: give one or more of --date, --channel, "
             "--type, --classification, --unit, --name, --contact, --external-ref, "
             "--summary."),
        (("--unit", "Sekretariat"), "Error: ADU-2023-0001 already has these "
             "values: nothing was changed."),
        (("--summary", " "), "Error: The summary is empty: type it in."),
        (("--channel", "tiktok"), "Error: Unknown channel 'tiktok'. Valid "
             "channels: website, langsung, facebook, telepon, instagram, lapor, "
             "kotak, email, youtube, surat."),
        (("--date", "2024-01-01"), "Error: The received date 2024-01-01 is after "
             "today (2023-12-31): check the date."),
        (("--external-ref", "lpr-2"), "Error: The external reference lpr-2 is "
             "already on ADU-2023-0002: see it with 'monev show ADU-2023-0002', "
             "or give another reference."),
        (("--unit", "X", "--reason", " "), "Error: The reason is empty: type it in."),
    ],
)  # fmt: skip
def test_a_refused_correction_changes_nothing(monev, args, message):
    monev.record(unit="Sekretariat", external_ref="LPR-1")
    monev.record(external_ref="LPR-2")
    before = register_digest(monev.db)
    assert monev.fails("correct", "ADU-2023-0001", *REASON, *args) == message
    assert register_digest(monev.db) == before


def test_its_own_reference_may_change_case(monev):
    monev.record(external_ref="lpr-1")
    assert correct(monev, "LPR-1", "--external-ref", "LPR-1")["external_ref"] == (
        "LPR-1"
    )


def test_a_voided_complaint_is_restored_before_it_is_corrected(monev):
    monev.record()
    monev.ok("void", "ADU-2023-0001", "--reason", "dobel", "--as-of", AS_OF)
    assert monev.fails("correct", "ADU-2023-0001", "--unit", "X", *REASON) == (
        "Error: ADU-2023-0001 was voided (dobel): it cannot be changed. If it was "
        'voided by mistake, bring it back: monev restore ADU-2023-0001 --reason "..."'
    )


def test_show_lists_each_correction_with_its_reason(monev, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    monev.record(channel="facebook")
    correct(monev, "ADU-2023-0001", "--channel", "lapor")
    out = monev.ok("show", "ADU-2023-0001", "--as-of", AS_OF)
    assert re.search(r"^2023-12-31  koreksi  ", out, re.M)
    assert "Channel: facebook → lapor (salah ketik)" in out


def test_a_confidential_name_stays_withheld_in_the_history(monev, tmp_path):
    monev.record("--confidential", name="Ni Luh Rahasia")
    correct(monev, "ADU-2023-0001", "--name", "Ni Luh Rahasia Dewi")
    out = monev.ok("show", "ADU-2023-0001", "--as-of", AS_OF)
    assert "Rahasia" not in out
    assert "Name: withheld → withheld (salah ketik)" in " ".join(
        out.replace("│", " ").split()
    )
    assert "Rahasia" not in json.dumps(monev.json("show", "ADU-2023-0001"))
    path = tmp_path / "out.json"
    monev.ok("export", "--format", "json", "-o", str(path))
    assert "Rahasia" not in path.read_text()
    shown = monev.json("show", "ADU-2023-0001", "--include-personal")
    assert shown["events"][-1]["new_value"] == "Ni Luh Rahasia Dewi"


def test_an_export_with_corrections_and_restores_round_trips(monev, tmp_path):
    monev.record(date="2023-01-02", unit="Sosal", name="Budi")
    monev.record(date="2023-02-01", external_ref="LPR-9")
    monev.ok("update", "ADU-2023-0001", "--status", "proses", "--date",
             "2023-01-10", "--as-of", AS_OF)  # fmt: skip
    correct(monev, "ADU-2023-0001", "--date", "2022-12-30", "--unit", "Sosial")
    correct(monev, "ADU-2023-0002", "--date", "2023-02-03", "--name", "Ani")
    monev.ok("void", "ADU-2023-0002", "--reason", "dobel", "--as-of", AS_OF)
    monev.ok("restore", "ADU-2023-0002", "--reason", "bukan dobel", "--as-of", AS_OF)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    everything = ("--format", "json", "--include-void", "--include-personal")
    monev.ok("export", *everything, "-o", str(first))
    other = Monev(tmp_path / "other.db")
    other.ok("init")
    assert other.json("import", str(first), "--as-of", AS_OF)["added"] == 2
    other.ok("export", *everything, "-o", str(second))
    assert identity_left_out(second.read_text()) == identity_left_out(first.read_text())
    assert other.ok("check").startswith("Checked ")


def test_import_refuses_a_correction_of_an_unknown_field(monev, tmp_path):
    monev.record()
    path = tmp_path / "one.json"
    monev.ok("export", "--format", "json", "-o", str(path))
    correct(monev, "ADU-2023-0001", "--unit", "X")
    data = json.loads(path.read_text())
    item = data["complaints"][0]
    item["events"].append(
        {"kind": "koreksi", "event_on": AS_OF, "logged_at": "x", "officer": "a",
         "status": None, "note": "r", "field": "tracking_no", "old_value": "A",
         "new_value": "B"}
    )  # fmt: skip
    item["tracking_no"] = "ADU-2023-0005"
    path.write_text(json.dumps(data))
    result = monev("import", str(path), "--as-of", AS_OF)
    assert result.stderr.splitlines()[0] == (
        "complaint 1 (events): Entry 2 of its history: 'tracking_no' is not a field "
        "a correction changes (received_on, channel, type, classification, unit, "
        "name, contact, external_ref, summary, due_on)."
    )


def test_open311_notes_stay_the_latest_word_to_the_public(monev, tmp_path):
    monev.record()
    monev.ok("update", "ADU-2023-0001", "--status", "selesai", "--note",
             "Dijelaskan", "--as-of", AS_OF)  # fmt: skip
    correct(monev, "ADU-2023-0001", "--unit", "Sekretariat")
    path = tmp_path / "requests.json"
    monev.ok("export", "--format", "open311", "-o", str(path))
    assert json.loads(path.read_text())[0]["status_notes"] == "Dijelaskan"
