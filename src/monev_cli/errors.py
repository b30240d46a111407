"""The errors core code raises; every message is written for a desk officer.

The command line prints ``Error: <message>`` and exits with ``exit_code``.
"""


class MonevError(Exception):
    """Base of every error the user may see."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(MonevError):
    """What was typed is not acceptable (a date, a code, a text)."""


class NotFoundError(MonevError):
    """A complaint, code or file that was named does not exist."""


class StateError(MonevError):
    """The change is not allowed in the complaint's current state."""


class RegisterFileError(MonevError):
    """The register file is missing, unreadable, or not a monev register."""
