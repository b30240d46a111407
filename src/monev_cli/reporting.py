"""The annual report: a plain context built from the register, rendered by Jinja2.

The context holds only data (strings, numbers, lists, dicts), already in
Indonesian form, so that an agency's template can lay it out any way it likes.
Templates are looked up in the agency's folder first, then among the built-in
ones; ``default:report.html.j2`` always names the built-in one, so that an
agency template can extend it.
"""

from datetime import date
from functools import cache
from pathlib import Path

from monev_cli import indonesian as id_
from monev_cli import narrative, report_tables, tallies
from monev_cli.deadlines import CALENDAR
from monev_cli.documents import context as documents
from monev_cli.documents.templates import check_folder
from monev_cli.errors import InputError
from monev_cli.i18n import _
from monev_cli.period import Period
from monev_cli.register import Register, asof, catalog, narratives, settings
from monev_cli.register import logo as logos
from monev_cli.register.appendix import entries as appendix_entries

TEMPLATES = Path(__file__).parent / "templates"
REQUIRED_PROFILE = ("agency", "region", "city", "head_title", "head_name", "head_nip")
# Where a channel's contact detail comes from when the agency has not set one.
PROFILE_DETAIL = {"telepon": "phone", "website": "website", "langsung": "address"}
UNIT_NAMES = {CALENDAR: "hari kalender", "working": "hari kerja"}
# The templates an agency may copy and change: Jinja (Markdown, HTML), Typst
# (PDF) and Word.
EXPORTED = (".j2", ".typ", ".docx")


def build_context(
    register: Register,
    period: Period,
    as_of: date,
    include_personal: bool = False,
    appendix: bool = True,
) -> dict:
    """Everything a report template may show: the register as it stood at the
    end of ``as_of``, over the period as far as it had run by then. ``logo``
    (bytes and format, or None) is for the document renderers; the rest is
    plain data."""
    with asof.state(register, period, as_of) as cut:
        context = _context(register, cut, as_of, include_personal, appendix)
        late = asof.recorded_late(register, cut, as_of)
    context["text"]["recorded_late"] = report_tables.recorded_late(late, as_of)
    return context


def _context(
    register: Register,
    period: Period,
    as_of: date,
    include_personal: bool,
    appendix: bool,
) -> dict:
    profile = catalog.profile(register)
    logo = logos.get(register)
    agency = _agency(profile)
    limit = limit_text(register, period.end)
    period_text = period_context(period)["text"]
    recap = tallies.of_register(register, period, as_of)
    days = tallies.answer_days(register, period)
    topics = tallies.topics(register, period, include_personal=include_personal)
    tables = report_tables.tables(recap, topics, include_personal)
    placeholders = {
        "instansi": agency["display"],
        "instansi_lengkap": agency["full"],
        "wilayah": agency["region"],
        "periode": period_text,
        "batas_jawab": limit,
    }
    return {
        "profile": profile,
        "agency": agency,
        "period": period_context(period),
        "signed": signature(profile, as_of),
        "limit": limit,
        "narrative": _narrative(register, period, placeholders),
        "channels": _channels(register, profile, recap["channel"]),
        "recap": {name: tally.to_dict() for name, tally in recap.items()},
        "answer_days": {
            "answered": days.answered,
            "median": days.median,
            "longest": days.longest,
        },
        "tables": tables,
        "figures": report_tables.figures(recap),
        "text": report_tables.sentences(recap, days, tables, placeholders, as_of),
        "include_personal": include_personal,
        "letterhead": documents.letterhead(profile, logo),
        "logo": logo,
        "appendix": _appendix(register, period, period_text, recap["status"].total)
        if appendix
        else None,
    }


def period_context(period: Period) -> dict:
    """The period as the report names it: cut at the as-of day while it is
    still running, and titled by its year, or by the period as asked."""
    text = (
        id_.running_period_text(period.start, period.end)
        if period.is_cut
        else id_.period_text(period.start, period.end)
    )
    return {
        **period.to_dict(),
        "year": period.year,
        "text": text,
        "title": _title(period),
    }


def _title(period: Period) -> str:
    asked = id_.period_text(period.start, period.asked_end or period.end)
    return f"TAHUN {period.year}" if period.year else f"PERIODE {asked.upper()}"


