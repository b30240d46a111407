"""A monev JSON export carries the register's channels and types, with their
labels, classifications and life, so that a new register takes it in
without hand work and a round trip gives the same file."""

import json

import pytest
from conftest import AS_OF, Monev, close, identity_left_out


@pytest.fixture
def agency(monev: Monev) -> Monev:
    """A register with its own channel, type and a retired channel."""
    monev.ok("channels", "add", "whatsapp", "WhatsApp", "--as-of", "2023-01-01")
    monev.ok("channels", "detail", "whatsapp", "0812-3456-7890")
    monev.ok(
        "types", "add", "pungli", "Pungutan liar", "--classification",
        "penyimpangan", "--as-of", "2023-01-01",
    )  # fmt: skip
    first = monev.record(channel="whatsapp", type="pungli", date="2023-02-01")
    close(monev, first["tracking_no"], "2023-02-10")
    monev.record(channel="youtube", date="2023-03-01")
    monev.ok("channels", "retire", "youtube", "--reason", "x", "--as-of", "2023-06-01")
    return monev


def export_json(monev: Monev, path) -> str:
    monev.ok("export", "--format", "json", "--output", str(path))
    return path.read_text(encoding="utf-8")


def new_register(tmp_path, name: str) -> Monev:
    other = Monev(tmp_path / name)
    other.ok("init")
    return other


def test_the_export_carries_the_codes_and_their_life(agency, tmp_path):
    data = json.loads(export_json(agency, tmp_path / "a.json"))
    channels = {c["code"]: c for c in data["channels"]}
    assert channels["whatsapp"] == {
        "code": "whatsapp",
        "label": "WhatsApp",
        "detail": "0812-3456-7890",
        "added_on": "2023-01-01",
        "retired_on": None,
    }
    assert channels["youtube"]["retired_on"] == "2023-06-01"
    types = {t["code"]: t for t in data["types"]}
    assert types["pungli"] == {
        "code": "pungli",
        "label": "Pungutan liar",
        "classification": "penyimpangan",
        "added_on": "2023-01-01",
        "retired_on": None,
    }


def test_a_new_register_takes_it_in_and_the_round_trip_is_identical(agency, tmp_path):
    first = export_json(agency, tmp_path / "a.json")
    other = new_register(tmp_path, "other.db")
    out = other.ok("import", str(tmp_path / "a.json"), "--as-of", AS_OF)
    assert out.splitlines()[1:] == [
        "Added the file's channels that were missing: whatsapp.",
        "Added the file's types that were missing: pungli.",
    ]
    again = export_json(other, tmp_path / "b.json")
    assert identity_left_out(again) == identity_left_out(first)
    other.ok("check")
    # what the file brought is in the lists' history, with the file's name
    added = other.json("channels", "history")
    assert [(c["code"], c["change"], c["note"]) for c in added] == [
        ("youtube", "retire", "Imported from a.json."),
        ("whatsapp", "add", "Imported from a.json."),
    ]


def test_a_register_keeps_the_codes_it_changed_itself(agency, tmp_path):
    agency.ok("channels", "rename", "website", "Situs Web", "--as-of", AS_OF)
    export_json(agency, tmp_path / "a.json")
    other = new_register(tmp_path, "other.db")
    other.ok("channels", "rename", "website", "Laman Dinas", "--as-of", AS_OF)
    other.ok("import", str(tmp_path / "a.json"), "--as-of", AS_OF)
    labels = {c["code"]: c["label"] for c in other.json("channels")}
    assert labels["website"] == "Laman Dinas"
    assert labels["whatsapp"] == "WhatsApp"


def test_a_conflicting_classification_stops_the_import(agency, tmp_path):
    export_json(agency, tmp_path / "a.json")
    other = new_register(tmp_path, "other.db")
    other.ok(
        "types", "add", "pungli", "Pungli", "--classification", "informatif",
        "--as-of", AS_OF,
    )  # fmt: skip
    assert other.fails("import", str(tmp_path / "a.json"), "--as-of", AS_OF) == (
        "Error: The type 'pungli' is informatif in this register but penyimpangan "
        "in a.json: make them agree (monev types classify pungli penyimpangan) "
        "and import again."
    )
    assert other.json("list") == []
    assert "whatsapp" not in [c["code"] for c in other.json("channels")]


def test_a_dry_run_adds_no_code(agency, tmp_path):
    export_json(agency, tmp_path / "a.json")
    other = new_register(tmp_path, "other.db")
    result = other.json("import", str(tmp_path / "a.json"), "--dry-run")
    assert result["codes_added"] == {"channels": ["whatsapp"], "types": ["pungli"]}
    assert "whatsapp" not in [c["code"] for c in other.json("channels")]


def test_a_bad_code_entry_is_named(agency, tmp_path):
    data = json.loads(export_json(agency, tmp_path / "a.json"))
    data["channels"][10]["code"] = "Whats App"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    other = new_register(tmp_path, "other.db")
    assert other.fails("import", str(path), "--as-of", AS_OF) == (
        "Error: Entry 11 of 'channels' in the file: The code 'whats app' cannot "
        "be used: give up to 30 lowercase letters, digits, '-' or '_' (e.g. "
        "whatsapp)."
    )
