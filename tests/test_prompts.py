"""The prompts of `monev record` on a terminal forgive: a wrong answer is
asked again, keeping what was typed; Ctrl-C or Ctrl-D cancels in one line."""

import io

import pytest
from conftest import AS_OF, register_digest

CANCELLED = "Error: Cancelled: nothing was changed.\n"


@pytest.fixture(autouse=True)
def terminal(monkeypatch):
    monkeypatch.setattr("monev_cli.commands.complaints.is_interactive", lambda: True)


class Interrupted(io.RawIOBase):
    """Keyboard input that the officer breaks off with Ctrl-C."""

    def __init__(self, typed: bytes) -> None:
        self.typed = typed

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self.typed:
            raise KeyboardInterrupt
        count = min(len(buffer), len(self.typed))
        buffer[:count], self.typed = self.typed[:count], self.typed[count:]
        return count


def test_a_blank_summary_is_asked_again_keeping_the_answers(monev):
    result = monev("record", "--as-of", AS_OF, input="langsung\nlayanan\n \nAntre\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "The summary is empty: type it in.\n"
    assert result.stdout.count("Summary:") == 2
    record = monev.json("show", "ADU-2023-0001")
    assert (record["channel"], record["type"], record["summary"]) == (
        "langsung",
        "layanan",
        "Antre",
    )


def test_a_summary_too_long_is_asked_again(monev):
    typed = "1\n1\n" + "x" * 4001 + "\nAntre\n"
    result = monev("record", "--as-of", AS_OF, input=typed)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "The summary is 4001 characters long; at most 4000 fit: shorten it.\n"
    )


def test_a_wrong_option_is_said_before_anything_is_asked(monev):
    result = monev(
        "record", "--unit", "a\x1bb", "--as-of", AS_OF, input="1\n1\nAntre\n"
    )
    assert result.stdout == ""
    assert result.stderr == (
        "Error: The unit holds a control character (U+001B): retype it as plain text.\n"
    )
    monev.record(external_ref="LPR-1")
    taken = monev("record", "--external-ref", "lpr-1", "--as-of", AS_OF, input="1\n")
    assert taken.stdout == ""
    assert taken.stderr.startswith("Error: The external reference lpr-1 is already")


@pytest.mark.parametrize("typed", ["", "langsung\n", "langsung\nlayanan\n"])
def test_ctrl_d_at_any_prompt_cancels_and_writes_nothing(monev, typed):
    before = register_digest(monev.db)
    result = monev("record", "--as-of", AS_OF, input=typed)
    assert result.exit_code == 1
    assert result.stderr == CANCELLED
    assert register_digest(monev.db) == before


def test_ctrl_c_cancels_and_writes_nothing(monev, monkeypatch):
    """The officer types a channel, then presses Ctrl-C at the Type prompt."""
    keyboard = io.BufferedReader(Interrupted(b"langsung\n"))
    monkeypatch.setattr("typer.testing.make_input_stream", lambda *_: keyboard)
    before = register_digest(monev.db)
    result = monev("record", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert result.stderr == CANCELLED
    assert result.stdout.endswith("Type: \n")
    assert register_digest(monev.db) == before