def signature(profile: dict[str, str], as_of: date) -> dict:
    return {
        "city": profile["city"],
        "date": id_.long_date(as_of),
        "month_year": id_.month_year(as_of),
        "year": str(as_of.year),
        "data_as_of": f"Data per {id_.long_date(as_of)}",
        "head_title": profile["head_title"],
        "head_name": profile["head_name"],
        "head_rank": profile["head_rank"],
        "head_nip": id_.grouped_nip(profile["head_nip"]),
    }


def missing_profile(context: dict) -> list[str]:
    """The profile keys the cover and signature need but the agency left empty."""
    return [key for key in REQUIRED_PROFILE if not context["profile"][key]]


def _appendix(register: Register, period: Period, period_text: str, total: int):
    title = f"Daftar Pengaduan yang Diterima {period_text}"
    rows = appendix_entries(register, period, documents.APPENDIX_ROWS)
    return documents.appendix_table(title, rows, total)


def _agency(profile: dict[str, str]) -> dict[str, str]:
    name, region = profile["agency"], profile["region"]
    short = profile["agency_short"] or name
    unnamed = "(nama instansi)"
    return {
        "name": name,
        "short": short,
        "region": region,
        "full": " ".join(filter(None, (name, region))) or unnamed,
        "display": " ".join(filter(None, (short, region))) or unnamed,
    }


def limit_text(register: Register, on: date) -> str:
    """The limit in force at the period's end: ``30 (tiga puluh) hari kalender``."""
    limits = settings.timeline(register).limits(on)
    days, unit = limits.response_days, limits.unit
    return f"{id_.counted(days)} {UNIT_NAMES.get(unit, unit)}"


def _narrative(register: Register, period: Period, values: dict) -> dict:
    """Each section as blocks; a range uses the texts of the year it ends in."""
    texts = narratives.effective(register, period.end.year)
    return {
        section: narrative.blocks(narrative.fill(text.text, values))
        for section, text in texts.items()
    }


def _channels(register: Register, profile: dict[str, str], tally) -> list[dict]:
    """The channels of the period's Tabel 1, where the public reaches them."""
    shown = {line.key for line in tally.lines}
    return [
        {
            "code": code,
            "label": label,
            "detail": detail or profile.get(PROFILE_DETAIL.get(code, ""), ""),
        }
        for code, label, detail in catalog.channel_details(register)
        if code in shown
    ]


def render(templates, context: dict, fmt: str, document: str = "report") -> str:
    """The report as text, from ``<document>.<fmt>.j2`` of ``environment()``."""
    from monev_cli.template_errors import explain

    name = f"{document}.{fmt}.j2"
    try:
        return templates.get_template(name).render(context)
    except Exception as error:  # an agency's template can fail in any way
        raise explain(error, name) from None


def environment(template_dir: Path | None = None):
    """Jinja2 with the agency's folder first and ``default:`` for the built-ins."""
    check_folder(template_dir)
    return _environment(template_dir)


@cache  # compiled templates are kept; Jinja reloads a file that has changed
def _environment(template_dir: Path | None):
    import jinja2

    from monev_cli import template_filters

    builtin = jinja2.FileSystemLoader(TEMPLATES)
    loaders = [jinja2.FileSystemLoader(template_dir)] if template_dir else []
    loaders += [jinja2.PrefixLoader({"default": builtin}, delimiter=":"), builtin]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=_is_html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(template_filters.FILTERS)
    return env


def _is_html(name: str | None) -> bool:
    return bool(name) and name.removesuffix(".j2").endswith(".html")


def export_templates(
    folder: Path, force: bool = False, register: Path | None = None
) -> list[Path]:
    """Copy the built-in templates into ``folder`` as a starting point; never
    over, nor in the place of, the ``register``'s files."""
    from monev_cli.paths import refuse_register

    sources = sorted(path for path in TEMPLATES.iterdir() if path.suffix in EXPORTED)
    targets = [folder / path.name for path in sources]
    for path in (folder, *targets):
        refuse_register(path, register)
    existing = [target for target in targets if target.exists()]
    if existing and not force:
        raise InputError(
            _(
                "{path} exists already: export into another folder, or add "
                "--force to overwrite it."
            ).format(path=existing[0])
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for source, target in zip(sources, targets, strict=True):
            target.write_bytes(source.read_bytes())
    except OSError as error:
        raise InputError(
            _("Cannot write {path}: {reason}.").format(
                path=error.filename or folder, reason=error.strerror
            )
        ) from None
    return targets
