"""The consolidated report (*Laporan Rekapitulasi Pengaduan Pelayanan
Publik*): a plain context for ``consolidated.<fmt>.j2``, built from a
``consolidation.Consolidated`` and the consolidating office's profile.

Every format (md, html, pdf, docx) is rendered from this one context, as the
agency report is, so that each shows the same numbers.
"""

from datetime import date

from monev_cli import indonesian as id_
from monev_cli.consolidation import AgencyRecap, Consolidated
from monev_cli.documents.context import letterhead
from monev_cli.period import Period
from monev_cli.report_tables import column, table, tally_table
from monev_cli.reporting import UNIT_NAMES, _agency, period_context, signature

KIND_NAMES = {"channel": "saluran", "type": "jenis pengaduan"}


def build_context(
    result: Consolidated,
    profile: dict[str, str],
    period: Period,
    as_of: date,
    logo=None,
) -> dict:
    """Everything a consolidated report template may show: under the
    consolidating office's letterhead (its profile and ``logo``)."""
    office = _agency(profile)
    tables = _tables(result)
    context = {
        "profile": profile,
        "letterhead": letterhead(profile, logo),
        "logo": logo,
        "agency": office,
        "period": period_context(period),
        "signed": signature(profile, as_of),
        "as_of": id_.long_date(as_of),
        "agencies": [_agency_entry(a) for a in result.agencies],
        "without_complaints": [a.name for a in result.without_complaints],
        "tables": tables,
        "notes": _notes(result),
    }
    context["text"] = _sentences(result, context, tables)
    return context


def _agency_entry(agency: AgencyRecap) -> dict:
    return {
        "name": agency.name,
        "file": agency.file,
        "source": "ekspor JSON" if agency.kind == "export" else "register",
        "limit": _limit(agency),
    }


def _limit(agency: AgencyRecap) -> str:
    unit = UNIT_NAMES.get(agency.limit_unit, agency.limit_unit)
    return f"{agency.limit_days} {unit}"


def _share(count: int, total: int) -> str:
    return id_.percent(100 * count / total) if total else "-"


def _median(value: float | None) -> str:
    return "-" if value is None else id_.decimal(value)


def _tables(result: Consolidated) -> dict:
    specs = (
        ("channel", "Jumlah Pengaduan menurut Saluran Pengaduan, Seluruh Perangkat "
         "Daerah", "Saluran Pengaduan", False),
        ("type", "Jumlah Pengaduan menurut Jenis Pengaduan, Seluruh Perangkat "
         "Daerah", "Jenis Pengaduan", False),
        ("status", "Status Penanganan Pengaduan, Seluruh Perangkat Daerah",
         "Status Penanganan", True),
        ("month", "Jumlah Pengaduan per Bulan, Seluruh Perangkat Daerah", "Bulan",
         False),
    )  # fmt: skip
    tables = {"agencies": _agencies_table(1, result)}
    for number, (key, title, heading, shared) in enumerate(specs, start=2):
        tallied = result.combined[key]
        tables[key] = tally_table(number, title, heading, tallied, shared)
    tables["ranking"] = _ranking_table(len(specs) + 2, result)
    return tables


def _agencies_table(number: int, result: Consolidated) -> dict:
    names = (
        "Diterima", "Selesai", "Proses", "Belum Ditangani", "Tepat Waktu",
        "% Tepat Waktu", "Terbuka Lewat Batas", "Median Hari",
    )  # fmt: skip
    columns = [column("No", True), column("Perangkat Daerah")]
    columns += [column("Batas Waktu")] + [column(name, True) for name in names]
    rows = [
        [str(index), a.name, _limit(a), *_figures(a.counts, a.days.median)]
        for index, a in enumerate(result.agencies, start=1)
    ]
    total = ["", "Jumlah", "", *_figures(result.totals, result.days.median)]
    title = "Rekapitulasi Pengaduan per Perangkat Daerah"
    return table(number, title, columns, rows, total)


def _figures(counts: dict[str, int], median: float | None) -> list[str]:
    received = counts["received"]
    return [
        id_.number(received),
        id_.number(counts["answered"]),
        id_.number(counts["in_process"]),
        id_.number(counts["not_handled"]),
        id_.number(counts["answered_in_time"]),
        _share(counts["answered_in_time"], received),
        id_.number(counts["open_overdue"]),
        _median(median),
    ]


