"""The report's narrative: its sections, default texts and how a text is read.

A text is plain writing: blank lines separate paragraphs, and a paragraph whose
lines all start with ``- `` or ``1. `` is a list. ``{instansi}`` and the other
placeholders are filled in from the profile and the period. The defaults ship
in ``data/narrative.toml``; the agency's own texts live in its register.
"""

import re
from functools import cache

from monev_cli.errors import InputError
from monev_cli.i18n import _
from monev_cli.texts import clean_text, one_of

# section -> what it holds, in report order
SECTIONS = {
    "kata_pengantar": "foreword, before the table of contents",
    "latar_belakang": "BAB I, 1.1: background",
    "dasar_hukum": "BAB I, 1.2: legal bases (a list)",
    "maksud_tujuan": "BAB I, 1.3: purpose and aims",
    "pengaduan": "BAB II: what a complaint is, its forms and classification",
    "asas": "BAB II: principles and ethics of handling",
    "saluran": "BAB II: introduction to the list of channels",
    "penanganan": "BAB II: how complaints are handled and answered",
    "tindak_lanjut": "BAB II: what was followed up this period (empty: left out)",
    "hambatan": "BAB III: obstacles",
    "upaya": "BAB III: remedies",
    "penutup": "closing paragraph",
}
PLACEHOLDERS = {
    "instansi": "the agency's short name and region",
    "instansi_lengkap": "the agency's full name and region",
    "wilayah": "the region",
    "periode": "the period, e.g. Januari - Desember 2023",
    "batas_jawab": "the answer limit, e.g. 30 (tiga puluh) hari kalender",
}
TEXT_MAX = 20_000

_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")
_BULLET = re.compile(r"^[-*]\s+")
_NUMBERED = re.compile(r"^\d+[.)]\s+")


@cache
def defaults() -> dict[str, str]:
    import tomllib
    from importlib.resources import files

    text = files("monev_cli").joinpath("data", "narrative.toml").read_text("utf-8")
    loaded = tomllib.loads(text)
    return {section: loaded[section].strip() for section in SECTIONS}


def check_section(name: str) -> str:
    return one_of(
        name.replace("-", "_"),
        SECTIONS,
        _("Unknown narrative section '{name}'. Valid: {choices}."),
        "name",
    )


def check_text(text: str) -> str:
    """The text as stored; empty leaves the section out of the report."""
    cleaned = clean_text(
        text.replace("\r\n", "\n"), _("text"), max_length=TEXT_MAX, multiline=True
    )
    unknown = sorted(
        {name for name in _PLACEHOLDER.findall(cleaned or "")} - set(PLACEHOLDERS)
    )
    if unknown:
        raise InputError(
            _("Unknown placeholder {name} in the text. Valid: {choices}.").format(
                name="{" + unknown[0] + "}",
                choices=", ".join("{" + key + "}" for key in PLACEHOLDERS),
            )
        )
    return cleaned or ""


def fill(text: str, values: dict[str, str]) -> str:
    """The text with its placeholders replaced; other braces stay as typed."""
    return _PLACEHOLDER.sub(
        lambda match: values.get(match.group(1), match.group(0)), text
    )


def blocks(text: str) -> list[dict]:
    """Paragraphs and lists, for a template to lay out."""
    result = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        for kind, marker in (("ul", _BULLET), ("ol", _NUMBERED)):
            if all(marker.match(line) for line in lines):
                items = [marker.sub("", line) for line in lines]
                result.append({"kind": kind, "text": "", "entries": items})
                break
        else:
            result.append({"kind": "p", "text": " ".join(lines), "entries": []})
    return result
