"""The register: the only package that speaks SQL.

``connection`` opens files and runs transactions; the other modules hold the
queries of one area each and take a ``Register`` as their first argument.
"""

from monev_cli.register.connection import (
    Register,
    create_register,
    discard_new_register,
    open_register,
)

__all__ = ["Register", "create_register", "discard_new_register", "open_register"]
