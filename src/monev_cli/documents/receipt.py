"""The desk's receipt (tanda terima pengaduan): what the complainant takes
home to ask about the complaint later. Only this complaint's public facts and
the officer who received it; never anyone's name or contact."""

from monev_cli import indonesian as id_
from monev_cli.documents.context import letterhead
from monev_cli.errors import InputError
from monev_cli.i18n import _
from monev_cli.models import EVENT_RECORDED, Complaint
from monev_cli.register import Register, catalog
from monev_cli.register import logo as logos
from monev_cli.reporting import limit_text


def build_context(register: Register, complaint: Complaint) -> dict:
    """Everything receipt.typ shows, as plain data (``logo`` aside)."""
    if complaint.voided:
        raise InputError(
            _(
                "{ref} was voided: it has no receipt. 'monev show {ref}' tells why."
            ).format(ref=complaint.tracking_no)
        )
    profile = catalog.profile(register)
    logo = logos.get(register)
    labels = {
        table: {code.code: code.label for code in catalog.codes(register, table)}
        for table in ("channels", "types")
    }
    received = [e for e in complaint.events if e.kind == EVENT_RECORDED]
    return {
        "letterhead": letterhead(profile, logo),
        "logo": logo,
        "complaint": {
            "tracking_no": complaint.tracking_no,
            "received": id_.long_date(complaint.received_on),
            "channel": labels["channels"].get(complaint.channel, complaint.channel),
            "type": labels["types"].get(complaint.type, complaint.type),
            "summary": complaint.summary,
            "due": id_.long_date(complaint.due_on),
            "limit": limit_text(register, complaint.received_on),
        },
        "ask": {"phone": profile["phone"], "website": profile["website"]},
        "signed": {
            "city": profile["city"],
            "date": id_.long_date(complaint.received_on),
            "officer": received[0].officer if received else "",
        },
    }
