"""Naming a complaint: tracking numbers typed loosely, external references,
and no bare row numbers anywhere."""

import json

import pytest
from conftest import AS_OF


def test_a_bare_number_is_refused_with_the_likely_tracking_numbers(monev):
    """The register's row 13 is ADU-2023-0001: `void 13` used to void it."""
    for _ in range(12):
        monev.record(date="2022-05-01")
    monev.record(date="2023-05-01")
    monev.record(date="2022-06-01")
    assert monev.fails("void", "13", "--reason", "salah", "--as-of", AS_OF) == (
        "Error: '13' is not a tracking number: give the whole number, e.g. "
        "ADU-2022-0013."
    )
    assert monev.json("show", "ADU-2023-0001")["voided"] is False
    assert monev.json("show", "ADU-2022-0013")["voided"] is False


def test_the_hint_names_the_number_of_each_year_latest_first(monev):
    for day in ("2021-01-04", "2022-01-04", "2023-01-04"):
        monev.record(date=day)
    assert monev.fails("show", "1") == (
        "Error: '1' is not a tracking number: give the whole number, e.g. "
        "ADU-2023-0001, ADU-2022-0001, ADU-2021-0001."
    )


@pytest.mark.parametrize(
    "typed", ["ADU-2023-0002", "adu-2023-2", "Adu-2023-02", "ADU-2023-000002"]
)
def test_a_tracking_number_in_any_case_with_or_without_zeros(monev, typed):
    monev.record()
    monev.record(summary="Kedua")
    assert monev.json("show", typed)["tracking_no"] == "ADU-2023-0002"


def test_another_prefix_is_another_number(monev):
    monev.record()
    assert monev.fails("show", "PGD-2023-0001") == (
        "Error: There is no complaint 'PGD-2023-0001'. Give its tracking number "
        "(e.g. ADU-2023-0007) or its external reference; 'monev list --search' "
        "finds both."
    )


def test_an_external_reference_names_its_complaint_in_any_case(monev):
    monev.record()
    monev.record(external_ref="LPR-77")
    changed = monev.json(
        "update", "lpr-77", "--status", "proses", "--as-of", AS_OF
    )  # fmt: skip
    assert (changed["tracking_no"], changed["status"]) == ("ADU-2023-0002", "proses")
    monev.ok("note", "LPR-77", "Ditelepon", "--as-of", AS_OF)
    assert len(monev.json("show", "Lpr-77")["events"]) == 3


def test_a_numeric_external_reference_is_a_reference_not_a_row(monev):
    monev.record()
    monev.record(external_ref="4567890")
    assert monev.json("show", "4567890")["tracking_no"] == "ADU-2023-0002"


def test_row_ids_appear_in_no_output(monev, tmp_path):
    recorded = monev.record(external_ref="LPR-1")
    shown = monev.json("show", "ADU-2023-0001")
    listed = monev.json("list")[0]
    updated = monev.json(
        "update", "ADU-2023-0001", "--status", "proses", "--as-of", AS_OF
    )  # fmt: skip
    voided = monev.json("void", "ADU-2023-0001", "--reason", "x", "--as-of", AS_OF)
    for data in (recorded, shown, listed, updated, voided):
        assert "id" not in data
        assert data["tracking_no"] == "ADU-2023-0001"
    monev.ok(
        "export", "--format", "json", "--include-void", "-o", str(tmp_path / "x.json")
    )
    exported = json.loads((tmp_path / "x.json").read_text())["complaints"][0]
    assert "id" not in exported
    monev.ok(
        "export", "--format", "csv", "--include-void", "-o", str(tmp_path / "x.csv")
    )
    header = (tmp_path / "x.csv").read_text().splitlines()[0].split(",")
    assert "id" not in header
