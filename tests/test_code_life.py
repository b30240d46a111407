"""Channels and types have a life: added on a day, renamed, reclassified,
retired (kept for the complaints that use them) and brought back, or
removed while no complaint uses them; each change is a dated history entry."""

import csv

from conftest import AS_OF

DESK_CHANNELS = (
    "website, langsung, facebook, telepon, instagram, lapor, kotak, email, "
    "youtube, surat"
)


def test_a_channel_is_added_on_its_day_and_the_built_in_ones_from_the_start(monev):
    monev.ok("channels", "add", "tiktok", "TikTok", "--as-of", "2026-11-30")
    channels = {c["code"]: c for c in monev.json("channels")}
    assert channels["tiktok"] == {
        "code": "tiktok",
        "label": "TikTok",
        "classification": None,
        "added_on": "2026-11-30",
        "retired_on": None,
    }
    assert channels["website"]["added_on"] is None
    types = {t["code"]: t for t in monev.json("types")}
    assert types["wewenang"]["classification"] == "penyimpangan"
    assert types["wewenang"]["added_on"] is None


def test_a_mistyped_label_is_renamed(monev):
    monev.ok("channels", "add", "tiktok2", "Website", "--as-of", AS_OF)
    assert monev.ok("channels", "rename", "tiktok2", "TikTok", "--as-of", AS_OF) == (
        "tiktok2 is now labelled TikTok.\n"
    )
    labels = {c["code"]: c["label"] for c in monev.json("channels")}
    assert labels["tiktok2"] == "TikTok"
    assert monev.fails("channels", "rename", "tiktok2", "TikTok") == (
        "Error: tiktok2 is 'TikTok' already: nothing was changed."
    )


def test_an_unused_code_is_removed_and_a_used_one_must_be_retired(monev):
    monev.ok("channels", "add", "tiktok2", "Website", "--as-of", AS_OF)
    assert monev.ok("channels", "remove", "tiktok2", "--as-of", AS_OF) == (
        "Removed tiktok2.\n"
    )
    assert "tiktok2" not in [c["code"] for c in monev.json("channels")]
    monev.record(channel="facebook")
    assert monev.fails("channels", "remove", "facebook") == (
        "Error: The channel 'facebook' cannot be removed: complaints use it (1). "
        'Retire it instead: monev channels retire facebook --reason "..."'
    )
    monev.record(type="lainnya")
    assert "monev types retire lainnya" in monev.fails("types", "remove", "lainnya")


def test_a_retired_channel_leaves_the_prompts_and_new_records(monev):
    monev.record(channel="youtube", date="2023-03-01")
    assert monev.ok(
        "channels", "retire", "youtube", "--reason", "Akun ditutup",
        "--as-of", "2023-06-01",
    ) == "Retired youtube from 2023-06-01.\n"  # fmt: skip
    assert monev.fails(
        "record", "--type", "informasi", "--summary", "x", "--as-of", AS_OF
    ) == (
        "Error: Give --channel (one of: website, langsung, facebook, telepon, "
        "instagram, lapor, kotak, email, surat)."
    )
    assert monev.fails(
        "record", "--channel", "youtube", "--type", "informasi", "--summary", "x",
        "--date", "2023-07-01", "--as-of", AS_OF,
    ) == (
        "Error: The channel 'youtube' was retired on 2023-06-01: choose another, "
        "or bring it back with 'monev channels unretire youtube'."
    )  # fmt: skip
    # kept for the complaints that use it: listed, shown, filtered on
    listed = monev.json("list", "--channel", "youtube", "--as-of", AS_OF)
    assert [c["tracking_no"] for c in listed] == ["ADU-2023-0001"]
    # a complaint received before the retirement may still be entered late
    assert monev.record(channel="youtube", date="2023-05-31")["channel"] == "youtube"


def test_a_retired_code_comes_back(monev):
    monev.ok("types", "retire", "lainnya", "--reason", "x", "--as-of", "2023-01-01")
    assert monev.fails("types", "retire", "lainnya", "--reason", "x") == (
        "Error: The type 'lainnya' is retired already (since 2023-01-01)."
    )
    assert monev.ok("types", "unretire", "lainnya", "--as-of", AS_OF) == (
        "lainnya is in use again.\n"
    )
    assert monev.record(type="lainnya")["type"] == "lainnya"
    assert monev.fails("types", "unretire", "lainnya") == (
        "Error: The type 'lainnya' is not retired: nothing was changed."
    )


