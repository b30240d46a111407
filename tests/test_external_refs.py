"""An external reference (a LAPOR! ID, say) names one complaint: record,
correct, import and check keep to that rule, letters in any case."""

import json
import sqlite3
from contextlib import closing

from conftest import AS_OF, register_digest


def test_record_refuses_a_reference_another_complaint_holds(monev):
    monev.record(external_ref="LPR-1")
    before = register_digest(monev.db)
    assert monev.fails(
        "record", "--channel", "lapor", "--type", "layanan", "--summary", "Lagi",
        "--external-ref", "lpr-1", "--as-of", AS_OF,
    ) == (
        "Error: The external reference lpr-1 is already on ADU-2023-0001: see it "
        "with 'monev show ADU-2023-0001', or give another reference."
    )  # fmt: skip
    assert register_digest(monev.db) == before


def test_a_voided_holder_is_offered_back(monev):
    monev.record(external_ref="LPR-1")
    monev.ok("void", "ADU-2023-0001", "--reason", "salah", "--as-of", AS_OF)
    assert monev.fails(
        "record", "--channel", "lapor", "--type", "layanan", "--summary", "Lagi",
        "--external-ref", "LPR-1", "--as-of", AS_OF,
    ) == (
        "Error: The external reference LPR-1 is already on ADU-2023-0001, which "
        'was voided: bring it back with: monev restore ADU-2023-0001 --reason '
        '"...", or give another reference.'
    )  # fmt: skip


def test_other_references_are_free(monev):
    monev.record(external_ref="LPR-1")
    assert monev.record(external_ref="LPR-10")["tracking_no"] == "ADU-2023-0002"
    assert monev.record()["external_ref"] is None
    assert monev.record()["external_ref"] is None


def test_check_reports_duplicates_of_an_older_register(monev):
    for ref in ("LPR-1", "LPR-2", "LPR-3"):
        monev.record(external_ref=ref)
    with closing(sqlite3.connect(monev.db)) as conn, conn:
        conn.execute("UPDATE complaints SET external_ref = 'lpr-1' WHERE seq = 3")
    result = monev("check")
    assert result.exit_code == 1
    assert result.stdout == (
        "external_ref: the external reference LPR-1 is on 2 complaints "
        "(ADU-2023-0001, ADU-2023-0003): give each its own with 'monev correct'\n"
    )
    assert result.stderr == (
        f"Error: 1 problem found in {monev.db} (listed above): correct it as it says.\n"
    )
    # the register still opens and works; the shared reference names no one
    assert monev.json("show", "LPR-2")["tracking_no"] == "ADU-2023-0002"
    assert monev.fails("show", "lpr-1") == (
        "Error: 'lpr-1' is the external reference of more than one complaint "
        "(ADU-2023-0001, ADU-2023-0003): give the tracking number."
    )


def test_import_matches_a_reference_in_any_case(monev, tmp_path):
    monev.record(external_ref="LPR-1")
    item = {
        "received_on": "2023-04-01", "channel": "lapor", "type": "layanan",
        "summary": "Dari sistem lain", "status": "diterima",
    }  # fmt: skip
    path = tmp_path / "in.json"
    path.write_text(
        json.dumps(
            {
                "format": "monev",
                "version": 1,
                "complaints": [
                    {**item, "external_ref": "lpr-1"},
                    {**item, "external_ref": "LPR-9"},
                    {**item, "external_ref": "lpr-9"},
                ],
            }
        )
    )
    result = monev("import", str(path), "--as-of", AS_OF)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "complaint 3: The external reference lpr-9 is also on row 2."
    )
    export = json.loads(path.read_text())
    del export["complaints"][2]
    path.write_text(json.dumps(export))
    data = monev.json("import", str(path), "--as-of", AS_OF)
    assert (data["added"], data["skipped"]) == (1, 1)


def test_a_registers_own_export_imports(monev, tmp_path):
    """Issue 16, case 3: with references unique, an export goes back in."""
    monev.record(external_ref="LPR-1")
    monev.record(external_ref="LPR-2")
    out = tmp_path / "all.json"
    monev.ok("export", "--format", "json", "-o", str(out))
    other = type(monev)(tmp_path / "other.db")
    other.ok("init")
    assert other.json("import", str(out), "--as-of", AS_OF)["added"] == 2
