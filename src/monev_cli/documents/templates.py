"""Where a document's template comes from: the agency's folder first, then
the built-in ones shipped with monev."""

from pathlib import Path

from monev_cli.errors import InputError
from monev_cli.i18n import _

BUILT_IN = Path(__file__).parent.parent / "templates"


def check_folder(template_dir: Path | None) -> None:
    """The agency's folder, when one is given, must exist."""
    if template_dir is not None and not template_dir.is_dir():
        raise InputError(
            _("The template folder {folder} does not exist.").format(
                folder=template_dir
            )
        )


def find(name: str, template_dir: Path | None) -> Path:
    """The agency's ``name`` when its folder has one, else the built-in one."""
    check_folder(template_dir)
    if template_dir is not None and (template_dir / name).is_file():
        return template_dir / name
    built_in = BUILT_IN / name
    if not built_in.is_file():
        raise InputError(
            _(
                "There is no template '{name}', neither the agency's nor built in."
            ).format(name=name)
        )
    return built_in
