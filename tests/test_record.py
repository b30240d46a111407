import pytest
from conftest import AS_OF


def test_record_prints_the_tracking_number_and_due_date(monev):
    out = monev.ok(
        "record", "--date", "2023-01-02", "--channel", "facebook", "--type",
        "informasi", "--summary", "Tanya PKH", "--as-of", AS_OF,
    )  # fmt: skip
    assert out == "Recorded ADU-2023-0001; the answer is due by 2023-02-01.\n"


def test_record_json_is_the_whole_record(monev):
    record = monev.record(
        name="Ni Made Ayu", contact="0812", unit="Bidang PPPA", external_ref="LPR-1"
    )
    assert record["tracking_no"] == "ADU-2023-0001"
    assert record["received_on"] == "2023-03-01"
    assert record["status"] == "diterima"
    assert record["classification"] == "informatif"
    assert record["due_on"] == "2023-03-31"
    assert (record["name"], record["contact"]) == ("Ni Made Ayu", "0812")
    assert record["unit"] == "Bidang PPPA"
    assert record["external_ref"] == "LPR-1"
    [event] = record["events"]
    assert (event["kind"], event["status"], event["officer"]) == (
        "dicatat",
        "diterima",
        "tester",
    )


def test_tracking_numbers_follow_the_received_year(monev):
    numbers = [
        monev.record(date=day)["tracking_no"]
        for day in ("2022-12-30", "2023-01-05", "2022-12-31", "2023-01-01")
    ]
    assert numbers == [
        "ADU-2022-0001",
        "ADU-2023-0001",
        "ADU-2022-0002",
        "ADU-2023-0002",
    ]


def test_a_voided_number_is_never_reused(monev):
    monev.record()
    monev.ok("void", "ADU-2023-0001", "--reason", "double", "--as-of", AS_OF)
    assert monev.record()["tracking_no"] == "ADU-2023-0002"


def test_codes_are_case_insensitive(monev):
    record = monev.record(channel="FaceBook", type="LAYANAN")
    assert (record["channel"], record["type"]) == ("facebook", "layanan")


@pytest.mark.parametrize(
    ("complaint_type", "classification"),
    [
        ("disiplin", "penyimpangan"),
        ("wewenang", "penyimpangan"),
        ("standar", "informatif"),
    ],
)
def test_classification_defaults_from_the_type(monev, complaint_type, classification):
    assert monev.record(type=complaint_type)["classification"] == classification


def test_classification_can_be_given(monev):
    assert (
        monev.record(classification="penyimpangan")["classification"] == "penyimpangan"
    )


def test_date_typed_the_indonesian_way(monev):
    assert monev.record(date="14/07/2023")["received_on"] == "2023-07-14"


def test_date_defaults_to_today(monev):
    assert monev.json(
        "record", "--channel", "kotak", "--type", "lainnya", "--summary", "x",
        "--as-of", "2023-08-17",
    )["received_on"] == "2023-08-17"  # fmt: skip


def test_confidential_is_kept(monev):
    assert monev.record("--confidential", name="X")["confidential"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--channel", "tiktok"], "Error: Unknown channel 'tiktok'. Valid channels: "
         "website, langsung, facebook, telepon, instagram, lapor, kotak, email, "
         "youtube, surat."),
        (["--type", "x"], "Error: Unknown type 'x'. Valid types: disiplin, wewenang, "
         "standar, informasi, layanan, lainnya."),
        (["--date", "2024-01-01"], "Error: The received date 2024-01-01 is after "
         "today (2023-12-31): check the date."),
        (["--date", "1999-12-31"], "Error: '1999-12-31' is out of range: give a "
         "date from 2000-01-01 to 2100-12-31."),
        (["--date", "2023-02-29"], "Error: '2023-02-29' is not a real calendar date: "
         "month 2 of 2023 has 28 days."),
        (["--date", "kemarin"], "Error: 'kemarin' is not a date: type it as "
         "YYYY-MM-DD or DD/MM/YYYY."),
        (["--summary", "   "], "Error: The summary is empty: type it in."),
        (["--summary", "a" * 4001], "Error: The summary is 4001 characters long; at "
         "most 4000 fit: shorten it."),
        (["--name", "bell\x07"], "Error: The name holds a control character "
         "(U+0007): retype it as plain text."),
        (["--classification", "serius"], "Error: Unknown classification 'serius'. "
         "Valid: informatif, penyimpangan."),
    ],
)  # fmt: skip
def test_bad_input_is_refused_and_nothing_is_stored(monev, args, message):
    base = ["--date", "2023-03-01", "--channel", "facebook", "--type", "informasi"]
    base += ["--summary", "x"]
    assert monev.fails("record", *base, *args, "--as-of", AS_OF) == message
    assert monev.json("list", "--include-void") == []


def test_missing_required_field_without_a_terminal_is_named(monev):
    assert monev.fails("record", "--type", "informasi", "--summary", "x") == (
        "Error: Give --channel (one of: website, langsung, facebook, telepon, "
        "instagram, lapor, kotak, email, youtube, surat)."
    )
    assert monev.fails("record", "--channel", "kotak", "--type", "lainnya") == (
        'Error: Give --summary "...".'
    )


def test_missing_fields_are_prompted_on_a_terminal(monev, monkeypatch):
    monkeypatch.setattr("monev_cli.commands.complaints.is_interactive", lambda: True)
    result = monev(
        "record", "--as-of", AS_OF, input="langsung\nlayanan\nAntrean lama\n"
    )
    assert result.exit_code == 0, result.stderr
    assert "Pengaduan disampaikan langsung" in result.stdout
    assert "Recorded ADU-2023-0001" in result.stdout
    assert monev.json("show", "ADU-2023-0001")["summary"] == "Antrean lama"


def test_a_prompt_takes_a_number_and_asks_again_after_a_typo(monev, monkeypatch):
    monkeypatch.setattr("monev_cli.commands.complaints.is_interactive", lambda: True)
    result = monev(
        "record", "--as-of", AS_OF, input="tiktok\n2\nLAYANAN\nAntrean lama\n"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "'tiktok' is not in the list: type its number or its code.\n"
    )
    assert "   2  langsung     Pengaduan disampaikan langsung" in result.stdout
    record = monev.json("show", "ADU-2023-0001")
    assert (record["channel"], record["type"]) == ("langsung", "layanan")
