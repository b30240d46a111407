"""Translation of user-facing messages, and the choice of language.

Every message a person reads goes through ``_()`` (or ``ngettext()``) so that
the gettext catalogs under ``locale/`` can translate it. English is the
source language: it needs no catalog. The language of one command is chosen
by ``choose()`` and put in force with ``speaking()``; until then, messages
stay in English. Standard library only: Babel is a translator's tool.
"""

import gettext
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from monev_cli.errors import InputError

DOMAIN = "monev"
LOCALE_DIR = Path(__file__).parent / "locale"
SOURCE_LANGUAGE = "en"
# A translator who adds a language adds its code here (and its catalog).
LANGUAGES = (SOURCE_LANGUAGE, "id")
# Where the system says which language its user reads, in gettext's order.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for the catalog where it is defined; ``_()`` translates
    it where it is shown."""
    return message


def check_language(text: str) -> str:
    language = text.strip().lower()
    if language not in LANGUAGES:
        raise InputError(
            _(
                "The language '{language}' is not available: give one of {choices}."
            ).format(language=text, choices=", ".join(LANGUAGES))
        )
    return language


def translations(language: str) -> gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, [language], fallback=True)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Messages in ``language`` until the block ends."""
    global _translations
    previous = _translations
    _translations = translations(language)
    try:
        yield
    finally:
        _translations = previous


def choose(
    requested: str | None,
    profile_language: Callable[[], str | None],
    environ: Mapping[str, str],
) -> str:
    """``--lang`` (or MONEV_LANG), else the register's profile, else the
    system locale, else English. The profile is read only when needed."""
    if language := _known(requested):
        return language
    if language := _known(profile_language()):
        return language
    return system_language(environ)


def _known(code: str | None) -> str | None:
    language = (code or "").strip().lower()
    return language if language in LANGUAGES else None


def system_language(environ: Mapping[str, str]) -> str:
    """The language of the first locale variable set, e.g. ``id`` for
    LANG=id_ID.UTF-8; English when it names a language we do not have."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if not value:
            continue
        for entry in value.split(":"):
            code = re.split(r"[_.@]", entry, maxsplit=1)[0].lower()
            if code in LANGUAGES:
                return code
        return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE
