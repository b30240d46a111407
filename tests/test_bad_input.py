"""Every kind of mistyped input: refused with one ``Error:`` line that says
what to type instead, no traceback, and the register's content unchanged.

To cover a new command, add rows to BAD_INPUTS (or NON_UTF8_INPUTS for
bytes that are not UTF-8, which only a real process receives)."""

import pytest
from conftest import (
    AS_OF,
    Monev,
    copy_register,
    error_line,
    register_digest,
    run_monev,
)

T = ("--as-of", AS_OF)
RECORD = ("record", "--channel", "facebook", "--type", "informasi", "--summary", "x")
CHANNELS = "website, langsung, facebook, telepon, instagram, lapor, kotak, email, " \
    "youtube, surat"  # fmt: skip
TYPES = "disiplin, wewenang, standar, informasi, layanan, lainnya"
NO_SUCH = (
    "Give its tracking number (e.g. ADU-2023-0007) or its external reference; "
    "'monev list --search' finds both."
)
BARE = "is not a tracking number: give the whole number"
VOIDED = (
    "Error: ADU-2023-0004 was voided (double): it cannot be changed. If it was "
    "voided by mistake, bring it back: monev restore ADU-2023-0004 --reason "
    '"..."'
)
PREFIX = "cannot be used: give 1 to 10 letters or digits, without spaces (e.g. ADU)."


def record(*extra: str) -> tuple:
    """``record`` with valid fields, ``extra`` overriding them (the last
    value of an option counts)."""
    return (*RECORD, *T, *extra)


