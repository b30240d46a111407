"""monev consolidate: one report over the registers of several agencies,
each counted by its own rules, every input left exactly as it was."""

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import AS_OF, Monev, close

from monev_cli.period import Period
from monev_cli.register.migrations import NAMES

YEAR = ("--year", "2023", "--as-of", AS_OF)


def _agency(folder: Path, name: str, **limits: str) -> Monev:
    monev = Monev(folder / f"{name.split()[-1].lower()}.db")
    monev.ok("init")
    monev.ok("profile", "set", "agency", name)
    for key, value in limits.items():
        monev.ok("settings", "set", key, value, "--from", "2020-01-01")
    return monev


@pytest.fixture(scope="session")
def agencies(tmp_path_factory) -> dict[str, Path]:
    """Three agencies and the consolidating office, built once:
    - sosial: 30 calendar days, channels wa 'WA Center' (the office says
      'WhatsApp') and tiktok, one voided complaint, one answered late, one
      open and overdue;
    - kesehatan: 14 working days, channel wa 'WA Pengaduan' and sms, given
      as its JSON export;
    - pendidikan: 5 working days, no complaint in 2023."""
    folder = tmp_path_factory.mktemp("agencies")
    sosial = _agency(folder, "Dinas Sosial")
    sosial.ok("channels", "add", "wa", "WA Center")
    sosial.ok("channels", "add", "tiktok", "TikTok")
    sosial.record(date="2023-01-05", channel="wa")
    close(sosial, "ADU-2023-0001", "2023-01-10")
    sosial.record(date="2023-02-01", channel="langsung", type="layanan")
    close(sosial, "ADU-2023-0002", "2023-03-20")  # 47 days: late
    sosial.record(date="2023-11-01", channel="wa")  # open, overdue by 31 Dec
    sosial.record(date="2023-12-20", channel="tiktok")  # open, within the limit
    sosial.record(date="2023-06-01", summary="Dicatat dua kali")
    sosial.ok("void", "ADU-2023-0005", "--reason", "Ganda", "--as-of", AS_OF)

    kesehatan = _agency(
        folder, "Dinas Kesehatan", response_days="14", response_unit="working"
    )
    kesehatan.ok("channels", "add", "wa", "WA Pengaduan")
    kesehatan.ok("channels", "add", "sms", "SMS")
    kesehatan.record(date="2023-03-01", channel="sms")
    close(kesehatan, "ADU-2023-0001", "2023-03-15")  # 10 working days: in time
    kesehatan.record(date="2023-03-01", channel="wa", type="layanan")
    close(kesehatan, "ADU-2023-0002", "2023-03-31")  # past 14 working days
    kesehatan.record(date="2023-12-28", channel="wa")
    kesehatan.ok(
        "export", "--format", "json", "--year", "2023", "-o", str(folder / "kes.json")
    )

    pendidikan = _agency(
        folder, "Dinas Pendidikan", response_days="5", response_unit="working"
    )
    pendidikan.record(date="2022-05-02")

    own = Monev(folder / "office" / "kabupaten.db")
    own.ok("init")
    for key, value in (
        ("agency", "Bagian Organisasi Sekretariat Daerah"),
        ("region", "Kabupaten Karangasem"),
        ("city", "Amlapura"),
        ("head_title", "Kepala Bagian Organisasi"),
        ("head_name", "Ni Luh Contoh"),
        ("head_nip", "19800101 200501 2 001"),
    ):
        own.ok("profile", "set", key, value)
    own.ok("channels", "add", "wa", "WhatsApp")
    return {
        "sosial": sosial.db,
        "kesehatan": kesehatan.db,
        "kes.json": folder / "kes.json",
        "pendidikan": pendidikan.db,
        "own": own.db,
    }


@pytest.fixture
def work(agencies, tmp_path) -> dict[str, Path]:
    """Copies of the agencies' files for one test, in a folder of their own."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    copies = {}
    for name, path in agencies.items():
        copies[name] = inputs / path.name
        shutil.copyfile(path, copies[name])
    copies["own"] = tmp_path / "kabupaten.db"
    shutil.move(inputs / agencies["own"].name, copies["own"])
    return copies


def _office(work) -> Monev:
    return Monev(work["own"])


def _inputs(work) -> list[str]:
    return [str(work[name]) for name in ("sosial", "kes.json", "pendidikan")]


def _hashes(folder: Path) -> dict[str, str]:
    """Every file of the folder and its content hash: no file changed,
    none created (no -wal, no -shm)."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        if path.is_file()
        else "not a file"
        for path in sorted(folder.iterdir())
    }


