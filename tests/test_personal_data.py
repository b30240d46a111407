"""The complainant's name and contact: never shown for a confidential
complaint unless --include-personal is given, in any output.

To cover a new output (a report, an export), add it to OUTPUTS: the
arguments after ``monev``, and whether it is run as on a terminal."""

import pytest
from conftest import AS_OF, Monev, copy_register

SECRET = ("Ni Rahasia", "0812-555-0001")
OPEN = ("Made Terbuka", "0813-555-0002")

# (arguments, as on a terminal?, does it show contacts at all?)
OUTPUTS = {
    "list-table": (("list",), True, False),
    "list-plain": (("list",), False, False),
    "list-json": (("list", "--json"), False, True),
    "list-csv": (("list", "--csv"), False, False),
    "show-table": (("show", "ADU-2023-0001"), True, True),
    "show-json": (("show", "ADU-2023-0001", "--json"), False, True),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    monev = Monev(tmp_path_factory.mktemp("template") / "register.db")
    monev.ok("init")
    name, contact = SECRET
    monev.record("--confidential", name=name, contact=contact, summary="Rahasia")
    name, contact = OPEN
    monev.record(name=name, contact=contact, summary="Terbuka")
    return monev.db


@pytest.fixture
def desk(template, tmp_path):
    return Monev(copy_register(template, tmp_path / "register.db"))


def run(desk, monkeypatch, output: str, *extra: str) -> str:
    args, terminal, _ = OUTPUTS[output]
    monkeypatch.setattr(
        "monev_cli.commands.complaints.is_interactive", lambda: terminal
    )
    monkeypatch.setenv("COLUMNS", "200")  # Rich tables: no wrapped cells
    return desk.ok(*args, *extra, "--as-of", AS_OF)


@pytest.mark.parametrize("output", OUTPUTS)
def test_a_confidential_identity_is_withheld(desk, monkeypatch, output):
    shown = run(desk, monkeypatch, output)
    assert "Rahasia" in shown  # the complaint itself is there
    assert SECRET[0] not in shown and SECRET[1] not in shown


@pytest.mark.parametrize("output", OUTPUTS)
def test_it_is_shown_when_asked_for(desk, monkeypatch, output):
    shown = run(desk, monkeypatch, output, "--include-personal")
    assert SECRET[0] in shown
    assert (SECRET[1] in shown) == OUTPUTS[output][2]


@pytest.mark.parametrize("output", ["list-table", "list-json", "list-csv"])
def test_identities_that_are_not_confidential_are_listed(desk, monkeypatch, output):
    assert OPEN[0] in run(desk, monkeypatch, output)


@pytest.mark.parametrize(
    "command",
    [
        ("update", "ADU-2023-0001", "--status", "proses"),
        ("note", "ADU-2023-0001", "Ditelepon"),
        ("void", "ADU-2023-0001", "--reason", "double"),
    ],
)
def test_changes_do_not_echo_a_confidential_identity(desk, command):
    shown = desk.json(*command, "--as-of", AS_OF)
    assert (shown["name"], shown["contact"]) == (None, None)


def test_recording_does_not_echo_it_either(monev):
    shown = monev.record("--confidential", name=SECRET[0], contact=SECRET[1])
    assert (shown["name"], shown["contact"], shown["confidential"]) == (
        None,
        None,
        True,
    )
    stored = monev.json("show", "ADU-2023-0001", "--include-personal", "--as-of", AS_OF)
    assert (stored["name"], stored["contact"]) == SECRET


# Outputs that hold no identity at all unless asked for: (arguments, does
# --include-personal bring in the confidential identity too?)
PUBLISHED = {
    "report-md": (("report", "--year", "2023", "--as-of", AS_OF), False),
    "report-html": (
        ("report", "--year", "2023", "--format", "html", "--as-of", AS_OF),
        False,
    ),
    "export-csv": (("export", "--format", "csv"), True),
    "export-json": (("export", "--format", "json"), True),
}


@pytest.mark.parametrize("output", PUBLISHED)
def test_no_identity_is_published_unless_asked(desk, output):
    args, _ = PUBLISHED[output]
    shown = desk.ok(*args)
    for secret in (*SECRET, *OPEN):
        assert secret not in shown


@pytest.mark.parametrize("output", PUBLISHED)
def test_published_identities_when_asked(desk, output):
    args, confidential_too = PUBLISHED[output]
    shown = desk.ok(*args, "--include-personal")
    assert OPEN[0] in shown
    assert (SECRET[0] in shown) == confidential_too


@pytest.mark.parametrize(
    "args",
    [
        ("recap", "--year", "2023", "--json", "--as-of", AS_OF),
        ("overdue", "--json", "--as-of", "2024-06-30"),
        ("export", "--format", "open311", "--include-personal"),
    ],
)
def test_counts_open311_and_the_overdue_list_hold_no_identity(desk, args):
    shown = desk.ok(*args)
    for secret in (*SECRET, *OPEN):
        assert secret not in shown
