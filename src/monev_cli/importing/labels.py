"""The words agencies write in their sheets for channels and types, beyond
the register's own codes and report labels (those for a status and for yes
or no are the fields' own: ``fields``)."""

from collections.abc import Sequence

from monev_cli.errors import InputError
from monev_cli.i18n import _
from monev_cli.importing.columns import normalise
from monev_cli.models import Code

# Labels agencies write that are neither a code nor a default label.
CHANNEL_ALIASES = {
    "datang langsung": "langsung", "tatap muka": "langsung", "loket": "langsung",
    "telephone": "telepon", "telpon": "telepon", "telp": "telepon",
    "call center": "telepon", "fb": "facebook", "ig": "instagram",
    "web": "website", "situs web": "website", "lapor sp4n": "lapor",
    "sp4n lapor": "lapor", "sp4n": "lapor", "kotak saran": "kotak",
    "e mail": "email", "surel": "email",
}  # fmt: skip
TYPE_ALIASES = {
    "informasi": "informasi", "saran": "informasi",
    "permintaan informasi": "informasi", "pengaduan": "layanan",
    "pengaduan pelayanan": "layanan", "standar pelayanan": "standar",
    "pelanggaran disiplin pegawai": "disiplin", "lain lain": "lainnya",
}  # fmt: skip


class Codes:
    """Reads a channel or type as its code, label or a common alias."""

    def __init__(
        self, codes: Sequence[Code], aliases: dict[str, str], kind: str, command: str
    ) -> None:
        valid = {code.code for code in codes}
        self.known = {alias: code for alias, code in aliases.items() if code in valid}
        for code in codes:
            self.known[normalise(code.label)] = code.code
            self.known[normalise(code.code)] = code.code
        self.kind = kind
        self.command = command

    def __call__(self, text: str | None) -> str:
        text = (text or "").strip()
        if not text:
            raise InputError(
                _("The {field} is empty: type it in.").format(field=self.kind)
            )
        code = self.known.get(normalise(text))
        if code is None:
            raise InputError(
                _(
                    "'{text}' is not a known {kind}: use a code or label from "
                    "'monev {command}', or add it with 'monev {command} add'."
                ).format(text=text, kind=self.kind, command=self.command)
            )
        return code
