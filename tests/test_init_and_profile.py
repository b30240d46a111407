import os
import stat

from conftest import Monev
from typer.testing import CliRunner

from monev_cli.cli import app
from monev_cli.models import PROFILE_KEYS


def test_init_creates_a_register_readable_by_its_owner_only(fresh):
    out = fresh.ok("init")
    assert str(fresh.db) in out
    assert stat.S_IMODE(os.stat(fresh.db).st_mode) == 0o600


def test_init_refuses_to_overwrite(monev):
    assert monev.fails("init") == (
        f"Error: A register already exists at {monev.db}: nothing was changed."
    )


def test_a_missing_register_is_named_and_not_created(fresh):
    assert fresh.fails("list") == (
        f"Error: There is no register at {fresh.db}. Create one with "
        "'monev init', or point to yours with --db or MONEV_DB."
    )
    assert not fresh.db.exists()


def test_register_found_through_environment(tmp_path, monev):
    result = CliRunner().invoke(
        app,
        ["profile", "show", "--json"],
        env={"MONEV_DB": str(monev.db)},
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("{")


def test_default_register_path_follows_xdg(monkeypatch, tmp_path):
    from monev_cli.commands.common import default_register_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_register_path() == tmp_path / "monev" / "register.db"


def test_profile_starts_with_the_default_prefix(monev):
    profile = monev.json("profile", "show")
    assert list(profile) == list(PROFILE_KEYS)
    assert profile["prefix"] == "ADU"
    assert profile["agency"] == ""


def test_profile_set_and_show(monev):
    assert monev.ok("profile", "set", "head_name", "I Komang Daging") == (
        "head_name = I Komang Daging\n"
    )
    assert monev.json("profile", "show")["head_name"] == "I Komang Daging"


def test_unknown_profile_key_lists_the_valid_ones(monev):
    assert monev.fails("profile", "set", "boss", "x") == (
        "Error: Unknown profile key 'boss'. Valid keys: "
        + ", ".join(PROFILE_KEYS)
        + "."
    )


def test_prefix_with_spaces_is_refused(monev):
    assert monev.fails("profile", "set", "prefix", "AD U") == (
        "Error: The prefix 'AD U' cannot be used: give 1 to 10 letters or "
        "digits, without spaces (e.g. ADU)."
    )


def test_prefix_applies_to_new_tracking_numbers(monev):
    monev.ok("profile", "set", "prefix", "dsk")
    assert monev.record()["tracking_no"] == "DSK-2023-0001"


def test_channels_and_types_list_defaults(monev):
    channels = monev.json("channels")
    assert [c["code"] for c in channels][:3] == ["website", "langsung", "facebook"]
    assert channels[1]["label"] == "Pengaduan disampaikan langsung"
    types = {t["code"]: t for t in monev.json("types")}
    assert types["wewenang"]["classification"] == "penyimpangan"
    assert types["informasi"]["label"] == "Informasi/saran"


def test_an_agency_adds_its_own_channel(monev):
    assert monev.ok("channels", "add", "WhatsApp", "WhatsApp") == (
        "Added whatsapp: WhatsApp.\n"
    )
    assert monev.record(channel="whatsapp")["channel"] == "whatsapp"
    assert monev.fails("channels", "add", "whatsapp", "WA") == (
        "Error: The channel 'whatsapp' exists already: use it as it is, or "
        "choose another code."
    )


def test_an_agency_adds_a_type_with_its_classification(monev):
    monev.ok(
        "types", "add", "pungli", "Pungutan liar", "--classification", "penyimpangan"
    )
    assert monev.record(type="pungli")["classification"] == "penyimpangan"


def test_not_a_sqlite_file(tmp_path, fresh):
    fresh.db.write_text("hello, this is not a database " * 100)
    before = fresh.db.read_bytes()
    assert fresh.fails("list") == (
        f"Error: {fresh.db} is not a monev register (not a SQLite database): "
        "check --db or MONEV_DB."
    )
    assert fresh.db.read_bytes() == before


def test_a_folder_is_not_a_register(tmp_path):
    assert Monev(tmp_path).fails("list") == (
        f"Error: {tmp_path} is a folder: give the path of a register file."
    )


def test_the_command_table_names_every_command_of_every_module():
    """A command a module defines but the table forgets cannot be run: the
    only way to find one is to ask the modules."""
    from monev_cli.commands.lazy import COMMANDS, module_group

    modules = {name: entry.module for name, entry in COMMANDS.items()}
    registered = {
        name: module
        for module in set(modules.values())
        for name in module_group(module).commands
    }
    assert registered == modules


def test_a_run_builds_only_its_own_command():
    """The command table's internals, pinned for a stated target: building
    every command of a module would cost `record` its <= 9x python."""
    from monev_cli.commands.lazy import module_group

    assert list(module_group("complaints", "list").commands) == ["list"]
    assert list(module_group("deadlines", "settings").commands) == ["settings"]
    assert list(module_group("setup", "init").commands) == ["init"]


def test_each_command_shows_the_help_the_root_help_lists():
    from monev_cli.commands.lazy import COMMANDS

    for name, entry in COMMANDS.items():
        result = CliRunner().invoke(app, [name, "--help"], terminal_width=200)
        assert result.exit_code == 0, result.output
        assert " ".join(entry.help.split()) in " ".join(result.stdout.split())


def test_the_root_help_lists_every_command_without_building_one(monkeypatch):
    """Pinned for a stated target: `monev --help` <= 16x python, which
    building the commands' modules would miss."""
    from monev_cli.commands import lazy

    def no_build(module):
        raise AssertionError(f"the help built the commands of {module}")

    monkeypatch.setattr(lazy, "module_group", no_build)
    result = CliRunner().invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    for name, entry in lazy.COMMANDS.items():
        assert f" {name} " in result.stdout
        assert " ".join(entry.help.split()[:4]) in result.stdout


def test_init_refuses_a_folder(tmp_path):
    assert Monev(tmp_path).fails("init") == (
        f"Error: {tmp_path} is a folder: give the path of a register file."
    )