def _row(data: dict, agency: str) -> dict:
    return next(row for row in data["agencies"] if row["agency"] == agency)


def test_json_sums_the_agencies_own_recaps(work):
    before = _hashes(work["sosial"].parent)
    data = _office(work).json("consolidate", *_inputs(work), *YEAR)
    assert _hashes(work["sosial"].parent) == before
    assert data["period"] == {"from": "2023-01-01", "to": "2023-12-31"}
    assert [row["agency"] for row in data["agencies"]] == [
        "Dinas Sosial", "Dinas Kesehatan", "Dinas Pendidikan",
    ]  # fmt: skip
    own_recaps = [
        Monev(work[name]).json("recap", *YEAR)
        for name in ("sosial", "kesehatan", "pendidikan")
    ]
    for kind in ("channel", "type", "status"):
        summed: dict[str, int] = {}
        for recap in own_recaps:
            for line in recap[kind]["lines"]:
                summed[line["key"]] = summed.get(line["key"], 0) + line["count"]
        combined = {line["key"]: line["count"] for line in data[kind]["lines"]}
        assert {k: v for k, v in combined.items() if v} == {
            k: v for k, v in summed.items() if v
        }
        assert data[kind]["total"] == sum(r[kind]["total"] for r in own_recaps)
    assert data["totals"] == {
        "received": 7, "answered": 4, "in_process": 0, "not_handled": 3,
        "answered_in_time": 2, "open_overdue": 1, "median_days": 22.0,
    }  # fmt: skip
    assert data["without_complaints"] == ["Dinas Pendidikan"]


def test_each_agency_row_is_its_own_report(work):
    from monev_cli import reporting
    from monev_cli.register import open_register

    data = _office(work).json("consolidate", *_inputs(work), *YEAR)
    for name, agency in (
        ("sosial", "Dinas Sosial"),
        ("kesehatan", "Dinas Kesehatan"),
        ("pendidikan", "Dinas Pendidikan"),
    ):
        register = open_register(work[name])
        own = reporting.build_context(
            register, Period.of_year(2023), __import__("datetime").date(2023, 12, 31)
        )
        register.close()
        status = {
            line["key"]: line["count"] for line in own["recap"]["status"]["lines"]
        }
        timely = {
            line["key"]: line["count"] for line in own["recap"]["timeliness"]["lines"]
        }
        row = _row(data, agency)
        assert (
            row["received"], row["answered"], row["in_process"], row["not_handled"],
            row["answered_in_time"], row["open_overdue"], row["median_days"],
        ) == (
            own["recap"]["status"]["total"], status["selesai"], status["proses"],
            status["diterima"], timely["tepat_waktu"], timely["terbuka_lewat"],
            own["answer_days"]["median"],
        )  # fmt: skip
    assert _row(data, "Dinas Kesehatan")["limit"] == {"days": 14, "unit": "working"}
    assert _row(data, "Dinas Sosial")["answer_day_counts"] == [[5, 1], [47, 1]]
    assert _row(data, "Dinas Sosial")["answered_in_time"] == 1


def test_the_report_in_markdown(work):
    text = _office(work).ok("consolidate", *_inputs(work), *YEAR)
    assert text.startswith(
        "# LAPORAN REKAPITULASI PENGADUAN PELAYANAN PUBLIK KABUPATEN KARANGASEM "
        "TAHUN 2023\n"
    )
    assert (
        "| 1 | Dinas Sosial | 30 hari kalender | 4 | 2 | 0 | 2 | 1 | 25% | 1 | 26 |"
        in text
    )
    assert (
        "| 2 | Dinas Kesehatan | 14 hari kerja | 3 | 2 | 0 | 1 | 1 | 33,3% | 0 | 22 |"
        in text
    )
    assert (
        "| 3 | Dinas Pendidikan | 5 hari kerja | 0 | 0 | 0 | 0 | 0 | - | 0 | - |"
        in text
    )
    assert (
        "|  | **Jumlah** |  | **7** | **4** | **0** | **3** | **2** | **28,6%**" in text
    )
    # the ranking: by share answered in time, each by its own limit
    assert "| 1 | Dinas Kesehatan | 14 hari kerja | 3 | 1 | 33,3% |" in text
    assert "| 2 | Dinas Sosial | 30 hari kalender | 4 | 1 | 25% |" in text
    assert (
        "Seluruh perangkat daerah menerima 7 (tujuh) pengaduan; 4 (empat) telah "
        "selesai, 2 (dua) di antaranya dijawab dalam batas waktu yang berlaku pada "
        "perangkat daerah penerimanya, dan per 31 Desember 2023, 1 (satu) pengaduan "
        "belum selesai dan telah melewati batas waktu (Tabel 1)." in text
    )
    assert "- Dinas Pendidikan\n" in text
    # codes unified: the office's list in its order and with its labels, each
    # difference noted; codes it does not know under the agency's label
    assert "| 11 | WhatsApp | 4 |\n| 12 | TikTok | 1 |\n| 13 | SMS | 1 |\n" in text
    assert (
        "1. Kode saluran 'wa' pada Dinas Sosial berlabel 'WA Center'; dalam "
        "laporan ini ditampilkan sebagai 'WhatsApp'.\n"
        "2. Kode saluran 'wa' pada Dinas Kesehatan berlabel 'WA Pengaduan'; dalam "
        "laporan ini ditampilkan sebagai 'WhatsApp'.\n3. Batas waktu" in text
    )
    assert "**Ni Luh Contoh**  \nNIP. 19800101 200501 2 001\n" in text