# (arguments, the exact Error line); {db} stands for the register's path.
BAD_INPUTS = [
    # record: codes
    pytest.param(record("--channel", "tiktok"),
        f"Error: Unknown channel 'tiktok'. Valid channels: {CHANNELS}.",
        id="record-unknown-channel"),
    pytest.param(record("--type", "pungli"),
        f"Error: Unknown type 'pungli'. Valid types: {TYPES}.",
        id="record-unknown-type"),
    pytest.param(record("--classification", "serius"),
        "Error: Unknown classification 'serius'. Valid: informatif, penyimpangan.",
        id="record-unknown-classification"),
    pytest.param(record("--channel", ""),
        f"Error: Give --channel (one of: {CHANNELS}).",
        id="record-empty-channel"),
    # record: dates
    pytest.param(record("--date", "kemarin"),
        "Error: 'kemarin' is not a date: type it as YYYY-MM-DD or DD/MM/YYYY.",
        id="date-malformed"),
    pytest.param(record("--date", "2023-02-29"),
        "Error: '2023-02-29' is not a real calendar date: month 2 of 2023 has 28 "
        "days.", id="date-impossible"),
    pytest.param(record("--date", "31/04/2023"),
        "Error: '31/04/2023' is not a real calendar date: month 4 of 2023 has 30 "
        "days.", id="date-impossible-indonesian"),
    pytest.param(record("--date", "2023-13-45"),
        "Error: '2023-13-45' is not a real calendar date: check the day and month.",
        id="date-no-such-month"),
    pytest.param(record("--date", "03/25/2023"),
        "Error: '03/25/2023' has no month 25: type the day first, as 25/03/2023 "
        "(DD/MM/YYYY) or 2023-03-25.", id="date-month-first-typo"),
    pytest.param(record("--date", "2023-25-03"),
        "Error: '2023-25-03' has no month 25: type the day first, as 25/03/2023 "
        "(DD/MM/YYYY) or 2023-03-25.", id="date-iso-day-month-swapped"),
    pytest.param(record("--date", "2024-01-01"),
        "Error: The received date 2024-01-01 is after today (2023-12-31): check the "
        "date.", id="date-future"),
    pytest.param(record("--date", "1999-12-31"),
        "Error: '1999-12-31' is out of range: give a date from 2000-01-01 to "
        "2100-12-31.", id="date-before-2000"),
    pytest.param(record("--date", ""),
        "Error: '' is not a date: type it as YYYY-MM-DD or DD/MM/YYYY.",
        id="date-empty"),
    pytest.param(record("--as-of", "9999-12-30"),
        "Error: '9999-12-30' is out of range: give a date from 2000-01-01 to "
        "2100-12-31.", id="as-of-past-2100"),
    pytest.param(("overdue", "--as-of", "9999-12-31", "--within", "1"),
        "Error: '9999-12-31' is out of range: give a date from 2000-01-01 to "
        "2100-12-31.", id="overdue-as-of-past-2100"),
    # Every --year is checked by one rule, with one message.
    *(
        pytest.param((*command, "--year", year),
            f"Error: The year {year} is out of range: give a year from 2000 to "
            "2100.", id=f"{'-'.join(command)}-year-{year}")
        for command, year in (
            (("report",), "9999"), (("recap",), "1999"),
            (("narrative", "show"), "2101"), (("holidays", "list"), "3000"),
            (("export",), "1999"),
        )
    ),
    pytest.param(("list", "--status", "", *T),
        "Error: The status is empty: type it in.", id="list-empty-status"),
    pytest.param(("export", "--channel", ""),
        "Error: The channel is empty: type it in.", id="export-empty-channel"),
    pytest.param(("list", "--year", "2101", *T),
        "Error: The year 2101 is out of range: give a year from 2000 to 2100.",
        id="list-year-past-2100"),
    pytest.param(record("--as-of", "31-12-2023"),
        "Error: '31-12-2023' is not a date: type it as YYYY-MM-DD or DD/MM/YYYY.",
        id="as-of-malformed"),
    # record: texts
    pytest.param(record("--summary", "   "),
        "Error: The summary is empty: type it in.", id="summary-empty"),
    pytest.param(record("--summary", "a" * 4001),
        "Error: The summary is 4001 characters long; at most 4000 fit: shorten it.",
        id="summary-oversized"),
    pytest.param(record("--name", "n" * 201),
        "Error: The name is 201 characters long; at most 200 fit: shorten it.",
        id="name-oversized"),
    pytest.param(record("--name", "bell\x07"),
        "Error: The name holds a control character (U+0007): retype it as plain "
        "text.", id="name-control-character"),
    pytest.param(record("--summary", "\x1b[31mmerah"),
        "Error: The summary holds a control character (U+001B): retype it as "
        "plain text.", id="summary-terminal-escape"),
    pytest.param(record("--contact", "0812\x00"),
        "Error: The contact holds a control character (U+0000): retype it as "
        "plain text.", id="contact-nul"),
    pytest.param(record("--unit", "Bidang\nPPPA"),
        "Error: The unit holds a control character (U+000A): retype it as plain "
        "text.", id="unit-newline"),
    pytest.param(record("--external-ref", "r" * 201),
        "Error: The external reference is 201 characters long; at most 200 fit: "
        "shorten it.", id="external-ref-oversized"),
    # options and commands
    pytest.param(record("--colour", "red"),
        "Error: No such option: --colour (see 'monev record --help')",
        id="unknown-option"),
    pytest.param(("recrod",),
        "Error: No such command 'recrod'. Did you mean 'record'? (see 'monev "
        "--help')", id="unknown-command"),
    pytest.param(("update", "ADU-2023-0001", *T),
        "Error: Missing option '--status' (see 'monev update --help')",
        id="update-without-status"),
    pytest.param(("void", "ADU-2023-0001", *T),
        "Error: Missing option '--reason' (see 'monev void --help')",
        id="void-without-reason"),
    # update: references and transitions
    pytest.param(("update", "ADU-2023-0099", "--status", "proses", *T),
        f"Error: There is no complaint 'ADU-2023-0099'. {NO_SUCH}",
        id="update-unknown-ref"),
    pytest.param(("update", "ADU 2023 0001", "--status", "proses", *T),
        f"Error: There is no complaint 'ADU 2023 0001'. {NO_SUCH}",
        id="update-ref-with-spaces"),
    pytest.param(("update", " ", "--status", "proses", *T),
        "Error: The tracking number is empty: type it in.", id="update-ref-empty"),
    pytest.param(("update", "ADU-2023-0001", "--status", "beres", *T),
        "Error: Unknown status 'beres'. Valid: proses, selesai.",
        id="update-unknown-status"),
    pytest.param(("update", "ADU-2023-0001", "--status", "diterima", *T),
        "Error: A complaint cannot be set back to 'diterima': give --status proses "
        "or selesai.", id="update-back-to-diterima"),
    pytest.param(("update", "ADU-2023-0002", "--status", "selesai", *T),
        "Error: Closing ADU-2023-0002 as 'selesai' needs the answer given: add "
        "--note \"...\".", id="selesai-without-note"),
    pytest.param(("update", "ADU-2023-0003", "--status", "proses", *T),
        "Error: Reopening ADU-2023-0003 needs the reason: add --note \"...\".",
        id="reopen-without-reason"),
    pytest.param(("update", "ADU-2023-0002", "--status", "proses", *T),
        "Error: ADU-2023-0002 is already 'proses': nothing was changed. To add a "
        "follow-up, type: monev note ADU-2023-0002 \"...\"", id="same-status"),
    pytest.param(("update", "ADU-2023-0004", "--status", "proses", *T),
        VOIDED, id="update-voided"),
    pytest.param(("update", "ADU-2023-0002", "--status", "selesai", "--note", "x",
                  "--date", "2023-03-05", *T),
        "Error: The date 2023-03-05 is before 2023-03-10, the complaint's previous "
        "entry: give a date on or after it.", id="update-before-previous-entry"),
    pytest.param(("update", "ADU-2023-0002", "--status", "selesai", "--note", "x",
                  "--date", "2024-02-01", *T),
        "Error: The date 2024-02-01 is after today (2023-12-31): check the date.",
        id="update-future-date"),
    pytest.param(("--officer", "\x1b[2J", "note", "ADU-2023-0001", "x", *T),
        "Error: The officer name holds a control character (U+001B): retype it as "
        "plain text.", id="officer-control-character"),
    # note and void
    pytest.param(("note", "ADU-2023-0001", "  ", *T),
        "Error: The note is empty: type it in.", id="note-empty"),
    pytest.param(("note", "ADU-2023-0001", "n" * 4001, *T),
        "Error: The note is 4001 characters long; at most 4000 fit: shorten it.",
        id="note-oversized"),
    pytest.param(("note", "ADU-2023-0004", "x", *T), VOIDED, id="note-voided"),
    pytest.param(("note", "ADU-2022-0001", "x", *T),
        f"Error: There is no complaint 'ADU-2022-0001'. {NO_SUCH}",
        id="note-unknown-ref"),
    pytest.param(("void", "ADU-2023-0004", "--reason", "lagi", *T), VOIDED,
        id="void-twice"),
    pytest.param(("void", "ADU-2023-0001", "--reason", "", *T),
        "Error: The reason is empty: type it in.", id="void-empty-reason"),
    # show and list
    pytest.param(("show", "99", *T),
        f"Error: '99' {BARE} (e.g. ADU-2023-0007), as 'monev list' shows it.",
        id="show-unknown-number"),
    pytest.param(("show", "9" * 20, *T),
        f"Error: '{'9' * 20}' {BARE} (e.g. ADU-2023-0007), as 'monev list' shows "
        "it.", id="show-number-too-large"),
    pytest.param(("report", "--year", "2023", "--output", ".", *T),
        "Error: Cannot write .: Is a directory.", id="report-output-folder"),
    pytest.param(("export", "--format", "csv", "--output", "/"),
        "Error: Cannot write /: Is a directory.", id="export-output-root"),
    pytest.param(("templates", "export", "/proc/monev-templates"),
        "Error: Cannot write /proc/monev-templates: No such file or directory.",
        id="templates-export-unwritable"),
    pytest.param(("list", "--status", "beres", *T),
        "Error: Unknown status 'beres'. Valid: diterima, proses, selesai.",
        id="list-unknown-status"),
    pytest.param(("list", "--channel", "tiktok", *T),
        f"Error: Unknown channel 'tiktok'. Valid channels: {CHANNELS}.",
        id="list-unknown-channel"),
    pytest.param(("list", "--year", "0", *T),
        "Error: The year 0 is out of range: give a year from 2000 to 2100.",
        id="list-year-zero"),
    pytest.param(("list", "--year", "-1", *T),
        "Error: The year -1 is out of range: give a year from 2000 to 2100.",
        id="list-negative-year"),
    pytest.param(("list", "--year", "dua", *T),
        "Error: Invalid value for '--year': 'dua' is not a valid int (see 'monev "
        "list --help')", id="list-year-not-a-number"),
    pytest.param(("list", "--from", "2023-05-01", "--to", "2023-04-01", *T),
        "Error: --from 2023-05-01 is after --to 2023-04-01: swap the two dates.",
        id="list-period-reversed"),
    pytest.param(("list", "--from", "1 Mei 2023", *T),
        "Error: '1 Mei 2023' is not a date: type it as YYYY-MM-DD or DD/MM/YYYY.",
        id="list-date-in-words"),
    # profile, code lists, sample, init
    pytest.param(("profile", "set", "boss", "x"),
        "Error: Unknown profile key 'boss'. Valid keys: government, agency, "
        "agency_short, region, city, address, phone, email, website, head_name, "
        "head_title, head_rank, head_nip, prefix, lang.", id="profile-unknown-key"),
    pytest.param(("profile", "set", "prefix", "AD U"),
        f"Error: The prefix 'AD U' {PREFIX}", id="prefix-with-spaces"),
    pytest.param(("profile", "set", "prefix", "ABCDEFGHIJK"),
        f"Error: The prefix 'ABCDEFGHIJK' {PREFIX}", id="prefix-too-long"),
    pytest.param(("profile", "set", "prefix", " "),
        f"Error: The prefix '' {PREFIX}", id="prefix-empty"),
    pytest.param(("profile", "set", "agency", "Dinas\x1b[2J"),
        "Error: The agency holds a control character (U+001B): retype it as plain "
        "text.", id="profile-control-character"),
    pytest.param(("channels", "add", "whats app", "WhatsApp"),
        "Error: The code 'whats app' cannot be used: give up to 30 lowercase "
        "letters, digits, '-' or '_' (e.g. whatsapp).", id="code-with-space"),
    pytest.param(("channels", "add", "facebook", "FB"),
        "Error: The channel 'facebook' exists already: use it as it is, or choose "
        "another code.", id="code-exists"),
    pytest.param(("channels", "add", "wa", " "),
        "Error: Give a label for the report, e.g. \"WhatsApp\".", id="label-empty"),
    pytest.param(("types", "add", "pungli", "Pungli", "--classification", "berat"),
        "Error: Unknown classification 'berat'. Valid: informatif, penyimpangan.",
        id="type-unknown-classification"),
    pytest.param(("sample", "--count", "-5", *T),
        "Error: Invalid value for '--count': -5 is not in the range 1<=x<=100000 "
        "(see 'monev sample --help')", id="sample-negative-count"),
    pytest.param(("init",),
        "Error: A register already exists at {db}: nothing was changed.",
        id="init-over-a-register"),
]  # fmt: skip

