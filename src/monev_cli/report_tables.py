"""The report's numbered tables and figures, and the sentences that cite
them, in Bahasa Indonesia: built from the same tallies, so that text and
tables always agree. Plain data for the templates."""

from datetime import date

from monev_cli import charts
from monev_cli import indonesian as id_
from monev_cli.deadlines import DONE_UNDATED

# The tables of tallies, numbered in this order: (tally, title, column
# heading, whether each line shows its share). The topics come after them.
TALLIES = (
    ("channel", "Jumlah Pengaduan Masyarakat menurut Saluran Pengaduan",
     "Saluran Pengaduan", False),
    ("type", "Jumlah Pengaduan Masyarakat menurut Jenis Pengaduan",
     "Jenis Pengaduan", False),
    ("status", "Status Penanganan Pengaduan Masyarakat",
     "Status Penanganan", True),
    ("timeliness", "Ketepatan Waktu Penanganan Pengaduan",
     "Ketepatan Waktu", True),
    ("month", "Jumlah Pengaduan per Bulan", "Bulan", False),
    ("unit", "Jumlah Pengaduan menurut Unit Kerja", "Unit Kerja", False),
)  # fmt: skip


def tables(recap: dict, topics: list, include_personal: bool) -> dict:
    """Every table, by its tally's name; ``recap`` holds the tallies."""
    found = {
        key: tally_table(number, title, heading, recap[key], shared)
        for number, (key, title, heading, shared) in enumerate(TALLIES, start=1)
    }
    found["topics"] = _topics_table(len(TALLIES) + 1, topics, include_personal)
    return found


def tally_table(number: int, title: str, heading: str, tally, shared: bool) -> dict:
    columns = [column("No", True), column(heading), column("Jumlah", True)]
    rows = [
        [str(index), line.label, id_.number(line.count)]
        for index, line in enumerate(tally.lines, start=1)
    ]
    total = ["", "Jumlah", id_.number(tally.total)]
    if shared:
        columns.append(column("Persentase", True))
        for row, line in zip(rows, tally.lines, strict=True):
            row.append(id_.percent(line.percent))
        total.append(id_.percent(100.0 if tally.total else 0.0))
    return table(number, title, columns, rows, total)


def _topics_table(number: int, topics: list, include_personal: bool) -> dict:
    columns = [column("No", True), column("Pokok Aduan"), column("Jumlah", True)]
    if include_personal:
        columns.append(column("Pengadu (contoh)"))
    rows = [
        [str(index), topic.summary, id_.number(topic.count)]
        + (["; ".join(topic.complainants)] if include_personal else [])
        for index, topic in enumerate(topics, start=1)
    ]
    if not rows:
        rows = [["-", "Tidak ada pokok aduan yang dapat dicantumkan.", "-"]]
        rows[0] += ["-"] if include_personal else []
    title = "Pokok Aduan yang Paling Sering Disampaikan"
    return table(number, title, columns, rows, None)


def column(name: str, numeric: bool = False) -> dict:
    return {"name": name, "numeric": numeric}


def table(number: int, title: str, columns, rows, total) -> dict:
    return {
        "number": number,
        "title": title,
        "columns": columns,
        "rows": rows,
        "total": total,
    }


def figures(recap: dict) -> dict:
    specs = (
        ("channel", "Jumlah Pengaduan menurut Saluran Pengaduan"),
        ("type", "Jumlah Pengaduan menurut Jenis Pengaduan"),
        ("month", "Jumlah Pengaduan per Bulan"),
    )
    return {
        key: {
            "number": number,
            "title": title,
            "svg": charts.bar_chart(
                [(line.label, line.count) for line in recap[key].lines],
                title,
                id_.number,
            ),
        }
        for number, (key, title) in enumerate(specs, start=1)
    }


def sentences(recap, days, tables, values: dict, as_of: date) -> dict[str, str]:
    """The sentences that state numbers: built from the same tallies as the
    tables, so that text and tables always agree."""
    total = recap["status"].total
    types = [
        f"{line.label} sebanyak {id_.counted(line.count)}"
        for line in recap["type"].lines
        if line.count
    ]
    found = (
        f"terdapat {id_.counted(total)} pengaduan, terdiri atas {id_.joined(types)}"
        if total
        else "tidak terdapat pengaduan yang diterima"
    )
    late = {line.key: line.count for line in recap["timeliness"].lines}
    return {
        "recap": (
            f"Berdasarkan saluran pengaduan yang disediakan {values['instansi']}, "
            f"dalam kurun waktu {values['periode']} {found}. Rinciannya menurut "
            f"saluran pengaduan disajikan pada Tabel {tables['channel']['number']} "
            f"dan menurut jenis pengaduan pada Tabel {tables['type']['number']}."
        ),
        "status": (
            f"Dari {id_.counted(total)} pengaduan yang diterima dalam kurun waktu "
            f"{values['periode']}, status penanganannya adalah sebagai berikut "
            f"(Tabel {tables['status']['number']})."
        ),
        "timeliness": (
            f"Batas waktu jawaban yang berlaku adalah {values['batas_jawab']}. "
            f"Dari {id_.counted(total)} pengaduan, "
            f"{id_.counted(late['tepat_waktu'])} dijawab dalam batas waktu dan "
            f"{id_.counted(late['terlambat'])} dijawab melewati batas waktu; per "
            f"{id_.long_date(as_of)}, {id_.counted(late['terbuka_lewat'])} "
            "pengaduan belum selesai dan telah melewati batas waktu "
            f"(Tabel {tables['timeliness']['number']}). {_undated(late)}"
            f"{_answer_days(days)}"
        ),
        "spread": (
            f"Sebaran pengaduan per bulan disajikan pada Tabel "
            f"{tables['month']['number']}, dan menurut unit kerja yang "
            f"menanganinya pada Tabel {tables['unit']['number']}."
        ),
        "topics": (
            "Pokok aduan yang paling sering disampaikan disajikan pada Tabel "
            f"{tables['topics']['number']}; pengaduan yang identitas "
            "pengadunya dirahasiakan tidak dicantumkan."
        ),
    }


def recorded_late(count: int, as_of: date) -> str:
    """Why a report may differ from the copy signed that day: entries dated by
    then but typed into the register later."""
    day = id_.long_date(as_of)
    if not count:
        return f"Seluruh data dalam laporan ini telah dicatat dalam register paling " \
            f"lambat tanggal {day}."  # fmt: skip
    return (
        f"Laporan ini memuat {id_.counted(count)} entri riwayat pengaduan "
        f"bertanggal paling lambat {day} yang baru dicatat dalam register "
        "setelah tanggal tersebut."
    )


def _undated(late: dict[str, int]) -> str:
    count = late.get(DONE_UNDATED, 0)
    if not count:
        return ""
    return (
        f"Sebanyak {id_.counted(count)} pengaduan telah selesai, tetapi tanggal "
        "jawabnya tidak tercatat, sehingga ketepatan waktunya tidak dapat "
        "dinilai. "
    )


def _answer_days(days) -> str:
    if not days.answered:
        return "Belum ada pengaduan yang selesai dijawab dalam periode ini."
    return (
        f"Separuh dari pengaduan yang selesai dijawab dalam waktu paling lama "
        f"{id_.decimal(days.median)} hari (median), dan jawaban yang paling lama "
        f"diberikan {id_.number(days.longest)} hari setelah pengaduan diterima."
    )