def test_the_report_in_html_from_a_folder(work, tmp_path):
    target = tmp_path / "rekap.html"
    folder = work["sosial"].parent
    work["kesehatan"].unlink()  # the agency sent its export only
    before = _hashes(folder)
    result = _office(work)(
        "consolidate", str(folder), *YEAR, "--format", "html", "-o", str(target)
    )
    assert result.exit_code == 0, result.stderr
    html = target.read_text()
    assert "<title>Laporan Rekapitulasi Pengaduan Pelayanan Publik Tahun 2023" in html
    assert "<td>Dinas Kesehatan</td><td>14 hari kerja</td>" in html
    assert _hashes(folder) == before


def test_an_agency_template_overrides_the_built_in(work, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "consolidated.md.j2").write_text(
        "{{ tables.agencies.total[3] }} pengaduan\n"
    )
    out = _office(work).ok(
        "consolidate", *_inputs(work), *YEAR, "--template-dir", str(templates)
    )
    assert out == "7 pengaduan\n"


def test_two_registers_from_before_identities_are_told_apart(work):
    for name in ("sosial", "pendidikan"):
        _forget_identity(work[name])
    data = _office(work).json(
        "consolidate", str(work["sosial"]), str(work["pendidikan"]), *YEAR
    )
    assert [row["register_id"] for row in data["agencies"]] == [None, None]


def test_two_agencies_of_the_same_name_are_not_duplicates(work, tmp_path):
    other = Monev(tmp_path / "lain.db")
    other.ok("init")
    other.ok("profile", "set", "agency", "Dinas Sosial")
    other.record(date="2023-04-03")
    data = _office(work).json("consolidate", str(work["sosial"]), str(other.db), *YEAR)
    assert [row["received"] for row in data["agencies"]] == [4, 1]
    text = _office(work).ok("consolidate", str(work["sosial"]), str(other.db), *YEAR)
    assert "| Dinas Sosial (lain.db) |" in text


def _forget_identity(path: Path) -> None:
    """The register as a monev from before identities left it."""
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE identity")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_identity'")
    conn.close()


def test_a_register_of_an_older_schema_is_read_unchanged(work):
    path = work["sosial"]
    _forget_identity(path)
    before = _hashes(path.parent)
    data = _office(work).json("consolidate", str(path), *YEAR)
    assert (data["agencies"][0]["register_id"], data["totals"]["received"]) == (
        None,
        4,
    )
    assert _hashes(path.parent) == before
    check = _office(work)("consolidate", "--check", str(path), *YEAR)
    known = len(NAMES)
    assert f"  schema: {known - 1} of {known} (older: read from a copy)\n" in (
        check.stdout
    )


def test_check_lists_every_input(work):
    result = _office(work)("consolidate", "--check", *_inputs(work), *YEAR, "--json")
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert [(item["agency"], item["kind"], item["complaints"]) for item in listed] == [
        ("Dinas Sosial", "register", 4),
        ("Dinas Kesehatan", "export", 3),
        ("Dinas Pendidikan", "register", 1),
    ]
    assert listed[0]["first"] == "2023-01-05" and listed[0]["refused"] is None


