"""A report and a recap list the channels and types in use during their
period: a code added after it, or retired before it began, is left out
unless complaints of the period used it; an open code shows with 0."""

from datetime import date

import pytest
from conftest import AS_OF
from test_report import md_table, report

from monev_cli.models import Code


def channel_labels(text: str) -> list[str]:
    return [row[1] for row in md_table(text, 1)[1:-1]]


def section_channels(text: str) -> str:
    """Section 2.3, the list of channels."""
    return text.split("### 2.3 ")[1].split("### 2.4 ")[0]


def test_a_channel_added_today_leaves_the_2023_report_unchanged(reference):
    before = report(reference, "--year", "2023")
    reference.ok("channels", "add", "tiktok2", "Website", "--as-of", "2026-11-30")
    reference.ok("types", "add", "pungli", "Pungli", "--classification",
                 "penyimpangan", "--as-of", "2026-11-30")  # fmt: skip
    assert report(reference, "--year", "2023") == before
    recap = reference.json("recap", "--year", "2023", "--as-of", AS_OF)
    assert "tiktok2" not in [line["key"] for line in recap["channel"]["lines"]]
    assert "pungli" not in [line["key"] for line in recap["type"]["lines"]]
    # in a period it was open, it shows with 0, as the seed report does
    later = reference.json("recap", "--year", "2026", "--as-of", "2026-12-31")
    lines = {line["key"]: line["count"] for line in later["channel"]["lines"]}
    assert lines["tiktok2"] == 0


def test_a_channel_retired_before_the_period_is_left_out(reference):
    reference.ok(
        "channels", "retire", "youtube", "--reason", "Akun ditutup",
        "--as-of", "2023-01-01",
    )  # fmt: skip
    text = report(reference, "--year", "2023")
    assert "YouTube" not in channel_labels(text)
    assert "YouTube" not in section_channels(text)
    assert "Facebook" in section_channels(text)
    # open during 2022: still in that year's tables
    assert "YouTube" in channel_labels(report(reference, "--year", "2022"))


def test_a_code_used_in_the_period_stays_whatever_its_life(reference):
    reference.ok("channels", "add", "whatsapp", "WhatsApp", "--as-of", "2023-06-01")
    reference.record(channel="whatsapp", date="2023-03-01")  # entered late
    reference.ok(
        "channels", "retire", "whatsapp", "--reason", "x", "--as-of", "2023-06-02"
    )
    assert "WhatsApp" in channel_labels(report(reference, "--year", "2023"))
    assert "WhatsApp" not in channel_labels(report(reference, "--year", "2024"))


def test_a_code_brought_back_stays_out_of_the_years_it_was_retired(reference):
    reference.ok(
        "channels", "retire", "youtube", "--reason", "Akun ditutup",
        "--as-of", "2023-01-01",
    )  # fmt: skip
    before = report(reference, "--year", "2023")
    reference.ok("channels", "unretire", "youtube", "--as-of", "2025-01-01")
    assert report(reference, "--year", "2023") == before
    assert "YouTube" not in channel_labels(report(reference, "--year", "2024"))
    assert "YouTube" in channel_labels(report(reference, "--year", "2025"))
    assert "YouTube" in channel_labels(report(reference, "--year", "2022"))


@pytest.mark.parametrize(
    ("added_on", "retired_on", "spans", "open_in_2023"),
    [
        (None, None, (), True),
        ("2023-12-31", None, (), True),
        ("2024-01-01", None, (), False),
        (None, "2023-01-01", (), False),  # retired from the period's first day
        (None, "2023-01-02", (), True),
        (None, None, [("2022-06-01", "2024-01-01")], False),
        (None, None, [("2022-06-01", "2023-12-31")], True),
        (None, "2023-06-01", [("2022-06-01", "2023-05-01")], True),
    ],
)
def test_a_code_is_open_during_a_period(added_on, retired_on, spans, open_in_2023):
    code = Code("x", "X", None, added_on, retired_on)
    start, end = date(2023, 1, 1), date(2023, 12, 31)
    assert code.open_during(start, end, spans) is open_in_2023
