"""The yearly report and what feeds it: recap, report, narrative, templates.

The register's reporting modules are imported inside the commands: every
command line loads this module, and the desk's commands never need them."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from monev_cli import files
from monev_cli.commands import output
from monev_cli.commands.common import (
    AsOf,
    JsonFlag,
    TemplateDir,
    optional_date,
    today,
    year_option,
)
from monev_cli.commands.lazy import help_of
from monev_cli.errors import InputError
from monev_cli.i18n import _
from monev_cli.narrative import check_section
from monev_cli.period import Period

Year = year_option(_("A calendar year, e.g. 2023."))
From = Annotated[str | None, typer.Option("--from", help=_("First day of the period."))]
To = Annotated[str | None, typer.Option("--to", help=_("Last day of the period."))]
Section = Annotated[
    str,
    typer.Argument(
        help=_("The section, e.g. latar_belakang; 'monev narrative show' lists them.")
    ),
]
TextYear = year_option(_("Only for this year's report (default: for every year)."))


OutputFile = Annotated[
    Path | None,
    typer.Option("--output", "-o", help=_("Write to this file (default: stdout).")),
]
SignedAsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help=_(
            "The signing date: the report shows the register as it stood at "
            "the end of that day (default: today)."
        ),
        show_default=False,
    ),
]


def period_of(year: int | None, start: str | None, end: str | None, now) -> Period:
    return Period.from_options(year, optional_date(start), optional_date(end), now)


def recap(
    ctx: typer.Context,
    year: Year = None,
    date_from: From = None,
    date_to: To = None,
    as_of: AsOf = None,
    as_json: JsonFlag = False,
) -> None:
    from monev_cli import tallies as counted
    from monev_cli.register import asof

    now = today(as_of)
    register = ctx.obj.open()
    with asof.state(register, period_of(year, date_from, date_to, now), now) as period:
        tallies = {
            "channel": counted.by_channel(register, period),
            "type": counted.by_type(register, period),
            "status": counted.by_status(register, period),
        }
    if as_json:
        output.print_json(
            {"period": period.to_dict()}
            | {name: tally.to_dict() for name, tally in tallies.items()}
        )
        return
    titles = {
        "channel": (_("By channel"), _("Channel")),
        "type": (_("By type"), _("Type")),
        "status": (_("By status"), _("Status")),
    }
    typer.echo(
        _("Complaints received {start} to {end}").format(
            start=period.start.isoformat(), end=period.end.isoformat()
        )
    )
    if not tallies["status"].total:
        typer.echo(_("No complaint was received in the period."))
        return
    for name, tally in tallies.items():
        title, heading = titles[name]
        typer.echo()
        _print_recap_table(title, heading, tally)


def _print_recap_table(title: str, heading: str, tally) -> None:
    shared = any(line.percent is not None for line in tally.lines)
    columns = [
        output.Column(_("No"), justify="right"),
        output.Column(heading, output.TEXT),
        output.Column(_("Count"), justify="right"),
    ] + ([output.Column(_("Percent"), justify="right")] if shared else [])
    rows = [
        [index, line.label, line.count] + ([f"{line.percent:.1f}%"] if shared else [])
        for index, line in enumerate(tally.lines, start=1)
    ]
    total = f"{100.0 if tally.total else 0.0:.1f}%"
    rows.append(["", _("Total"), tally.total] + ([total] if shared else []))
    output.print_table(columns, rows, title, key=1)


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"


DOCUMENTS = ("pdf", "docx")  # bytes, not text
# The format an output file's name asks for when --format is not given.
EXTENSIONS = {
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}

Format = Annotated[
    ReportFormat | None,
    typer.Option(
        "--format",
        case_sensitive=False,
        help=_(
            "md (Markdown), html (printable), pdf or docx (Word); default: from "
            "the output file's extension, else md."
        ),
        show_default=False,
    ),
]


def report(
    ctx: typer.Context,
    year: Year = None,
    date_from: From = None,
    date_to: To = None,
    fmt: Format = None,
    output_file: OutputFile = None,
    template_dir: TemplateDir = None,
    include_personal: Annotated[
        bool,
        typer.Option(
            "--include-personal",
            help=_("List a few complainants' names (never confidential ones)."),
        ),
    ] = False,
    no_appendix: Annotated[
        bool,
        typer.Option(
            "--no-appendix",
            help=_(
                "Leave out the appendix (Lampiran) listing the period's complaints."
            ),
        ),
    ] = False,
    as_of: SignedAsOf = None,
) -> None:
    from monev_cli import reporting

    now = today(as_of)
    period = period_of(year, date_from, date_to, now)
    chosen = format_of(fmt, output_file)
    refuse_terminal(chosen, output_file)
    context = reporting.build_context(
        ctx.obj.open(), period, now, include_personal, appendix=not no_appendix
    )
    rendered = rendered_in(context, chosen, template_dir)
    write_document(rendered, output_file, ctx.obj.db_path)
    missing = reporting.missing_profile(context)
    if missing:
        typer.echo(
            _(
                "Warning: the profile has no {keys}; the report leaves them blank. "
                "Set them with 'monev profile set KEY VALUE'."
            ).format(keys=", ".join(missing)),
            err=True,
        )


def refuse_terminal(chosen: str, output_file: Path | None) -> None:
    """A PDF or Word file is bytes: never written onto a terminal."""
    on_stdout = output_file is None or str(output_file) == "-"
    if on_stdout and chosen in DOCUMENTS and sys.stdout.isatty():
        raise InputError(
            _(
                "A {format} file cannot be shown on the terminal: give --output "
                "FILE, e.g. --output laporan.{format}."
            ).format(format=chosen)
        )


def write_document(
    data: str | bytes, output_file: Path | None, register: Path | None
) -> None:
    """A report on stdout (no file, or ``-``), straight into a device or a
    named pipe, or in a file that appears whole or not at all; never over the
    ``register``'s files."""
    binary = isinstance(data, bytes)
    if binary:
        sys.stdout.flush()
    with files.destination(output_file, binary=binary, register=register) as out:
        out.write(data)
    if output_file is not None and str(output_file) != "-":
        typer.echo(_("Wrote {path}.").format(path=output_file), err=True)


