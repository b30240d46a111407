"""Checking the free text people type. Pure functions."""

import re
import unicodedata
from collections.abc import Sequence

from monev_cli.errors import InputError
from monev_cli.i18n import _

SUMMARY_MAX = 4000
SHORT_MAX = 200
# Control characters (category Cc) and lone surrogates (Cs): a text without
# any is accepted without looking at it character by character.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(
    value: str | None,
    field: str,
    *,
    required: bool = False,
    max_length: int = SHORT_MAX,
    multiline: bool = False,
) -> str | None:
    """Trimmed text, or ``None`` when optional and empty; refuses control
    characters, which a terminal or spreadsheet would act upon."""
    if value is not None and not isinstance(value, str):  # as a JSON file may have
        raise InputError(_("The {field} is not a text.").format(field=field))
    text = (value or "").strip()
    if not text:
        if required:
            raise InputError(_("The {field} is empty: type it in.").format(field=field))
        return None
    if _UNSAFE.search(text) is None:
        return _checked_length(text, field, max_length)
    allowed = "\n\t" if multiline else ""
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in allowed:
            raise InputError(
                _(
                    "The {field} holds a control character ({code}): retype it "
                    "as plain text."
                ).format(field=field, code=f"U+{ord(char):04X}")
            )
        if unicodedata.category(char) == "Cs":
            raise InputError(
                _("The {field} is not valid UTF-8 text: retype it.").format(field=field)
            )
    return _checked_length(text, field, max_length)


def _checked_length(text: str, field: str, max_length: int) -> str:
    if len(text) > max_length:
        raise InputError(
            _(
                "The {field} is {length} characters long; at most {limit} fit: "
                "shorten it."
            ).format(field=field, length=len(text), limit=max_length)
        )
    return text


def as_typed(text: str) -> str:
    """``text`` fit to print: bytes that were not UTF-8 (which Python holds
    as surrogates) are shown as ``\\xff``, as the user typed them."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def one_of(
    text: str, choices: Sequence[str], message: str, placeholder: str = "value"
) -> str:
    """``text`` as one of ``choices`` (case-insensitive); else ``message``, with
    ``text`` at ``{placeholder}`` and the valid choices at ``{choices}``."""
    value = text.strip().lower()
    if value not in choices:
        raise InputError(
            message.format(**{placeholder: text}, choices=", ".join(choices))
        )
    return value