def test_a_code_cannot_be_retired_before_complaints_that_use_it(monev):
    monev.record(channel="surat", date="2023-03-01")
    assert monev.fails(
        "channels", "retire", "surat", "--reason", "x", "--as-of", "2023-02-01"
    ) == (
        "Error: The channel 'surat' is used by complaints received up to "
        "2023-03-01: retire it on a later day (--as-of)."
    )


def test_a_type_without_classification_is_refused_without_a_terminal(monev):
    assert monev.fails("types", "add", "pungli", "Pungutan liar") == (
        "Error: Give the type's classification: --classification informatif or "
        "--classification penyimpangan."
    )
    assert "pungli" not in [t["code"] for t in monev.json("types")]


def test_a_type_without_classification_is_asked_for_on_a_terminal(monev, monkeypatch):
    monkeypatch.setattr("monev_cli.commands.codes.is_interactive", lambda: True)
    result = monev(
        "types", "add", "pungli", "Pungutan liar", "--as-of", AS_OF,
        input="berat\npenyimpangan\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "'berat' is not informatif or penyimpangan.\n"
    types = {t["code"]: t for t in monev.json("types")}
    assert types["pungli"]["classification"] == "penyimpangan"


def test_a_type_is_reclassified_and_recorded_complaints_keep_theirs(monev):
    before = monev.record(type="lainnya")
    assert monev.ok(
        "types", "classify", "lainnya", "penyimpangan", "--reason", "Pedoman baru",
        "--as-of", AS_OF,
    ) == (
        "lainnya is now penyimpangan; complaints already recorded keep theirs.\n"
    )  # fmt: skip
    after = monev.record(type="lainnya")
    assert before["classification"] == "informatif"
    assert monev.json("show", before["tracking_no"])["classification"] == ("informatif")
    assert after["classification"] == "penyimpangan"
    assert monev.fails("types", "classify", "lainnya", "berat").startswith(
        "Error: Unknown classification 'berat'."
    )


def test_every_change_is_a_dated_entry_with_officer_and_reason(monev):
    monev.ok("channels", "add", "tiktok2", "Website", "--as-of", "2026-11-30")
    monev.ok(
        "channels", "rename", "tiktok2", "TikTok", "--reason", "Salah ketik",
        "--as-of", "2026-11-30",
    )  # fmt: skip
    monev.ok(
        "channels", "retire", "tiktok2", "--reason", "Tidak dipakai",
        "--as-of", "2026-12-01",
    )  # fmt: skip
    monev.ok("channels", "remove", "tiktok2", "--as-of", "2026-12-02")
    changes = [
        (c["changed_on"], c["code"], c["change"], c["old_value"], c["new_value"],
         c["officer"], c["note"])
        for c in monev.json("channels", "history")
    ]  # fmt: skip
    assert changes == [
        ("2026-11-30", "tiktok2", "add", None, "Website", "tester", None),
        ("2026-11-30", "tiktok2", "rename", "Website", "TikTok", "tester",
         "Salah ketik"),
        ("2026-12-01", "tiktok2", "retire", None, "2026-12-01", "tester",
         "Tidak dipakai"),
        ("2026-12-02", "tiktok2", "remove", "TikTok", None, "tester", None),
    ]  # fmt: skip
    assert "Salah ketik" in monev.ok("channels", "history")


def test_an_import_keeps_a_retired_code_for_rows_received_before(monev, tmp_path):
    monev.ok("channels", "retire", "youtube", "--reason", "x", "--as-of", "2023-06-01")
    path = tmp_path / "rekap.csv"
    with path.open("w", newline="") as out:
        csv.writer(out).writerows(
            [
                ["Tanggal", "Saluran", "Jenis", "Uraian"],
                ["2023-05-31", "YouTube", "informasi", "Sebelum"],
                ["2023-06-01", "YouTube", "informasi", "Sesudah"],
            ]
        )
    result = monev("import", str(path), "--as-of", AS_OF)
    assert result.exit_code != 0
    assert result.stderr.splitlines()[0] == (
        "row 3: The channel 'youtube' was retired on 2023-06-01: choose another, "
        "or bring it back with 'monev channels unretire youtube'."
    )