def _ranking_table(number: int, result: Consolidated) -> dict:
    columns = [
        column("Peringkat", True),
        column("Perangkat Daerah"),
        column("Batas Waktu"),
        column("Diterima", True),
        column("Tepat Waktu", True),
        column("Persentase", True),
    ]
    rows = [
        [
            str(rank),
            a.name,
            _limit(a),
            id_.number(a.counts["received"]),
            id_.number(a.counts["answered_in_time"]),
            _share(a.counts["answered_in_time"], a.counts["received"]),
        ]
        for rank, a in result.ranking
    ]
    if not rows:
        rows = [["-", "Tidak ada perangkat daerah yang menerima pengaduan.", "-"]]
        rows[0] += ["-", "-", "-"]
    title = "Peringkat Perangkat Daerah menurut Persentase Pengaduan yang Dijawab "
    return table(number, title + "dalam Batas Waktu", columns, rows, None)


def _notes(result: Consolidated) -> list[str]:
    notes = [
        f"Kode {KIND_NAMES[note.kind]} '{note.code}' pada {note.agency} berlabel "
        f"'{note.theirs}'; dalam laporan ini ditampilkan sebagai '{note.shown}'."
        for note in result.label_notes
    ]
    limits = {_limit(a) for a in result.agencies}
    if len(limits) > 1:
        notes.append(
            "Batas waktu jawaban berbeda antarperangkat daerah; ketepatan waktu "
            "setiap pengaduan dinilai menurut batas waktu yang berlaku pada "
            "perangkat daerah yang menerimanya, sebagaimana laporan perangkat "
            "daerah itu sendiri."
        )
    exports = [a.name for a in result.agencies if a.kind == "export"]
    if exports:
        notes.append(
            f"Data {id_.joined(exports)} diambil dari ekspor JSON register, "
            "bukan dari berkas registernya."
        )
    return notes


def _sentences(result: Consolidated, context: dict, tables: dict) -> dict[str, str]:
    """The sentences that state numbers, from the same figures as the tables."""
    totals, count = result.totals, len(result.agencies)
    period = context["period"]["text"]
    region = context["agency"]["region"]
    where = f" di {region}" if region else ""
    empty = len(result.without_complaints)
    return {
        "intro": (
            f"Laporan ini merekapitulasi pengaduan pelayanan publik yang diterima "
            f"{id_.counted(count)} perangkat daerah{where} dalam kurun waktu "
            f"{period}, dihitung dari register pengaduan masing-masing perangkat "
            "daerah sebagaimana laporan monitoring dan evaluasi perangkat daerah "
            "itu sendiri."
        ),
        "agencies": (
            f"Seluruh perangkat daerah menerima {id_.counted(totals['received'])} "
            f"pengaduan; {id_.counted(totals['answered'])} telah selesai, "
            f"{id_.counted(totals['answered_in_time'])} di antaranya dijawab dalam "
            "batas waktu yang berlaku pada perangkat daerah penerimanya, dan per "
            f"{context['as_of']}, {id_.counted(totals['open_overdue'])} pengaduan "
            "belum selesai dan telah melewati batas waktu (Tabel "
            f"{tables['agencies']['number']})."
        ),
        "combined": (
            "Gabungan pengaduan seluruh perangkat daerah menurut saluran, jenis, "
            "status penanganan dan bulan disajikan pada Tabel "
            f"{tables['channel']['number']} sampai dengan Tabel "
            f"{tables['month']['number']}."
        ),
        "ranking": (
            "Perangkat daerah yang menerima pengaduan diurutkan menurut "
            "persentase pengaduan yang dijawab dalam batas waktunya sendiri "
            f"(Tabel {tables['ranking']['number']})."
        ),
        "without": (
            f"Sebanyak {id_.counted(empty)} perangkat daerah tidak menerima "
            "pengaduan dalam periode ini:"
            if empty
            else "Setiap perangkat daerah menerima pengaduan dalam periode ini."
        ),
    }