def test_check_names_the_refused_and_exits_1(work, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copyfile(work["sosial"], copy)
    result = _office(work)(
        "consolidate", "--check", str(work["sosial"]), str(copy), *YEAR
    )
    assert result.exit_code == 1
    assert result.stdout.endswith(
        f"  refused: {work['sosial']} and {copy} are the same register (of Dinas "
        "Sosial): give each register once.\n"
    )


def test_check_reads_every_page_for_damage(work):
    _damage(work["sosial"], 8192, 16384)  # pages no count reads
    before = _hashes(work["sosial"].parent)
    result = _office(work)("consolidate", "--check", str(work["sosial"]), *YEAR)
    assert result.exit_code == 1
    assert result.stdout.endswith(
        f"  refused: The register {work['sosial']} is damaged: ask its agency for "
        "a new copy (made with 'monev backup').\n"
    )
    assert _hashes(work["sosial"].parent) == before


def _damage(path: Path, start: int = 100, end: int = 4096) -> None:
    """Damage the file: by default the schema on its first page, which
    every query reads."""
    data = bytearray(path.read_bytes())
    data[start:end] = b"\xff" * (end - start)
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('monev', 'm999_future', '2030-01-01')"
        )
    conn.close()


def _export(work, *args) -> Path:
    path = work["sosial"].parent / "export.json"
    Monev(work["sosial"]).ok("export", "--format", "json", *args, "-o", str(path))
    return path


def _edit_export(work, edit) -> None:
    """The agency's export changed by ``edit``, as edited.json beside the
    registers."""
    data = json.loads(work["kes.json"].read_text())
    edit(data)
    (work["sosial"].parent / "edited.json").write_text(json.dumps(data))


REFUSED = {
    "not a register": (
        lambda work: (work["sosial"].parent / "notes.txt").write_text("catatan"),
        lambda work: [work["sosial"], work["sosial"].parent / "notes.txt"],
        "Error: {1} is neither a monev register nor a monev JSON export.",
    ),
    "sqlite, not monev": (
        lambda work: (
            sqlite3.connect(work["sosial"].parent / "other.db")
            .execute("CREATE TABLE t (x)")
            .connection.close()
        ),
        lambda work: [work["sosial"], work["sosial"].parent / "other.db"],
        "Error: {1} is a SQLite database but not a monev register.",
    ),
    "damaged": (
        lambda work: _damage(work["sosial"]),
        lambda work: [work["sosial"]],
        "Error: The register {0} is damaged: ask its agency for a new copy (made "
        "with 'monev backup').",
    ),
    "newer": (
        lambda work: _newer(work["sosial"]),
        lambda work: [work["sosial"]],
        "Error: {0} was written by a newer version of monev: upgrade monev to "
        "consolidate it.",
    ),
    "the same register twice": (
        lambda work: shutil.copyfile(work["sosial"], work["sosial"].parent / "b.db"),
        lambda work: [work["sosial"], work["sosial"].parent / "b.db"],
        "Error: {0} and {1} are the same register (of Dinas Sosial): give each "
        "register once.",
    ),
    "a register with its own export": (
        lambda work: None,
        lambda work: [work["kes.json"], work["kesehatan"]],
        "Error: {0} and {1} are the same register (of Dinas Kesehatan): give each "
        "register once.",
    ),
    "an export with filters": (
        lambda work: _export(work, "--status", "selesai"),
        lambda work: [work["pendidikan"], work["sosial"].parent / "export.json"],
        "Error: {1} was exported with --status: it does not hold all the agency's "
        "complaints. Ask for an export without them.",
    ),
    "an export of part of the period": (
        lambda work: _export(work, "--from", "2023-06-01", "--to", "2023-12-31"),
        lambda work: [work["pendidikan"], work["sosial"].parent / "export.json"],
        "Error: {1} holds the complaints of 2023-06-01 to 2023-12-31 only, not "
        "the whole period 2023-01-01 to 2023-12-31: ask for an export of it.",
    ),
    "an export from before profiles": (
        lambda work: (work["sosial"].parent / "old.json").write_text(
            '{"format": "monev", "version": 1, "complaints": []}'
        ),
        lambda work: [work["sosial"], work["sosial"].parent / "old.json"],
        "Error: {1} is an export from an older monev, without the agency's "
        "profile: ask the agency for a new one (monev export --format json).",
    ),
    "a damaged export": (
        lambda work: _edit_export(
            work, lambda data: data["complaints"][0].update(received_on="2023-13-45")
        ),
        lambda work: [work["sosial"], work["sosial"].parent / "edited.json"],
        "Error: {1} is a damaged export: complaint 1 (received_on): '2023-13-45' is "
        "not a real calendar date: check the day and month.",
    ),
    "an export with settings monev refuses": (
        lambda work: _edit_export(
            work,
            lambda data: data["settings"].append(
                {"key": "response_days", "effective_from": "2023-01-01", "value": "x"}
            ),
        ),
        lambda work: [work["sosial"], work["sosial"].parent / "edited.json"],
        "Error: {1} is a damaged export: its settings cannot be read.",
    ),
    "an export whose selection is not a date": (
        lambda work: _edit_export(
            work, lambda data: data["selection"].update({"from": "kemarin"})
        ),
        lambda work: [work["sosial"], work["sosial"].parent / "edited.json"],
        "Error: {1} is a damaged export: its selection cannot be read.",
    ),
    "an export whose code list is not a list": (
        lambda work: _edit_export(work, lambda data: data.update(channels="wa")),
        lambda work: [work["sosial"], work["sosial"].parent / "edited.json"],
        "Error: {1} is a damaged export: 'channels' in edited.json is not a list.",
    ),
    "an export from a newer monev": (
        lambda work: _edit_export(work, lambda data: data.update(version=2)),
        lambda work: [work["sosial"], work["sosial"].parent / "edited.json"],
        "Error: {1} was exported by a newer version of monev: upgrade monev to "
        "consolidate it.",
    ),
    "a register open elsewhere": (
        lambda work: (work["sosial"].parent / "sosial.db-wal").write_bytes(b"x"),
        lambda work: [work["sosial"]],
        "Error: {0} has a -wal file beside it: the register is open in monev or "
        "was copied while open. Close monev on it, or ask the agency for a copy "
        "made with 'monev backup'.",
    ),
    "a register from before identities, twice": (
        lambda work: (
            _forget_identity(work["sosial"]),
            shutil.copyfile(work["sosial"], work["sosial"].parent / "b.db"),
        ),
        lambda work: [
            work["sosial"],
            work["kesehatan"],
            work["sosial"].parent / "b.db",
        ],
        "Error: {0} and {2} are the same register (of Dinas Sosial): give each "
        "register once.",
    ),
    "a named pipe": (
        lambda work: os.mkfifo(work["sosial"].parent / "pipe.db"),
        lambda work: [work["sosial"], work["sosial"].parent / "pipe.db"],
        "Error: {1} is not a regular file: give a register file or a monev JSON "
        "export.",
    ),
    "a missing file": (
        lambda work: None,
        lambda work: [work["sosial"], work["sosial"].parent / "missing.db"],
        "Error: There is no file {1}.",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED), ids=list(REFUSED))
