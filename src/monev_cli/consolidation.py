"""One recap over many registers: the agencies' own counts, added up.

Pure: what an input is (``Source``) and whether it was given already
(``Seen``); each agency's figures come in as the tallies of its own report
(``tallies.of_register``) and leave as rows, totals, combined tables, a
ranking and notes. Nothing here reads a file or the clock; memory holds a
few lines per agency and code, whatever the number of complaints.
"""

from pathlib import Path
from typing import NamedTuple

from monev_cli.errors import RegisterFileError
from monev_cli.i18n import _
from monev_cli.tallies import AnswerDays, Line, Tally, days_of, shares

COMBINED = ("channel", "type", "status", "month")
COUNTS = (
    "received", "answered", "in_process", "not_handled", "answered_in_time",
    "open_overdue",
)  # fmt: skip


class Source(NamedTuple):
    """One input as --check lists it."""

    path: Path
    kind: str  # "register" or "export"
    agency: str
    register_id: str | None
    schema: str
    first: str | None  # ISO dates of the first and last complaint counted
    last: str | None
    complaints: int
    digest: str | None = None  # content, for a register from before identities

    def to_dict(self) -> dict:
        return {
            "file": str(self.path),
            "kind": self.kind,
            "agency": self.agency,
            "register_id": self.register_id,
            "schema": self.schema,
            "first": self.first,
            "last": self.last,
            "complaints": self.complaints,
        }


class Seen:
    """The registers met so far: the same register given twice is refused,
    naming both files. Identities are compared; content only where one side
    comes from before identities (two empty registers may look alike)."""

    def __init__(self) -> None:
        self._ids: dict[str, Path] = {}
        self._digests: dict[bool, dict[str, Path]] = {True: {}, False: {}}

    def check(self, source: Source) -> None:
        has_id = source.register_id is not None
        earlier = self._ids.get(source.register_id) if has_id else None
        if earlier is None and source.digest:
            earlier = self._digests[False].get(source.digest)
            if earlier is None and not has_id:
                earlier = self._digests[True].get(source.digest)
        if earlier is not None:
            raise RegisterFileError(
                _(
                    "{first} and {second} are the same register (of {agency}): "
                    "give each register once."
                ).format(
                    first=earlier,
                    second=source.path,
                    agency=source.agency or _("an agency without a name"),
                )
            )
        if has_id:
            self._ids[source.register_id] = source.path
        if source.digest:
            self._digests[has_id][source.digest] = source.path


class AgencyRecap(NamedTuple):
    """One register's figures, as its own report counts them."""

    file: str
    agency: str
    register_id: str | None
    kind: str  # register or export
    limit_days: int
    limit_unit: str
    counts: dict[str, int]  # COUNTS
    days: AnswerDays
    day_counts: tuple[tuple[int, int], ...]  # (days to answer, complaints)
    tallies: dict[str, Tally]  # COMBINED
    name: str = ""  # as shown: the agency, with its file when names repeat

    @property
    def in_time_share(self) -> float | None:
        received = self.counts["received"]
        return self.counts["answered_in_time"] / received if received else None


def agency_recap(
    source: Source, tallies: dict[str, Tally], day_counts, limits
) -> AgencyRecap:
    """The row of one agency from its report's tallies."""
    status = {line.key: line.count for line in tallies["status"].lines}
    timely = {line.key: line.count for line in tallies["timeliness"].lines}
    counts = {
        "received": tallies["status"].total,
        "answered": status["selesai"],
        "in_process": status["proses"],
        "not_handled": status["diterima"],
        "answered_in_time": timely["tepat_waktu"],
        "open_overdue": timely["terbuka_lewat"],
    }
    return AgencyRecap(
        file=str(source.path),
        agency=source.agency,
        register_id=source.register_id,
        kind=source.kind,
        limit_days=limits.response_days,
        limit_unit=limits.unit,
        counts=counts,
        days=days_of(day_counts),
        day_counts=tuple(tuple(pair) for pair in day_counts),
        tallies={name: tallies[name] for name in COMBINED},
    )


class LabelNote(NamedTuple):
    """A code that an agency labels otherwise than the report does."""

    kind: str  # channel or type
    code: str
    shown: str
    agency: str
    theirs: str


class Consolidated(NamedTuple):
    agencies: list[AgencyRecap]
    totals: dict[str, int]
    days: AnswerDays
    combined: dict[str, Tally]
    ranking: list[tuple[int, AgencyRecap]]
    without_complaints: list[AgencyRecap]
    label_notes: list[LabelNote]


