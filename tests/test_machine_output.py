"""``--json`` and ``--csv`` carry codes and ISO dates that do not depend on
the language; translated words come beside them, under names holding
``label``."""

import csv
import io

from conftest import AS_OF, close


def _two(monev) -> None:
    late = monev.record(date="2023-01-02")["tracking_no"]
    close(monev, late, "2023-02-05")
    monev.record(date="2023-11-20")
    monev.ok("note", "ADU-2023-0002", "Ditelepon", "--as-of", AS_OF)


def test_list_csv_is_the_same_in_every_language(monev):
    _two(monev)
    english = monev.ok("list", "--csv", "--as-of", AS_OF)
    indonesian = monev.ok("--lang", "id", "list", "--csv", "--as-of", AS_OF)
    header, *rows = list(csv.reader(io.StringIO(english)))
    id_header, *id_rows = list(csv.reader(io.StringIO(indonesian)))
    assert header == id_header
    label = header.index("timeliness_label")
    assert [row[:label] for row in rows] == [row[:label] for row in id_rows]
    assert [(row[6], row[10]) for row in rows] == [
        ("terlambat", "4"),
        ("terbuka_lewat", "11"),
    ]
    assert [row[label] for row in id_rows] == [
        "dijawab terlambat 4 hari",
        "terlambat 11 hari",
    ]


def test_list_json_is_the_same_in_every_language_but_its_labels(monev):
    _two(monev)

    def without_labels(items):
        return [
            {key: value for key, value in item.items() if "label" not in key}
            for item in items
        ]

    english = monev.json("list", "--as-of", AS_OF)
    indonesian = monev.json("--lang", "id", "list", "--as-of", AS_OF)
    assert without_labels(english) == without_labels(indonesian)
    assert english[0]["timeliness"] == "terlambat"
    assert english[0]["days_late"] == 4
    assert english[0]["timeliness_label"] == "answered 4 days late"


def test_list_json_carries_no_empty_history(monev):
    _two(monev)
    listed = monev.json("list", "--as-of", AS_OF)
    assert all("events" not in item for item in listed)
    # the history is one show away, whole
    assert len(monev.json("show", "ADU-2023-0002")["events"]) == 2


READ_ONLY_JSON = [
    ("list", "--as-of", AS_OF),
    ("show", "ADU-2023-0001", "--as-of", AS_OF),
    ("overdue", "--as-of", AS_OF),
    ("recap", "--year", "2023", "--as-of", AS_OF),
    ("channels",),
    ("types",),
    ("channels", "history"),
    ("settings", "show", "--as-of", AS_OF),
    ("settings", "history"),
    ("holidays", "list", "--year", "2023"),
    ("profile", "show"),
    ("check",),
]


def _no_labels(value):
    if isinstance(value, dict):
        return {k: _no_labels(v) for k, v in value.items() if "label" not in k}
    if isinstance(value, list):
        return [_no_labels(item) for item in value]
    return value


def test_every_json_output_is_the_same_in_every_language(monev):
    _two(monev)
    monev.ok("channels", "add", "whatsapp", "WhatsApp", "--as-of", AS_OF)
    for args in READ_ONLY_JSON:
        english = monev.json(*args)
        indonesian = monev.json("--lang", "id", *args)
        assert _no_labels(english) == _no_labels(indonesian), args
