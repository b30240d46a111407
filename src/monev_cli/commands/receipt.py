"""The desk's receipt: a one-page PDF the complainant takes home.

Typst loads only here and in 'record --receipt'."""

from pathlib import Path
from typing import Annotated

import typer

from monev_cli import files
from monev_cli.commands.common import Ref, TemplateDir
from monev_cli.commands.lazy import help_of
from monev_cli.i18n import _
from monev_cli.models import Complaint
from monev_cli.register import Register


def receipt(
    ctx: typer.Context,
    ref: Ref,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=_("Write to this file (default: tanda-terima-NUMBER.pdf)."),
        ),
    ] = None,
    template_dir: TemplateDir = None,
) -> None:
    from monev_cli.register import complaints as store

    register = ctx.obj.open()
    complaint = store.get(register, ref)
    target = output_file or Path(f"tanda-terima-{complaint.tracking_no}.pdf")
    write(register, complaint, target, template_dir)


def write(
    register: Register,
    complaint: Complaint,
    target: Path,
    template_dir: Path | None = None,
) -> None:
    """Render the receipt of ``complaint`` into ``target`` and say so."""
    from monev_cli.documents import pdf
    from monev_cli.documents import receipt as receipts

    context = receipts.build_context(register, complaint)
    data = pdf.render(context, "receipt.typ", template_dir)
    with files.destination(target, binary=True, register=register.path) as out:
        out.write(data)
    if str(target) != "-":
        typer.echo(_("Wrote {path}.").format(path=target), err=True)


def add_to(app: typer.Typer) -> None:
    app.command(help=help_of("receipt"))(receipt)
