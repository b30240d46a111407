"""Pieces of a document's context that the report and the receipt share:
the letterhead (kop surat) and the appendix's list of complaints. Pure."""

from collections.abc import Iterable
from datetime import date

from monev_cli.indonesian import number
from monev_cli.models import STATUS_LABELS

SEPARATOR = "  \N{MIDDLE DOT}  "
CONFIDENTIAL = "(dirahasiakan)"
# A printed list longer than this (some 100 pages) serves no reader: the
# appendix then lists the first ones and says how many there were.
APPENDIX_ROWS = 2000
APPENDIX_COLUMNS = (
    ("No", True),
    ("Nomor Pengaduan", False),
    ("Diterima", False),
    ("Saluran", False),
    ("Jenis", False),
    ("Pokok Aduan", False),
    ("Status", False),
    ("Dijawab", False),
    ("Lama (hari)", True),
)


def letterhead(profile: dict[str, str], logo) -> dict:
    """The lines of the letterhead, as printed, and the logo's file name in
    the folder a document is rendered in ("" without a logo)."""
    contacts = (
        ("Telepon", profile["phone"]),
        ("Pos-el", profile["email"]),
        ("Laman", profile["website"]),
    )
    return {
        "government": profile["government"].upper(),
        "agency": (profile["agency"] or "(nama instansi)").upper(),
        "address": profile["address"],
        "contact": SEPARATOR.join(
            f"{name} {value}" for name, value in contacts if value
        ),
        "logo": f"logo.{logo.format}" if logo else "",
    }


def appendix_table(title: str, entries: Iterable, total: int) -> dict:
    """Every complaint of the period as one row, up to ``APPENDIX_ROWS`` of
    the ``total``; never a name or a contact."""
    rows = [
        [
            str(index),
            entry.tracking_no,
            short_date(entry.received_on),
            entry.channel,
            entry.type,
            CONFIDENTIAL if entry.summary is None else entry.summary,
            STATUS_LABELS.get(entry.status, entry.status),
            short_date(entry.answered_on) if entry.answered_on else "-",
            "-" if entry.days is None else str(entry.days),
        ]
        for index, entry in enumerate(entries, start=1)
    ]
    note = ""
    if total > len(rows):
        note = (
            f"Lampiran ini memuat {number(len(rows))} pengaduan pertama dari "
            f"{number(total)} pengaduan periode ini; daftar selengkapnya "
            "tersimpan dalam register pengaduan."
        )
    return {
        "number": None,
        "title": title,
        "note": note,
        "columns": [
            {"name": name, "numeric": numeric} for name, numeric in APPENDIX_COLUMNS
        ],
        "rows": rows,
        "total": None,
    }


def short_date(iso: str) -> str:
    """``09-01-2023`` from ``2023-01-09``: the form of a table's dates."""
    return date.fromisoformat(iso).strftime("%d-%m-%Y")