def consolidate(
    agencies: list[AgencyRecap], own_codes: dict[str, list[tuple[str, str, bool]]]
) -> Consolidated:
    """Every agency's figures added up. ``own_codes`` holds the consolidating
    register's (code, label, listed) channels and types: its labels win, and
    those listed appear even without complaints."""
    agencies = _named(agencies)
    totals = {name: sum(a.counts[name] for a in agencies) for name in COUNTS}
    day_counts: dict[int, int] = {}
    for agency in agencies:
        for days, count in agency.day_counts:
            day_counts[days] = day_counts.get(days, 0) + count
    combined, notes = {}, []
    for kind, table in (("channel", "channels"), ("type", "types")):
        combined[kind], found = _by_code(kind, agencies, own_codes.get(table, []))
        notes += found
    combined["status"] = _by_key(agencies, "status", with_shares=True)
    combined["month"] = _by_key(agencies, "month")
    return Consolidated(
        agencies=agencies,
        totals=totals,
        days=days_of(sorted(day_counts.items())),
        combined=combined,
        ranking=_ranking(agencies),
        without_complaints=[a for a in agencies if not a.counts["received"]],
        label_notes=notes,
    )


def _named(agencies: list[AgencyRecap]) -> list[AgencyRecap]:
    """Agencies as the report names them: two registers of agencies with
    the same name are told apart by their files."""
    names = [a.agency or "(tanpa nama)" for a in agencies]
    repeated = {name for name in names if names.count(name) > 1}
    return [
        a._replace(name=f"{name} ({Path(a.file).name})" if name in repeated else name)
        for a, name in zip(agencies, names, strict=True)
    ]


def _by_code(kind: str, agencies: list[AgencyRecap], own: list[tuple[str, str, bool]]):
    """Lines by code: the consolidating register's codes in its order, with
    its labels; then the codes only agencies use, under the first agency's
    label. Where an agency's label differs, a note says so."""
    labels = {code: label for code, label, _listed in own}
    counts = {code: 0 for code, _label, listed in own if listed}
    notes = []
    for agency in agencies:
        for line in agency.tallies[kind].lines:
            if not line.count:
                continue
            shown = labels.setdefault(line.key, line.label)
            counts[line.key] = counts.get(line.key, 0) + line.count
            # a label that is only the code itself is no difference to note
            if line.label not in (shown, line.key):
                notes.append(LabelNote(kind, line.key, shown, agency.name, line.label))
    lines = tuple(
        Line(code, label, counts[code])
        for code, label in labels.items()
        if code in counts
    )
    return Tally(lines, sum(counts.values())), notes


def _by_key(agencies: list[AgencyRecap], kind: str, with_shares=False) -> Tally:
    """Lines whose keys and labels are the same in every register (statuses,
    the months of the period)."""
    first = agencies[0].tallies[kind].lines if agencies else ()
    counts = {line.key: 0 for line in first}
    for agency in agencies:
        for line in agency.tallies[kind].lines:
            counts[line.key] += line.count
    values = list(counts.values())
    percents = shares(values) if with_shares else [None] * len(values)
    lines = tuple(
        Line(line.key, line.label, counts[line.key], percent)
        for line, percent in zip(first, percents, strict=True)
    )
    return Tally(lines, sum(values))


def _ranking(agencies: list[AgencyRecap]) -> list[tuple[int, AgencyRecap]]:
    """The agencies with complaints, by share answered within their own
    limit; equal shares share a rank."""
    ranked = sorted(
        (a for a in agencies if a.counts["received"]),
        key=lambda a: (-a.in_time_share, -a.counts["received"], a.name),
    )
    found: list[tuple[int, AgencyRecap]] = []
    for index, agency in enumerate(ranked, start=1):
        tied = found and found[-1][1].in_time_share == agency.in_time_share
        found.append((found[-1][0] if tied else index, agency))
    return found


def to_json(result: Consolidated, period: dict) -> dict:
    """The shape ``monev consolidate --json`` prints."""
    return {
        "period": period,
        "agencies": [
            {
                "agency": a.agency,
                "register_id": a.register_id,
                **a.counts,
                "median_days": a.days.median,
                "answer_day_counts": [list(pair) for pair in a.day_counts],
                "file": a.file,
                "source": a.kind,
                "limit": {"days": a.limit_days, "unit": a.limit_unit},
            }
            for a in result.agencies
        ],
        "totals": {**result.totals, "median_days": result.days.median},
        "without_complaints": [a.agency for a in result.without_complaints],
        **{kind: tally.to_dict() for kind, tally in result.combined.items()},
        "label_notes": [note._asdict() for note in result.label_notes],
    }