# Bytes that are not UTF-8 (here \xe9, Latin-1's é), as a terminal set to
# another encoding sends them: only a real process gets them in its argv.
NON_UTF8_INPUTS = [
    pytest.param(record("--summary", "caf\udce9"),
        "Error: The summary is not valid UTF-8 text: retype it.", id="summary"),
    pytest.param(record("--channel", "caf\udce9"),
        "Error: The channel is not valid UTF-8 text: retype it.", id="channel"),
    pytest.param(("profile", "set", "agency", "Dinas caf\udce9"),
        "Error: The agency is not valid UTF-8 text: retype it.", id="profile"),
    pytest.param(("show", "ADU\udce9", *T),
        "Error: The tracking number is not valid UTF-8 text: retype it.", id="ref"),
    pytest.param(("--officer", "caf\udce9", "note", "ADU-2023-0001", "x", *T),
        "Error: The officer name is not valid UTF-8 text: retype it.", id="officer"),
    pytest.param(("list", "--search", "caf\udce9", *T),
        "Error: The search text is not valid UTF-8 text: retype it.", id="search"),
]  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A register with one complaint in each state: 0001 diterima, 0002
    proses, 0003 selesai, 0004 voided."""
    desk = Monev(tmp_path_factory.mktemp("template") / "register.db")
    desk.ok("init")
    for day in ("2023-03-01", "2023-03-02", "2023-03-03", "2023-03-04"):
        desk.record(date=day)
    for ref, status, note, day in (
        ("ADU-2023-0002", "proses", "", "2023-03-10"),
        ("ADU-2023-0003", "proses", "", "2023-03-10"),
        ("ADU-2023-0003", "selesai", "Dijawab", "2023-04-01"),
    ):
        desk.ok("update", ref, "--status", status, "--note", note, "--date", day, *T)
    desk.ok("void", "ADU-2023-0004", "--reason", "double", *T)
    return desk.db


@pytest.fixture
def desk(template, tmp_path) -> Monev:
    return Monev(copy_register(template, tmp_path / "register.db"))


def test_the_table_covers_at_least_forty_distinct_bad_inputs():
    inputs = {tuple(case.values[0]) for case in BAD_INPUTS + NON_UTF8_INPUTS}
    assert len(inputs) == len(BAD_INPUTS) + len(NON_UTF8_INPUTS) >= 40


@pytest.mark.parametrize(("args", "message"), BAD_INPUTS)
def test_bad_input_is_refused_and_changes_nothing(desk, args, message):
    before = register_digest(desk.db)
    assert desk.fails(*args) == message.replace("{db}", str(desk.db))
    assert register_digest(desk.db) == before


@pytest.mark.parametrize(("args", "message"), NON_UTF8_INPUTS)
def test_bytes_that_are_not_utf8_are_refused(desk, args, message):
    before = register_digest(desk.db)
    result = run_monev(desk.db, *args)
    assert result.returncode != 0
    assert error_line(result.stderr) == message
    assert register_digest(desk.db) == before


def test_bytes_that_are_not_utf8_are_shown_as_typed(desk):
    result = run_monev(desk.db, "list", "--zz\udce9")
    assert error_line(result.stderr) == (
        "Error: No such option: --zz\\xe9 (see 'monev list --help')"
    )
