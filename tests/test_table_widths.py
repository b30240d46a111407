"""Terminal tables fit the window: at 100, 80 and 60 columns every tracking
number, date, status, code and count is shown whole and no line is wider
than the window; only free text is shortened (with an ellipsis) or wrapped.
Below the narrow width a table that would shorten anything becomes one block
of "label: value" lines a row. An empty result is said in words."""

import re

import pytest
from conftest import Monev, copy_register
from rich.cells import cell_len

from monev_cli.commands import output

AS_OF = "2025-01-31"
WIDTHS = [100, 80, 60]
LONG_LABEL = "Layanan pengaduan melalui aplikasi WhatsApp resmi milik Dinas Sosial"
LONG_NAME = "Ni Luh Putu Ayu Kusumawati Dewi Anggreni Sekar Wangi Pradnyawati"
LONG_SUMMARY = (
    "Bantuan sosial belum diterima sejak tiga bulan walaupun nama tercantum "
    "dalam daftar penerima yang diumumkan di kantor desa"
)
INTERACTIVE = [
    "monev_cli.commands.complaints.is_interactive",
    "monev_cli.commands.overdue.is_interactive",
    "monev_cli.commands.deadlines.is_interactive",
]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The sample register, with long free text everywhere a table shows it."""
    monev = Monev(tmp_path_factory.mktemp("widths") / "register.db")
    monev.ok("sample", "--count", "60", "--as-of", AS_OF)
    monev.ok("settings", "set", "ack_days", "3", "--from", "2024-01-01")
    monev.ok("settings", "set", "response_days", "14", "--from", "2024-07-01")
    monev.ok("channels", "add", "whatsapp", LONG_LABEL)
    monev.ok(
        "types", "add", "aduan_panjang", LONG_LABEL, "--classification", "informatif"
    )
    monev.ok("holidays", "add", "2024-03-20", LONG_LABEL)
    monev.ok("profile", "set", "agency", LONG_SUMMARY)
    monev.ok(
        "record", "--date", "2025-01-20", "--channel", "whatsapp",
        "--type", "aduan_panjang", "--summary", LONG_SUMMARY, "--name", LONG_NAME,
        "--unit", LONG_LABEL, "--as-of", AS_OF,
    )  # fmt: skip
    return monev.db


@pytest.fixture
def desk(template, tmp_path, monkeypatch):
    """The register on a terminal (for the commands that ask)."""
    for name in INTERACTIVE:
        monkeypatch.setattr(name, lambda: True)
    return Monev(copy_register(template, tmp_path / "register.db"))


def shown(desk, monkeypatch, width: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    text = desk.ok(*args)
    wide = [line for line in text.splitlines() if cell_len(line) > width]
    assert not wide, f"wider than {width}: {wide}"
    return text


def lines_starting(text: str, start: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(start)]


def block(text: str, head: str) -> str:
    """The "label: value" lines of the block headed by ``head``, unpadded."""
    lines = [line.rstrip() for line in text.splitlines()]
    start = lines.index(head) + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return "\n".join(lines[start:end])


def test_at_80_columns_the_old_table_cut_what_this_one_shows_whole(desk, monkeypatch):
    """What was seen: "ADU-2024-0…", cut dates, statuses and days late."""
    text = shown(desk, monkeypatch, 80, "list", "--year", "2024", "--as-of", AS_OF)
    assert not re.search(r"ADU-\d{4}-\d{0,3}…|\d{4}-\d\d-\d?…", text)
    assert lines_starting(text, "ADU-2024-0001  2024-01-07  selesai   answered ")


@pytest.mark.parametrize("width", WIDTHS)
def test_list(desk, monkeypatch, width):
    found = desk.json("list", "--year", "2024", "--as-of", AS_OF)
    text = shown(desk, monkeypatch, width, "list", "--year", "2024", "--as-of", AS_OF)
    assert len(found) == 32
    for item in found:
        number, received = item["tracking_no"], item["received_on"]
        if width < 80:  # too narrow for the table: one block a complaint
            lines = block(text, number)
            assert lines.startswith(f"  Received: {received}\n")
            assert f"\n  Status:   {item['status']}\n" in lines
            assert f"\n  Due:      {item['timeliness_label']}\n" in lines
            continue
        [line] = lines_starting(text, f"{number}  {received}  ")
        assert re.search(rf"  {item['status']} +{item['timeliness_label']}  ", line)
        assert (item["channel"] in line) == (width >= 100)


def test_list_shows_more_free_text_on_a_wider_window(desk, monkeypatch):
    args = ("list", "--year", "2025", "--as-of", AS_OF)
    narrow = lines_starting(shown(desk, monkeypatch, 80, *args), "ADU-2025-0001")
    wide = lines_starting(shown(desk, monkeypatch, 160, *args), "ADU-2025-0001")
    assert narrow[0].endswith("…") and LONG_NAME not in narrow[0]
    shortened = narrow[0].split("  ")[-1][:-1]
    assert LONG_SUMMARY.startswith(shortened) and len(shortened) >= 16
    assert "whatsapp" in wide[0] and "Ni Luh Putu" in wide[0]
    assert len(wide[0].split("  ")[-1]) > len(shortened) + 20


@pytest.mark.parametrize("width", WIDTHS)
def test_overdue(desk, monkeypatch, width):
    args = ("overdue", "--as-of", AS_OF)
    found = desk.json(*args)
    text = shown(desk, monkeypatch, width, *args)
    assert text.startswith(f"Overdue on {AS_OF}")
    assert [item["kind"] for item in found[-1:]] == ["no_response"]
    for item in found:
        late = f"{item['days_late']} days late"
        if item["kind"] == "no_response":
            late = f"no initial response, {late}"
        if width < 80:  # too narrow for the table: one block a complaint
            lines = block(text, item["tracking_no"])
            assert lines.startswith(f"  Received: {item['received_on']}\n")
            assert f"\n  Late:     {late}\n" in lines
            continue
        [line] = lines_starting(text, f"{item['tracking_no']}  {item['received_on']}")
        assert f"  {late}  " in line


@pytest.mark.parametrize("width", WIDTHS)
def test_show(desk, monkeypatch, width):
    args = ("show", "ADU-2025-0001", "--as-of", AS_OF)
    text = shown(desk, monkeypatch, width, *args)
    assert text.startswith("ADU-2025-0001")
    assert lines_starting(text, "Received      2025-01-20")
    assert lines_starting(text, "Due           2025-02-03 (3 days left)")
    assert lines_starting(text, "Channel       whatsapp")
    # Free text is wrapped, never cut: every word of it is there.
    assert " ".join(LONG_SUMMARY.split()[:5]) in text and "desa" in text
    assert "…" not in text
    history = shown(desk, monkeypatch, width, "show", "ADU-2024-0001", "--as-of", AS_OF)
    dates = [e["event_on"] for e in desk.json("show", "ADU-2024-0001")["events"]]
    for day in dates:
        assert lines_starting(history, day)


@pytest.mark.parametrize("width", WIDTHS)
def test_profile_show(desk, monkeypatch, width):
    text = shown(desk, monkeypatch, width, "profile", "show")
    for key, value in desk.json("profile", "show").items():
        assert re.search(rf"^{key}( |$)", text, re.MULTILINE), key
        assert " ".join((value or "-").split()[:2]) in text
    assert "dalam daftar penerima" in text and "…" not in text


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("table", ["channels", "types"])
def test_codes(desk, monkeypatch, width, table):
    text = shown(desk, monkeypatch, width, table)
    for code in desk.json(table):
        [line] = lines_starting(text, code["code"] + " ")
        if code.get("classification"):
            assert f"  {code['classification']}  " in line
        assert line.rstrip().endswith(code["retired_on"] or "-")
    [long] = lines_starting(text, "whatsapp " if table == "channels" else "aduan")
    assert ("…" in long) == (LONG_LABEL not in text)


@pytest.mark.parametrize("width", WIDTHS)
def test_settings(desk, monkeypatch, width):
    text = shown(desk, monkeypatch, width, "settings", "show", "--as-of", AS_OF)
    assert lines_starting(text, "response_days  14        2024-07-01  days allowed")
    assert lines_starting(text, "response_unit  calendar  default     calendar or")
    history = shown(desk, monkeypatch, width, "settings", "history")
    assert lines_starting(history, "ack_days       3      2024-01-01")
    assert lines_starting(history, "response_days  14     2024-07-01")


@pytest.mark.parametrize("width", WIDTHS)
def test_holidays(desk, monkeypatch, width):
    text = shown(desk, monkeypatch, width, "holidays", "list", "--year", "2024")
    days = [
        holiday["day"] for holiday in desk.json("holidays", "list", "--year", "2024")
    ]
    assert len(days) > 20
    for day in days:
        assert lines_starting(text, f"{day}  ")
    [own] = lines_starting(text, "2024-03-20  agency  ")
    assert own.rstrip().endswith("…") == (width < 100)


@pytest.mark.parametrize("width", WIDTHS)
def test_recap(desk, monkeypatch, width):
    text = shown(desk, monkeypatch, width, "recap", "--year", "2024", "--as-of", AS_OF)
    recap = desk.json("recap", "--year", "2024", "--as-of", AS_OF)
    for name in ("channel", "type", "status"):
        for number, line in enumerate(recap[name]["lines"], start=1):
            assert re.search(rf"^ *{number}  .* {line['count']}\b", text, re.MULTILINE)
    assert re.search(r"^ +Total +32 +100\.0%$", text, re.MULTILINE)


def test_below_the_narrow_width_a_complaint_is_one_block(desk, monkeypatch):
    text = shown(desk, monkeypatch, 50, "list", "--year", "2025", "--as-of", AS_OF)
    assert [line.rstrip() for line in text.splitlines()] == [
        "ADU-2025-0001",
        "  Received: 2025-01-20",
        "  Channel:  whatsapp",
        "  Status:   diterima",
        "  Due:      3 days left",
        "  Name:     Ni Luh Putu Ayu Kusumawati Dewi",
        "            Anggreni Sekar Wangi Pradnyawati",
        "  Summary:  Bantuan sosial belum diterima sejak",
        "            tiga bulan walaupun nama tercantum",
        "            dalam daftar penerima yang diumumkan",
        "            di kantor desa",
    ]


def test_blocks_are_parted_by_a_blank_line_and_keep_the_title(desk, monkeypatch):
    text = shown(desk, monkeypatch, 50, "overdue", "--as-of", AS_OF)
    blocks = text.split("\n\n")
    assert blocks[0] == f"Overdue on {AS_OF}"
    assert all(re.match(r"ADU-\d{4}-\d{4}\n  Received: ", b) for b in blocks[1:])
    last = [line.rstrip() for line in blocks[-1].splitlines()]
    assert last[:4] == [
        "ADU-2025-0001",
        "  Received: 2025-01-20",
        "  Late:     no initial response, 8 days late",
        "  Channel:  whatsapp",
    ]


def test_a_small_table_that_fits_whole_stays_a_table(desk, monkeypatch):
    text = shown(desk, monkeypatch, 45, "settings", "history")
    assert text.splitlines()[0].split() == ["Key", "Value", "Since"]
    profile = shown(desk, monkeypatch, 45, "profile", "show")
    assert profile.startswith("government\n  Value:   ")
    assert "\nagency\n  Value:   Bantuan sosial" in profile


@pytest.mark.parametrize("width", [80, 45])
def test_show_keeps_its_fields_a_table_on_a_narrow_window(desk, monkeypatch, width):
    text = shown(desk, monkeypatch, width, "show", "ADU-2025-0001", "--as-of", AS_OF)
    assert lines_starting(text, "Received      2025-01-20")


def test_empty_results_are_said_in_words_on_a_terminal(desk, monkeypatch):
    none = ("list", "--year", "2030", "--as-of", AS_OF)
    assert shown(desk, monkeypatch, 80, *none) == "No complaint matches.\n"
    assert desk.ok("recap", "--year", "2030") == (
        "Complaints received 2030-01-01 to 2030-12-31\n"
        "No complaint was received in the period.\n"
    )
    monkeypatch.setattr("monev_cli.register.holidays.year", lambda *_: [])
    assert desk.ok("holidays", "list", "--year", "2030") == (
        "No days off are listed for 2030.\n"
    )


def test_empty_settings_history_is_said_in_words(fresh, monkeypatch):
    monkeypatch.setattr("monev_cli.commands.deadlines.is_interactive", lambda: True)
    fresh.ok("init")
    assert fresh.ok("settings", "history") == (
        "No limit was ever set: the defaults are in force.\n"
    )
    monkeypatch.setattr("monev_cli.commands.deadlines.is_interactive", lambda: False)
    assert fresh.ok("settings", "history") == ""


def test_scripts_still_get_nothing_for_an_empty_result(desk, monkeypatch):
    for name in INTERACTIVE:
        monkeypatch.setattr(name, lambda: False)
    none = ("list", "--year", "2030", "--as-of", AS_OF)
    assert desk.ok(*none) == ""
    assert desk.ok(*none, "--json") == "[]\n"
    assert desk.ok(*none, "--csv").count("\n") == 1


def test_a_fixed_cell_wider_than_the_window_makes_blocks(monkeypatch, capsys):
    """Never a cut code: where even the fixed cells do not fit, blocks."""
    monkeypatch.setenv("COLUMNS", "100")
    columns = [output.Column("Code"), output.Column("Label", output.TEXT)]
    output.print_table(columns, [("x" * 95, "a label")])
    text = capsys.readouterr().out
    assert [line.rstrip() for line in text.splitlines()] == [
        "x" * 95,
        "  Label: a label",
    ]


def test_a_phrase_wraps_between_words_never_inside_one(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "60")
    columns = [
        output.Column("No"),
        output.Column("Late", output.PHRASE, minimum=4),
        output.Column("Summary", output.TEXT, minimum=30),
    ]
    output.print_table(columns, [("1", "no initial response, 12 days late", "x" * 60)])
    text = capsys.readouterr().out
    late = [line[3:].split("  ")[0].strip() for line in text.splitlines()[2:]]
    words = ["no", "initial", "response,", "12", "days", "late"]
    assert " ".join(late).split() == words
    assert len(late) > 1 and all(cell_len(line) <= 60 for line in text.splitlines())


def test_at_80_columns_the_indonesian_phrases_stay_whole(desk, monkeypatch):
    """Longer words than English: the table leaves columns out before it
    wraps how late a complaint is."""
    args = ("--lang", "id", "list", "--year", "2024", "--as-of", AS_OF)
    text = shown(desk, monkeypatch, 80, *args)
    assert text.splitlines()[0].split() == [
        "Nomor", "Diterima", "Status", "Batas", "jawaban", "Ringkasan",
    ]  # fmt: skip
    late = [line for line in text.splitlines() if "dijawab terlambat" in line]
    assert late and all(re.search(r"dijawab terlambat \d+ hari  ", x) for x in late)
