from collections import Counter

from monev_cli.sample import generate


def test_sample_creates_and_fills_a_register(fresh):
    out = fresh.ok("sample", "--as-of", "2025-01-31")
    assert out == f"Recorded 300 sample complaints in {fresh.db}.\n"
    listed = fresh.json("list", "--as-of", "2025-01-31")
    assert len(listed) == 300
    statuses = Counter(c["status"] for c in listed)
    assert set(statuses) == {"diterima", "proses", "selesai"}
    assert len({c["channel"] for c in listed}) >= 8
    assert any(c["confidential"] for c in listed)
    assert any(
        c["timeliness"] == "terbuka_lewat" for c in listed if c["status"] != "selesai"
    )
    assert fresh.json("profile", "show")["agency"].startswith("Dinas Sosial")


def test_sample_is_deterministic():
    first = [item.draft for item in generate(50)]
    assert first == [item.draft for item in generate(50)]
    assert first[0].received_on.year == 2023
    assert first[-1].received_on.year == 2024


def test_sample_leaves_out_what_lies_after_today(fresh):
    out = fresh.ok("sample", "--as-of", "2023-06-30")
    stored = int(out.split()[1])
    assert 50 < stored < 150
    assert fresh.json("list", "--from", "2023-07-01") == []


def test_sample_goes_only_into_an_empty_register(monev):
    monev.record()
    assert monev.fails("sample", "--as-of", "2025-01-31") == (
        f"Error: {monev.db} holds complaints already: the sample goes into a new "
        "register. Give another file with --db."
    )
    assert len(monev.json("list")) == 1
