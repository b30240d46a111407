"""The desk's receipt (tanda terima): one page for the complainant."""

import pypdf
from conftest import AS_OF, fill_profile


def receipt_lines(path) -> list[str]:
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    return [
        " ".join(line.split()) for line in reader.pages[0].extract_text().splitlines()
    ]


def test_record_hands_back_the_receipt(monev, tmp_path):
    fill_profile(monev)
    monev.record(summary="Aduan orang lain", name="Budi Lain", contact="0811")
    target = tmp_path / "tanda-terima.pdf"
    recorded = monev.record(
        "--receipt", str(target),
        date="2023-03-01", channel="langsung", type="informasi",
        summary="Tanya syarat PKH", name="Ni Luh Pengadu", contact="0812-555",
    )  # fmt: skip
    assert recorded["tracking_no"] == "ADU-2023-0002"
    lines = receipt_lines(target)
    assert lines[0] == "PEMERINTAH KABUPATEN KARANGASEM"
    assert lines[1].startswith("DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN")
    assert lines[5:12] == [
        "TANDA TERIMA PENGADUAN",
        "Telah diterima pengaduan pelayanan publik dengan keterangan sebagai berikut:",
        "Nomor pengaduan : ADU-2023-0002",
        "Tanggal diterima : 1 Maret 2023",
        "Saluran : Pengaduan disampaikan langsung",
        "Jenis pengaduan : Informasi/saran",
        "Pokok aduan : Tanya syarat PKH",
    ]
    text = " ".join(lines)
    assert (
        "Batas waktu jawaban : 31 Maret 2023 (paling lambat 30 (tiga puluh) hari "
        "kalender sejak diterima)"
    ) in text
    assert (
        "dapat ditanyakan melalui telepon (0363) 000000 atau laman "
        "dinsos.contoh.go.id dengan menyebutkan nomor pengaduan ADU-2023-0002."
    ) in text
    assert lines[-3:] == ["Karangasem, 1 Maret 2023", "Petugas Penerima", "tester"]
    for other in (
        "Ni Luh Pengadu",
        "0812-555",
        "Aduan orang lain",
        "Budi Lain",
        "0811",
    ):
        assert other not in text


def test_a_receipt_later_and_its_refusals(monev, tmp_path):
    ref = monev.record()["tracking_no"]
    target = tmp_path / "ulang.pdf"
    result = monev("receipt", ref, "--output", str(target))
    assert result.exit_code == 0 and result.stderr == f"Wrote {target}.\n"
    assert "Nomor pengaduan : ADU-2023-0001" in receipt_lines(target)
    monev.ok("void", ref, "--reason", "Tercatat dua kali", "--as-of", AS_OF)
    assert monev.fails("receipt", ref, "-o", str(target)) == (
        "Error: ADU-2023-0001 was voided: it has no receipt. 'monev show "
        "ADU-2023-0001' tells why."
    )


def test_a_receipt_that_cannot_be_written_leaves_the_complaint_recorded(
    monev, tmp_path
):
    target = tmp_path / "tidak-ada" / "tt.pdf"
    result = monev(
        "record", "--channel", "langsung", "--type", "informasi", "--summary", "X",
        "--receipt", str(target), "--as-of", AS_OF,
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout == "Recorded ADU-2023-0001; the answer is due by 2024-01-30.\n"
    assert result.stderr == (
        "Error: ADU-2023-0001 is recorded, but its receipt was not written: Cannot "
        f"write {target}: No such file or directory. Write it with 'monev receipt "
        "ADU-2023-0001 --output FILE'.\n"
    )
    assert monev.json("show", "ADU-2023-0001")["summary"] == "X"


def test_an_agency_letterhead_serves_the_receipt_too(monev, tmp_path):
    ref = monev.record()["tracking_no"]
    folder = tmp_path / "templat"
    folder.mkdir()
    (folder / "letterhead.typ").write_text(
        '#let serif = "Libertinus Serif"\n'
        "#let letterhead(head) = [KOP SENDIRI #head.agency]\n",
        encoding="utf-8",
    )
    target = tmp_path / "tt.pdf"
    monev.ok("receipt", ref, "-o", str(target), "--template-dir", str(folder))
    assert receipt_lines(target)[0] == "KOP SENDIRI (NAMA INSTANSI)"
