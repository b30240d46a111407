"""The head's NIP: 18 digits, typed with or without spaces, printed grouped."""

import pytest
from conftest import register_digest


@pytest.mark.parametrize(
    "typed",
    ["abc", "19700101 199503 1 00", "1970010119950310011", "19700101-199503-1-001"],
)
def test_a_nip_that_is_not_18_digits_is_refused(monev, typed):
    before = register_digest(monev.db)
    assert monev.fails("profile", "set", "head_nip", typed) == (
        f"Error: The NIP '{typed}' cannot be used: give the 18 digits of the head's "
        "civil-service number, e.g. 19700101 199503 1 001."
    )
    assert register_digest(monev.db) == before


def test_a_nip_is_stored_as_its_digits(monev):
    assert monev.ok("profile", "set", "head_nip", " 19700101 199503 1 001 ") == (
        "head_nip = 197001011995031001\n"
    )
    assert monev.json("profile", "show")["head_nip"] == "197001011995031001"
    assert monev.ok("profile", "set", "head_nip", "") == "head_nip = \n"


def test_the_report_prints_it_grouped(reference):
    reference.ok("profile", "set", "head_nip", "197501152000121002")
    for fmt in ("md", "html"):
        text = reference.ok(
            "report", "--year", "2023", "--format", fmt, "--as-of", "2024-01-15"
        )
        assert "NIP. 19750115 200012 1 002" in text
