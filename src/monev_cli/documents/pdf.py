"""PDF documents from a context and a Typst template.

The context reaches Typst as JSON through ``sys.inputs``: every text is data,
printed as typed, so a summary holding ``#``, ``$`` or ``]`` cannot change the
document. The templates and the logo are laid in a fresh folder, the only
one Typst may read.
"""

import json
import tempfile
from pathlib import Path

from monev_cli.documents.templates import BUILT_IN, find
from monev_cli.errors import InputError
from monev_cli.i18n import _


def render(context: dict, template: str, template_dir: Path | None = None) -> bytes:
    """The PDF of ``template`` (e.g. ``report.typ``) filled from ``context``."""
    import typst

    source = find(template, template_dir)
    with tempfile.TemporaryDirectory(prefix="monev-") as folder:
        root = Path(folder)
        _lay_templates(root, template_dir)
        main = root / template
        main.write_bytes(source.read_bytes())
        logo = context.get("logo")
        if logo is not None:
            (root / context["letterhead"]["logo"]).write_bytes(logo.data)
        try:
            return typst.compile(
                str(main), root=folder, sys_inputs={"context": as_json(context)}
            )
        except typst.TypstError as error:
            raise InputError(
                _("The template {name} cannot be rendered: {reason}.").format(
                    name=source, reason=_reason(error)
                )
            ) from None


def _lay_templates(root: Path, template_dir: Path | None) -> None:
    """Every Typst file a template may import (the letterhead): the built-in
    ones, then the agency's own in their place."""
    folders = [BUILT_IN] + ([template_dir] if template_dir else [])
    for folder in folders:
        for path in folder.glob("*.typ"):
            (root / path.name).write_bytes(path.read_bytes())


def as_json(context: dict) -> str:
    """The context as a template reads it: the logo's bytes stay out."""
    return json.dumps(
        {key: value for key, value in context.items() if key != "logo"},
        ensure_ascii=False,
    )


def _reason(error) -> str:
    message = str(getattr(error, "message", "") or error).rstrip(".")
    hints = [str(hint) for hint in getattr(error, "hints", None) or ()]
    return "; ".join([message, *hints])
