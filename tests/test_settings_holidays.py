"""Response-limit settings and days off, and the stored due dates they give."""

import os
import subprocess
import sys
from datetime import date

import pytest
from conftest import AS_OF

from monev_cli import deadlines

LATER = "2025-12-31"


def due(monev, ref: str) -> str:
    return monev.json("show", ref, "--as-of", LATER)["due_on"]


def set_setting(monev, key: str, value: str, since: str) -> str:
    return monev.ok("settings", "set", key, value, "--from", since, "--as-of", AS_OF)


def record_on(monev, day: str) -> dict:
    """A complaint received in 2024 or 2025 (``monev.record`` stops at AS_OF)."""
    return monev.json(
        "record", "--date", day, "--channel", "facebook", "--type", "informasi",
        "--summary", "Tanya syarat PKH", "--as-of", LATER,
    )  # fmt: skip


def test_defaults_shown(monev):
    assert monev.ok("settings", "show", "--as-of", AS_OF) == (
        "response_days\t30\tdefault\tdays allowed for the answer, counted from "
        "the day after receipt\n"
        "response_unit\tcalendar\tdefault\tcalendar or working days\n"
        "ack_days\tnone\tdefault\tdays allowed for the initial response (respon "
        "awal), same unit\n"
    )


def test_a_limit_holds_from_its_date_on(monev):
    monev.record(date="2023-06-30")
    out = set_setting(monev, "response_days", "14", "2023-07-01")
    assert out == (
        "response_days is 14 for complaints received from 2023-07-01 (was 30).\n"
        "No stored due date changed.\n"
    )
    assert monev.record(date="2023-07-01")["due_on"] == "2023-07-15"
    assert monev.record(date="2023-06-29")["due_on"] == "2023-07-29"
    assert due(monev, "ADU-2023-0001") == "2023-07-30"


def test_settings_show_as_of_a_day(monev):
    monev.ok("settings", "set", "response_days", "14", "--from", "2025-01-01")
    assert monev.json("settings", "show", "--as-of", "2024-12-31") == {
        "response_days": {"value": "30", "since": None},
        "response_unit": {"value": "calendar", "since": None},
        "ack_days": {"value": "none", "since": None},
    }
    shown = monev.json("settings", "show", "--as-of", "2025-01-01")
    assert shown["response_days"] == {"value": "14", "since": "2025-01-01"}


def test_from_defaults_to_today(monev):
    out = monev.ok("settings", "set", "response_unit", "Working", "--as-of", AS_OF)
    assert out.splitlines()[0] == (
        "response_unit is working for complaints received from 2023-12-31 "
        "(was calendar)."
    )


def test_a_change_recomputes_the_due_dates_it_affects(monev):
    monev.record(date="2023-03-01")
    monev.record(date="2023-05-02")
    out = set_setting(monev, "response_days", "10", "2023-04-01")
    assert out.splitlines()[1] == "The due date of 1 complaint was recomputed."
    assert due(monev, "ADU-2023-0001") == "2023-03-31"
    assert due(monev, "ADU-2023-0002") == "2023-05-12"
    out = set_setting(monev, "response_days", "20", "2023-01-01")
    assert out == (
        "response_days is 20 for complaints received from 2023-01-01 (was 30).\n"
        "The due date of 1 complaint was recomputed.\n"
    )
    # The later entry still governs complaints received from 2023-04-01.
    assert due(monev, "ADU-2023-0001") == "2023-03-21"
    assert due(monev, "ADU-2023-0002") == "2023-05-12"


def test_setting_the_same_day_again_replaces_the_value(monev):
    monev.ok("settings", "set", "response_days", "10", "--from", "2023-04-01")
    out = monev.ok("settings", "set", "response_days", "12", "--from", "2023-04-01")
    assert out.splitlines()[0] == (
        "response_days is 12 for complaints received from 2023-04-01 (was 10)."
    )
    assert monev.ok("settings", "history") == "response_days\t12\t2023-04-01\n"


def test_history_lists_every_dated_value(monev):
    monev.ok("settings", "set", "response_days", "14", "--from", "2025-01-01")
    monev.ok("settings", "set", "ack_days", "3", "--from", "2024-06-01")
    monev.ok("settings", "set", "ack_days", "none", "--from", "2025-06-01")
    assert monev.ok("settings", "history") == (
        "ack_days\t3\t2024-06-01\n"
        "ack_days\tnone\t2025-06-01\n"
        "response_days\t14\t2025-01-01\n"
    )
    assert monev.json("settings", "history")[0] == {
        "key": "ack_days",
        "value": "3",
        "since": "2024-06-01",
    }


