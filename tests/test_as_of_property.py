"""For random histories, the counts of a report as of a day equal those read
straight off each complaint's history up to that day (issue 17)."""

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monev_cli import tallies
from monev_cli.period import Period
from monev_cli.register import asof, create_register

START = date(2023, 1, 1)
CHANNELS = ("facebook", "langsung", "telepon")
ACTIONS = ("proses", "selesai", "batal", "pulih", "koreksi")

steps = st.lists(
    st.tuples(st.integers(0, 20), st.sampled_from(ACTIONS), st.sampled_from(CHANNELS)),
    max_size=6,
)
complaint = st.tuples(st.integers(0, 120), st.sampled_from(CHANNELS), steps)


def history(received: int, channel: str, wanted) -> list[tuple]:
    """(day, kind, status, field, old, new) entries, as the commands would
    allow them, dated in order from the day of receipt."""
    day = START + timedelta(days=received)
    status, voided = "diterima", False
    entries = [(day, "dicatat", status, None, None, None)]
    for gap, action, new_channel in wanted:
        day += timedelta(days=gap)
        if action == "batal" and not voided:
            voided = True
            entries.append((day, "batal", None, None, None, None))
        elif action == "pulih" and voided:
            voided = False
            entries.append((day, "pulih", None, None, None, None))
        elif action == "koreksi" and new_channel != channel:
            entries.append((day, "koreksi", None, "channel", channel, new_channel))
            channel = new_channel
        elif action in ("proses", "selesai") and not voided and action != status:
            status = action
            entries.append((day, "status", status, None, None, None))
    return entries


def as_it_stood(received: int, channel: str, entries, day: date):
    """(status, channel) on ``day`` by walking the history, or None when the
    complaint was not yet received or was voided then."""
    if START + timedelta(days=received) > day:
        return None
    status, voided = None, False
    for on, kind, new_status, _field, _old, new in entries:
        if on > day:
            break
        if new_status:
            status = new_status
        voided = {"batal": True, "pulih": False}.get(kind, voided)
        channel = new if kind == "koreksi" else channel
    return None if voided else (status, channel)


def store(register, complaints) -> None:
    with register.write() as conn:
        conn.execute("DELETE FROM events")
        conn.execute("DELETE FROM complaints")
        for number, (received, channel, wanted) in enumerate(complaints, start=1):
            entries = history(received, channel, wanted)
            status = [e[2] for e in entries if e[2]][-1]
            done = [e[0] for e in entries if e[2] == "selesai"]
            marks = [e[1] for e in entries if e[1] in ("batal", "pulih")]
            voided = bool(marks) and marks[-1] == "batal"
            last_channel = [e[5] for e in entries if e[1] == "koreksi"] or [channel]
            received_on = START + timedelta(days=received)
            conn.execute(
                "INSERT INTO complaints (id, tracking_no, year, seq, received_on, "
                "channel, type, classification, summary, confidential, status, "
                "due_on, answered_on, voided) VALUES (?, ?, 2023, ?, ?, ?, "
                "'informasi', 'informatif', 'Tanya', 0, ?, ?, ?, ?)",
                (
                    number, f"ADU-2023-{number:04d}", number, received_on.isoformat(),
                    last_channel[-1], status,
                    (received_on + timedelta(days=30)).isoformat(),
                    done[-1].isoformat() if status == "selesai" else None, int(voided),
                ),
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO events (complaint_id, kind, status, event_on, logged_at, "
                "officer, field, old_value, new_value) "
                "VALUES (?, ?, ?, ?, ?, 'tester', ?, ?, ?)",
                [
                    (
                        number,
                        kind,
                        status,
                        on.isoformat(),
                        f"{on}T09:00:00+08:00",
                        field,
                        old,
                        new,
                    )
                    for on, kind, status, field, old, new in entries
                ],  # fmt: skip
            )


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    """One register for every example: each stores its complaints anew."""
    made = create_register(tmp_path_factory.mktemp("property") / "register.db")
    yield made
    made.close()


@settings(max_examples=60, deadline=None)
@given(complaints=st.lists(complaint, max_size=8), offset=st.integers(0, 200))
def test_counts_as_of_a_day_follow_each_complaint_history(register, complaints, offset):
    day = START + timedelta(days=offset)
    store(register, complaints)
    expected = [
        state
        for received, channel, wanted in complaints
        if (
            state := as_it_stood(
                received, channel, history(received, channel, wanted), day
            )
        )
    ]
    with asof.state(register, Period.of_year(2023), day) as cut:
        by_status = tallies.by_status(register, cut)
        by_channel = tallies.by_channel(register, cut)
    assert {line.key: line.count for line in by_status.lines} == {
        status: Counter(s for s, _ in expected)[status]
        for status in ("selesai", "proses", "diterima")
    }
    channels = {line.key: line.count for line in by_channel.lines if line.count}
    assert channels == dict(Counter(c for _, c in expected))