def test_a_refused_input_stops_the_run_and_writes_nothing(work, tmp_path, case):
    prepare, inputs, message = REFUSED[case]
    prepare(work)
    given = inputs(work)
    folder = work["sosial"].parent
    before = _hashes(folder)
    target = tmp_path / "rekap.md"
    office = _office(work)
    assert office.fails("consolidate", *map(str, given), *YEAR, "-o", str(target)) == (
        message.format(*given)
    )
    assert not target.exists()
    assert _hashes(folder) == before


def test_the_output_never_overwrites_an_input(work):
    before = _hashes(work["sosial"].parent)
    assert _office(work).fails(
        "consolidate", str(work["sosial"]), *YEAR, "-o", str(work["sosial"])
    ) == (
        f"Error: The output {work['sosial']} is among the inputs: an agency's "
        "register is never written to. Choose another file."
    )
    assert _hashes(work["sosial"].parent) == before


def test_a_register_on_a_read_only_disk(work):
    folder = work["sosial"].parent
    before = _hashes(folder)
    folder.chmod(0o555)
    try:
        data = _office(work).json("consolidate", str(work["sosial"]), *YEAR)
    finally:
        folder.chmod(0o755)
    assert data["totals"]["received"] == 4
    assert _hashes(folder) == before


def test_samples_of_different_agencies_differ(tmp_path):
    first, second = Monev(tmp_path / "a.db"), Monev(tmp_path / "b.db")
    first.ok("sample", "--count", "20", "--agency", "Dinas A", "--as-of", AS_OF)
    second.ok("sample", "--count", "20", "--agency", "Dinas B", "--as-of", AS_OF)
    assert first.json("profile", "show")["agency"] == "Dinas A"
    assert first.json("recap", *YEAR) != second.json("recap", *YEAR)


def test_without_a_temporary_folder(work, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    assert _office(work).fails("consolidate", str(work["kes.json"]), *YEAR) == (
        "Error: Cannot make a temporary folder (No such file or directory): set "
        "TMPDIR to a writable folder."
    )


def test_the_format_follows_the_output_file(work, tmp_path):
    target = tmp_path / "rekap.html"
    _office(work).ok("consolidate", *_inputs(work), *YEAR, "-o", str(target))
    assert target.read_text().startswith("<!DOCTYPE html>")