@pytest.mark.parametrize(
    ("key", "value", "error"),
    [
        ("response_days", "0", "response_days must be a whole number of days from 1 "
         "to 365, not '0'."),
        ("response_days", "-3", "response_days must be a whole number of days from "
         "1 to 365, not '-3'."),
        ("response_days", "366", "response_days must be a whole number of days from "
         "1 to 365, not '366'."),
        ("response_days", "2.5", "response_days must be a whole number of days from "
         "1 to 365, not '2.5'."),
        ("ack_days", "0", "ack_days must be a whole number of days from 1 to 365, "
         "or 'none' for no limit, not '0'."),
        ("response_unit", "weeks", "Unknown unit 'weeks'. Valid units: calendar, "
         "working."),
        ("deadline", "3", "Unknown setting 'deadline'. Valid settings: "
         "response_days, response_unit, ack_days."),
    ],
)  # fmt: skip
def test_bad_settings_are_refused(monev, key, value, error):
    assert monev.fails("settings", "set", key, value) == f"Error: {error}"
    assert monev.ok("settings", "history") == ""


def test_a_setting_before_2000_is_refused(monev):
    assert monev.fails(
        "settings", "set", "response_days", "14", "--from", "1999-12-31"
    ) == (
        "Error: '1999-12-31' is out of range: give a date from 2000-01-01 to "
        "2100-12-31."
    )


def test_working_days_skip_national_holidays_and_cuti_bersama(monev):
    monev.ok("settings", "set", "response_unit", "working", "--from", "2024-01-01")
    monev.ok("settings", "set", "response_days", "3", "--from", "2024-01-01")
    # Fri 5 April 2024; 8, 9, 12 and 15 April cuti bersama, 10-11 Idul Fitri.
    assert record_on(monev, "2024-04-05")["due_on"] == "2024-04-18"
    # Tue 24 Dec 2024: 25 Christmas, 26 cuti bersama; 27, 30, 31.
    assert record_on(monev, "2024-12-24")["due_on"] == "2024-12-31"


def test_switching_to_working_days_recomputes(monev):
    record_on(monev, "2024-04-05")
    out = set_setting(monev, "response_unit", "working", "2024-01-01")
    assert out.splitlines()[1] == "The due date of 1 complaint was recomputed."
    # 30 working days from Fri 5 April 2024: 11 weekdays off on the way
    # (Idul Fitri, Labour Day, Ascension, Vesak, with their cuti bersama).
    assert due(monev, "ADU-2024-0001") == "2024-06-03"


def working_register(monev) -> None:
    monev.ok("settings", "set", "response_unit", "working", "--from", "2024-01-01")
    monev.ok("settings", "set", "response_days", "3", "--from", "2024-01-01")


def test_an_agency_day_off_moves_the_due_dates_it_falls_in(monev):
    working_register(monev)
    record_on(monev, "2024-10-28")  # Mon: due Thu 31 Oct
    record_on(monev, "2024-11-04")  # after the new day off
    out = monev.ok("holidays", "add", "2024-10-30", "Hari raya daerah")
    assert out == (
        "Added 2024-10-30 (Hari raya daerah) to the agency's days off.\n"
        "The due date of 1 complaint was recomputed.\n"
    )
    assert due(monev, "ADU-2024-0001") == "2024-11-01"
    assert due(monev, "ADU-2024-0002") == "2024-11-07"
    assert record_on(monev, "2024-10-29")["due_on"] == "2024-11-04"
    assert monev.ok("holidays", "remove", "2024-10-30") == (
        "Removed 2024-10-30 (Hari raya daerah) from the agency's days off.\n"
        "The due dates of 2 complaints were recomputed.\n"
    )
    assert due(monev, "ADU-2024-0001") == "2024-10-31"
    assert due(monev, "ADU-2024-0003") == "2024-11-01"


def test_an_agency_day_off_leaves_calendar_days_alone(monev):
    monev.record(date="2023-03-01")
    out = monev.ok("holidays", "add", "2023-03-10", "Galungan")
    assert out.splitlines()[1] == "No stored due date changed."
    assert due(monev, "ADU-2023-0001") == "2023-03-31"


