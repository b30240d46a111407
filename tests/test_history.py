from conftest import AS_OF


def _statuses(record: dict) -> list:
    return [
        (e["kind"], e["status"], e["event_on"], e["note"]) for e in record["events"]
    ]


def test_status_changes_are_appended_to_the_history(monev):
    monev.record()
    monev.json("update", "ADU-2023-0001", "--status", "proses", "--date", "2023-03-02",
               "--note", "Diteruskan", "--as-of", AS_OF)  # fmt: skip
    done = monev.json(
        "update", "adu-2023-0001", "--status", "selesai", "--note", "Dijawab",
        "--date", "05/03/2023", "--as-of", AS_OF,
    )  # fmt: skip
    assert done["status"] == "selesai"
    assert done["answered_on"] == "2023-03-05"
    assert _statuses(done) == [
        ("dicatat", "diterima", "2023-03-01", None),
        ("status", "proses", "2023-03-02", "Diteruskan"),
        ("status", "selesai", "2023-03-05", "Dijawab"),
    ]
    assert {e["officer"] for e in done["events"]} == {"tester"}


def test_update_confirms_in_one_line(monev):
    monev.record()
    out = monev.ok("update", "ADU-2023-0001", "--status", "proses", "--as-of", AS_OF)
    assert out == "ADU-2023-0001: Proses, 2 entries in its history.\n"


def test_received_can_go_straight_to_done(monev):
    monev.record()
    done = monev.json("update", "ADU-2023-0001", "--status", "selesai", "--note",
                      "Dijawab", "--as-of", AS_OF)  # fmt: skip
    assert done["status"] == "selesai"


def test_done_needs_the_answer_given(monev):
    monev.record()
    assert monev.fails(
        "update", "ADU-2023-0001", "--status", "selesai", "--as-of", AS_OF
    ) == (
        "Error: Closing ADU-2023-0001 as 'selesai' needs the answer given: add "
        '--note "...".'
    )
    assert monev.json("show", "ADU-2023-0001")["status"] == "diterima"


def test_reopening_needs_a_reason(monev):
    monev.record()
    monev.ok(
        "update",
        "ADU-2023-0001",
        "--status",
        "selesai",
        "--note",
        "Dijawab",
        "--as-of",
        AS_OF,
    )
    assert monev.fails(
        "update", "ADU-2023-0001", "--status", "proses", "--as-of", AS_OF
    ) == ('Error: Reopening ADU-2023-0001 needs the reason: add --note "...".')
    reopened = monev.json("update", "ADU-2023-0001", "--status", "proses", "--note",
                          "Pengadu belum puas", "--as-of", AS_OF)  # fmt: skip
    assert reopened["status"] == "proses"
    assert reopened["answered_on"] is None
    assert len(reopened["events"]) == 3


def test_same_status_twice_is_refused(monev):
    monev.record()
    monev.ok("update", "ADU-2023-0001", "--status", "proses", "--as-of", AS_OF)
    assert monev.fails(
        "update", "ADU-2023-0001", "--status", "proses", "--as-of", AS_OF
    ) == (
        "Error: ADU-2023-0001 is already 'proses': nothing was changed. To add "
        'a follow-up, type: monev note ADU-2023-0001 "..."'
    )


def test_unknown_status_is_refused(monev):
    monev.record()
    assert monev.fails(
        "update", "ADU-2023-0001", "--status", "diterima", "--as-of", AS_OF
    ) == (
        "Error: A complaint cannot be set back to 'diterima': give --status "
        "proses or selesai."
    )


def test_status_date_before_the_previous_entry_is_refused(monev):
    monev.record()
    assert monev.fails(
        "update",
        "ADU-2023-0001",
        "--status",
        "proses",
        "--date",
        "2023-02-28",
        "--as-of",
        AS_OF,
    ) == (
        "Error: The date 2023-02-28 is before 2023-03-01, the complaint's previous "
        "entry: give a date on or after it."
    )


def test_status_date_in_the_future_is_refused(monev):
    monev.record()
    assert (
        monev.fails(
            "update",
            "ADU-2023-0001",
            "--status",
            "proses",
            "--date",
            "2024-01-01",
            "--as-of",
            AS_OF,
        )
        == "Error: The date 2024-01-01 is after today (2023-12-31): check the date."
    )


def test_unknown_reference(monev):
    assert monev.fails("update", "ADU-2023-0099", "--status", "proses") == (
        "Error: There is no complaint 'ADU-2023-0099'. Give its tracking number "
        "(e.g. ADU-2023-0007) or its external reference; 'monev list --search' "
        "finds both."
    )


def test_note_is_added_without_changing_the_status(monev):
    monev.record()
    noted = monev.json(
        "note", "ADU-2023-0001", "Pengadu menelepon lagi", "--as-of", AS_OF
    )
    assert noted["status"] == "diterima"
    assert _statuses(noted)[-1] == ("catatan", None, AS_OF, "Pengadu menelepon lagi")


def test_empty_note_is_refused(monev):
    monev.record()
    assert monev.fails("note", "ADU-2023-0001", "  ", "--as-of", AS_OF) == (
        "Error: The note is empty: type it in."
    )


def test_void_keeps_the_entry_with_its_history(monev):
    monev.record()
    voided = monev.json(
        "void", "ADU-2023-0001", "--reason", "Tercatat dua kali", "--as-of", AS_OF
    )
    assert voided["voided"] is True
    assert voided["void_reason"] == "Tercatat dua kali"
    assert _statuses(voided)[-1] == ("batal", None, AS_OF, "Tercatat dua kali")
    assert monev.json("show", "ADU-2023-0001")["voided"] is True
    assert monev.json("list") == []
    assert [c["tracking_no"] for c in monev.json("list", "--include-void")] == [
        "ADU-2023-0001"
    ]


def test_a_voided_complaint_cannot_change(monev):
    monev.record()
    monev.ok("void", "ADU-2023-0001", "--reason", "salah input", "--as-of", AS_OF)
    message = (
        "Error: ADU-2023-0001 was voided (salah input): it cannot be changed. If "
        "it was voided by mistake, bring it back: monev restore ADU-2023-0001 "
        '--reason "..."'
    )
    assert (
        monev.fails("update", "ADU-2023-0001", "--status", "proses", "--as-of", AS_OF)
        == message
    )
    assert monev.fails("note", "ADU-2023-0001", "x", "--as-of", AS_OF) == message
    assert (
        monev.fails("void", "ADU-2023-0001", "--reason", "lagi", "--as-of", AS_OF)
        == message
    )


def test_void_needs_a_reason(monev):
    monev.record()
    assert monev.fails("void", "ADU-2023-0001", "--reason", "", "--as-of", AS_OF) == (
        "Error: The reason is empty: type it in."
    )
