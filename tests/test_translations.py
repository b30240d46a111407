"""The message catalogs: current with the code, wholly translated, compiled.

A failure here after adding or changing a message means: bring the catalogs
up to date with the commands in README.md, "Bahasa Indonesia and other
languages" (extract, update, translate, compile).
"""

import gettext
import string
from io import BytesIO
from pathlib import Path

import pytest
import typer.main
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from typer import rich_utils

import monev_cli
from monev_cli.cli import app
from monev_cli.commands.language import RICH_HELP_WORDS, TYPER_MESSAGES
from monev_cli.i18n import DOMAIN, LANGUAGES, LOCALE_DIR, SOURCE_LANGUAGE

TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
TRANSLATIONS = [language for language in LANGUAGES if language != SOURCE_LANGUAGE]
UPDATE = (
    "bring the catalogs up to date: see README.md, 'Bahasa Indonesia and other "
    "languages'"
)


def catalog_file(language: str, suffix: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def read(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def msgids(catalog) -> set:
    return {message.id for message in catalog if message.id}


def test_the_template_holds_exactly_the_messages_of_the_code():
    in_code = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            Path(monev_cli.__file__).parent
        )
    }
    in_template = msgids(read(TEMPLATE))
    new, gone = _difference(in_code, in_template), _difference(in_template, in_code)
    assert not new, f"In the code, not in monev.pot ({UPDATE}): {new}"
    assert not gone, f"In monev.pot, gone from the code ({UPDATE}): {gone}"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_each_catalog_follows_the_template(language):
    catalog = msgids(read(catalog_file(language, ".po")))
    template = msgids(read(TEMPLATE))
    missing, obsolete = _difference(template, catalog), _difference(catalog, template)
    assert not missing, f"Not in the {language} catalog ({UPDATE}): {missing}"
    assert not obsolete, f"Obsolete in the {language} catalog ({UPDATE}): {obsolete}"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    untranslated = [
        message.id
        for message in read(catalog_file(language, ".po"))
        if message.id and (message.fuzzy or not all(_strings(message)))
    ]
    assert not untranslated, (
        f"Translate these in {language}/LC_MESSAGES/monev.po, then compile it "
        f"({UPDATE}): {untranslated}"
    )


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translations_keep_the_placeholders(language):
    broken = [
        (message.id, translated)
        for message in read(catalog_file(language, ".po"))
        if message.id
        for translated in _strings(message)
        if translated and _fields(translated) != _fields(_msgid_forms(message)[-1])
    ]
    assert not broken, f"Translations that lose or add a {{placeholder}}: {broken}"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_the_shipped_mo_is_compiled_from_the_po(language):
    compiled = BytesIO()
    write_mo(compiled, read(catalog_file(language, ".po")))
    compiled.seek(0)
    with catalog_file(language, ".mo").open("rb") as shipped:
        assert (
            gettext.GNUTranslations(shipped)._catalog
            == gettext.GNUTranslations(compiled)._catalog
        ), f"monev.mo is stale: {UPDATE}"


def test_every_help_text_is_a_message_of_the_catalog():
    """A command's help given as a docstring, or without _(), is never
    translated: give it as help=_("...")."""
    template = msgids(read(TEMPLATE))
    texts = _help_texts(typer.main.get_command(app))
    untranslatable = [text for text in texts if text not in template]
    assert not untranslatable, f"Give these as help=_(...): {untranslatable}"


def test_the_typer_words_we_translate_are_typer_s_own():
    rich_help = Path(rich_utils.__file__).read_text()
    for name, text in RICH_HELP_WORDS.items():
        assert f'{name} = _("{text}")' in rich_help
    typer_core = Path(typer.main.__file__).with_name("core.py").read_text()
    for text in TYPER_MESSAGES:
        assert f'_("{text}")' in typer_core


def _difference(these: set, those: set) -> list:
    return sorted(these - those, key=str)


def _strings(message) -> tuple[str, ...]:
    string_ = message.string
    return (string_,) if isinstance(string_, str) else tuple(string_)


def _msgid_forms(message) -> tuple[str, ...]:
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def _fields(text: str) -> set[str]:
    parsed = string.Formatter().parse(text)
    return {field for _literal, field, _spec, _conv in parsed if field is not None}


def _help_texts(command):
    for text in (command.help, command.short_help, command.epilog):
        if text:
            yield text
    for param in command.params:
        if getattr(param, "help", None):
            yield param.help
    for subcommand in getattr(command, "commands", {}).values():
        yield from _help_texts(subcommand)