def test_holidays_list_marks_the_source(monev):
    monev.ok("holidays", "add", "2024-03-06", "Galungan")
    lines = monev.ok("holidays", "list", "--year", "2024").splitlines()
    assert lines[:2] == [
        "2024-01-01\tnational\tTahun Baru Masehi",
        "2024-02-08\tnational\tIsra Mikraj Nabi Muhammad",
    ]
    assert "2024-03-06\tagency\tGalungan" in lines
    assert "2024-04-08\tnational\tCuti Bersama Hari Raya Idul Fitri" in lines
    assert lines[-1] == "2024-12-26\tnational\tCuti Bersama Hari Raya Natal"
    assert [line[:10] for line in lines] == sorted(line[:10] for line in lines)


def test_holidays_list_defaults_to_this_year(monev):
    monev.ok("holidays", "add", "2023-03-06", "Galungan")
    found = monev.json("holidays", "list", "--as-of", AS_OF)
    assert {"day": "2023-03-06", "name": "Galungan", "source": "agency"} in found
    assert {item["day"][:4] for item in found} == {"2023"}


def test_a_day_off_on_a_national_holiday_is_listed_twice(monev):
    monev.ok("holidays", "add", "2024-08-17", "Upacara")
    lines = monev.ok("holidays", "list", "--year", "2024").splitlines()
    assert [line for line in lines if line.startswith("2024-08-17")] == [
        "2024-08-17\tagency\tUpacara",
        "2024-08-17\tnational\tHari Kemerdekaan Republik Indonesia",
    ]


def test_holiday_errors(monev):
    monev.ok("holidays", "add", "2024-04-08", "Cuti bersama")
    assert monev.fails("holidays", "add", "2024-04-08", "Lagi") == (
        "Error: 2024-04-08 is already on the agency's list of days off (Cuti "
        "bersama): nothing was changed."
    )
    assert monev.fails("holidays", "remove", "2024-04-10") == (
        "Error: 2024-04-10 is not on the agency's list of days off (see 'monev "
        "holidays list'); national holidays cannot be removed."
    )
    assert monev.fails("holidays", "add", "2024-04-31", "x") == (
        "Error: '2024-04-31' is not a real calendar date: month 4 of 2024 has 30 days."
    )
    assert monev.fails("holidays", "add", "2024-05-02", " ") == (
        "Error: The name is empty: type it in."
    )
    assert monev.fails("holidays", "list", "--year", "1999") == (
        "Error: The year 1999 is out of range: give a year from 2000 to 2100."
    )


def test_refresh_takes_in_a_corrected_national_calendar(monev, monkeypatch):
    working_register(monev)
    record_on(monev, "2024-10-28")  # due Thu 31 Oct
    assert monev.ok("holidays", "refresh") == (
        "The national holidays stored are those of the package.\n"
    )
    real = deadlines.indonesian_holidays

    def corrected(years):
        return {**real(years), date(2024, 10, 29): "Libur baru"}

    monkeypatch.setattr(deadlines, "indonesian_holidays", corrected)
    assert monev.ok("holidays", "refresh") == (
        "2024-10-29: - -> Libur baru\nThe due date of 1 complaint was recomputed.\n"
    )
    assert due(monev, "ADU-2024-0001") == "2024-11-01"


def test_the_national_calendar_is_kept_in_the_register(monev, monkeypatch):
    working_register(monev)
    record_on(monev, "2024-04-05")

    def unavailable(years):
        raise AssertionError("the package was asked again")

    monkeypatch.setattr(deadlines, "indonesian_holidays", unavailable)
    assert record_on(monev, "2024-04-05")["due_on"] == "2024-04-18"
    assert monev.ok("holidays", "list", "--year", "2024").startswith(
        "2024-01-01\tnational\tTahun Baru Masehi\n"
    )


def test_recording_does_not_import_the_holidays_package(monev):
    """Calendar days never need it; working days read the stored calendar.
    Which modules a run imports, pinned for a stated target: the package
    takes a few hundred milliseconds, and `record` must stay <= 9x python."""
    script = (
        "import sys\n"
        "from monev_cli.cli import app\n"
        "try:\n"
        f"    app(['--db', {str(monev.db)!r}, 'record', '--date', '2024-04-05', "
        "'--channel', 'facebook', '--type', 'informasi', '--summary', 'x', "
        "'--as-of', '2024-12-31'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('holidays' in sys.modules)\n"
    )
    env = {**os.environ, "MONEV_OFFICER": "tester"}

    def imports_holidays() -> str:
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env
        )
        return result.stdout.splitlines()[-1]

    assert imports_holidays() == "False"
    working_register(monev)
    record_on(monev, "2024-04-05")  # stores the calendars of 2024 and 2025
    assert imports_holidays() == "False"
