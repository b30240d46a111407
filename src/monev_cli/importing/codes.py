"""The channels and types a monev JSON export carries. The codes the
register lacks come in with the complaints, with their labels and life; a
code the register has changed keeps its own label and life; a type
classified otherwise stops the import, since its complaints would be
counted apart."""

from monev_cli.errors import InputError
from monev_cli.fields import check_classification
from monev_cli.i18n import _
from monev_cli.importing.history import iso_date
from monev_cli.models import Code
from monev_cli.register import catalog, codes
from monev_cli.register.codes import Arrival
from monev_cli.register.connection import Register
from monev_cli.texts import clean_text

LISTS = ("channels", "types")


def codes_brought(
    register: Register, document: dict, source: str
) -> dict[str, list[Arrival]]:
    """What the file's lists change in the register's: the codes it lacks,
    and the new label, retirement or missing detail of a code the register
    has never changed (a built-in one as shipped). An export made before
    exports carried their codes brings nothing."""
    brought: dict[str, list[Arrival]] = {}
    for table in LISTS:
        items = document.get(table) or []
        if not isinstance(items, list):
            raise InputError(
                _("'{list}' in {file} is not a list.").format(list=table, file=source)
            )
        brought[table] = []
        if not items:
            continue
        have = {code.code: code for code in catalog.codes(register, table)}
        details = dict(_details(register, table))
        changed = codes.changed(register, table)
        for number, item in enumerate(items, start=1):
            code, detail = _read(item, table, number)
            known = have.get(code.code)
            if known is None:
                have[code.code] = code
                brought[table].append(Arrival(code, detail, None))
                continue
            _check_classification(known, code, source)
            detail = None if details.get(code.code) else detail
            untouched = code.code not in changed
            if detail or (untouched and known[:2] + known[4:] != code[:2] + code[4:]):
                brought[table].append(Arrival(code, detail, known))
    return brought


def lists_after(
    register: Register, brought: dict[str, list[Arrival]], table: str
) -> list[Code]:
    """The list as it will be once the file's codes are taken in."""
    arriving = {arrival.code.code: arrival.code for arrival in brought[table]}
    have = catalog.codes(register, table)
    kept = [arriving.pop(code.code, code) for code in have]
    return kept + list(arriving.values())


def _details(register: Register, table: str):
    if table == "channels":
        for code, _label, detail in catalog.channel_details(register):
            yield code, detail


def _check_classification(known: Code, code: Code, source: str) -> None:
    if known.classification != code.classification:
        raise InputError(
            _(
                "The type '{code}' is {here} in this register but {there} "
                "in {file}: make them agree (monev types classify {code} "
                "{there}) and import again."
            ).format(
                code=code.code,
                here=known.classification,
                there=code.classification,
                file=source,
            )
        )


def _read(item, table: str, number: int) -> tuple[Code, str | None]:
    try:
        if not isinstance(item, dict):
            raise InputError(_("it is not a JSON object."))
        classification = (
            check_classification(str(item.get("classification")))
            if table == "types"
            else None
        )
        code = Code(
            codes.check_code(_text(item.get("code"))),
            clean_text(_text(item.get("label")), _("label"), required=True),
            classification,
            _day(item.get("added_on")),
            _day(item.get("retired_on")),
        )
        return code, clean_text(_text(item.get("detail")), _("detail"))
    except InputError as error:
        raise InputError(
            _("Entry {number} of '{list}' in the file: {reason}").format(
                number=number, list=table, reason=error.message
            )
        ) from None


def _text(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputError(_("It is not a text, a number or a date."))


def _day(value) -> str | None:
    return None if value is None else iso_date(value).isoformat()
