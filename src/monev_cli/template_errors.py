"""What went wrong in a report template, in one line naming the template
and, where Jinja knows it, the line. An agency's own template can fail in
any way Python can: each failure is said, none reaches the user as a
traceback."""

import traceback

from monev_cli.errors import InputError, MonevError
from monev_cli.i18n import _


def explain(error: Exception, name: str) -> MonevError:
    """The error to show for ``error``, raised while rendering ``name``."""
    import jinja2

    if isinstance(error, MonevError):
        return error
    if isinstance(error, jinja2.TemplateNotFound):
        return InputError(
            _(
                "There is no template '{name}', neither the agency's nor built in."
            ).format(name=error.name)
        )
    if isinstance(error, jinja2.TemplateSyntaxError):
        return InputError(
            _("The template {name} has an error on line {line}: {reason}.").format(
                name=error.name or name,
                line=error.lineno,
                reason=(error.message or "").rstrip("."),
            )
        )
    if isinstance(error, jinja2.UndefinedError):
        return InputError(
            _(
                "The template {name} names a value the report does not have "
                "({reason}): check the spelling against 'monev templates export'."
            ).format(name=name, reason=error.message)
        )
    if isinstance(error, UnicodeDecodeError):
        return InputError(
            _("The template {name} is not UTF-8 text: save it as UTF-8.").format(
                name=name
            )
        )
    return _failed(error, *_where(error, name))


def _failed(error: Exception, name: str, line: int | None) -> InputError:
    if isinstance(error, RecursionError):
        reason = _("it calls itself without end: check its extends, include and macros")
    else:
        reason = str(error).rstrip(".") or type(error).__name__
    if line is None:
        message = _("The template {name} failed: {reason}.")
    else:
        message = _("The template {name} failed on line {line}: {reason}.")
    return InputError(message.format(name=name, line=line, reason=reason))


def _where(error: Exception, name: str) -> tuple[str, int | None]:
    """The template and line the error was raised in: Jinja gives a
    template's frames the template's file name and line."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return name, None
