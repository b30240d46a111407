"""The agency's own narrative texts for the report, kept in the register so
that a copy of the file reproduces every report."""

from typing import NamedTuple

from monev_cli import narrative
from monev_cli.register.connection import Register

AGENCY_WIDE = 0  # the year under which a text for every year is stored


class Text(NamedTuple):
    section: str
    text: str
    year: int | None  # the year it was set for, AGENCY_WIDE, or None: the default

    @property
    def source(self) -> str:
        if self.year is None:
            return "default"
        return "agency-wide" if self.year == AGENCY_WIDE else f"year {self.year}"

    def to_dict(self) -> dict:
        return {"section": self.section, "source": self.source, "text": self.text}


def effective(register: Register, year: int | None) -> dict[str, Text]:
    """Every section's text for ``year``: the text set for that year, else the
    agency-wide one, else the default."""
    texts = {
        section: Text(section, text, None)
        for section, text in narrative.defaults().items()
    }
    rows = register.rows(
        "SELECT section, year, text FROM narratives WHERE year IN (?, ?) "
        "ORDER BY year = ?",
        (AGENCY_WIDE, year or AGENCY_WIDE, year or AGENCY_WIDE),
    )
    for section, stored_year, text in rows:
        if section in texts:
            texts[section] = Text(section, text, stored_year)
    return texts


def set_text(register: Register, section: str, text: str, year: int | None) -> Text:
    section = narrative.check_section(section)
    text = narrative.check_text(text)
    scope = year or AGENCY_WIDE
    with register.write() as conn:
        conn.execute(
            "INSERT INTO narratives (section, year, text) VALUES (?, ?, ?) "
            "ON CONFLICT (section, year) DO UPDATE SET text = excluded.text",
            (section, scope, text),
        )
    return Text(section, text, scope)


def reset(register: Register, section: str, year: int | None) -> bool:
    """Forget the text set for ``year`` (or agency-wide); False if none was."""
    section = narrative.check_section(section)
    with register.write() as conn:
        cursor = conn.execute(
            "DELETE FROM narratives WHERE section = ? AND year = ?",
            (section, year or AGENCY_WIDE),
        )
    return cursor.rowcount > 0
