"""Translation of user-facing messages.

Every message a person reads goes through ``_()`` so that gettext catalogs
can translate it; until a language is chosen, messages stay in English.
"""

import gettext

_translations: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)
