"""Choosing the language of messages: --lang, MONEV_LANG, the register's
profile, the system locale, English; and what each language shows."""

import os
import sqlite3
import subprocess
import sys

import pytest
from conftest import AS_OF

from monev_cli import i18n
from monev_cli.i18n import _
from monev_cli.register.catalog import stored_language

BAD_DATE = (
    "record", "--date", "2023-13-01", "--channel", "facebook", "--type",
    "informasi", "--summary", "x", "--as-of", AS_OF,
)  # fmt: skip
EN_ERROR = (
    "Error: '2023-13-01' has no month 13: type the day first, as 13/01/2023 "
    "(DD/MM/YYYY) or 2023-01-13."
)
ID_ERROR = (
    "Error: Bulan 13 pada '2023-13-01' tidak ada: ketik tanggalnya lebih dahulu, "
    "yaitu 13/01/2023 (DD/MM/YYYY), atau 2023-01-13."
)


def assert_indonesian(monev, *root):
    assert monev.fails(*root, *BAD_DATE) == ID_ERROR
    shown = monev.ok(*root, "sample", "--help")
    assert "Penggunaan: monev sample" in shown
    assert "Jumlah pengaduan." in shown and "[bawaan: 300]" in shown
    assert "Opsi" in shown and "Options" not in shown


def assert_english(monev, *root):
    assert monev.fails(*root, *BAD_DATE) == EN_ERROR
    shown = monev.ok(*root, "sample", "--help")
    assert "Usage: monev sample" in shown
    assert "How many complaints." in shown and "[default: 300]" in shown


def test_english_where_nothing_says_otherwise(monev):
    assert_english(monev)


def test_lang_option(monev):
    assert_indonesian(monev, "--lang", "id")
    assert_indonesian(monev, "--lang", "ID")


def test_environment_variable(monev, monkeypatch):
    monkeypatch.setenv("MONEV_LANG", "id")
    assert_indonesian(monev)


def test_the_register_s_profile(monev):
    assert monev.ok("profile", "set", "lang", "ID") == "lang = id\n"
    assert_indonesian(monev)


def test_the_system_locale(monev, monkeypatch):
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert_indonesian(monev)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert_english(monev)


def test_lang_en_overrides_the_environment_and_the_profile(monev, monkeypatch):
    monev.ok("profile", "set", "lang", "id")
    monkeypatch.setenv("MONEV_LANG", "id")
    assert_english(monev, "--lang", "en")


def test_the_environment_overrides_the_profile(monev, monkeypatch):
    monev.ok("profile", "set", "lang", "id")
    monkeypatch.setenv("MONEV_LANG", "en")
    assert_english(monev)


def test_the_profile_overrides_the_system_locale(monev, monkeypatch):
    monev.ok("profile", "set", "lang", "en")
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert_english(monev)
    monev.ok("profile", "set", "lang", "")
    assert_indonesian(monev)


def test_a_language_we_do_not_have_is_refused(monev, monkeypatch):
    message = "Error: The language 'fr' is not available: give one of en, id."
    assert monev.fails("--lang", "fr", "list") == message
    assert monev.fails("profile", "set", "lang", "fr") == message
    monkeypatch.setenv("MONEV_LANG", "fr")
    assert monev.fails("list") == message


def test_the_language_lasts_one_run(monev):
    monev.fails("--lang", "id", *BAD_DATE)
    assert monev.fails(*BAD_DATE) == EN_ERROR
    assert _("Channel") == "Channel"


@pytest.mark.parametrize(
    ("args", "english", "indonesian"),
    [
        (["update", "ADU-2023-0001"],
         "Missing option '--status' (see 'monev update --help')",
         "Opsi '--status' belum diisi (lihat 'monev update --help')"),
        (["show"], "Missing argument 'ref' (see 'monev show --help')",
         "Argumen 'ref' belum diisi (lihat 'monev show --help')"),
        (["record", "--bogus"], "No such option: --bogus (see 'monev record --help')",
         "Opsi --bogus tidak ada (lihat 'monev record --help')"),
        (["update", "ADU-2023-0001", "--stauts", "proses"],
         "No such option: --stauts (Possible options: --status) "
         "(see 'monev update --help')",
         "Opsi --stauts tidak ada (barangkali yang dimaksud: --status) "
         "(lihat 'monev update --help')"),
        (["note", "ADU-2023-0001", "Pengadu", "menelepon"],
         "Got unexpected extra argument(s) (menelepon); put a text that holds "
         "spaces in quotes (see 'monev note --help')",
         "Ada kata berlebih yang tidak dikenali (menelepon); apit teks yang memuat "
         "spasi dengan tanda kutip (lihat 'monev note --help')"),
        (["update", "ADU-2023-0001", "--status"],
         "Option '--status' needs a value after it (see 'monev --help')",
         "Opsi '--status' memerlukan nilai sesudahnya (lihat 'monev --help')"),
        (["sample", "--count", "0"],
         "Invalid value for '--count': 0 is not in the range 1<=x<=100000 "
         "(see 'monev sample --help')",
         "Nilai untuk '--count' tidak sah: 0 is not in the range 1<=x<=100000 "
         "(lihat 'monev sample --help')"),
        (["frob"], "No such command 'frob' (see 'monev --help')",
         "Perintah 'frob' tidak ada (lihat 'monev --help')"),
        (["recrod"], "No such command 'recrod'. Did you mean 'record'? "
         "(see 'monev --help')",
         "Perintah 'recrod' tidak ada. Barangkali yang dimaksud: 'record'? "
         "(lihat 'monev --help')"),
    ],
)  # fmt: skip
def test_mistakes_in_the_command_line(monev, args, english, indonesian):
    assert monev.fails(*args) == f"Error: {english}"
    assert monev.fails("--lang", "id", *args) == f"Error: {indonesian}"


def test_counts_agree_in_number(monev):
    monev.record()
    label = "timeliness_label"
    assert (
        monev.json("show", "ADU-2023-0001", "--as-of", "2023-04-01")[label]
        == "1 day late"
    )
    assert (
        monev.json("show", "ADU-2023-0001", "--as-of", "2023-04-02")[label]
        == "2 days late"
    )
    assert monev.json("--lang", "id", "show", "ADU-2023-0001", "--as-of", "2023-04-02")[
        label
    ] == ("terlambat 2 hari")


def test_profile_meanings_follow_the_language(monev):
    assert "nama lengkap instansi" in monev.ok("--lang", "id", "profile", "show")


def test_an_installed_monev_speaks_indonesian(monev):
    """The real entry point, in a process of its own: nothing imported before."""
    result = subprocess.run(
        [sys.executable, "-m", "monev_cli", "--db", str(monev.db), "record", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "MONEV_LANG": "id"},
        check=True,
    )
    assert "Mencatat pengaduan baru dan mencetak nomor registrasinya." in result.stdout


def test_reading_the_profile_s_language_creates_nothing_and_never_fails(tmp_path):
    assert stored_language(tmp_path / "missing.db") is None
    assert stored_language(tmp_path) is None
    garbage = tmp_path / "garbage.db"
    garbage.write_text("not a database " * 100)
    assert stored_language(garbage) is None
    other = tmp_path / "other.db"
    sqlite3.connect(other).close()
    assert stored_language(other) is None
    assert sorted(os.listdir(tmp_path)) == ["garbage.db", "other.db"]


def test_the_profile_s_language_is_read_without_leaving_files(monev):
    monev.ok("profile", "set", "lang", "id")
    before = sorted(os.listdir(monev.db.parent))
    assert stored_language(monev.db) == "id"
    assert sorted(os.listdir(monev.db.parent)) == before


def test_a_fresh_setting_counts_while_another_desk_holds_the_register(monev):
    desk = sqlite3.connect(monev.db)  # keeps a write-ahead log open
    desk.execute("INSERT INTO profile (key, value) VALUES ('lang', 'id')")
    desk.commit()
    assert stored_language(monev.db) == "id"
    desk.close()


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "id"}, "id"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANGUAGE": "fr:id", "LANG": "en_US"}, "id"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        ({"LC_MESSAGES": "id_ID@latin", "LANG": "en_US"}, "id"),
    ],
)
def test_the_system_language(environ, language):
    assert i18n.system_language(environ) == language


def test_the_profile_is_read_only_when_nothing_before_it_decides():
    def unread() -> str:
        raise AssertionError("the profile was read")

    assert i18n.choose("id", unread, {}) == "id"
    assert i18n.choose(None, lambda: "id", {"LANG": "en_US"}) == "id"
    assert i18n.choose(None, lambda: "", {"LANG": "id_ID"}) == "id"
    assert i18n.choose(None, lambda: None, {}) == "en"