def format_of(fmt: ReportFormat | None, output_file: Path | None) -> str:
    """--format, else what the output file's extension names, else Markdown."""
    if fmt is not None:
        return fmt.value
    suffix = output_file.suffix.lower() if output_file else ""
    return EXTENSIONS.get(suffix, ReportFormat.md.value)


def rendered_in(
    context: dict, fmt: str, template_dir: Path | None, document: str = "report"
) -> str | bytes:
    """The ``document`` (report or consolidated) in ``fmt``: text, or a
    document's bytes. The document renderers load only here."""
    if fmt == "pdf":
        from monev_cli.documents import pdf

        return pdf.render(context, f"{document}.typ", template_dir)
    if fmt == "docx":
        from monev_cli.documents import docx

        return docx.render(context, f"{document}.docx", template_dir)
    from monev_cli import reporting

    templates = reporting.environment(template_dir)
    return reporting.render(templates, context, fmt, document)


narrative_app = typer.Typer(
    help=help_of("narrative"),
    no_args_is_help=True,
)


@narrative_app.command(
    "show", help=_("Show the texts a report uses, and where each comes from.")
)
def narrative_show(
    ctx: typer.Context,
    section: Annotated[
        str | None, typer.Argument(help=_("Only this section, as plain text."))
    ] = None,
    year: year_option(_("The texts this year's report uses.")) = None,
    as_json: JsonFlag = False,
) -> None:
    from monev_cli.register import narratives

    texts = list(narratives.effective(ctx.obj.open(), year).values())
    if section is not None:
        wanted = check_section(section)
        texts = [text for text in texts if text.section == wanted]
    if as_json:
        output.print_json([text.to_dict() for text in texts])
    elif section is not None:
        sys.stdout.write(texts[0].text + "\n")
    else:
        for text in texts:
            sys.stdout.write(f"== {text.section} ({text.source}) ==\n{text.text}\n\n")


@narrative_app.command(
    "set", help=_("Replace a section's text with the contents of a file.")
)
def narrative_set(
    ctx: typer.Context,
    section: Section,
    file: Annotated[
        str,
        typer.Option("--file", help=_("Read the text from this file; - for stdin.")),
    ],
    year: TextYear = None,
) -> None:
    from monev_cli.register import narratives

    text = _read_text(file)
    stored = narratives.set_text(ctx.obj.open(), section, text, year)
    _confirm_set(stored)


def _read_text(file: str) -> str:
    from monev_cli.paths import read_regular

    if file == "-":
        return sys.stdin.read()
    try:
        return read_regular(Path(file)).decode("utf-8")
    except FileNotFoundError:
        raise InputError(_("There is no file {path}.").format(path=file)) from None
    except UnicodeDecodeError:
        raise InputError(
            _("{path} is not UTF-8 text: save it as UTF-8 and try again.").format(
                path=file
            )
        ) from None
    except OSError as error:
        raise InputError(
            _("Cannot read {path}: {reason}.").format(path=file, reason=error.strerror)
        ) from None


@narrative_app.command("edit", help=_("Edit a section's text in $EDITOR."))
def narrative_edit(ctx: typer.Context, section: Section, year: TextYear = None) -> None:
    from monev_cli.commands.editor import edit
    from monev_cli.register import narratives

    register = ctx.obj.open()
    name = check_section(section)
    current = narratives.effective(register, year)[name].text
    edited = edit(current + "\n")
    if edited is None or edited.strip() == current.strip():
        typer.echo(_("No change to {section}.").format(section=name))
        return
    _confirm_set(narratives.set_text(register, name, edited, year))


def _confirm_set(text) -> None:
    typer.echo(
        _("Stored the text of {section} ({source}).").format(
            section=text.section, source=text.source
        )
    )


@narrative_app.command(
    "reset",
    help=_("Forget the agency's text of a section; the next in line is used again."),
)
def narrative_reset(
    ctx: typer.Context, section: Section, year: TextYear = None
) -> None:
    from monev_cli.register import narratives

    name = check_section(section)
    if narratives.reset(ctx.obj.open(), name, year):
        typer.echo(_("Forgot the stored text of {section}.").format(section=name))
    else:
        typer.echo(_("No text of {section} was stored.").format(section=name))


templates_app = typer.Typer(help=help_of("templates"), no_args_is_help=True)


@templates_app.command(
    "export", help=_("Write copies of the built-in templates to start an agency's own.")
)
def templates_export(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help=_("Where to write the copies."))],
    force: Annotated[
        bool, typer.Option("--force", help=_("Overwrite files already there."))
    ] = False,
) -> None:
    from monev_cli import reporting

    for path in reporting.export_templates(folder, force, ctx.obj.db_path):
        typer.echo(str(path))


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("recap"))(recap)
    app.command(help=help_of("report"))(report)
    app.add_typer(narrative_app, name="narrative")
    app.add_typer(templates_app, name="templates")
