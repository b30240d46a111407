"""Numbered schema migrations, applied in order through sqlite-utils.

Never edit a migration that has shipped: add the next number instead. The
functions are plain so that ``NAMES`` can be read without importing
sqlite-utils (it is slow to import and most commands do not need it).
"""

from monev_cli.models import DEFAULT_CHANNELS, DEFAULT_PREFIX, DEFAULT_TYPES

MIGRATION_SET = "monev"


def m001_initial(db) -> None:
    db["profile"].create({"key": str, "value": str}, pk="key")
    db["profile"].insert({"key": "prefix", "value": DEFAULT_PREFIX})
    db["channels"].create(
        {"code": str, "label": str, "detail": str, "position": int}, pk="code"
    )
    db["channels"].insert_all(
        {"code": code, "label": label, "detail": None, "position": index}
        for index, (code, label) in enumerate(DEFAULT_CHANNELS, start=1)
    )
    db["types"].create(
        {"code": str, "label": str, "classification": str, "position": int},
        pk="code",
    )
    db["types"].insert_all(
        {"code": code, "label": label, "classification": cls, "position": index}
        for index, (code, label, cls) in enumerate(DEFAULT_TYPES, start=1)
    )
    db["settings"].create(
        {"key": str, "effective_from": str, "value": str},
        pk=("key", "effective_from"),
    )
    db["holidays"].create({"day": str, "name": str}, pk="day")
    _create_complaints(db)
    _create_events(db)


def _create_complaints(db) -> None:
    db["complaints"].create(
        {
            "id": int,
            "tracking_no": str,
            "year": int,
            "seq": int,
            "received_on": str,
            "channel": str,
            "type": str,
            "classification": str,
            "summary": str,
            "name": str,
            "contact": str,
            "confidential": int,
            "unit": str,
            "external_ref": str,
            "status": str,
            "due_on": str,
            "answered_on": str,
            "voided": int,
            "void_reason": str,
        },
        pk="id",
        not_null={
            "tracking_no",
            "year",
            "seq",
            "received_on",
            "channel",
            "type",
            "classification",
            "summary",
            "confidential",
            "status",
            "due_on",
            "voided",
        },
        defaults={"confidential": 0, "voided": 0},
        foreign_keys=[("channel", "channels", "code"), ("type", "types", "code")],
    )
    table = db["complaints"]
    table.create_index(["tracking_no"], unique=True)
    table.create_index(["year", "seq"], unique=True)
    table.create_index(["received_on"])
    table.create_index(["status", "due_on"])
    table.create_index(["external_ref"])


def _create_events(db) -> None:
    db["events"].create(
        {
            "id": int,
            "complaint_id": int,
            "kind": str,
            "status": str,
            "event_on": str,
            "logged_at": str,
            "officer": str,
            "note": str,
        },
        pk="id",
        not_null={"complaint_id", "kind", "event_on", "logged_at", "officer"},
        foreign_keys=[("complaint_id", "complaints", "id")],
    )
    db["events"].create_index(["complaint_id"])


def m002_deadlines(db) -> None:
    # The national calendar as first used, so that every due date of the
    # register is counted on the same holidays, and so that recording a
    # complaint does not import the holidays package each time.
    db["national_holidays"].create({"day": str, "name": str}, pk="day")
    db["national_years"].create({"year": int, "source": str}, pk="year")
    # The overdue report reads only open complaints (a small part of a large
    # register): counted by due date, and listed oldest first from an index
    # that holds every column of the list, so that no table row is read.
    open_only = "WHERE status IN ('diterima', 'proses') AND voided = 0"
    db.execute(f"CREATE INDEX complaints_open_due ON complaints (due_on) {open_only}")
    db.execute(
        "CREATE INDEX complaints_open_list ON complaints (received_on, id, due_on, "
        f"tracking_no, channel, unit, summary, status, voided) {open_only}"
    )


def m003_reporting(db) -> None:
    """The agency's own report texts (year 0 holds the agency-wide text), and an
    index holding every column the report counts by, so that its aggregations
    read the index alone instead of each complaint's row."""
    db["narratives"].create(
        {"section": str, "year": int, "text": str},
        pk=("section", "year"),
        not_null={"section", "year", "text"},
    )
    db["complaints"].create_index(
        ["voided", "received_on", "channel", "type", "status", "due_on",
         "answered_on", "unit"],
        index_name="idx_complaints_report",
    )  # fmt: skip


def m004_corrections(db) -> None:
    """A correction of a recorded field is an entry of the complaint's history
    like any other: one entry per field changed, holding the field's name and
    its old and new values, so that a report as of an earlier day can read the
    value that stood then."""
    for column in ("field", "old_value", "new_value"):
        db["events"].add_column(column, str)


def m005_code_life(db) -> None:
    """Channels and types have a life: the day each was added and retired
    (none for the built-in ones, and for those added before this migration:
    open from the start), and a history of every change to the lists, dated,
    with the officer and the reason."""
    for table in ("channels", "types"):
        db[table].add_column("added_on", str)
        db[table].add_column("retired_on", str)
    db["code_changes"].create(
        {
            "id": int,
            "list": str,  # channels or types
            "code": str,
            "change": str,  # add, rename, classify, retire, unretire, remove
            "changed_on": str,
            "logged_at": str,
            "officer": str,
            "old_value": str,
            "new_value": str,
            "note": str,
        },
        pk="id",
        not_null={"list", "code", "change", "changed_on", "logged_at", "officer"},
    )
    db["code_changes"].create_index(["list", "code"])


def m006_letterhead(db) -> None:
    """Images the documents print, kept in the register itself (the agency's
    logo on its letterhead), so that a copy of it is still the whole truth."""
    db["images"].create(
        {"name": str, "format": str, "data": bytes},
        pk="name",
        not_null={"name", "format", "data"},
    )


def m007_identity(db) -> None:
    """A stable identity for the register, made once: a copy of the file keeps
    it, so that a consolidation over many registers can tell the same register
    given twice (under two names, or with its own export) from two agencies."""
    import uuid

    db["identity"].create({"register_id": str}, pk="register_id")
    db["identity"].insert({"register_id": str(uuid.uuid4())})


def m008_history_by_date(db) -> None:
    """Indexes that let a report read the history as it stood on a past day:
    each complaint's entries in date order, holding the kind and status so
    that its status then is read from the index alone; the entries by date
    (is anything dated after the day?) and by recording time (what was
    recorded after it?); and the corrections of each field."""
    db.execute(
        "CREATE INDEX events_history ON events (complaint_id, event_on, kind, status)"
    )
    db.execute("CREATE INDEX events_by_date ON events (event_on)")
    db.execute(
        "CREATE INDEX events_by_logged ON events (logged_at, event_on, complaint_id)"
    )
    db.execute(
        "CREATE INDEX events_corrections ON events (field, complaint_id, event_on) "
        "WHERE kind = 'koreksi'"
    )


MIGRATIONS = (
    m001_initial,
    m002_deadlines,
    m003_reporting,
    m004_corrections,
    m005_code_life,
    m006_letterhead,
    m007_identity,
    m008_history_by_date,
)
NAMES = tuple(migration.__name__ for migration in MIGRATIONS)


def apply(db) -> None:
    """Bring the register at ``db`` (a sqlite_utils Database) up to date."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for migration in MIGRATIONS:
        migrations()(migration)
    migrations.apply(db)
