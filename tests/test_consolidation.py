"""The pure adding-up behind monev consolidate: ranking, codes, totals."""

from types import SimpleNamespace

from monev_cli.consolidation import agency_recap, consolidate, to_json
from monev_cli.tallies import Line, Tally


def _tally(*lines) -> Tally:
    built = tuple(Line(*line) for line in lines)
    return Tally(built, sum(line.count for line in built))


def _agency(name: str, received: int, in_time: int, channels=(), days=()):
    """An agency whose complaints were all answered, ``in_time`` of them in time."""
    source = SimpleNamespace(path=f"{name}.db", agency=name, register_id=name,
                             kind="register")  # fmt: skip
    tallies = {
        "channel": _tally(*channels),
        "type": _tally(("informasi", "Informasi/saran", received)),
        "status": _tally(("selesai", "Selesai", received, 100.0),
                         ("proses", "Proses", 0, 0.0),
                         ("diterima", "Diterima", 0, 0.0)),  # fmt: skip
        "timeliness": _tally(("tepat_waktu", "", in_time),
                             ("terlambat", "", received - in_time),
                             ("terbuka_lewat", "", 0), ("terbuka_dalam", "", 0)),
        "month": _tally(("2023-01", "Januari 2023", received)),
    }  # fmt: skip
    limits = SimpleNamespace(response_days=30, unit="calendar")
    return agency_recap(source, tallies, list(days), limits)


# the office's codes: (code, label, listed even without complaints)
OWN = {
    "channels": [
        ("langsung", "Langsung", True), ("wa", "WhatsApp", True),
        ("kotak", "Kotak", False),
    ],
    "types": [],
}  # fmt: skip


def test_equal_shares_share_a_rank_and_the_empty_are_left_out():
    result = consolidate(
        [_agency("A", 4, 2), _agency("B", 2, 1), _agency("C", 5, 5),
         _agency("D", 0, 0)],
        OWN,
    )  # fmt: skip
    assert [(rank, a.name) for rank, a in result.ranking] == [
        (1, "C"), (2, "A"), (2, "B"),
    ]  # fmt: skip
    assert [a.name for a in result.without_complaints] == ["D"]


def test_codes_are_unified_by_code_and_the_office_label_wins():
    result = consolidate(
        [
            _agency("A", 3, 3, [("wa", "WA Center", 2), ("tiktok", "TikTok", 1)]),
            _agency("B", 2, 2, [("wa", "wa", 1), ("tiktok", "Tiktok Dinas", 1)]),
        ],
        OWN,
    )
    lines = [
        (line.key, line.label, line.count) for line in result.combined["channel"].lines
    ]
    # kotak, which the office's report would not list, is left out
    assert lines == [
        ("langsung", "Langsung", 0), ("wa", "WhatsApp", 3), ("tiktok", "TikTok", 2),
    ]  # fmt: skip
    # a label that is only the code is no label to note
    assert [(n.code, n.agency, n.theirs, n.shown) for n in result.label_notes] == [
        ("wa", "A", "WA Center", "WhatsApp"), ("tiktok", "B", "Tiktok Dinas", "TikTok"),
    ]  # fmt: skip


def test_the_combined_median_is_over_every_complaint():
    result = consolidate(
        [_agency("A", 3, 3, days=[(1, 3)]), _agency("B", 2, 2, days=[(10, 2)])], OWN
    )
    # 1, 1, 1, 10, 10: not the median of the medians (5.5)
    assert result.days.median == 1
    data = to_json(result, {"from": "2023-01-01", "to": "2023-12-31"})
    assert data["totals"]["median_days"] == 1
    assert data["status"]["lines"][0] == {
        "key": "selesai", "label": "Selesai", "count": 5, "percent": 100.0,
    }  # fmt: skip
